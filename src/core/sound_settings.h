// What the person chose for sound: per-group volume and mute, side panning, the continuous breath
// tone and the ambient bed. Plain values shared by app (settings screen), storage (persisted)
// and audio (applied while mixing). Pure std.
#pragma once

#include <string_view>

namespace unknot::core {

enum class AmbientKind { Off, BrownNoise, Ocean };

// The family of tones that marks the breath and the steps. Each keeps inhale, exhale and hold
// apart by more than direction (register, timbre and a rising or falling shape), so they can
// be told apart with eyes closed.
enum class SoundSet {
  Chimes,  // glass chimes: a bright rising glide in, a darker falling one out, a wood tick
  Bowls,   // singing bowls: a small bowl swelling up in, a deep one settling out, a soft tap
  Pads,    // soft pads, nothing struck: a rising hum in, a lower falling hum out, a low pulse
};
inline constexpr int kSoundSetCount = 3;

struct SoundSettings {
  float voice_volume = 1.0f;    // 0..1, gain on the voice (clips levelled to one loudness)
  float tone_volume = 1.0f;     // 0..1, gain on the chimes, ticks and bell
  float ambient_volume = 0.6f;  // 0..1, gain on the ambient bed
  float breath_volume = 0.8f;   // 0..1, gain on the breath tone (its own layer, own switch)
  bool voice_muted = false;
  bool tones_muted = false;
  bool ambient_muted = false;
  bool pan_sides = true;     // lean a left step's cues left, a right step's right
  bool vibration = false;    // vibrate along with the session where a device can
  bool breath_tone = false;  // a soft continuous tone that swells in and falls out
  AmbientKind ambient = AmbientKind::Off;
  SoundSet sound_set = SoundSet::Chimes;

  float voice_gain() const { return voice_muted ? 0.0f : voice_volume; }
  float tone_gain() const { return tones_muted ? 0.0f : tone_volume; }
  float breath_gain() const { return breath_tone ? breath_volume : 0.0f; }
  float ambient_gain() const {
    return ambient_muted || ambient == AmbientKind::Off ? 0.0f : ambient_volume;
  }
  friend bool operator==(const SoundSettings&, const SoundSettings&) = default;
};

std::string_view ambient_name(AmbientKind kind);  // "off", "brown_noise", "ocean"
std::string_view sound_set_name(SoundSet set);    // "chimes", "bowls", "pads"

}  // namespace unknot::core
