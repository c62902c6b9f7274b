// Notes on behaviour the header leaves open:
// - The change card, the streak, the pain chart and its session bars use every session and
//   rating: the daily check-in is whole-body, and the weekly target counts every session. The
//   region and side filters apply to the sessions chart, left vs right and the dose.
// - Periods longer than 120 days show one dot per week (per group of weeks past a year), so
//   ten years draw about as many marks as one.
#include "app/trends_view.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <utility>

#include "app/progress_flow.h"
#include "core/local_text.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

using namespace std::chrono;

constexpr int kMaxDailyDays = 120;     // longer periods show weekly dots
constexpr int kMaxPainPoints = 52;     // dots (and bars) at most, past that weeks are grouped
constexpr int kMaxSessionMarks = 120;  // single sessions at most, past that they are grouped
constexpr int kMaxSessionGroups = 40;
constexpr std::size_t kMaxDoseRows = 8;
constexpr std::size_t kMaxWeeklyLines = 4;

// A count for trn's plural rule (never negative).
std::uint64_t count(long long n) { return static_cast<std::uint64_t>(std::max(0LL, n)); }

// Whether a figure reads 0.0 at one decimal, cut toward zero (the change is then "about the same").
bool reads_zero(double value) { return core::tenths_toward_zero(value) == 0; }

std::string percent_text(long long percent) {
  // TRANSLATORS: a percentage: {n} is the number ("34%"; Spanish writes "34 %").
  return core::fill(core::trc("percent", "{n}%"), {{"n", std::to_string(percent)}});
}

double day_x(core::Day from, core::Day day) { return static_cast<double>((day - from).count()); }

bool matches(const core::SessionSample& s, const TrendsScreen& screen) {
  if (!screen.region.empty() && s.region != screen.region) return false;
  if (screen.side == core::Side::None) return true;
  return std::any_of(s.doses.begin(), s.doses.end(),
                     [&](const core::MuscleDose& d) { return d.side == screen.side; });
}

// The filtered sessions inside the period, doses cut to the chosen side.
std::vector<core::SessionSample> filtered(const core::HistoryInput& input,
                                          const TrendsScreen& screen, core::Day from,
                                          core::Day to) {
  std::vector<core::SessionSample> out;
  for (const auto& session : input.sessions) {
    const auto& s = session.sample;
    if (s.day < from || s.day > to || !matches(s, screen)) continue;
    out.push_back(s);
    if (screen.side != core::Side::None) {
      auto& doses = out.back().doses;
      std::erase_if(doses, [&](const core::MuscleDose& d) { return d.side != screen.side; });
    }
  }
  return out;
}

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

ChangeView change_view(const core::HistoryReport& r) {
  ChangeView v;
  const auto& base = r.baseline;
  const bool base_ok = base && base->days_with_data >= core::kMinDaysForWeeklyMean;
  const bool before_homework = r.baseline_before_assignment;
  v.baseline_value = base_ok ? one_decimal(base->mean) : "–";
  if (base) {
    const auto rated = count(base->days_with_data);
    const std::string n = std::to_string(base->days_with_data);
    std::string caption;
    if (before_homework) {
      // TRANSLATORS: under the baseline figure: the 7 days before the homework began, and how
      // many of them have a pain rating ("6 rated").
      caption = core::trn("7 days before your homework · {n} rated",
                          "7 days before your homework · {n} rated", rated);
    } else {
      // TRANSLATORS: under the baseline figure: the first 7 days of ratings, and how many of
      // them have a pain rating ("6 rated").
      caption = core::trn("First 7 days · {n} rated", "First 7 days · {n} rated", rated);
    }
    v.baseline_caption = core::fill(caption, {{"n", n}});
  } else {
    v.baseline_caption = core::tr("First 7 days of ratings");
  }
  v.current_value = r.current ? one_decimal(*r.current->mean) : "–";
  if (r.current) {
    const auto rated = count(r.current->days_rated);
    std::string caption;
    // TRANSLATORS: under the latest weekly mean: the week's first day and its rated days.
    caption = core::trn("Week of {date} · {n} rated", "Week of {date} · {n} rated", rated);
    v.current_caption = core::fill(caption, {{"date", short_date(r.current->start)},
                                             {"n", std::to_string(r.current->days_rated)}});
  } else {
    v.current_caption = core::tr("Latest week with 4 rated days");
  }
  if (r.escalation) v.escalation = core::escalation_text(*r.escalation);
  if (!base) {
    v.change = core::tr("Not enough data yet");
    v.note = core::tr(
        "The daily check-in builds your baseline from your first 7 days; 4 rated days are needed.");
    return v;
  }
  if (!base_ok) {
    v.change = core::tr("Not enough data yet");
    const auto rated = count(base->days_with_data);
    const std::string n = std::to_string(base->days_with_data);
    v.note =
        before_homework
            ? core::fill(core::trn("7 days before your homework have {n} rated day; a "
                                   "baseline needs 4.",
                                   "7 days before your homework have {n} rated days; a "
                                   "baseline needs 4.",
                                   rated),
                         {{"n", n}})
            : core::fill(core::trn("First 7 days have {n} rated day; a baseline needs 4.",
                                   "First 7 days have {n} rated days; a baseline needs 4.", rated),
                         {{"n", n}});
    return v;
  }
  if (r.current_overlaps_baseline) {
    v.change = core::tr("Not enough data yet");
    v.note = core::tr(
        "Your latest weekly mean overlaps the baseline days; the change shows once a later "
        "week has 4 rated days.");
    return v;
  }
  if (!r.change) {
    v.change = core::tr("Not enough data yet");
    v.note = core::tr("No week in this period has 4 rated days yet; a weekly mean needs 4.");
    return v;
  }
  v.enough = true;
  const core::Change& c = *r.change;
  // Cut toward zero like every figure here, so 1.96 reads 1.9 beside "under 2 points".
  const std::string size = one_decimal(std::abs(c.raw_points));
  const bool zero = reads_zero(std::abs(c.raw_points));
  const bool less = c.raw_points > 0;
  if (zero) {
    v.change = core::tr("No change in points");
  } else if (c.percent && c.band) {
    // The percent has the sign of the points (points ÷ baseline).
    const std::string percent = percent_text(core::whole_toward_zero(std::abs(*c.percent)));
    // TRANSLATORS: the change of pain from the baseline: {points} is "2.1", {percent} "34%".
    v.change = core::fill(less ? core::tr("{points} points less pain ({percent} lower)")
                               : core::tr("{points} points more pain ({percent} higher)"),
                          {{"points", size}, {"percent", percent}});
  } else {
    // TRANSLATORS: the change of pain from the baseline: {points} is "2.1".
    v.change = core::fill(
        less ? core::tr("{points} points less pain") : core::tr("{points} points more pain"),
        {{"points", size}});
  }
  if (c.percent && c.band) {
    std::string band = core::tr(core::band_label(*c.band));
    if (!band.empty())
      band[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(band[0])));
    v.band = band;
  } else {
    v.note = core::tr("Baseline below 3: the percent is not shown, as it is unstable at low pain.");
  }
  v.reference =
      c.reaches_two_points ? core::tr("Reaches 2 points, the reference for a clear change.")
      : c.reaches_one_point
          ? core::tr("Under 2 points, the reference for a clear change; 1 point is a minimal one.")
          : core::tr("Under 1 point; 2 points is the reference for a clear change.");
  return v;
}

// "Adherence 71 % (10 of 14) · homework from 17 Nov"; why there is none otherwise.
std::string adherence_text(const core::HistoryReport& r) {
  const core::Adherence& a = r.adherence;
  const std::string figure = core::adherence_figure(a.completed, a.prescribed);
  if (figure.empty()) {
    return a.from_homework ? core::tr("Adherence: nothing prescribed yet in this period.")
                           : core::tr("Adherence shows from your first session.");
  }
  std::string text;
  if (a.counted_from && a.from_homework) {
    // TRANSLATORS: {figure} is the adherence as "71 % (10 of 14)"; {date} a short date, "17 Nov".
    text = core::tr("Adherence {figure}: homework sessions done of those prescribed since {date}.");
  } else if (a.counted_from) {
    // TRANSLATORS: {figure} is the adherence as "71 % (10 of 14)"; {date} a short date, "17 Nov".
    text = core::tr("Adherence {figure}: sessions done of your weekly target since {date}.");
  } else if (a.from_homework) {
    // TRANSLATORS: {figure} is the adherence as "71 % (10 of 14)".
    text = core::tr("Adherence {figure}: homework sessions done of those prescribed.");
  } else {
    // TRANSLATORS: {figure} is the adherence as "71 % (10 of 14)".
    text = core::tr("Adherence {figure}: sessions done of your weekly target.");
  }
  const std::string since = a.counted_from ? short_date(*a.counted_from) : std::string{};
  return core::fill(text, {{"figure", figure}, {"date", since}});
}

std::string streak_text(const core::Streak& s) {
  if (s.days <= 0)
    return core::tr("No streak right now: your next session starts one, whenever it suits you.");
  if (s.days == 1) {
    return core::tr(
        "Practised on 1 day in your current streak. A missed day is fine: the streak allows a "
        "grace day.");
  }
  // TRANSLATORS: {done} of the streak's {n} days had a session.
  return core::fill(core::trn("Practised on {done} of {n} day in your current streak. A missed "
                              "day is fine: the streak allows a grace day.",
                              "Practised on {done} of {n} days in your current streak. A missed "
                              "day is fine: the streak allows a grace day.",
                              count(s.days)),
                    {{"done", std::to_string(s.days_practised)}, {"n", std::to_string(s.days)}});
}

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

}  // namespace

std::string one_decimal(double value) {
  const long long tenths = core::tenths_toward_zero(value);
  const std::string text = core::decimal_text(static_cast<double>(std::llabs(tenths)) / 10.0, 1);
  return tenths < 0 ? "\u2212" + text : text;
}

std::string short_date(core::Day day) { return core::day_month_text(year_month_day{day}); }

std::string humanise_muscle(const std::string& id, core::Side side) {
  std::string name;
  for (char ch : id) name += ch == '_' ? ' ' : ch;
  if (side == core::Side::Left) {
    // TRANSLATORS: a muscle on the left side of the body: {muscle} is its name, "upper trapezius".
    return core::fill(core::trc("muscle", "Left {muscle}"), {{"muscle", name}});
  }
  if (side == core::Side::Right) {
    // TRANSLATORS: a muscle on the right side of the body: {muscle} is its name.
    return core::fill(core::trc("muscle", "Right {muscle}"), {{"muscle", name}});
  }
  if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return name;
}

TrendsView trends_view(const AppModel& m, const TrendsScreen& s) {
  TrendsView v;
  switch (s.period) {
    case TrendsPeriod::Weeks4:
      v.period_label = core::tr("Last 4 weeks");
      break;
    case TrendsPeriod::Weeks12:
      v.period_label = core::tr("Last 12 weeks");
      break;
    case TrendsPeriod::All:
      // TRANSLATORS: the period "All": the whole history.
      v.period_label = core::tr("Everything");
      break;
  }
  const int target = effective_weekly_target(m);
  v.target_prescribed = target_prescribed(m);
  v.target_label =
      v.target_prescribed ? core::tr("Prescribed this week") : core::tr("Weekly target");
  // TRANSLATORS: the weekly target's value: sessions a week, or none set.
  v.target_value = target > 0 ? core::fill(core::trn("{n} session", "{n} sessions", count(target)),
                                           {{"n", std::to_string(target)}})
                              : core::trc("weekly target", "None");
  if (!m.progress) return v;
  v.loaded = true;
  v.regions = trends_regions(m);
  const core::HistoryInput& input = m.progress->input;
  for (const auto& session : input.sessions) {
    for (const auto& dose : session.sample.doses)
      if (dose.side != core::Side::None) v.has_sides = true;
  }
  const bool filtering = !s.region.empty() || s.side != core::Side::None;
  if (filtering) {
    v.filter_note = core::tr(
        "Daily pain is whole-body: the filter applies to the sessions, left vs right and "
        "dose charts.");
  }
  // The person's own target; core applies the homework's schedule where there is one.
  const auto report =
      core::build_history_report(input, m.progress->today, period_weeks(s.period), m.weekly_target);
  v.change = change_view(report);
  v.adherence = adherence_text(report);
  v.streak = streak_text(report.streak);
  v.pain = pain_chart(m, report, target);
  const auto samples = filtered(input, s, report.from, report.to);
  v.sessions = sessions_chart(report, samples, filtering);

  // Function (PSFS): whole-person like the daily rating, so no filter applies.
  for (const auto& t : report.psfs_trends) {
    PsfsRowView row;
    row.activity = t.activity;
    if (t.ratings < 2) {
      // TRANSLATORS: {score} is an activity's only rating, 0-10.
      const std::string once = core::tr("{score} (rated once so far)");
      row.value = core::fill(once, {{"score", std::to_string(t.first)}});
    } else {
      row.value = std::to_string(t.first) + " → " + std::to_string(t.latest) + " (" +
                  (t.change() > 0   ? "+"
                   : t.change() < 0 ? "−"
                                    : "") +
                  std::to_string(std::abs(t.change())) + ")";
      row.beyond_mdc = t.passes_mdc();
      // TRANSLATORS: MDC: the minimal detectable change of the PSFS (2 points).
      row.verdict = !row.beyond_mdc  ? core::tr("Within 2 points: may be measurement error")
                    : t.change() > 0 ? core::tr("More able: beyond the 2-point MDC")
                                     : core::tr("Less able: beyond the 2-point MDC");
    }
    v.psfs.push_back(std::move(row));
  }
  if (!v.psfs.empty()) {
    v.psfs_note = core::tr(
        // TRANSLATORS: keep the citation "(Moseng et al. 2013)" as it is.
        "0 = unable, 10 = as before the problem; first rating → latest. A change of 2 "
        "points or more is taken as more than measurement error (Moseng et al. 2013).");
  }

  for (const auto& lr : core::left_vs_right(samples)) {
    const auto cell = [](const core::SideChange& c) {
      return one_decimal(c.mean_before) + " → " + one_decimal(c.mean_after) + " (" +
             std::to_string(c.rated_sessions) + ")";
    };
    v.left_right.push_back({lr.region, cell(lr.left), cell(lr.right)});
  }
  if (!v.left_right.empty())
    v.left_right_note = core::tr("Mean pain before → after a session (sessions rated)");

  std::map<std::pair<std::string, core::Side>, core::Duration> sums;
  for (const auto& week : core::dose_by_week(samples))
    for (const auto& dose : week.muscles) sums[{dose.muscle, dose.side}] += dose.pressed;
  const double weeks = std::max<double>(1, static_cast<double>(report.week_rows.size()));
  for (const auto& [key, pressed] : sums) {
    const double minutes = core::to_seconds(pressed) / 60.0;
    if (minutes <= 0) continue;
    const long long whole = std::max<long long>(1, std::llround(minutes));
    // TRANSLATORS: a muscle's pressure in the period: {minutes} in all, {per_week} ("0.7") the
    // mean a week.
    const std::string value = core::tr("{minutes} min · {per_week} a week");
    v.dose.push_back({humanise_muscle(key.first, key.second), minutes,
                      core::fill(value, {{"minutes", std::to_string(whole)},
                                         {"per_week", one_decimal(minutes / weeks)}})});
  }
  std::stable_sort(v.dose.begin(), v.dose.end(),
                   [](const DoseRow& a, const DoseRow& b) { return a.minutes > b.minutes; });
  const std::size_t all = v.dose.size();
  if (all > kMaxDoseRows) v.dose.resize(kMaxDoseRows);
  for (const auto& row : v.dose) v.dose_max = std::max(v.dose_max, row.minutes);
  if (all > kMaxDoseRows) {
    // TRANSLATORS: {n} muscles beyond the 8 listed.
    v.dose_note = core::fill(core::trn("Minutes of pressure in the period, and the average a "
                                       "week · {n} more not shown",
                                       "Minutes of pressure in the period, and the average a "
                                       "week · {n} more not shown",
                                       count(static_cast<long long>(all - kMaxDoseRows))),
                             {{"n", std::to_string(all - kMaxDoseRows)}});
  } else {
    v.dose_note = core::tr("Minutes of pressure in the period, and the average a week");
  }
  if (v.dose.empty())
    v.dose_empty = filtering ? core::tr("No pressure logged for this filter in this period")
                             : core::tr("No pressure logged in this period yet");
  return v;
}

}  // namespace unknot::app
