// Settings: the health profile, sound, backups, display, the daily check-in's reminder time, the
// therapist switch (and, in therapist mode, the homework builder), a note on what therapist mode
// unlocks and when the safety check is asked, above the tab bar; every text wrapped in full. One
// screen module (app/screen_frame.h).
#pragma once

#include <optional>
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

// One of a row of choices (the theme, the language): drawn filled when chosen.
struct ChoiceLayout {
  Control control;
  Rect rect;
  TextBlock label;
  bool chosen = false;
};

// The Display card's text size: the size now, and − and + beside (or under) it. The check-in
// reminder's time uses the same card with its own controls.
struct TextSizeLayout {
  Rect card;
  TextBlock label, value, detail;
  Rect smaller, larger;
  bool can_smaller = false, can_larger = false;
  ControlKind smaller_kind = ControlKind::TextSmaller;
  ControlKind larger_kind = ControlKind::TextLarger;
};

struct SettingsLayout {
  PageFrame page;
  TabBarLayout tabs;
  TextBlock title;
  std::vector<SettingsRowLayout> rows;  // health profile, sound, backups, about
  TextBlock display_heading;
  Rect theme_card;
  TextBlock theme_label, theme_detail;
  std::vector<ChoiceLayout> themes;  // Automatic, Light, Dark (core::ThemeChoice order)
  // The language: the device's, or one of core::languages() by its own name.
  Rect language_card;
  TextBlock language_label, language_detail;
  std::vector<ChoiceLayout> languages;  // index 0: the device's; then core::languages()' order
  TextSizeLayout text_size;
  std::vector<SettingsRowLayout> comfort;  // reduce motion, high contrast (switches)
  TextBlock checkin_heading;
  std::vector<SettingsRowLayout> reminder;      // the check-in reminder's switch
  std::optional<TextSizeLayout> reminder_time;  // its time, while it is on
  std::vector<SettingsRowLayout> care;          // therapist mode, and the builder when it is on
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
