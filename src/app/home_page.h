// Home: the title and Sound, a line of how to use it, today's homework, "Just breathe", "Where
// does it hurt?" and one card per routine, every text wrapped in full; the cards scroll above
// the tab bar and stand two to a row on wide windows. One screen module (app/screen_frame.h).
#pragma once

#include <vector>

#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"
#include "app/tab_bar.h"

namespace unknot::app {

struct HomeworkCardLayout {
  Rect card;
  TextBlock from, title, today, week, note, days_left;  // note is quoted; empty without one
  Rect chevron;
};
// "Just breathe" and "Where does it hurt?": a mark, a title and a line under it.
struct ShortcutCardLayout {
  Rect card;
  Point mark;
  TextBlock title, detail;
  Rect chevron;
};
struct RoutineCardLayout {
  int routine = 0;  // catalog index
  Rect card;
  TextBlock title, summary, meta, last;  // last is empty before a rated session
  Point dot;                             // the last rating's pain dot, beside `last`
  Rect chevron;
};

struct HomeLayout {
  PageFrame page;
  TabBarLayout tabs;
  TextBlock title, subtitle;
  Rect sound;
  std::vector<HomeworkCardLayout> homework;  // one per model.homework, in order
  ShortcutCardLayout breathe, where;
  std::vector<RoutineCardLayout> routines;  // catalog entries without a homework card
  float content_h = 0;                      // of the scrolling part, at scroll 0
};
// Laid out at env's window and text measure, moved up by env.scroll (clamped to the content).
HomeLayout home_layout(const AppModel& m, const Env& env);

void activate(Step& st, HomeScreen& s, Control c);
void back(Step& st, HomeScreen& s);
void scroll(Step& st, HomeScreen& s, float dy);
void text_input(Step& st, HomeScreen& s, const TextInput& t);
ScreenFrame frame(const AppModel& m, const HomeScreen& s, const Env& env);
Control primary(const AppModel& m, const HomeScreen& s);

}  // namespace unknot::app
