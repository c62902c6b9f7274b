// FLAC files: lossless 16-bit stereo, about half the size of the WAV, streamed in constant
// memory and written safely. Pure std + POSIX + libFLAC.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "audio/pcm16.h"

namespace unknot::platform {
class AtomicFile;
}

namespace unknot::audio {

// Words a player shows for a file (Vorbis comments, as FLAC and Ogg Vorbis both keep them).
// Empty ones are left out.
struct AudioTags {
  std::string title;
  std::string encoder;
};

// Writes interleaved stereo samples (-1..1, clipped beyond) at rate_hz as 16-bit FLAC,
// compression level 5, quantised with the dither WavWriter uses: the same samples and seed
// decode to exactly the values the WAV file holds. Shaped like WavWriter: the length is given
// first, write() takes consecutive interleaved samples, commit() renames the file into place
// once exactly `frames` frames were written. The data goes to a temporary file beside `path`
// (mode 0666 less the umask); destroyed without commit(), or after any error, it leaves
// nothing at `path`. The stream info (length, MD5 of the audio) and a seek table (a point
// every 10 seconds) are filled in at the end. Throws std::runtime_error naming the file.
class FlacWriter {
 public:
  FlacWriter(const std::filesystem::path& path, int rate_hz, std::int64_t frames,
             const AudioTags& tags = {}, std::uint64_t dither_seed = 1);
  ~FlacWriter();
  FlacWriter(const FlacWriter&) = delete;
  FlacWriter& operator=(const FlacWriter&) = delete;

  void write(std::span<const float> interleaved);
  void commit();

  // For libFLAC's callbacks only: the encoder's output goes through these.
  bool output(const unsigned char* bytes, std::size_t size);
  bool seek(std::uint64_t offset);
  std::uint64_t tell() const { return position_; }

 private:
  struct Encoder;
  void flush_output();
  [[noreturn]] void fail(const std::string& what);

  std::filesystem::path path_;
  std::unique_ptr<platform::AtomicFile> file_;
  std::unique_ptr<Encoder> encoder_;
  Pcm16Quantizer quantize_;
  std::vector<std::int32_t> pcm_;       // one block of quantised samples for the encoder
  std::vector<unsigned char> pending_;  // encoded bytes not yet written to the file
  std::uint64_t position_ = 0;          // where the encoder's next bytes go
  std::uint64_t end_ = 0;               // bytes in the file and `pending_` together
  std::string output_error_;            // why the last output() failed
  std::int64_t frames_ = 0;
  std::int64_t written_ = 0;  // samples, both channels counted
};

}  // namespace unknot::audio
