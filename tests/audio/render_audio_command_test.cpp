// `unknot render-audio` end to end: options from the command line, a WAV any player opens with
// every cue where its cue list says, and clear failures that leave nothing behind.
#include <doctest/doctest.h>

#include <CLI/CLI.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "audio/offline_render.h"
#include "audio/onset_finder.h"
#include "audio/voice_bank.h"
#include "audio/wav_file.h"
#include "audio_test_support.h"
#include "cli/command_line.h"
#include "cli/render_audio.h"
#include "core/breathing_session.h"
#include "core/timeline.h"
#include "decoded_file.h"

namespace unknot::cli {
namespace {

using namespace audio::testing;

struct Run {
  int code = 0;
  std::string out;
  std::string err;
};

Run run(const RenderAudioOptions& options) {
  std::ostringstream out;
  std::ostringstream err;
  const int code = run_render_audio(options, out, err);
  return {code, out.str(), err.str()};
}

RenderAudioOptions options_for(const TempDir& dir) {
  RenderAudioOptions options;
  options.out = dir.path() / "session.wav";
  options.cues = dir.path() / "session.json";
  options.assets_dir = source_dir() / "assets";
  return options;
}

nlohmann::json read_json(const fs::path& file) {
  std::ifstream in(file);
  return nlohmann::json::parse(in);
}

RenderAudioOptions parse(const std::string& line) {
  CLI::App app;
  RenderAudioOptions options;
  CLI::App* sub = add_render_audio_command(app, options);
  app.parse(line, false);
  CHECK(sub->parsed());
  return options;
}

}  // namespace

TEST_CASE("render-audio writes a WAV whose cues sit exactly at the frames its cue list gives") {
  TempDir dir;
  RenderAudioOptions options = options_for(dir);
  options.routine =
      (source_dir() / "tests" / "data" / "e2e_assets" / "routines" / "short.json").string();
  const Run result = run(options);
  REQUIRE_MESSAGE(result.code == 0, result.err);
  CHECK(result.err.empty());
  CHECK(result.out.find("session.wav") != std::string::npos);

  const audio::WavAudio wav = audio::read_wav(options.out);
  const nlohmann::json cues = read_json(options.cues);
  CHECK(wav.rate_hz == 48000);
  CHECK(wav.channels == 2);
  CHECK(cues["rate"] == 48000);
  CHECK(cues["frames"].get<std::int64_t>() == static_cast<std::int64_t>(wav.samples.size() / 2));

  std::map<std::string, audio::Clip> sounds;
  for (auto& sound : audio::prepare_sounds(
           audio::VoiceBank::load(audio::testing::shipped_audio(), nullptr), 48000)) {
    sounds[sound.name] = std::move(sound.clip);
  }
  std::vector<audio::SoundToFind> search;
  std::set<std::string> kinds;
  for (const auto& cue : cues["cues"]) {
    const std::string kind = cue["kind"];
    kinds.insert(kind);
    const std::int64_t frame = cue["frame"];
    // Frame and seconds agree: the countdown (3 s) comes first.
    CHECK(frame ==
          static_cast<std::int64_t>(std::llround((cue["seconds"].get<double>() + 3.0) * 48000)));
    CHECK(cue.contains("caption"));
    CHECK(cue.contains("step"));
    const std::string side = cue["side"];
    CHECK((side == "none" || side == "left" || side == "right"));
    const std::string first = kind == "say_step_name" ? "side_" + side : kind;
    search.push_back({&sounds.at(first), frame});
  }
  CHECK(kinds.count("say_step_name") == 1);
  CHECK(kinds.count("chime_switch_sides") == 1);
  CHECK(cues["cues"][0]["frame"] == 0);
  const auto found = audio::find_onsets(wav.samples, search, 100, 2400);
  for (std::size_t i = 0; i < found.size(); ++i) {
    CAPTURE(cues["cues"][i].dump());
    CHECK(found[i] == search[i].expected);
  }
}

TEST_CASE(
    "render-audio renders a breathing pattern for a number of breaths, with only what is asked") {
  TempDir dir;
  RenderAudioOptions options = options_for(dir);
  options.pattern = "resonance_6";
  options.breaths = 2;
  options.sound.voice_muted = true;
  options.rate_hz = 44100;
  const Run result = run(options);
  REQUIRE_MESSAGE(result.code == 0, result.err);
  const audio::WavAudio wav = audio::read_wav(options.out);
  CHECK(wav.rate_hz == 44100);
  const double seconds = static_cast<double>(wav.samples.size() / 2) / 44100.0;
  CHECK(seconds > 3 + 20 + 2.9);  // countdown, two 10 s breaths, the bell's tail
  CHECK(seconds < 3 + 20 + 3.2);
  const auto cues = read_json(options.cues);  // kept: a loop over a temporary's part dangles
  for (const auto& cue : cues["cues"]) CHECK(cue["kind"].get<std::string>().rfind("say_", 0) != 0);
}

TEST_CASE("--vibration adds the session's vibration pulses to the cue list, whatever is muted") {
  TempDir dir;
  RenderAudioOptions options = options_for(dir);
  options.pattern = "resonance_6";
  options.breaths = 2;
  options.sound.voice_muted = true;
  options.sound.tones_muted = true;
  REQUIRE(run(options).code == 0);
  CHECK_FALSE(read_json(options.cues).contains("haptics"));  // only when asked

  options = parse(
      "render-audio --pattern resonance_6 --breaths 2 --no-voice --no-tones "
      "--vibration --out " +
      (dir.path() / "session.wav").string() + " --cues " + (dir.path() / "session.json").string());
  REQUIRE(options.sound.vibration);
  options.assets_dir = source_dir() / "assets";
  const Run result = run(options);
  REQUIRE_MESSAGE(result.code == 0, result.err);
  const nlohmann::json list = read_json(options.cues);
  CHECK(list["cues"].empty());  // nothing is heard
  const nlohmann::json& haptics = list["haptics"];
  // Two breaths of 5 s in and 5 s out, three pulses each way, then three for the end.
  REQUIRE(haptics.size() == 2 * 3 + 2 * 3 + 3);
  const std::vector<std::string> cues = {"tone_inhale", "tone_exhale", "tone_inhale", "tone_exhale",
                                         "bell_end"};
  for (std::size_t i = 0; i < haptics.size(); ++i) {
    const nlohmann::json& pulse = haptics[i];
    CAPTURE(pulse.dump());
    CHECK(pulse["cue"] == cues[i / 3]);
    // On the cues' scale: frame 0 is the start of the 3 s countdown.
    CHECK(pulse["frame"].get<std::int64_t>() ==
          std::llround((pulse["seconds"].get<double>() + 3.0) * 48000));
    CHECK(pulse["strength"].get<double>() > 0.0);
    CHECK(pulse["strength"].get<double>() <= 0.4);
    if (i + 1 < haptics.size()) {
      CHECK(pulse["seconds"].get<double>() + pulse["ms"].get<double>() / 1000.0 <
            haptics[i + 1]["seconds"].get<double>());
    }
  }
  CHECK(haptics[0]["seconds"] == 0.0);
  CHECK(haptics[0]["frame"] == 3 * 48000);
  // In rises, out falls.
  CHECK(haptics[0]["strength"] == 0.15);
  CHECK(haptics[2]["strength"] == 0.35);
  CHECK(haptics[3]["seconds"] == 5.0);
  CHECK(haptics[3]["strength"] == 0.35);
  CHECK(haptics[5]["strength"] == 0.15);
  CHECK(haptics[0]["ms"] < haptics[2]["ms"]);
  CHECK(haptics[3]["ms"] > haptics[5]["ms"]);
  CHECK(haptics[12]["seconds"] == 20.0);
}

TEST_CASE(
    "a pattern session without a length gets the pattern's own, within its limits for newcomers") {
  TempDir dir;
  RenderAudioOptions options = options_for(dir);
  options.pattern = "relax_478";  // suggests 76 s = 4 breaths; at most 4 in the first month
  options.breaths = 8;
  Run result = run(options);
  REQUIRE(result.code == 0);
  CHECK(result.out.find("limited to 4 breaths") != std::string::npos);
  const auto limited = read_json(options.cues)["frames"].get<std::int64_t>();
  options.breaths.reset();
  result = run(options);
  REQUIRE(result.code == 0);
  CHECK(read_json(options.cues)["frames"].get<std::int64_t>() == limited);
}

TEST_CASE("a bad routine file exits 1 naming file, line and column, and writes nothing") {
  TempDir dir;
  RenderAudioOptions options = options_for(dir);
  options.routine =
      (source_dir() / "tests" / "data" / "routines" / "bad_missing_comma.json").string();
  const Run result = run(options);
  CHECK(result.code == 1);
  CHECK(std::regex_search(result.err, std::regex(R"(bad_missing_comma\.json:\d+:\d+: )")));
  CHECK_FALSE(fs::exists(options.out));
  CHECK_FALSE(fs::exists(options.cues));
}

TEST_CASE("an unknown routine id or pattern exits 1 and lists the built-in ones") {
  TempDir dir;
  RenderAudioOptions options = options_for(dir);
  options.routine = "no_such_routine";
  Run result = run(options);
  CHECK(result.code == 1);
  CHECK(result.err.find("neck_tension_headache") != std::string::npos);
  options.routine.clear();
  options.pattern = "no_such_pattern";
  result = run(options);
  CHECK(result.code == 1);
  CHECK(result.err.find("resonance_6") != std::string::npos);
  CHECK(entries_in(dir.path()) == 0);
}

TEST_CASE("render-audio reads a built-in routine by id") {
  TempDir dir;
  RenderAudioOptions options = options_for(dir);
  options.routine = "neck_tension_headache";
  options.cues.clear();
  options.rate_hz = 8000;  // the whole routine, quickly
  const Run result = run(options);
  REQUIRE_MESSAGE(result.code == 0, result.err);
  CHECK(audio::read_wav(options.out).rate_hz == 8000);
}

TEST_CASE("the render-audio subcommand reads every flag into its options") {
  const RenderAudioOptions a = parse(
      "render-audio --routine neck --out a.wav --cues c.json --rate 44100 --no-voice --no-tones "
      "--breath-tone --ambient ocean");
  CHECK(a.routine == "neck");
  CHECK(a.out == "a.wav");
  CHECK(a.cues == "c.json");
  CHECK(a.rate_hz == 44100);
  CHECK(a.sound.voice_muted);
  CHECK(a.sound.tones_muted);
  CHECK(a.sound.breath_tone);
  CHECK(a.sound.ambient == core::AmbientKind::Ocean);

  const RenderAudioOptions b =
      parse("render-audio --pattern box_4 --minutes 3 --out b.wav --ambient brown");
  CHECK(b.pattern == "box_4");
  CHECK(b.minutes == 3);
  CHECK_FALSE(b.breaths);
  CHECK(b.rate_hz == 48000);
  CHECK(b.sound.ambient == core::AmbientKind::BrownNoise);
  CHECK_FALSE(b.sound.voice_muted);
  CHECK(b.sound.sound_set == core::SoundSet::Chimes);
  CHECK(parse("render-audio --pattern box_4 --out c.wav --sounds Bowls").sound.sound_set ==
        core::SoundSet::Bowls);
  CHECK(parse("render-audio --pattern box_4 --out c.wav --sounds pads").sound.sound_set ==
        core::SoundSet::Pads);
  CHECK_THROWS_AS(parse("render-audio --pattern p --out x.wav --sounds gongs"), CLI::ParseError);

  CHECK_THROWS_AS(parse("render-audio --routine r --pattern p --out x.wav"), CLI::ParseError);
  CHECK_THROWS_AS(parse("render-audio --pattern p --minutes 2 --breaths 3 --out x.wav"),
                  CLI::ParseError);
  CHECK_THROWS_AS(parse("render-audio --pattern p --out x.wav --ambient loud"), CLI::ParseError);
  CHECK_THROWS_AS(parse("render-audio --pattern p"), CLI::ParseError);
}

}  // namespace unknot::cli

namespace unknot::cli {

TEST_CASE("render-audio refuses a session over 4 hours with a message, exit 1 and no file") {
  TempDir dir;
  RenderAudioOptions options = options_for(dir);
  options.pattern = "resonance_6";
  options.minutes = 600;
  Run result = run(options);
  CHECK(result.code == 1);
  CHECK(result.err.find("--minutes must be at most 240") != std::string::npos);
  options.minutes.reset();
  options.breaths = 100000;  // 10 s breaths: 278 hours
  result = run(options);
  CHECK(result.code == 1);
  CHECK(result.err.find("at most 4 hours are rendered") != std::string::npos);
  CHECK(entries_in(dir.path()) == 0);
}

TEST_CASE("the streamed WAV has the very bytes of the session rendered whole and then written") {
  TempDir dir;
  RenderAudioOptions options = options_for(dir);
  options.pattern = "resonance_6";
  options.breaths = 3;
  options.sound.breath_tone = true;
  options.sound.ambient = core::AmbientKind::Ocean;
  options.sound.voice_muted = true;
  const Run result = run(options);
  REQUIRE_MESSAGE(result.code == 0, result.err);

  const core::BreathPattern* pattern = core::find_builtin_pattern("resonance_6");
  REQUIRE(pattern != nullptr);
  const core::Timeline timeline(core::breathing_steps(*pattern, 3), core::builtin_pattern_lookup());
  const auto voices = audio::VoiceBank::load(options.assets_dir / "audio", nullptr);
  const audio::RenderedSession whole =
      audio::render_session(timeline, options.sound, voices, options.rate_hz);
  const fs::path reference = dir.path() / "whole.wav";
  audio::write_wav(reference, whole.samples, whole.rate_hz);
  const auto bytes = [](const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  CHECK(bytes(options.out).size() == bytes(reference).size());
  CHECK(bytes(options.out) == bytes(reference));
}

}  // namespace unknot::cli

namespace unknot::cli {

TEST_CASE(
    "render-audio writes FLAC holding the WAV render's very samples, and Ogg Vorbis as long") {
  TempDir dir;
  RenderAudioOptions options = options_for(dir);
  options.pattern = "resonance_6";
  options.breaths = 2;
  options.sound.ambient = core::AmbientKind::Ocean;  // sound all the way through
  options.rate_hz = 44100;
  options.cues.clear();
  REQUIRE(run(options).code == 0);
  const audio::WavAudio wav = audio::read_wav(options.out);

  options.out = dir.path() / "session.FLAC";  // the name chooses the format
  Run result = run(options);
  REQUIRE_MESSAGE(result.code == 0, result.err);
  CHECK(result.out.find("FLAC") != std::string::npos);
  const audio::testing::DecodedFlac flac = audio::testing::decode_flac(options.out);
  CHECK(flac.rate_hz == 44100);
  CHECK(flac.md5_checked);
  REQUIRE(flac.samples.size() == wav.samples.size());
  std::size_t differing = 0;
  for (std::size_t i = 0; i < wav.samples.size(); ++i) {
    differing += flac.samples[i] != static_cast<std::int16_t>(wav.samples[i] * 32768.0F) ? 1U : 0U;
  }
  CHECK(differing == 0);

  options.out = dir.path() / "session.audio";  // --format decides, whatever the name
  options.format = AudioFormat::Ogg;
  result = run(options);
  REQUIRE_MESSAGE(result.code == 0, result.err);
  CHECK(result.out.find("Ogg Vorbis") != std::string::npos);
  const audio::testing::DecodedOgg ogg = audio::testing::decode_ogg(options.out);
  CHECK(ogg.rate_hz == 44100);
  CHECK(ogg.title == "Resonance 6 per minute");
  CHECK(ogg.total_frames == static_cast<std::int64_t>(wav.samples.size() / 2));
  CHECK(ogg.samples.size() == wav.samples.size());
  CHECK(fs::file_size(options.out) * 5 < fs::file_size(dir.path() / "session.wav"));
}

TEST_CASE("the format comes from --format, else from the --out name, else it is WAV") {
  CHECK(format_for_path("a.flac") == AudioFormat::Flac);
  CHECK(format_for_path("dir.ogg/A.Ogg") == AudioFormat::Ogg);
  CHECK(format_for_path("a.oga") == AudioFormat::Ogg);
  CHECK(format_for_path("a.wav") == AudioFormat::Wav);
  CHECK(format_for_path("flac") == AudioFormat::Wav);
  CHECK(format_for_path("a.mp3") == AudioFormat::Wav);
  CHECK_FALSE(parse("render-audio --pattern box_4 --out a.flac").format);
  CHECK(parse("render-audio --pattern box_4 --out a.wav --format flac").format ==
        AudioFormat::Flac);
  CHECK(parse("render-audio --pattern box_4 --out a.flac --format WAV").format == AudioFormat::Wav);
  CHECK(parse("render-audio --pattern box_4 --out a --format ogg").format == AudioFormat::Ogg);
}

TEST_CASE("a bad --format exits 1 naming the formats there are, and writes nothing") {
  TempDir dir;
  const std::string out = (dir.path() / "a.wav").string();
  const char* argv[] = {"unknot", "render-audio", "--pattern", "box_4",
                        "--out",  out.c_str(),    "--format",  "mp3"};
  std::ostringstream said_out;
  std::ostringstream said_err;
  const ParsedCommandLine parsed = parse_command_line(8, argv, said_out, said_err);
  CHECK_FALSE(parsed.line);
  CHECK(parsed.exit_code == 1);
  CAPTURE(said_err.str());
  CHECK(said_err.str().find("--format: mp3 not in {wav,flac,ogg}") != std::string::npos);
  CHECK(entries_in(dir.path()) == 0);
}

TEST_CASE("a FLAC or Ogg render that cannot be written exits 1 and leaves nothing behind") {
  for (const AudioFormat format : {AudioFormat::Flac, AudioFormat::Ogg}) {
    TempDir dir;
    RenderAudioOptions options = options_for(dir);
    options.pattern = "resonance_6";
    options.breaths = 1;
    options.format = format;
    options.out = dir.path() / "taken";
    fs::create_directory(options.out);
    Run result = run(options);
    CHECK(result.code == 1);
    CHECK(result.err.find("taken: is a folder") != std::string::npos);
    CHECK(entries_in(dir.path()) == 1);
    CHECK(fs::is_empty(options.out));
    options.out = dir.path() / "missing" / "a.flac";
    result = run(options);
    CHECK(result.code == 1);
    CHECK(result.err.find("a.flac: cannot create") != std::string::npos);
    CHECK(entries_in(dir.path()) == 1);
  }
}

}  // namespace unknot::cli
