#include "audio/ambient_bed.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace unknot::audio {
namespace {

constexpr double kFadeSeconds = 2.0;    // session start and end
constexpr double kVolumeSeconds = 0.5;  // slider moves and switching kinds
// Noise has no fixed peak; holding its RMS 12 dB under kPeak leaves room for the usual
// crest factor, and a soft knee catches the rare bigger swing.
constexpr double kRmsFraction = 0.25;
constexpr double kKnee = 0.75;  // of kPeak: below it the bed passes untouched
// Brown noise: flat below ~200 Hz, falling 6 dB/octave above, with the bass under ~60 Hz
// removed. The corner sits high enough that a third of its energy lies in 300 Hz - 3 kHz,
// so a phone or laptop speaker still plays it as a soft rush (a corner at 40 Hz put nearly
// all of it where small speakers are silent).
constexpr double kBrownCornerHz = 200.0;
constexpr double kBrownHighPassHz = 60.0;
// Ocean: each wave washes in over 40 % of its length and draws back over the rest; as it
// rises, the noise opens from a low murmur to a brighter hiss, as surf does.
constexpr double kControlFrames = 64;
constexpr double kWaveMinSeconds = 8.0;
constexpr double kWaveMaxSeconds = 12.0;
constexpr double kWashIn = 0.4;
constexpr double kWashLowHz = 180.0;
constexpr double kWashHighHz = 1600.0;
constexpr double kTroughLevel = 0.25;

double one_pole(double corner_hz, int rate_hz) {
  return std::exp(-2.0 * std::numbers::pi * corner_hz / rate_hz);
}

// Variance of white noise (unit variance) through two one-pole low-passes with coefficient a:
// the sum of the squared impulse response (1-a)^2 (n+1) a^n.
double wash_variance(double a) {
  const double a2 = a * a;
  return std::pow(1 - a, 4) * (1 + a2) / std::pow(1 - a2, 3);
}

// Smoothstep: a fade whose slope is zero at both ends, so neither its start nor its end is a
// corner the ear picks up.
float ease(float x) { return x * x * (3.0F - 2.0F * x); }

float soft_knee(float x) {
  const float limit = AmbientBed::kPeak;
  const float knee = static_cast<float>(kKnee) * limit;
  const float magnitude = std::abs(x);
  if (magnitude <= knee) return x;
  const float over = (magnitude - knee) / (limit - knee);
  return std::copysign(knee + (limit - knee) * std::tanh(over), x);
}

}  // namespace

AmbientBed::AmbientBed(int rate_hz, std::uint64_t seed)
    : rate_hz_(rate_hz),
      // Zero is the one state xorshift never leaves.
      random_(seed == 0 ? 0x9E3779B97F4A7C15ULL : seed),
      leak_(one_pole(kBrownCornerHz, rate_hz)),
      dc_coeff_(one_pole(kBrownHighPassHz, rate_hz)),
      brown_norm_(1.0),
      session_(0, static_cast<float>(1.0 / (kFadeSeconds * rate_hz))),
      brown_gain_(0, static_cast<float>(1.0 / (kVolumeSeconds * rate_hz))),
      ocean_gain_(0, static_cast<float>(1.0 / (kVolumeSeconds * rate_hz))) {
  // The brown level depends on the filters, so it is measured once on a throwaway channel
  // (two seconds settle it) rather than derived; the stream then restarts from the seed.
  const std::uint64_t start = random_;
  Channel probe;
  double sum = 0;
  const int settle = rate_hz;
  const int measure = 2 * rate_hz;
  for (int i = 0; i < settle + measure; ++i) {
    const double x = brown_sample(probe);
    if (i >= settle) sum += x * x;
  }
  brown_norm_ = kRmsFraction * kPeak / std::sqrt(sum / measure);
  random_ = start;
  wave_step_ = 0;
  update_swell();
}

float AmbientBed::next_white() {
  random_ ^= random_ >> 12;
  random_ ^= random_ << 25;
  random_ ^= random_ >> 27;
  const std::uint64_t bits = (random_ * 0x2545F4914F6CDD1DULL) >> 40;  // 24 good bits
  return static_cast<float>(bits) * (2.0F / 16777216.0F) - 1.0F;
}

float AmbientBed::brown_sample(Channel& ch) {
  ch.brown = leak_ * ch.brown + next_white();
  ch.brown_dc = dc_coeff_ * ch.brown_dc + (1 - dc_coeff_) * ch.brown;
  return static_cast<float>((ch.brown - ch.brown_dc) * brown_norm_);
}

float AmbientBed::ocean_sample(Channel& ch, double coefficient) {
  // Uniform white noise has variance 1/3; the normalisation below assumes unit variance.
  const double white = std::numbers::sqrt3 * next_white();
  ch.wash1 = coefficient * ch.wash1 + (1 - coefficient) * white;
  ch.wash2 = coefficient * ch.wash2 + (1 - coefficient) * ch.wash1;
  return static_cast<float>(ch.wash2);
}

void AmbientBed::update_swell() {
  if (wave_step_ == 0 || wave_position_ >= 1) {
    // A new wave, of a length drawn from the seeded stream, so the sea never sounds looped.
    wave_position_ = wave_step_ == 0 ? 0 : wave_position_ - 1;
    const double u = 0.5 * (next_white() + 1.0F);
    const double seconds = kWaveMinSeconds + (kWaveMaxSeconds - kWaveMinSeconds) * u;
    wave_step_ = kControlFrames / (seconds * rate_hz_);
  }
  const double p = wave_position_;
  const double swell = p < kWashIn
                           ? 0.5 - 0.5 * std::cos(std::numbers::pi * p / kWashIn)
                           : 0.5 + 0.5 * std::cos(std::numbers::pi * (p - kWashIn) / (1 - kWashIn));
  const double corner = kWashLowHz + (kWashHighHz - kWashLowHz) * swell * swell;
  wash_coeff_ = one_pole(corner, rate_hz_);
  const double level = kTroughLevel + (1 - kTroughLevel) * swell;
  amp_from_ = amp_to_;
  amp_to_ = level * kRmsFraction * kPeak / std::sqrt(wash_variance(wash_coeff_));
  wave_position_ += wave_step_;
  control_left_ = static_cast<int>(kControlFrames);
}

void AmbientBed::set_volumes(float brown, float ocean) {
  brown = std::clamp(brown, 0.0F, 1.0F);
  ocean = std::clamp(ocean, 0.0F, 1.0F);
  if (session_.settled() && session_.value() == 0) {
    // No session, so nothing is heard and there is nothing to glide from: a session that
    // starts with the ocean chosen starts with the ocean, not with a crossfade from the
    // default. (Mid-session, even a bed turned on from off glides in.)
    brown_gain_.reset(brown);
    ocean_gain_.reset(ocean);
    return;
  }
  brown_gain_.set_target(brown);
  ocean_gain_.set_target(ocean);
}

void AmbientBed::set_active(bool active) { session_.set_target(active ? 1.0F : 0.0F); }

bool AmbientBed::silent() const {
  const bool no_session = session_.settled() && session_.value() == 0;
  const bool no_kind = brown_gain_.settled() && brown_gain_.value() == 0 && ocean_gain_.settled() &&
                       ocean_gain_.value() == 0;
  return no_session || no_kind;
}

void AmbientBed::render(float* out, int frames) {
  if (silent()) return;
  for (int i = 0; i < frames; ++i) {
    if (control_left_ == 0) update_swell();
    const float env = ease(session_.next());
    const float brown = brown_gain_.next();
    const float ocean = ocean_gain_.next();
    float left = 0;
    float right = 0;
    // Each kind's generator runs only while it can be heard; a paused generator resumes
    // under a rising gain, so its frozen state is never heard as a jump.
    if (brown > 0) {
      left += brown * soft_knee(brown_sample(left_));
      right += brown * soft_knee(brown_sample(right_));
    }
    if (ocean > 0) {
      const double t = 1.0 - static_cast<double>(control_left_) / kControlFrames;
      const auto amp = static_cast<float>(amp_from_ + (amp_to_ - amp_from_) * t);
      left += ocean * soft_knee(amp * ocean_sample(left_, wash_coeff_));
      right += ocean * soft_knee(amp * ocean_sample(right_, wash_coeff_));
    }
    --control_left_;
    out[2 * i] += env * left;
    out[2 * i + 1] += env * right;
  }
}

}  // namespace unknot::audio
