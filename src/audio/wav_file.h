// WAV files: 16-bit PCM stereo (what every player opens), written safely; and a reader for
// the same format, used by tests and the benchmark to check what was written. Pure std + POSIX.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <vector>

namespace unknot::audio {

// Writes interleaved stereo samples (-1..1, clipped beyond) at rate_hz as 16-bit PCM with
// TPDF dither (seeded, so the same input gives the same file). The data goes to a temporary
// file beside `path`, renamed over it only when complete: a failure never leaves a partial
// file at `path`. The file's mode follows the process umask. Throws std::runtime_error
// naming the file on any I/O error, or if the data would not fit a WAV file (4 GiB).
void write_wav(const std::filesystem::path& path, std::span<const float> interleaved, int rate_hz,
               std::uint64_t dither_seed = 1);

struct WavAudio {
  int rate_hz = 0;
  int channels = 0;
  std::vector<float> samples;  // interleaved, sample / 32768
};

// Reads a 16-bit PCM WAV file. Throws std::runtime_error on anything else or a damaged file.
WavAudio read_wav(const std::filesystem::path& path);

}  // namespace unknot::audio
