#include "audio/breath_tone.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace unknot::audio {
namespace {

// A2 with its fifth and octave (2:3:4 of 55 Hz): a consonant drone, low enough to sit under
// voice and chimes without masking them.
constexpr std::array<double, 3> kFrequencies = {110.0, 165.0, 220.0};
// Weights at full level. The octave is scaled by level squared, so the pad also opens up a
// little as the lungs fill, like a breath getting brighter, rather than only getting louder.
constexpr double kRoot = 1.0;
constexpr double kFifth = 0.5;
constexpr double kOctave = 0.35;
// Peak of the weighted sum of the three sines, which start in phase (found numerically over one
// 55 Hz period); dividing by it puts the pad's peak at kPeak.
constexpr double kPeakOfSum = 1.673;
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
  const double scale = kPeak / kPeakOfSum;
  const float span = to_ - from_;
  for (int i = 0; i < count; ++i) {
    // The target glides across the segment by absolute position, so how the caller splits a
    // segment into blocks cannot change the output.
    const float target =
        from_ + span * static_cast<float>(position + i + 1) / static_cast<float>(segment_frames_);
    level_ = std::clamp(target, level_ - slew_, level_ + slew_);
    double sines[3];
    for (std::size_t p = 0; p < partials_.size(); ++p) {
      Oscillator& o = partials_[p];
      const double c = o.cos * o.step_cos - o.sin * o.step_sin;
      o.sin = o.sin * o.step_cos + o.cos * o.step_sin;
      o.cos = c;
      sines[p] = o.sin;
    }
    const double lvl = level_;
    const double pad =
        lvl * (kRoot * sines[0] + kFifth * sines[1]) + lvl * lvl * kOctave * sines[2];
    const auto sample = static_cast<float>(pad * scale) * (gains ? gains[i] : gain);
    out[2 * i] += sample;
    out[2 * i + 1] += sample;
  }
}

}  // namespace unknot::audio
