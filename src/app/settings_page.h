// Settings: the health profile, sound, the therapist switch (and, in therapist mode, the homework
// builder), a note on what therapist mode unlocks and when the safety check is asked, above the
// tab bar; every text wrapped in full. One screen module (app/screen_frame.h).
#pragma once

#include <vector>

#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"
#include "app/tab_bar.h"

namespace unknot::app {

struct SettingsRowLayout {
  Control control;
  Rect row;
  TextBlock label, detail;
  Rect accessory;  // the switch's track, or the chevron's box
  bool is_switch = false;
  bool on = false;  // the switch's state
};

struct SettingsLayout {
  PageFrame page;
  TabBarLayout tabs;
  TextBlock title;
  std::vector<SettingsRowLayout> rows;  // in reading order
  TextBlock therapist_detail, safety;
  float content_h = 0;
};
SettingsLayout settings_layout(const AppModel& m, const Env& env);

void activate(Step& st, SettingsScreen& s, Control c);
void back(Step& st, SettingsScreen& s);
void scroll(Step& st, SettingsScreen& s, float dy);
void text_input(Step& st, SettingsScreen& s, const TextInput& t);
ScreenFrame frame(const AppModel& m, const SettingsScreen& s, const Env& env);
Control primary(const AppModel& m, const SettingsScreen& s);

}  // namespace unknot::app
