// Ogg Vorbis files: lossy stereo, a tenth of the WAV's size, streamed in constant memory and
// written safely. Pure std + POSIX + libvorbisenc.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>

#include "audio/flac_writer.h"  // AudioTags

namespace unknot::platform {
class AtomicFile;
}

namespace unknot::audio {

// Writes interleaved stereo samples (-1..1) at rate_hz as Ogg Vorbis, variable bit rate at
// quality 0.4 (about 128 kbit/s at 44.1 or 48 kHz). Shaped like WavWriter: the length is given
// first, write() takes consecutive interleaved samples, commit() renames the file into place
// once exactly `frames` frames were written; a decoder gives back exactly that many. The data
// goes to a temporary file beside `path` (mode 0666 less the umask); destroyed without
// commit(), or after any error, it leaves nothing at `path`. The same samples give the same
// bytes. Throws std::runtime_error naming the file, also for a rate Vorbis cannot encode.
class OggVorbisWriter {
 public:
  OggVorbisWriter(const std::filesystem::path& path, int rate_hz, std::int64_t frames,
                  const AudioTags& tags = {});
  ~OggVorbisWriter();
  OggVorbisWriter(const OggVorbisWriter&) = delete;
  OggVorbisWriter& operator=(const OggVorbisWriter&) = delete;

  void write(std::span<const float> interleaved);
  void commit();

 private:
  struct Encoder;
  // Encodes whatever the analysis has ready and writes out every finished page; `flush` also
  // the last, partly filled page.
  void drain(bool flush);
  void write_pages(bool flush);
  [[noreturn]] void fail(const std::string& what);

  std::filesystem::path path_;
  std::unique_ptr<platform::AtomicFile> file_;
  std::unique_ptr<Encoder> encoder_;
  std::int64_t frames_ = 0;
  std::int64_t written_ = 0;  // samples, both channels counted
};

}  // namespace unknot::audio
