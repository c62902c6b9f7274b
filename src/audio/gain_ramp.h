// A gain that glides to its target at a fixed rate, one step per frame, so no level change in
// the mix is ever a step a listener could hear as a click. Pure std.
#pragma once

#include <algorithm>

namespace unknot::audio {

class GainRamp {
 public:
  GainRamp() = default;
  // `step` is the largest change per frame (> 0); the ramp starts settled at `value`.
  GainRamp(float value, float step) : value_(value), target_(value), step_(step) {}

  void set_target(float target) { target_ = target; }
  // Jumps straight to `value`: only for when nothing is sounding through this gain.
  void reset(float value) { value_ = target_ = value; }
  float target() const { return target_; }
  float value() const { return value_; }
  bool settled() const { return value_ == target_; }

  // Moves one frame towards the target and returns the new value. Landing exactly on the
  // target (not within a rounding error of it) is what lets callers skip settled ramps.
  float next() {
    if (value_ < target_) {
      value_ = std::min(target_, value_ + step_);
    } else if (value_ > target_) {
      value_ = std::max(target_, value_ - step_);
    }
    return value_;
  }

  // The next `frames` values, for a block of samples.
  void fill(float* gains, int frames) {
    for (int i = 0; i < frames; ++i) gains[i] = next();
  }

 private:
  float value_ = 0;
  float target_ = 0;
  float step_ = 1;
};

}  // namespace unknot::audio
