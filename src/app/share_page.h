// Share report: what the clinician report holds and where it goes (a file on this device; nothing
// is sent), the weeks it covers, and an optional name to head it; Save report writes it and shows
// the file over Progress. Scrolls when it does not fit. One screen module (app/screen_frame.h).
#pragma once

#include <vector>

#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"
#include "app/text_field.h"
#include "app/trends_page.h"

namespace unknot::app {

struct SharePageLayout {
  PageFrame page;
  Rect back;
  TextBlock title, intro, privacy;
  TextBlock period_label;
  std::vector<ChipLayout> chips;  // Period, index = TrendsPeriod
  TextBlock name_label;
  Rect name_field;
  TextBlock name_note;  // what the name is for, or that it is too long
  Rect save;
  float content_h = 0;  // of the scrolling part, at scroll 0
};
// Laid out at env's window, text measure and scroll (content moved up by env.scroll).
SharePageLayout share_page_layout(const ShareScreen& s, const Env& env);
// Opened from Progress as `from` shows it: the same weeks, the name given last time.
ShareScreen share_screen(const AppModel& m, const TrendsScreen& from);
// The name field's place in the layout.
FieldPlace share_name_place(const SharePageLayout& l);
// The report the screen asks for: its weeks and name, the person's weekly target, and the
// catalog's titles and the library's names so routines and muscles read by name.
ShareReportFile share_request(const AppModel& m, const ShareScreen& s);

void activate(Step& st, ShareScreen& s, Control c);
void back(Step& st, ShareScreen& s);
void scroll(Step& st, ShareScreen& s, float dy);
void text_input(Step& st, ShareScreen& s, const TextInput& t);
std::optional<FieldRef> text_field(const AppModel& m, const ShareScreen& s, Control c,
                                   const Env& env);
ScreenFrame frame(const AppModel& m, const ShareScreen& s, const Env& env);
Control primary(const AppModel& m, const ShareScreen& s);

}  // namespace unknot::app
