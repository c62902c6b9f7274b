#include "audio/clip.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace unknot::audio {

std::int16_t to_clip_sample(float value) {
  const float scaled = std::clamp(value * kClipScale, -32768.0F, 32767.0F);
  return static_cast<std::int16_t>(std::lround(scaled));
}

Clip::Clip(int rate_hz, int channels, std::span<const float> samples)
    : rate_hz_(rate_hz), channels_(channels), stored_(samples.size()) {
  std::transform(samples.begin(), samples.end(), stored_.begin(), to_clip_sample);
}

Clip Clip::mono(int rate_hz, std::span<const float> samples) { return Clip(rate_hz, 1, samples); }

Clip Clip::stereo(int rate_hz, std::span<const float> interleaved) {
  if (interleaved.size() % 2 != 0) throw std::invalid_argument("stereo samples come in pairs");
  return Clip(rate_hz, 2, interleaved);
}

std::vector<float> Clip::to_stereo() const {
  std::vector<float> out(static_cast<std::size_t>(2 * frames()));
  for (std::int64_t i = 0; i < frames(); ++i) {
    out[static_cast<std::size_t>(2 * i)] = sample(i, 0);
    out[static_cast<std::size_t>(2 * i + 1)] = sample(i, 1);
  }
  return out;
}

}  // namespace unknot::audio
