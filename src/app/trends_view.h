// Everything the Progress screen shows, as plain texts and chart data derived from the model and
// the screen's period and filters. The figures come from core::build_history_report and
// core/pain_stats.h, so they equal `unknot history` and the HTML report. Pure std + core.
//
// Chart coordinates: x in days from the period's first day (a day's centre is day + 0.5, the
// period spans 0 .. day_count), y on the chart's own scale (pain 0..10, sessions 0..bar_max).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/model.h"
#include "core/history_report.h"

namespace unknot::app {

struct ChartPoint {
  double x = 0;
  double y = 0;
};

struct AxisLabel {
  double x = 0;  // where the label starts (a week's or month's first day)
  std::string text;
};

// The mark a legend entry shows next to its text.
enum class LegendMark { Dot, Line, Segment, Dashed, Bar, Target, Relief, Worse, Same, BeforeAfter };
struct LegendItem {
  LegendMark mark = LegendMark::Dot;
  std::string text;
};

// Change of the weekly mean vs the baseline (domain.md §4.4). Daily check-ins are whole-body:
// no filter applies.
struct ChangeView {
  bool enough = false;           // a baseline with >= 4 days and a week with a mean
  std::string baseline_value;    // "6.1" or "–"
  std::string baseline_caption;  // "First 7 days · 6 rated"
  std::string current_value;     // "4.0" or "–"
  std::string current_caption;   // "Week of 16 Nov · 5 rated"
  std::string change;            // "2.1 points less pain (34% lower)"
  std::string band;              // "Clinically important improvement" (empty: percent hidden)
  std::string reference;         // the 2-point reference (Farrar), reached or not
  std::string note;              // why there is not enough data, or why the percent is hidden
  std::string escalation;  // "… check with your clinician …" (core::escalation_text); or empty
};

struct PainWeekMark {
  double x0 = 0, x1 = 0;       // the week (or span of weeks)
  std::optional<double> mean;  // weekly mean (>= 4 days rated)
  bool not_enough = false;     // rated on fewer than 4 days: no mean
};

struct SessionBar {
  double x0 = 0, x1 = 0;
  double completed = 0;  // sessions completed a week (an average when weeks are grouped)
  double logged = 0;     // every session, partial ones included
};

// Daily pain with its 7-day mean and weekly means, and sessions a week against the target.
struct PainChartView {
  int day_count = 28;
  bool aggregated = false;         // more than ~120 days: one dot per week (or group of weeks)
  int weeks_per_point = 1;         // when aggregated
  std::vector<ChartPoint> points;  // daily means (or weekly means), 0..10
  std::vector<std::vector<ChartPoint>> rolling;  // the 7-day mean, broken at gaps of 7+ days
  std::vector<PainWeekMark> weeks;
  std::vector<SessionBar> bars;
  int target = 0;
  int bar_max = 1;  // top of the right-hand scale, in sessions a week
  std::vector<AxisLabel> x_labels;
  std::vector<LegendItem> legend;
  std::string empty;  // shown over the plot when there are no ratings in the period
};

struct SessionMark {
  double x = 0;
  double before = 0, after = 0;
  int sessions = 1;  // more than 1 when grouped
};

// Before vs after per session (only sessions with both ratings), filtered.
struct SessionsChartView {
  int day_count = 28;
  bool aggregated = false;
  std::vector<SessionMark> marks;
  std::vector<AxisLabel> x_labels;
  std::vector<LegendItem> legend;
  std::string summary;              // "On average 1.6 points lower right after a session (38)."
  std::vector<std::string> weekly;  // the latest weeks' average change, newest first (<= 4)
  std::string caveat;               // modest: immediate changes are not long-term change
  std::string empty;
};

struct LeftRightRow {
  std::string region;
  std::string left, right;  // "6.0 → 3.5 (4)"
};

struct DoseRow {
  std::string label;   // "Left upper trapezius"
  double minutes = 0;  // pressure in the period
  std::string value;   // "12 min · 3.0/wk"
};

// One PSFS activity from its first rating to its latest (core/psfs.h).
struct PsfsRowView {
  std::string activity;
  std::string value;    // "2 → 7 (+5)", or "4 (rated once)"
  std::string verdict;  // beyond the MDC or within it
  bool beyond_mdc = false;
};

struct TrendsView {
  bool loaded = false;               // the data arrived
  std::string period_label;          // "Last 4 weeks" / "Last 12 weeks" / "Everything"
  std::vector<std::string> regions;  // filter chips after "All regions"
  bool has_sides = false;            // some dose on the left or the right: side chips show
  std::string filter_note;           // set when a filter is on
  ChangeView change;
  std::string adherence;  // "Adherence 71 % (10 of 14): …" (core::HistoryReport::adherence)
  std::string streak;
  PainChartView pain;
  std::string target_label;        // "Weekly target"
  std::string target_value;        // "5 sessions"
  bool target_prescribed = false;  // set by the therapist's homework: no steppers
  SessionsChartView sessions;
  std::vector<PsfsRowView> psfs;  // activities rated in the period; empty: no card
  std::string psfs_note;
  std::vector<LeftRightRow> left_right;  // empty: no card
  std::string left_right_note;
  std::vector<DoseRow> dose;
  double dose_max = 0;
  std::string dose_note;  // "Total minutes of pressure in the period" / "and 3 more"
  std::string dose_empty;
};

TrendsView trends_view(const AppModel& model, const TrendsScreen& screen);

// "4.0", "−1.5" (one decimal cut toward zero, so 1.96 reads 1.9; a true minus sign).
std::string one_decimal(double value);
// "16 Nov"
std::string short_date(core::Day day);

}  // namespace unknot::app
