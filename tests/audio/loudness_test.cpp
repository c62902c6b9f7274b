#include "audio/loudness.h"

#include <doctest/doctest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "audio/limiter.h"

namespace unknot::audio {
namespace {

constexpr int kRate = 48000;

// `seconds` of a sine in both channels at `dbfs` peak, from `phase`.
std::vector<float> sine(double hz, double dbfs, double seconds, double phase = 0) {
  const auto frames = static_cast<std::size_t>(seconds * kRate);
  const double amplitude = std::pow(10.0, dbfs / 20.0);
  std::vector<float> out(2 * frames);
  for (std::size_t i = 0; i < frames; ++i) {
    const auto x = static_cast<float>(
        amplitude * std::sin(2 * std::numbers::pi * hz * static_cast<double>(i) / kRate + phase));
    out[2 * i] = x;
    out[2 * i + 1] = x;
  }
  return out;
}

double measure(const std::vector<float>& samples, int rate = kRate) {
  LoudnessMeter meter(rate);
  meter.add(samples);
  return meter.integrated();
}

}  // namespace

TEST_CASE("a 1 kHz stereo sine at -23 dBFS reads -23 LUFS, at 48 and 44.1 kHz") {
  // EBU Tech 3341's first reference signal.
  CHECK(measure(sine(1000, -23, 20)) == doctest::Approx(-23.0).epsilon(0.004));
  std::vector<float> at_44k;
  const double amplitude = std::pow(10.0, -23 / 20.0);
  for (int i = 0; i < 20 * 44100; ++i) {
    const auto x =
        static_cast<float>(amplitude * std::sin(2 * std::numbers::pi * 1000 * i / 44100.0));
    at_44k.push_back(x);
    at_44k.push_back(x);
  }
  CHECK(measure(at_44k, 44100) == doctest::Approx(-23.0).epsilon(0.004));
}

TEST_CASE("K-weighting: a 100 Hz tone reads quieter and a 4 kHz tone louder than 1 kHz") {
  const double mid = measure(sine(1000, -20, 5));
  CHECK(measure(sine(100, -20, 5)) < mid - 0.5);
  CHECK(measure(sine(4000, -20, 5)) > mid + 2.0);
}

TEST_CASE("silence and quiet passages are gated out of the integrated loudness") {
  std::vector<float> tone = sine(1000, -23, 10);
  std::vector<float> with_silence = tone;
  with_silence.resize(tone.size() * 2, 0.0F);  // ten seconds of silence after
  CHECK(measure(with_silence) == doctest::Approx(-23.0).epsilon(0.004));
  // A passage 20 dB down falls under the relative gate (10 LU under the level).
  std::vector<float> with_quiet = tone;
  const std::vector<float> quiet = sine(1000, -43, 10);
  with_quiet.insert(with_quiet.end(), quiet.begin(), quiet.end());
  CHECK(measure(with_quiet) == doctest::Approx(-23.0).epsilon(0.006));
  // A passage only 6 dB down is counted, so it pulls the level down.
  std::vector<float> with_softer = tone;
  const std::vector<float> softer = sine(1000, -29, 10);
  with_softer.insert(with_softer.end(), softer.begin(), softer.end());
  CHECK(measure(with_softer) < -24.0);
  CHECK(std::isinf(measure(std::vector<float>(2 * kRate, 0.0F))));
}

TEST_CASE("the true peak sees a peak that falls between samples") {
  // A quarter-rate sine sampled 45 degrees off its crests: every sample is at 0.707 of it.
  const std::vector<float> samples = sine(kRate / 4.0, 0, 0.1, std::numbers::pi / 4);
  LoudnessMeter meter(kRate);
  meter.add(samples);
  CHECK(meter.sample_peak() == doctest::Approx(std::sqrt(0.5)).epsilon(0.001));
  CHECK(meter.true_peak() > 0.95);
  CHECK(meter.true_peak() < 1.05);
}

TEST_CASE("a clip's loudness is measured as it plays centred, short clips over their length") {
  std::vector<float> mono(static_cast<std::size_t>(kRate / 5));  // 200 ms: under one block
  const double amplitude = std::pow(10.0, -23 / 20.0);
  for (std::size_t i = 0; i < mono.size(); ++i) {
    mono[i] = static_cast<float>(
        amplitude * std::sin(2 * std::numbers::pi * 1000 * static_cast<double>(i) / kRate));
  }
  CHECK(clip_loudness(Clip::mono(kRate, mono)) == doctest::Approx(-23.0).epsilon(0.01));
}

TEST_CASE("below its ceiling the limiter is an exact delay") {
  PeakLimiter limiter(kRate, 0.8F);
  const std::vector<float> in = sine(440, -6, 0.2);
  std::vector<float> out(in.size());
  limiter.process(in.data(), out.data(), static_cast<int>(in.size() / 2));
  const auto delay = static_cast<std::size_t>(limiter.latency());
  for (std::size_t f = 0; f + delay < in.size() / 2; f += 37) {
    CHECK(out[2 * (f + delay)] == in[2 * f]);
  }
  for (std::size_t f = 0; f < delay; ++f) CHECK(out[2 * f] == 0.0F);
}

TEST_CASE("silence into the limiter gives what the whole calculation gives, in any blocking") {
  // Sound, silence while the gain is still recovering, a quiet tone, a long silence (where the
  // limiter rests), a loud burst: silent blocks take a short cut, which must leave the limiter
  // as the full calculation would. The reference has a whisper (1e-30) in place of silence,
  // so it never takes the short cut.
  std::vector<float> in(2 * static_cast<std::size_t>(kRate), 0.0F);
  const auto put = [&](const std::vector<float>& part, double at_s) {
    std::copy(part.begin(), part.end(), in.begin() + 2 * static_cast<std::ptrdiff_t>(at_s * kRate));
  };
  put(sine(300, 0, 0.05), 0.05);   // over the ceiling
  put(sine(300, -20, 0.1), 0.15);  // 50 ms after: the gain has not yet recovered
  put(sine(500, 0, 0.05), 0.6);    // after a long silence
  std::vector<float> whisper = in;
  for (float& x : whisper) x = x == 0.0F ? 1e-30F : x;
  const auto run = [](const std::vector<float>& signal, int block) {
    PeakLimiter limiter(kRate, 0.5F);
    std::vector<float> out(signal.size());
    const int frames = static_cast<int>(signal.size() / 2);
    for (int done = 0; done < frames; done += block) {
      limiter.process(signal.data() + 2 * done, out.data() + 2 * done,
                      std::min(block, frames - done));
    }
    return out;
  };
  const std::vector<float> reference = run(whisper, 512);
  for (const int block : {1, 64, 512, 4096}) {
    CAPTURE(block);
    const std::vector<float> out = run(in, block);
    float worst = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
      worst = std::max(worst, std::abs(out[i] - reference[i]));
    }
    CHECK(worst < 1e-6F);
    CHECK(out == run(in, 333));
  }
}

TEST_CASE("over its ceiling the limiter eases down in time and recovers, in any blocking") {
  // Quiet, a loud burst, quiet again.
  std::vector<float> in = sine(300, -20, 0.4);
  const std::vector<float> burst = sine(300, 0, 0.05);
  std::copy(burst.begin(), burst.end(), in.begin() + 2 * kRate / 10);
  auto run = [&](int block) {
    PeakLimiter limiter(kRate, 0.5F);
    std::vector<float> out(in.size());
    const int frames = static_cast<int>(in.size() / 2);
    for (int done = 0; done < frames; done += block) {
      const int n = std::min(block, frames - done);
      limiter.process(in.data() + 2 * done, out.data() + 2 * done, n);
    }
    return out;
  };
  const std::vector<float> out = run(4096);
  CHECK(out == run(1));
  CHECK(out == run(333));
  float top = 0;
  for (const float x : out) top = std::max(top, std::abs(x));
  CHECK(top <= 0.5F);
  CHECK(top > 0.45F);  // it limits, it does not squash
  // Some 0.2 s after the burst the quiet tone passes at its own level again.
  const std::size_t late = 2 * static_cast<std::size_t>(kRate * 0.28);
  float late_top = 0;
  float in_top = 0;
  for (std::size_t i = late; i < late + 2000; ++i) {
    late_top = std::max(late_top, std::abs(out[i]));
    in_top = std::max(in_top, std::abs(in[i]));
  }
  CHECK(late_top == doctest::Approx(in_top).epsilon(0.01));
}

}  // namespace unknot::audio
