#include "audio/resample.h"

#include <cmath>
#include <cstdint>
#include <numbers>
#include <numeric>
#include <stdexcept>

namespace unknot::audio {
namespace {

// Kernel reach in input samples either side (for upsampling; widened when downsampling so
// the lower cutoff gets as many zero crossings). 16 keeps the passband flat to ~0.9 of
// Nyquist at a cost that stays small for a few seconds of speech.
constexpr int kHalfTaps = 16;
// Cutoff as a fraction of the lower Nyquist: a little headroom for the transition band.
constexpr double kCutoff = 0.92;
// Kaiser window shape: about 80 dB of stopband, far below anything audible under a voice.
constexpr double kKaiserBeta = 8.0;
// Common rate pairs (24 kHz to 44.1 or 48 kHz) have few distinct phases, so their taps are
// computed once; an odd pair with thousands of phases computes taps as it goes.
constexpr std::int64_t kMaxTablePhases = 4096;

// Modified Bessel function of the first kind, order 0 (power series; converges fast for the
// arguments a Kaiser window uses).
double bessel_i0(double x) {
  double sum = 1;
  double term = 1;
  for (int k = 1; k < 50 && term > 1e-12 * sum; ++k) {
    const double half = x / (2.0 * k);
    term *= half * half;
    sum += term;
  }
  return sum;
}

class Kernel {
 public:
  Kernel(double cutoff, int half) : cutoff_(cutoff), half_(half), norm_(bessel_i0(kKaiserBeta)) {}

  int taps() const { return 2 * half_; }

  // Taps for an output sample at input time base + frac (0 <= frac < 1), applied to input
  // samples base - half + 1 .. base + half, normalised so a constant passes unchanged.
  void fill(double frac, std::vector<double>& out) const {
    out.resize(static_cast<std::size_t>(taps()));
    double sum = 0;
    for (int k = 0; k < taps(); ++k) {
      const double x = static_cast<double>(k - half_ + 1) - frac;  // distance in input samples
      const double r = x / static_cast<double>(half_);
      const double window = r * r >= 1 ? 0 : bessel_i0(kKaiserBeta * std::sqrt(1 - r * r)) / norm_;
      const double arg = std::numbers::pi * cutoff_ * x;
      const double sinc = x == 0 ? 1 : std::sin(arg) / arg;
      out[static_cast<std::size_t>(k)] = sinc * window;
      sum += out[static_cast<std::size_t>(k)];
    }
    for (double& tap : out) tap /= sum;
  }

 private:
  double cutoff_;
  int half_;
  double norm_;
};

}  // namespace

std::vector<float> resample(std::span<const float> input, int from_hz, int to_hz) {
  if (from_hz <= 0 || to_hz <= 0) throw std::invalid_argument("sample rates must be positive");
  if (from_hz == to_hz || input.empty()) return {input.begin(), input.end()};

  const std::int64_t g = std::gcd(from_hz, to_hz);
  const std::int64_t up = to_hz / g;
  const std::int64_t down = from_hz / g;
  const double ratio = static_cast<double>(to_hz) / from_hz;
  const double narrowing = std::min(1.0, ratio);
  const int half = static_cast<int>(std::ceil(kHalfTaps / narrowing));
  const Kernel kernel(kCutoff * narrowing, half);

  const auto in_size = static_cast<std::int64_t>(input.size());
  const std::int64_t out_size = (in_size * up + down - 1) / down;
  std::vector<float> output(static_cast<std::size_t>(out_size));

  const bool tabled = up <= kMaxTablePhases;
  std::vector<std::vector<double>> table;
  if (tabled) {
    table.resize(static_cast<std::size_t>(up));
    for (std::int64_t p = 0; p < up; ++p) {
      kernel.fill(static_cast<double>(p) / static_cast<double>(up),
                  table[static_cast<std::size_t>(p)]);
    }
  }
  std::vector<double> scratch;
  for (std::int64_t j = 0; j < out_size; ++j) {
    const std::int64_t base = j * down / up;
    const std::int64_t phase = j * down % up;
    const std::vector<double>* taps = nullptr;
    if (tabled) {
      taps = &table[static_cast<std::size_t>(phase)];
    } else {
      kernel.fill(static_cast<double>(phase) / static_cast<double>(up), scratch);
      taps = &scratch;
    }
    // Samples outside the clip count as silence, which is what they are.
    const std::int64_t first = base - half + 1;
    double acc = 0;
    for (int k = 0; k < kernel.taps(); ++k) {
      const std::int64_t i = first + k;
      if (i < 0 || i >= in_size) continue;
      acc += (*taps)[static_cast<std::size_t>(k)] * input[static_cast<std::size_t>(i)];
    }
    output[static_cast<std::size_t>(j)] = static_cast<float>(acc);
  }
  return output;
}

}  // namespace unknot::audio
