// Progress: the period and filter chips, the change from baseline, the streak, the pain and
// practice chart with the weekly target, sessions before and after, left vs right and the
// pressure by muscle, as cards that scroll above the tab bar; every text wrapped in full, the
// charts as wide as the column (960 dp on a desktop). One screen module (app/screen_frame.h).
#pragma once

#include <vector>

#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"
#include "app/tab_bar.h"
#include "app/trends_chart.h"
#include "app/trends_view.h"

namespace unknot::app {

struct ChipLayout {
  Control control;  // Period, RegionFilter or SideFilter with its index
  Rect rect;
  TextBlock label;
  bool on = false;
};

// A row of choices (the period, a region, a side) laid out as chips of one size, as many to a
// row as fit their labels (at most max_cols), appended to `out` below f.y.
struct ChipItem {
  std::string label;
  Control control;
  bool on = false;
};
void chip_group(const TextMeasure& t, Flow& f, const std::vector<ChipItem>& items, int max_cols,
                std::vector<ChipLayout>& out);

struct LegendEntry {
  LegendMark mark = LegendMark::Dot;
  Rect swatch;
  TextBlock text;
};

struct ChartCardLayout {
  Rect card;
  TextBlock title;
  Rect plot;
  PlotGeometry geometry;
  std::vector<LegendEntry> legend;
};

struct ChangeCardLayout {
  Rect card;
  TextBlock title, baseline_label, baseline_value, baseline_caption;
  TextBlock current_label, current_value, current_caption;
  TextBlock change, band, reference, note;
};

struct TargetRowLayout {
  Rect rule;        // the hairline above it
  TextBlock label;  // "Weekly target" / "Prescribed this week"
  Rect down, up;    // w == 0 when the therapist's schedule sets it
  TextBlock value;  // "5 sessions"
};

struct LeftRightLayout {
  Rect card;  // h == 0 without a region rated on both sides
  TextBlock title, left_head, right_head, note;
  struct Row {
    TextBlock region, left, right;
  };
  std::vector<Row> rows;
};

struct PsfsCardLayout {
  Rect card;  // h == 0 without a PSFS activity rated in the period
  TextBlock title, note;
  struct Row {
    TextBlock activity, value, verdict;
    bool beyond_mdc = false;
  };
  std::vector<Row> rows;
};
struct DoseLayout {
  Rect card;
  TextBlock title, empty, note;
  struct Row {
    TextBlock label, value;
    Rect track;
    float fraction = 0;  // of the track filled
  };
  std::vector<Row> rows;
};

struct TrendsLayout {
  PageFrame page;
  TabBarLayout tabs;
  Rect list;  // the visible part: the viewport, above the toast while one shows
  TextBlock title;
  Rect share;
  std::vector<ChipLayout> chips;  // periods, then regions, then sides
  TextBlock filter_note;
  Rect escalation_card;  // h == 0 without an escalation
  TextBlock escalation_title, escalation;
  ChangeCardLayout change;
  Rect streak_card;
  TextBlock adherence, streak;
  ChartCardLayout pain;
  TargetRowLayout target;
  ChartCardLayout sessions;
  std::vector<TextBlock> sessions_text;  // the summary (or why empty), weekly lines, the caveat
  LeftRightLayout left_right;
  PsfsCardLayout psfs;
  DoseLayout dose;
  Rect toast;  // h == 0 without a toast
  TextBlock toast_text;
  float content_h = 0;
};
TrendsLayout trends_layout(const AppModel& m, const TrendsScreen& s, const TrendsView& v,
                           const Env& env);
TrendsLayout trends_layout(const AppModel& m, const TrendsScreen& s, const Env& env);

// Opens Progress (filters kept from its last visit), asking for the data if it is not loaded.
void open_trends(AppModel& m, std::vector<Effect>& fx);

void activate(Step& st, TrendsScreen& s, Control c);
void back(Step& st, TrendsScreen& s);
void scroll(Step& st, TrendsScreen& s, float dy);
void text_input(Step& st, TrendsScreen& s, const TextInput& t);
ScreenFrame frame(const AppModel& m, const TrendsScreen& s, const Env& env);
Control primary(const AppModel& m, const TrendsScreen& s);

}  // namespace unknot::app
