#include "core/json_fields.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/input_text.h"
#include "core/list_text.h"
#include "core/number_text.h"
#include "core/translate.h"

namespace unknot::core {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxIdChars = 64;

// A pointer whose member names are cut to a readable length: a megabyte-long unknown key must not
// become a megabyte-long field in the message (the message quotes it with its real length).
std::string readable_pointer(std::string field) {
  if (field.size() <= kMaxQuotedChars) return field;
  std::string out;
  std::size_t start = 0;
  while (start < field.size()) {
    std::size_t end = field.find('/', start + 1);
    if (end == std::string::npos) end = field.size();
    out += cut_text(std::string_view(field).substr(start, end - start), kMaxQuotedChars + 1);
    start = end;
  }
  return out;
}

bool is_identifier(std::string_view s) {
  if (s.empty() || s.size() > kMaxIdChars) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

}  // namespace

// Field names are short, so the quadratic table costs nothing.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t substitute = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitute});
      diagonal = above;
    }
  }
  return row[b.size()];
}

void ProblemLog::at_value(std::string field, std::string message, std::string hint) {
  const TextPosition where = locator_.value(field);
  this->at(std::move(field), where, std::move(message), std::move(hint));
}

void ProblemLog::at_key(std::string field, std::string message, std::string hint) {
  const TextPosition where = locator_.key(field);
  this->at(std::move(field), where, std::move(message), std::move(hint));
}

void ProblemLog::at(std::string field, TextPosition where, std::string message, std::string hint) {
  if (problems_.size() >= kMaxProblems) {
    ++dropped_;
    return;
  }
  problems_.push_back({file_, where.line, where.column, readable_pointer(std::move(field)),
                       std::move(message), std::move(hint)});
}

std::vector<ParseProblem> ProblemLog::take() {
  // Checks run field by field, not in text order; a stable sort keeps the order of problems
  // found at the same spot.
  std::stable_sort(problems_.begin(), problems_.end(),
                   [](const ParseProblem& a, const ParseProblem& b) {
                     return a.line != b.line ? a.line < b.line : a.column < b.column;
                   });
  if (dropped_ > 0) {
    const std::size_t total = problems_.size() + dropped_;
    ParseProblem note{
        file_, 0, 0, "",
        // TRANSLATORS: the last line of a file's problems when there were too many to list: {n}
        // more were found, {total} in all.
        fill(trn("\u2026 and {n} more ({total} in all); fix these and check the file again",
                 "\u2026 and {n} more ({total} in all); fix these and check the file again",
                 dropped_),
             {{"n", std::to_string(dropped_)}, {"total", std::to_string(total)}})};
    note.more = dropped_;
    problems_.push_back(std::move(note));
  }
  return std::move(problems_);
}

std::size_t count_chars(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string describe(const json& value) {
  switch (value.type()) {
    case json::value_t::number_integer:
      return std::to_string(value.get<std::int64_t>());
    case json::value_t::number_unsigned:
      return std::to_string(value.get<std::uint64_t>());
    case json::value_t::number_float:
      return shortest_text(value.get<double>());
    case json::value_t::string:
      return quote_text(value.get_ref<const std::string&>());
    case json::value_t::boolean:
      return value.get<bool>() ? "true" : "false";
    case json::value_t::null:
      return "null";
    case json::value_t::array:
      // TRANSLATORS: what a file held where something else belongs, as in "(got an array)".
      return tr("an array");
    case json::value_t::object:
      return tr("an object");
    default:
      return value.type_name();
  }
}

std::string join_choices(std::span<const std::string_view> choices) { return or_list(choices); }

const json* FieldReader::member(std::string_view key, Need need) {
  const auto it = object_.find(std::string(key));
  if (it != object_.end()) return &*it;
  // One mistake, one problem: the misspelt member already points here.
  const bool suggested = std::find(suggested_.begin(), suggested_.end(), key) != suggested_.end();
  if (need == Need::Required && !suggested)
    // TRANSLATORS: what is wrong with a field of a routine or homework file; the message follows
    // the field's name, as in "/steps/2/title: is required but missing".
    log_.at_value(field(key), tr("is required but missing"));
  return nullptr;
}

std::optional<std::string> FieldReader::check_text(const json& value, const std::string& where,
                                                   std::size_t max_chars) {
  if (!value.is_string()) {
    // TRANSLATORS: {value} is what the file held instead, as 3, "text" or an array.
    log_.at_value(where, fill(tr("must be a string (got {value})"), {{"value", describe(value)}}));
    return std::nullopt;
  }
  const auto& s = value.get_ref<const std::string&>();
  // Text is spoken and shown on one or two lines, so layout characters have no place in it.
  if (std::any_of(s.begin(), s.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b < 0x20 || b == 0x7F;
      })) {
    log_.at_value(where, tr("must be a single line without tabs or line breaks"));
    return std::nullopt;
  }
  if (s.find_first_not_of(' ') == std::string::npos) {
    log_.at_value(where, tr("must not be empty or only spaces"));
    return std::nullopt;
  }
  if (const std::size_t n = count_chars(s); n > max_chars) {
    // TRANSLATORS: {n} is the text's length in characters, {limit} the most allowed.
    log_.at_value(where, fill(trn("is {n} character long; the limit is {limit}",
                                  "is {n} characters long; the limit is {limit}", n),
                              {{"n", std::to_string(n)}, {"limit", std::to_string(max_chars)}}));
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> FieldReader::text(std::string_view key, Need need,
                                             std::size_t max_chars) {
  const json* value = member(key, need);
  if (!value) return std::nullopt;
  return check_text(*value, field(key), max_chars);
}

std::optional<std::string> FieldReader::identifier(std::string_view key, Need need) {
  const json* value = member(key, need);
  if (!value) return std::nullopt;
  if (!value->is_string() || !is_identifier(value->get_ref<const std::string&>())) {
    log_.at_value(field(key), fill(tr("must be 1-64 characters from a-z, 0-9, _ and - (got "
                                      "{value})"),
                                   {{"value", describe(*value)}}));
    return std::nullopt;
  }
  return value->get<std::string>();
}

std::optional<std::int64_t> FieldReader::whole_number(std::string_view key, Need need,
                                                      std::int64_t min, std::int64_t max,
                                                      std::string_view limits) {
  const json* value = member(key, need);
  if (!value) return std::nullopt;
  const std::string got = describe(*value);
  // JSON has one number type; 45.0 is as whole as 45, but 45.5 is not.
  const bool whole =
      value->is_number_integer() ||
      (value->is_number_float() && std::floor(value->get<double>()) == value->get<double>());
  if (!whole) {
    // TRANSLATORS: {limits} says what is allowed, as "between 5 and 1800 seconds"; {value} is
    // what the file held.
    log_.at_value(field(key), fill(tr("must be a whole number {limits} (got {value})"),
                                   {{"limits", limits}, {"value", got}}));
    return std::nullopt;
  }
  bool in_range = false;
  std::int64_t n = 0;
  if (value->is_number_unsigned()) {
    const auto u = value->get<std::uint64_t>();
    in_range = max >= 0 && u <= static_cast<std::uint64_t>(max) &&
               (min <= 0 || u >= static_cast<std::uint64_t>(min));
    if (in_range) n = static_cast<std::int64_t>(u);
  } else if (value->is_number_integer()) {
    n = value->get<std::int64_t>();
    in_range = n >= min && n <= max;
  } else {
    // Compare as double before converting: 1e300 must not reach the integer cast.
    const double d = value->get<double>();
    in_range = d >= static_cast<double>(min) && d <= static_cast<double>(max);
    if (in_range) n = static_cast<std::int64_t>(d);
  }
  if (!in_range) {
    log_.at_value(field(key),
                  fill(tr("must be {limits} (got {value})"), {{"limits", limits}, {"value", got}}));
    return std::nullopt;
  }
  return n;
}

std::optional<std::string> FieldReader::choice(std::string_view key, Need need,
                                               std::span<const std::string_view> choices) {
  const json* value = member(key, need);
  if (!value) return std::nullopt;
  if (value->is_string()) {
    const auto& s = value->get_ref<const std::string&>();
    if (std::find(choices.begin(), choices.end(), s) != choices.end()) return s;
  }
  log_.at_value(field(key),
                // TRANSLATORS: {choices} lists the words allowed, as "breathing or pressure".
                fill(tr("must be {choices} (got {value})"),
                     {{"choices", join_choices(choices)}, {"value", describe(*value)}}));
  return std::nullopt;
}

std::optional<std::vector<std::string>> FieldReader::text_list(std::string_view key, Need need,
                                                               std::size_t max_items,
                                                               std::size_t max_chars) {
  const json* items = array(key, need, 0, max_items);
  if (!items) return std::nullopt;
  std::vector<std::string> out;
  bool ok = true;
  for (std::size_t i = 0; i < items->size(); ++i) {
    auto item = check_text((*items)[i], pointer_append(field(key), i), max_chars);
    if (item) {
      out.push_back(std::move(*item));
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

const json* FieldReader::array(std::string_view key, Need need, std::size_t min_items,
                               std::size_t max_items) {
  const json* value = member(key, need);
  if (!value) return nullptr;
  if (!value->is_array()) {
    log_.at_value(field(key), fill(tr("must be an array [ ... ] (got {value})"),
                                   {{"value", describe(*value)}}));
    return nullptr;
  }
  if (value->size() < min_items || value->size() > max_items) {
    // TRANSLATORS: {min} and {max} bound how many entries a list may have; {n} is how many it has.
    log_.at_value(field(key), fill(tr("must have {min} to {max} entries (got {n})"),
                                   {{"min", std::to_string(min_items)},
                                    {"max", std::to_string(max_items)},
                                    {"n", std::to_string(value->size())}}));
    return nullptr;
  }
  return value;
}

void FieldReader::reject(std::string_view key, std::string_view why) {
  if (has(key)) log_.at_key(field(key), std::string(why));
}

void FieldReader::reject_unknown(std::span<const std::string_view> known) {
  for (const auto& [name, value] : object_.items()) {
    if (name.starts_with('_') || std::find(known.begin(), known.end(), name) != known.end()) {
      continue;
    }
    std::string_view closest;
    std::size_t best = 3;  // more than two edits is no longer a typo
    for (std::string_view candidate : known) {
      // The distance is at least the difference in length; skipping early keeps a
      // megabyte-long name from costing a quadratic comparison.
      const std::size_t gap = name.size() > candidate.size() ? name.size() - candidate.size()
                                                             : candidate.size() - name.size();
      if (gap >= best) continue;
      const std::size_t d = edit_distance(name, candidate);
      if (d < best) {
        best = d;
        closest = candidate;
      }
    }
    std::string message;
    if (!closest.empty()) {
      // TRANSLATORS: {name} is a field's name the file has, {suggestion} the known one it is
      // nearly spelt as (both quoted).
      message = fill(tr("unknown field {name}; did you mean {suggestion}?"),
                     {{"name", quote_text(name)}, {"suggestion", quote_text(closest)}});
      suggested_.push_back(closest);
    } else {
      // TRANSLATORS: {name} is a field's name the file has; {fields} lists the names allowed.
      message = fill(tr("unknown field {name}; allowed here: {fields} (names starting with \"_\" "
                        "are notes and are ignored)"),
                     {{"name", quote_text(name)}, {"fields", join_choices(known)}});
    }
    log_.at_key(field(name), std::move(message));
  }
}

}  // namespace unknot::core
