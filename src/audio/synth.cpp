#include "audio/synth.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <span>
#include <vector>

namespace unknot::audio {
namespace {

// Before levelling: the loudest sample of a tone.
constexpr float kTonePeak = 0.25F;

// One sine component of a sound. `ratio` multiplies the note's frequency; `decay_s` is the
// time constant of its exponential decay (upper partials die faster, as in real bells).
// `spread_hz` detunes the right channel against the left: the slow beating between them is
// what makes a bowl "sing" instead of sounding like a test tone.
struct Partial {
  double ratio = 1;
  double amplitude = 1;
  double decay_s = 1;
  double spread_hz = 0;
};

// One strike or swell: when it starts inside the clip, its pitch (gliding from `from_hz` to
// `to_hz` over `glide_s` along a smooth curve; equal for a steady note), how long its attack
// takes and how loud it is against the others.
struct Strike {
  double start_s = 0;
  double from_hz = 440;
  double to_hz = 440;
  double glide_s = 0;
  double attack_s = 0.015;
  double gain = 1;
};

struct ToneRecipe {
  double length_s = 1;
  double release_fraction = 0.3;  // final part of the clip tapered to exactly zero
  std::span<const Partial> partials;
  std::span<const Strike> strikes;
};

// Notes (Hz) of a D major pentatonic set and its neighbours.
constexpr double kD3 = 146.83;
constexpr double kA3 = 220.0;
constexpr double kC4 = 261.63;
constexpr double kD4 = 293.66;
constexpr double kE4 = 329.63;
constexpr double kG4 = 392.0;
constexpr double kA4 = 440.0;
constexpr double kD5 = 587.33;
constexpr double kE5 = 659.26;
constexpr double kG5 = 783.99;
constexpr double kA5 = 880.0;
constexpr double kE6 = 1318.5;

// --- Timbres ---------------------------------------------------------------------------------
// Bright glass: harmonic with a faint inharmonic shimmer.
constexpr Partial kGlass[] = {
    {1.0, 1.0, 0.55, 0.0}, {2.0, 0.22, 0.32, 0.0}, {3.0, 0.09, 0.2, 0.0}, {2.76, 0.05, 0.22, 0.0}};
// Darker and rounder: mostly the fundamental, a little octave, a longer ring.
constexpr Partial kDarkGlass[] = {
    {1.0, 1.0, 0.9, 0.0}, {2.0, 0.12, 0.45, 0.0}, {3.0, 0.03, 0.25, 0.0}};
// Short and dull: a felt tap on wood rather than a metronome click.
constexpr Partial kWood[] = {
    {1.0, 1.0, 0.06, 0.0}, {2.32, 0.25, 0.025, 0.0}, {4.1, 0.05, 0.012, 0.0}};
constexpr Partial kTap[] = {{1.0, 1.0, 0.08, 0.0}, {2.0, 0.12, 0.05, 0.0}};
// Singing-bowl partial ratios (roughly 1 : 2.7 : 5.2 : 8.5) with slow beating.
constexpr Partial kBowl[] = {
    {1.0, 1.0, 1.6, 0.7}, {2.73, 0.42, 1.1, 1.1}, {5.17, 0.16, 0.6, 1.7}, {8.5, 0.05, 0.3, 2.3}};
constexpr Partial kSmallBowl[] = {
    {1.0, 1.0, 1.0, 1.2}, {2.73, 0.35, 0.6, 1.8}, {5.17, 0.12, 0.35, 2.5}};
constexpr Partial kDeepBowl[] = {
    {1.0, 1.0, 2.0, 0.5}, {2.73, 0.55, 1.4, 0.8}, {5.17, 0.22, 0.8, 1.2}, {8.5, 0.06, 0.4, 1.6}};
// A finger cymbal: high, clean, brief.
constexpr Partial kTing[] = {{1.0, 1.0, 0.25, 0.8}, {2.4, 0.2, 0.12, 1.2}};
// A small temple bell: a low hum under the strike note, gentle inharmonic overtones.
constexpr Partial kBell[] = {{0.5, 0.35, 2.4, 0.3}, {1.0, 1.0, 1.7, 0.5},   {2.0, 0.32, 1.0, 0.7},
                             {2.76, 0.2, 0.7, 0.9}, {4.07, 0.09, 0.4, 1.2}, {5.4, 0.04, 0.25, 1.5}};
// Pads: nothing struck; slow attacks and long decays, harmonics for warmth that small
// speakers can still play.
constexpr Partial kPadBright[] = {
    {1.0, 1.0, 1.0, 0.6}, {2.0, 0.4, 0.8, 0.9}, {3.0, 0.16, 0.6, 1.1}};
constexpr Partial kPadDark[] = {
    {1.0, 1.0, 1.3, 0.4}, {2.0, 0.55, 1.0, 0.6}, {3.0, 0.3, 0.8, 0.8}, {4.0, 0.12, 0.6, 0.9}};
constexpr Partial kPadPulse[] = {{1.0, 1.0, 0.2, 0.0}, {2.0, 0.25, 0.15, 0.0}};

// --- Strikes ---------------------------------------------------------------------------------
// Chimes: in rises a fifth from D5 in one bright glide; out falls a fifth from A4, an octave
// lower and darker; hold is a dry wood tick.
constexpr Strike kChimeIn[] = {{0.0, kD5, kA5, 0.45, 0.02, 1.0}};
constexpr Strike kChimeOut[] = {{0.0, kA4, kD4, 0.6, 0.03, 1.0}};
constexpr Strike kWoodTick[] = {{0.0, kG5, kG5, 0, 0.015, 1.0}};
constexpr Strike kTwoTaps[] = {{0.0, kE5, kE5, 0, 0.015, 1.0}, {0.16, kE5, kE5, 0, 0.015, 0.9}};
constexpr Strike kBowlStrike[] = {{0.0, kC4, kC4, 0, 0.03, 1.0}};
constexpr Strike kBellStrike[] = {{0.0, kG4, kG4, 0, 0.02, 1.0}};
// Bowls: a small bowl bending up a minor third; a deep bowl bending down one; a finger cymbal.
constexpr Strike kBowlIn[] = {{0.0, kE5, kE5 * 1.189, 0.7, 0.06, 1.0}};
constexpr Strike kBowlOut[] = {{0.0, kA3, kA3 / 1.189, 0.9, 0.05, 1.0}};
constexpr Strike kTing1[] = {{0.0, kE6, kE6, 0, 0.015, 1.0}};
constexpr Strike kBowlNext[] = {{0.0, kD4, kD4, 0, 0.03, 1.0}};
// Pads: a hum rising a fifth as it swells; a lower hum falling a fifth as it fades; a short
// low pulse; a soft two-note swell for a new step; two pulses; a three-note chord to end.
constexpr Strike kPadIn[] = {{0.0, kD4, kA4, 1.1, 0.35, 1.0}};
constexpr Strike kPadOut[] = {{0.0, kA3, kD3, 1.3, 0.3, 1.0}};
constexpr Strike kPadHold[] = {{0.0, kE4, kE4, 0, 0.04, 1.0}};
constexpr Strike kPadNext[] = {{0.0, kC4, kC4, 0, 0.25, 1.0}, {0.0, kG4, kG4, 0, 0.25, 0.7}};
constexpr Strike kPadSwitch[] = {{0.0, kA4, kA4, 0, 0.03, 1.0}, {0.22, kA4, kA4, 0, 0.03, 0.9}};
constexpr Strike kPadEnd[] = {
    {0.0, kC4, kC4, 0, 0.4, 1.0}, {0.0, kE4, kE4, 0, 0.4, 0.7}, {0.0, kG4, kG4, 0, 0.4, 0.6}};

bool chimes(core::CueKind kind, ToneRecipe& out) {
  switch (kind) {
    case core::CueKind::ToneInhale:
      out = {1.5, 0.35, kGlass, kChimeIn};
      return true;
    case core::CueKind::ToneExhale:
      out = {1.8, 0.35, kDarkGlass, kChimeOut};
      return true;
    case core::CueKind::ToneHold:
      out = {0.3, 0.5, kWood, kWoodTick};
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

bool bowls(core::CueKind kind, ToneRecipe& out) {
  switch (kind) {
    case core::CueKind::ToneInhale:
      out = {1.8, 0.35, kSmallBowl, kBowlIn};
      return true;
    case core::CueKind::ToneExhale:
      out = {2.4, 0.4, kDeepBowl, kBowlOut};
      return true;
    case core::CueKind::ToneHold:
      out = {0.5, 0.5, kTing, kTing1};
      return true;
    case core::CueKind::ChimeNextStep:
      out = {3.0, 0.4, kBowl, kBowlNext};
      return true;
    case core::CueKind::ChimeSwitchSides:
      out = {0.6, 0.4, kWood, kTwoTaps};
      return true;
    case core::CueKind::BellEnd:
      out = {3.5, 0.45, kBell, kBellStrike};
      return true;
    default:
      return false;
  }
}

bool pads(core::CueKind kind, ToneRecipe& out) {
  switch (kind) {
    case core::CueKind::ToneInhale:
      out = {1.8, 0.4, kPadBright, kPadIn};
      return true;
    case core::CueKind::ToneExhale:
      out = {2.0, 0.45, kPadDark, kPadOut};
      return true;
    case core::CueKind::ToneHold:
      out = {0.45, 0.5, kPadPulse, kPadHold};
      return true;
    case core::CueKind::ChimeNextStep:
      out = {2.4, 0.45, kPadBright, kPadNext};
      return true;
    case core::CueKind::ChimeSwitchSides:
      out = {0.8, 0.4, kPadPulse, kPadSwitch};
      return true;
    case core::CueKind::BellEnd:
      out = {3.5, 0.5, kPadDark, kPadEnd};
      return true;
    default:
      return false;
  }
}

bool recipe_for(core::CueKind kind, core::SoundSet set, ToneRecipe& out) {
  switch (set) {
    case core::SoundSet::Bowls:
      return bowls(kind, out);
    case core::SoundSet::Pads:
      return pads(kind, out);
    case core::SoundSet::Chimes:
      break;
  }
  return chimes(kind, out);
}

// Raised cosine from 0 to 1 over `length`: zero slope at both ends, so the attack has no
// corner a listener could hear as a click.
double raised_cosine(double t, double length) {
  if (t >= length) return 1.0;
  if (length <= 0) return 1.0;
  return 0.5 - 0.5 * std::cos(std::numbers::pi * t / length);
}

// The strike's pitch `t` seconds in: a smooth (raised-cosine) glide in log frequency, so a
// fifth sounds like one even sweep rather than a jump.
double pitch_at(const Strike& strike, double t) {
  if (strike.glide_s <= 0 || strike.from_hz == strike.to_hz) return strike.from_hz;
  const double s = raised_cosine(t, strike.glide_s);
  return strike.from_hz * std::pow(strike.to_hz / strike.from_hz, s);
}

}  // namespace

Clip synthesize_tone(core::CueKind kind, int rate_hz, core::SoundSet set) {
  ToneRecipe recipe;
  if (rate_hz <= 0 || !recipe_for(kind, set, recipe)) return Clip::mono(rate_hz, {});

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
  const double step = 2.0 * std::numbers::pi / rate_hz;

  for (const Strike& strike : recipe.strikes) {
    const auto first = static_cast<std::size_t>(std::lround(strike.start_s * rate_hz));
    for (const Partial& p : recipe.partials) {
      // Skip a partial that would alias at a low rate (its highest pitch decides).
      const double top = std::max(strike.from_hz, strike.to_hz) * p.ratio + p.spread_hz;
      if (top >= nyquist) continue;
      double phase_left = 0;
      double phase_right = 0;
      for (std::size_t i = first; i < frames; ++i) {
        const double local = static_cast<double>(i - first) / rate_hz;
        const double f = pitch_at(strike, local) * p.ratio;
        const double a = strike.gain * p.amplitude * raised_cosine(local, strike.attack_s) *
                         std::exp(-local / p.decay_s);
        samples[channels * i] += static_cast<float>(a * std::sin(phase_left));
        if (stereo) samples[2 * i + 1] += static_cast<float>(a * std::sin(phase_right));
        phase_left += step * f;
        phase_right += step * (f + p.spread_hz);
      }
    }
  }
  // Taper the tail to exactly zero so the clip can end anywhere without a step.
  for (std::size_t i = 0; i < frames; ++i) {
    const double from_release = static_cast<double>(i) - release_start;
    if (from_release <= 0) continue;
    const auto release = static_cast<float>(1.0 - raised_cosine(from_release, release_frames));
    for (std::size_t c = 0; c < channels; ++c) samples[channels * i + c] *= release;
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
