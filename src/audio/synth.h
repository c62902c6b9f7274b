// Synthesised cue tones (design.md "Sound"): soft attacks, peaks near -12 dBFS. Pure std.
#pragma once

#include "audio/clip.h"
#include "core/timeline.h"

namespace unknot::audio {

// The tone for a tone cue kind at rate_hz; an empty clip for spoken kinds.
Clip synthesize_tone(core::CueKind kind, int rate_hz);

// Peak absolute sample of a clip (0 for an empty clip).
float peak(const Clip& clip);

}  // namespace unknot::audio
