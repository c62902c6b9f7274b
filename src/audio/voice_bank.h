// The recorded sounds (spoken cues, side words, muscle names) decoded from assets/audio/*.ogg,
// and the full set of cue sounds (those plus the synthesized tones) ready for a renderer.
// Needs libvorbisfile, no audio device: the live engine and the offline render share it.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "audio/clip.h"
#include "core/sound_settings.h"

namespace unknot::audio {

class VoiceBank {
 public:
  // Decodes every <name>.ogg in `dir` (mixed down to mono, edges faded to exact silence). A file
  // that cannot be decoded is skipped and described in `problems` ("say_hold.ogg: not an Ogg Vorbis
  // file"); a missing or unreadable folder gives an empty bank and one problem. Never throws for
  // bad files.
  static VoiceBank load(const std::filesystem::path& dir, std::vector<std::string>* problems);

  // Adds or replaces a sound (mono samples at rate_hz > 0); for tests and generated sounds.
  void add(std::string name, int rate_hz, std::span<const float> mono);

  // Moves the sounds whose names start with `prefix` into a bank of their own.
  VoiceBank take_prefixed(std::string_view prefix);

  bool has(std::string_view name) const;
  std::vector<std::string> names() const;  // sorted
  // Memory held by the samples (16-bit mono at the rates recorded): sum of Clip::bytes.
  std::size_t bytes() const;
  // The sound as a mono clip at rate_hz (resampled; the renderer pans it); empty if the bank
  // has no sound by that name.
  Clip clip(std::string_view name, int rate_hz) const;

 private:
  // Kept as 16-bit mono clips at the rate they were recorded at: the bank may hold many
  // sounds (every muscle name) for a whole run of the app.
  std::map<std::string, Clip, std::less<>> sounds_;
};

// The words each clip of a voice set says, from its WORDS.txt ("name|words" lines, written by
// scripts/make-voice.sh for a language other than English); empty when it has none.
std::map<std::string, std::string, std::less<>> read_voice_words(const std::filesystem::path& dir);

struct NamedClip {
  std::string name;  // core::cue_name for cue kinds; "side_left", "muscle_<id>" for the rest
  Clip clip;
};

// Every sound a session can use at rate_hz: the synthesized tones of a sound set under their
// cue names and every voice in the bank, each levelled by loudness (level_clip): every word to
// -18 LUFS, the tones a few LU under them.
std::vector<NamedClip> prepare_sounds(const VoiceBank& voices, int rate_hz,
                                      core::SoundSet set = core::SoundSet::Chimes);
// One voice of the bank at rate_hz, levelled like prepare_sounds' voices (empty if missing).
Clip prepare_voice(const VoiceBank& voices, std::string_view name, int rate_hz);
// Only the tones of a sound set, levelled (for switching sets while the voices stay).
std::vector<NamedClip> prepare_tones(int rate_hz, core::SoundSet set);

// The clip scaled to `target_lufs` (loudness.h, measured as it plays centred), any peak over
// `ceiling` eased down by a look-ahead limiter, and its edges faded (5 ms in, 10 ms out) so it
// rises out of and falls back into exact silence.
Clip level_clip(const Clip& clip, double target_lufs, float ceiling);

// Names of the voice clips a session expects that the bank lacks: spoken cue kinds and side
// words (muscle names are looked up per routine and may be missing; their captions still show).
std::vector<std::string> missing_voices(const VoiceBank& voices);

}  // namespace unknot::audio
