// 16-bit quantisation with dither, shared by the WAV and FLAC writers: the same samples and seed
// give the very same 16-bit values in either file. Pure std.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace unknot::audio {

// Turns samples in -1..1 (clipped beyond) into 16-bit values, adding triangular (TPDF) dither
// from a seeded xorshift64* generator. The noise makes the rounding error independent of the
// signal, so quiet fades decay into a faint hiss instead of grainy distortion; being seeded, a
// render gives the same values every time. One quantizer carries its noise sequence across
// consecutive calls, so feeding samples in pieces gives what one call over them all would.
class Pcm16Quantizer {
 public:
  explicit Pcm16Quantizer(std::uint64_t seed) : state_(seed == 0 ? 0x9E3779B97F4A7C15ULL : seed) {}

  std::int16_t operator()(float sample) {
    const double a = uniform();  // in this order on every compiler
    const double b = uniform();
    const double scaled = static_cast<double>(sample) * 32767.0 + (a - b);
    return static_cast<std::int16_t>(std::clamp(std::lround(scaled), -32768L, 32767L));
  }

 private:
  double uniform() {
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    return static_cast<double>((state_ * 0x2545F4914F6CDD1DULL) >> 11) * 0x1.0p-53;
  }

  std::uint64_t state_;
};

}  // namespace unknot::audio
