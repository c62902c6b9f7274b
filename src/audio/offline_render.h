// Renders a whole guided session to memory, faster than real time, through the same
// CueRenderer the live engine uses; for `unknot render-audio`, tests and the benchmark.
// Pure std (voice clips come from a VoiceBank, which needs no audio device).
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "audio/cue_renderer.h"
#include "audio/voice_bank.h"
#include "core/sound_settings.h"
#include "core/timeline.h"

namespace unknot::audio {

struct PlacedCue {
  core::Cue cue;           // as the timeline lists it (kind, onset, step, side)
  std::string caption;     // Timeline::cue_caption: the words on screen ("" for tones)
  double seconds = 0;      // timeline time at which it sounds (frame_of_time of the cue's onset,
                           // later for a word that waited for the one before it, and for the
                           // end bell that waited for the last words); negative in the countdown
  std::int64_t frame = 0;  // frame of the rendered audio at which the cue starts
};

struct RenderedSession {
  int rate_hz = 0;
  std::vector<float> samples;     // interleaved stereo, -1..1
  std::int64_t origin_frame = 0;  // frame of timeline time 0 (the countdown lies before it)
  // Cues that were heard, in onset order: muted groups and cues without a clip are left out.
  // A step announcement is one entry, at its first word.
  std::vector<PlacedCue> cues;
  double master_gain_db = 0;  // the master stage's gain (CueRenderer::master_gain_db)
  double predicted_lufs = 0;  // the loudness it was set from

  std::int64_t frames() const { return static_cast<std::int64_t>(samples.size() / 2); }
};

// The session from the first countdown cue (frame 0) to the end of the last sound (the end
// bell's tail, the bed's fade), with a short fade-out at the very end. A cue with timeline
// onset t starts at frame origin_frame + frame_of_time(t, rate_hz), exactly. Deterministic:
// the same inputs give the same samples. rate_hz must be positive (std::invalid_argument).
RenderedSession render_session(const core::Timeline& timeline, const core::SoundSettings& settings,
                               std::span<const NamedClip> sounds, int rate_hz);
// The same with the sounds prepared from a voice bank (tones of settings.sound_set synthesized,
// voices resampled, all levelled).
RenderedSession render_session(const core::Timeline& timeline, const core::SoundSettings& settings,
                               const VoiceBank& voices, int rate_hz);

// Where a streamed render goes: begin() once with the whole length, then write() with
// consecutive blocks of interleaved stereo samples (a few thousand frames each) until all of
// them are given.
class SampleSink {
 public:
  virtual ~SampleSink() = default;
  virtual void begin(std::int64_t frames, int rate_hz) = 0;
  virtual void write(std::span<const float> interleaved) = 0;
};

// The same samples as render_session, handed to `sink` block by block instead of kept, so a
// session of any length renders in constant memory. The result's samples stay empty; frames()
// of the result is then 0, and the length is what begin() was told. `layers` keeps only some
// layers in the output (analysis; CueRenderer::set_solo), everything else as in the full mix.
RenderedSession render_session_to(const core::Timeline& timeline,
                                  const core::SoundSettings& settings,
                                  std::span<const NamedClip> sounds, int rate_hz, SampleSink& sink,
                                  unsigned layers = kAllLayers);

}  // namespace unknot::audio
