// The end of a session: before → after, the change, time done and a modest message; Done.
// One screen module (app/screen_frame.h).
#pragma once

#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"

namespace unknot::app {

struct SummaryPageLayout {
  PageFrame page;
  TextBlock title, before_after, change, time_done, message;
  Rect card;  // behind before → after
  Rect done;
  float content_h = 0;
};
SummaryPageLayout summary_page_layout(const AppModel& m, const Env& env);

void activate(Step& st, SummaryScreen& s, Control c);
void back(Step& st, SummaryScreen& s);
void scroll(Step& st, SummaryScreen& s, float dy);
void text_input(Step& st, SummaryScreen& s, const TextInput& t);
ScreenFrame frame(const AppModel& m, const SummaryScreen& s, const Env& env);
Control primary(const AppModel& m, const SummaryScreen& s);

}  // namespace unknot::app
