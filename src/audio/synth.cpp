#include "audio/synth.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <span>
#include <vector>

namespace unknot::audio {
namespace {

// design.md "Sound": tones peak near -12 dBFS so a voice (-6 dBFS) on top of one never clips.
constexpr float kTonePeak = 0.25F;

// One sine component of a struck sound. `ratio` multiplies the note's frequency; `decay_s` is
// the time constant of its exponential decay (upper partials die faster, as in real bells).
// `spread_hz` detunes the right channel against the left: the slow beating between them is
// what makes a bowl "sing" instead of sounding like a test tone.
struct Partial {
  double ratio = 1;
  double amplitude = 1;
  double decay_s = 1;
  double spread_hz = 0;
};

// One strike: a pitch, a start time inside the clip and a soft mallet (attack) time.
struct Strike {
  double start_s = 0;
  double frequency_hz = 440;
  double attack_s = 0.015;
  double gain = 1;
};

struct ToneRecipe {
  double length_s = 1;
  double release_fraction = 0.3;  // final part of the clip tapered to exactly zero
  std::span<const Partial> partials;
  std::span<const Strike> strikes;
};

// Mostly harmonic with a faint inharmonic shimmer: a soft glass chime, not a beep.
constexpr Partial kChime[] = {
    {1.0, 1.0, 0.55, 0.0}, {2.0, 0.16, 0.30, 0.0}, {3.0, 0.05, 0.18, 0.0}, {2.76, 0.04, 0.22, 0.0}};
// Short and dull: a felt tap on wood rather than a metronome click.
constexpr Partial kTick[] = {{1.0, 1.0, 0.07, 0.0}, {2.32, 0.18, 0.025, 0.0}};
constexpr Partial kTap[] = {{1.0, 1.0, 0.08, 0.0}, {2.0, 0.12, 0.05, 0.0}};
// Singing-bowl partial ratios (roughly 1 : 2.7 : 5.2 : 8.5) with slow beating.
constexpr Partial kBowl[] = {
    {1.0, 1.0, 1.6, 0.7}, {2.73, 0.42, 1.1, 1.1}, {5.17, 0.16, 0.6, 1.7}, {8.5, 0.05, 0.3, 2.3}};
// A small temple bell: a low hum under the strike note, gentle inharmonic overtones.
constexpr Partial kBell[] = {{0.5, 0.35, 2.4, 0.3}, {1.0, 1.0, 1.7, 0.5},   {2.0, 0.32, 1.0, 0.7},
                             {2.76, 0.2, 0.7, 0.9}, {4.07, 0.09, 0.4, 1.2}, {5.4, 0.04, 0.25, 1.5}};

// Notes from a D major pentatonic set, low enough to stay warm on small speakers.
constexpr double kA4 = 440.0;
constexpr double kD5 = 587.33;
constexpr double kE5 = 659.26;
constexpr double kC4 = 261.63;
constexpr double kG4 = 392.0;
constexpr double kG5 = 783.99;

constexpr Strike kRising[] = {{0.0, kA4, 0.018, 0.8}, {0.22, kD5, 0.018, 1.0}};
constexpr Strike kFalling[] = {{0.0, kD5, 0.018, 1.0}, {0.22, kA4, 0.018, 0.85}};
constexpr Strike kTickStrike[] = {{0.0, kG5, 0.015, 1.0}};
constexpr Strike kTwoTaps[] = {{0.0, kE5, 0.015, 1.0}, {0.16, kE5, 0.015, 0.9}};
constexpr Strike kBowlStrike[] = {{0.0, kC4, 0.030, 1.0}};
constexpr Strike kBellStrike[] = {{0.0, kG4, 0.020, 1.0}};

bool recipe_for(core::CueKind kind, ToneRecipe& out) {
  switch (kind) {
    case core::CueKind::ToneInhale:
      out = {1.5, 0.35, kChime, kRising};
      return true;
    case core::CueKind::ToneExhale:
      out = {1.5, 0.35, kChime, kFalling};
      return true;
    case core::CueKind::ToneHold:
      out = {0.3, 0.5, kTick, kTickStrike};
      return true;
    case core::CueKind::ChimeNextStep:
      out = {2.8, 0.4, kBowl, kBowlStrike};
      return true;
    case core::CueKind::ChimeSwitchSides:
      out = {0.6, 0.4, kTap, kTwoTaps};
      return true;
    case core::CueKind::BellEnd:
      out = {3.0, 0.45, kBell, kBellStrike};
      return true;
    default:
      return false;
  }
}

// Raised cosine from 0 to 1 over `length`: zero slope at both ends, so the attack has no
// corner a listener could hear as a click.
double raised_cosine(double t, double length) {
  if (t >= length) return 1.0;
  return 0.5 - 0.5 * std::cos(std::numbers::pi * t / length);
}

}  // namespace

Clip synthesize_tone(core::CueKind kind, int rate_hz) {
  ToneRecipe recipe;
  if (rate_hz <= 0 || !recipe_for(kind, recipe)) return Clip::mono(rate_hz, {});

  const auto frames = static_cast<std::size_t>(std::lround(recipe.length_s * rate_hz));
  if (frames < 2) return Clip::mono(rate_hz, {});
  // Without detuned partials both channels are the same sound: one channel is kept, and the
  // renderer feeds it to both (panned).
  const bool stereo = std::any_of(recipe.partials.begin(), recipe.partials.end(),
                                  [](const Partial& p) { return p.spread_hz != 0; });
  const std::size_t channels = stereo ? 2 : 1;
  const auto release_frames = static_cast<double>(frames) * recipe.release_fraction;
  const double release_start = static_cast<double>(frames - 1) - release_frames;
  const double nyquist = 0.5 * rate_hz;
  std::vector<float> samples(frames * channels, 0.0F);

  for (std::size_t i = 0; i < frames; ++i) {
    const double t = static_cast<double>(i) / rate_hz;
    double left = 0;
    double right = 0;
    for (const Strike& strike : recipe.strikes) {
      const double local = t - strike.start_s;
      if (local < 0) continue;
      const double attack = raised_cosine(local, strike.attack_s);
      for (const Partial& p : recipe.partials) {
        const double f = strike.frequency_hz * p.ratio;
        if (f + p.spread_hz >= nyquist) continue;  // would alias at low rates
        const double a = strike.gain * p.amplitude * attack * std::exp(-local / p.decay_s);
        const double phase = 2.0 * std::numbers::pi * local;
        left += a * std::sin(phase * f);
        if (stereo) right += a * std::sin(phase * (f + p.spread_hz));
      }
    }
    // Taper the tail to exactly zero so the clip can end anywhere without a step.
    const double from_release = static_cast<double>(i) - release_start;
    const double release =
        from_release <= 0 ? 1.0 : 1.0 - raised_cosine(from_release, release_frames);
    samples[channels * i] = static_cast<float>(left * release);
    if (stereo) samples[2 * i + 1] = static_cast<float>(right * release);
  }
  for (std::size_t c = 0; c < channels; ++c) samples[channels * (frames - 1) + c] = 0.0F;

  float raw_peak = 0;
  for (const float s : samples) raw_peak = std::max(raw_peak, std::abs(s));
  if (raw_peak > 0) {
    const float scale = kTonePeak / raw_peak;
    for (float& s : samples) s *= scale;
  }
  return stereo ? Clip::stereo(rate_hz, samples) : Clip::mono(rate_hz, samples);
}

float peak(const Clip& clip) {
  int result = 0;
  for (const std::int16_t s : clip.stored()) result = std::max(result, std::abs(int{s}));
  return static_cast<float>(result) * kClipStep;
}

}  // namespace unknot::audio
