#include "audio/onset_finder.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace unknot::audio {
namespace {

// Refinement passes search this close to the previous answer: the first pass is already
// within a few frames, and a narrow search keeps a long recording quick to check.
constexpr int kRefineRadius = 16;
constexpr int kMaxPasses = 4;

float at(std::span<const float> samples, std::int64_t index) {
  return index < 0 || index >= static_cast<std::int64_t>(samples.size())
             ? 0.0F
             : samples[static_cast<std::size_t>(index)];
}

// Best lag of `clip` in `recording` (interleaved), which starts at frame `base` of the
// whole recording, searching [from, to].
std::int64_t best_lag(std::span<const float> recording, std::int64_t base, const Clip& clip,
                      std::int64_t from, std::int64_t to, int window) {
  const std::int64_t length = std::min<std::int64_t>(window, clip.frames());
  const auto recorded = static_cast<std::int64_t>(recording.size() / 2);
  if (length < 2) return from + (to - from) / 2;
  std::vector<double> pattern(static_cast<std::size_t>(2 * length));
  for (std::int64_t i = 0; i < 2 * length; ++i) {
    const std::int64_t frame = i / 2;
    const auto channel = static_cast<int>(i % 2);
    pattern[static_cast<std::size_t>(i)] =
        static_cast<double>(clip.sample(frame, channel)) -
        (frame == 0 ? 0.0 : static_cast<double>(clip.sample(frame - 1, channel)));
  }
  std::int64_t best = from + (to - from) / 2;
  double best_score = -std::numeric_limits<double>::infinity();
  for (std::int64_t lag = from; lag <= to; ++lag) {
    const std::int64_t start = lag - base;  // in frames of `recording`
    if (start + length > recorded) break;
    double dot = 0;
    double energy = 0;
    for (std::int64_t i = 0; i < 2 * length; ++i) {
      const std::int64_t index = 2 * start + i;
      const double d = static_cast<double>(at(recording, index)) - at(recording, index - 2);
      dot += pattern[static_cast<std::size_t>(i)] * d;
      energy += d * d;
    }
    const double score = energy > 0 ? dot / std::sqrt(energy) : 0;
    if (score > best_score) {
      best_score = score;
      best = lag;
    }
  }
  return best;
}

struct Found {
  std::int64_t frame = 0;
  double gain_left = 0;
  double gain_right = 0;
};

// Least-squares gain per channel of `clip` at `frame` in `recording` (starting at `base`),
// over the first `window` frames.
void fit_gains(std::span<const float> recording, std::int64_t base, const Clip& clip, Found& found,
               int window) {
  const std::int64_t length = std::min<std::int64_t>(window, clip.frames());
  double dot[2] = {0, 0};
  double energy[2] = {0, 0};
  for (std::int64_t n = 0; n < length; ++n) {
    for (int ch = 0; ch < 2; ++ch) {
      const double p = clip.sample(n, ch);
      dot[ch] += p * at(recording, 2 * (found.frame - base + n) + ch);
      energy[ch] += p * p;
    }
  }
  found.gain_left = energy[0] > 0 ? dot[0] / energy[0] : 0;
  found.gain_right = energy[1] > 0 ? dot[1] / energy[1] : 0;
}

}  // namespace

std::int64_t find_onset(std::span<const float> recording, const Clip& clip, std::int64_t expected,
                        int radius, int window) {
  return best_lag(recording, 0, clip, expected - radius, expected + radius, window);
}

std::vector<std::int64_t> find_onsets(std::span<const float> recording,
                                      std::span<const SoundToFind> sounds, int radius, int window) {
  std::vector<Found> found(sounds.size());
  for (std::size_t k = 0; k < sounds.size(); ++k) {
    const Clip& clip = *sounds[k].clip;
    found[k].frame = find_onset(recording, clip, sounds[k].expected, radius, window);
    fit_gains(recording, 0, clip, found[k], window);
  }

  std::vector<float> residual;
  for (int pass = 1; pass < kMaxPasses; ++pass) {
    bool moved = false;
    for (std::size_t k = 0; k < sounds.size(); ++k) {
      const Clip& clip = *sounds[k].clip;
      // The stretch of recording this search reads, with every other sound taken out.
      const std::int64_t from = found[k].frame - kRefineRadius;
      const std::int64_t to = found[k].frame + kRefineRadius;
      const std::int64_t begin = from - 1;
      const std::int64_t end = to + std::min<std::int64_t>(window, clip.frames());
      residual.assign(static_cast<std::size_t>(2 * (end - begin)), 0.0F);
      for (std::int64_t n = begin; n < end; ++n) {
        for (int ch = 0; ch < 2; ++ch) {
          residual[static_cast<std::size_t>(2 * (n - begin) + ch)] = at(recording, 2 * n + ch);
        }
      }
      for (std::size_t j = 0; j < sounds.size(); ++j) {
        const Clip& other = *sounds[j].clip;
        const Found& f = found[j];
        if (j == k || f.frame >= end || f.frame + other.frames() <= begin) continue;
        const std::int64_t first = std::max(begin, f.frame);
        const std::int64_t last = std::min(end, f.frame + other.frames());
        for (std::int64_t n = first; n < last; ++n) {
          const auto dst = static_cast<std::size_t>(2 * (n - begin));
          residual[dst] -= static_cast<float>(f.gain_left * other.sample(n - f.frame, 0));
          residual[dst + 1] -= static_cast<float>(f.gain_right * other.sample(n - f.frame, 1));
        }
      }
      Found next = found[k];
      next.frame = best_lag(residual, begin, clip, std::max(from, sounds[k].expected - radius),
                            std::min(to, sounds[k].expected + radius), window);
      fit_gains(residual, begin, clip, next, window);
      moved = moved || next.frame != found[k].frame;
      found[k] = next;
    }
    if (!moved) break;
  }

  std::vector<std::int64_t> frames(sounds.size());
  for (std::size_t k = 0; k < sounds.size(); ++k) frames[k] = found[k].frame;
  return frames;
}

}  // namespace unknot::audio
