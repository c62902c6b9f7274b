#include "audio/loudness.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace unknot::audio {
namespace {

constexpr double kAbsoluteGate = -70.0;
constexpr double kRelativeGate = -10.0;
constexpr int kSlicesPerBlock = 4;  // 400 ms blocks of 100 ms slices: 75 % overlap

// True-peak estimate: 4x oversampling with a windowed-sinc interpolator 12 taps long.
constexpr int kTaps = 12;
constexpr int kPhases = 3;  // the three points between two samples

struct Interpolator {
  double h[kPhases][kTaps]{};
  Interpolator() {
    for (int p = 0; p < kPhases; ++p) {
      const double f = (p + 1) / 4.0;
      for (int j = 0; j < kTaps; ++j) {
        const double t = (kTaps / 2 - 1 + f) - j;  // distance from tap j to the point
        const double sinc = std::sin(std::numbers::pi * t) / (std::numbers::pi * t);
        const double w = 0.5 + 0.5 * std::cos(std::numbers::pi * t / (kTaps / 2));
        h[p][j] = sinc * w;
      }
    }
  }
};

const Interpolator& interpolator() {
  static const Interpolator kInterpolator;
  return kInterpolator;
}

}  // namespace

KWeighting::KWeighting(int rate_hz) {
  const double fs = rate_hz;
  {
    // Stage 1: the head's high shelf, +4 dB above about 1.7 kHz.
    const double f0 = 1681.974450955533;
    const double gain_db = 3.999843853973347;
    const double q = 0.7071752369554196;
    const double k = std::tan(std::numbers::pi * f0 / fs);
    const double vh = std::pow(10.0, gain_db / 20.0);
    const double vb = std::pow(vh, 0.4996667741545416);
    const double a0 = 1.0 + k / q + k * k;
    shelf_.b0 = (vh + vb * k / q + k * k) / a0;
    shelf_.b1 = 2.0 * (k * k - vh) / a0;
    shelf_.b2 = (vh - vb * k / q + k * k) / a0;
    shelf_.a1 = 2.0 * (k * k - 1.0) / a0;
    shelf_.a2 = (1.0 - k / q + k * k) / a0;
  }
  {
    // Stage 2: the RLB high pass at about 38 Hz.
    const double f0 = 38.13547087602444;
    const double q = 0.5003270373238773;
    const double k = std::tan(std::numbers::pi * f0 / fs);
    const double a0 = 1.0 + k / q + k * k;
    high_pass_.b0 = 1.0;
    high_pass_.b1 = -2.0;
    high_pass_.b2 = 1.0;
    high_pass_.a1 = 2.0 * (k * k - 1.0) / a0;
    high_pass_.a2 = (1.0 - k / q + k * k) / a0;
  }
}

double KWeighting::process(double x) { return high_pass_.process(shelf_.process(x)); }

void KWeighting::reset() {
  shelf_.z1 = shelf_.z2 = 0;
  high_pass_.z1 = high_pass_.z2 = 0;
}

int slice_frames(int rate_hz) { return std::max(1, (rate_hz + 5) / 10); }

double loudness_of(double energy) {
  if (!(energy > 0)) return -std::numeric_limits<double>::infinity();
  return -0.691 + 10.0 * std::log10(energy);
}

double gated_loudness(std::span<const double> slices) {
  if (slices.empty()) return -std::numeric_limits<double>::infinity();
  std::vector<double> blocks;
  if (slices.size() < kSlicesPerBlock) {
    double sum = 0;
    for (const double s : slices) sum += s;
    blocks.push_back(sum / static_cast<double>(slices.size()));
  } else {
    blocks.reserve(slices.size());
    for (std::size_t i = 0; i + kSlicesPerBlock <= slices.size(); ++i) {
      double sum = 0;
      for (int j = 0; j < kSlicesPerBlock; ++j) sum += slices[i + static_cast<std::size_t>(j)];
      blocks.push_back(sum / kSlicesPerBlock);
    }
  }
  auto mean_above = [&](double gate) {
    double sum = 0;
    std::size_t n = 0;
    for (const double b : blocks) {
      if (loudness_of(b) > gate) {
        sum += b;
        ++n;
      }
    }
    return n == 0 ? 0.0 : sum / static_cast<double>(n);
  };
  const double ungated = mean_above(kAbsoluteGate);
  if (!(ungated > 0)) return -std::numeric_limits<double>::infinity();
  const double relative = loudness_of(ungated) + kRelativeGate;
  return loudness_of(mean_above(std::max(kAbsoluteGate, relative)));
}

LoudnessMeter::LoudnessMeter(int rate_hz)
    : rate_hz_(rate_hz),
      slice_frames_(slice_frames(rate_hz)),
      left_(rate_hz),
      right_(rate_hz),
      history_left_(2 * kTaps, 0.0),
      history_right_(2 * kTaps, 0.0) {}

void LoudnessMeter::add(std::span<const float> interleaved) {
  const Interpolator& ip = interpolator();
  for (std::size_t i = 0; i + 1 < interleaved.size(); i += 2) {
    const double l = interleaved[i];
    const double r = interleaved[i + 1];
    const double kl = left_.process(l);
    const double kr = right_.process(r);
    current_ += kl * kl + kr * kr;
    if (++in_current_ == slice_frames_) {
      slices_.push_back(current_ / slice_frames_);
      current_ = 0;
      in_current_ = 0;
    }
    sample_peak_ = std::max({sample_peak_, std::abs(l), std::abs(r)});
    newest_ = (newest_ + 1) % kTaps;
    history_left_[newest_] = history_left_[newest_ + kTaps] = l;
    history_right_[newest_] = history_right_[newest_ + kTaps] = r;
    // The last kTaps samples, oldest first.
    const double* wl = history_left_.data() + newest_ + 1;
    const double* wr = history_right_.data() + newest_ + 1;
    double peak = std::max(std::abs(l), std::abs(r));
    for (int p = 0; p < kPhases; ++p) {
      double yl = 0;
      double yr = 0;
      for (int j = 0; j < kTaps; ++j) {
        yl += wl[j] * ip.h[p][j];
        yr += wr[j] * ip.h[p][j];
      }
      peak = std::max({peak, std::abs(yl), std::abs(yr)});
    }
    true_peak_ = std::max(true_peak_, peak);
  }
}

std::vector<double> LoudnessMeter::slices() const {
  std::vector<double> out = slices_;
  if (in_current_ > 0) out.push_back(current_ / in_current_);
  return out;
}

double LoudnessMeter::integrated() const {
  const std::vector<double> all = slices();
  return gated_loudness(all);
}

std::vector<double> clip_slices(const Clip& clip) {
  std::vector<double> out;
  if (clip.empty()) return out;
  KWeighting left(clip.rate_hz());
  KWeighting right(clip.rate_hz());
  const int per_slice = slice_frames(clip.rate_hz());
  double sum = 0;
  int in_slice = 0;
  for (std::int64_t f = 0; f < clip.frames(); ++f) {
    const double kl = left.process(clip.sample(f, 0));
    if (clip.channels() == 2) {
      const double kr = right.process(clip.sample(f, 1));
      sum += kl * kl + kr * kr;
    } else {
      sum += 2.0 * kl * kl;  // both channels carry it
    }
    if (++in_slice == per_slice) {
      out.push_back(sum / per_slice);
      sum = 0;
      in_slice = 0;
    }
  }
  // The last partial slice, as a whole slice's worth of energy spread over 100 ms: it is
  // what a meter running on past the clip's end would see.
  if (in_slice > 0) out.push_back(sum / per_slice);
  return out;
}

double clip_loudness(const Clip& clip) {
  std::vector<double> slices = clip_slices(clip);
  // A clip shorter than a block is measured over its sounding part only.
  if (slices.size() < kSlicesPerBlock && !clip.empty()) {
    const int per_slice = slice_frames(clip.rate_hz());
    double total = 0;
    for (const double s : slices) total += s * per_slice;
    return loudness_of(total / static_cast<double>(clip.frames()));
  }
  return gated_loudness(slices);
}

}  // namespace unknot::audio
