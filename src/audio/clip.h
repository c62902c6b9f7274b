// A short sound held in memory: interleaved stereo float samples at one sample rate, and the
// names of the sounds that make up a step announcement. Pure std; shared by the synthesizer,
// the voice loader and the renderer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace unknot::audio {

struct Clip {
  int rate_hz = 0;
  std::vector<float> samples;  // L R L R …, nominal range -1..1

  std::int64_t frames() const { return static_cast<std::int64_t>(samples.size() / 2); }
  bool empty() const { return samples.empty(); }
};

// Clip names (assets/audio/<name>.ogg) of the two parts of a step announcement: the side word
// and the muscle ("side_left", "muscle_upper_trapezius").
inline std::string_view side_clip_name(bool left) { return left ? "side_left" : "side_right"; }
inline std::string muscle_clip_name(std::string_view muscle_id) {
  return "muscle_" + std::string(muscle_id);
}

}  // namespace unknot::audio
