// Where things go on the homework builder's screens, in dp (same rules as layout.h). Each
// screen has a fixed header (back, title), a scrolling part, and a fixed bottom button row;
// rects inside the scrolling part are already moved by the scroll.
#pragma once

#include <vector>

#include "app/builder_flow.h"
#include "app/layout.h"

namespace unknot::app {

// A breathing block: its heading, minutes, and a pattern chooser (previous / name / next).
struct BuilderBlockLayout {
  Rect card, heading;
  StepperRow minutes;
  StepperRow pattern;  // label empty; value spans between the arrows
};

struct BuilderLayout {
  Rect back, title, new_button, viewport, try_it, export_button;
  Rect title_label, title_field;
  Rect steps_label, length;  // "Steps", and the routine's length on the right
  BuilderBlockLayout settle, close;
  std::vector<Rect> steps;   // one row per pressure step
  Rect add_muscle;
  Rect schedule_label, schedule;
  std::vector<Rect> problems;  // one box per problem (two caption lines)
  float content_h = 0;
  DialogLayout dialog;         // "Start new homework?"
};
BuilderLayout builder_layout(Size window, int steps, int problems, float scroll);
float builder_max_scroll(Size window, int steps, int problems);

struct BuilderStepLayout {
  Rect back, title, subtitle, viewport, done;
  Rect sides_label;
  std::vector<Rect> sides;      // both, left, right, none
  Rect hold_label;
  std::vector<Rect> hold_units; // seconds, breaths
  StepperRow hold, reps, rest, pressure;  // rest is empty (h = 0) when hidden
  Rect pressure_note;
  Rect pattern_label;
  StepperRow pattern;
  Rect instruction_label, instruction_count, instruction_field;
  Rect move_up, move_down, remove;
  float content_h = 0;
};
BuilderStepLayout builder_step_layout(Size window, bool rest_shown, float scroll);
float builder_step_max_scroll(Size window, bool rest_shown);

struct BuilderPickLayout {
  Rect back, title, intro, viewport;
  std::vector<Rect> headings;  // one per row; h = 0 for rows that start no group
  std::vector<Rect> rows;
  float content_h = 0;
};
BuilderPickLayout builder_pick_layout(Size window, const std::vector<PickRow>& rows, float scroll);
float builder_pick_max_scroll(Size window, const std::vector<PickRow>& rows);

struct BuilderPlanLayout {
  Rect back, title, viewport, done;
  StepperRow times;
  Rect days_label;
  std::vector<Rect> days;  // Monday .. Sunday: one row when wide enough, else four and three
  Rect start_label, start_value;
  std::vector<Rect> start_moves;  // -1 week, -1 day, +1 day, +1 week
  StepperRow weeks;
  Rect end_note;
  Rect therapist_label, therapist_field, note_label, note_field;
  float content_h = 0;
};
BuilderPlanLayout builder_plan_layout(Size window, float scroll);
float builder_plan_max_scroll(Size window);

// Every control of a builder screen with its whole rect (not clipped), and whether it moves
// with the scroll; `viewport` is set to the scrolling part.
struct BuilderHit {
  Control control;
  Rect rect;
  bool scrolls = false;
};
std::vector<BuilderHit> builder_places(const AppModel& m, Size window, Rect& viewport);

// The builder screens' controls with their rects (scrolled ones clipped to the viewport);
// false when the screen is not a builder screen.
bool builder_hits(const AppModel& m, Size window, std::vector<Hit>& out);

}  // namespace unknot::app
