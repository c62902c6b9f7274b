// FLAC and Ogg Vorbis files written for any player: FLAC holding exactly the WAV file's 16-bit
// values, Ogg Vorbis the right length and sound, both never half-written and private when the
// umask says so.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <cmath>
#include <fstream>
#include <functional>
#include <iterator>
#include <numbers>
#include <random>
#include <stdexcept>

#include "audio/flac_writer.h"
#include "audio/ogg_writer.h"
#include "audio/wav_file.h"
#include "audio_test_support.h"
#include "decoded_file.h"

namespace unknot::audio {
namespace {

using namespace testing;

// A 440 Hz tone, opposite on the two channels, over a little noise: not all silence, so the
// dither and the encoders have something to do.
std::vector<float> tone(int frames, int rate_hz = 48000) {
  std::vector<float> out(static_cast<std::size_t>(2 * frames));
  std::mt19937 random(7);
  std::uniform_real_distribution<float> noise(-0.01F, 0.01F);
  for (int i = 0; i < frames; ++i) {
    const auto v =
        static_cast<float>(0.5 * std::sin(2 * std::numbers::pi * 440 * i / double(rate_hz)));
    out[static_cast<std::size_t>(2 * i)] = v + noise(random);
    out[static_cast<std::size_t>(2 * i + 1)] = -v + noise(random);
  }
  return out;
}

// Writes `samples` in uneven pieces, as a render would in blocks.
template <class Writer>
void write_in_pieces(Writer& writer, std::span<const float> samples) {
  std::size_t at = 0;
  for (std::size_t piece = 2 * 1000; at < samples.size(); piece = piece * 3 % 20000 + 2) {
    const std::size_t n = std::min(piece, samples.size() - at);
    writer.write(samples.subspan(at, n));
    at += n;
  }
}

void write_flac(const fs::path& path, std::span<const float> samples, int rate_hz = 48000) {
  FlacWriter writer(path, rate_hz, static_cast<std::int64_t>(samples.size() / 2),
                    {"A title", "Unknot test"});
  write_in_pieces(writer, samples);
  writer.commit();
}

void write_ogg(const fs::path& path, std::span<const float> samples, int rate_hz = 48000) {
  OggVorbisWriter writer(path, rate_hz, static_cast<std::int64_t>(samples.size() / 2),
                         {"A title", "Unknot test"});
  write_in_pieces(writer, samples);
  writer.commit();
}

// The ways both writers must fail cleanly, as one function each.
const std::vector<
    std::pair<const char*, std::function<void(const fs::path&, std::span<const float>)>>>
    kWriters = {{"flac", [](const fs::path& p, std::span<const float> s) { write_flac(p, s); }},
                {"ogg", [](const fs::path& p, std::span<const float> s) { write_ogg(p, s); }}};

}  // namespace

TEST_CASE("a FLAC file decodes to exactly the 16-bit values the WAV writer makes of the samples") {
  TempDir dir;
  const auto samples = tone(48000 * 12 + 123);  // past a seek point, and an uneven length
  write_flac(dir.path() / "a.flac", samples);
  write_wav(dir.path() / "a.wav", samples, 48000);

  const DecodedFlac flac = decode_flac(dir.path() / "a.flac");
  CHECK(flac.rate_hz == 48000);
  CHECK(flac.channels == 2);
  CHECK(flac.bits == 16);
  CHECK(flac.total_frames == samples.size() / 2);
  // Written again at the end, after going back to the start of the file:
  CHECK(flac.md5_checked);
  CHECK(flac.seek_points == 2);  // at 0 and 10 s
  const WavAudio wav = read_wav(dir.path() / "a.wav");
  REQUIRE(flac.samples.size() == wav.samples.size());
  std::size_t differing = 0;
  for (std::size_t i = 0; i < wav.samples.size(); ++i) {
    differing += flac.samples[i] != static_cast<std::int16_t>(wav.samples[i] * 32768.0F) ? 1U : 0U;
  }
  CHECK(differing == 0);
  // Lossless and still smaller: the noise keeps it from being much smaller.
  CHECK(fs::file_size(dir.path() / "a.flac") < fs::file_size(dir.path() / "a.wav"));
}

TEST_CASE("an Ogg Vorbis file decodes to the length, rate and sound that were written") {
  TempDir dir;
  for (const int rate : {48000, 44100, 8000}) {
    CAPTURE(rate);
    const auto samples = tone(rate * 3 + 77, rate);
    write_ogg(dir.path() / "a.ogg", samples, rate);
    const DecodedOgg ogg = decode_ogg(dir.path() / "a.ogg");
    CHECK(ogg.rate_hz == rate);
    CHECK(ogg.channels == 2);
    CHECK(ogg.title == "A title");
    CHECK(ogg.total_frames == static_cast<std::int64_t>(samples.size() / 2));
    REQUIRE(ogg.samples.size() == samples.size());
    // Lossy, but close: the error is far below the tone (amplitude 0.5).
    double error = 0;
    double signal = 0;
    for (std::size_t i = 0; i < samples.size(); ++i) {
      error += (ogg.samples[i] - samples[i]) * (ogg.samples[i] - samples[i]);
      signal += samples[i] * samples[i];
    }
    CHECK(10 * std::log10(signal / error) > 20);  // dB
    CHECK(fs::file_size(dir.path() / "a.ogg") < samples.size() * 2 / 4);
  }
}

TEST_CASE("the same samples give the same FLAC and Ogg Vorbis bytes") {
  TempDir dir;
  const auto samples = tone(20000);
  const auto bytes = [](const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  for (const auto& [name_, write_] : kWriters) {
    // Named again: clang 14 cannot capture a structured binding in a lambda (CAPTURE is one).
    const auto& name = name_;
    const auto& write = write_;
    CAPTURE(name);
    write(dir.path() / "a", samples);
    write(dir.path() / "b", samples);
    CHECK(bytes(dir.path() / "a") == bytes(dir.path() / "b"));
    CHECK(fs::file_size(dir.path() / "a") > 1000);
  }
}

TEST_CASE("a failed FLAC or Ogg Vorbis write leaves neither a partial file nor a temporary one") {
  std::vector<float> noise(2 * 48000 * 4);
  std::mt19937 random(1);
  std::uniform_real_distribution<float> uniform(-0.9F, 0.9F);
  for (float& s : noise) s = uniform(random);
  for (const auto& [name_, write_] : kWriters) {
    // Named again: clang 14 cannot capture a structured binding in a lambda (CAPTURE is one).
    const auto& name = name_;
    const auto& write = write_;
    CAPTURE(name);
    TempDir dir;
    // The target is a folder: refused before anything is written.
    fs::create_directory(dir.path() / "taken");
    CHECK_THROWS_AS(write(dir.path() / "taken", tone(100)), std::runtime_error);
    CHECK(fs::is_empty(dir.path() / "taken"));
    CHECK(entries_in(dir.path()) == 1);
    // A folder that does not exist: nothing can be created.
    try {
      write(dir.path() / "missing" / "a.out", tone(100));
      FAIL("expected an error");
    } catch (const std::runtime_error& error) {
      CHECK(std::string(error.what()).find("a.out") != std::string::npos);
    }
    // The disk fills up half way: here a file may grow to 64 KiB, and seconds of loud noise do
    // not fit. The error comes up through the encoder's output callback.
    rlimit previous{};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &previous) == 0);
    const auto previous_handler = ::signal(SIGXFSZ, SIG_IGN);  // EFBIG instead of the signal
    rlimit small = previous;
    small.rlim_cur = 1 << 16;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    std::string message;
    try {
      write(dir.path() / "full", noise);
    } catch (const std::runtime_error& error) {
      message = error.what();
    }
    ::setrlimit(RLIMIT_FSIZE, &previous);
    ::signal(SIGXFSZ, previous_handler);
    CHECK(message.find("full: ") != std::string::npos);
    CHECK(message.find("File too large") != std::string::npos);
    CHECK(entries_in(dir.path()) == 1);
  }
}

TEST_CASE("a folder made at the target while a FLAC or Ogg Vorbis file is written stays as it is") {
  TempDir dir;
  const auto samples = tone(1000);
  {
    FlacWriter flac(dir.path() / "a.flac", 48000, 1000);
    OggVorbisWriter ogg(dir.path() / "a.ogg", 48000, 1000);
    flac.write(samples);
    ogg.write(samples);
    fs::create_directory(dir.path() / "a.flac");
    fs::create_directory(dir.path() / "a.ogg");
    CHECK_THROWS_AS(flac.commit(), std::runtime_error);  // all data written, then refused
    CHECK_THROWS_AS(ogg.commit(), std::runtime_error);
  }
  CHECK(fs::is_empty(dir.path() / "a.flac"));
  CHECK(fs::is_empty(dir.path() / "a.ogg"));
  CHECK(entries_in(dir.path()) == 2);  // the temporary files are gone
}

TEST_CASE("a FLAC or Ogg Vorbis writer given too few or too many samples writes nothing") {
  TempDir dir;
  const auto samples = tone(1000);
  {
    FlacWriter flac(dir.path() / "a.flac", 48000, 1000);
    OggVorbisWriter ogg(dir.path() / "a.ogg", 48000, 1000);
    flac.write(std::span(samples).first(1000));
    ogg.write(std::span(samples).first(1000));
    CHECK_THROWS_AS(flac.commit(), std::runtime_error);
    CHECK_THROWS_AS(ogg.commit(), std::runtime_error);
    CHECK_THROWS_AS(flac.write(tone(1000)), std::runtime_error);
    CHECK_THROWS_AS(ogg.write(tone(1000)), std::runtime_error);
  }
  {
    // Destroyed without commit().
    FlacWriter flac(dir.path() / "b.flac", 48000, 1000);
    OggVorbisWriter ogg(dir.path() / "b.ogg", 48000, 1000);
    flac.write(samples);
    ogg.write(samples);
  }
  CHECK(entries_in(dir.path()) == 0);
}

TEST_CASE("FLAC and Ogg Vorbis files' permissions follow the umask, as WAV files' do") {
  TempDir dir;
  for (const auto& [name_, write_] : kWriters) {
    // Named again: clang 14 cannot capture a structured binding in a lambda (CAPTURE is one).
    const auto& name = name_;
    const auto& write = write_;
    CAPTURE(name);
    const mode_t previous = ::umask(077);
    write(dir.path() / (std::string("private.") + name), tone(10));
    ::umask(022);
    write(dir.path() / (std::string("shared.") + name), tone(10));
    ::umask(previous);
    CHECK((fs::status(dir.path() / (std::string("private.") + name)).permissions() &
           fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
    CHECK((fs::status(dir.path() / (std::string("shared.") + name)).permissions() &
           fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write |
                               fs::perms::group_read | fs::perms::others_read));
  }
}

}  // namespace unknot::audio
