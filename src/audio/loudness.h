// Loudness as people hear it, after ITU-R BS.1770 / EBU R128: K-weighted mean square in 100 ms
// slices, 400 ms blocks overlapping by 75 %, an absolute gate at -70 LUFS and a relative gate
// 10 LU under the ungated level. Used to level every clip to one loudness, to predict a
// session's loudness for the master stage, and by tests and the benchmark to check the result.
// Pure std.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "audio/clip.h"

namespace unknot::audio {

// The K-weighting pre-filter (a high shelf at about 1.7 kHz and a high pass at about 38 Hz),
// its coefficients derived for any sample rate.
class KWeighting {
 public:
  explicit KWeighting(int rate_hz);
  double process(double x);
  void reset();

 private:
  struct Biquad {
    double b0 = 1, b1 = 0, b2 = 0, a1 = 0, a2 = 0;
    double z1 = 0, z2 = 0;
    double process(double x) {
      const double y = b0 * x + z1;
      z1 = b1 * x - a1 * y + z2;
      z2 = b2 * x - a2 * y;
      return y;
    }
  };
  Biquad shelf_;
  Biquad high_pass_;
};

// Weighted energy per 100 ms slice (the sum over channels of the K-weighted mean square), the
// unit from which gated loudness is computed. Feed interleaved stereo in any block sizes.
class LoudnessMeter {
 public:
  explicit LoudnessMeter(int rate_hz);
  void add(std::span<const float> interleaved_stereo);
  // Slices so far; a last partial slice counts by the frames it has.
  std::vector<double> slices() const;
  // Gated integrated loudness in LUFS (-inf if everything is under the absolute gate).
  double integrated() const;
  // Largest absolute sample seen, and an estimate of the true peak from 4x oversampling.
  double sample_peak() const { return sample_peak_; }
  double true_peak() const { return true_peak_; }

 private:
  int rate_hz_;
  int slice_frames_;
  KWeighting left_;
  KWeighting right_;
  std::vector<double> slices_;
  double current_ = 0;
  int in_current_ = 0;
  double sample_peak_ = 0;
  double true_peak_ = 0;
  // The last few input samples per channel, for the oversampling interpolator: each written
  // twice, at i and i + taps, so the window ending at the newest is always contiguous.
  std::vector<double> history_left_;
  std::vector<double> history_right_;
  std::size_t newest_ = 0;
};

// Gated integrated loudness (LUFS) of a sequence of 100 ms slice energies: blocks of four
// slices stepping by one, absolute and relative gates. A sequence shorter than one block is
// measured as a single block over what there is. -inf when nothing passes the gates.
double gated_loudness(std::span<const double> slices);

// Loudness of energy `e` (sum over channels of the weighted mean square): -0.691 + 10 log10 e.
double loudness_of(double energy);

// Slice energies of a clip played centred at unity gain (a mono clip feeds both channels).
std::vector<double> clip_slices(const Clip& clip);
// Integrated loudness of a clip played centred at unity gain.
double clip_loudness(const Clip& clip);

// Frames per 100 ms slice at a rate.
int slice_frames(int rate_hz);

}  // namespace unknot::audio
