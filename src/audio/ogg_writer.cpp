#include "audio/ogg_writer.h"

#include <ogg/ogg.h>
#include <vorbis/codec.h>
#include <vorbis/vorbisenc.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "desktop/atomic_file.h"

namespace unknot::audio {
namespace {

constexpr int kChannels = 2;
constexpr float kQuality = 0.4F;    // oggenc -q 4: transparent for voices, chimes and noise
constexpr int kBlockFrames = 4096;  // handed to the analysis at a time
constexpr std::size_t kOutputBytes = 1 << 16;
// Any fixed number: a stream's serial only has to differ from others chained in one file,
// and a fixed one keeps the output the same for the same samples.
constexpr int kStreamSerial = 0x556E6B74;

}  // namespace

// libvorbis' and libogg's state, each part cleared only if it was set up.
struct OggVorbisWriter::Encoder {
  vorbis_info info{};
  vorbis_comment comments{};
  vorbis_dsp_state dsp{};
  vorbis_block block{};
  ogg_stream_state stream{};
  bool have_dsp = false;
  bool have_block = false;
  bool have_stream = false;
  std::vector<unsigned char> pending;  // finished pages not yet written to the file

  Encoder() {
    vorbis_info_init(&info);
    vorbis_comment_init(&comments);
  }
  Encoder(const Encoder&) = delete;
  Encoder& operator=(const Encoder&) = delete;
  ~Encoder() {
    if (have_stream) ogg_stream_clear(&stream);
    if (have_block) vorbis_block_clear(&block);
    if (have_dsp) vorbis_dsp_clear(&dsp);
    vorbis_comment_clear(&comments);
    vorbis_info_clear(&info);
  }
};

OggVorbisWriter::OggVorbisWriter(const std::filesystem::path& path, int rate_hz,
                                 std::int64_t frames, const AudioTags& tags)
    : path_(path), encoder_(std::make_unique<Encoder>()), frames_(frames) {
  if (rate_hz <= 0) fail("the sample rate must be positive");
  if (frames < 0) fail("a negative length");
  Encoder& e = *encoder_;
  if (vorbis_encode_init_vbr(&e.info, kChannels, rate_hz, kQuality) != 0) {
    fail("Ogg Vorbis cannot encode at " + std::to_string(rate_hz) +
         " Hz; choose another --rate or format");
  }
  if (!tags.title.empty()) vorbis_comment_add_tag(&e.comments, "TITLE", tags.title.c_str());
  if (!tags.encoder.empty()) vorbis_comment_add_tag(&e.comments, "ENCODER", tags.encoder.c_str());
  if (vorbis_analysis_init(&e.dsp, &e.info) != 0) fail("cannot start the Vorbis encoder");
  e.have_dsp = true;
  if (vorbis_block_init(&e.dsp, &e.block) != 0) fail("cannot start the Vorbis encoder");
  e.have_block = true;
  if (ogg_stream_init(&e.stream, kStreamSerial) != 0) fail("cannot start the Ogg stream");
  e.have_stream = true;

  file_ = std::make_unique<platform::AtomicFile>(path, 0666);  // sound: the umask decides
  e.pending.reserve(kOutputBytes + 8192);
  // The three header packets; the first page holds only the first, as the spec asks.
  ogg_packet identification;
  ogg_packet comment;
  ogg_packet codebooks;
  if (vorbis_analysis_headerout(&e.dsp, &e.comments, &identification, &comment, &codebooks) != 0 ||
      ogg_stream_packetin(&e.stream, &identification) != 0 ||
      ogg_stream_packetin(&e.stream, &comment) != 0 ||
      ogg_stream_packetin(&e.stream, &codebooks) != 0) {
    fail("cannot write the Vorbis headers");
  }
  write_pages(true);  // audio starts on a page of its own
}

OggVorbisWriter::~OggVorbisWriter() = default;

void OggVorbisWriter::fail(const std::string& what) {
  throw std::runtime_error(path_.string() + ": " + what);
}

void OggVorbisWriter::write(std::span<const float> interleaved) {
  if (static_cast<std::int64_t>(interleaved.size()) > 2 * frames_ - written_) {
    fail("more samples than the length given");
  }
  if (interleaved.size() % kChannels != 0) fail("half a stereo frame");
  Encoder& e = *encoder_;
  while (!interleaved.empty()) {
    const int count =
        static_cast<int>(std::min<std::size_t>(kBlockFrames, interleaved.size() / kChannels));
    float** channels = vorbis_analysis_buffer(&e.dsp, count);
    for (int i = 0; i < count; ++i) {
      channels[0][i] = interleaved[static_cast<std::size_t>(2 * i)];
      channels[1][i] = interleaved[static_cast<std::size_t>(2 * i + 1)];
    }
    if (vorbis_analysis_wrote(&e.dsp, count) != 0) fail("cannot encode Vorbis");
    drain(false);
    interleaved = interleaved.subspan(static_cast<std::size_t>(count) * kChannels);
    written_ += static_cast<std::int64_t>(count) * kChannels;
  }
}

void OggVorbisWriter::drain(bool flush) {
  Encoder& e = *encoder_;
  while (vorbis_analysis_blockout(&e.dsp, &e.block) == 1) {
    if (vorbis_analysis(&e.block, nullptr) != 0 || vorbis_bitrate_addblock(&e.block) != 0) {
      fail("cannot encode Vorbis");
    }
    ogg_packet packet;
    while (vorbis_bitrate_flushpacket(&e.dsp, &packet) == 1) {
      if (ogg_stream_packetin(&e.stream, &packet) != 0) fail("cannot encode Vorbis");
      write_pages(false);
    }
  }
  if (flush) write_pages(true);
}

void OggVorbisWriter::write_pages(bool flush) {
  Encoder& e = *encoder_;
  ogg_page page;
  while ((flush ? ogg_stream_flush(&e.stream, &page) : ogg_stream_pageout(&e.stream, &page)) != 0) {
    e.pending.insert(e.pending.end(), page.header, page.header + page.header_len);
    e.pending.insert(e.pending.end(), page.body, page.body + page.body_len);
  }
  if (flush || e.pending.size() >= kOutputBytes) {
    file_->write(e.pending.data(), e.pending.size());
    e.pending.clear();
  }
}

void OggVorbisWriter::commit() {
  if (written_ != 2 * frames_) fail("fewer samples than the length given");
  // No more samples: the last packet carries the end of stream and the exact length.
  if (vorbis_analysis_wrote(&encoder_->dsp, 0) != 0) fail("cannot encode Vorbis");
  drain(true);
  file_->commit();
}

}  // namespace unknot::audio
