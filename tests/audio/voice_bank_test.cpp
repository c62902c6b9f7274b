// The shipped voice clips and their script: every spoken caption and every muscle a built-in
// routine names has a clip, spoken in the caption's words, decodable without an audio device.
#include "audio/voice_bank.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "audio/loudness.h"
#include "audio/synth.h"
#include "audio_test_support.h"
#include "core/content_language.h"
#include "core/message_catalog.h"
#include "core/routine_parser.h"
#include "core/translate.h"

namespace unknot::audio {
namespace {

using namespace testing;

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// name -> words, from the script's "name|words[|respelling]" entries.
std::map<std::string, std::string> script_entries() {
  const std::string text = read_text(source_dir() / "scripts" / "make-voice.sh");
  const std::regex entry(R"re(^\s*"([a-z_]+)\|([^|"]+)(\|[^"]*)?"\s*$)re");
  std::map<std::string, std::string> out;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_match(line, m, entry)) out[m[1]] = m[2];
  }
  return out;
}

std::vector<core::Routine> builtin_routines() {
  std::vector<core::Routine> out;
  for (const auto& entry : fs::directory_iterator(source_dir() / "assets" / "routines")) {
    const auto parsed = core::parse_routine(read_text(entry.path()), entry.path().string(),
                                            core::builtin_pattern_lookup());
    REQUIRE_MESSAGE(parsed.routine, entry.path().string());
    out.push_back(*parsed.routine);
  }
  return out;
}

std::string lowercase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

TEST_CASE("the voice script speaks exactly the words of each caption") {
  const auto script = script_entries();
  for (int k = 0; k < core::kCueKindCount; ++k) {
    const auto kind = static_cast<core::CueKind>(k);
    if (!core::is_spoken(kind) || kind == core::CueKind::SayStepName) continue;
    const std::string name(core::cue_name(kind));
    CAPTURE(name);
    REQUIRE(script.count(name) == 1);
    CHECK(script.at(name) == core::caption(kind));
  }
  CHECK(script.at("side_left") == core::side_word(core::Side::Left));
  CHECK(script.at("side_right") == core::side_word(core::Side::Right));
}

TEST_CASE("every clip the script makes is shipped, and every shipped clip is in the script") {
  const auto script = script_entries();
  std::set<std::string> shipped;
  for (const auto& entry : fs::directory_iterator(shipped_audio())) {
    if (entry.path().extension() == ".ogg") shipped.insert(entry.path().stem().string());
  }
  std::set<std::string> scripted;
  for (const auto& [name, words] : script) scripted.insert(name);
  CHECK(shipped == scripted);
}

TEST_CASE(
    "every muscle in the built-in routines has a clip, and its announcement matches the caption") {
  const auto script = script_entries();
  const core::PatternLookup lookup = core::builtin_pattern_lookup();
  int announced = 0;
  for (const core::Routine& routine : builtin_routines()) {
    for (const core::Step& step : core::expand(routine, lookup)) {
      if (step.muscle.empty()) continue;
      CAPTURE(routine.id);
      CAPTURE(step.muscle);
      const std::string clip = muscle_clip_name(step.muscle);
      REQUIRE(script.count(clip) == 1);
      CHECK(fs::exists(shipped_audio() / (clip + ".ogg")));
      // What is said (side word, muscle) is how the caption on screen begins; a caption may
      // go on ("Upper trapezius, second round").
      std::string said = script.at(clip);
      if (step.side != core::Side::None)
        said = std::string(core::side_word(step.side)) + " " + said;
      CHECK(lowercase(core::step_heading(step)).rfind(lowercase(said), 0) == 0);
      ++announced;
    }
  }
  CHECK(announced > 10);
}

TEST_CASE("the shipped clips decode without an audio device, as 24 kHz speech at one loudness") {
  std::vector<std::string> problems;
  const VoiceBank bank = VoiceBank::load(shipped_audio(), &problems);
  CHECK(problems.empty());
  CHECK(missing_voices(bank).empty());
  CHECK(bank.names().size() == script_entries().size());
  for (const std::string& name : bank.names()) {
    CAPTURE(name);
    const Clip clip = bank.clip(name, 24000);
    const double seconds = static_cast<double>(clip.frames()) / 24000.0;
    CHECK(seconds > 0.2);
    CHECK(seconds < 4.0);
    // scripts/make-voice.sh levels every clip to -23 LUFS (as a mono file) with peaks under
    // -3 dBFS; played centred, in both ears, that is 3 dB more.
    // (The script measures short words padded with silence, as ffmpeg does; they read up to
    // about 1 LU lower here.)
    CHECK(clip_loudness(clip) > -21.5);
    CHECK(clip_loudness(clip) < -19.5);
    CHECK(decibels(peak(clip)) < -3.0);
    // Trimmed: the word starts at once (within the 10 ms fade) rather than after silence.
    CHECK(peak_of(clip.to_stereo(), 0, 24 * 20) > 0.001F);
  }
}

TEST_CASE("a clip at 48 kHz lasts as long as at 24 kHz and starts at its first frame") {
  VoiceBank bank;
  std::vector<float> mono(2400, 0.0F);
  mono[0] = 0.5F;
  bank.add("probe", 24000, mono);
  const Clip clip = bank.clip("probe", 48000);
  CHECK(clip.rate_hz() == 48000);
  CHECK(clip.frames() == 4800);
  CHECK(clip.sample(0, 0) == doctest::Approx(0.5F * 0.92F).epsilon(0.05));
  // Kept as one channel: the renderer feeds it to both (panned), 2 bytes a frame.
  CHECK(clip.channels() == 1);
  CHECK(clip.bytes() == 4800 * 2);
  CHECK(clip.sample(0, 0) == clip.sample(0, 1));
  CHECK(bank.clip("absent", 48000).empty());
}

TEST_CASE("a damaged or foreign file is reported by name and the others still load") {
  TempDir dir;
  fs::copy_file(shipped_audio() / "say_hold.ogg", dir.path() / "say_hold.ogg");
  std::ofstream(dir.path() / "say_two.ogg") << "not an ogg file at all";
  std::vector<std::string> problems;
  const VoiceBank bank = VoiceBank::load(dir.path(), &problems);
  CHECK(bank.has("say_hold"));
  CHECK_FALSE(bank.has("say_two"));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("say_two.ogg") == 0);
  const auto missing = missing_voices(bank);
  CHECK(std::find(missing.begin(), missing.end(), "say_two") != missing.end());
  CHECK(std::find(missing.begin(), missing.end(), "say_hold") == missing.end());

  problems.clear();
  CHECK(VoiceBank::load(dir.path() / "nowhere", &problems).names().empty());
  CHECK(problems.size() == 1);
}

TEST_CASE("the sounds for a renderer are every tone and every voice, at the renderer's rate") {
  VoiceBank bank;
  bank.add("say_hold", 24000, std::vector<float>(240, 0.1F));
  const auto sounds = prepare_sounds(bank, 44100);
  std::set<std::string> names;
  for (const NamedClip& sound : sounds) {
    names.insert(sound.name);
    CHECK(sound.clip.rate_hz() == 44100);
    CHECK_FALSE(sound.clip.empty());
  }
  CHECK(names == std::set<std::string>{"tone_inhale", "tone_exhale", "tone_hold", "chime_next_step",
                                       "chime_switch_sides", "bell_end", "say_hold"});
}

namespace {

// A voice set's WORDS.txt: name -> words (scripts/voice_words.py).
std::map<std::string, std::string> set_words(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& [name, words] : read_voice_words(dir)) out[name] = words;
  return out;
}

// The Spanish catalog installed for one test, English again after it.
struct InSpanish {
  InSpanish() {
    const std::string file = std::string(UNKNOT_TEST_LOCALE_DIR) + "/es/LC_MESSAGES/unknot.mo";
    core::install_catalog(core::MessageCatalog::from_mo(read_text(file), file), "es");
  }
  ~InSpanish() { core::install_catalog(core::MessageCatalog(), "en"); }
  InSpanish(const InSpanish&) = delete;
  InSpanish& operator=(const InSpanish&) = delete;
};

}  // namespace

TEST_CASE("the Spanish voice has every clip of the English one, and says what the captions say") {
  const fs::path dir = shipped_audio() / "es";
  const auto words = set_words(dir);
  std::set<std::string> shipped;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".ogg") shipped.insert(entry.path().stem().string());
  }
  std::set<std::string> english;
  for (const auto& [name, said] : script_entries()) english.insert(name);
  CHECK(shipped == english);
  for (const std::string& name : shipped) CHECK_MESSAGE(words.count(name) == 1, name);
  InSpanish spanish;
  for (int k = 0; k < core::kCueKindCount; ++k) {
    const auto kind = static_cast<core::CueKind>(k);
    if (!core::is_spoken(kind) || kind == core::CueKind::SayStepName) continue;
    const std::string name(core::cue_name(kind));
    CAPTURE(name);
    REQUIRE(words.count(name) == 1);
    CHECK(words.at(name) == core::tr(core::caption(kind)));
  }
  // Each built-in step's Spanish heading is what the announcement says, in its order: the
  // muscle, then the side ("Trapecio superior, lado izquierdo").
  REQUIRE(words.count("announce") == 1);
  CHECK(words.at("announce") == "muscle side");
  const core::PatternLookup lookup = core::builtin_pattern_lookup();
  int announced = 0;
  for (core::Routine routine : builtin_routines()) {
    core::translate_builtin_routine(routine);
    for (const core::Step& step : core::expand(routine, lookup)) {
      if (step.muscle.empty()) continue;
      CAPTURE(routine.id);
      CAPTURE(step.muscle);
      const std::string clip = muscle_clip_name(step.muscle);
      REQUIRE(words.count(clip) == 1);
      std::string said = words.at(clip);
      const std::string round(round_clip_name(
          step.title, {words.at("step_second_round"), words.at("step_third_round")}));
      if (!round.empty()) said += ", " + words.at(round);
      if (step.side != core::Side::None)
        said += ", " + words.at(std::string(side_clip_name(step.side == core::Side::Left)));
      CHECK(lowercase(core::step_heading(step)) == lowercase(said));
      ++announced;
    }
  }
  CHECK(announced > 10);
}

}  // namespace unknot::audio
