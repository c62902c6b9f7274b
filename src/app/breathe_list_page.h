// Just breathe: every breathing pattern as a row (its name and timing, wrapped in full), then
// New pattern, scrolling when taller than the window. One screen module (app/screen_frame.h).
#pragma once

#include <vector>

#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"

namespace unknot::app {

struct PatternRowLayout {
  Rect row;
  TextBlock name, timing;
};

struct BreatheListPageLayout {
  PageFrame page;
  Rect back;
  TextBlock title;
  std::vector<PatternRowLayout> rows;  // one per pattern, in all_patterns order
  Rect new_pattern;
  float content_h = 0;  // of the scrolling part, at scroll 0
};
// Laid out at env's window, text measure and scroll (content moved up by env.scroll).
BreatheListPageLayout breathe_list_page_layout(const AppModel& m, const Env& env);

void activate(Step& st, BreatheListScreen& s, Control c);
void back(Step& st, BreatheListScreen& s);
void scroll(Step& st, BreatheListScreen& s, float dy);
void text_input(Step& st, BreatheListScreen& s, const TextInput& t);
ScreenFrame frame(const AppModel& m, const BreatheListScreen& s, const Env& env);
Control primary(const AppModel& m, const BreatheListScreen& s);

}  // namespace unknot::app
