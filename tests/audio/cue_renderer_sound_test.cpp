// CueRenderer beyond timing: step announcements, the person's sound settings, the breath
// tone and the ambient bed.
#include <doctest/doctest.h>

#include <cstring>
#include <memory>
#include <vector>

#include "audio/cue_renderer.h"
#include "audio_test_support.h"

namespace unknot::audio {
namespace {

using namespace testing;
using core::CueKind;
using core::Side;

constexpr int kRate = 48000;

Clip constant(float value, int frames) {
  return Clip::mono(kRate, std::vector<float>(static_cast<std::size_t>(frames), value));
}

core::PlaybackClock playing_from(std::int64_t origin_frame) {
  return core::PlaybackClock{true, core::Instant{core::time_of_frame(origin_frame, kRate)}, {}};
}

std::vector<float> render(CueRenderer& renderer, std::int64_t first, std::int64_t count,
                          int block = 1024) {
  std::vector<float> out(static_cast<std::size_t>(2 * count), 0.0F);
  for (std::int64_t done = 0; done < count;) {
    const auto n = static_cast<int>(std::min<std::int64_t>(block, count - done));
    renderer.render(first + done, out.data() + 2 * done, n);
    done += n;
  }
  return out;
}

std::shared_ptr<const core::Timeline> one_step(core::StepKind kind, Side side, int seconds,
                                               const std::string& pattern = "extended_exhale_4_6",
                                               const std::string& muscle = "upper_trapezius") {
  core::Step step = make_step(kind, side, false, seconds, muscle);
  step.pattern_id = pattern;
  return std::make_shared<const core::Timeline>(std::vector<core::Step>{step},
                                                core::builtin_pattern_lookup());
}

std::vector<ScheduledCue> announcements(const CueRenderer& renderer) {
  std::vector<ScheduledCue> out;
  for (const ScheduledCue& cue : renderer.schedule()) {
    if (cue.kind == CueKind::SayStepName) out.push_back(cue);
  }
  return out;
}

// A renderer with only the breath tone: no clips, so whatever sounds is the pad.
std::unique_ptr<CueRenderer> breath_tone_only(
    const std::shared_ptr<const core::Timeline>& timeline) {
  auto renderer = std::make_unique<CueRenderer>(kRate);
  core::SoundSettings settings;
  settings.breath_tone = true;
  renderer->set_settings(settings);
  renderer->load(timeline);
  renderer->set_clock(playing_from(3 * kRate));  // timeline 0 s at device frame 3 s
  return renderer;
}

std::unique_ptr<CueRenderer> bed_only(core::AmbientKind kind, std::uint64_t seed = 1) {
  auto renderer = std::make_unique<CueRenderer>(kRate, seed);
  core::SoundSettings settings;
  settings.ambient = kind;
  settings.ambient_volume = 1.0F;
  renderer->set_settings(settings);
  renderer->load(std::vector<core::Cue>{});
  renderer->set_clock(playing_from(0));
  return renderer;
}

}  // namespace

TEST_CASE("a step announcement plays the side word, then the muscle name 80 ms after it ends") {
  CueRenderer renderer(kRate);
  renderer.set_clip("side_left", constant(0.1F, 1000));
  renderer.set_clip("muscle_upper_trapezius", constant(0.2F, 2000));
  renderer.load(one_step(core::StepKind::Pressure, Side::Left, 30));
  const auto cues = announcements(renderer);
  REQUIRE(cues.size() == 2);
  const std::int64_t at = core::frame_of_time(core::kVoiceDelay, kRate);
  CHECK(cues[0].frame == at);
  CHECK(cues[0].clip == &renderer.clip("side_left"));
  CHECK(cues[1].frame == at + 1000 + 3840);
  CHECK(cues[1].clip == &renderer.clip("muscle_upper_trapezius"));

  // And that is what sounds: the word, a gap of silence, the name.
  renderer.set_clock(playing_from(0));
  core::SoundSettings centred;
  centred.pan_sides = false;
  renderer.set_settings(centred);
  const auto out = render(renderer, 0, at + 8000);
  // The master stage levels the session: every sound by the same gain.
  const auto gain = static_cast<float>(std::pow(10.0, renderer.master_gain_db() / 20.0));
  CHECK(sample(out, at - 1, 0) == 0.0F);
  CHECK(sample(out, at, 0) == doctest::Approx(0.1F * gain).epsilon(1e-4));
  CHECK(sample(out, at + 999, 0) == doctest::Approx(0.1F * gain).epsilon(1e-4));
  CHECK(peak_of(out, at + 1000, at + 1000 + 3840) == 0.0F);
  CHECK(sample(out, at + 1000 + 3840, 0) == doctest::Approx(0.2F * gain).epsilon(1e-4));
}

TEST_CASE("a step announcement without a side says only the muscle, and without its clip nothing") {
  CueRenderer renderer(kRate);
  renderer.set_clip("side_left", constant(0.1F, 1000));
  renderer.set_clip("muscle_upper_trapezius", constant(0.2F, 2000));
  renderer.load(one_step(core::StepKind::Pressure, Side::None, 30));
  auto cues = announcements(renderer);
  REQUIRE(cues.size() == 1);
  CHECK(cues[0].clip == &renderer.clip("muscle_upper_trapezius"));
  CHECK(cues[0].frame == core::frame_of_time(core::kVoiceDelay, kRate));

  renderer.load(
      one_step(core::StepKind::Pressure, Side::Left, 30, "extended_exhale_4_6", "soleus"));
  CHECK(announcements(renderer).empty());
}

TEST_CASE("with side panning off a left step's cues are the same in both ears") {
  auto render_left_step = [](bool pan) {
    CueRenderer renderer(kRate);
    renderer.set_clip(CueKind::ChimeNextStep, constant(0.25F, 100));
    renderer.set_clip(CueKind::ToneExhale, constant(0.25F, 100));
    core::SoundSettings settings;
    settings.pan_sides = pan;
    renderer.set_settings(settings);
    renderer.load({core::Cue{core::Duration{0}, CueKind::ChimeNextStep, 1, Side::Left},
                   core::Cue{core::Duration{10'000}, CueKind::ToneExhale, 1, Side::Right}});
    renderer.set_clock(playing_from(0));
    return render(renderer, 0, 2000);
  };
  const auto panned = render_left_step(true);
  const auto centred = render_left_step(false);
  CHECK(sample(panned, 0, 0) > sample(panned, 0, 1));
  CHECK(sample(panned, 480, 0) < sample(panned, 480, 1));
  for (std::int64_t i = 0; i < frame_count(centred); ++i) {
    REQUIRE(sample(centred, i, 0) == sample(centred, i, 1));
  }
  CHECK(sample(centred, 0, 0) == doctest::Approx(0.25F));
}

TEST_CASE("muting the voice in the middle of a word fades it out within 50 ms, without a click") {
  CueRenderer renderer(kRate);
  renderer.set_clip(CueKind::SayRelease, constant(0.5F, kRate));
  renderer.set_clip(CueKind::ToneExhale, constant(0.25F, kRate));
  renderer.load({core::Cue{core::Duration{0}, CueKind::SayRelease, 0, Side::None},
                 core::Cue{core::Duration{0}, CueKind::ToneExhale, 0, Side::None}});
  renderer.set_clock(playing_from(0));
  // Only the voice layer is heard here (the tone under it ducks and comes back on its own
  // time, which the sound balance tests cover).
  renderer.set_solo(kLayerVoice);
  auto out = render(renderer, 0, 1000);
  core::SoundSettings muted;
  muted.voice_muted = true;
  renderer.set_settings(muted);
  const auto after = render(renderer, 1000, 10'000);
  out.insert(out.end(), after.begin(), after.end());
  CHECK(sample(out, 999, 0) == doctest::Approx(0.5F));
  // 50 ms later (counted from what the renderer had mixed: it runs latency() ahead of its
  // output) the word is gone; no step on the way is bigger than the glide's.
  CHECK(sample(out, 1000 + renderer.latency() + 2400, 0) == 0.0F);
  CHECK(sample(out, 9000, 0) == 0.0F);
  CHECK(largest_step(out, 1, frame_count(out)) < 0.5F / 2000.0F);
}

TEST_CASE("the breath tone swells on the in-breath and falls on the out-breath") {
  // Resonance 6: in for 5 s, out for 5 s.
  const auto timeline = one_step(core::StepKind::Breathing, Side::None, 20, "resonance_6");
  auto renderer = breath_tone_only(timeline);
  const auto out = render(*renderer, 0, 23 * kRate);
  const auto at = [](double seconds) { return static_cast<std::int64_t>((3 + seconds) * kRate); };
  const double top = rms_of(out, at(4.6), at(5.4));       // lungs full
  const double mid_in = rms_of(out, at(2.3), at(2.7));    // half way in
  const double end_out = rms_of(out, at(9.6), at(10.0));  // nearly empty
  CHECK(top > 1.5 * mid_in);
  CHECK(mid_in > 1.5 * end_out);
  CHECK(end_out > 0.0);  // still humming faintly between breaths
  // Alone in a session the master stage levels it like any session: well under full scale.
  const float top_peak = peak_of(out, 0, frame_count(out));
  CHECK(decibels(top_peak) < -6.0);
  // Smooth: no step bigger than the pad's highest partial (880 Hz) makes at that peak.
  CHECK(largest_step(out, 0, frame_count(out)) <
        top_peak * static_cast<float>(2 * std::numbers::pi * 880.0 / kRate));
}

TEST_CASE("the breath tone is silent during the countdown, while paused and after the session") {
  const auto timeline = one_step(core::StepKind::Breathing, Side::None, 10, "resonance_6");
  auto renderer = breath_tone_only(timeline);
  const auto countdown = render(*renderer, 0, 3 * kRate);
  CHECK(peak_of(countdown, 0, 3 * kRate) == 0.0F);
  const auto playing = render(*renderer, 3 * kRate, 2 * kRate);
  CHECK(peak_of(playing, kRate, 2 * kRate) > 0.01F);
  // Paused two seconds in: the pad fades within 0.3 s and is then exactly silent.
  renderer->set_clock(core::PlaybackClock{false, {}, core::Duration{2'000'000}});
  const auto paused = render(*renderer, 5 * kRate, 2 * kRate);
  CHECK(peak_of(paused, kRate / 2, 2 * kRate) == 0.0F);
  CHECK(largest_step(paused, 0, kRate) <
        peak_of(playing, 0, 2 * kRate) * static_cast<float>(2 * std::numbers::pi * 880.0 / kRate));
  // Resumed to the end: silent again once the session is over.
  renderer->set_clock(playing_from(7 * kRate - 2 * kRate));
  const auto rest = render(*renderer, 7 * kRate, 10 * kRate);
  CHECK(peak_of(rest, 0, 2 * kRate) > 0.01F);
  CHECK(peak_of(rest, 8 * kRate + kRate / 2, 10 * kRate) == 0.0F);
}

TEST_CASE("the ambient bed sits under -24 dBFS at full volume, for brown noise and ocean") {
  for (const auto kind : {core::AmbientKind::BrownNoise, core::AmbientKind::Ocean}) {
    CAPTURE(core::ambient_name(kind));
    auto renderer = bed_only(kind);
    const auto out = render(*renderer, 0, 30 * kRate);
    const double level = decibels(rms_of(out, 3 * kRate, 30 * kRate));
    MESSAGE(core::ambient_name(kind) << ": RMS " << level << " dBFS, peak "
                                     << decibels(peak_of(out, 0, 30 * kRate)) << " dBFS");
    CHECK(level > -42.0);
    CHECK(level < -32.0);
    CHECK(peak_of(out, 0, 30 * kRate) <= AmbientBed::kPeak);
    // Both ears hear their own noise: a wide bed, not a point in the middle.
    CHECK(sample(out, 10 * kRate, 0) != sample(out, 10 * kRate, 1));
  }
}

TEST_CASE("the ocean swells: its loudness rises and falls over 8 to 12 seconds") {
  auto renderer = bed_only(core::AmbientKind::Ocean);
  const auto out = render(*renderer, 0, 40 * kRate);
  std::vector<double> levels;  // per half second
  for (std::int64_t s = 4; s < 80; ++s)
    levels.push_back(rms_of(out, s * kRate / 2, (s + 1) * kRate / 2));
  const double loudest = *std::max_element(levels.begin(), levels.end());
  const double quietest = *std::min_element(levels.begin(), levels.end());
  CHECK(loudest > 2.5 * quietest);
  // Count the crests (local maxima well above the troughs): 3 or 4 waves in 38 s.
  int crests = 0;
  for (std::size_t i = 2; i + 2 < levels.size(); ++i) {
    const bool peak = levels[i] >= levels[i - 1] && levels[i] >= levels[i - 2] &&
                      levels[i] >= levels[i + 1] && levels[i] >= levels[i + 2];
    if (peak && levels[i] > 0.6 * loudest) ++crests;
  }
  CHECK(crests >= 3);
  CHECK(crests <= 5);
}

TEST_CASE(
    "the ambient bed is the same on every render with the same seed, and differs with another") {
  const auto a = render(*bed_only(core::AmbientKind::BrownNoise, 7), 0, 5 * kRate);
  const auto b = render(*bed_only(core::AmbientKind::BrownNoise, 7), 0, 5 * kRate, 333);
  const auto c = render(*bed_only(core::AmbientKind::BrownNoise, 8), 0, 5 * kRate);
  CHECK(std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0);
  CHECK(std::memcmp(a.data(), c.data(), a.size() * sizeof(float)) != 0);
}

TEST_CASE("the ambient bed fades in over 2 s when a session loads and out over 2 s when cleared") {
  for (const auto kind : {core::AmbientKind::BrownNoise, core::AmbientKind::Ocean}) {
    CAPTURE(core::ambient_name(kind));
    auto renderer = bed_only(kind);
    const auto start = render(*renderer, 0, 10 * kRate);
    renderer->clear();
    const auto end = render(*renderer, 10 * kRate, 4 * kRate);
    // Quiet at first, full by 2 s; silent from 2 s after the clear.
    CHECK(rms_of(start, 0, kRate / 10) < 0.05 * rms_of(start, 3 * kRate, 10 * kRate));
    CHECK(peak_of(end, 2 * kRate, 4 * kRate) == 0.0F);
    CHECK(rms_of(end, 0, kRate / 10) > 0.5 * rms_of(start, 8 * kRate, 10 * kRate));
    // No click: neither fade makes a step bigger than the bed's own steady ones (noise has
    // no fixed largest step, hence the margin), which are small: it is a low, soft sound.
    const float steady = largest_step(start, 3 * kRate, 10 * kRate);
    CHECK(largest_step(start, 0, 3 * kRate) <= 1.2F * steady);
    CHECK(largest_step(end, 0, 4 * kRate) <= 1.2F * steady);
    CHECK(steady < 0.02F);
    CHECK_FALSE(renderer->audible());
  }
}

TEST_CASE("switching the ambient kind crossfades instead of cutting") {
  auto renderer = bed_only(core::AmbientKind::BrownNoise);
  auto out = render(*renderer, 0, 5 * kRate);
  core::SoundSettings ocean;
  ocean.ambient = core::AmbientKind::Ocean;
  ocean.ambient_volume = 1.0F;
  renderer->set_settings(ocean);
  const auto after = render(*renderer, 5 * kRate, 5 * kRate);
  out.insert(out.end(), after.begin(), after.end());
  CHECK(largest_step(out, 5 * kRate - 10, 6 * kRate) <=
        largest_step(out, 3 * kRate, 5 * kRate) * 1.5F);
  CHECK(rms_of(out, 5 * kRate, 6 * kRate) > 0.0);
}

TEST_CASE("turning the bed on in the middle of a session fades it in") {
  auto renderer = bed_only(core::AmbientKind::Off);
  auto out = render(*renderer, 0, 3 * kRate);
  CHECK(peak_of(out, 0, 3 * kRate) == 0.0F);
  core::SoundSettings brown;
  brown.ambient = core::AmbientKind::BrownNoise;
  brown.ambient_volume = 1.0F;
  renderer->set_settings(brown);
  const auto after = render(*renderer, 3 * kRate, 3 * kRate);
  CHECK(rms_of(after, 0, kRate / 50) < 0.1 * rms_of(after, kRate, 3 * kRate));
  CHECK(largest_step(after, 0, kRate) <= 1.2F * largest_step(after, kRate, 3 * kRate));
}

TEST_CASE("with the breath tone and the bed, any block size gives byte-identical output") {
  const auto timeline = small_timeline(10, 10);
  auto make = [&] {
    auto renderer = std::make_unique<CueRenderer>(kRate);
    renderer->set_clip(CueKind::ToneInhale, constant(0.1F, 3000));
    renderer->set_clip(CueKind::SayBreatheIn, constant(0.2F, 2000));
    core::SoundSettings settings;
    settings.breath_tone = true;
    settings.ambient = core::AmbientKind::Ocean;
    renderer->set_settings(settings);
    renderer->load(timeline);
    renderer->set_clock(playing_from(1000));
    return renderer;
  };
  const std::int64_t frames = 20 * kRate;
  auto reference_renderer = make();
  const auto reference = render(*reference_renderer, 0, frames, 4096);
  for (const int block : {1, 17, 256, 1000}) {
    CAPTURE(block);
    auto renderer = make();
    const auto out = render(*renderer, 0, frames, block);
    // A volume change half way, at the same frame in both, glides the same way too.
    CHECK(std::memcmp(out.data(), reference.data(), out.size() * sizeof(float)) == 0);
  }
}

}  // namespace unknot::audio
