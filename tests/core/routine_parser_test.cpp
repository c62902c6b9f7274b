#include "core/routine_parser.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using namespace unknot::core;
using namespace std::chrono_literals;

namespace {

// Every routine below starts with these five lines, so the first step opens on line 6.
constexpr std::string_view kHeader =
    "{\n"
    "  \"format_version\": 1,\n"
    "  \"id\": \"test_routine\",\n"
    "  \"title\": \"Test routine\",\n"
    "  \"steps\": [\n";

// As the first step: '{' on line 6, then one member per line (type 7 ... duration_s 13).
constexpr std::string_view kPressureStep =
    "    {\n"
    "      \"type\": \"pressure\",\n"
    "      \"muscle\": \"upper_trapezius\",\n"
    "      \"title\": \"Upper trapezius\",\n"
    "      \"sides\": \"both\",\n"
    "      \"instruction\": \"Lean into the ball as you breathe out.\",\n"
    "      \"pressure\": 5,\n"
    "      \"duration_s\": 45\n"
    "    }";

// As the first step: '{' on line 6, type 7, title 8, pattern 9, breaths 10.
constexpr std::string_view kBreathingStep =
    "    {\n"
    "      \"type\": \"breathing\",\n"
    "      \"title\": \"Settle in\",\n"
    "      \"pattern\": \"resonance_6\",\n"
    "      \"breaths\": 6\n"
    "    }";

std::string routine(std::initializer_list<std::string_view> steps) {
  std::string text(kHeader);
  bool first = true;
  for (std::string_view step : steps) {
    if (!first) text += ",\n";
    text += step;
    first = false;
  }
  return text + "\n  ]\n}\n";
}

// `text` with its only occurrence of `from` replaced: the line layout stays as documented.
std::string edit(std::string text, std::string_view from, std::string_view to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "not in the text: " << from);
  REQUIRE_MESSAGE(text.find(from, at + 1) == std::string::npos, "more than once: " << from);
  return text.replace(at, from.size(), to);
}

RoutineParseResult parse(std::string_view text) {
  return parse_routine(text, "test.json", builtin_pattern_lookup());
}

std::string listing(const RoutineParseResult& result) {
  std::string out;
  for (const auto& p : result.problems) out += "\n  " + p.to_string();
  return out;
}

// The one problem a single mistake should give, checked for its field, line and wording.
void check_only_problem(const RoutineParseResult& result, std::string_view field, int line,
                        std::string_view fragment) {
  INFO("problems:" << listing(result));
  REQUIRE(result.problems.size() == 1);
  const ParseProblem& p = result.problems[0];
  CHECK(p.file == "test.json");
  CHECK(p.field == field);
  CHECK(p.line == line);
  CHECK(p.message.find(fragment) != std::string::npos);
  CHECK_FALSE(result.routine.has_value());
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string repeated(std::string_view piece, std::size_t times) {
  std::string text;
  for (std::size_t i = 0; i < times; ++i) text += piece;
  return text;
}

// {"a": {"a": ... 1 ... }}, `depth` objects deep.
std::string nested_objects(std::size_t depth) {
  std::string text;
  for (std::size_t i = 0; i < depth; ++i) text += "{\"a\":";
  return text + "1" + std::string(depth, '}');
}

RoutineParseResult parse_fixture(std::string_view name) {
  const auto path = std::filesystem::path(UNKNOT_TEST_DATA_DIR) / "routines" / name;
  return parse_routine(read_file(path), name, builtin_pattern_lookup());
}

}  // namespace

TEST_CASE("a valid routine parses into a Routine with the pressure-step defaults filled in") {
  const auto result = parse(routine({kBreathingStep, kPressureStep}));
  INFO("problems:" << listing(result));
  REQUIRE(result.problems.empty());
  REQUIRE(result.routine.has_value());
  const Routine& r = *result.routine;
  CHECK(r.format_version == 1);
  CHECK(r.id == "test_routine");
  CHECK(r.title == "Test routine");
  CHECK(r.summary.empty());
  CHECK(r.cautions.empty());
  REQUIRE(r.steps.size() == 2);
  CHECK(r.steps[0].kind == StepKind::Breathing);
  CHECK(r.steps[0].pattern_id == "resonance_6");
  CHECK(r.steps[0].breaths == 6);
  CHECK_FALSE(r.steps[0].duration.has_value());
  CHECK(r.steps[0].sides == Sides::None);
  const StepSpec& p = r.steps[1];
  CHECK(p.kind == StepKind::Pressure);
  CHECK(p.muscle == "upper_trapezius");
  CHECK(p.title == "Upper trapezius");
  CHECK(p.sides == Sides::Both);
  CHECK(p.instruction == "Lean into the ball as you breathe out.");
  CHECK(p.pattern_id == kPressurePatternId);
  CHECK(p.duration == std::optional<Duration>(45s));
  CHECK_FALSE(p.breaths.has_value());
  CHECK(p.pressure_target == 5);
}

TEST_CASE("every optional field is read into the Routine") {
  const std::string text = R"({
    "format_version": 1, "id": "full", "title": "Full",
    "summary": "All fields.", "tool": "Tennis ball", "regions": ["Neck", "Head"],
    "cautions": ["Stop if dizzy."], "sources": ["[23] Gemmell 2008"],
    "steps": [
      {"type": "breathing", "title": "Settle", "posture": "Lying down",
       "instruction": "Breathe gently.", "pattern": "box_4", "duration_s": 64},
      {"type": "pressure", "muscle": "masseter", "title": "Masseter", "sides": "left",
       "tool": "Fingertips", "posture": "Sitting", "instruction": "Press on the out-breath.",
       "referral": "Commonly refers pain to the molars", "pressure": 6,
       "pattern": "extended_exhale_3_7", "breaths": 5}
    ]})";
  const auto result = parse(text);
  INFO("problems:" << listing(result));
  REQUIRE(result.routine.has_value());
  const Routine& r = *result.routine;
  CHECK(r.summary == "All fields.");
  CHECK(r.tool == "Tennis ball");
  CHECK(r.regions == std::vector<std::string>{"Neck", "Head"});
  CHECK(r.cautions == std::vector<std::string>{"Stop if dizzy."});
  CHECK(r.sources == std::vector<std::string>{"[23] Gemmell 2008"});
  CHECK(r.steps[0].posture == "Lying down");
  CHECK(r.steps[0].duration == std::optional<Duration>(64s));
  CHECK(r.steps[1].sides == Sides::Left);
  CHECK(r.steps[1].tool == "Fingertips");
  CHECK(r.steps[1].referral == "Commonly refers pain to the molars");
  CHECK(r.steps[1].pattern_id == "extended_exhale_3_7");
  CHECK(r.steps[1].breaths == 5);
  CHECK(r.steps[1].pressure_target == 6);
}

TEST_CASE("a syntax error is reported at the line and column where the JSON breaks") {
  const auto result = parse("{\n  \"id\": \"x\",\n  \"title\": yes\n}\n");
  check_only_problem(result, "", 3, "not valid JSON: syntax error while parsing value");
  CHECK(result.problems[0].column == 12);
}

TEST_CASE("a forgotten comma is pointed at the value after it") {
  const auto result = parse("{\n  \"id\": \"x\"\n  \"title\": \"y\"\n}\n");
  check_only_problem(result, "", 3, "is a comma missing?");
  CHECK(result.problems[0].column == 3);
}

TEST_CASE("a trailing comma is explained as a trailing comma") {
  const auto result = parse("{\n  \"regions\": [\"Neck\",\n  ]\n}");
  check_only_problem(result, "", 3, "remove the trailing comma");
  CHECK(result.problems[0].column == 3);
}

TEST_CASE("a comment is reported as something JSON does not allow") {
  const auto result = parse("{\n  // my routine\n  \"id\": \"x\"\n}");
  check_only_problem(result, "", 2, "JSON has no comments");
  CHECK(result.problems[0].column == 3);
}

TEST_CASE("an empty file is reported as empty") {
  check_only_problem(parse(""), "", 1, "the file is empty");
}

TEST_CASE("a file that is not a JSON object is rejected at its first value") {
  const auto result = parse("\n  [1, 2]");
  check_only_problem(result, "", 2, "must hold one JSON object");
  CHECK(result.problems[0].column == 3);
}

TEST_CASE("a missing required field is reported at the object that lacks it") {
  const auto result = parse(edit(routine({kPressureStep}), "  \"title\": \"Test routine\",\n", ""));
  check_only_problem(result, "/title", 1, "is required but missing");
}

TEST_CASE("a field of the wrong type names the expected type and the value found") {
  const auto result = parse(edit(routine({kPressureStep}), "\"Test routine\"", "42"));
  check_only_problem(result, "/title", 4, "must be a string (got 42)");
  CHECK(result.problems[0].column == 12);
}

TEST_CASE("format_version newer than this app asks for a newer Unknot and checks nothing else") {
  const auto result =
      parse(edit(edit(routine({kPressureStep}), "\"format_version\": 1", "\"format_version\": 2"),
                 "\"type\": \"pressure\"", "\"type\": \"hologram\""));
  check_only_problem(
      result, "/format_version", 2,
      "this file needs a newer version of Unknot (format 2; this app reads up to 1)");
}

TEST_CASE("format_version that is not a whole number is rejected") {
  check_only_problem(
      parse(edit(routine({kPressureStep}), "\"format_version\": 1", "\"format_version\": \"1\"")),
      "/format_version", 2, "must be a whole number equal to 1 (got \"1\")");
  check_only_problem(
      parse(edit(routine({kPressureStep}), "\"format_version\": 1", "\"format_version\": 1.5")),
      "/format_version", 2, "whole number");
  check_only_problem(
      parse(edit(routine({kPressureStep}), "\"format_version\": 1", "\"format_version\": 0")),
      "/format_version", 2, "must be equal to 1 (got 0)");
}

TEST_CASE("format_version is required") {
  check_only_problem(parse(edit(routine({kPressureStep}), "  \"format_version\": 1,\n", "")),
                     "/format_version", 1, "is required but missing");
}

TEST_CASE("id must be 1-64 characters of lowercase letters, digits, _ or -") {
  const std::string base = routine({kPressureStep});
  check_only_problem(parse(edit(base, "\"test_routine\"", "\"Neck Tension\"")), "/id", 3,
                     "must be 1-64 characters from a-z, 0-9, _ and -");
  check_only_problem(parse(edit(base, "\"test_routine\"", "\"\"")), "/id", 3, "a-z, 0-9");
  check_only_problem(parse(edit(base, "\"test_routine\"", "\"" + std::string(65, 'a') + "\"")),
                     "/id", 3, "1-64 characters");
  CHECK(parse(edit(base, "\"test_routine\"", "\"" + std::string(64, 'a') + "\"")).routine);
  CHECK(parse(edit(base, "\"test_routine\"", "\"neck-2_b\"")).routine);
}

TEST_CASE("text longer than its limit reports its length and the limit") {
  const std::string base = routine({kPressureStep});
  check_only_problem(parse(edit(base, "\"Test routine\"", "\"" + std::string(81, 'x') + "\"")),
                     "/title", 4, "is 81 characters long; the limit is 80");
  CHECK(parse(edit(base, "\"Test routine\"", "\"" + std::string(80, 'x') + "\"")).routine);
  // Characters, not bytes: 80 accented letters are 160 bytes and still fit.
  std::string accented;
  for (int i = 0; i < 80; ++i) accented += "\xC3\xA9";
  CHECK(parse(edit(base, "\"Test routine\"", "\"" + accented + "\"")).routine);
  check_only_problem(parse(edit(base, "\"Lean into the ball as you breathe out.\"",
                                "\"" + std::string(201, 'x') + "\"")),
                     "/steps/0/instruction", 11, "the limit is 200");
}

TEST_CASE("text must be one line and not blank") {
  const std::string base = routine({kPressureStep});
  check_only_problem(parse(edit(base, "\"Test routine\"", "\"Two\\nlines\"")), "/title", 4,
                     "single line");
  check_only_problem(parse(edit(base, "\"Test routine\"", "\"   \"")), "/title", 4,
                     "must not be empty");
}

TEST_CASE("lists of text check their length and every entry") {
  const std::string text = edit(routine({kPressureStep}), "  \"steps\": [\n",
                                "  \"regions\": [\"Neck\", 7],\n  \"steps\": [\n");
  check_only_problem(parse(text), "/regions/1", 5, "must be a string (got 7)");
  const std::string eleven = R"(["a","b","c","d","e","f","g","h","i","j","k"])";
  check_only_problem(parse(edit(routine({kPressureStep}), "  \"steps\": [\n",
                                "  \"regions\": " + eleven + ",\n  \"steps\": [\n")),
                     "/regions", 5, "must have 0 to 10 entries (got 11)");
}

TEST_CASE("steps must list between 1 and 60 steps") {
  check_only_problem(parse(routine({})), "/steps", 5, "must have 1 to 60 entries (got 0)");
  std::string many = "{\"format_version\": 1, \"id\": \"x\", \"title\": \"x\", \"steps\": [";
  for (int i = 0; i < 61; ++i) {
    many += std::string(i ? "," : "") +
            R"({"type": "breathing", "title": "B", "pattern": "resonance_6", "breaths": 1})";
  }
  check_only_problem(parse(many + "]}"), "/steps", 1, "(got 61)");
}

TEST_CASE("a step that is not an object is rejected") {
  check_only_problem(parse(routine({"    \"breathe\""})), "/steps/0", 6,
                     "each step must be an object");
}

TEST_CASE("step type must be breathing or pressure") {
  check_only_problem(
      parse(edit(routine({kPressureStep}), "\"type\": \"pressure\"", "\"type\": \"massage\"")),
      "/steps/0/type", 7, "must be breathing or pressure (got \"massage\")");
}

TEST_CASE("sides must be none, left, right or both") {
  check_only_problem(
      parse(edit(routine({kPressureStep}), "\"sides\": \"both\"", "\"sides\": \"Both\"")),
      "/steps/0/sides", 10, "must be none, left, right or both");
  CHECK(
      parse(edit(routine({kPressureStep}), "\"sides\": \"both\"", "\"sides\": \"none\"")).routine);
}

TEST_CASE("a pressure step needs a muscle, a side, a pressure and an instruction") {
  std::string text = routine({kPressureStep});
  for (std::string_view line :
       {"      \"muscle\": \"upper_trapezius\",\n", "      \"sides\": \"both\",\n",
        "      \"pressure\": 5,\n",
        "      \"instruction\": \"Lean into the ball as you breathe out.\",\n"}) {
    text = edit(text, line, "");
  }
  const auto result = parse(text);
  INFO("problems:" << listing(result));
  REQUIRE(result.problems.size() == 4);
  for (const auto& p : result.problems) {
    CHECK(p.line == 6);
    CHECK(p.message == "is required but missing");
  }
  CHECK(result.problems[0].field == "/steps/0/instruction");
  CHECK(result.problems[1].field == "/steps/0/muscle");
  CHECK(result.problems[2].field == "/steps/0/sides");
  CHECK(result.problems[3].field == "/steps/0/pressure");
}

TEST_CASE("a muscle id follows the id rules") {
  check_only_problem(
      parse(edit(routine({kPressureStep}), "\"upper_trapezius\"", "\"Upper trapezius\"")),
      "/steps/0/muscle", 8, "a-z, 0-9");
}

TEST_CASE("a pressure hold lasts 20 to 90 whole seconds") {
  const std::string base = routine({kPressureStep});
  check_only_problem(parse(edit(base, "\"duration_s\": 45", "\"duration_s\": 120")),
                     "/steps/0/duration_s", 13,
                     "must be between 20 and 90 seconds for a pressure hold (got 120)");
  check_only_problem(parse(edit(base, "\"duration_s\": 45", "\"duration_s\": 19")),
                     "/steps/0/duration_s", 13, "(got 19)");
  check_only_problem(parse(edit(base, "\"duration_s\": 45", "\"duration_s\": 45.5")),
                     "/steps/0/duration_s", 13, "must be a whole number");
  CHECK(parse(edit(base, "\"duration_s\": 45", "\"duration_s\": 90")).routine);
  CHECK(parse(edit(base, "\"duration_s\": 45", "\"duration_s\": 45.0")).routine);
}

TEST_CASE("a breathing step lasts 5 to 1800 seconds") {
  const std::string base =
      edit(routine({kBreathingStep}), "\"breaths\": 6", "\"duration_s\": 1800");
  CHECK(parse(base).routine);
  check_only_problem(parse(edit(base, "1800", "1801")), "/steps/0/duration_s", 10,
                     "must be between 5 and 1800 seconds (got 1801)");
  check_only_problem(parse(edit(base, "1800", "4")), "/steps/0/duration_s", 10, "(got 4)");
}

TEST_CASE("breaths must be a whole number from 1 to 200") {
  const std::string base = routine({kBreathingStep});
  check_only_problem(parse(edit(base, "\"breaths\": 6", "\"breaths\": 0")), "/steps/0/breaths", 10,
                     "must be between 1 and 200 (got 0)");
  check_only_problem(parse(edit(base, "\"breaths\": 6", "\"breaths\": 2.5")), "/steps/0/breaths",
                     10, "whole number");
  check_only_problem(parse(edit(base, "\"breaths\": 6", "\"breaths\": \"six\"")),
                     "/steps/0/breaths", 10, "(got \"six\")");
  CHECK(parse(edit(base, "\"breaths\": 6", "\"breaths\": 180")).routine);
}

TEST_CASE("a step with both duration_s and breaths is rejected at breaths") {
  check_only_problem(parse(edit(routine({kBreathingStep}), "\"breaths\": 6",
                                "\"breaths\": 6, \"duration_s\": 60")),
                     "/steps/0/breaths", 10, "either duration_s or breaths, not both");
}

TEST_CASE("a step with neither duration_s nor breaths is rejected at the step") {
  check_only_problem(parse(edit(routine({kPressureStep}), ",\n      \"duration_s\": 45", "")),
                     "/steps/0", 6, "needs a length");
}

TEST_CASE("a pressure hold given in breaths must still last 20 to 90 seconds") {
  const std::string base = routine({kPressureStep});
  CHECK(parse(edit(base, "\"duration_s\": 45", "\"breaths\": 9")).routine);
  check_only_problem(parse(edit(base, "\"duration_s\": 45", "\"breaths\": 10")), "/steps/0/breaths",
                     13,
                     "10 breaths of extended_exhale_4_6 last 100 s; a step must last between 20 "
                     "and 90 seconds for a pressure hold");
}

TEST_CASE("an unknown pattern is rejected with the list of known patterns") {
  const auto result = parse(edit(routine({kBreathingStep}), "\"resonance_6\"", "\"resonance_7\""));
  check_only_problem(result, "/steps/0/pattern", 9, "unknown breathing pattern \"resonance_7\"");
  CHECK(result.problems[0].message.find("resonance_6, resonance_5_5, coherent_5") !=
        std::string::npos);
  CHECK(result.problems[0].message.find("cyclic_sigh") != std::string::npos);
}

TEST_CASE("a breathing step must name its pattern") {
  check_only_problem(
      parse(edit(routine({kBreathingStep}), "      \"pattern\": \"resonance_6\",\n", "")),
      "/steps/0/pattern", 6, "is required but missing");
}

TEST_CASE("a pressure step cannot use a pattern with breath holds, and is told why") {
  for (std::string_view id : {"box_4", "relax_478"}) {
    const auto result = parse(edit(routine({kPressureStep}), "\"pressure\": 5,",
                                   "\"pressure\": 5, \"pattern\": \"" + std::string(id) + "\","));
    check_only_problem(result, "/steps/0/pattern", 12, "holds the breath");
    CHECK(result.problems[0].message.find("brace") != std::string::npos);
    CHECK(result.problems[0].message.find("extended_exhale_4_6") != std::string::npos);
  }
  CHECK(parse(edit(routine({kPressureStep}), "\"pressure\": 5,",
                   "\"pressure\": 5, \"pattern\": \"cyclic_sigh\","))
            .routine);
}

TEST_CASE("a breathing step may use a pattern with holds") {
  CHECK(parse(edit(routine({kBreathingStep}), "\"resonance_6\"", "\"box_4\"")).routine);
}

TEST_CASE("relax_478 is limited to four breaths at a time") {
  const std::string base = edit(routine({kBreathingStep}), "\"resonance_6\"", "\"relax_478\"");
  check_only_problem(parse(base), "/steps/0/breaths", 10, "limited to 4 breaths");
  CHECK(parse(edit(base, "\"breaths\": 6", "\"breaths\": 4")).routine);
  check_only_problem(parse(edit(base, "\"breaths\": 6", "\"duration_s\": 77")),
                     "/steps/0/duration_s", 10, "limited to 4 breaths (76 s)");
}

TEST_CASE("pressure is a whole number from 1 to 7, never above 7") {
  const std::string base = routine({kPressureStep});
  check_only_problem(parse(edit(base, "\"pressure\": 5", "\"pressure\": 8")), "/steps/0/pressure",
                     12, "must be between 1 and 7 out of 10: aim for 5-6, never above 7 (got 8)");
  check_only_problem(parse(edit(base, "\"pressure\": 5", "\"pressure\": 0")), "/steps/0/pressure",
                     12, "(got 0)");
  check_only_problem(parse(edit(base, "\"pressure\": 5", "\"pressure\": 5.5")), "/steps/0/pressure",
                     12, "whole number");
  CHECK(parse(edit(base, "\"pressure\": 5", "\"pressure\": 7")).routine);
}

TEST_CASE("pressure-only fields on a breathing step are rejected at their key") {
  const auto result =
      parse(edit(routine({kBreathingStep}), "\"breaths\": 6", "\"breaths\": 6, \"pressure\": 5"));
  check_only_problem(result, "/steps/0/pressure", 10, "only pressure steps have \"pressure\"");
  CHECK(result.problems[0].column == 21);
}

TEST_CASE("an unknown field is reported at its key with a suggestion for a likely typo") {
  const auto result = parse(edit(routine({kPressureStep}), "\"pressure\": 5", "\"presure\": 5"));
  check_only_problem(result, "/steps/0/presure", 12,
                     "unknown field \"presure\"; did you mean \"pressure\"?");
  CHECK(result.problems[0].column == 7);
}

TEST_CASE("an unknown field unlike any known one lists the fields allowed there") {
  const auto result = parse(edit(routine({kPressureStep}), "  \"title\": \"Test routine\",\n",
                                 "  \"title\": \"Test routine\", \"colour\": \"blue\",\n"));
  check_only_problem(result, "/colour", 4, "allowed here: format_version, id, title");
}

TEST_CASE("fields whose names start with an underscore are notes and are ignored") {
  CHECK(parse(edit(routine({kPressureStep}), "\"pressure\": 5",
                   "\"pressure\": 5, \"_note\": {\"why\": [\"anything\"]}"))
            .routine);
}

TEST_CASE("a field given twice is reported at its second occurrence") {
  const auto result = parse(edit(routine({kPressureStep}), "\"duration_s\": 45",
                                 "\"duration_s\": 45,\n      \"duration_s\": 50"));
  check_only_problem(result, "/steps/0/duration_s", 14, "appears more than once");
  CHECK(result.problems[0].column == 7);
}

TEST_CASE("a point pressed more than three times is rejected at the fourth hold") {
  const std::string one_side = edit(std::string(kPressureStep), "\"both\"", "\"left\"");
  const auto result = parse(routine({kPressureStep, kPressureStep, one_side, kPressureStep}));
  INFO("problems:" << listing(result));
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].field == "/steps/3/muscle");
  CHECK(result.problems[0].message.find("hold 4 on upper_trapezius (left side)") !=
        std::string::npos);
  CHECK(parse(routine({kPressureStep, kPressureStep, one_side})).routine);
}

TEST_CASE("a routine longer than 60 minutes is rejected") {
  std::string text = "{\"format_version\": 1, \"id\": \"x\", \"title\": \"x\", \"steps\": [";
  for (int i = 0; i < 3; ++i) {
    text += std::string(i ? "," : "") +
            R"({"type": "breathing", "title": "B", "pattern": "resonance_6", "duration_s": 1201})";
  }
  check_only_problem(parse(text + "]}"), "/steps", 1, "at most 60 minutes");
}

TEST_CASE("every problem in a file is reported, in file order") {
  const auto result = parse_fixture("bad_three_mistakes.json");
  INFO("problems:" << listing(result));
  REQUIRE(result.problems.size() == 3);
  CHECK(result.problems[0].field == "/steps/0/pattern");
  CHECK(result.problems[0].line == 6);
  CHECK(result.problems[1].field == "/steps/1/pressure");
  CHECK(result.problems[1].line == 13);
  CHECK(result.problems[2].field == "/steps/2/titel");
  CHECK(result.problems[2].line == 16);
  CHECK_FALSE(result.routine.has_value());
}

TEST_CASE("fixture files give the problems their names promise") {
  const auto good = parse_fixture("good_minimal.json");
  INFO("problems:" << listing(good));
  CHECK(good.problems.empty());
  CHECK(good.routine.has_value());

  const auto comma = parse_fixture("bad_missing_comma.json");
  REQUIRE(comma.problems.size() == 1);
  CHECK(comma.problems[0].to_string() ==
        "bad_missing_comma.json:5:3: not valid JSON: expected ',' or '}' before this (is a "
        "comma missing?)");

  const auto newer = parse_fixture("bad_newer_format.json");
  REQUIRE(newer.problems.size() == 1);
  CHECK(newer.problems[0].to_string() ==
        "bad_newer_format.json:2:21: /format_version: this file needs a newer version of Unknot "
        "(format 2; this app reads up to 1)");

  const auto hold = parse_fixture("bad_hold_under_pressure.json");
  REQUIRE(hold.problems.size() == 1);
  CHECK(hold.problems[0].field == "/steps/0/pattern");
  CHECK(hold.problems[0].line == 13);
}

TEST_CASE("a file with hundreds of mistakes lists the first 200 and counts the rest") {
  std::string extra;
  for (int i = 0; i < 300; ++i) extra += "\"unknown_" + std::to_string(i) + "\": 1, ";
  const auto result = parse(edit(routine({kPressureStep}), "\"id\": \"test_routine\",",
                                 "\"id\": \"test_routine\", " + extra));
  REQUIRE(result.problems.size() == 201);
  CHECK(result.problems[199].field.starts_with("/unknown_"));
  CHECK(result.problems[200].message ==
        "\u2026 and 100 more (300 in all); fix these and check the file again");
  CHECK(result.problems[200].more == 100);
  CHECK(problem_count(result.problems) == 300);
}

TEST_CASE("to_string reads file:line:col: field: message and leaves out what is unknown") {
  ParseProblem p{"neck.json", 12, 5, "/steps/2/duration_s", "must be between 5 and 1800 seconds"};
  CHECK(p.to_string() == "neck.json:12:5: /steps/2/duration_s: must be between 5 and 1800 seconds");
  p.field.clear();
  CHECK(p.to_string() == "neck.json:12:5: must be between 5 and 1800 seconds");
  p.line = 0;
  p.column = 0;
  CHECK(p.to_string() == "neck.json: must be between 5 and 1800 seconds");
}

TEST_CASE("columns are counted in characters, not bytes") {
  const auto result = parse("{\"title\": \"\xC3\x89paule\", \"id\": 5}");
  const auto id = std::find_if(result.problems.begin(), result.problems.end(),
                               [](const ParseProblem& p) { return p.field == "/id"; });
  REQUIRE(id != result.problems.end());
  CHECK(id->line == 1);
  CHECK(id->column == 27);  // 28 if the two bytes of the accent were counted
}

TEST_CASE("an empty pattern lookup falls back to the built-in patterns") {
  const auto result = parse_routine(routine({kBreathingStep, kPressureStep}), "x.json", {});
  CHECK(result.routine.has_value());
}

TEST_CASE("garbage, truncated and hostile input never throws and always yields a problem") {
  const std::string valid = routine({kBreathingStep, kPressureStep});
  std::vector<std::string> inputs = {
      "",
      " ",
      "{",
      "[",
      "}",
      "nul",
      "null",
      "true",
      "\"text\"",
      "42",
      "{\"a\":}",
      "{\"a\" 1}",
      std::string("\xFF\xFE\x00{", 4),
      std::string("{\"id\": \"\xC3\x28\"}"),
      "{\"id\": \"\xED\xA0\x80\"}",
      std::string(1, '\0'),
      "{\"steps\": 1e400}",
      "{\"steps\": -1e400}",
      "{\"format_version\": 1e300}",
      "{\"format_version\": -1e300}",
      "{\"format_version\": 123456789012345678901234567890}",
      "{\"format_version\": 18446744073709551615}",
      edit(valid, "\"duration_s\": 45", "\"duration_s\": 99999999999999999999999"),
      edit(valid, "\"duration_s\": 45", "\"duration_s\": -9223372036854775808"),
      edit(valid, "\"breaths\": 6", "\"breaths\": 1e-300"),
      edit(valid, "\"pressure\": 5", "\"pressure\": 18446744073709551615"),
      // Nesting far deeper than any recursive parser's stack would survive.
      std::string(20000, '[') + std::string(20000, ']'),
      std::string(200000, '['),
      "{\"steps\": " + std::string(20000, '[') + std::string(20000, ']') + "}",
      edit(valid, "\"Test routine\"", nested_objects(20000)),
      std::string(2 * 1024 * 1024, ' '),
      // A long name repeated in the pointer of every element below it.
      "{\"" + std::string(100000, 'k') + "\": [" + repeated("1,", 20000) + "1]}",
      "{" + repeated("\"x\": 1,", 10000) + "\"x\": 1}",
  };
  for (std::size_t cut = 1; cut < valid.rfind('}'); cut += 37) {
    inputs.push_back(valid.substr(0, cut));
  }
  for (const std::string& text : inputs) {
    INFO("input starts: " << text.substr(0, 60));
    RoutineParseResult result;
    CHECK_NOTHROW(result = parse(text));
    CHECK_FALSE(result.problems.empty());
    CHECK_FALSE(result.routine.has_value());
    for (const auto& p : result.problems) CHECK_FALSE(p.message.empty());
  }
}

TEST_CASE("the example in the README's routine format section parses and plays for 3 min 24 s") {
  const std::string doc = read_file(std::filesystem::path(UNKNOT_SOURCE_DIR) / "README.md");
  const auto start = doc.find("```json\n");
  REQUIRE(start != std::string::npos);
  const auto body = start + 8;
  const auto end = doc.find("```", body);
  REQUIRE(end != std::string::npos);
  const auto result =
      parse_routine(doc.substr(body, end - body), "README.md", builtin_pattern_lookup());
  INFO("problems:" << listing(result));
  REQUIRE(result.routine.has_value());
  CHECK(total_duration(expand(*result.routine, builtin_pattern_lookup())) == 204s);
}

TEST_CASE("every built-in routine parses cleanly, lasts 8 to 16 minutes and presses at 7 or less") {
  const auto dir = std::filesystem::path(UNKNOT_SOURCE_DIR) / "assets" / "routines";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    const std::string name = entry.path().filename().string();
    INFO("routine: " << name);
    const auto result = parse_routine(read_file(entry.path()), name, builtin_pattern_lookup());
    INFO("problems:" << listing(result));
    REQUIRE(result.problems.empty());
    REQUIRE(result.routine.has_value());
    const Routine& r = *result.routine;
    CHECK(r.id == entry.path().stem().string());
    CHECK_FALSE(r.cautions.empty());
    CHECK_FALSE(r.sources.empty());

    const auto steps = expand(r, builtin_pattern_lookup());
    const Duration total = total_duration(steps);
    CHECK(total >= 8min);
    CHECK(total <= 16min);
    REQUIRE(steps.size() >= 3);
    CHECK(steps.front().kind == StepKind::Breathing);
    CHECK(steps.back().kind == StepKind::Breathing);
    for (const StepSpec& s : r.steps) {
      CHECK(s.instruction.size() <= 90);  // two lines on a phone, read with eyes closed
      if (s.kind != StepKind::Pressure) continue;
      CHECK(s.pressure_target <= 7);
      CHECK(s.pressure_target >= 4);
      CHECK(s.pattern_id == kPressurePatternId);
      CHECK(s.duration >= std::optional<Duration>(30s));
      CHECK(s.duration <= std::optional<Duration>(60s));
    }
  }
  CHECK(files >= 3);
}

TEST_CASE("reps and rest_s: a pressure hold repeated per side, with 30 s of rest by default") {
  SUBCASE("reps alone rests 30 s") {
    const auto result = parse(routine({edit(std::string(kPressureStep), "\"duration_s\": 45",
                                            "\"duration_s\": 45, \"reps\": 2")}));
    INFO("problems:" << listing(result));
    REQUIRE(result.routine.has_value());
    CHECK(result.routine->steps[0].reps == 2);
    CHECK(result.routine->steps[0].rest == 30s);
  }
  SUBCASE("rest_s sets the rest, 0 included") {
    const auto result = parse(routine({edit(std::string(kPressureStep), "\"duration_s\": 45",
                                            "\"duration_s\": 45, \"reps\": 3, \"rest_s\": 0")}));
    INFO("problems:" << listing(result));
    REQUIRE(result.routine.has_value());
    CHECK(result.routine->steps[0].reps == 3);
    CHECK(result.routine->steps[0].rest == 0s);
  }
  SUBCASE("without reps a step holds once and does not rest") {
    const auto result = parse(routine({kPressureStep}));
    REQUIRE(result.routine.has_value());
    CHECK(result.routine->steps[0].reps == 1);
    CHECK(result.routine->steps[0].rest == 0s);
  }
}

TEST_CASE("reps and rest_s outside their limits, or where they do not belong, are problems") {
  const std::string step(kPressureStep);
  SUBCASE("more than 3 reps") {
    check_only_problem(
        parse(routine({edit(step, "\"duration_s\": 45", "\"duration_s\": 45, \"reps\": 4")})),
        "/steps/0/reps", 13, "between 1 and 3 holds per side");
  }
  SUBCASE("no reps") {
    check_only_problem(
        parse(routine({edit(step, "\"duration_s\": 45", "\"duration_s\": 45, \"reps\": 0")})),
        "/steps/0/reps", 13, "between 1 and 3");
  }
  SUBCASE("a rest over 60 s") {
    check_only_problem(parse(routine({edit(step, "\"duration_s\": 45",
                                           "\"duration_s\": 45, \"reps\": 2, \"rest_s\": 61")})),
                       "/steps/0/rest_s", 13, "between 0 and 60 seconds");
  }
  SUBCASE("a rest with a single rep") {
    check_only_problem(
        parse(routine({edit(step, "\"duration_s\": 45", "\"duration_s\": 45, \"rest_s\": 20")})),
        "/steps/0/rest_s", 13, "this step has one rep");
  }
  SUBCASE("reps on a breathing step") {
    check_only_problem(parse(routine({edit(std::string(kBreathingStep), "\"breaths\": 6",
                                           "\"breaths\": 6, \"reps\": 2")})),
                       "/steps/0/reps", 10, "only pressure steps have \"reps\"");
  }
  SUBCASE("reps count as holds on the point") {
    // 3 reps on each side, then one more hold of the same muscle: hold 4 on each side.
    const std::string three = edit(step, "\"duration_s\": 45", "\"duration_s\": 45, \"reps\": 3");
    const auto result = parse(routine({three, kPressureStep}));
    INFO("problems:" << listing(result));
    REQUIRE(result.problems.size() == 2);
    CHECK(result.problems[0].field == "/steps/1/muscle");
    CHECK(result.problems[0].message.find("hold 4 on upper_trapezius (left side)") !=
          std::string::npos);
  }
  SUBCASE("reps count towards the 60 minutes") {
    // 2 x 90 s + 60 s rest = 4 min per side, 8 min a step; 8 steps on 8 muscles = 64 min.
    std::vector<std::string> steps;
    for (int i = 0; i < 8; ++i) {
      std::string s =
          edit(step, "\"duration_s\": 45", "\"duration_s\": 90, \"reps\": 2, \"rest_s\": 60");
      steps.push_back(edit(s, "upper_trapezius", "muscle_" + std::to_string(i)));
    }
    std::string text(kHeader);
    for (std::size_t i = 0; i < steps.size(); ++i) text += (i ? ",\n" : "") + steps[i];
    text += "\n  ]\n}\n";
    const auto result = parse(text);
    INFO("problems:" << listing(result));
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].field == "/steps");
    CHECK(result.problems[0].message.find("64 min 0 s") != std::string::npos);
  }
}

TEST_CASE("routine_json writes a file that parses back to the same routine") {
  const std::string three =
      edit(std::string(kPressureStep), "\"duration_s\": 45", "\"duration_s\": 45, \"reps\": 3");
  const auto first = parse(routine({kBreathingStep, three}));
  REQUIRE(first.routine.has_value());
  const std::string text = routine_json(*first.routine);
  const auto again = parse(text);
  INFO("problems:" << listing(again) << "\n" << text);
  REQUIRE(again.routine.has_value());
  CHECK(*again.routine == *first.routine);
  CHECK(routine_json(*again.routine) == text);
}

TEST_CASE("a routine of a newer format version gets a hint to update") {
  const auto result =
      parse(edit(routine({kBreathingStep}), "\"format_version\": 1", "\"format_version\": 2"));
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].hint.find("update Unknot") != std::string::npos);
}
