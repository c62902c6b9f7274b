// The ambient bed under a session: brown noise (a soft, even rumble) or an ocean-like swell,
// synthesized from seeded noise so an offline render is repeatable and no large file ships.
// Pure std; CueRenderer drives it.
#pragma once

#include <cstdint>

#include "audio/gain_ramp.h"

namespace unknot::audio {

class AmbientBed {
 public:
  // Peak at unity volume: -24 dBFS (design.md "Sound"); the level sits well under it.
  static constexpr float kPeak = 0.063F;

  AmbientBed(int rate_hz, std::uint64_t seed);

  // Target volume of each kind (0..1, mute already applied). Changes glide, so switching
  // kinds crossfades and a slider never clicks.
  void set_volumes(float brown, float ocean);
  // True while a session is loaded and has not ended: the bed fades in over 2 s, and out
  // over 2 s when it turns false.
  void set_active(bool active);
  // Adds `frames` frames of the bed into `out` (interleaved stereo). Allocates nothing; the
  // output depends only on the sequence of calls, not on how frames are split into blocks.
  void render(float* out, int frames);

  bool silent() const;

 private:
  struct Channel {
    double brown = 0;     // leaky integral of white noise
    double brown_dc = 0;  // its slow average, subtracted to keep sub-bass out
    double wash1 = 0;     // two low-pass stages of white noise for the ocean
    double wash2 = 0;
  };
  float next_white();
  float brown_sample(Channel& ch);
  float ocean_sample(Channel& ch, double coefficient);
  void update_swell();

  int rate_hz_;
  std::uint64_t random_;
  Channel left_;
  Channel right_;
  double leak_;        // brown-noise integrator leak (sets its low corner)
  double dc_coeff_;    // high-pass corner for the brown noise
  double brown_norm_;  // scales the brown noise to its target level
  // Ocean swell: one wave every 8-12 s (seeded), advanced per control period.
  int control_left_ = 0;
  double wave_position_ = 0;  // 0..1 through the current wave
  double wave_step_ = 0;      // per control period
  double wash_coeff_ = 0;     // low-pass coefficient for this control period
  double amp_from_ = 0;       // ocean amplitude (level x filter normalisation), gliding
  double amp_to_ = 0;
  GainRamp session_;
  GainRamp brown_gain_;
  GainRamp ocean_gain_;
};

}  // namespace unknot::audio
