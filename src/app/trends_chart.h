// Where a Progress chart's parts go inside its plot rect: the plotting area, the pain gridlines
// and their numbers, the sessions-a-week scale on the right with the weekly target on it, the
// band for weeks with too few ratings (above the 10 line, never on it), the dates below, and a
// box for a message that sits between gridlines. Pure std + core; sizes in dp.
#pragma once

#include <string>
#include <vector>

#include "app/geometry.h"
#include "app/page_layout.h"
#include "app/text_measure.h"
#include "app/trends_view.h"

namespace unknot::app {

struct AxisTick {
  double value = 0;
  float y = 0;       // where its line or tick mark is
  std::string text;  // its number, as drawn
  Rect label;        // where the number is drawn (caption line high, centred on y)
};

struct DateTick {
  float x = 0;
  TextBlock label;  // one line, starting at x
};

struct PlotGeometry {
  Rect area;                   // where values are plotted
  double day_count = 1;        // the period, in days, across area.w
  std::vector<AxisTick> grid;  // pain 0, 5 and 10: lines across the area, numbers on the left
  // The pain chart only: sessions a week on the right, in the lower part of the area.
  float bars_top = 0;  // y of `bar_max` sessions
  double bar_max = 1;
  std::vector<AxisTick> sessions;  // the right-hand scale, the target among its ticks
  float target_y = -1;             // the weekly target's line; < 0 without one
  float sparse_y = 0;              // where weeks rated on fewer than 4 days are marked
  std::vector<DateTick> dates;     // those that fit, without crowding
  TextBlock message;  // "No daily ratings…", "Loading…": between the 5 and 10 lines

  float x(double day) const;    // day 0 .. day_count → area.x .. area.right()
  float y(double pain) const;   // pain 0 .. 10 → area.bottom() .. area.y
  float bar_y(double n) const;  // sessions 0 .. bar_max → area.bottom() .. bars_top
};

// The pain-and-practice chart in `plot` (daily ratings, weekly means and sessions a week).
PlotGeometry pain_plot(const TextMeasure& text, const PainChartView& v, bool loaded, Rect plot);
// The before-and-after chart in `plot`.
PlotGeometry sessions_plot(const TextMeasure& text, const SessionsChartView& v, bool loaded,
                           Rect plot);

}  // namespace unknot::app
