// The daily check-in (the day's average pain, 0-10: about yesterday before noon, about today
// from noon), then the Patient Global Impression of Change when it is due (domain.md §4.1,
// §4.4), then the PSFS (psfs_page.h). Questions and answers wrap in
// full; the content scrolls on short windows. One screen module (app/screen_frame.h).
#pragma once

#include <string>
#include <vector>

#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"

namespace unknot::app {

struct CheckinOptionLayout {
  Rect box;  // the whole option is pressable
  TextBlock label;
};

struct CheckinPageLayout {
  PageFrame page;
  Rect not_today;  // "Not today", or "Skip" on the PGIC step
  TextBlock title, subtitle;
  std::vector<Rect> values;                  // 0..10 (daily step)
  std::vector<CheckinOptionLayout> options;  // PGIC 1..7 (PGIC step)
  Rect save;
  float content_h = 0;  // of the scrolling part
};
// Laid out at env's window, text measure and scroll (content moved up by env.scroll).
CheckinPageLayout checkin_page_layout(const CheckinScreen& s, const Env& env);

// "Average pain yesterday", "… today so far" or "… today" (core::checkin_target).
std::string checkin_title(core::CheckinWhen when);

// Opens today's check-in if nothing else is on screen.
void on_checkin_due(AppModel& m, const CheckinDue& due);

void activate(Step& st, CheckinScreen& s, Control c);
void back(Step& st, CheckinScreen& s);
void scroll(Step& st, CheckinScreen& s, float dy);
void text_input(Step& st, CheckinScreen& s, const TextInput& t);
ScreenFrame frame(const AppModel& m, const CheckinScreen& s, const Env& env);
Control primary(const AppModel& m, const CheckinScreen& s);

}  // namespace unknot::app
