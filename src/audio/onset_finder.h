// Finds where known sounds start in a recording, from the samples alone: how tests and the
// benchmark check that a render put each cue where it belongs. Pure std; not for the audio thread.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "audio/clip.h"

namespace unknot::audio {

// The frame in [expected - radius, expected + radius] at which the first `window` frames of
// `clip` best match `recording` (both interleaved stereo). The match is a cross-correlation
// of first differences summed over both channels, normalised by the recording's energy under
// the window: differencing weights the sharp detail of an attack over slow, low sounds, and
// normalising keeps a tone from matching best one period late, where its attack is louder.
// Frames before the recording count as silence; lags running past its end are skipped.
// Returns `expected` if no lag fits.
std::int64_t find_onset(std::span<const float> recording, const Clip& clip, std::int64_t expected,
                        int radius, int window);

struct SoundToFind {
  const Clip* clip = nullptr;  // the sound as it was mixed in (before gain and pan)
  std::int64_t expected = 0;   // where to look: the search covers expected +- radius
};

// Where each sound starts, for sounds that overlap (a chime ringing under the next one, a
// word spoken over a bell). A first pass matches each sound against the recording alone;
// then each is matched again against the recording minus every other sound, as found so far
// (scaled per channel by a least-squares gain, so panning and volume need not be known),
// until nothing moves. Results are in the order given.
std::vector<std::int64_t> find_onsets(std::span<const float> recording,
                                      std::span<const SoundToFind> sounds, int radius, int window);

}  // namespace unknot::audio
