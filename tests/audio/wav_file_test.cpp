// WAV files written for any player: 16-bit PCM with dither, never half-written, private when
// the umask says so.
#include "audio/wav_file.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <cmath>
#include <fstream>
#include <numbers>
#include <stdexcept>

#include "audio_test_support.h"

namespace unknot::audio {
namespace {

using namespace testing;

std::vector<float> stereo_sine(int frames) {
  std::vector<float> out(static_cast<std::size_t>(2 * frames));
  for (int i = 0; i < frames; ++i) {
    const auto v = static_cast<float>(0.5 * std::sin(2 * std::numbers::pi * 440 * i / 48000.0));
    out[static_cast<std::size_t>(2 * i)] = v;
    out[static_cast<std::size_t>(2 * i + 1)] = -v;
  }
  return out;
}

}  // namespace

TEST_CASE("a WAV file reads back as the same stereo samples, within the 16-bit step and dither") {
  TempDir dir;
  const auto samples = stereo_sine(4800);
  write_wav(dir.path() / "a.wav", samples, 48000);
  const WavAudio back = read_wav(dir.path() / "a.wav");
  CHECK(back.rate_hz == 48000);
  CHECK(back.channels == 2);
  REQUIRE(back.samples.size() == samples.size());
  float worst = 0;
  for (std::size_t i = 0; i < samples.size(); ++i)
    worst = std::max(worst, std::abs(back.samples[i] - samples[i]));
  CHECK(worst <= 2.0F / 32768.0F);
  CHECK(fs::file_size(dir.path() / "a.wav") == 44 + samples.size() * 2);
}

TEST_CASE("dither turns silence into at most one step of hiss, the same for the same seed") {
  TempDir dir;
  const std::vector<float> silence(2 * 48000, 0.0F);
  write_wav(dir.path() / "a.wav", silence, 48000, 5);
  write_wav(dir.path() / "b.wav", silence, 48000, 5);
  const WavAudio a = read_wav(dir.path() / "a.wav");
  const WavAudio b = read_wav(dir.path() / "b.wav");
  CHECK(a.samples == b.samples);
  float loudest = 0;
  int non_zero = 0;
  for (const float s : a.samples) {
    loudest = std::max(loudest, std::abs(s));
    non_zero += s != 0.0F ? 1 : 0;
  }
  CHECK(loudest <= 1.0F / 32768.0F);
  CHECK(non_zero > 0);  // the dither is really there
  // Full scale and beyond clip to the 16-bit limits rather than wrapping around.
  write_wav(dir.path() / "c.wav", std::vector<float>{1.5F, -1.5F}, 48000);
  const WavAudio c = read_wav(dir.path() / "c.wav");
  CHECK(c.samples[0] == doctest::Approx(32767.0F / 32768.0F));
  CHECK(c.samples[1] == -1.0F);
}

TEST_CASE("a failed write leaves neither a partial file nor a temporary one") {
  TempDir dir;
  // The target is a folder: the rename at the end fails after all data was written.
  fs::create_directory(dir.path() / "taken.wav");
  CHECK_THROWS_AS(write_wav(dir.path() / "taken.wav", stereo_sine(100), 48000), std::runtime_error);
  CHECK(fs::is_directory(dir.path() / "taken.wav"));
  CHECK(entries_in(dir.path()) == 1);
  // A folder that does not exist: nothing can be created.
  try {
    write_wav(dir.path() / "missing" / "a.wav", stereo_sine(100), 48000);
    FAIL("expected an error");
  } catch (const std::runtime_error& error) {
    CHECK(std::string(error.what()).find("a.wav") != std::string::npos);
  }
  // An existing file is replaced whole.
  write_wav(dir.path() / "a.wav", stereo_sine(100), 48000);
  write_wav(dir.path() / "a.wav", stereo_sine(50), 48000);
  CHECK(read_wav(dir.path() / "a.wav").samples.size() == 100);
  CHECK(entries_in(dir.path()) == 2);
}

TEST_CASE("the file's permissions follow the umask") {
  TempDir dir;
  const mode_t previous = ::umask(077);
  write_wav(dir.path() / "private.wav", stereo_sine(10), 48000);
  ::umask(022);
  write_wav(dir.path() / "shared.wav", stereo_sine(10), 48000);
  ::umask(previous);
  CHECK((fs::status(dir.path() / "private.wav").permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write));
  CHECK((fs::status(dir.path() / "shared.wav").permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
         fs::perms::others_read));
}

TEST_CASE("reading something that is not a 16-bit PCM WAV file is an error") {
  TempDir dir;
  std::ofstream(dir.path() / "x.wav") << "RIFF....WAVEjunk";
  CHECK_THROWS_AS(read_wav(dir.path() / "x.wav"), std::runtime_error);
  CHECK_THROWS_AS(read_wav(dir.path() / "absent.wav"), std::runtime_error);
}

}  // namespace unknot::audio
