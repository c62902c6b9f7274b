#include "core/content_language.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/homework.h"
#include "core/language.h"
#include "core/message_catalog.h"
#include "core/routine_parser.h"
#include "core/translate.h"

using namespace unknot::core;
namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

const fs::path kAssets = fs::path(UNKNOT_SOURCE_DIR) / "assets";

// A context's key as msgfmt writes it: "context\x04message".
std::string key(std::string_view context, std::string_view message) {
  return std::string(context) + '\x04' + std::string(message);
}

// A .mo catalog of `messages` (key, translation), as msgfmt writes one (little-endian,
// revision 0, no hash table), with a Spanish header.
std::string mo_bytes(std::vector<std::pair<std::string, std::string>> messages) {
  messages.insert(messages.begin(), {"",
                                     "Language: es\nContent-Type: text/plain; charset=UTF-8\n"
                                     "Plural-Forms: nplurals=2; plural=(n != 1);\n"});
  const auto n = static_cast<std::uint32_t>(messages.size());
  std::string out;
  const auto word = [&out](std::uint32_t w) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((w >> (8 * i)) & 0xff));
  };
  const std::uint32_t originals = 28, translations = originals + 8 * n;
  std::uint32_t at = translations + 8 * n;
  std::string strings;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> original_table, translation_table;
  for (const auto& [k, v] : messages) {
    original_table.emplace_back(static_cast<std::uint32_t>(k.size()), at);
    strings += k + '\0';
    at += static_cast<std::uint32_t>(k.size() + 1);
  }
  for (const auto& [k, v] : messages) {
    translation_table.emplace_back(static_cast<std::uint32_t>(v.size()), at);
    strings += v + '\0';
    at += static_cast<std::uint32_t>(v.size() + 1);
  }
  for (std::uint32_t w : {0x950412deu, 0u, n, originals, translations, 0u, 0u}) word(w);
  for (const auto& [length, offset] : original_table) {
    word(length);
    word(offset);
  }
  for (const auto& [length, offset] : translation_table) {
    word(length);
    word(offset);
  }
  return out + strings;
}

// Installs a catalog of `messages` for the test, and English again after it.
struct Language {
  explicit Language(std::vector<std::pair<std::string, std::string>> messages) {
    install_catalog(MessageCatalog::from_mo(mo_bytes(std::move(messages)), "test.mo"), "es");
  }
  Language(const Language&) = delete;
  Language& operator=(const Language&) = delete;
  ~Language() { install_catalog(MessageCatalog(), "en"); }
};

struct PseudoLanguage {
  PseudoLanguage() { install_pseudo_language(); }
  PseudoLanguage(const PseudoLanguage&) = delete;
  PseudoLanguage& operator=(const PseudoLanguage&) = delete;
  ~PseudoLanguage() { install_catalog(MessageCatalog(), "en"); }
};

constexpr std::string_view kRoutine = R"({
  "format_version": 1,
  "id": "demo",
  "title": "Demo routine",
  "summary": "Two holds on the upper trapezius.",
  "tool": "Ball against a wall",
  "regions": ["Neck"],
  "cautions": ["Never above 7.", "Stop if it tingles."],
  "sources": ["[38a] NAMTPT symptom checker: upper trapezius"],
  "steps": [
    {"type": "breathing", "title": "Settle in", "posture": "Standing",
     "instruction": "Breathe gently.", "pattern": "resonance_6", "breaths": 4},
    {"type": "pressure", "muscle": "upper_trapezius", "title": "Upper trapezius", "sides": "both",
     "tool": "Ball against a wall", "posture": "Back to the wall",
     "instruction": "Lean in as you breathe out.", "referral": "Commonly refers pain to the temple",
     "pressure": 5, "duration_s": 45},
    {"type": "breathing", "title": "Rest", "instruction": "Breathe gently.",
     "pattern": "extended_exhale_4_6", "breaths": 3},
    {"type": "pressure", "muscle": "upper_trapezius", "title": "Upper trapezius, second round",
     "sides": "both", "tool": "Ball against a wall", "posture": "Back to the wall",
     "instruction": "Stay at 5 to 6 out of 10.", "referral": "Commonly refers pain to the temple",
     "pressure": 5, "duration_s": 45}
  ]
})";

Routine parsed_routine(std::string_view text, std::string_view file) {
  auto parsed = parse_routine(text, file, builtin_pattern_lookup());
  std::string listing;
  for (const auto& p : parsed.problems) listing += "\n  " + p.to_string();
  INFO("problems:" << listing);
  REQUIRE(parsed.routine.has_value());
  return *parsed.routine;
}

MuscleLibrary shipped_library() {
  auto parsed = parse_muscle_library(read_file(kAssets / "muscles.json"), "muscles.json");
  REQUIRE(parsed.library.has_value());
  return *parsed.library;
}

BodyMap shipped_map() {
  auto parsed = parse_body_map(read_file(kAssets / "body_map.json"), "body_map.json");
  REQUIRE(parsed.map.has_value());
  return *parsed.map;
}

std::vector<Routine> shipped_routines() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(kAssets / "routines")) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  REQUIRE_FALSE(files.empty());
  std::vector<Routine> out;
  for (const auto& file : files) out.push_back(parsed_routine(read_file(file), file.string()));
  return out;
}

// `english` as the pseudo-language shows it: checks a translated field was looked up.
void check_pseudo(const std::string& translated, const std::string& english,
                  std::string_view what) {
  INFO(what << ": \"" << english << "\"");
  if (english.empty()) {
    CHECK(translated.empty());
  } else {
    CHECK(translated == pseudo_translate(english));
    CHECK(translated != english);
  }
}

void check_pseudo_all(const std::vector<std::string>& translated,
                      const std::vector<std::string>& english, std::string_view what) {
  REQUIRE(translated.size() == english.size());
  for (std::size_t i = 0; i < english.size(); ++i) check_pseudo(translated[i], english[i], what);
}

}  // namespace

TEST_CASE("the contexts are made from ids, as scripts/content_messages.py makes them") {
  const Routine r = parsed_routine(kRoutine, "demo.json");
  CHECK(routine_context("demo", "title") == "routine demo: title");
  CHECK(step_context("demo", r.steps[0], "instruction") ==
        "routine demo, breathing step: instruction");
  CHECK(step_context("demo", r.steps[1], "referral") ==
        "routine demo, step upper_trapezius: referral");
  CHECK(muscle_context("quadratus_lumborum", "near bone") ==
        "muscle quadratus_lumborum: near bone");
  CHECK(place_context("temple_left") == "body map: place temple_left");
}

TEST_CASE("a built-in routine comes out in the installed language, ids, tools and sources stay") {
  const Routine english = parsed_routine(kRoutine, "demo.json");
  const Language es({
      {key("routine demo: title", "Demo routine"), "Rutina de prueba"},
      // Another routine's title: the id is part of the context.
      {key("routine other: summary", "Two holds on the upper trapezius."), "Otra"},
      {key("routine demo: caution", "Never above 7."), "Nunca por encima de 7."},
      {key("routine demo, breathing step: title", "Settle in"), "Acomódate"},
      {key("routine demo, breathing step: title", "Rest"), "Descanso"},
      {key("routine demo, breathing step: instruction", "Breathe gently."),
       "Respira con suavidad."},
      {key("routine demo, step upper_trapezius: title", "Upper trapezius"), "Trapecio superior"},
      {key("routine demo, step upper_trapezius: title", "Upper trapezius, second round"),
       "Trapecio superior, segunda ronda"},
      {key("routine demo, step upper_trapezius: referral", "Commonly refers pain to the temple"),
       "Suele referir dolor a la sien"},
      {key("tool", "Ball against a wall"), "Pelota contra la pared"},
      {key("body region", "Neck"), "Cuello"},
  });
  Routine r = english;
  translate_builtin_routine(r);
  CHECK(r.id == "demo");
  CHECK(r.title == "Rutina de prueba");
  CHECK(r.summary == english.summary);
  CHECK(r.cautions == std::vector<std::string>{"Nunca por encima de 7.", "Stop if it tingles."});
  CHECK(r.steps[0].title == "Acomódate");
  CHECK(r.steps[0].instruction == "Respira con suavidad.");
  CHECK(r.steps[0].posture == "Standing");  // no translation: the English stays
  CHECK(r.steps[1].title == "Trapecio superior");
  CHECK(r.steps[1].referral == "Suele referir dolor a la sien");
  CHECK(r.steps[2].title == "Descanso");
  CHECK(r.steps[2].instruction == "Respira con suavidad.");
  CHECK(r.steps[3].title == "Trapecio superior, segunda ronda");
  CHECK(r.steps[3].referral == "Suele referir dolor a la sien");
  CHECK(r.steps[3].muscle == "upper_trapezius");
  // Tools and regions stay in English (the safety rules and the record read them) and are
  // translated where they are shown.
  CHECK(r.tool == "Ball against a wall");
  CHECK(r.steps[1].tool == "Ball against a wall");
  CHECK(r.regions == english.regions);
  CHECK(tool_text(r.tool) == "Pelota contra la pared");
  CHECK(region_text(r.regions[0]) == "Cuello");
  CHECK(tool_text("A towel") == "A towel");
  CHECK(tool_text("").empty());
  CHECK(r.sources == english.sources);
}

TEST_CASE("a homework's routine keeps its therapist's words: only the built-in loaders translate") {
  const std::string text =
      read_file(fs::path(UNKNOT_TEST_DATA_DIR) / "homework" / "neck_home.unknot");
  const auto english = parse_homework(text, "neck_home.unknot", builtin_pattern_lookup(), nullptr);
  REQUIRE(english.homework.has_value());
  const Routine& hr = english.homework->routine;
  REQUIRE(hr.steps.size() >= 2);
  // A catalog that knows every one of its texts, as if they were built-in content.
  const Language es({
      {key(routine_context(hr.id, "title"), hr.title), "Cuello y hombros en casa"},
      {key(step_context(hr.id, hr.steps[1], "title"), hr.steps[1].title), "Trapecio superior"},
      {key(step_context(hr.id, hr.steps[1], "instruction"), hr.steps[1].instruction),
       "Pelota encima del hombro."},
  });
  const auto again = parse_homework(text, "neck_home.unknot", builtin_pattern_lookup(), nullptr);
  REQUIRE(again.homework.has_value());
  CHECK(again.homework->routine == hr);
  const auto as_routine =
      parse_routine(routine_json(hr), "neck_home.json", builtin_pattern_lookup());
  REQUIRE(as_routine.routine.has_value());
  CHECK(*as_routine.routine == hr);
  // Were it built-in, the same catalog would translate it.
  Routine builtin = hr;
  translate_builtin_routine(builtin);
  CHECK(builtin.title == "Cuello y hombros en casa");
  CHECK(builtin.steps[1].instruction == "Pelota encima del hombro.");
}

TEST_CASE("the muscle library and the body map come out in the installed language") {
  const MuscleLibrary english = shipped_library();
  const BodyMap english_map = shipped_map();
  const MuscleInfo* ql = english.find("quadratus_lumborum");
  REQUIRE(ql != nullptr);
  REQUIRE(ql->hands.has_value());
  REQUIRE_FALSE(ql->cautions.empty());
  const BodyZone* temple = english_map.find("temple_left");
  REQUIRE(temple != nullptr);
  const Language es({
      {key("muscle quadratus_lumborum: name", ql->name), "Cuadrado lumbar"},
      {key("muscle quadratus_lumborum: near bone", ql->near_bone), "la costilla flotante"},
      {key("muscle quadratus_lumborum: caution", ql->cautions[0]), "Precaución"},
      {key("muscle quadratus_lumborum: hands instruction", ql->hands->instruction),
       "Con el pulgar."},
      {key("body map: place temple_left", temple->label), "Sien izquierda"},
      // The same English in another muscle's context is not this one's.
      {key("muscle masseter: name", ql->name), "Masetero"},
  });
  MuscleLibrary library = english;
  translate_muscle_library(library);
  const MuscleInfo* m = library.find("quadratus_lumborum");
  REQUIRE(m != nullptr);
  CHECK(m->name == "Cuadrado lumbar");
  CHECK(m->near_bone == "la costilla flotante");
  CHECK(m->cautions[0] == "Precaución");
  CHECK(m->hands->instruction == "Con el pulgar.");
  CHECK(m->referral == ql->referral);
  CHECK(m->region == ql->region);
  CHECK(m->tool == ql->tool);
  CHECK(m->hands->tool == ql->hands->tool);
  CHECK(m->referral_zones == ql->referral_zones);
  CHECK(library.find("masseter")->name == english.find("masseter")->name);
  BodyMap map = english_map;
  translate_body_map(map);
  CHECK(map.find("temple_left")->label == "Sien izquierda");
  CHECK(map.find("temple_right")->label == english_map.find("temple_right")->label);
  CHECK(map.zones.size() == english_map.zones.size());
}

TEST_CASE("reading again after the language changes gives the new language, never a kept one") {
  const Routine english = parsed_routine(kRoutine, "demo.json");
  {
    const Language es({{key("routine demo: title", english.title), "Rutina de prueba"}});
    Routine r = english;
    translate_builtin_routine(r);
    CHECK(r.title == "Rutina de prueba");
  }
  Routine r = english;
  translate_builtin_routine(r);
  CHECK(r.title == "Demo routine");
}

// Every text the code translates is looked up (the pseudo-language changes each one), so no
// English is left in those fields of the shipped content; scripts/content_messages.py makes
// its template from the same fields by the same rule.
TEST_CASE("no English is left in the shipped content's translated fields") {
  const std::vector<Routine> routines = shipped_routines();
  const MuscleLibrary library = shipped_library();
  const BodyMap map = shipped_map();
  const PseudoLanguage pseudo;
  for (const Routine& english : routines) {
    INFO("routine " << english.id);
    Routine r = english;
    translate_builtin_routine(r);
    check_pseudo(r.title, english.title, "title");
    check_pseudo(r.summary, english.summary, "summary");
    check_pseudo_all(r.cautions, english.cautions, "caution");
    CHECK(r.tool == english.tool);
    CHECK(r.regions == english.regions);
    CHECK(r.sources == english.sources);
    REQUIRE(r.steps.size() == english.steps.size());
    for (std::size_t i = 0; i < r.steps.size(); ++i) {
      const StepSpec& s = r.steps[i];
      const StepSpec& e = english.steps[i];
      INFO("step " << i + 1);
      check_pseudo(s.title, e.title, "step title");
      check_pseudo(s.posture, e.posture, "posture");
      check_pseudo(s.instruction, e.instruction, "instruction");
      check_pseudo(s.referral, e.referral, "referral");
      CHECK(s.tool == e.tool);
      CHECK(s.muscle == e.muscle);
      CHECK(s.pattern_id == e.pattern_id);
    }
  }
  MuscleLibrary translated = library;
  translate_muscle_library(translated);
  REQUIRE(translated.muscles.size() == library.muscles.size());
  for (std::size_t i = 0; i < library.muscles.size(); ++i) {
    const MuscleInfo& m = translated.muscles[i];
    const MuscleInfo& e = library.muscles[i];
    INFO("muscle " << e.id);
    check_pseudo(m.name, e.name, "name");
    check_pseudo(m.where, e.where, "where");
    check_pseudo(m.referral, e.referral, "referral");
    check_pseudo(m.posture, e.posture, "posture");
    check_pseudo(m.instruction, e.instruction, "instruction");
    check_pseudo(m.near_bone, e.near_bone, "near bone");
    check_pseudo_all(m.cautions, e.cautions, "caution");
    REQUIRE(m.hands.has_value() == e.hands.has_value());
    if (e.hands) {
      check_pseudo(m.hands->posture, e.hands->posture, "hands posture");
      check_pseudo(m.hands->instruction, e.hands->instruction, "hands instruction");
      CHECK(m.hands->tool == e.hands->tool);
    }
    CHECK(m.id == e.id);
    CHECK(m.region == e.region);
    CHECK(m.tool == e.tool);
    CHECK(m.sources == e.sources);
    CHECK(m.referral_zones == e.referral_zones);
    CHECK(m.location_zones == e.location_zones);
  }
  BodyMap translated_map = map;
  translate_body_map(translated_map);
  REQUIRE(translated_map.zones.size() == map.zones.size());
  for (std::size_t i = 0; i < map.zones.size(); ++i) {
    INFO("zone " << map.zones[i].id);
    check_pseudo(translated_map.zones[i].label, map.zones[i].label, "place");
    CHECK(translated_map.zones[i].id == map.zones[i].id);
  }
}
