#include "audio/limiter.h"

#include <algorithm>
#include <cmath>

namespace unknot::audio {

PeakLimiter::PeakLimiter(int rate_hz, float ceiling, double lookahead_s, double release_s)
    : ceiling_(ceiling),
      lookahead_(std::max(2, static_cast<int>(std::lround(lookahead_s * rate_hz)))),
      release_step_(static_cast<float>(1.0 / std::max(1.0, release_s * rate_hz))),
      delay_(2 * static_cast<std::size_t>(lookahead_), 0.0F),
      held_(static_cast<std::size_t>(lookahead_) + 1, 1.0F),
      queue_index_(static_cast<std::size_t>(lookahead_) + 1, 0),
      queue_value_(static_cast<std::size_t>(lookahead_) + 1, 1.0F),
      held_sum_(static_cast<double>(lookahead_) + 1) {}

float PeakLimiter::required_gain(float left, float right) {
  // The midpoint between the previous two frames, by a four-point interpolation: where a
  // reconstructed waveform peaks between samples (what a true-peak meter reads).
  auto midpoint = [](float a, float b, float c, float d) {
    return (-a + 9.0F * b + 9.0F * c - d) / 16.0F;
  };
  const float mid_left = midpoint(history_[0][0], history_[1][0], history_[2][0], left);
  const float mid_right = midpoint(history_[0][1], history_[1][1], history_[2][1], right);
  history_[0][0] = history_[1][0];
  history_[0][1] = history_[1][1];
  history_[1][0] = history_[2][0];
  history_[1][1] = history_[2][1];
  history_[2][0] = left;
  history_[2][1] = right;
  const float top = std::max(std::max(std::abs(left), std::abs(right)),
                             std::max(std::abs(mid_left), std::abs(mid_right)));
  return top > ceiling_ ? ceiling_ / top : 1.0F;
}

bool PeakLimiter::at_rest() const {
  // Nothing but silence in the delay (and so in the midpoint history, which is shorter), no
  // gain held below 1 anywhere in the window (each held value is the least need over the window
  // before it, so two windows of needing nothing), and the gain back at 1: a silent frame then
  // changes nothing but the positions.
  const auto window = static_cast<std::int64_t>(held_.size());
  return pending_ == 0 && gain_ == 1.0F && ones_run_ >= 2 * window &&
         static_cast<float>(held_sum_ / static_cast<double>(window)) == 1.0F;
}

void PeakLimiter::process(const float* in, float* out, int frames) {
  // Ring positions advance by one and wrap by a compare, not a division: this runs for every
  // frame of the output, on the audio thread (the browser's main thread, on the web).
  const std::size_t window = held_.size();
  const std::size_t delay_frames = static_cast<std::size_t>(lookahead_);
  const auto wrap = [window](std::size_t i) { return i >= window ? i - window : i; };
  const auto window_frames = static_cast<std::int64_t>(window);
  if (frames > 0 && at_rest() && std::all_of(in, in + 2 * frames, [](float x) { return x == 0; })) {
    // Silence into a limiter at rest (most of a routine, between its cues): silence out, and
    // the state the loop below would leave, without it.
    std::fill(out, out + 2 * frames, 0.0F);
    const auto n = static_cast<std::size_t>(frames);
    frame_ += frames;
    held_pos_ = (held_pos_ + n) % window;
    delay_pos_ = (delay_pos_ + n) % delay_frames;
    queue_head_ = 0;
    queue_size_ = 1;
    queue_index_[0] = frame_ - 1;
    queue_value_[0] = 1.0F;
    ones_run_ += frames;
    return;
  }
  for (int i = 0; i < frames; ++i) {
    const float left = in[2 * i];
    const float right = in[2 * i + 1];
    const float need = required_gain(left, right);
    ones_run_ = need == 1.0F ? ones_run_ + 1 : 0;
    // Running minimum of the required gains over the last `window` frames.
    while (queue_size_ > 0) {
      if (queue_value_[wrap(queue_head_ + queue_size_ - 1)] < need) break;
      --queue_size_;
    }
    const std::size_t slot = wrap(queue_head_ + queue_size_);
    queue_index_[slot] = frame_;
    queue_value_[slot] = need;
    ++queue_size_;
    while (queue_index_[queue_head_] <= frame_ - window_frames) {
      queue_head_ = wrap(queue_head_ + 1);
      --queue_size_;
    }
    const float held = queue_value_[queue_head_];
    // Average of the held minima over the window: reaches each minimum exactly when the
    // sample that needed it leaves the delay, along a straight ramp.
    held_sum_ += static_cast<double>(held) - static_cast<double>(held_[held_pos_]);
    held_[held_pos_] = held;
    held_pos_ = wrap(held_pos_ + 1);
    const auto eased = static_cast<float>(held_sum_ / static_cast<double>(window));
    gain_ = std::min(eased, gain_ + release_step_);

    const std::size_t d = delay_pos_;
    delay_pos_ = delay_pos_ + 1 == delay_frames ? 0 : delay_pos_ + 1;
    out[2 * i] = delay_[2 * d] * gain_;
    out[2 * i + 1] = delay_[2 * d + 1] * gain_;
    delay_[2 * d] = left;
    delay_[2 * d + 1] = right;
    pending_ = left != 0.0F || right != 0.0F ? lookahead_ : std::max(0, pending_ - 1);
    ++frame_;
  }
}

}  // namespace unknot::audio
