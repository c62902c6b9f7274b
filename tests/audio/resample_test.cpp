// Resampling voice clips from the 24 kHz they are made at to whatever rate the device runs.
#include "audio/resample.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <vector>

namespace unknot::audio {
namespace {

std::vector<float> sine(double hz, int rate, int frames, double amplitude = 0.5) {
  std::vector<float> out(static_cast<std::size_t>(frames));
  for (int i = 0; i < frames; ++i) {
    out[static_cast<std::size_t>(i)] =
        static_cast<float>(amplitude * std::sin(2 * std::numbers::pi * hz * i / rate));
  }
  return out;
}

// Largest difference over the middle (the ends see the clip's edges as a step from silence).
float middle_error(const std::vector<float>& a, const std::vector<float>& b) {
  float worst = 0;
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = n / 8; i < n - n / 8; ++i) worst = std::max(worst, std::abs(a[i] - b[i]));
  return worst;
}

double rms(const std::vector<float>& x) {
  double sum = 0;
  for (const float v : x) sum += static_cast<double>(v) * v;
  return std::sqrt(sum / static_cast<double>(x.size()));
}

}  // namespace

TEST_CASE("a tone resampled from 24 kHz matches the same tone made at the new rate") {
  const auto source = sine(1000, 24000, 24000);
  for (const int rate : {22050, 44100, 48000, 96000}) {
    CAPTURE(rate);
    const auto out = resample(source, 24000, rate);
    CHECK(out.size() == static_cast<std::size_t>(rate));
    CHECK(middle_error(out, sine(1000, rate, rate)) < 0.002F);  // better than -48 dB
  }
}

TEST_CASE("a sound keeps its start at frame 0 and its length in time") {
  std::vector<float> click(100, 0.0F);
  click[10] = 1.0F;
  const auto up = resample(click, 24000, 48000);
  CHECK(up.size() == 200);
  CHECK(std::max_element(up.begin(), up.end()) - up.begin() == 20);
  const auto odd = resample(click, 24000, 44100);
  CHECK(odd.size() == 184);  // ceil(100 * 44100 / 24000)
  // Frame 10 of 24 kHz is at 18.375 frames of 44.1 kHz: the peak falls on 18.
  CHECK(std::max_element(odd.begin(), odd.end()) - odd.begin() == 18);
}

TEST_CASE("going down in rate removes what the new rate cannot hold instead of folding it back") {
  const auto high = resample(sine(10'000, 24000, 24000), 24000, 16000);  // above 8 kHz Nyquist
  const auto low = resample(sine(3'000, 24000, 24000), 24000, 16000);
  CHECK(rms(high) < 0.01 * rms(low));
  CHECK(rms(low) == doctest::Approx(0.5 / std::numbers::sqrt2).epsilon(0.02));
}

TEST_CASE("a constant passes unchanged, and equal rates change nothing") {
  const std::vector<float> level(1000, 0.25F);
  const auto out = resample(level, 24000, 44100);
  for (std::size_t i = 40; i + 40 < out.size(); ++i)
    REQUIRE(out[i] == doctest::Approx(0.25F).epsilon(1e-5));
  CHECK(resample(level, 48000, 48000) == level);
  CHECK(resample({}, 24000, 48000).empty());
  CHECK_THROWS_AS(resample(level, 0, 48000), std::invalid_argument);
}

}  // namespace unknot::audio
