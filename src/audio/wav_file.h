// WAV files: 16-bit PCM stereo (what every player opens), written safely; and a reader for
// the same format, used by tests and the benchmark to check what was written. Pure std + POSIX.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <vector>

#include "audio/pcm16.h"

namespace unknot::platform {
class AtomicFile;
}

namespace unknot::audio {

// Writes interleaved stereo samples (-1..1, clipped beyond) at rate_hz as 16-bit PCM with
// TPDF dither (seeded, so the same input gives the same file). The data goes to a temporary
// file beside `path`, renamed over it only when complete: a failure never leaves a partial
// file at `path`. The file's mode follows the process umask. Throws std::runtime_error
// naming the file on any I/O error, or if the data would not fit a WAV file (4 GiB).
void write_wav(const std::filesystem::path& path, std::span<const float> interleaved, int rate_hz,
               std::uint64_t dither_seed = 1);

// write_wav in pieces, in constant memory: the same bytes for the same samples. The length is
// given first (the header holds it); write() takes consecutive interleaved stereo samples and
// commit() renames the file into place once exactly `frames` frames were written. Destroyed
// without commit(), it leaves nothing at `path`. Throws std::runtime_error naming the file.
class WavWriter {
 public:
  WavWriter(const std::filesystem::path& path, int rate_hz, std::int64_t frames,
            std::uint64_t dither_seed = 1);
  ~WavWriter();
  WavWriter(const WavWriter&) = delete;
  WavWriter& operator=(const WavWriter&) = delete;

  void write(std::span<const float> interleaved);
  void commit();

 private:
  void flush();

  std::filesystem::path path_;
  std::unique_ptr<platform::AtomicFile> file_;
  std::vector<unsigned char> buffer_;
  Pcm16Quantizer quantize_;
  std::int64_t frames_ = 0;
  std::int64_t written_ = 0;  // samples, both channels counted
};

struct WavAudio {
  int rate_hz = 0;
  int channels = 0;
  std::vector<float> samples;  // interleaved, sample / 32768
};

// Reads a 16-bit PCM WAV file. Throws std::runtime_error on anything else or a damaged file.
WavAudio read_wav(const std::filesystem::path& path);

}  // namespace unknot::audio
