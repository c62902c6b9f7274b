// Helpers shared by the audio tests: a temporary folder, the shipped assets, small timelines
// and the measurements the tests make on rendered samples. Std + core + audio only.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "audio/clip.h"
#include "audio/offline_render.h"
#include "audio/voice_bank.h"
#include "core/routine.h"
#include "core/timeline.h"

namespace unknot::audio::testing {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ = fs::temp_directory_path() /
            ("unknot-audio-test-" + std::to_string(random()) + std::to_string(random()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

inline std::size_t entries_in(const fs::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++n;
  return n;
}

inline fs::path source_dir() { return fs::path(UNKNOT_SOURCE_DIR); }
inline fs::path shipped_audio() { return source_dir() / "assets" / "audio"; }

inline core::Step make_step(core::StepKind kind, core::Side side, bool switches, int seconds,
                            std::string muscle = "upper_trapezius") {
  core::Step s;
  s.kind = kind;
  s.muscle = kind == core::StepKind::Pressure ? std::move(muscle) : "";
  s.title = kind == core::StepKind::Pressure ? "Upper trapezius" : "Settle in";
  s.side = side;
  s.switches_sides = switches;
  s.pattern_id = "extended_exhale_4_6";
  s.duration = core::Duration{seconds * 1'000'000LL};
  return s;
}

// A short routine with every tone and most spoken kinds: countdown ticks, inhale, exhale,
// next step, switch sides, a step announcement, "three, two, one, release", the end bell.
inline std::shared_ptr<const core::Timeline> small_timeline(int first_step_seconds = 10,
                                                            int pressure_seconds = 20) {
  return std::make_shared<const core::Timeline>(
      std::vector<core::Step>{
          make_step(core::StepKind::Breathing, core::Side::None, false, first_step_seconds),
          make_step(core::StepKind::Pressure, core::Side::Left, false, pressure_seconds),
          make_step(core::StepKind::Pressure, core::Side::Right, true, pressure_seconds)},
      core::builtin_pattern_lookup());
}

inline float sample(const std::vector<float>& samples, std::int64_t frame, int channel) {
  return samples[static_cast<std::size_t>(2 * frame + channel)];
}

inline std::int64_t frame_count(const std::vector<float>& samples) {
  return static_cast<std::int64_t>(samples.size() / 2);
}

// Largest |x[n] - x[n-1]| in either channel over frames [first, last): a click shows up as
// a step far larger than the sound's own.
inline float largest_step(const std::vector<float>& samples, std::int64_t first,
                          std::int64_t last) {
  float result = 0;
  last = std::min(last, frame_count(samples));
  for (std::int64_t i = std::max<std::int64_t>(first, 1); i < last; ++i) {
    for (int ch = 0; ch < 2; ++ch) {
      result = std::max(result, std::abs(sample(samples, i, ch) - sample(samples, i - 1, ch)));
    }
  }
  return result;
}

inline float peak_of(const std::vector<float>& samples, std::int64_t first, std::int64_t last) {
  float result = 0;
  last = std::min(last, frame_count(samples));
  for (std::int64_t i = std::max<std::int64_t>(first, 0); i < last; ++i) {
    for (int ch = 0; ch < 2; ++ch) result = std::max(result, std::abs(sample(samples, i, ch)));
  }
  return result;
}

inline double rms_of(const std::vector<float>& samples, std::int64_t first, std::int64_t last) {
  double sum = 0;
  last = std::min(last, frame_count(samples));
  first = std::max<std::int64_t>(first, 0);
  for (std::int64_t i = first; i < last; ++i) {
    for (int ch = 0; ch < 2; ++ch) sum += sample(samples, i, ch) * sample(samples, i, ch);
  }
  return last > first ? std::sqrt(sum / static_cast<double>(2 * (last - first))) : 0.0;
}

inline double decibels(double amplitude) { return 20.0 * std::log10(amplitude); }

// Frames where sound begins after at least `gap` frames of exact digital silence.
inline std::vector<std::int64_t> silence_onsets(const std::vector<float>& samples,
                                                std::int64_t gap) {
  std::vector<std::int64_t> found;
  std::int64_t quiet = gap;
  for (std::int64_t frame = 0; frame < frame_count(samples); ++frame) {
    if (sample(samples, frame, 0) == 0.0F && sample(samples, frame, 1) == 0.0F) {
      ++quiet;
      continue;
    }
    if (quiet >= gap) found.push_back(frame);
    quiet = 0;
  }
  return found;
}

// Index of a clip's first non-zero frame: tones start from exact zero, so silence-based
// analysis sees a cue this many frames after its onset.
inline std::int64_t first_audible_frame(const Clip& clip) {
  for (std::int64_t i = 0; i < clip.frames(); ++i) {
    if (clip.sample(i, 0) != 0.0F || clip.sample(i, 1) != 0.0F) {
      return i;
    }
  }
  return -1;
}

// A render's samples, kept whole (short sessions only).
class KeepSamples final : public SampleSink {
 public:
  std::vector<float> samples;
  void begin(std::int64_t, int) override {}
  void write(std::span<const float> block) override {
    samples.insert(samples.end(), block.begin(), block.end());
  }
};

// A tone as the app plays it: synthesized, levelled and faded by prepare_tones (chimes).
inline Clip prepared_tone(core::CueKind kind, int rate_hz) {
  for (NamedClip& tone : prepare_tones(rate_hz, core::SoundSet::Chimes)) {
    if (tone.name == core::cue_name(kind)) return std::move(tone.clip);
  }
  return {};
}

}  // namespace unknot::audio::testing
