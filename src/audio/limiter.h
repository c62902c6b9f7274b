// A look-ahead peak limiter for interleaved stereo: the output is the input delayed by
// latency() frames, with a gain that has already eased down before any sample (or the point
// midway between two samples, where inter-sample peaks hide) would pass the ceiling, and
// recovers slowly after. Below the ceiling it is a pure delay. Allocates only when built.
// Pure std.
#pragma once

#include <cstdint>
#include <vector>

namespace unknot::audio {

class PeakLimiter {
 public:
  // `ceiling` is the largest absolute value let through (linear, 0..1).
  PeakLimiter(int rate_hz, float ceiling, double lookahead_s = 0.0015, double release_s = 0.12);

  int latency() const { return lookahead_; }
  float ceiling() const { return ceiling_; }
  // Reads `frames` frames from `in` and writes the frames from latency() earlier to `out`
  // (which may not alias `in`). The result does not depend on how a stream is split.
  void process(const float* in, float* out, int frames);
  // The gain applied to the frame just written (1 when not limiting).
  float gain() const { return gain_; }
  // Nothing non-zero is still waiting in the delay.
  bool empty() const { return pending_ == 0; }

 private:
  float required_gain(float left, float right);
  bool at_rest() const;

  float ceiling_;
  int lookahead_;
  float release_step_;
  // Delay line for the samples (2 per frame) and, over the same window of lookahead + 1
  // frames, the required gains with a running minimum (monotonic queue) and the sum of the
  // held minima (their average eases the gain down over the window).
  std::vector<float> delay_;
  std::vector<float> held_;  // held minimum per frame in the window
  std::vector<std::int64_t> queue_index_;
  std::vector<float> queue_value_;
  std::size_t queue_head_ = 0;
  std::size_t queue_size_ = 0;
  double held_sum_ = 0;
  std::int64_t frame_ = 0;     // frames taken in so far
  std::size_t held_pos_ = 0;   // frame_ % held_.size()
  std::size_t delay_pos_ = 0;  // frame_ % lookahead_
  std::int64_t ones_run_ = 0;  // frames in a row that needed no gain reduction
  float gain_ = 1;
  float history_[3][2]{};  // the last three input frames, for the midpoint estimate
  int pending_ = 0;        // frames in the delay since the last non-zero input
};

}  // namespace unknot::audio
