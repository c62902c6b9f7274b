// History: every logged session, newest first, a page at a time (the next page loads as the
// list nears its end), above the tab bar; a row's title wraps and its ratings always show in
// full; the undo offer sits over the list's foot. One screen module (app/screen_frame.h).
#pragma once

#include <vector>

#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"
#include "app/tab_bar.h"

namespace unknot::app {

struct HistoryRowLayout {
  Rect row;
  TextBlock date, status, title, ratings, minutes;
  Rect note;  // the note's first line, one line that may end in "…" (the row opens it whole)
};

struct HistoryLayout {
  PageFrame page;
  TabBarLayout tabs;
  Rect list;  // the visible part of the list: the viewport, above the undo bar while it shows
  TextBlock title;
  std::vector<HistoryRowLayout> rows;  // one per loaded entry
  TextBlock footer;                    // "Loading older sessions…" / "That is everything so far"
  TextBlock empty_title, empty_body;   // when there is nothing (or "Loading…" as the body)
  Rect undo_bar, undo;                 // h == 0 unless the undo offer shows
  TextBlock undo_label;
  float content_h = 0;
};
HistoryLayout history_layout(const AppModel& m, const Env& env);

// Opens History, asking for its first page if it has not been loaded.
void open_history(AppModel& m, std::vector<Effect>& fx);

void activate(Step& st, HistoryScreen& s, Control c);
void back(Step& st, HistoryScreen& s);
void scroll(Step& st, HistoryScreen& s, float dy);
void text_input(Step& st, HistoryScreen& s, const TextInput& t);
ScreenFrame frame(const AppModel& m, const HistoryScreen& s, const Env& env);
Control primary(const AppModel& m, const HistoryScreen& s);

}  // namespace unknot::app
