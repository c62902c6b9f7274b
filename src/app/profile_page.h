// The health profile: one switch row per condition, each with what it changes in full, Save (or
// "None of these" while nothing is ticked) at the bottom; kept on the device only. One screen
// module (app/screen_frame.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"

namespace unknot::app {

struct ProfileRowLayout {
  Rect row;  // the whole row toggles
  TextBlock label, detail;
  Rect track;  // the switch
};

struct ProfilePageLayout {
  PageFrame page;
  Rect back;
  Rect skip;  // "Not now", shown only as a step of the welcome tour
  TextBlock title, intro;
  std::vector<ProfileRowLayout> rows;  // in ProfileFlag index order
  Rect save;
  float content_h = 0;  // of the scrolling part
};
// The bottom button: "None of these" while nothing is ticked, else "Save"; both keep the draft.
std::string profile_save_label(const ProfileScreen& s);

// Laid out at env's window, text measure and scroll (content moved up by env.scroll).
ProfilePageLayout profile_page_layout(const Env& env);

void activate(Step& st, ProfileScreen& s, Control c);
void back(Step& st, ProfileScreen& s);
void scroll(Step& st, ProfileScreen& s, float dy);
void text_input(Step& st, ProfileScreen& s, const TextInput& t);
ScreenFrame frame(const AppModel& m, const ProfileScreen& s, const Env& env);
Control primary(const AppModel& m, const ProfileScreen& s);

}  // namespace unknot::app
