#include "audio/wav_file.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <stdexcept>
#include <string>

#include "desktop/atomic_file.h"

namespace unknot::audio {
namespace {

namespace fs = std::filesystem;

constexpr int kChannels = 2;
constexpr int kBytesPerSample = 2;
constexpr std::size_t kHeaderBytes = 44;
constexpr std::size_t kChunkBytes = 1 << 16;

std::runtime_error io_error(const fs::path& path, const std::string& what) {
  return std::runtime_error(path.string() + ": " + what);
}

void put_u16(std::vector<unsigned char>& out, std::uint32_t v) {
  out.push_back(static_cast<unsigned char>(v & 0xFF));
  out.push_back(static_cast<unsigned char>((v >> 8) & 0xFF));
}

void put_u32(std::vector<unsigned char>& out, std::uint32_t v) {
  put_u16(out, v & 0xFFFF);
  put_u16(out, v >> 16);
}

void put_tag(std::vector<unsigned char>& out, const char* tag) {
  out.insert(out.end(), tag, tag + 4);
}

std::uint32_t get_u32(const unsigned char* p) {
  return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
         static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}

std::uint16_t get_u16(const unsigned char* p) {
  return static_cast<std::uint16_t>(p[0] | p[1] << 8);
}

}  // namespace

WavWriter::WavWriter(const fs::path& path, int rate_hz, std::int64_t frames,
                     std::uint64_t dither_seed)
    : path_(path), quantize_(dither_seed), frames_(frames) {
  if (rate_hz <= 0) throw io_error(path, "the sample rate must be positive");
  if (frames < 0) throw io_error(path, "a negative length");
  const std::uint64_t data_bytes = static_cast<std::uint64_t>(frames) * kChannels * kBytesPerSample;
  if (data_bytes + kHeaderBytes - 8 > std::numeric_limits<std::uint32_t>::max()) {
    throw io_error(path, "too long for a WAV file (4 GiB at most)");
  }
  const auto data_size = static_cast<std::uint32_t>(data_bytes);
  const auto rate = static_cast<std::uint32_t>(rate_hz);
  buffer_.reserve(kChunkBytes + kHeaderBytes);
  put_tag(buffer_, "RIFF");
  put_u32(buffer_, data_size + static_cast<std::uint32_t>(kHeaderBytes) - 8);
  put_tag(buffer_, "WAVE");
  put_tag(buffer_, "fmt ");
  put_u32(buffer_, 16);  // PCM format chunk size
  put_u16(buffer_, 1);   // PCM
  put_u16(buffer_, kChannels);
  put_u32(buffer_, rate);
  put_u32(buffer_, rate * kChannels * kBytesPerSample);
  put_u16(buffer_, kChannels * kBytesPerSample);
  put_u16(buffer_, 8 * kBytesPerSample);
  put_tag(buffer_, "data");
  put_u32(buffer_, data_size);
  file_ = std::make_unique<platform::AtomicFile>(path, 0666);  // sound: the umask decides
}

WavWriter::~WavWriter() = default;

void WavWriter::write(std::span<const float> interleaved) {
  if (static_cast<std::int64_t>(interleaved.size()) > 2 * frames_ - written_) {
    throw io_error(path_, "more samples than the length given");
  }
  // The quantizer lives in the writer, so the dither runs on across pieces exactly as it would
  // over one buffer.
  for (const float sample : interleaved) {
    put_u16(buffer_, static_cast<std::uint32_t>(quantize_(sample)) & 0xFFFF);
    if (buffer_.size() >= kChunkBytes) flush();
  }
  written_ += static_cast<std::int64_t>(interleaved.size());
}

void WavWriter::flush() {
  file_->write(buffer_.data(), buffer_.size());
  buffer_.clear();
}

void WavWriter::commit() {
  if (written_ != 2 * frames_) throw io_error(path_, "fewer samples than the length given");
  flush();
  file_->commit();
}

void write_wav(const fs::path& path, std::span<const float> interleaved, int rate_hz,
               std::uint64_t dither_seed) {
  const std::size_t frames = interleaved.size() / kChannels;
  WavWriter writer(path, rate_hz, static_cast<std::int64_t>(frames), dither_seed);
  writer.write(interleaved.first(frames * kChannels));
  writer.commit();
}

WavAudio read_wav(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::error_code ec;
  const auto file_bytes = fs::file_size(path, ec);
  if (!in || ec) throw io_error(path, "cannot open");
  std::vector<unsigned char> bytes(static_cast<std::size_t>(file_bytes));
  in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (static_cast<std::size_t>(in.gcount()) != bytes.size()) throw io_error(path, "cannot read");
  if (bytes.size() < 12 || std::memcmp(bytes.data(), "RIFF", 4) != 0 ||
      std::memcmp(bytes.data() + 8, "WAVE", 4) != 0) {
    throw io_error(path, "not a WAV file");
  }
  WavAudio out;
  bool have_format = false;
  for (std::size_t at = 12; at + 8 <= bytes.size();) {
    const unsigned char* chunk = bytes.data() + at;
    const std::size_t size = get_u32(chunk + 4);
    if (at + 8 + size > bytes.size()) throw io_error(path, "damaged WAV file (chunk past the end)");
    const unsigned char* body = chunk + 8;
    if (std::memcmp(chunk, "fmt ", 4) == 0) {
      if (size < 16 || get_u16(body) != 1 || get_u16(body + 14) != 16) {
        throw io_error(path, "only 16-bit PCM WAV files are supported");
      }
      out.channels = get_u16(body + 2);
      out.rate_hz = static_cast<int>(get_u32(body + 4));
      have_format = true;
    } else if (std::memcmp(chunk, "data", 4) == 0) {
      if (!have_format) throw io_error(path, "damaged WAV file (data before format)");
      out.samples.resize(size / 2);
      for (std::size_t i = 0; i < out.samples.size(); ++i) {
        const auto raw = static_cast<std::int16_t>(get_u16(body + 2 * i));
        out.samples[i] = static_cast<float>(raw) / 32768.0F;
      }
      return out;
    }
    at += 8 + size + (size % 2);  // chunks are padded to an even size
  }
  throw io_error(path, "damaged WAV file (no data)");
}

}  // namespace unknot::audio
