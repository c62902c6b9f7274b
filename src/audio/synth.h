// Synthesised cue tones (design.md "Sound"): soft attacks, tails tapered to silence, peaks near
// -12 dBFS before levelling (prepare_sounds levels every clip by loudness). Three sound sets;
// in each, inhale, exhale and hold differ in register, timbre and shape, not only direction.
// Pure std.
#pragma once

#include "audio/clip.h"
#include "core/sound_settings.h"
#include "core/timeline.h"

namespace unknot::audio {

// The tone for a tone cue kind at rate_hz in a sound set; an empty clip for spoken kinds.
Clip synthesize_tone(core::CueKind kind, int rate_hz, core::SoundSet set = core::SoundSet::Chimes);

// Peak absolute sample of a clip (0 for an empty clip).
float peak(const Clip& clip);

}  // namespace unknot::audio
