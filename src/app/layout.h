// Where everything goes on each screen, in dp, as pure functions of the window size (design.md:
// 8-dp grid, 24-dp margins, 48-dp targets, 56-dp primary buttons, a column at most 480 wide).
// Text heights use the type scale's line heights; ui wraps or ellipsises inside these boxes.
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

// A centred question with two answers (end session, feeling dizzy, delete a pattern).
struct DialogLayout {
  Rect box, title, body, cancel, confirm;
};
DialogLayout dialog_layout(Size window);

struct Hit {
  Control control;
  Rect rect;
};

// Rounds to the half dp, so edges land on whole pixels at scale 2 and stay crisp.
inline float snap(float v) { return std::round(v * 2.0f) / 2.0f; }

// The content column: centred, margins on each side, at most kMaxColumn wide.
Rect column(Size window);




struct BreatheListLayout {
  Rect back, title, viewport;
  std::vector<Rect> rows;  // one per pattern, then "New pattern"; already moved by the scroll
  float content_h = 0;     // height of all rows, for the scroll limit
};
inline constexpr float kPatternRow = 72;
BreatheListLayout breathe_list_layout(Size window, int patterns, float scroll);
// Largest scroll offset for the list.
float max_scroll(Size window, int patterns);

struct PatternLayout {
  Rect back, body, unit_minutes, unit_breaths, length_down, length_value, length_up, length_note;
  Rect edit, start;
};
PatternLayout pattern_layout(Size window, bool editable);

struct StepperRow {
  Rect label, down, value, up;
};
struct EditorLayout {
  Rect back, title, name_label, name_field, by_phases, by_rate, summary, problems, remove, save;
  std::vector<StepperRow> phases;  // inhale, hold after in, exhale, hold after out
  std::vector<StepperRow> rate;    // breaths a minute, in-breath share (the first two rows)
  DialogLayout dialog;
};
EditorLayout editor_layout(Size window);

struct SoundLayout {
  Rect back, title;
  std::vector<StepperRow> groups;  // voice, tones, ambient
  std::vector<Rect> mutes;         // one per group
  std::vector<Rect> ambient_kinds; // off, brown noise, ocean
  Rect breath_tone, pan_sides;
};
SoundLayout sound_layout(Size window);

}  // namespace unknot::app
