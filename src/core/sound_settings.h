// What the person chose for sound: per-group volume and mute, side panning, the continuous breath
// tone and the ambient bed. Plain values shared by app (settings screen), storage (persisted)
// and audio (applied while mixing). Pure std.
#pragma once

#include <string_view>

namespace unknot::core {

enum class AmbientKind { Off, BrownNoise, Ocean };

struct SoundSettings {
  float voice_volume = 1.0f;    // 0..1, gain on the voice's -6 dBFS peaks
  float tone_volume = 1.0f;     // 0..1, gain on the -12 dBFS tones
  float ambient_volume = 0.6f;  // 0..1, gain on the -24 dBFS ambient bed
  bool voice_muted = false;
  bool tones_muted = false;
  bool ambient_muted = false;
  bool pan_sides = true;        // lean a left step's cues left, a right step's right
  bool breath_tone = false;     // a soft continuous tone that swells in and falls out
  AmbientKind ambient = AmbientKind::Off;

  float voice_gain() const { return voice_muted ? 0.0f : voice_volume; }
  float tone_gain() const { return tones_muted ? 0.0f : tone_volume; }
  float ambient_gain() const {
    return ambient_muted || ambient == AmbientKind::Off ? 0.0f : ambient_volume;
  }
  friend bool operator==(const SoundSettings&, const SoundSettings&) = default;
};

std::string_view ambient_name(AmbientKind kind);  // "off", "brown_noise", "ocean"

}  // namespace unknot::core
