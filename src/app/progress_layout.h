// Where things go on the Progress, History and entry screens and the bottom tab bar, in dp, as
// pure functions of the window size and the model (same rules as layout.h: 8-dp grid, 24-dp
// margins, 48-dp targets, a column at most 480 wide).
#pragma once

#include <vector>

#include "app/layout.h"
#include "app/model.h"
#include "app/trends_view.h"

namespace unknot::app {

inline constexpr float kTabBarHeight = 64;

// The bar at the bottom of Home, Progress, History and Settings.
struct TabBarLayout {
  Rect bar, home, progress, history, settings;
};
TabBarLayout tab_bar_layout(Size window);

// Progress: a fixed header (title, Share report) over a scrolling column of cards that ends
// above the tab bar. Everything in the scrolling part is already moved by the scroll.
struct ChartCard {
  Rect card, title, plot, legend, note;
  int legend_columns = 1;
};
// The parts of the change-vs-baseline card.
struct ChangeCardLayout {
  Rect title, baseline_label, baseline_value, baseline_caption;
  Rect current_label, current_value, current_caption;
  Rect change, band, reference, note;
  int reference_lines = 0, note_lines = 0;
};
struct TrendsLayout {
  Rect title, share, viewport;
  std::vector<Rect> periods;  // 4 weeks, 12 weeks, all
  std::vector<Rect> regions;  // every region, then one per trends_regions()
  std::vector<Rect> sides;    // both, left, right
  Rect filter_note;           // "Daily pain is whole-body…" while a filter is on
  Rect change;                // change vs baseline card
  ChangeCardLayout change_parts;
  Rect streak;                // gentle streak line
  int streak_lines = 0;
  ChartCard pain;             // daily points, 7-day mean, weekly means, adherence bars
  Rect target_label, target_down, target_value, target_up;
  Rect target_row;            // the band holding the target setting, inside the pain card
  ChartCard sessions;         // before vs after per session, weekly within-session change
  Rect sessions_summary, sessions_caveat;  // inside sessions.note
  std::vector<Rect> sessions_weekly;       // one line per week of sessions.weekly
  std::vector<Rect> left_right_rows;       // one per row: the region line and the two cells
  std::vector<Rect> dose_rows;             // one per row: the label line and its bar
  ChartCard left_right;       // only when both sides were rated (empty rects otherwise)
  ChartCard dose;             // minutes of pressure per muscle per week
  Rect toast;                 // over the bottom of the viewport while a toast shows
  float content_h = 0;        // height of the scrolling part, for the scroll limit
};
TrendsLayout trends_layout(Size window, const AppModel& m, const TrendsScreen& s);
// The same from an already built view (the screen builds it once per frame).
TrendsLayout trends_layout(Size window, const TrendsView& view, float scroll);
float trends_max_scroll(Size window, const AppModel& m, const TrendsScreen& s);

// History: title, then the list of entries (newest first) above the tab bar; the undo bar sits
// over the bottom of the list while an undo is on offer.
inline constexpr float kHistoryRow = 88;
struct HistoryLayout {
  Rect title, viewport;
  std::vector<Rect> rows;  // one per loaded entry, moved by the scroll
  Rect undo_bar, undo_label, undo;
  Rect empty;              // the message shown when there is nothing yet
  Rect footer;             // "Loading older sessions…" under the last row, moved by the scroll
  float content_h = 0;
};
HistoryLayout history_layout(Size window, int rows, float scroll);
float history_max_scroll(Size window, int rows);

// One entry: its date and routine, the two ratings with steppers, the note, Delete and Save.
struct EntryLayout {
  Rect back, title, meta, status;
  StepperRow before, after;
  Rect note_label, note_field, remove, save;
  DialogLayout dialog;  // "Delete this session?"
};
EntryLayout entry_layout(Size window);

}  // namespace unknot::app
