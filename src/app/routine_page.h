// The routine's page before Start: title, length and tool, summary, what the health profile
// changed, every step and every caution in full, scrolling when taller than the window; on wide
// windows the steps stand beside the details. One screen module (app/screen_frame.h).
#pragma once

#include <vector>

#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"

namespace unknot::app {

struct StepRowLayout {
  TextBlock number, title, detail;
};

struct RoutinePageLayout {
  PageFrame page;
  Rect back, sources, save;  // save is "Save" (built) or "Calendar" (homework); w == 0 if absent
  TextBlock title, meta, summary;
  Rect changes_card;  // h == 0 without changes
  TextBlock changes_heading;
  std::vector<TextBlock> changes;
  TextBlock nothing_left;  // when the profile left no step to play
  TextBlock steps_heading;
  std::vector<StepRowLayout> steps;
  Rect cautions_card;  // h == 0 without cautions
  TextBlock cautions_heading;
  std::vector<TextBlock> cautions;
  Rect start;           // w == 0 when there is nothing to start
  float content_h = 0;  // of the scrolling part, at scroll 0
};
// Laid out at env's window, text measure and scroll (content moved up by env.scroll).
RoutinePageLayout routine_page_layout(const AppModel& m, const RoutineScreen& s, const Env& env);

void activate(Step& st, RoutineScreen& s, Control c);
void back(Step& st, RoutineScreen& s);
void scroll(Step& st, RoutineScreen& s, float dy);
void text_input(Step& st, RoutineScreen& s, const TextInput& t);
ScreenFrame frame(const AppModel& m, const RoutineScreen& s, const Env& env);
Control primary(const AppModel& m, const RoutineScreen& s);

}  // namespace unknot::app
