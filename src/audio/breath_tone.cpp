#include "audio/breath_tone.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace unknot::audio {
namespace {

// A3 with its fifth, octave, and the octaves above (2:3:4:6:8 of 110 Hz): a consonant pad
// whose energy sits in 220 Hz - 1 kHz, where phone and laptop speakers play, rather than in a
// bass they cannot reproduce.
constexpr std::array<double, 5> kFrequencies = {220.0, 330.0, 440.0, 660.0, 880.0};
// Weights at full level. The upper two are scaled by level squared, so the pad also opens up a
// little as the lungs fill, like a breath getting brighter, rather than only getting louder.
constexpr std::array<double, 5> kWeights = {1.0, 0.55, 0.4, 0.22, 0.12};
constexpr std::size_t kBright = 3;  // partials from here on follow level squared
// The fastest the level may move: a pause or the session end fades the pad out over this,
// while a breath (seconds per phase) passes through unchanged.
constexpr double kSlewSeconds = 0.3;

}  // namespace

BreathTone::BreathTone(int rate_hz, int segment_frames)
    : segment_frames_(segment_frames), slew_(static_cast<float>(1.0 / (kSlewSeconds * rate_hz))) {
  for (std::size_t i = 0; i < partials_.size(); ++i) {
    const double w = 2.0 * std::numbers::pi * kFrequencies[i] / rate_hz;
    partials_[i].step_cos = std::cos(w);
    partials_[i].step_sin = std::sin(w);
  }
  // Peak of the weighted sum at full level over one period of the 110 Hz common fundamental
  // (the sines start in phase); dividing by it puts the pad's peak at kPeak.
  double top = 0;
  for (int i = 0; i < 4096; ++i) {
    const double t = static_cast<double>(i) / (4096.0 * 110.0);
    double sum = 0;
    for (std::size_t p = 0; p < kFrequencies.size(); ++p)
      sum += kWeights[p] * std::sin(2.0 * std::numbers::pi * kFrequencies[p] * t);
    top = std::max(top, std::abs(sum));
  }
  scale_ = kPeak / top;
}

void BreathTone::begin_segment(float level) {
  from_ = to_;
  to_ = std::clamp(level, 0.0F, 1.0F);
  // The phasors are advanced by repeated rotation; rounding would slowly change their length
  // (the loudness) over a long session, so they are put back on the unit circle here.
  for (Oscillator& o : partials_) {
    const double length = std::sqrt(o.cos * o.cos + o.sin * o.sin);
    o.cos /= length;
    o.sin /= length;
  }
}

void BreathTone::render(float* out, int count, int position, const float* gains, float gain) {
  if (silent()) return;
  const double scale = scale_;
  const float span = to_ - from_;
  for (int i = 0; i < count; ++i) {
    // The target glides across the segment by absolute position, so how the caller splits a
    // segment into blocks cannot change the output.
    const float target =
        from_ + span * static_cast<float>(position + i + 1) / static_cast<float>(segment_frames_);
    level_ = std::clamp(target, level_ - slew_, level_ + slew_);
    double body = 0;
    double bright = 0;
    for (std::size_t p = 0; p < partials_.size(); ++p) {
      Oscillator& o = partials_[p];
      const double c = o.cos * o.step_cos - o.sin * o.step_sin;
      o.sin = o.sin * o.step_cos + o.cos * o.step_sin;
      o.cos = c;
      (p < kBright ? body : bright) += kWeights[p] * o.sin;
    }
    const double lvl = level_;
    const double pad = lvl * body + lvl * lvl * bright;
    const auto sample = static_cast<float>(pad * scale) * (gains ? gains[i] : gain);
    out[2 * i] += sample;
    out[2 * i + 1] += sample;
  }
}

}  // namespace unknot::audio
