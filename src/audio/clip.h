// A short sound held in memory: interleaved stereo float samples at one sample rate.
// Pure std; shared by the synthesizer, the voice loader and the renderer.
#pragma once

#include <cstdint>
#include <vector>

namespace unknot::audio {

struct Clip {
  int rate_hz = 0;
  std::vector<float> samples;  // L R L R …, nominal range -1..1

  std::int64_t frames() const { return static_cast<std::int64_t>(samples.size() / 2); }
  bool empty() const { return samples.empty(); }
};

}  // namespace unknot::audio
