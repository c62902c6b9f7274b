// `unknot render-audio`: writes a whole guided session (a routine, or a breathing pattern for a
// length) as a WAV, FLAC or Ogg Vorbis file, optionally with the list of cue onsets it placed.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "core/sound_settings.h"

namespace CLI {
class App;
}

namespace unknot::cli {

enum class AudioFormat { Wav, Flac, Ogg };

// The format a file name asks for: .flac is FLAC, .ogg and .oga Ogg Vorbis (in any case),
// anything else WAV.
AudioFormat format_for_path(const std::filesystem::path& path);

struct RenderAudioOptions {
  std::string routine;                // a routine file, or a built-in routine id
  std::string pattern;                // or a breathing pattern id
  std::optional<int> minutes;         // pattern length; with neither, the pattern's suggested
  std::optional<int> breaths;         //   length (5 minutes if it has none)
  std::filesystem::path out;          // the audio file to write
  std::optional<AudioFormat> format;  // none: format_for_path(out); given, it wins
  std::filesystem::path cues;         // optional cue list (JSON)
  std::filesystem::path assets_dir;   // empty: found as the app finds it
  int rate_hz = 48000;
  core::SoundSettings sound;
};

// Renders and writes the files. Progress and a summary go to `out`; problems to `err`: a
// routine file's as "file:line:col: field: message". Returns 0 on success, 1 on bad input
// (unknown id, invalid routine, conflicting options) or a failed write, which never leaves a
// partial file behind.
int run_render_audio(const RenderAudioOptions& options, std::ostream& out, std::ostream& err);

// Adds the "render-audio" subcommand (--routine, --pattern, --minutes, --breaths, --out,
// --format wav|flac|ogg, --cues, --rate, --no-voice, --no-tones, --breath-tone, --ambient
// off|brown|ocean) writing into `options`, which must outlive parsing. Returns the subcommand:
// after parsing, a caller runs run_render_audio when it was given (`if (*sub)`).
CLI::App* add_render_audio_command(CLI::App& app, RenderAudioOptions& options);

}  // namespace unknot::cli
