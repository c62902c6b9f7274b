#include "audio/flac_writer.h"

#include <FLAC/metadata.h>
#include <FLAC/stream_encoder.h>

#include <algorithm>
#include <stdexcept>

#include "desktop/atomic_file.h"

namespace unknot::audio {
namespace {

namespace fs = std::filesystem;

constexpr int kChannels = 2;
constexpr unsigned kCompressionLevel = 5;  // flac's own default: near the best size, fast
constexpr int kSeekPointSeconds = 10;
constexpr std::size_t kBlockFrames = 4096;     // quantised samples handed to libFLAC at a time
constexpr std::size_t kOutputBytes = 1 << 16;  // encoded bytes gathered before each write

FLAC__StreamEncoderWriteStatus write_callback(const FLAC__StreamEncoder*, const FLAC__byte buffer[],
                                              size_t bytes, uint32_t, uint32_t, void* writer) {
  return static_cast<FlacWriter*>(writer)->output(buffer, bytes)
             ? FLAC__STREAM_ENCODER_WRITE_STATUS_OK
             : FLAC__STREAM_ENCODER_WRITE_STATUS_FATAL_ERROR;
}

FLAC__StreamEncoderSeekStatus seek_callback(const FLAC__StreamEncoder*, FLAC__uint64 offset,
                                            void* writer) {
  return static_cast<FlacWriter*>(writer)->seek(offset) ? FLAC__STREAM_ENCODER_SEEK_STATUS_OK
                                                        : FLAC__STREAM_ENCODER_SEEK_STATUS_ERROR;
}

FLAC__StreamEncoderTellStatus tell_callback(const FLAC__StreamEncoder*, FLAC__uint64* offset,
                                            void* writer) {
  *offset = static_cast<FlacWriter*>(writer)->tell();
  return FLAC__STREAM_ENCODER_TELL_STATUS_OK;
}

}  // namespace

// The libFLAC encoder and the metadata blocks it fills in; they must outlive its finish.
struct FlacWriter::Encoder {
  FLAC__StreamEncoder* encoder = FLAC__stream_encoder_new();
  FLAC__StreamMetadata* comments = FLAC__metadata_object_new(FLAC__METADATA_TYPE_VORBIS_COMMENT);
  FLAC__StreamMetadata* seek_table = FLAC__metadata_object_new(FLAC__METADATA_TYPE_SEEKTABLE);

  Encoder() = default;
  Encoder(const Encoder&) = delete;
  Encoder& operator=(const Encoder&) = delete;
  ~Encoder() {
    // Deleting an unfinished encoder finishes it without writing anything more.
    if (encoder != nullptr) FLAC__stream_encoder_delete(encoder);
    if (comments != nullptr) FLAC__metadata_object_delete(comments);
    if (seek_table != nullptr) FLAC__metadata_object_delete(seek_table);
  }

  std::string state() const {
    return FLAC__StreamEncoderStateString[FLAC__stream_encoder_get_state(encoder)];
  }
};

FlacWriter::FlacWriter(const fs::path& path, int rate_hz, std::int64_t frames,
                       const AudioTags& tags, std::uint64_t dither_seed)
    : path_(path), quantize_(dither_seed), frames_(frames) {
  if (rate_hz <= 0) fail("the sample rate must be positive");
  if (frames < 0) fail("a negative length");
  encoder_ = std::make_unique<Encoder>();
  if (encoder_->encoder == nullptr || encoder_->comments == nullptr ||
      encoder_->seek_table == nullptr) {
    fail("cannot start the FLAC encoder (out of memory)");
  }
  FLAC__StreamEncoder* encoder = encoder_->encoder;
  const auto total = static_cast<FLAC__uint64>(frames);
  bool ok = FLAC__stream_encoder_set_channels(encoder, kChannels) &&
            FLAC__stream_encoder_set_bits_per_sample(encoder, 16) &&
            FLAC__stream_encoder_set_sample_rate(encoder, static_cast<uint32_t>(rate_hz)) &&
            FLAC__stream_encoder_set_compression_level(encoder, kCompressionLevel) &&
            FLAC__stream_encoder_set_total_samples_estimate(encoder, total);
  for (const auto& [name, value] : {std::pair{"TITLE", &tags.title}, {"ENCODER", &tags.encoder}}) {
    if (value->empty()) continue;
    FLAC__StreamMetadata_VorbisComment_Entry entry;
    ok = ok &&
         FLAC__metadata_object_vorbiscomment_entry_from_name_value_pair(&entry, name,
                                                                        value->c_str()) &&
         FLAC__metadata_object_vorbiscomment_append_comment(encoder_->comments, entry, false);
  }
  FLAC__StreamMetadata* blocks[] = {encoder_->comments, encoder_->seek_table};
  std::size_t block_count = 1;
  if (frames > 0) {
    // Placeholders, filled in by the encoder as it goes and written again at the end.
    ok = ok &&
         FLAC__metadata_object_seektable_template_append_spaced_points_by_samples(
             encoder_->seek_table, static_cast<uint32_t>(kSeekPointSeconds * rate_hz), total) &&
         FLAC__metadata_object_seektable_template_sort(encoder_->seek_table, true);
    block_count = 2;
  }
  ok = ok && FLAC__stream_encoder_set_metadata(encoder, blocks, static_cast<uint32_t>(block_count));
  if (!ok) fail("cannot set up the FLAC encoder (" + encoder_->state() + ")");

  file_ = std::make_unique<platform::AtomicFile>(path, 0666);  // sound: the umask decides
  pending_.reserve(kOutputBytes);
  pcm_.resize(kBlockFrames * kChannels);
  const FLAC__StreamEncoderInitStatus status = FLAC__stream_encoder_init_stream(
      encoder, write_callback, seek_callback, tell_callback, nullptr, this);
  if (status != FLAC__STREAM_ENCODER_INIT_STATUS_OK) {
    fail(std::string("cannot start the FLAC encoder: ") +
         FLAC__StreamEncoderInitStatusString[status] +
         (output_error_.empty() ? "" : " (" + output_error_ + ")"));
  }
}

FlacWriter::~FlacWriter() {
  // The encoder first: while it goes, it may still call back into the members below it.
  encoder_.reset();
}

void FlacWriter::fail(const std::string& what) {
  throw std::runtime_error(path_.string() + ": " + what);
}

void FlacWriter::write(std::span<const float> interleaved) {
  if (static_cast<std::int64_t>(interleaved.size()) > 2 * frames_ - written_) {
    fail("more samples than the length given");
  }
  while (!interleaved.empty()) {
    const std::size_t count = std::min(pcm_.size(), interleaved.size() & ~std::size_t{1});
    if (count == 0) fail("half a stereo frame");
    for (std::size_t i = 0; i < count; ++i) pcm_[i] = quantize_(interleaved[i]);
    if (!FLAC__stream_encoder_process_interleaved(encoder_->encoder, pcm_.data(),
                                                  static_cast<uint32_t>(count / kChannels))) {
      fail("cannot encode FLAC: " + (output_error_.empty() ? encoder_->state() : output_error_));
    }
    interleaved = interleaved.subspan(count);
    written_ += static_cast<std::int64_t>(count);
  }
}

bool FlacWriter::output(const unsigned char* bytes, std::size_t size) {
  try {
    if (position_ < end_ && position_ + size <= end_ && pending_.empty()) {
      // Metadata written again at the end, over what it first was.
      file_->write_at(position_, bytes, size);
      position_ += size;
      return true;
    }
    if (position_ != end_) {
      output_error_ = "the FLAC encoder wrote past a rewritten block";
      return false;
    }
    pending_.insert(pending_.end(), bytes, bytes + size);
    position_ += size;
    end_ = position_;
    if (pending_.size() >= kOutputBytes) flush_output();
    return true;
  } catch (const platform::AtomicFileError& error) {
    output_error_ = error.reason();
    return false;
  } catch (const std::exception& error) {  // out of memory: nothing may pass through libFLAC
    output_error_ = error.what();
    return false;
  }
}

bool FlacWriter::seek(std::uint64_t offset) {
  if (offset > end_) return false;
  try {
    flush_output();  // so every byte before end_ is in the file, where write_at can reach it
  } catch (const platform::AtomicFileError& error) {
    output_error_ = error.reason();
    return false;
  }
  position_ = offset;
  return true;
}

void FlacWriter::flush_output() {
  file_->write(pending_.data(), pending_.size());
  pending_.clear();
}

void FlacWriter::commit() {
  if (written_ != 2 * frames_) fail("fewer samples than the length given");
  // Encodes what is left, then goes back to fill in the stream info and the seek table.
  if (!FLAC__stream_encoder_finish(encoder_->encoder)) {
    fail("cannot finish the FLAC file: " +
         (output_error_.empty() ? encoder_->state() : output_error_));
  }
  flush_output();
  file_->commit();
}

}  // namespace unknot::audio
