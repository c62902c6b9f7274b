// Decoding what the FLAC and Ogg Vorbis writers wrote, with the reference libraries (libFLAC's
// stream decoder, vorbisfile), for the tests to check. Throws std::runtime_error on a file the
// library rejects.
#pragma once

#include <FLAC/stream_decoder.h>
#include <vorbis/vorbisfile.h>

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace unknot::audio::testing {

struct DecodedFlac {
  int rate_hz = 0;
  int channels = 0;
  int bits = 0;
  std::uint64_t total_frames = 0;     // as the stream info says
  bool has_md5 = false;               // the stream info's MD5 of the audio is set
  bool md5_checked = false;           // ... and the decoded audio matched it
  int seek_points = 0;                // in the seek table, placeholders not counted
  std::vector<std::int16_t> samples;  // interleaved
};

inline DecodedFlac decode_flac(const std::filesystem::path& path) {
  struct Client {
    DecodedFlac out;
    static FLAC__StreamDecoderWriteStatus write(const FLAC__StreamDecoder*,
                                                const FLAC__Frame* frame,
                                                const FLAC__int32* const buffer[], void* data) {
      auto& out = static_cast<Client*>(data)->out;
      for (unsigned i = 0; i < frame->header.blocksize; ++i) {
        for (unsigned c = 0; c < frame->header.channels; ++c) {
          out.samples.push_back(static_cast<std::int16_t>(buffer[c][i]));
        }
      }
      return FLAC__STREAM_DECODER_WRITE_STATUS_CONTINUE;
    }
    static void metadata(const FLAC__StreamDecoder*, const FLAC__StreamMetadata* block,
                         void* data) {
      auto& out = static_cast<Client*>(data)->out;
      if (block->type == FLAC__METADATA_TYPE_STREAMINFO) {
        const auto& info = block->data.stream_info;
        out.rate_hz = static_cast<int>(info.sample_rate);
        out.channels = static_cast<int>(info.channels);
        out.bits = static_cast<int>(info.bits_per_sample);
        out.total_frames = info.total_samples;
        for (const FLAC__byte b : info.md5sum) out.has_md5 = out.has_md5 || b != 0;
      } else if (block->type == FLAC__METADATA_TYPE_SEEKTABLE) {
        const auto& table = block->data.seek_table;
        for (unsigned i = 0; i < table.num_points; ++i) {
          const FLAC__StreamMetadata_SeekPoint& point = table.points[i];
          if (point.sample_number != FLAC__STREAM_METADATA_SEEKPOINT_PLACEHOLDER &&
              point.frame_samples > 0) {
            ++out.seek_points;
          }
        }
      }
    }
    static void error(const FLAC__StreamDecoder*, FLAC__StreamDecoderErrorStatus, void* data) {
      static_cast<Client*>(data)->failed = true;
    }
    bool failed = false;
  };
  Client client;
  FLAC__StreamDecoder* decoder = FLAC__stream_decoder_new();
  FLAC__stream_decoder_set_md5_checking(decoder, true);
  FLAC__stream_decoder_set_metadata_respond(decoder, FLAC__METADATA_TYPE_SEEKTABLE);
  bool ok = FLAC__stream_decoder_init_file(decoder, path.c_str(), Client::write, Client::metadata,
                                           Client::error,
                                           &client) == FLAC__STREAM_DECODER_INIT_STATUS_OK &&
            FLAC__stream_decoder_process_until_end_of_stream(decoder);
  // finish() is false when the MD5 in the stream info does not match the audio.
  client.out.md5_checked = FLAC__stream_decoder_finish(decoder) && client.out.has_md5;
  ok = ok && !client.failed;
  FLAC__stream_decoder_delete(decoder);
  if (!ok) throw std::runtime_error(path.string() + ": libFLAC cannot decode it");
  return client.out;
}

struct DecodedOgg {
  int rate_hz = 0;
  int channels = 0;
  std::int64_t total_frames = 0;  // as the stream's last granule position says
  std::string title;              // the TITLE comment
  std::vector<float> samples;     // interleaved
};

inline DecodedOgg decode_ogg(const std::filesystem::path& path) {
  OggVorbis_File file;
  if (ov_fopen(path.c_str(), &file) != 0) {
    throw std::runtime_error(path.string() + ": vorbisfile cannot open it");
  }
  DecodedOgg out;
  const vorbis_info* info = ov_info(&file, -1);
  out.rate_hz = static_cast<int>(info->rate);
  out.channels = info->channels;
  out.total_frames = ov_pcm_total(&file, -1);
  if (const char* title = vorbis_comment_query(ov_comment(&file, -1), "TITLE", 0)) {
    out.title = title;
  }
  for (;;) {
    float** pcm = nullptr;
    int section = 0;
    const long got = ov_read_float(&file, &pcm, 4096, &section);
    if (got == 0) break;
    if (got < 0) {
      ov_clear(&file);
      throw std::runtime_error(path.string() + ": damaged Ogg Vorbis data");
    }
    for (long i = 0; i < got; ++i) {
      for (int c = 0; c < out.channels; ++c) out.samples.push_back(pcm[c][i]);
    }
  }
  ov_clear(&file);
  return out;
}

}  // namespace unknot::audio::testing
