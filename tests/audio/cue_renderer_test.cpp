#include "audio/cue_renderer.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <random>
#include <vector>

#include "audio/synth.h"
#include "core/time.h"

// Counts every allocation in this test binary, so a test can show that rendering (which runs
// on the audio thread) allocates nothing. AddressSanitizer owns operator new and would see a
// mismatch, and ThreadSanitizer brings its own operator new, so under either the count is not
// kept.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define UNKNOT_COUNT_ALLOCATIONS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define UNKNOT_COUNT_ALLOCATIONS 0
#endif
#endif
#ifndef UNKNOT_COUNT_ALLOCATIONS
#define UNKNOT_COUNT_ALLOCATIONS 1
#endif

namespace {
std::atomic<long> g_allocations{0};
}  // namespace

#if UNKNOT_COUNT_ALLOCATIONS
// The replacement new takes from malloc, so its delete must give back with free; GCC cannot see
// that the two belong together.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void* operator new(std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
#endif

namespace unknot::audio {
namespace {

using core::CueKind;
using core::Side;

constexpr int kRate = 48000;

// A one-frame click: where it lands in the output is exactly where its cue started.
Clip impulse(float value) { return Clip::mono(kRate, std::vector<float>{value}); }

// A constant block, handy for hearing what still sounds (tails) and for pan energy.
Clip constant(float value, int frames) {
  return Clip::mono(kRate, std::vector<float>(static_cast<std::size_t>(frames), value));
}

core::Duration at_frame(std::int64_t frame) { return core::time_of_frame(frame, kRate); }

core::Cue cue(core::Duration at, CueKind kind, Side side = Side::None) {
  return core::Cue{at, kind, 0, side};
}

core::PlaybackClock playing_from(std::int64_t origin_frame) {
  return core::PlaybackClock{true, core::Instant{at_frame(origin_frame)}, {}};
}

core::PlaybackClock paused_at(core::Duration frozen) {
  return core::PlaybackClock{false, core::Instant{}, frozen};
}

// Renders device frames [first, first + count) in blocks whose sizes come from `next_block`,
// into a buffer prefilled with a stand-in for the music SDL_mixer already mixed.
template <typename NextBlock>
std::vector<float> render(CueRenderer& renderer, std::int64_t first, int count,
                          NextBlock next_block) {
  std::vector<float> out(static_cast<std::size_t>(2 * count), 0.0F);
  for (int done = 0; done < count;) {
    const int block = std::min(next_block(), count - done);
    renderer.render(first + done, out.data() + 2 * done, block);
    done += block;
  }
  return out;
}

std::vector<float> render_fixed(CueRenderer& renderer, std::int64_t first, int count, int block) {
  return render(renderer, first, count, [block] { return block; });
}

// Device frames (relative to the buffer start) whose left sample is not silent.
std::vector<std::int64_t> sounding_frames(const std::vector<float>& out) {
  std::vector<std::int64_t> frames;
  for (std::size_t i = 0; i < out.size() / 2; ++i) {
    if (out[2 * i] != 0.0F) frames.push_back(static_cast<std::int64_t>(i));
  }
  return frames;
}

}  // namespace

TEST_CASE("a cue starts exactly at the clock origin's frame plus its timeline frame") {
  CueRenderer renderer(kRate);
  renderer.set_clip(CueKind::ToneHold, impulse(0.5F));
  // Onsets that fall between frames round up, as frame_of_time does.
  const std::vector<core::Duration> onsets = {core::Duration{0}, core::Duration{1},
                                              core::Duration{20'833}, core::Duration{1'000'000},
                                              core::Duration{2'345'678}};
  std::vector<core::Cue> cues;
  for (const auto at : onsets) cues.push_back(cue(at, CueKind::ToneHold));
  renderer.load(cues);
  const core::Instant origin{core::Duration{123'457}};  // deliberately not on a frame
  renderer.set_clock({true, origin, {}});

  std::mt19937 random(7);
  std::uniform_int_distribution<int> block_size(1, 5000);
  const auto out = render(renderer, 0, 3 * kRate, [&] { return block_size(random); });

  std::vector<std::int64_t> expected;
  const std::int64_t origin_frame = core::frame_of_time(origin.time_since_epoch(), kRate);
  for (const auto at : onsets) expected.push_back(origin_frame + core::frame_of_time(at, kRate));
  CHECK(sounding_frames(out) == expected);
}

TEST_CASE("rendering in blocks of 1, 17, 512 or 4096 frames gives byte-identical output") {
  auto make = [] {
    auto renderer_ptr = std::make_unique<CueRenderer>(kRate);
    CueRenderer& renderer = *renderer_ptr;
    for (const CueKind kind :
         {CueKind::ToneInhale, CueKind::ToneExhale, CueKind::ChimeNextStep, CueKind::BellEnd}) {
      renderer.set_clip(kind, synthesize_tone(kind, kRate));
    }
    renderer.set_clip(CueKind::SayRelease, constant(0.3F, 700));
    // Overlapping cues on every side, some on the same frame, so summing order matters.
    renderer.load({cue(core::Duration{0}, CueKind::ToneInhale, Side::Left),
                   cue(core::Duration{0}, CueKind::SayRelease, Side::Left),
                   cue(core::Duration{250'000}, CueKind::ChimeNextStep, Side::Right),
                   cue(core::Duration{400'010}, CueKind::ToneExhale),
                   cue(core::Duration{400'010}, CueKind::SayRelease, Side::Right),
                   cue(core::Duration{900'000}, CueKind::BellEnd, Side::Left)});
    renderer.set_clock(playing_from(1000));
    return renderer_ptr;
  };
  const int frames = 5 * kRate;
  const auto reference = render_fixed(*make(), 0, frames, 1);
  float loudest = 0;
  for (const float s : reference) loudest = std::max(loudest, std::abs(s));
  REQUIRE(loudest > 0.25F);  // the cues did play, and overlapped
  for (const int block : {17, 512, 4096}) {
    CAPTURE(block);
    const auto out = render_fixed(*make(), 0, frames, block);
    CHECK(std::memcmp(out.data(), reference.data(), out.size() * sizeof(float)) == 0);
  }
}

TEST_CASE("while paused no new cue starts, but cues already sounding finish") {
  CueRenderer renderer(kRate);
  renderer.set_clip(CueKind::ToneInhale, constant(0.1F, 1000));
  renderer.set_clip(CueKind::ToneExhale, constant(0.2F, 1000));
  renderer.load({cue(at_frame(0), CueKind::ToneInhale), cue(at_frame(500), CueKind::ToneExhale)});
  renderer.set_clock(playing_from(0));

  const auto before = render_fixed(renderer, 0, 100, 64);
  renderer.set_clock(paused_at(at_frame(100)));
  const auto paused = render_fixed(renderer, 100, 3000, 64);
  // The first cue's tail plays out (frames 100..999); the second never starts.
  CHECK(paused[2 * 0] == doctest::Approx(0.1F));
  CHECK(paused[2 * 899] == doctest::Approx(0.1F));
  CHECK(paused[2 * 900] == 0.0F);
  CHECK(sounding_frames(paused).size() == 900);
  CHECK(before[2 * 99] == doctest::Approx(0.1F));

  // Resuming at device frame 3100 continues the timeline from frame 100: the second cue is
  // 400 timeline frames away, and the first is not played again.
  renderer.set_clock(playing_from(3100 - 100));
  const auto resumed = render_fixed(renderer, 3100, 3000, 64);
  const auto sounding = sounding_frames(resumed);
  REQUIRE(sounding.size() == 1000);
  CHECK(sounding.front() == 400);
  CHECK(resumed[2 * 400] == doctest::Approx(0.2F));
}

TEST_CASE("a skip ahead never plays the skipped cues and never replays earlier ones") {
  CueRenderer renderer(kRate);
  const CueKind kinds[] = {CueKind::ToneInhale,    CueKind::ToneExhale,       CueKind::ToneHold,
                           CueKind::ChimeNextStep, CueKind::ChimeSwitchSides, CueKind::BellEnd};
  std::vector<core::Cue> cues;
  for (int i = 0; i < 6; ++i) {
    // Each cue has its own level, so the output says which cue played where.
    renderer.set_clip(kinds[i], impulse(0.1F * static_cast<float>(i + 1)));
    cues.push_back(cue(at_frame(1000 * i), kinds[i]));
  }
  renderer.load(cues);
  renderer.set_clock(playing_from(5000));
  auto out = render_fixed(renderer, 0, 7500, 256);  // timeline 0..2500: cues 0, 1, 2
  // Skip: at device frame 7500 the timeline jumps to frame 3200 (cue 3 is skipped).
  renderer.set_clock(playing_from(7500 - 3200));
  const auto after_skip = render_fixed(renderer, 7500, 5000, 256);
  // A jump back must not replay anything either.
  renderer.set_clock(playing_from(12'500 - 0));
  const auto after_rewind = render_fixed(renderer, 12'500, 8000, 256);
  out.insert(out.end(), after_skip.begin(), after_skip.end());
  out.insert(out.end(), after_rewind.begin(), after_rewind.end());

  const std::vector<std::int64_t> expected = {5000, 6000, 7000, 7500 + 800, 7500 + 1800};
  REQUIRE(sounding_frames(out) == expected);
  const float levels[] = {0.1F, 0.2F, 0.3F, 0.5F, 0.6F};  // cue 3 (0.4) was skipped
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(out[2 * static_cast<std::size_t>(expected[i])] == doctest::Approx(levels[i]));
  }
}

TEST_CASE("a clock that arrives late still plays the cues from where it was made, at once") {
  CueRenderer renderer(kRate);
  const CueKind kinds[] = {CueKind::ToneInhale, CueKind::ToneExhale, CueKind::ToneHold,
                           CueKind::ChimeNextStep};
  const std::int64_t frames[] = {1500, 2000, 2500, 4000};
  std::vector<core::Cue> cues;
  for (int i = 0; i < 4; ++i) {
    renderer.set_clip(kinds[i], impulse(0.1F * static_cast<float>(i + 1)));
    cues.push_back(cue(at_frame(frames[i]), kinds[i]));
  }
  renderer.load(cues);
  renderer.set_clock(playing_from(8600));
  auto out = render_fixed(renderer, 0, 10'000, 500);  // timeline up to 1400: nothing due yet
  // At device frame 9000 the caller skipped to timeline 2000, but the update reached the
  // renderer only at frame 10'000: cue 0 (1500) stays skipped; cues 1 (2000) and 2 (2500) are
  // late and start together at once; cue 3 keeps its exact frame.
  renderer.set_clock(playing_from(9000 - 2000), 9000);
  const auto after = render_fixed(renderer, 10'000, 2000, 500);
  CHECK(sounding_frames(out).empty());
  // "At once" is the first frame the renderer has not yet mixed: it runs latency() frames
  // ahead of its output (the limiter's look-ahead).
  const std::int64_t now = renderer.latency();
  CHECK(sounding_frames(after) == std::vector<std::int64_t>{now, 7000 + 4000 - 10'000});
  CHECK(after[static_cast<std::size_t>(2 * now)] == doctest::Approx(0.2F + 0.3F));
  CHECK(after[2 * 1000] == doctest::Approx(0.4F));
}

TEST_CASE("cues of a left step lean left and of a right step lean right, at equal power") {
  auto energy = [](Side side) {
    CueRenderer renderer(kRate);
    renderer.set_clip(CueKind::ChimeNextStep, constant(0.25F, 100));
    renderer.load({cue(core::Duration{0}, CueKind::ChimeNextStep, side)});
    renderer.set_clock(playing_from(0));
    const auto out = render_fixed(renderer, 0, 200, 200);
    double left = 0;
    double right = 0;
    for (std::size_t i = 0; i < out.size(); i += 2) {
      left += out[i] * out[i];
      right += out[i + 1] * out[i + 1];
    }
    return std::pair{left, right};
  };
  const auto [centre_l, centre_r] = energy(Side::None);
  const auto [left_l, left_r] = energy(Side::Left);
  const auto [right_l, right_r] = energy(Side::Right);
  CHECK(centre_l == doctest::Approx(centre_r));
  CHECK(left_l > 1.5 * left_r);
  CHECK(right_r > 1.5 * right_l);
  // A lean, not a hard pan: the far ear still hears it clearly.
  CHECK(left_r > 0.25 * left_l);
  CHECK(left_l + left_r == doctest::Approx(centre_l + centre_r).epsilon(1e-4));
  CHECK(right_l + right_r == doctest::Approx(centre_l + centre_r).epsilon(1e-4));
}

TEST_CASE("cues are added to what is already in the stream and the sum is clamped") {
  CueRenderer renderer(kRate);
  renderer.set_clip(CueKind::ToneInhale,
                    Clip::stereo(kRate, std::vector<float>{0.5F, -0.5F, 0.25F, -0.25F}));
  renderer.load({cue(core::Duration{0}, CueKind::ToneInhale)});
  renderer.set_clock(playing_from(0));
  std::vector<float> out = {0.7F, -0.7F, 0.1F, -0.1F, 0.3F, 0.3F};
  renderer.render(0, out.data(), 3);
  CHECK(out[0] == 1.0F);
  CHECK(out[1] == -1.0F);
  CHECK(out[2] == doctest::Approx(0.35F));
  CHECK(out[3] == doctest::Approx(-0.35F));
  CHECK(out[4] == 0.3F);  // after the clip: the stream is left as it was
  CHECK(out[5] == 0.3F);
}

TEST_CASE("a newly loaded schedule waits for its clock, then plays from its first cue") {
  CueRenderer renderer(kRate);
  renderer.set_clip(CueKind::ToneHold, impulse(0.5F));
  renderer.load({cue(core::Duration{0}, CueKind::ToneHold)});
  renderer.set_clock(playing_from(0));
  (void)render_fixed(renderer, 0, 50'000, 1024);  // a whole earlier session

  renderer.load({cue(core::Duration{0}, CueKind::ToneHold), cue(at_frame(100), CueKind::ToneHold)});
  const auto waiting = render_fixed(renderer, 50'000, 1000, 1024);
  CHECK(sounding_frames(waiting).empty());
  renderer.set_clock(playing_from(52'000));
  const auto out = render_fixed(renderer, 51'000, 2000, 1024);
  CHECK(sounding_frames(out) == std::vector<std::int64_t>{1000, 1100});
}

TEST_CASE("a cleared renderer starts nothing new") {
  CueRenderer renderer(kRate);
  renderer.set_clip(CueKind::ToneHold, impulse(0.5F));
  renderer.load({cue(at_frame(10), CueKind::ToneHold)});
  renderer.set_clock(playing_from(0));
  renderer.clear();
  renderer.set_clock(playing_from(0));
  CHECK(renderer.schedule().empty());
  CHECK(sounding_frames(render_fixed(renderer, 0, 100, 100)).empty());
}

TEST_CASE("a clip at another sample rate is refused") {
  CueRenderer renderer(kRate);
  CHECK_THROWS_AS(renderer.set_clip(CueKind::ToneHold, Clip::mono(44100, std::vector<float>{0.1F})),
                  std::invalid_argument);
  CHECK_NOTHROW(renderer.set_clip(CueKind::ToneHold, Clip{}));
  CHECK(renderer.clip(CueKind::ToneHold).empty());
}

TEST_CASE("rendering allocates nothing, even when more cues sound at once than there are voices") {
  CueRenderer renderer(kRate);
  renderer.set_clip(CueKind::ToneInhale, constant(0.0078125F, 4000));  // 2^-7: exact in 16 bits
  std::vector<core::Cue> cues;
  for (int i = 0; i < 80; ++i) cues.push_back(cue(at_frame(10 * i), CueKind::ToneInhale));
  renderer.load(cues);
  renderer.set_clock(playing_from(0));
  std::vector<float> out(2 * 512);
  float loudest = 0;
  const long before = g_allocations.load();
#if UNKNOT_COUNT_ALLOCATIONS
  REQUIRE(before > 0);  // the counter does see allocations (load() made some)
#endif
  for (int block = 0; block < 40; ++block) {
    std::fill(out.begin(), out.end(), 0.0F);
    renderer.render(512 * block, out.data(), 512);
    for (const float s : out) loudest = std::max(loudest, s);
  }
  CHECK(g_allocations.load() == before);
  // The oldest voices gave way: at most 32 sound together.
  CHECK(loudest == doctest::Approx(0.25F));
}

TEST_CASE("rendering the breath tone, the bed and gliding volumes allocates nothing either") {
  CueRenderer renderer(kRate);
  renderer.set_clip(CueKind::ToneInhale, constant(0.01F, 4000));
  renderer.set_clip(CueKind::SayBreatheIn, constant(0.01F, 4000));
  core::Step step;
  step.kind = core::StepKind::Breathing;
  step.pattern_id = "resonance_6";
  step.duration = core::Duration{20'000'000};
  renderer.load(std::make_shared<const core::Timeline>(std::vector<core::Step>{step},
                                                       core::builtin_pattern_lookup()));
  core::SoundSettings settings;
  settings.breath_tone = true;
  settings.ambient = core::AmbientKind::Ocean;
  renderer.set_settings(settings);
  renderer.set_clock(playing_from(0));
  std::vector<float> out(2 * 1024);
  settings.voice_volume = 0.3F;  // made before counting: SoundSettings is a plain value
  const long before = g_allocations.load();
  for (int block = 0; block < 400; ++block) {
    std::fill(out.begin(), out.end(), 0.0F);
    if (block == 200) renderer.set_settings(settings);  // glides while sounding
    renderer.render(1024 * block, out.data(), 1024);
  }
  CHECK(g_allocations.load() == before);
  CHECK(renderer.audible());
}

}  // namespace unknot::audio
