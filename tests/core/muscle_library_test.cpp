#include "core/muscle_library.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/body_map.h"
#include "core/health_profile.h"
#include "core/routine_parser.h"

using namespace unknot::core;

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::filesystem::path assets() { return std::filesystem::path(UNKNOT_SOURCE_DIR) / "assets"; }

MuscleLibrary shipped_library() {
  const auto result = parse_muscle_library(read_file(assets() / "muscles.json"), "muscles.json");
  std::string listing;
  for (const auto& p : result.problems) listing += "\n  " + p.to_string();
  INFO("problems:" << listing);
  REQUIRE(result.problems.empty());
  REQUIRE(result.library.has_value());
  return *result.library;
}

BodyMap shipped_map() {
  const auto result = parse_body_map(read_file(assets() / "body_map.json"), "body_map.json");
  REQUIRE(result.problems.empty());
  return *result.map;
}

// One muscle, one member per line: '{' of the muscle on line 4, "id" on line 5 ... "sources"
// on line 21.
constexpr std::string_view kLibrary =
    "{\n"
    "  \"format_version\": 1,\n"
    "  \"muscles\": [\n"
    "    {\n"
    "      \"id\": \"upper_trapezius\",\n"
    "      \"name\": \"Upper trapezius\",\n"
    "      \"region\": \"Neck\",\n"
    "      \"area\": \"head_neck\",\n"
    "      \"where\": \"Top of the shoulder.\",\n"
    "      \"referral\": \"Commonly refers pain to the temple\",\n"
    "      \"referral_zones\": [\"temple_left\", \"temple_right\"],\n"
    "      \"location_zones\": [\"neck_shoulder_left\"],\n"
    "      \"tool\": \"Ball against a wall\",\n"
    "      \"posture\": \"Standing\",\n"
    "      \"instruction\": \"Lean in as you breathe out.\",\n"
    "      \"hold_seconds\": 45,\n"
    "      \"pressure\": 5,\n"
    "      \"sided\": true,\n"
    "      \"therapist_only\": false,\n"
    "      \"cautions\": [\"Stay behind the neck muscle.\"],\n"
    "      \"sources\": [\"[38a] NAMTPT symptom checker: upper trapezius\"]\n"
    "    }\n"
    "  ]\n"
    "}\n";

std::string edit(std::string text, std::string_view from, std::string_view to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "not in the text: " << from);
  REQUIRE_MESSAGE(text.find(from, at + 1) == std::string::npos, "more than once: " << from);
  return text.replace(at, from.size(), to);
}

// 1-based column of `token` on 1-based `line` of `text`.
int column_of(std::string_view text, int line, std::string_view token) {
  std::size_t start = 0;
  for (int i = 1; i < line; ++i) start = text.find('\n', start) + 1;
  const std::size_t end = text.find('\n', start);
  const auto at = text.substr(start, end - start).find(token);
  REQUIRE(at != std::string_view::npos);
  return static_cast<int>(at) + 1;
}

void check_only_problem(std::string_view text, std::string_view field, int line,
                        std::string_view token, std::string_view fragment) {
  const auto result = parse_muscle_library(text, "m.json");
  std::string listing;
  for (const auto& p : result.problems) listing += "\n  " + p.to_string();
  INFO("problems:" << listing);
  REQUIRE(result.problems.size() == 1);
  const ParseProblem& p = result.problems[0];
  CHECK(p.file == "m.json");
  CHECK(p.field == field);
  CHECK(p.line == line);
  CHECK(p.column == column_of(text, line, token));
  CHECK(p.message.find(fragment) != std::string::npos);
  CHECK_FALSE(result.library.has_value());
}

std::vector<std::string> ids(const std::vector<const MuscleInfo*>& muscles) {
  std::vector<std::string> out;
  for (const MuscleInfo* m : muscles) out.push_back(m->id);
  return out;
}

}  // namespace

TEST_CASE("the small library parses with every field") {
  const auto result = parse_muscle_library(kLibrary, "m.json");
  REQUIRE(result.problems.empty());
  REQUIRE(result.library->muscles.size() == 1);
  const MuscleInfo& m = result.library->muscles[0];
  CHECK(m.id == "upper_trapezius");
  CHECK(m.area == BodyArea::HeadNeck);
  CHECK(m.referral_zones == std::vector<std::string>{"temple_left", "temple_right"});
  CHECK(m.hold_seconds == 45);
  CHECK(m.pressure == 5);
  CHECK(m.sided);
  CHECK_FALSE(m.therapist_only);
  CHECK(m.sources.size() == 1);
  CHECK(area_name(BodyArea::LowerLeg) == "lower_leg");
}

TEST_CASE("the shipped muscle library holds all 21 muscles of domain.md section 3") {
  const MuscleLibrary library = shipped_library();
  CHECK(library.muscles.size() == 21);
  for (std::string_view id :
       {"upper_trapezius",      "middle_trapezius", "levator_scapulae",  "suboccipitals",
        "sternocleidomastoid",  "masseter",         "temporalis",        "supraspinatus",
        "infraspinatus",        "pectoralis_minor", "forearm_extensors", "quadratus_lumborum",
        "gluteus_medius",       "gluteus_minimus",  "piriformis",        "iliopsoas",
        "tensor_fasciae_latae", "rectus_femoris",   "gastrocnemius",     "soleus",
        "plantar_intrinsics"}) {
    CAPTURE(id);
    CHECK(library.find(id) != nullptr);
  }
  CHECK(library.find("nope") == nullptr);
  for (const MuscleInfo& m : library.muscles) {
    CAPTURE(m.id);
    CHECK(m.therapist_only == (m.id == "sternocleidomastoid" || m.id == "iliopsoas"));
    CHECK(m.instruction.size() <= 90);
    CHECK(m.referral.starts_with("Commonly refers"));
    CHECK_FALSE(m.sources.empty());
    CHECK_FALSE(m.cautions.empty());
    CHECK(m.sources.front().starts_with("["));
  }
  CHECK(library.find("sternocleidomastoid")->hold_seconds <= 30);
  CHECK(library.find("sternocleidomastoid")->pressure == 4);
  CHECK(library.find("suboccipitals")->pressure == 4);
  CHECK_FALSE(library.find("suboccipitals")->sided);
  CHECK(library.find("pectoralis_minor")->pressure == 4);
  CHECK(library.find("iliopsoas")->pressure == 4);
}

TEST_CASE("every zone of every muscle exists on the shipped body map") {
  const MuscleLibrary library = shipped_library();
  const BodyMap map = shipped_map();
  const auto missing = zones_missing_from_map(library, map);
  std::string listing;
  for (const auto& s : missing) listing += " " + s;
  INFO("missing:" << listing);
  CHECK(missing.empty());
  // Sided muscles lie on both sides of the body.
  for (const MuscleInfo& m : library.muscles) {
    CAPTURE(m.id);
    CHECK_FALSE(m.location_zones.empty());
    if (!m.sided) continue;
    bool left = false, right = false;
    for (const auto& z : m.location_zones) {
      left = left || z.ends_with("_left");
      right = right || z.ends_with("_right");
    }
    CHECK((left && right));
  }
  CHECK(zones_missing_from_map(library, BodyMap{}).size() > 21);
}

TEST_CASE("the built-in routines use muscles of the library") {
  const MuscleLibrary library = shipped_library();
  int routines = 0;
  for (const auto& entry : std::filesystem::directory_iterator(assets() / "routines")) {
    if (entry.path().extension() != ".json") continue;
    ++routines;
    const auto result = parse_routine(read_file(entry.path()), entry.path().filename().string(),
                                      builtin_pattern_lookup());
    REQUIRE(result.routine.has_value());
    for (const StepSpec& s : result.routine->steps) {
      if (s.kind != StepKind::Pressure) continue;
      CAPTURE(s.muscle);
      CHECK(library.find(s.muscle) != nullptr);
    }
  }
  CHECK(routines >= 3);
}

TEST_CASE("referring_to lists the muscles that commonly refer to a zone, in file order") {
  const MuscleLibrary library = shipped_library();
  CHECK(ids(library.referring_to("temple_left", false)) ==
        std::vector<std::string>{"upper_trapezius", "suboccipitals", "temporalis"});
  CHECK(ids(library.referring_to("temple_right", true)) ==
        std::vector<std::string>{"upper_trapezius", "suboccipitals", "sternocleidomastoid",
                                 "temporalis"});
  CHECK(ids(library.referring_to("heel_right", false)) ==
        std::vector<std::string>{"soleus", "plantar_intrinsics"});
  CHECK(ids(library.referring_to("outer_elbow_left", false)) ==
        std::vector<std::string>{"supraspinatus", "forearm_extensors"});
  const auto groin = ids(library.referring_to("groin_left", false));
  CHECK(std::find(groin.begin(), groin.end(), "iliopsoas") == groin.end());
  const auto groin_all = ids(library.referring_to("groin_left", true));
  CHECK(std::find(groin_all.begin(), groin_all.end(), "iliopsoas") != groin_all.end());
  CHECK(library.referring_to("no_such_zone", true).empty());
  // Every zone that a muscle refers to finds it.
  for (const MuscleInfo& m : library.muscles) {
    for (const auto& z : m.referral_zones) {
      const auto found = library.referring_to(z, true);
      CHECK(std::find(found.begin(), found.end(), &m) != found.end());
    }
  }
}

TEST_CASE("muscle library: an unknown field points at its name and suggests the right one") {
  const std::string text = edit(std::string(kLibrary), "\"posture\"", "\"postur\"");
  check_only_problem(text, "/muscles/0/postur", 14, "\"postur\"", "did you mean \"posture\"");
}

TEST_CASE("muscle library: a missing field points at the muscle's opening brace") {
  const std::string text =
      edit(std::string(kLibrary), "      \"tool\": \"Ball against a wall\",\n", "");
  check_only_problem(text, "/muscles/0/tool", 4, "{", "is required but missing");
}

TEST_CASE("muscle library: a hold outside 20-90 s") {
  const std::string text =
      edit(std::string(kLibrary), "\"hold_seconds\": 45", "\"hold_seconds\": 120");
  check_only_problem(text, "/muscles/0/hold_seconds", 16, "120", "between 20 and 90 seconds");
}

TEST_CASE("muscle library: a pressure above 7") {
  const std::string text = edit(std::string(kLibrary), "\"pressure\": 5", "\"pressure\": 8");
  check_only_problem(text, "/muscles/0/pressure", 17, "8", "never above 7");
}

TEST_CASE("muscle library: an unknown body area") {
  const std::string text = edit(std::string(kLibrary), "\"head_neck\"", "\"neck\"");
  check_only_problem(text, "/muscles/0/area", 8, "\"neck\"", "head_neck, shoulder_arm");
}

TEST_CASE("muscle library: a zone id with capitals or spaces") {
  const std::string text = edit(std::string(kLibrary), "\"temple_right\"", "\"Temple right\"");
  check_only_problem(text, "/muscles/0/referral_zones/1", 11, "\"Temple right\"",
                     "must be a body map zone id");
}

TEST_CASE("muscle library: a zone listed twice") {
  const std::string text = edit(std::string(kLibrary), "\"temple_right\"", "\"temple_left\"");
  check_only_problem(text, "/muscles/0/referral_zones/1", 11, "\"temple_left\"]", "listed twice");
}

TEST_CASE("muscle library: no referral zones") {
  const std::string text = edit(std::string(kLibrary), "[\"temple_left\", \"temple_right\"]", "[]");
  check_only_problem(text, "/muscles/0/referral_zones", 11, "[]", "must have 1 to 20 entries");
}

TEST_CASE("muscle library: an instruction longer than 90 characters") {
  const std::string text = edit(std::string(kLibrary), "\"Lean in as you breathe out.\"",
                                "\"" + std::string(91, 'a') + "\"");
  check_only_problem(text, "/muscles/0/instruction", 15, "\"aaa", "the limit is 90");
}

TEST_CASE("muscle library: sided must be true or false") {
  const std::string text = edit(std::string(kLibrary), "\"sided\": true", "\"sided\": \"yes\"");
  check_only_problem(text, "/muscles/0/sided", 18, "\"yes\"", "must be true or false");
}

TEST_CASE("muscle library: a muscle needs at least one source") {
  const std::string text =
      edit(std::string(kLibrary), "[\"[38a] NAMTPT symptom checker: upper trapezius\"]", "[]");
  check_only_problem(text, "/muscles/0/sources", 21, "[]", "at least one source");
}

TEST_CASE("muscle library: a text with a line break") {
  const std::string text =
      edit(std::string(kLibrary), "\"Top of the shoulder.\"", "\"Top of\\nthe shoulder.\"");
  check_only_problem(text, "/muscles/0/where", 9, "\"Top of", "single line");
}

TEST_CASE("muscle library: a bad muscle id") {
  const std::string text = edit(std::string(kLibrary), "\"upper_trapezius\",", "\"Upper Trap\",");
  check_only_problem(text, "/muscles/0/id", 5, "\"Upper Trap\"", "a-z, 0-9");
}

TEST_CASE("muscle library: the same id twice") {
  std::string text(kLibrary);
  const auto open = text.find("    {\n");
  const auto close = text.find("    }\n") + 6;
  const std::string muscle = text.substr(open, close - open);
  text.insert(close - 1, ",\n" + muscle.substr(0, muscle.size() - 1));
  // The second copy starts on line 23; its id is on line 24.
  check_only_problem(text, "/muscles/1/id", 24, "\"upper_trapezius\"",
                     "already used by /muscles/0");
}

TEST_CASE("muscle library: a field given twice") {
  const std::string text = edit(std::string(kLibrary), "      \"region\": \"Neck\",\n",
                                "      \"region\": \"Neck\",\n      \"region\": \"Neck\",\n");
  const auto result = parse_muscle_library(text, "m.json");
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].field == "/muscles/0/region");
  CHECK(result.problems[0].line == 8);
  CHECK(result.problems[0].column == 7);
  CHECK(result.problems[0].message.find("more than once") != std::string::npos);
}

TEST_CASE("muscle library: a newer format version") {
  const std::string text =
      edit(std::string(kLibrary), "\"format_version\": 1", "\"format_version\": 2");
  check_only_problem(text, "/format_version", 2, "2", "equal to 1");
}

TEST_CASE("muscle library: no muscles") {
  const std::string text = "{\n  \"format_version\": 1,\n  \"muscles\": []\n}\n";
  check_only_problem(text, "/muscles", 3, "[]", "must have 1 to 100 entries");
}

TEST_CASE("muscle library: a muscle that is not an object") {
  const std::string text = "{\n  \"format_version\": 1,\n  \"muscles\": [\n    42\n  ]\n}\n";
  check_only_problem(text, "/muscles/0", 4, "42", "must be an object");
}

TEST_CASE("muscle library: a syntax error stops the check at its position") {
  const std::string text = edit(std::string(kLibrary), "\"pressure\": 5,", "\"pressure\": 5");
  const auto result = parse_muscle_library(text, "m.json");
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].field.empty());
  CHECK(result.problems[0].line == 18);
  CHECK(result.problems[0].message.starts_with("not valid JSON"));
  CHECK(parse_muscle_library("", "m.json").problems.at(0).message.find("empty") !=
        std::string::npos);
  CHECK(parse_muscle_library("[1]", "m.json").problems.at(0).message.find("one JSON object") !=
        std::string::npos);
}

TEST_CASE("muscle library: every problem is reported, in file order") {
  std::string text = edit(std::string(kLibrary), "\"pressure\": 5", "\"pressure\": 0");
  text = edit(text, "\"hold_seconds\": 45", "\"hold_seconds\": 10");
  text = edit(text, "\"head_neck\"", "\"legs\"");
  const auto result = parse_muscle_library(text, "m.json");
  REQUIRE(result.problems.size() == 3);
  CHECK(result.problems[0].line == 8);
  CHECK(result.problems[1].line == 16);
  CHECK(result.problems[2].line == 17);
  CHECK(result.problems[2].to_string().starts_with("m.json:17:19: /muscles/0/pressure: "));
}

TEST_CASE("muscle library: a hands technique and a bony point are read when given") {
  std::string text = edit(std::string(kLibrary), "      \"therapist_only\": false,\n",
                          "      \"therapist_only\": false,\n"
                          "      \"hands\": {\"tool\": \"Pincer grip\", \"posture\": \"Sitting\", "
                          "\"instruction\": \"Squeeze as you breathe out.\"},\n"
                          "      \"near_bone\": \"the collarbone\",\n");
  const auto result = parse_muscle_library(text, "m.json");
  REQUIRE(result.problems.empty());
  const MuscleInfo& m = result.library->muscles[0];
  REQUIRE(m.hands.has_value());
  CHECK(m.hands->tool == "Pincer grip");
  CHECK(m.hands->posture == "Sitting");
  CHECK(m.hands->instruction == "Squeeze as you breathe out.");
  CHECK(m.near_bone == "the collarbone");
  // Both are optional.
  const auto plain_result = parse_muscle_library(kLibrary, "m.json");
  const MuscleInfo& plain = plain_result.library->muscles[0];
  CHECK_FALSE(plain.hands.has_value());
  CHECK(plain.near_bone.empty());
}

TEST_CASE("muscle library: a hands technique that is not an object, or lacks a field") {
  const std::string not_object = edit(std::string(kLibrary), "      \"therapist_only\": false,\n",
                                      "      \"therapist_only\": false,\n"
                                      "      \"hands\": \"Fingertips\",\n");
  check_only_problem(not_object, "/muscles/0/hands", 20, "\"Fingertips\"", "must be an object");
  const std::string missing =
      edit(std::string(kLibrary), "      \"therapist_only\": false,\n",
           "      \"therapist_only\": false,\n"
           "      \"hands\": {\"tool\": \"Fingertips\", \"posture\": \"Sitting\"},\n");
  check_only_problem(missing, "/muscles/0/hands/instruction", 20, "{", "is required but missing");
  const std::string misspelt =
      edit(std::string(kLibrary), "      \"therapist_only\": false,\n",
           "      \"therapist_only\": false,\n"
           "      \"hands\": {\"tool\": \"Fingertips\", \"posture\": \"Sitting\", "
           "\"instructions\": \"Press.\"},\n");
  check_only_problem(misspelt, "/muscles/0/hands/instructions", 20, "\"instructions\"",
                     "did you mean \"instruction\"");
}

TEST_CASE("the shipped hands techniques are the ones domain.md section 3 names, with no tool") {
  const MuscleLibrary library = shipped_library();
  // §3's tool column offers fingers, fingertips or a pincer grip for these; §2.4 the thumb
  // (quadratus lumborum).
  const std::vector<std::string> with_hands = {"upper_trapezius", "levator_scapulae",
                                               "suboccipitals", "pectoralis_minor",
                                               "quadratus_lumborum"};
  for (const MuscleInfo& m : library.muscles) {
    CAPTURE(m.id);
    const bool listed = std::find(with_hands.begin(), with_hands.end(), m.id) != with_hands.end();
    CHECK(m.hands.has_value() == listed);
    if (m.hands) {
      CHECK_FALSE(uses_tool(m.hands->tool));
      CHECK(m.hands->instruction.size() <= 90);
    }
  }
  // The bony points of the content review (issue 10): floating rib, greater trochanter, ASIS.
  CHECK(library.find("quadratus_lumborum")->near_bone.find("(floating) rib") != std::string::npos);
  CHECK_FALSE(library.find("gluteus_minimus")->near_bone.empty());
  CHECK_FALSE(library.find("tensor_fasciae_latae")->near_bone.empty());
}

// Content review (domain.md §2.5, endangerment sites [34a]): a muscle whose working area holds
// or borders one carries a caution that names it in plain words. The mapping follows §3's
// "where" and "cautions" columns.
TEST_CASE("every muscle near an endangerment site of domain.md 2.5 carries its caution") {
  struct Site {
    std::string_view name;
    std::vector<std::string_view> words;  // any of them, in a caution, names the site
    std::vector<std::string_view> muscles;
  };
  const std::vector<Site> sites = {
      {"anterior neck (carotid)",
       {"front of the neck"},
       {"upper_trapezius", "sternocleidomastoid"}},
      {"axilla", {"armpit"}, {"pectoralis_minor"}},
      {"cubital fossa", {"front of the elbow"}, {"forearm_extensors"}},
      {"femoral triangle", {"front of the groin"}, {"rectus_femoris", "iliopsoas"}},
      {"popliteal fossa", {"behind the knee", "back of the knee"}, {"gastrocnemius"}},
      {"kidney area", {"kidney"}, {"quadratus_lumborum"}},
  };
  const MuscleLibrary library = shipped_library();
  for (const Site& site : sites) {
    for (std::string_view id : site.muscles) {
      CAPTURE(site.name);
      CAPTURE(id);
      const MuscleInfo* m = library.find(id);
      REQUIRE(m != nullptr);
      const bool named = std::any_of(m->cautions.begin(), m->cautions.end(), [&](const auto& c) {
        return std::any_of(site.words.begin(), site.words.end(),
                           [&](std::string_view w) { return c.find(w) != std::string::npos; });
      });
      CHECK(named);
      CHECK(std::find(m->sources.begin(), m->sources.end(),
                      "[34a] Contraindications and endangerment sites") != m->sources.end());
    }
  }
  // A pulse under the tool means move off (§2.2, [31b]): said where an artery runs close.
  for (std::string_view id :
       {"sternocleidomastoid", "iliopsoas", "rectus_femoris", "gastrocnemius"}) {
    CAPTURE(id);
    const auto& cautions = library.find(id)->cautions;
    CHECK(std::any_of(cautions.begin(), cautions.end(),
                      [](const std::string& c) { return c.find("pulse") != std::string::npos; }));
  }
}

TEST_CASE("the content review's nerve and organ cautions are in the shipped library") {
  const MuscleLibrary library = shipped_library();
  const auto says = [&](std::string_view id, std::string_view words) {
    const auto& cautions = library.find(id)->cautions;
    return std::any_of(cautions.begin(), cautions.end(),
                       [&](const std::string& c) { return c.find(words) != std::string::npos; });
  };
  CHECK(says("gastrocnemius", "below the crease behind the knee"));
  CHECK(says("pectoralis_minor", "tingling, numbness or coldness down the arm"));
  CHECK(says("forearm_extensors", "back of the hand"));
  CHECK(says("forearm_extensors", "radial nerve"));
  CHECK(says("iliopsoas", "aortic aneurysm"));
  CHECK(says("iliopsoas", "hernia"));
  CHECK(says("iliopsoas", "surgery on the abdomen"));
  CHECK(says("quadratus_lumborum", "lowest (floating) rib"));
  CHECK(says("gluteus_minimus", "bony point at the side of the hip"));
  CHECK(says("tensor_fasciae_latae", "bony front point of the hip"));
  // §3 row 18: rectus femoris lies high on the front of the thigh (the inner thigh above the
  // knee is vastus medialis), so the ball goes there.
  CHECK(library.find("rectus_femoris")->where.find("high on the front of the thigh") !=
        std::string::npos);
  CHECK(library.find("rectus_femoris")->instruction.find("high on the front") != std::string::npos);
  // No body-weight ball over the kidney area: the quadratus lumborum is worked against a wall.
  CHECK(library.find("quadratus_lumborum")->tool.find("floor") == std::string::npos);
}
