// The pain rating before and after a routine (0-10 with fixed anchors, domain.md §4.3) and,
// before, the region that hurts most. Every word measured and wrapped; the page scrolls when
// taller than the window. One screen module (app/screen_frame.h).
#pragma once

#include <vector>

#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"

namespace unknot::app {

struct RatingPageLayout {
  PageFrame page;
  Rect back;         // w == 0 after the session
  Rect skip;         // after the session: "Skip" (asks first); w == 0 before
  DialogBox dialog;  // "Skip the rating?", when confirming_skip
  TextBlock moment, title, anchors, region_label, hint;
  std::vector<Rect> values;   // 0..10, moved by the scroll
  std::vector<Rect> regions;  // chips, moved by the scroll
  std::vector<TextBlock> region_names;
  Rect confirm;
  float content_h = 0;
};
RatingPageLayout rating_page_layout(const AppModel& m, const RatingScreen& s, const Env& env);

void activate(Step& st, RatingScreen& s, Control c);
void back(Step& st, RatingScreen& s);
void scroll(Step& st, RatingScreen& s, float dy);
void text_input(Step& st, RatingScreen& s, const TextInput& t);
ScreenFrame frame(const AppModel& m, const RatingScreen& s, const Env& env);
Control primary(const AppModel& m, const RatingScreen& s);

}  // namespace unknot::app
