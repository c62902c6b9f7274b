// Scrolling, the same for every screen: an offset into the frame's viewport, clamped to its
// content, with momentum after a fling and keyboard paging. Pure std + core; time comes in
// with Tick (the audio clock), never read here.
#pragma once

#include "app/geometry.h"
#include "core/time.h"

namespace unknot::app {

struct ScreenFrame;

struct ScrollState {
  float offset = 0;      // dp scrolled from the top of the content
  float velocity = 0;    // dp a second while coasting after a fling; 0 at rest
  core::Instant last{};  // when coasting last advanced
};

// Moves by dy dp (positive: content moves up) within [0, frame.max_scroll()]; stops coasting.
void scroll_by(ScrollState& s, const ScreenFrame& frame, float dy);
// Keeps the offset within what the content needs (after a resize or a content change).
void clamp_scroll(ScrollState& s, const ScreenFrame& frame);
// Starts coasting at `velocity` dp/s from `now` (a fling ends a drag).
void fling(ScrollState& s, float velocity, core::Instant now);
// Advances coasting to `now`: the speed decays exponentially (time constant 325 ms) and stops
// below 20 dp/s or at either end. Returns true while still coasting.
bool coast(ScrollState& s, const ScreenFrame& frame, core::Instant now);
// Scrolls the least amount that shows `r` (a rect at the current offset, window dp) wholly
// inside the viewport, with a margin of 8 dp; a rect taller than the viewport shows its top.
void reveal(ScrollState& s, const ScreenFrame& frame, Rect r);

}  // namespace unknot::app
