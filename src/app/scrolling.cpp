#include "app/scrolling.h"

#include <algorithm>
#include <cmath>

#include "app/screen_frame.h"

namespace unknot::app {
namespace {

constexpr float kRevealMargin = 8;
constexpr float kStopSpeed = 20;         // dp/s
constexpr double kTimeConstant = 0.325;  // s, as touch platforms decelerate a fling

}  // namespace

float ScreenFrame::max_scroll() const {
  return viewport.w <= 0 ? 0.0f : std::max(0.0f, content_h - viewport.h);
}

void clamp_scroll(ScrollState& s, const ScreenFrame& frame) {
  const float clamped = std::clamp(s.offset, 0.0f, frame.max_scroll());
  if (clamped != s.offset) s.velocity = 0;
  s.offset = clamped;
}

void scroll_by(ScrollState& s, const ScreenFrame& frame, float dy) {
  s.velocity = 0;
  s.offset += dy;
  clamp_scroll(s, frame);
}

void fling(ScrollState& s, float velocity, core::Instant now) {
  s.velocity = std::abs(velocity) < kStopSpeed ? 0.0f : velocity;
  s.last = now;
}

bool coast(ScrollState& s, const ScreenFrame& frame, core::Instant now) {
  if (s.velocity == 0) return false;
  const double dt = std::chrono::duration<double>(now - s.last).count();
  s.last = now;
  if (dt <= 0) return true;
  // Distance covered while v(t) = v0·e^(-t/τ) decays over dt.
  const double decay = std::exp(-dt / kTimeConstant);
  const double moved = s.velocity * kTimeConstant * (1 - decay);
  const float velocity = static_cast<float>(s.velocity * decay);
  s.offset += static_cast<float>(moved);
  clamp_scroll(s, frame);  // stops at either end
  if (s.velocity != 0) s.velocity = std::abs(velocity) < kStopSpeed ? 0.0f : velocity;
  return s.velocity != 0;
}

void reveal(ScrollState& s, const ScreenFrame& frame, Rect r) {
  if (frame.viewport.w <= 0) return;
  const float top = frame.viewport.y + kRevealMargin;
  const float bottom = frame.viewport.bottom() - kRevealMargin;
  if (r.y < top || r.h > bottom - top) {
    s.offset -= top - r.y;
  } else if (r.bottom() > bottom) {
    s.offset += r.bottom() - bottom;
  }
  s.velocity = 0;
  clamp_scroll(s, frame);
}

}  // namespace unknot::app
