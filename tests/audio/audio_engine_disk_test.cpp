// The live engine on SDL's disk driver (architecture.md "Tests"): with SDL_DISKAUDIODELAY=0 it
// writes the mixed stream to a file as fast as it can, so a whole session renders in well under
// a second and the file shows exactly where each cue landed.
#include <SDL.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "audio/audio_engine.h"
#include "audio/synth.h"
#include "core/routine.h"
#include "core/session_run.h"

namespace unknot::audio {
namespace {

namespace fs = std::filesystem;

// Polls are yields to the audio thread, not waits for a time; the cap only stops a hang.
constexpr int kMaxPolls = 200'000;

class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ = fs::temp_directory_path() / ("unknot-audio-test-" + std::to_string(random()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void use_driver(const char* driver) { ::setenv("SDL_AUDIODRIVER", driver, 1); }

void use_disk_driver(const fs::path& file) {
  use_driver("disk");
  ::setenv("SDL_DISKAUDIODELAY", "0", 1);
  ::setenv("SDL_DISKAUDIOFILE", file.c_str(), 1);
}

core::Step step(core::StepKind kind, core::Side side, bool switches, int seconds) {
  core::Step s;
  s.kind = kind;
  s.title = "Test step";
  s.side = side;
  s.switches_sides = switches;
  s.pattern_id = "extended_exhale_4_6";
  s.duration = core::Duration{seconds * 1'000'000LL};
  return s;
}

// A short routine with every tone: countdown ticks, inhale, exhale, next step, switch sides
// and the end bell.
core::Timeline small_timeline(int first_step_seconds = 10) {
  return core::Timeline(
      {step(core::StepKind::Breathing, core::Side::None, false, first_step_seconds),
       step(core::StepKind::Pressure, core::Side::Left, false, 10),
       step(core::StepKind::Pressure, core::Side::Right, true, 10)},
      core::builtin_pattern_lookup());
}

std::vector<float> read_floats(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<float> samples(bytes.size() / sizeof(float));
  std::memcpy(samples.data(), bytes.data(), samples.size() * sizeof(float));
  return samples;
}

bool silent(const std::vector<float>& samples, std::size_t frame) {
  return samples[2 * frame] == 0.0F && samples[2 * frame + 1] == 0.0F;
}

// Frames where sound begins after at least `gap` frames of exact digital silence.
std::vector<std::int64_t> onsets(const std::vector<float>& samples, std::int64_t gap) {
  std::vector<std::int64_t> found;
  std::int64_t quiet = gap;
  for (std::size_t frame = 0; frame < samples.size() / 2; ++frame) {
    if (silent(samples, frame)) {
      ++quiet;
      continue;
    }
    if (quiet >= gap) found.push_back(static_cast<std::int64_t>(frame));
    quiet = 0;
  }
  return found;
}

// Index of a clip's first non-zero frame: the tones start from exact zero, so the analysis
// sees a cue this many frames after its onset.
std::int64_t first_audible_frame(const Clip& clip) {
  for (std::int64_t i = 0; i < clip.frames(); ++i) {
    if (clip.samples[static_cast<std::size_t>(2 * i)] != 0.0F ||
        clip.samples[static_cast<std::size_t>(2 * i + 1)] != 0.0F) {
      return i;
    }
  }
  return -1;
}

// Lets the audio thread run (flat out on the disk driver) until it has mixed `frame`.
bool run_until(const AudioEngine& engine, std::int64_t frame) {
  for (int poll = 0; poll < kMaxPolls && engine.frames() < frame; ++poll) SDL_Delay(1);
  return engine.frames() >= frame;
}

// An onset the file must (or, if optional, may) show, somewhere in [earliest, latest].
struct ExpectedOnset {
  std::int64_t earliest = 0;
  std::int64_t latest = 0;
  bool optional = false;
};

// True if `found` is exactly the expected onsets, in order, each within its range, with
// optional ones either present or absent.
bool matches(const std::vector<std::int64_t>& found, const std::vector<ExpectedOnset>& expected) {
  std::size_t next = 0;
  for (const ExpectedOnset& e : expected) {
    const bool here = next < found.size() && found[next] >= e.earliest && found[next] <= e.latest;
    if (here) {
      ++next;
    } else if (!e.optional) {
      return false;
    }
  }
  return next == found.size();
}

}  // namespace

TEST_CASE("on the disk driver every tone lands at its exact frame, with no drift") {
  TempDir dir;
  const fs::path raw = dir.path() / "out.raw";
  use_disk_driver(raw);
  std::string warning;
  auto engine = AudioEngine::open(dir.path(), &warning);  // no voices here: tones only
  REQUIRE(engine);
  CHECK_FALSE(engine->using_dummy());
  CHECK_FALSE(engine->running());
  const int rate = engine->rate();

  // As the app does it: load, then follow a session that starts with the countdown.
  const core::Timeline timeline = small_timeline();
  const core::SessionRun run(timeline, engine->now());
  engine->load(timeline);
  engine->sync(run.clock());
  engine->set_running(true);

  const std::int64_t origin_frame =
      core::frame_of_time(run.clock().origin.time_since_epoch(), rate);
  const std::int64_t end_frame = origin_frame + core::frame_of_time(timeline.total(), rate) +
                                 synthesize_tone(core::CueKind::BellEnd, rate).frames() + rate;
  core::Instant previous = engine->now();
  for (int poll = 0; poll < kMaxPolls && engine->frames() < end_frame; ++poll) {
    const core::Instant now = engine->now();
    const std::int64_t frames_after = engine->frames();
    CHECK(now >= previous);  // the session clock never runs backwards
    // ...and never runs more than a buffer ahead of the frames actually mixed.
    CHECK(core::frame_of_time(now.time_since_epoch(), rate) <= frames_after + 4096);
    previous = now;
    SDL_Delay(1);
  }
  REQUIRE(engine->frames() >= end_frame);
  engine->set_running(false);
  engine.reset();  // closes the device and flushes the file

  std::vector<std::int64_t> expected;
  for (const core::Cue& cue : timeline.all_cues()) {
    if (core::is_spoken(cue.kind)) continue;
    expected.push_back(origin_frame + core::frame_of_time(cue.at, rate) +
                       first_audible_frame(synthesize_tone(cue.kind, rate)));
  }
  const std::vector<float> samples = read_floats(raw);
  const std::vector<std::int64_t> found = onsets(samples, rate / 20);
  REQUIRE(found.size() == expected.size());
  // The file also holds the silence SDL wrote before the callback first ran (and while the
  // device was paused), a whole number of buffers we cannot know in advance; everything
  // after the first onset is exact.
  const std::int64_t lead_in = found.front() - expected.front();
  CHECK(lead_in >= 0);
  MESSAGE("lead-in silence written by SDL: " << lead_in << " frames");
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    CHECK(found[i] - lead_in == expected[i]);
  }
}

TEST_CASE("a paused engine stops its callback and its clock") {
  TempDir dir;
  use_disk_driver(dir.path() / "out.raw");
  auto engine = AudioEngine::open(dir.path(), nullptr);
  REQUIRE(engine);
  engine->set_running(true);
  REQUIRE(run_until(*engine, 48'000));
  engine->set_running(false);
  const std::int64_t frames = engine->frames();
  const core::Instant now = engine->now();
  // The disk driver would write thousands of frames per poll if the callback still ran.
  for (int poll = 0; poll < 20; ++poll) SDL_Delay(1);
  CHECK(engine->frames() == frames);
  CHECK(engine->now() == now);
  CHECK_FALSE(engine->running());
}

TEST_CASE("without a usable audio driver the engine falls back to the dummy driver") {
  TempDir dir;
  use_driver("no-such-audio-driver");
  std::string warning;
  auto engine = AudioEngine::open(dir.path(), &warning);
  REQUIRE(engine);
  CHECK(engine->using_dummy());
  CHECK(engine->rate() > 0);
  CHECK(warning.find("No audio device") != std::string::npos);
}

TEST_CASE("missing voice files are named in the warning but are not fatal") {
  TempDir dir;
  use_driver("dummy");
  std::string warning;
  auto engine = AudioEngine::open(dir.path(), &warning);
  REQUIRE(engine);
  for (const char* name : {"say_breathe_in", "say_breathe_out", "say_switch_sides", "say_release",
                           "say_session_complete"}) {
    CHECK(warning.find(name) != std::string::npos);
  }
}

TEST_CASE("the shipped voice cues load without a warning") {
  use_driver("dummy");
  std::string warning = "not cleared";
  auto engine = AudioEngine::open(fs::path(UNKNOT_SOURCE_DIR) / "assets" / "audio", &warning);
  REQUIRE(engine);
  CHECK(engine->using_dummy());
  CHECK(warning.empty());
}

TEST_CASE("on the disk driver a skip never plays the skipped cues and keeps later ones exact") {
  TempDir dir;
  const fs::path raw = dir.path() / "out.raw";
  use_disk_driver(raw);
  auto engine = AudioEngine::open(dir.path(), nullptr);
  REQUIRE(engine);
  const int rate = engine->rate();
  // A long first step, so the skip surely lands inside it however far the device runs on.
  const core::Timeline timeline = small_timeline(60);
  core::SessionRun run(timeline, engine->now());
  engine->load(timeline);
  engine->sync(run.clock());
  engine->set_running(true);
  const std::int64_t old_origin = core::frame_of_time(run.clock().origin.time_since_epoch(), rate);
  // Aim between the chimes at 20 s (1.5 s long) and 24 s, where the next step's chime can be
  // told apart from a tail.
  REQUIRE(run_until(*engine, old_origin + 22 * rate));

  // The device keeps running while the skip is made, so its exact position at the moment the
  // new clock takes effect is only known to lie in [before, after].
  const std::int64_t before = engine->frames();
  run.skip_step(timeline, engine->now());
  engine->sync(run.clock());
  const std::int64_t after = engine->frames();
  REQUIRE(before < old_origin + 50 * rate);  // still well inside the first step
  const std::int64_t new_origin = core::frame_of_time(run.clock().origin.time_since_epoch(), rate);
  const core::Duration target = timeline.step_start(1);
  REQUIRE(run_until(*engine, new_origin + core::frame_of_time(timeline.total(), rate) + 4 * rate));
  engine.reset();

  std::vector<ExpectedOnset> expected;
  std::int64_t old_sound_until = 0;  // end of the last tone started before the skip
  for (const core::Cue& cue : timeline.all_cues()) {
    if (core::is_spoken(cue.kind)) continue;
    const Clip tone = synthesize_tone(cue.kind, rate);
    const std::int64_t audible = first_audible_frame(tone);
    const std::int64_t at = core::frame_of_time(cue.at, rate);
    if (cue.at < target) {
      const std::int64_t frame = old_origin + at;  // before the skip: the old clock
      if (frame < after) old_sound_until = std::max(old_sound_until, frame + tone.frames());
      if (frame < before) expected.push_back({frame + audible, frame + audible, false});
      if (frame >= before && frame < after) {
        expected.push_back({frame + audible, frame + audible, true});
      }
      // Later cues of the skipped step must not appear at all.
    } else if (cue.at == target) {
      // The next step's first cue is due at the skip itself: exact if the update beat the
      // device to it, else started the moment the update arrived.
      // If the device overshot into an earlier tone, that tail hides this onset from the
      // silence-based analysis.
      const std::int64_t frame = new_origin + at;
      const std::int64_t earliest = std::min(frame, before);
      expected.push_back(
          {earliest + audible, std::max(frame, after) + audible, old_sound_until > earliest});
    } else {
      const std::int64_t frame = new_origin + at;
      expected.push_back({frame + audible, frame + audible, false});
    }
  }
  const std::vector<float> samples = read_floats(raw);
  std::vector<std::int64_t> found = onsets(samples, rate / 20);
  REQUIRE_FALSE(found.empty());
  const std::int64_t lead_in = found.front() - expected.front().earliest;  // see the test above
  CHECK(lead_in >= 0);
  for (auto& frame : found) frame -= lead_in;
  CAPTURE(before);
  CAPTURE(after);
  CHECK(matches(found, expected));
  // Cues taken for late would all start together at the skip; one tone alone, leaning to a
  // side, peaks at 0.25 * 1.21. (Only checkable when no earlier tail overlaps the skip.)
  const bool overlap = std::any_of(expected.begin(), expected.end(),
                                   [](const ExpectedOnset& e) { return e.optional; });
  if (!overlap) CHECK(peak(Clip{rate, samples}) < 0.31F);
}

TEST_CASE("the voice script speaks exactly the words of each caption") {
  std::ifstream script(fs::path(UNKNOT_SOURCE_DIR) / "scripts" / "make-voice.sh");
  REQUIRE(script);
  std::string text((std::istreambuf_iterator<char>(script)), std::istreambuf_iterator<char>());
  for (const core::CueKind kind :
       {core::CueKind::SayBreatheIn, core::CueKind::SayBreatheOut, core::CueKind::SaySwitchSides,
        core::CueKind::SayRelease, core::CueKind::SaySessionComplete}) {
    const std::string entry =
        '"' + std::string(core::cue_name(kind)) + '|' + std::string(core::caption(kind)) + '"';
    CHECK_MESSAGE(text.find(entry) != std::string::npos, entry);
  }
}

}  // namespace unknot::audio
