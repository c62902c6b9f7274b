// Notes on behaviour the header leaves open:
// - Both charts share one horizontal scale: a column per day of the period, weeks from Monday.
// - The rolling-mean line breaks where core restarts it (a gap of 7 days or more), so it never
//   bridges a stretch without ratings.
// - Coordinates carry one decimal and are formatted by hand, so neither the locale nor the
//   language changes them; only the texts a person reads follow the language.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include "core/pain_stats.h"
#include "core/translate.h"
#include "report/report_parts.h"

namespace unknot::report {
namespace {

using namespace std::chrono;

constexpr double kWidth = 720;
constexpr double kLeft = 34;
constexpr double kRight = 10;
constexpr double kTop = 10;
constexpr double kTextBand = 18;  // below the plot: week labels
constexpr std::string_view kTeal = "#3FB8AF";
constexpr std::string_view kTealDark = "#1F7A74";
constexpr std::string_view kSand = "#E0B07A";
constexpr std::string_view kInk = "#1E2A30";
constexpr std::string_view kGrid = "#D9E0E3";

std::string two_digits(unsigned value) {
  return std::string{static_cast<char>('0' + value / 10 % 10), static_cast<char>('0' + value % 10)};
}

// A coordinate: one decimal, cut toward zero, always with a dot ("12.5", "-0.5").
std::string num(double value) {
  const long long tenths = std::abs(core::tenths_toward_zero(value));
  std::string text = value < 0 && tenths != 0 ? "-" : "";
  return text + std::to_string(tenths / 10) + '.' + static_cast<char>('0' + tenths % 10);
}

// The period's horizontal scale.
struct Axis {
  core::Day from;
  double day_width = 1;
  int day_count = 1;

  explicit Axis(const HistoryReport& r)
      : from(r.from), day_count(std::max(1, static_cast<int>((r.to - r.from).count()) + 1)) {
    day_width = (kWidth - kLeft - kRight) / day_count;
  }
  double left_of(core::Day day) const {
    return kLeft + static_cast<double>((day - from).count()) * day_width;
  }
  double centre_of(core::Day day) const { return left_of(day) + day_width / 2; }
};

std::string open_svg(double height, std::string_view label) {
  return "<svg class=\"chart\" viewBox=\"0 0 " + num(kWidth) + " " + num(height) +
         "\" role=\"img\" aria-label=\"" + html_escape(label) + "\">\n";
}

std::string text_at(double x, double y, std::string_view anchor, std::string_view text,
                    std::string_view extra = "") {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + std::string(anchor) +
         "\"" + std::string(extra) + ">" + html_escape(text) + "</text>\n";
}

std::string hline(double x1, double x2, double y, std::string_view colour,
                  std::string_view extra = "") {
  return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y) + "\" x2=\"" + num(x2) + "\" y2=\"" +
         num(y) + "\" stroke=\"" + std::string(colour) + "\"" + std::string(extra) + "/>\n";
}

// Week labels ("11-02") under the plot, thinned so they never crowd; thin week separators.
std::string week_marks(const ReportData& data, const Axis& axis, double top, double bottom) {
  const auto& weeks = data.history.week_rows;
  const std::size_t step = std::max<std::size_t>(1, (weeks.size() + 12) / 13);
  std::string svg;
  for (std::size_t i = 0; i < weeks.size(); ++i) {
    const double x = axis.left_of(weeks[i].start);
    svg += "<line x1=\"" + num(x) + "\" y1=\"" + num(top) + "\" x2=\"" + num(x) + "\" y2=\"" +
           num(bottom) + "\" stroke=\"" + std::string(kGrid) + "\"/>\n";
    if (i % step != 0) continue;
    const year_month_day date{weeks[i].start};
    // TRANSLATORS: a week's first day under a chart, numbers only: {month} and {day} two digits
    // each ("11-02"); keep it short and in the order of the report's dates ("{day}/{month}").
    const std::string label = core::trc("chart week label", "{month}-{day}");
    svg += text_at(x + 2, bottom + 13, "start",
                   core::fill(label, {{"month", two_digits(static_cast<unsigned>(date.month()))},
                                      {"day", two_digits(static_cast<unsigned>(date.day()))}}),
                   " class=\"tick\"");
  }
  return svg;
}

}  // namespace

std::string pain_chart_svg(const ReportData& data) {
  constexpr double kPlot = 150;
  const double bottom = kTop + kPlot;
  const auto y_of = [&](double pain) { return kTop + kPlot * (1 - pain / 10); };
  const Axis axis(data.history);
  const std::string aria =
      // TRANSLATORS: what the pain chart shows, read aloud by screen readers.
      core::tr("Daily pain ratings, 7-day rolling mean and weekly means, 0 to 10");
  std::string svg = open_svg(bottom + kTextBand, aria);
  for (int pain = 0; pain <= 10; pain += 2) {
    svg += hline(kLeft, kWidth - kRight, y_of(pain), kGrid);
    svg += text_at(kLeft - 6, y_of(pain) + 4, "end", std::to_string(pain), " class=\"tick\"");
  }
  svg += week_marks(data, axis, kTop, bottom);
  for (const auto& week : data.history.week_rows) {
    if (!week.mean) continue;
    const double top = y_of(*week.mean);
    svg +=
        "<rect class=\"week-mean\" x=\"" + num(axis.left_of(week.start) + 1) + "\" y=\"" +
        num(top) + "\" width=\"" + num(axis.day_width * 7 - 2) + "\" height=\"" +
        num(bottom - top) + "\" fill=\"" + std::string(kSand) + "\" fill-opacity=\"0.45\"><title>" +
        // TRANSLATORS: a tooltip on a week's bar: {date} its Monday, {mean} the weekly mean
        // pain with one decimal, {n} the days with a rating.
        html_escape(core::fill(core::trn("Week of {date}: mean {mean} ({n} day rated)",
                                         "Week of {date}: mean {mean} ({n} days rated)",
                                         static_cast<std::uint64_t>(std::max(0, week.days_rated))),
                               {{"date", report_day(week.start)},
                                {"mean", report_one_decimal(*week.mean)},
                                {"n", std::to_string(week.days_rated)}})) +
        "</title></rect>\n";
  }
  std::string points;
  std::optional<core::Day> previous;
  const auto flush = [&svg, &points] {
    if (points.find(' ') != std::string::npos) {
      svg += "<polyline class=\"rolling\" fill=\"none\" stroke=\"" + std::string(kTealDark) +
             "\" stroke-width=\"2\" points=\"" + points + "\"/>\n";
    }
    points.clear();
  };
  for (const auto& day : data.rolling) {
    if (previous && (day.day - *previous).count() >= 7) flush();
    if (!points.empty()) points += ' ';
    points += num(axis.centre_of(day.day)) + "," + num(y_of(day.mean));
    previous = day.day;
  }
  flush();
  for (const auto& day : data.days) {
    svg += "<circle class=\"day-point\" cx=\"" + num(axis.centre_of(day.day)) + "\" cy=\"" +
           num(y_of(day.mean)) + "\" r=\"2.6\" fill=\"" + std::string(kTeal) + "\"><title>" +
           report_day(day.day) + ": " + report_one_decimal(day.mean) + "</title></circle>\n";
  }
  if (data.days.empty()) {
    svg += text_at(kWidth / 2, kTop + kPlot / 2, "middle",
                   core::tr("Not enough data yet: no daily ratings in this period"),
                   " class=\"empty\"");
  }
  return svg + "</svg>\n";
}

std::string adherence_chart_svg(const ReportData& data) {
  constexpr double kPlot = 80;
  constexpr double kLabelBand = 14;  // above the plot, so a label over a full bar stays inside
  const double top = kTop + kLabelBand;
  const double bottom = top + kPlot;
  const HistoryReport& r = data.history;
  int top_count = 1;
  for (const auto& week : r.week_rows)
    top_count = std::max({top_count, week.sessions_logged, week.prescribed});
  const auto y_of = [&](int count) {
    return bottom - kPlot * static_cast<double>(count) / static_cast<double>(top_count);
  };
  const Axis axis(r);
  // TRANSLATORS: what the sessions chart shows, read aloud by screen readers.
  const std::string aria = core::tr("Sessions completed per week against the sessions prescribed");
  std::string svg = open_svg(bottom + kTextBand, aria);
  svg += hline(kLeft, kWidth - kRight, bottom, kGrid);
  svg += text_at(kLeft - 6, bottom + 4, "end", "0", " class=\"tick\"");
  svg +=
      text_at(kLeft - 6, y_of(top_count) + 4, "end", std::to_string(top_count), " class=\"tick\"");
  svg += week_marks(data, axis, top, bottom);
  bool any = false;
  std::string labels;  // drawn last, over every bar and target mark
  for (const auto& week : r.week_rows) {
    const double x = axis.left_of(week.start) + axis.day_width * 1.5;
    const double width = axis.day_width * 4;
    const int partial = week.sessions_logged - week.sessions_completed;
    any = any || week.sessions_logged > 0;
    if (week.sessions_completed > 0) {
      svg += "<rect class=\"done\" x=\"" + num(x) + "\" y=\"" + num(y_of(week.sessions_completed)) +
             "\" width=\"" + num(width) + "\" height=\"" +
             num(bottom - y_of(week.sessions_completed)) + "\" fill=\"" + std::string(kTeal) +
             "\"/>\n";
    }
    if (partial > 0) {
      svg += "<rect class=\"partial\" x=\"" + num(x) + "\" y=\"" + num(y_of(week.sessions_logged)) +
             "\" width=\"" + num(width) + "\" height=\"" +
             num(y_of(week.sessions_completed) - y_of(week.sessions_logged)) + "\" fill=\"" +
             std::string(kSand) + "\"/>\n";
    }
    // The week's own prescription (it changes with homework and part weeks): a dashed mark
    // across the week, never across the label above the bar.
    double label_y = y_of(week.sessions_logged);
    if (week.prescribed > 0) {
      const double target_y = y_of(week.prescribed);
      svg += hline(axis.left_of(week.start) + 1, axis.left_of(week.start) + axis.day_width * 7 - 1,
                   target_y, kInk, " stroke-dasharray=\"4 3\" class=\"target\"");
      label_y = std::min(label_y, target_y);
    }
    if (week.sessions_logged == 0 && week.prescribed == 0) continue;
    std::string label = std::to_string(week.sessions_completed);
    if (week.prescribed > 0) {
      // Appended in two steps: `"/" + std::string` trips GCC 12's -Wrestrict at -O3.
      label += '/';
      label += std::to_string(week.prescribed);
    }
    labels += text_at(x + width / 2, label_y - 4, "middle", label, " class=\"count\"");
  }
  svg += labels;
  if (!any) {
    svg += text_at(kWidth / 2, top + kPlot / 2, "middle",
                   core::tr("Not enough data yet: no sessions in this period"), " class=\"empty\"");
  }
  return svg + "</svg>\n";
}

}  // namespace unknot::report
