// The spacing every page shares, in dp (design.md: 8-dp grid, 24-dp margins, 48-dp targets,
// 56-dp primary buttons, a column at most 480 wide), the type scale's line heights at 100 %, and
// the centred two-answer question box. Pages lay themselves out in their own modules with
// app/page_layout.h, measuring text with the real font.
#pragma once

#include <cmath>
#include <vector>

#include "app/controls.h"
#include "app/geometry.h"
#include "app/model.h"

namespace unknot::app {

inline constexpr float kMargin = 24;
inline constexpr float kGap = 16;
inline constexpr float kSmallGap = 8;
inline constexpr float kTarget = 48;
inline constexpr float kButtonHeight = 56;
inline constexpr float kMaxColumn = 480;
// Line heights (font size × 1.3) of the type scale in design.md.
inline constexpr float kDisplayLine = 52;
inline constexpr float kTitleLine = 36;
inline constexpr float kHeadingLine = 26;
inline constexpr float kBodyLine = 22;
inline constexpr float kCaptionLine = 18;

// Rounds to the half dp, so edges land on whole pixels at scale 2 and stay crisp.
inline float snap(float v) { return std::round(v * 2.0f) / 2.0f; }

// The content column: centred, margins on each side, at most kMaxColumn wide.
Rect column(Size window);

}  // namespace unknot::app
