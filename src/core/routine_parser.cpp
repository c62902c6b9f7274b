#include "core/routine_parser.h"

#include <algorithm>
#include <cctype>
#include <exception>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/input_text.h"
#include "core/json_fields.h"
#include "core/json_locator.h"
#include "core/routine_validation.h"
#include "core/translate.h"

namespace unknot::core {
namespace {

using nlohmann::json;

struct SyntaxError {
  std::size_t bytes_read = 0;  // nlohmann_json's position: the error is at the last byte read
  std::size_t token_size = 0;
  int id = 0;          // nlohmann_json's exception id (101 syntax, 406 number overflow)
  std::string detail;  // its description, without the position prefix
};

// A SAX pass that only checks syntax. Unlike json::parse, it reports a position for every
// error, number overflow included (json::parse throws out_of_range without one).
class SyntaxChecker final : public json::json_sax_t {
 public:
  std::optional<SyntaxError> error;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }

  bool parse_error(std::size_t position, const std::string& last_token,
                   const json::exception& ex) override {
    error = SyntaxError{position, last_token.size(), ex.id, bounded(strip_prefix(ex.what()))};
    return false;
  }

 private:
  // The parser quotes the token it last read ("...; last read: '<token>'; expected ..."), and a
  // token can be as long as the file: keep its start only, and the rest of the sentence.
  static std::string bounded(const std::string& detail) {
    constexpr std::string_view kRead = "last read: '";
    constexpr std::size_t kTokenChars = 40;
    const std::size_t start = detail.find(kRead);
    if (start == std::string::npos) return cut_text(detail, 300);
    const std::size_t from = start + kRead.size();
    std::size_t end = detail.rfind("'; ");
    if (end == std::string::npos || end < from) end = detail.rfind('\'');
    if (end == std::string::npos || end < from) end = detail.size();
    std::string out =
        detail.substr(0, from) + cut_text(detail.substr(from, end - from), kTokenChars);
    if (end < detail.size()) out += detail.substr(end);
    return out;
  }
  // "[json.exception.parse_error.101] parse error at line 1, column 8: syntax error ..." ->
  // "syntax error ...": we print our own position, counted the same way as everywhere else.
  static std::string strip_prefix(std::string_view what) {
    if (const auto column = what.find("column "); column != std::string_view::npos) {
      if (const auto colon = what.find(": ", column); colon != std::string_view::npos) {
        return std::string(what.substr(colon + 2));
      }
    }
    if (const auto bracket = what.find("] "); bracket != std::string_view::npos) {
      return std::string(what.substr(bracket + 2));
    }
    return std::string(what);
  }
};

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// Start of the token whose last byte is at `end`: a string back to its opening quote, a
// number or literal back over its characters.
std::size_t token_start(std::string_view text, std::size_t end) {
  if (text[end] == '"') {
    std::size_t i = end;
    while (i > 0 && !(text[i - 1] == '"' && (i < 2 || text[i - 2] != '\\'))) --i;
    return i > 0 ? i - 1 : 0;
  }
  std::size_t i = end;
  while (i > 0 && (std::isalnum(static_cast<unsigned char>(text[i - 1])) ||
                   std::string_view("+-.").find(text[i - 1]) != std::string_view::npos)) {
    --i;
  }
  return i;
}

struct Located {
  std::size_t offset = 0;
  std::string message;
};

// Places the error and explains the mistakes people make when writing JSON by hand.
Located explain(std::string_view text, const SyntaxError& error) {
  // TRANSLATORS: why a routine or homework file cannot be read at all; JSON is the file format.
  if (text.empty()) return {0, tr("not valid JSON: the file is empty")};
  std::size_t offset = error.bytes_read > 0 ? error.bytes_read - 1 : 0;
  if (offset >= text.size()) offset = text.size();
  // An overflowing number is reported after its last digit: point at its start.
  if (error.id == 406 && error.bytes_read >= error.token_size) {
    return {error.bytes_read - error.token_size,
            // TRANSLATORS: {detail} is the JSON reader's own English description of the error.
            fill(tr("not valid JSON: {detail}"), {{"detail", error.detail}})};
  }
  const char at = offset < text.size() ? text[offset] : '\0';
  if (at == '}' || at == ']') {
    const auto before = text.substr(0, offset).find_last_not_of(" \t\r\n");
    if (before != std::string_view::npos && text[before] == ',') {
      // TRANSLATORS: {bracket} is the closing bracket after the comma: } or ].
      return {offset, fill(tr("not valid JSON: a comma before '{bracket}' is not allowed (remove "
                              "the trailing comma)"),
                           {{"bracket", std::string(1, at)}})};
    }
  }
  if (at == '/' || at == '#') {
    return {offset, tr("not valid JSON: JSON has no comments (put notes in a field whose name "
                       "starts with \"_\")")};
  }
  if (contains(error.detail, "UTF-8")) {
    return {offset, tr("not valid JSON: the file must be UTF-8 text (found a byte that is not)")};
  }
  // A value where ',' or a closing bracket belongs is nearly always a forgotten comma.
  if (offset < text.size() && contains(error.detail, "unexpected") &&
      (contains(error.detail, "expected '}'") || contains(error.detail, "expected ']'"))) {
    const char closer = contains(error.detail, "expected '}'") ? '}' : ']';
    return {token_start(text, offset),
            // TRANSLATORS: {bracket} is the closing bracket expected: } or ].
            fill(tr("not valid JSON: expected ',' or '{bracket}' before this (is a comma "
                    "missing?)"),
                 {{"bracket", std::string(1, closer)}})};
  }
  // The detail may quote the offending bytes, which need not be valid UTF-8 or printable.
  std::string detail = error.detail;
  std::replace_if(
      detail.begin(), detail.end(),
      [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b < 0x20 || b >= 0x7F;
      },
      '?');
  return {offset, fill(tr("not valid JSON: {detail}"), {{"detail", detail}})};
}

ParseProblem problem_at(std::string_view text, std::string_view file, std::size_t offset,
                        std::string message) {
  const TextPosition at = position_at(text, offset);
  return ParseProblem{std::string(file), at.line, at.column, "", std::move(message)};
}

RoutineParseResult parse_checked(std::string_view text, std::string_view file,
                                 const PatternLookup& lookup) {
  RoutineParseResult result;
  std::optional<json> document =
      // TRANSLATORS: the kind of file, in "the most a routine file may be is 1 MiB".
      read_json_document(text, file, tr_noop("a routine file"), result.problems);
  if (!document) return result;
  const JsonLocator locator(text);
  ProblemLog log(file, locator);
  log_duplicate_keys(locator, log);
  // A caller without custom patterns may pass an empty lookup.
  const PatternLookup& patterns = lookup ? lookup : builtin_pattern_lookup();
  Routine routine = validate_routine(*document, log, patterns);
  result.problems = log.take();
  if (result.problems.empty()) result.routine = std::move(routine);
  return result;
}

}  // namespace

std::optional<json> read_json_document(std::string_view text, std::string_view file,
                                       std::string_view what, std::vector<ParseProblem>& problems) {
  // A routine of 60 steps is a few tens of kilobytes; anything near this is not a routine, and
  // refusing it early bounds the work done on hostile input.
  if (text.size() > kMaxRoutineFileBytes) {
    problems.push_back({std::string(file), 0, 0, "",
                        // TRANSLATORS: {size} as "4.2 MB (4404019 bytes)", {what} as "a routine
                        // file", {limit} as "1 MiB".
                        fill(tr("the file is {size}; the most {what} may be is {limit}"),
                             {{"size", byte_size_text(text.size())},
                              {"what", tr(what)},
                              {"limit", limit_text(kMaxRoutineFileBytes)}})});
    return std::nullopt;
  }
  // Said plainly, rather than as the first odd byte the JSON reader trips over.
  if (auto encoding = encoding_problem(text)) {
    problems.push_back({std::string(file), 1, 1, "", std::move(*encoding)});
    return std::nullopt;
  }
  SyntaxChecker checker;
  if (!json::sax_parse(text.begin(), text.end(), &checker) || checker.error) {
    const SyntaxError error = checker.error.value_or(SyntaxError{0, 0, 0, "unreadable"});
    Located located = explain(text, error);
    problems.push_back(problem_at(text, file, located.offset, std::move(located.message)));
    return std::nullopt;
  }
  return json::parse(text.begin(), text.end());
}

namespace {

std::string_view sides_name(Sides sides) {
  switch (sides) {
    case Sides::None:
      return "none";
    case Sides::Left:
      return "left";
    case Sides::Right:
      return "right";
    case Sides::Both:
      return "both";
  }
  return "none";
}

std::int64_t whole_seconds(Duration d) {
  return std::chrono::duration_cast<std::chrono::seconds>(d).count();
}

nlohmann::ordered_json step_document(const StepSpec& step) {
  nlohmann::ordered_json out;
  const bool pressure = step.kind == StepKind::Pressure;
  out["type"] = pressure ? "pressure" : "breathing";
  if (pressure) out["muscle"] = step.muscle;
  out["title"] = step.title;
  if (pressure) out["sides"] = sides_name(step.sides);
  if (pressure && !step.tool.empty()) out["tool"] = step.tool;
  if (!step.posture.empty()) out["posture"] = step.posture;
  if (!step.instruction.empty()) out["instruction"] = step.instruction;
  if (pressure && !step.referral.empty()) out["referral"] = step.referral;
  if (pressure) out["pressure"] = step.pressure_target;
  out["pattern"] = step.pattern_id;
  if (step.duration) out["duration_s"] = whole_seconds(*step.duration);
  if (step.breaths) out["breaths"] = *step.breaths;
  if (pressure && step.reps > 1) {
    out["reps"] = step.reps;
    out["rest_s"] = whole_seconds(step.rest);
  }
  return out;
}

}  // namespace

nlohmann::ordered_json routine_document(const Routine& routine) {
  nlohmann::ordered_json out;
  out["format_version"] = routine.format_version;
  out["id"] = routine.id;
  out["title"] = routine.title;
  if (!routine.summary.empty()) out["summary"] = routine.summary;
  if (!routine.tool.empty()) out["tool"] = routine.tool;
  if (!routine.regions.empty()) out["regions"] = routine.regions;
  if (!routine.cautions.empty()) out["cautions"] = routine.cautions;
  if (!routine.sources.empty()) out["sources"] = routine.sources;
  out["steps"] = nlohmann::ordered_json::array();
  for (const StepSpec& step : routine.steps) out["steps"].push_back(step_document(step));
  return out;
}

void log_duplicate_keys(const JsonLocator& locator, ProblemLog& log) {
  for (const auto& [pointer, where] : locator.duplicate_keys()) {
    log.at(pointer, where, tr("this field appears more than once in the same object; keep one"));
  }
}

std::size_t problem_count(const std::vector<ParseProblem>& problems) {
  if (problems.empty() || problems.back().more == 0) return problems.size();
  return problems.size() - 1 + problems.back().more;
}

std::string ParseProblem::to_string() const {
  std::string out = file;
  if (line > 0) {
    out += ':';
    out += std::to_string(line);
    if (column > 0) {
      out += ':';
      out += std::to_string(column);
    }
  }
  out += ": ";
  if (!field.empty()) out += field + ": ";
  return out + message;
}

std::string routine_json(const Routine& routine) {
  return routine_document(routine).dump(2, ' ', false,
                                        nlohmann::ordered_json::error_handler_t::replace) +
         "\n";
}

RoutineParseResult parse_routine(std::string_view text, std::string_view file,
                                 const PatternLookup& lookup) {
  // The contract is "never throws": an allocation failure or a library surprise becomes a
  // problem the caller can show, not a crash while opening a file.
  try {
    return parse_checked(text, file, lookup);
  } catch (const std::exception& e) {
    RoutineParseResult result;
    result.problems.push_back(
        {std::string(file), 0, 0, "",
         // TRANSLATORS: {error} is the program's own English description of what failed.
         fill(tr("could not read the routine: {error}"), {{"error", e.what()}})});
    return result;
  } catch (...) {
    RoutineParseResult result;
    result.problems.push_back({std::string(file), 0, 0, "", tr("could not read the routine")});
    return result;
  }
}

}  // namespace unknot::core
