// Notes on behaviour the header leaves open:
// - Periods longer than 120 days show one dot per week (per group of weeks past a year), so
//   ten years draw about as many marks as one.
#include "app/trends_charts.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <utility>

#include "app/model.h"
#include "core/local_text.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

using namespace std::chrono;

constexpr int kMaxDailyDays = 120;     // longer periods show weekly dots
constexpr int kMaxPainPoints = 52;     // dots (and bars) at most, past that weeks are grouped
constexpr int kMaxSessionMarks = 120;  // single sessions at most, past that they are grouped
constexpr int kMaxSessionGroups = 40;
constexpr std::size_t kMaxWeeklyLines = 4;

// A count for trn's plural rule (never negative).
std::uint64_t count(long long n) { return static_cast<std::uint64_t>(std::max(0LL, n)); }

// Whether a figure reads 0.0 at one decimal, cut toward zero (the change is then "about the same").
bool reads_zero(double value) { return core::tenths_toward_zero(value) == 0; }

double day_x(core::Day from, core::Day day) { return static_cast<double>((day - from).count()); }

// Candidate labels along the time axis; the screen drops those that would crowd.
std::vector<AxisLabel> time_labels(core::Day from, core::Day to) {
  std::vector<AxisLabel> out;
  const auto span = (to - from).count() + 1;
  if (span <= kMaxDailyDays) {
    for (core::Day d = from; d <= to; d += days{7}) out.push_back({day_x(from, d), short_date(d)});
    return out;
  }
  const year_month_day first{from};
  year_month first_month = first.year() / first.month();
  if (first.day() != 1d) first_month += months{1};
  const bool years_only = span > 2 * 366;
  for (year_month ym = first_month;; ym += months{1}) {
    const core::Day d{ym / 1d};
    if (d > to) break;
    const unsigned month = static_cast<unsigned>(ym.month());
    if (years_only && month != 1) continue;
    const std::string year = std::to_string(static_cast<int>(ym.year()));
    std::string text = years_only ? year : core::short_month_name(month);
    if (!years_only && month == 1) {
      // TRANSLATORS: a label on a chart's time axis: a short month name and its year, "Jan 2026".
      text = core::fill(core::trc("date", "{month} {year}"), {{"month", text}, {"year", year}});
    }
    out.push_back({day_x(from, d), std::move(text)});
  }
  return out;
}

}  // namespace

PainChartView pain_chart(const AppModel& m, const core::HistoryReport& r, int target) {
  PainChartView v;
  const core::HistoryInput& input = m.progress->input;
  v.day_count = static_cast<int>((r.to - r.from).count()) + 1;
  v.target = target;
  v.x_labels = time_labels(r.from, r.to);
  std::vector<core::DailyRating> ratings;
  for (const auto& rating : input.ratings)
    if (rating.day <= r.to) ratings.push_back(rating);
  const auto means = core::daily_means(ratings);
  const auto rolling = core::rolling_mean_7(means);
  const auto inside = [&](core::Day d) { return d >= r.from && d <= r.to; };
  const auto& rows = r.week_rows;
  const int week_count = static_cast<int>(rows.size());
  v.aggregated = v.day_count > kMaxDailyDays;
  const int k = v.aggregated ? std::max(1, (week_count + kMaxPainPoints - 1) / kMaxPainPoints) : 1;
  v.weeks_per_point = k;

  if (!v.aggregated) {
    for (const auto& d : means)
      if (inside(d.day)) v.points.push_back({day_x(r.from, d.day) + 0.5, d.mean});
    std::optional<core::Day> previous;
    for (const auto& d : rolling) {
      if (!inside(d.day)) continue;
      if (!previous || (d.day - *previous).count() >= 7) v.rolling.emplace_back();
      v.rolling.back().push_back({day_x(r.from, d.day) + 0.5, d.mean});
      previous = d.day;
    }
  }
  std::size_t roll_index = 0;
  bool roll_open = false;
  for (int b = 0; b * k < week_count; ++b) {
    const int first = b * k, last = std::min(week_count, first + k);
    const double x0 = 7.0 * first, x1 = 7.0 * last;
    double sum = 0, completed = 0, logged = 0;
    int with_mean = 0, rated = 0;
    for (int i = first; i < last; ++i) {
      const auto& row = rows[static_cast<std::size_t>(i)];
      if (row.mean) {
        sum += *row.mean;
        with_mean += 1;
      }
      rated += row.days_rated;
      completed += row.sessions_completed;
      logged += row.sessions_logged;
    }
    const double span = last - first;
    v.bars.push_back({x0, x1, completed / span, logged / span});
    PainWeekMark mark{x0, x1, std::nullopt, false};
    if (with_mean > 0)
      mark.mean = sum / with_mean;
    else if (rated > 0)
      mark.not_enough = true;
    if (mark.mean || mark.not_enough) v.weeks.push_back(mark);
    if (!v.aggregated) continue;
    if (mark.mean) v.points.push_back({(x0 + x1) / 2, *mark.mean});
    // The 7-day mean sampled once per dot: its last value inside the span.
    const core::Day end = r.from + days{7 * last};
    std::optional<core::DayValue> sample;
    while (roll_index < rolling.size() && rolling[roll_index].day < end) {
      if (inside(rolling[roll_index].day)) sample = rolling[roll_index];
      ++roll_index;
    }
    if (!sample) {
      roll_open = false;
      continue;
    }
    if (!roll_open) v.rolling.emplace_back();
    roll_open = true;
    v.rolling.back().push_back({day_x(r.from, sample->day) + 0.5, sample->mean});
  }
  double top = std::max(target, 1);
  for (const auto& bar : v.bars) top = std::max(top, bar.logged);
  v.bar_max = static_cast<int>(std::ceil(top - 1e-9));

  if (!v.aggregated)
    // TRANSLATORS: the pain chart's legend; keep each short (two sit side by side on a phone).
    v.legend.push_back({LegendMark::Dot, core::tr("Daily rating")});
  else if (k == 1)
    v.legend.push_back({LegendMark::Dot, core::tr("Weekly mean, one dot a week")});
  else
    v.legend.push_back(
        {LegendMark::Dot, core::fill(core::trn("Mean of {n} week, one dot each",
                                               "Mean of {n} weeks, one dot each", count(k)),
                                     {{"n", std::to_string(k)}})});
  v.legend.push_back({LegendMark::Line, core::tr("7-day mean")});
  if (!v.aggregated)
    v.legend.push_back({LegendMark::Segment, core::tr("Weekly mean (4 or more days rated)")});
  v.legend.push_back({LegendMark::Dashed, core::tr("Under 4 days rated: not enough data")});
  v.legend.push_back({LegendMark::Bar, k == 1 ? core::tr("Sessions done a week (right scale)")
                                              : core::tr("Sessions a week, averaged (right)")});
  if (target > 0)
    v.legend.push_back(
        {LegendMark::Target, core::fill(core::trn("Weekly target: {n} session",
                                                  "Weekly target: {n} sessions", count(target)),
                                        {{"n", std::to_string(target)}})});
  if (v.points.empty() && v.weeks.empty())
    v.empty = core::tr("No daily ratings in this period yet");
  return v;
}

SessionsChartView sessions_chart(const core::HistoryReport& r,
                                 const std::vector<core::SessionSample>& samples, bool filtering) {
  SessionsChartView v;
  v.day_count = static_cast<int>((r.to - r.from).count()) + 1;
  v.x_labels = time_labels(r.from, r.to);
  std::vector<const core::SessionSample*> rated;
  for (const auto& s : samples)
    if (s.before && s.after && *s.before >= 0 && *s.before <= 10 && *s.after >= 0 && *s.after <= 10)
      rated.push_back(&s);
  std::stable_sort(rated.begin(), rated.end(), [](auto* a, auto* b) { return a->day < b->day; });
  const int week_count = static_cast<int>(r.week_rows.size());
  v.aggregated = static_cast<int>(rated.size()) > kMaxSessionMarks;
  int k = 1;
  if (!v.aggregated) {
    for (std::size_t i = 0; i < rated.size();) {
      std::size_t j = i;
      while (j < rated.size() && rated[j]->day == rated[i]->day) ++j;
      const double n = static_cast<double>(j - i);
      for (std::size_t q = i; q < j; ++q) {
        const double offset = (static_cast<double>(q - i) + 1) / (n + 1);
        v.marks.push_back({day_x(r.from, rated[q]->day) + offset,
                           static_cast<double>(*rated[q]->before),
                           static_cast<double>(*rated[q]->after), 1});
      }
      i = j;
    }
  } else {
    k = std::max(1, (week_count + kMaxSessionGroups - 1) / kMaxSessionGroups);
    struct Group {
      double before = 0, after = 0;
      int sessions = 0;
    };
    std::map<int, Group> groups;
    for (const auto* s : rated) {
      auto& g = groups[static_cast<int>((s->day - r.from).count()) / (7 * k)];
      g.before += *s->before;
      g.after += *s->after;
      g.sessions += 1;
    }
    for (const auto& [b, g] : groups) {
      const double x0 = 7.0 * k * b,
                   x1 = std::min(7.0 * k * (b + 1), static_cast<double>(v.day_count));
      v.marks.push_back({(x0 + x1) / 2, g.before / g.sessions, g.after / g.sessions, g.sessions});
    }
  }
  // TRANSLATORS: the before-and-after chart's legend: a rating before and after a session.
  v.legend = {{LegendMark::BeforeAfter, core::tr("Before, after")},
              {LegendMark::Relief, core::tr("Less pain after")},
              {LegendMark::Worse, core::tr("More pain after")},
              {LegendMark::Same, core::tr("No change")}};
  if (rated.empty()) {
    v.empty = filtering ? core::tr("No rated sessions for this filter in this period")
                        : core::tr("No rated sessions in this period yet");
  } else {
    double drop = 0;
    for (const auto* s : rated) drop += *s->before - *s->after;
    drop /= static_cast<double>(rated.size());
    const auto sessions = static_cast<std::uint64_t>(rated.size());
    const std::string n = std::to_string(rated.size());
    const std::string size = one_decimal(std::abs(drop));
    std::string text;
    if (reads_zero(std::abs(drop))) {
      // TRANSLATORS: the mean change of pain right after a session; {n} is the sessions it is
      // the mean of.
      text = core::trn("On average about the same right after a session ({n} session).",
                       "On average about the same right after a session ({n} sessions).", sessions);
    } else if (drop > 0) {
      // TRANSLATORS: the mean change of pain right after a session; {points} is "1.6", {n} the
      // sessions it is the mean of.
      text = core::trn("On average {points} points lower right after a session ({n} session).",
                       "On average {points} points lower right after a session ({n} sessions).",
                       sessions);
    } else {
      // TRANSLATORS: the mean change of pain right after a session; {points} is "1.6", {n} the
      // sessions it is the mean of.
      text = core::trn("On average {points} points higher right after a session ({n} session).",
                       "On average {points} points higher right after a session ({n} sessions).",
                       sessions);
    }
    v.summary = core::fill(text, {{"points", size}, {"n", n}});
  }
  std::vector<core::SessionSample> plain;
  for (const auto* s : rated) plain.push_back(*s);
  const auto weeks = core::session_change_by_week(plain);
  for (auto it = weeks.rbegin(); it != weeks.rend() && v.weekly.size() < kMaxWeeklyLines; ++it) {
    if (!it->mean_drop) continue;
    const std::string size = one_decimal(std::abs(*it->mean_drop));
    std::string text;
    if (reads_zero(std::abs(*it->mean_drop))) {
      // TRANSLATORS: a week's mean change right after sessions; {date} is the week's first day,
      // {n} the rated sessions in it.
      text = core::tr("Week of {date}: about the same on average ({n})");
    } else if (*it->mean_drop > 0) {
      // TRANSLATORS: a week's mean change right after sessions; {date} is the week's first day,
      // {points} "1.5", {n} the rated sessions in it.
      text = core::tr("Week of {date}: {points} lower on average ({n})");
    } else {
      // TRANSLATORS: a week's mean change right after sessions; {date} is the week's first day,
      // {points} "1.5", {n} the rated sessions in it.
      text = core::tr("Week of {date}: {points} higher on average ({n})");
    }
    v.weekly.push_back(core::fill(text, {{"date", short_date(it->week_start)},
                                         {"points", size},
                                         {"n", std::to_string(it->rated_sessions)}}));
  }
  v.caveat =
      v.aggregated
          ? core::fill(core::trn("Each mark is the mean of {n} week's sessions. Ratings right "
                                 "after a session say little about change over weeks.",
                                 "Each mark is the mean of {n} weeks' sessions. Ratings right "
                                 "after a session say little about change over weeks.",
                                 count(k)),
                       {{"n", std::to_string(k)}})
          : core::tr("Ratings right after a session say little about change over weeks.");
  return v;
}

}  // namespace unknot::app
