// The continuous breath tone: a soft mid-register pad whose level follows the pacer's lung volume,
// so with eyes closed the sound itself swells on the in-breath and falls on the out-breath. Pure
// std; driven by CueRenderer, which owns the timing.
#pragma once

#include <array>

namespace unknot::audio {

class BreathTone {
 public:
  // Peak of the pad at full level and unity gain: about -20 dBFS, under the tones' -12.
  static constexpr float kPeak = 0.1F;

  // `segment_frames` is the control period: the level is set once per segment and glides
  // linearly across it.
  BreathTone(int rate_hz, int segment_frames);

  // Starts the next segment, gliding from where the last one ended to `level` (0..1).
  void begin_segment(float level);
  // Adds `count` frames into `out` (interleaved stereo), starting `position` frames into the
  // current segment. Each frame is scaled by gains[i], or by `gain` when gains is null.
  // Allocates nothing.
  void render(float* out, int count, int position, const float* gains, float gain);

  // Nothing sounding, and nothing about to: the caller may skip it.
  bool silent() const { return level_ == 0 && to_ == 0; }
  float level() const { return level_; }

 private:
  struct Oscillator {
    double cos = 1;  // current phasor
    double sin = 0;
    double step_cos = 1;  // rotation per frame
    double step_sin = 0;
  };
  int segment_frames_;
  float slew_;  // largest level change per frame
  float from_ = 0;
  float to_ = 0;
  float level_ = 0;
  std::array<Oscillator, 5> partials_{};
  double scale_ = 1;  // sum of partials -> kPeak
};

}  // namespace unknot::audio
