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
#include "audio/cue_renderer.h"
#include "audio/offline_render.h"
#include "audio/onset_finder.h"
#include "audio/synth.h"
#include "audio_test_support.h"
#include "core/routine.h"
#include "core/session_run.h"

namespace unknot::audio {
namespace {

using testing::first_audible_frame;
using testing::TempDir;
namespace fs = std::filesystem;

// Polls are yields to the audio thread, not waits for a time; the cap only stops a hang.
constexpr int kMaxPolls = 200'000;

void use_driver(const char* driver) { ::setenv("SDL_AUDIODRIVER", driver, 1); }

void use_disk_driver(const fs::path& file) {
  use_driver("disk");
  ::setenv("SDL_DISKAUDIODELAY", "0", 1);
  ::setenv("SDL_DISKAUDIOFILE", file.c_str(), 1);
}

// A short routine with every tone: countdown ticks, inhale, exhale, next step, switch sides
// and the end bell.
std::shared_ptr<const core::Timeline> small_timeline(int first_step_seconds = 10) {
  return testing::small_timeline(first_step_seconds, 10);
}

std::vector<float> read_floats(const fs::path& file) {
  // One read into whole floats: the file is tens of megabytes, too many to take byte by byte.
  std::ifstream in(file, std::ios::binary);
  std::vector<float> samples(static_cast<std::size_t>(fs::file_size(file)) / sizeof(float));
  in.read(reinterpret_cast<char*>(samples.data()),
          static_cast<std::streamsize>(samples.size() * sizeof(float)));
  return samples;
}

std::int64_t frame_count_of(const std::vector<float>& samples) {
  return static_cast<std::int64_t>(samples.size() / 2);
}

std::vector<std::int64_t> onsets(const std::vector<float>& samples, std::int64_t gap) {
  return testing::silence_onsets(samples, gap);
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
  const auto shared = small_timeline();
  const core::Timeline& timeline = *shared;
  const core::SessionRun run(timeline, engine->now());
  engine->load(shared);
  engine->sync(run.clock());
  engine->set_running(true);

  const std::int64_t origin_frame =
      core::frame_of_time(run.clock().origin.time_since_epoch(), rate);
  const std::int64_t end_frame = origin_frame + core::frame_of_time(timeline.total(), rate) +
                                 testing::prepared_tone(core::CueKind::BellEnd, rate).frames() +
                                 rate;
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
                       first_audible_frame(testing::prepared_tone(cue.kind, rate)));
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

namespace {

// SDL names each device's thread "SDLAudioP<n>" (playback) once the thread has started, which
// may be just after opening returns; a joined thread leaves /proc a moment after it exits.
int audio_threads() {
  int count = 0;
  for (const auto& task : fs::directory_iterator("/proc/self/task")) {
    std::ifstream comm(task.path() / "comm");
    std::string name;
    std::getline(comm, name);
    if (name.rfind("SDLAudio", 0) == 0) ++count;
  }
  return count;
}

// Yields until the process has `count` audio threads; false if it never does.
bool audio_threads_become(int count) {
  for (int poll = 0; poll < kMaxPolls / 100; ++poll) {
    if (audio_threads() == count) return true;
    SDL_Delay(1);
  }
  return false;
}

}  // namespace

TEST_CASE("a stopped engine has no audio thread, and its clock goes on where it stopped") {
  TempDir dir;
  use_disk_driver(dir.path() / "out.raw");
  auto engine = AudioEngine::open(dir.path(), nullptr);
  REQUIRE(engine);
  const int rate = engine->rate();
  // Opened to learn the rate, then closed: an idle app has nothing waking it.
  CHECK(audio_threads_become(0));

  engine->set_running(true);
  REQUIRE(run_until(*engine, rate / 2));
  CHECK(audio_threads_become(1));
  engine->set_running(false);
  CHECK(audio_threads_become(0));
  const std::int64_t stopped_at = engine->frames();
  const core::Instant stopped_now = engine->now();

  // Started again, the same rate, and the clock continues from the stop without a jump back.
  std::string warning = "not cleared";
  engine->set_running(true, &warning);
  CHECK(warning.empty());
  CHECK(engine->running());
  CHECK(engine->rate() == rate);
  CHECK(engine->now() >= stopped_now);
  REQUIRE(run_until(*engine, stopped_at + rate / 2));
  CHECK(engine->now() > stopped_now);
  engine->set_running(false);
  CHECK(audio_threads_become(0));
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
  for (int k = 0; k < core::kCueKindCount; ++k) {
    const auto kind = static_cast<core::CueKind>(k);
    if (!core::is_spoken(kind) || kind == core::CueKind::SayStepName) continue;
    CHECK_MESSAGE(warning.find(core::cue_name(kind)) != std::string::npos, core::cue_name(kind));
  }
  CHECK(warning.find("side_left") != std::string::npos);
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
  const auto shared = small_timeline(60);
  const core::Timeline& timeline = *shared;
  core::SessionRun run(timeline, engine->now());
  engine->load(shared);
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

  // The engine mixes through a CueRenderer: the same one, built here, says how far it runs
  // ahead of its output (a cue it had already started then still plays) and its master gain.
  CueRenderer same(rate);
  for (NamedClip& tone : prepare_tones(rate, core::SoundSet::Chimes))
    same.set_clip(tone.name, std::move(tone.clip));
  same.load(shared);
  const std::int64_t ahead = same.latency();
  std::vector<ExpectedOnset> expected;
  std::int64_t old_sound_until = 0;  // end of the last tone started before the skip
  for (const core::Cue& cue : timeline.all_cues()) {
    if (core::is_spoken(cue.kind)) continue;
    const Clip tone = testing::prepared_tone(cue.kind, rate);
    const std::int64_t audible = first_audible_frame(tone);
    const std::int64_t at = core::frame_of_time(cue.at, rate);
    if (cue.at < target) {
      const std::int64_t frame = old_origin + at;  // before the skip: the old clock
      if (frame < after + ahead) old_sound_until = std::max(old_sound_until, frame + tone.frames());
      if (frame < before) expected.push_back({frame + audible, frame + audible, false});
      if (frame >= before && frame < after + ahead) {
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
      expected.push_back({earliest + audible, std::max(frame, after + ahead) + audible,
                          old_sound_until > earliest});
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
  // side, peaks at its own peak * 1.21 * the master gain. (Only checkable when no earlier tail
  // overlaps the skip.)
  float one_tone = 0;
  for (const core::CueKind kind :
       {core::CueKind::ToneInhale, core::CueKind::ToneExhale, core::CueKind::ChimeNextStep,
        core::CueKind::ChimeSwitchSides, core::CueKind::BellEnd}) {
    one_tone = std::max(one_tone, peak(testing::prepared_tone(kind, rate)));
  }
  const auto master = static_cast<float>(std::pow(10.0, same.master_gain_db() / 20.0));
  const bool overlap = std::any_of(expected.begin(), expected.end(),
                                   [](const ExpectedOnset& e) { return e.optional; });
  if (!overlap) {
    CHECK(testing::peak_of(samples, 0, frame_count_of(samples)) < one_tone * 1.22F * master);
  }
}

namespace {

// One session played live on the disk driver and rendered offline with the same settings,
// the live file lined up with the offline samples.
struct LiveAndOffline {
  std::shared_ptr<const core::Timeline> timeline;
  std::vector<NamedClip> sounds;
  RenderedSession offline;
  std::vector<float> live;
  std::int64_t shift = 0;  // frame of the live file where the offline render's frame 0 is
};

LiveAndOffline play_both(const core::SoundSettings& settings) {
  TempDir dir;
  const fs::path raw = dir.path() / "out.raw";
  use_disk_driver(raw);
  auto engine = AudioEngine::open(testing::shipped_audio(), nullptr);
  REQUIRE(engine);
  const int rate = engine->rate();
  LiveAndOffline both;
  // Voices, step announcements on both sides, "three, two, one" and every tone.
  both.timeline = testing::small_timeline(10, 20);
  const core::SessionRun run(*both.timeline, engine->now());
  engine->set_settings(settings);
  engine->load(both.timeline);
  engine->sync(run.clock());
  engine->set_running(true);

  both.sounds = prepare_sounds(VoiceBank::load(testing::shipped_audio(), nullptr), rate);
  both.offline = render_session(*both.timeline, settings, both.sounds, rate);
  // Device frame of the offline render's frame 0 (the first countdown tick).
  const std::int64_t start =
      core::frame_of_time(run.clock().origin.time_since_epoch(), rate) - both.offline.origin_frame;
  REQUIRE(run_until(*engine, start + both.offline.frames() + rate / 10));
  engine->set_running(false);
  engine.reset();

  both.live = read_floats(raw);
  const auto first_sound = [](const std::vector<float>& s) {
    return static_cast<std::int64_t>(
               std::find_if(s.begin(), s.end(), [](float v) { return v != 0; }) - s.begin()) /
           2;
  };
  // The file begins with the silence SDL wrote before the first callback (see above).
  const std::int64_t lead_in = first_sound(both.live) - first_sound(both.offline.samples) - start;
  CHECK(lead_in >= 0);
  both.shift = start + lead_in;
  REQUIRE(frame_count_of(both.live) >= both.shift + both.offline.frames());
  return both;
}

std::int64_t differing_samples(const LiveAndOffline& both) {
  std::int64_t differing = 0;
  for (std::int64_t i = 0; i < 2 * both.offline.frames(); ++i) {
    if (both.live[static_cast<std::size_t>(2 * both.shift + i)] !=
        both.offline.samples[static_cast<std::size_t>(i)]) {
      ++differing;
    }
  }
  return differing;
}

}  // namespace

TEST_CASE("the live engine on the disk driver and the offline render give the same samples") {
  const LiveAndOffline both = play_both(core::SoundSettings{});
  CHECK(differing_samples(both) == 0);

  // The same, cue by cue, from the live audio alone: each cue's sound best matches there.
  const auto sound_named = [&](std::string_view name) -> const Clip& {
    return std::find_if(both.sounds.begin(), both.sounds.end(),
                        [&](const NamedClip& s) { return s.name == name; })
        ->clip;
  };
  std::vector<SoundToFind> search;
  for (const PlacedCue& placed : both.offline.cues) {
    const core::Step& step = both.timeline->step(placed.cue.step_index);
    const std::string name = placed.cue.kind != core::CueKind::SayStepName
                                 ? std::string(core::cue_name(placed.cue.kind))
                                 : std::string(side_clip_name(step.side == core::Side::Left));
    search.push_back({&sound_named(name), both.shift + placed.frame});
  }
  const auto found = find_onsets(both.live, search, 50, 2400);
  for (std::size_t i = 0; i < found.size(); ++i) {
    CAPTURE(core::cue_name(both.offline.cues[i].cue.kind));
    CHECK(found[i] - both.shift == both.offline.cues[i].frame);
  }
}

TEST_CASE(
    "sound settings given to the live engine shape its output as they shape the offline render") {
  core::SoundSettings settings;
  settings.voice_volume = 0.5F;
  settings.tones_muted = true;
  settings.pan_sides = false;
  const LiveAndOffline both = play_both(settings);
  CHECK(differing_samples(both) == 0);
  // Centred: a left step's words are the same in both ears; and only the voice is heard.
  for (std::int64_t i = 0; i < both.offline.frames(); ++i) {
    REQUIRE(testing::sample(both.offline.samples, i, 0) ==
            testing::sample(both.offline.samples, i, 1));
  }
  const float loudest = testing::peak_of(both.offline.samples, 0, both.offline.frames());
  // Words peak at most near full scale after the master stage; here at half volume.
  CHECK(loudest > 0.1F);
  CHECK(loudest < 0.5F);
}

}  // namespace unknot::audio

namespace unknot::audio {

TEST_CASE("a sound set's preview is heard with the tones muted, and then the engine falls quiet") {
  TempDir dir;
  const fs::path raw = dir.path() / "out.raw";
  use_disk_driver(raw);
  auto engine = AudioEngine::open(dir.path(), nullptr);
  REQUIRE(engine);
  const int rate = engine->rate();
  // "Vibration only", with an ocean bed chosen earlier: nothing of a session would sound.
  core::SoundSettings settings;
  settings.voice_muted = true;
  settings.tones_muted = true;
  settings.ambient = core::AmbientKind::Ocean;
  settings.ambient_muted = true;
  settings.vibration = true;
  engine->set_settings(settings);
  engine->set_running(true);
  engine->preview(core::SoundSet::Pads);
  CHECK(engine->audible());
  // In at 0 s, out at 2.2 s, hold at 4.6 s, from at most 50 ms after now: all over within 7 s.
  // (The disk driver races ahead while the tones are made, so "now" is read after.)
  REQUIRE(run_until(*engine, engine->frames() + 7 * rate));
  CHECK_FALSE(engine->audible());
  engine.reset();
  const std::vector<float> samples = read_floats(raw);
  // Three sounds, each rising out of silence, at least 2 s apart.
  const std::vector<std::int64_t> found = testing::silence_onsets(samples, rate / 5);
  REQUIRE(found.size() == 3);
  CHECK(found[1] - found[0] > 2 * rate);
  CHECK(found[2] - found[1] > 2 * rate);
  CHECK(testing::peak_of(samples, 0, testing::frame_count(samples)) > 0.05F);
}

}  // namespace unknot::audio
