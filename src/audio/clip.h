// A short sound held in memory, compactly: 16-bit samples at one sample rate, mono for most
// sounds (a cue's side is panned at mix time, so both channels would be equal) and interleaved
// stereo only for tones whose channels really differ. Samples become float only while mixing.
// Also the names of the sounds that make up a step announcement. Pure std; shared by the
// synthesizer, the voice loader and the renderer.
#pragma once

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace unknot::audio {

// A stored sample is value / kClipScale: -1 and every multiple of 2^-15 in [-1, 1) round-trip
// exactly; anything else is off by at most half a step (1.5e-5 of full scale), and values
// beyond [-1, 32767/32768] are clipped.
inline constexpr float kClipScale = 32768.0F;
inline constexpr float kClipStep = 1.0F / kClipScale;

std::int16_t to_clip_sample(float value);
inline float from_clip_sample(std::int16_t stored) {
  return static_cast<float>(stored) * kClipStep;
}

class Clip {
 public:
  Clip() = default;
  // Quantizes `samples` (nominal range -1..1) to 16 bits.
  static Clip mono(int rate_hz, std::span<const float> samples);
  // `interleaved` is L R L R …; std::invalid_argument for an odd count.
  static Clip stereo(int rate_hz, std::span<const float> interleaved);

  int rate_hz() const { return rate_hz_; }
  int channels() const { return channels_; }  // 1 or 2
  std::int64_t frames() const { return static_cast<std::int64_t>(stored_.size()) / channels_; }
  bool empty() const { return stored_.empty(); }
  // A frame's sample for the left (0) or right (1) output channel, as mixed: a mono clip
  // gives the same value for both.
  float sample(std::int64_t frame, int channel) const {
    return from_clip_sample(
        stored_[static_cast<std::size_t>(frame * channels_ + (channels_ == 2 ? channel : 0))]);
  }
  // The stored samples: `channels()` per frame, interleaved.
  std::span<const std::int16_t> stored() const { return stored_; }
  // Memory held by the samples: frames * channels * 2 bytes.
  std::size_t bytes() const { return stored_.size() * sizeof(std::int16_t); }
  // Interleaved stereo float, as the clip sounds centred (for analysis and tests).
  std::vector<float> to_stereo() const;

 private:
  Clip(int rate_hz, int channels, std::span<const float> samples);

  int rate_hz_ = 0;
  int channels_ = 1;
  std::vector<std::int16_t> stored_;
};

// Clip names (assets/audio/<name>.ogg) of the two parts of a step announcement: the side word
// and the muscle ("side_left", "muscle_upper_trapezius").
inline std::string_view side_clip_name(bool left) { return left ? "side_left" : "side_right"; }
inline std::string muscle_clip_name(std::string_view muscle_id) {
  return "muscle_" + std::string(muscle_id);
}
// The words a voice set says for a repeated step's round, as the step titles end: English's,
// or the set's own (its WORDS.txt: "Masetero, segunda ronda").
struct RoundWords {
  std::string second = "second round";
  std::string third = "third round";
};

// The clip that ends a repeated step's announcement, from the step's title: "step_second_round"
// for "Masseter, second round", "step_third_round" for a third (", " and the words, letters
// compared without case); empty for any other title.
inline std::string_view round_clip_name(std::string_view title, const RoundWords& words = {}) {
  const auto ends_with = [title](const std::string& round) {
    if (round.empty() || title.size() < round.size() + 2) return false;
    const std::string_view end = title.substr(title.size() - round.size() - 2);
    if (end.substr(0, 2) != ", ") return false;
    for (std::size_t i = 0; i < round.size(); ++i) {
      const auto a = static_cast<unsigned char>(end[i + 2]);
      const auto b = static_cast<unsigned char>(round[i]);
      if (a != b && std::tolower(a) != std::tolower(b)) return false;
    }
    return true;
  };
  if (ends_with(words.second)) return "step_second_round";
  if (ends_with(words.third)) return "step_third_round";
  return {};
}

}  // namespace unknot::audio
