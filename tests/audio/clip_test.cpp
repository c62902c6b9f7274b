// The compact clip: 16-bit samples, one channel unless the channels differ, panned at mix time.
#include "audio/clip.h"

#include <doctest/doctest.h>

#include <cmath>
#include <numbers>
#include <stdexcept>
#include <vector>

#include "audio/cue_renderer.h"
#include "audio/synth.h"
#include "audio/voice_bank.h"
#include "audio_test_support.h"

namespace unknot::audio {
namespace {

using core::CueKind;
using core::Side;

constexpr int kRate = 48000;

std::vector<float> render(CueRenderer& renderer, int frames) {
  std::vector<float> out(static_cast<std::size_t>(2 * frames), 0.0F);
  renderer.render(0, out.data(), frames);
  return out;
}

// One cue of `clip` on `side`, rendered from its onset.
std::vector<float> play(const Clip& clip, Side side, bool pan_sides = true) {
  CueRenderer renderer(kRate);
  core::SoundSettings settings;
  settings.pan_sides = pan_sides;
  renderer.set_settings(settings);
  renderer.set_clip(CueKind::ChimeNextStep, clip);
  renderer.load({core::Cue{core::Duration{0}, CueKind::ChimeNextStep, 0, side}});
  renderer.set_clock(core::PlaybackClock{true, core::Instant{}, {}});
  return render(renderer, static_cast<int>(clip.frames()) + 10);
}

// The renderer's side lean (equal power, +-0.3 of a hard pan, unity at the centre).
double lean_gain(double pan, int channel) {
  const double angle = (pan + 1.0) * std::numbers::pi / 4.0;
  return std::numbers::sqrt2 * (channel == 0 ? std::cos(angle) : std::sin(angle));
}

}  // namespace

TEST_CASE("a 16-bit clip gives back every value within 1e-4 of full scale") {
  std::vector<float> values;
  for (int i = -20000; i <= 20000; ++i) values.push_back(static_cast<float>(i) / 20000.0F);
  for (const float v : {0.1F, -0.4F, 0.3F, 1e-6F, -1e-6F, 0.999999F}) values.push_back(v);
  const Clip clip = Clip::mono(kRate, values);
  float worst = 0;
  float worst_in_range = 0;  // below the largest 16-bit value, 32767/32768
  for (std::size_t i = 0; i < values.size(); ++i) {
    const float error = std::abs(clip.sample(static_cast<std::int64_t>(i), 0) - values[i]);
    worst = std::max(worst, error);
    if (values[i] <= 32767.0F / 32768.0F) worst_in_range = std::max(worst_in_range, error);
  }
  CHECK(worst < 1e-4F);                      // 1.0 itself is one step (3e-5) off
  CHECK(worst_in_range <= 0.5F / 32768.0F);  // half a 16-bit step at most
}

TEST_CASE("multiples of 2^-15 round-trip exactly, and values beyond full scale are clipped") {
  const std::vector<float> exact = {
      0.0F, 0.5F, -0.5F, 0.25F, -1.0F, 1.0F / 32768.0F, 32767.0F / 32768.0F};
  const Clip clip = Clip::mono(kRate, exact);
  for (std::size_t i = 0; i < exact.size(); ++i) {
    CHECK(clip.sample(static_cast<std::int64_t>(i), 0) == exact[i]);
  }
  const Clip loud = Clip::mono(kRate, std::vector<float>{1.5F, -1.5F, 1.0F});
  CHECK(loud.sample(0, 0) == 32767.0F / 32768.0F);
  CHECK(loud.sample(1, 0) == -1.0F);
  CHECK(loud.sample(2, 0) == doctest::Approx(1.0F).epsilon(1e-4));
}

TEST_CASE("a mono clip holds 2 bytes a frame and a stereo clip 4") {
  const Clip mono = Clip::mono(kRate, std::vector<float>(1000, 0.25F));
  CHECK(mono.channels() == 1);
  CHECK(mono.frames() == 1000);
  CHECK(mono.bytes() == 1000 * 2);
  CHECK(mono.sample(10, 0) == mono.sample(10, 1));

  const Clip stereo = Clip::stereo(kRate, std::vector<float>{0.25F, -0.5F, 0.125F, 0.0F});
  CHECK(stereo.channels() == 2);
  CHECK(stereo.frames() == 2);
  CHECK(stereo.bytes() == 2 * 4);
  CHECK(stereo.sample(0, 0) == 0.25F);
  CHECK(stereo.sample(0, 1) == -0.5F);
  CHECK(stereo.to_stereo() == std::vector<float>{0.25F, -0.5F, 0.125F, 0.0F});

  CHECK_THROWS_AS(Clip::stereo(kRate, std::vector<float>{0.1F, 0.2F, 0.3F}), std::invalid_argument);
  CHECK(Clip{}.empty());
  CHECK(Clip{}.frames() == 0);
  CHECK(Clip{}.bytes() == 0);
}

TEST_CASE("a mono clip on a left or right step leans to that side, centred it is unchanged") {
  const Clip clip = Clip::mono(kRate, std::vector<float>(200, 0.5F));
  const auto centre = play(clip, Side::None);
  const auto left = play(clip, Side::Left);
  const auto right = play(clip, Side::Right);
  const auto unpanned = play(clip, Side::Left, false);
  for (const std::int64_t frame : {0, 100, 199}) {
    CAPTURE(frame);
    CHECK(testing::sample(centre, frame, 0) == 0.5F);
    CHECK(testing::sample(centre, frame, 1) == 0.5F);
    CHECK(testing::sample(unpanned, frame, 0) == 0.5F);
    CHECK(testing::sample(unpanned, frame, 1) == 0.5F);
    CHECK(testing::sample(left, frame, 0) == doctest::Approx(0.5 * lean_gain(-0.3, 0)));
    CHECK(testing::sample(left, frame, 1) == doctest::Approx(0.5 * lean_gain(-0.3, 1)));
    CHECK(testing::sample(right, frame, 0) == doctest::Approx(0.5 * lean_gain(0.3, 0)));
    CHECK(testing::sample(right, frame, 1) == doctest::Approx(0.5 * lean_gain(0.3, 1)));
  }
  // Louder in the near ear, by about 4 dB, and silent once the clip has ended.
  CHECK(testing::sample(left, 50, 0) > 1.5F * testing::sample(left, 50, 1));
  CHECK(testing::sample(right, 50, 1) > 1.5F * testing::sample(right, 50, 0));
  CHECK(testing::peak_of(left, 200, 210) == 0.0F);
}

TEST_CASE("a mono clip mixes exactly as a stereo clip with two equal channels") {
  std::vector<float> mono(4800);
  std::vector<float> both(2 * mono.size());
  for (std::size_t i = 0; i < mono.size(); ++i) {
    mono[i] = 0.4F * static_cast<float>(std::sin(0.05 * static_cast<double>(i)));
    both[2 * i] = mono[i];
    both[2 * i + 1] = mono[i];
  }
  for (const Side side : {Side::None, Side::Left, Side::Right}) {
    CAPTURE(static_cast<int>(side));
    CHECK(play(Clip::mono(kRate, mono), side) == play(Clip::stereo(kRate, both), side));
  }
}

TEST_CASE("tones are mono unless their channels differ, voices are always mono") {
  for (const CueKind kind :
       {CueKind::ToneInhale, CueKind::ToneExhale, CueKind::ToneHold, CueKind::ChimeSwitchSides}) {
    CAPTURE(std::string(core::cue_name(kind)));
    const Clip tone = synthesize_tone(kind, kRate);
    CHECK(tone.channels() == 1);
    CHECK(tone.bytes() == static_cast<std::size_t>(tone.frames()) * 2);
  }
  // The bowl and the bell beat slowly between the ears (detuned partials): kept stereo.
  for (const CueKind kind : {CueKind::ChimeNextStep, CueKind::BellEnd}) {
    CAPTURE(std::string(core::cue_name(kind)));
    const Clip tone = synthesize_tone(kind, kRate);
    REQUIRE(tone.channels() == 2);
    bool differ = false;
    for (std::int64_t i = 0; i < tone.frames() && !differ; ++i) {
      differ = tone.sample(i, 0) != tone.sample(i, 1);
    }
    CHECK(differ);
  }

  const VoiceBank voices = VoiceBank::load(testing::shipped_audio(), nullptr);
  REQUIRE_FALSE(voices.names().empty());
  std::size_t bank_frames = 0;
  for (const std::string& name : voices.names()) {
    const Clip at_24k = voices.clip(name, 24000);
    bank_frames += static_cast<std::size_t>(at_24k.frames());
    const Clip clip = voices.clip(name, kRate);
    CAPTURE(name);
    CHECK(clip.channels() == 1);
    CHECK(clip.bytes() == static_cast<std::size_t>(clip.frames()) * 2);
  }
  CHECK(voices.bytes() == bank_frames * 2);  // the bank keeps the 24 kHz recordings, 16-bit
}

}  // namespace unknot::audio
