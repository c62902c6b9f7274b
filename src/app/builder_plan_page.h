// The homework's schedule: times a day, the days of the week, the first day (a day or a week
// earlier or later, never before today), how many weeks and where that ends, the therapist's
// name and a note to the client; Done stays at the bottom and returns to the routine page. Every
// text wrapped in full; the page scrolls. One screen module (app/screen_frame.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/builder_controls.h"
#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"

namespace unknot::app {

// The days' chips, Monday to Sunday ("Mon" … "Sun"), in the current language.
std::vector<std::string> day_labels();
// The start's moves in reading order: a week and a day earlier, a day and a week later.
std::vector<std::string> start_move_labels();

struct BuilderStartMove {
  Control control;
  Rect rect;
  bool enabled = true;
};

struct BuilderPlanPageLayout {
  PageFrame page;
  Rect back, done;
  TextBlock title;
  BuilderStepperLayout times;
  TextBlock days_label;
  std::vector<Rect> days;  // Monday .. Sunday
  TextBlock start_label, start_value;
  std::vector<BuilderStartMove> start_moves;  // as start_move_labels()
  BuilderStepperLayout weeks;
  TextBlock end_note, therapist_label;
  BuilderField therapist;
  TextBlock note_label;
  BuilderField note;    // multi-line: Enter adds a line
  float content_h = 0;  // of the scrolling part, at scroll 0
};
// Laid out at env's window, text measure and scroll (content moved up by env.scroll).
BuilderPlanPageLayout builder_plan_page_layout(const AppModel& m, const BuilderPlanScreen& s,
                                               const Env& env);
// The schedule of `d`, its therapist's name and note in the fields; the routine page was
// scrolled to `builder_scroll`.
BuilderPlanScreen builder_plan_screen(const HomeworkDraft& d, float builder_scroll);

// "Mon 2 Nov 2026"
std::string day_text(core::Day day);

void activate(Step& st, BuilderPlanScreen& s, Control c);
void back(Step& st, BuilderPlanScreen& s);
void scroll(Step& st, BuilderPlanScreen& s, float dy);
void text_input(Step& st, BuilderPlanScreen& s, const TextInput& t);
std::optional<FieldRef> text_field(const AppModel& m, const BuilderPlanScreen& s, Control c,
                                   const Env& env);
ScreenFrame frame(const AppModel& m, const BuilderPlanScreen& s, const Env& env);
Control primary(const AppModel& m, const BuilderPlanScreen& s);

}  // namespace unknot::app
