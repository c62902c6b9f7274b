#include "audio/synth.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace unknot::audio {
namespace {

using core::CueKind;

constexpr CueKind kToneKinds[] = {CueKind::ToneInhale,       CueKind::ToneExhale,
                                  CueKind::ToneHold,         CueKind::ChimeNextStep,
                                  CueKind::ChimeSwitchSides, CueKind::BellEnd};
constexpr int kRates[] = {22050, 44100, 48000, 96000};

double decibels(float amplitude) { return 20.0 * std::log10(static_cast<double>(amplitude)); }

float sample(const Clip& clip, std::int64_t frame, int channel) {
  return clip.sample(frame, channel);
}

// Largest |x[n] - x[n-1]| over frames [first, last) in either channel.
float largest_step(const Clip& clip, std::int64_t first, std::int64_t last) {
  float result = 0;
  for (std::int64_t i = std::max<std::int64_t>(first, 1); i < last; ++i) {
    for (int ch = 0; ch < 2; ++ch) {
      result = std::max(result, std::abs(sample(clip, i, ch) - sample(clip, i - 1, ch)));
    }
  }
  return result;
}

}  // namespace

TEST_CASE("every tone peaks near -12 dBFS at any sample rate") {
  for (const int rate : kRates) {
    for (const CueKind kind : kToneKinds) {
      CAPTURE(rate);
      CAPTURE(std::string(core::cue_name(kind)));
      const Clip clip = synthesize_tone(kind, rate);
      REQUIRE_FALSE(clip.empty());
      CHECK(clip.rate_hz() == rate);
      CHECK(decibels(peak(clip)) >= -13.0);
      CHECK(decibels(peak(clip)) <= -11.0);
    }
  }
}

TEST_CASE("every tone lasts the same 0.3 to 3 seconds at every sample rate") {
  for (const CueKind kind : kToneKinds) {
    CAPTURE(std::string(core::cue_name(kind)));
    const double seconds = static_cast<double>(synthesize_tone(kind, 48000).frames()) / 48000;
    CHECK(seconds >= 0.3);
    CHECK(seconds <= 3.0);
    for (const int rate : kRates) {
      const double at_rate = static_cast<double>(synthesize_tone(kind, rate).frames()) / rate;
      CHECK(at_rate == doctest::Approx(seconds).epsilon(1e-3));
    }
  }
}

TEST_CASE("every tone starts and ends in exact silence and its tail fades out") {
  for (const int rate : kRates) {
    for (const CueKind kind : kToneKinds) {
      CAPTURE(rate);
      CAPTURE(std::string(core::cue_name(kind)));
      const Clip clip = synthesize_tone(kind, rate);
      const std::int64_t last = clip.frames() - 1;
      CHECK(sample(clip, 0, 0) == 0.0F);
      CHECK(sample(clip, 0, 1) == 0.0F);
      CHECK(sample(clip, last, 0) == 0.0F);
      CHECK(sample(clip, last, 1) == 0.0F);
      // The last 10 ms are at least 40 dB below the peak: the clip ends by fading, not by
      // being cut.
      const std::int64_t tail = rate / 100;
      float tail_peak = 0;
      for (std::int64_t i = clip.frames() - tail; i < clip.frames(); ++i) {
        tail_peak =
            std::max({tail_peak, std::abs(sample(clip, i, 0)), std::abs(sample(clip, i, 1))});
      }
      CHECK(tail_peak < 0.01F * peak(clip));
    }
  }
}

TEST_CASE("every tone swells over at least 10 ms, so its start cannot click") {
  for (const int rate : {44100, 48000}) {
    for (const CueKind kind : kToneKinds) {
      CAPTURE(rate);
      CAPTURE(std::string(core::cue_name(kind)));
      const Clip clip = synthesize_tone(kind, rate);
      const std::int64_t attack = rate / 100;
      const float top = peak(clip);
      // Through the first 10 ms the level stays under a straight ramp to the peak...
      for (std::int64_t i = 0; i < attack; ++i) {
        const float ramp = top * static_cast<float>(i + 1) / static_cast<float>(attack);
        CHECK(std::abs(sample(clip, i, 0)) <= ramp);
        CHECK(std::abs(sample(clip, i, 1)) <= ramp);
      }
      // ...and no sample jumps: a click would be a step of the order of the peak (0.25).
      CHECK(largest_step(clip, 0, attack) < 0.035F);
      CHECK(largest_step(clip, 0, clip.frames()) < 0.035F);
    }
  }
}

TEST_CASE("spoken cue kinds have no synthesised tone") {
  for (int k = 0; k < core::kCueKindCount; ++k) {
    const auto kind = static_cast<CueKind>(k);
    if (!core::is_spoken(kind)) continue;
    CAPTURE(std::string(core::cue_name(kind)));
    CHECK(synthesize_tone(kind, 48000).empty());
  }
}

TEST_CASE("peak is the largest absolute sample, and zero for an empty clip") {
  CHECK(peak(Clip{}) == 0.0F);
  // Values a 16-bit clip holds exactly.
  CHECK(peak(Clip::stereo(48000, std::vector<float>{0.125F, -0.5F, 0.25F, 0.0F})) == 0.5F);
  CHECK(peak(Clip::mono(48000, std::vector<float>{0.25F, -0.375F})) == 0.375F);
}

}  // namespace unknot::audio
