// Sample-rate conversion for recorded sounds (voice clips made at 24 kHz, played at the
// device's rate). Windowed-sinc, deterministic, pure std. Not for the audio thread.
#pragma once

#include <span>
#include <vector>

namespace unknot::audio {

// `input` (mono, at from_hz) at to_hz: ceil(size * to_hz / from_hz) samples, with output
// sample j taken at input time j * from_hz / to_hz, so a sound starting at input sample 0
// still starts at output sample 0. Content above the lower Nyquist frequency is removed;
// a constant input stays exactly constant away from the ends. Rates must be positive
// (std::invalid_argument otherwise); equal rates return the input unchanged.
std::vector<float> resample(std::span<const float> input, int from_hz, int to_hz);

}  // namespace unknot::audio
