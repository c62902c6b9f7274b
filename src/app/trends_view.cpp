// Notes on behaviour the header leaves open:
// - The change card, the streak, the pain chart and its session bars use every session and
//   rating: the daily check-in is whole-body, and the weekly target counts every session. The
//   region and side filters apply to the sessions chart, left vs right and the dose.
// - Periods longer than 120 days show one dot per week (per group of weeks past a year), so
//   ten years draw about as many marks as one.
#include "app/trends_view.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <utility>

#include "app/progress_flow.h"

namespace unknot::app {
namespace {

using namespace std::chrono;

constexpr int kMaxDailyDays = 120;     // longer periods show weekly dots
constexpr int kMaxPainPoints = 52;     // dots (and bars) at most, past that weeks are grouped
constexpr int kMaxSessionMarks = 120;  // single sessions at most, past that they are grouped
constexpr int kMaxSessionGroups = 40;
constexpr std::size_t kMaxDoseRows = 8;
constexpr std::size_t kMaxWeeklyLines = 4;

std::string plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
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

std::string month_name(unsigned month) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return month >= 1 && month <= 12 ? kMonths[month - 1] : "";
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
    std::string text = years_only ? std::to_string(static_cast<int>(ym.year())) : month_name(month);
    if (!years_only && month == 1) text += " " + std::to_string(static_cast<int>(ym.year()));
    out.push_back({day_x(from, d), std::move(text)});
  }
  return out;
}

ChangeView change_view(const core::HistoryReport& r) {
  ChangeView v;
  const auto& base = r.baseline;
  const bool base_ok = base && base->days_with_data >= core::kMinDaysForWeeklyMean;
  const std::string window =
      r.baseline_before_assignment ? "7 days before your homework" : "First 7 days";
  v.baseline_value = base_ok ? one_decimal(base->mean) : "–";
  v.baseline_caption = base ? window + " · " + std::to_string(base->days_with_data) + " rated"
                            : "First 7 days of ratings";
  v.current_value = r.current ? one_decimal(*r.current->mean) : "–";
  v.current_caption = r.current ? "Week of " + short_date(r.current->start) + " · " +
                                      std::to_string(r.current->days_rated) + " rated"
                                : "Latest week with 4 rated days";
  if (r.escalation) v.escalation = core::escalation_text(*r.escalation);
  if (!base) {
    v.change = "Not enough data yet";
    v.note =
        "The daily check-in builds your baseline from your first 7 days; 4 rated days are needed.";
    return v;
  }
  if (!base_ok) {
    v.change = "Not enough data yet";
    v.note = window + " have " + plural(base->days_with_data, "rated day", "rated days") +
             "; a baseline needs 4.";
    return v;
  }
  if (r.current_overlaps_baseline) {
    v.change = "Not enough data yet";
    v.note =
        "Your latest weekly mean overlaps the baseline days; the change shows once a later "
        "week has 4 rated days.";
    return v;
  }
  if (!r.change) {
    v.change = "Not enough data yet";
    v.note = "No week in this period has 4 rated days yet; a weekly mean needs 4.";
    return v;
  }
  v.enough = true;
  const core::Change& c = *r.change;
  // Cut toward zero like every figure here, so 1.96 reads 1.9 beside "under 2 points".
  const std::string size = one_decimal(std::abs(c.raw_points));
  v.change = size == "0.0"      ? "No change in points"
             : c.raw_points > 0 ? size + " points less pain"
                                : size + " points more pain";
  if (c.percent && c.band) {
    const auto cut = core::whole_toward_zero(std::abs(*c.percent));
    if (size != "0.0") {
      v.change += " (" + std::to_string(cut) + "% " + (*c.percent < 0 ? "higher" : "lower") + ")";
    }
    std::string band(core::band_label(*c.band));
    if (!band.empty())
      band[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(band[0])));
    v.band = band;
  } else {
    v.note = "Baseline below 3: the percent is not shown, as it is unstable at low pain.";
  }
  v.reference = c.reaches_two_points ? "Reaches 2 points, the reference for a clear change."
                : c.reaches_one_point
                    ? "Under 2 points, the reference for a clear change; 1 point is a minimal one."
                    : "Under 1 point; 2 points is the reference for a clear change.";
  return v;
}

// "Adherence 71 % (10 of 14) · homework from 17 Nov"; why there is none otherwise.
std::string adherence_text(const core::HistoryReport& r) {
  const core::Adherence& a = r.adherence;
  const std::string figure = core::adherence_figure(a.completed, a.prescribed);
  if (figure.empty()) {
    return a.from_homework ? "Adherence: nothing prescribed yet in this period."
                           : "Adherence shows from your first session.";
  }
  const std::string since = a.counted_from ? " since " + short_date(*a.counted_from) : "";
  return "Adherence " + figure +
         (a.from_homework ? ": homework sessions done of those prescribed"
                          : ": sessions done of your weekly target") +
         since + ".";
}

std::string streak_text(const core::Streak& s) {
  if (s.days <= 0)
    return "No streak right now: your next session starts one, whenever it suits you.";
  if (s.days == 1) {
    return "Practised on 1 day in your current streak. A missed day is fine: the streak allows a "
           "grace day.";
  }
  return "Practised on " + std::to_string(s.days_practised) + " of " + std::to_string(s.days) +
         " days in your current streak. A missed day is fine: the streak allows a grace day.";
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
    v.legend.push_back({LegendMark::Dot, "Daily rating"});
  else if (k == 1)
    v.legend.push_back({LegendMark::Dot, "Weekly mean, one dot a week"});
  else
    v.legend.push_back({LegendMark::Dot, "Mean of " + std::to_string(k) + " weeks, one dot each"});
  v.legend.push_back({LegendMark::Line, "7-day mean"});
  if (!v.aggregated)
    v.legend.push_back({LegendMark::Segment, "Weekly mean (4 or more days rated)"});
  v.legend.push_back({LegendMark::Dashed, "Under 4 days rated: not enough data"});
  v.legend.push_back({LegendMark::Bar, k == 1 ? "Sessions done a week (right scale)"
                                              : "Sessions a week, averaged (right)"});
  if (target > 0)
    v.legend.push_back(
        {LegendMark::Target, "Weekly target: " + plural(target, "session", "sessions")});
  if (v.points.empty() && v.weeks.empty()) v.empty = "No daily ratings in this period yet";
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
  v.legend = {{LegendMark::BeforeAfter, "Before, after"},
              {LegendMark::Relief, "Less pain after"},
              {LegendMark::Worse, "More pain after"},
              {LegendMark::Same, "No change"}};
  if (rated.empty()) {
    v.empty = filtering ? "No rated sessions for this filter in this period"
                        : "No rated sessions in this period yet";
  } else {
    double drop = 0;
    for (const auto* s : rated) drop += *s->before - *s->after;
    drop /= static_cast<double>(rated.size());
    const std::string n = plural(static_cast<int>(rated.size()), "session", "sessions");
    const std::string size = one_decimal(std::abs(drop));
    v.summary = size == "0.0" ? "On average about the same right after a session (" + n + ")."
                : drop > 0
                    ? "On average " + size + " points lower right after a session (" + n + ")."
                    : "On average " + size + " points higher right after a session (" + n + ").";
  }
  std::vector<core::SessionSample> plain;
  for (const auto* s : rated) plain.push_back(*s);
  const auto weeks = core::session_change_by_week(plain);
  for (auto it = weeks.rbegin(); it != weeks.rend() && v.weekly.size() < kMaxWeeklyLines; ++it) {
    if (!it->mean_drop) continue;
    const std::string size = one_decimal(std::abs(*it->mean_drop));
    const std::string how =
        size == "0.0" ? "about the same" : size + (*it->mean_drop > 0 ? " lower" : " higher");
    v.weekly.push_back("Week of " + short_date(it->week_start) + ": " + how + " on average (" +
                       std::to_string(it->rated_sessions) + ")");
  }
  v.caveat =
      v.aggregated
          ? "Each mark is the mean of " + plural(k, "week's", "weeks'") +
                " sessions. Ratings right after a session say little about change over weeks."
          : "Ratings right after a session say little about change over weeks.";
  return v;
}

}  // namespace

std::string one_decimal(double value) {
  const long long tenths = core::tenths_toward_zero(value);
  if (tenths < 0) return "\u2212" + core::tenths_text(-tenths, true);
  return core::tenths_text(tenths, true);
}

std::string short_date(core::Day day) {
  const year_month_day ymd{day};
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " +
         month_name(static_cast<unsigned>(ymd.month()));
}

std::string humanise_muscle(const std::string& id, core::Side side) {
  std::string name;
  for (char ch : id) name += ch == '_' ? ' ' : ch;
  const std::string_view word = core::side_word(side);
  if (word.empty()) {
    if (!name.empty())
      name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    return name;
  }
  return std::string(word) + " " + name;
}

TrendsView trends_view(const AppModel& m, const TrendsScreen& s) {
  TrendsView v;
  switch (s.period) {
    case TrendsPeriod::Weeks4:
      v.period_label = "Last 4 weeks";
      break;
    case TrendsPeriod::Weeks12:
      v.period_label = "Last 12 weeks";
      break;
    case TrendsPeriod::All:
      v.period_label = "Everything";
      break;
  }
  const int target = effective_weekly_target(m);
  v.target_prescribed = target_prescribed(m);
  v.target_label = v.target_prescribed ? "Prescribed this week" : "Weekly target";
  v.target_value = target > 0 ? plural(target, "session", "sessions") : "None";
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
    v.filter_note =
        "Daily pain is whole-body: the filter applies to the sessions, left vs right and "
        "dose charts.";
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
      row.value = std::to_string(t.first) + " (rated once so far)";
    } else {
      row.value = std::to_string(t.first) + " → " + std::to_string(t.latest) + " (" +
                  (t.change() > 0   ? "+"
                   : t.change() < 0 ? "−"
                                    : "") +
                  std::to_string(std::abs(t.change())) + ")";
      row.beyond_mdc = t.passes_mdc();
      row.verdict = !row.beyond_mdc  ? "Within 2 points: may be measurement error"
                    : t.change() > 0 ? "More able: beyond the 2-point MDC"
                                     : "Less able: beyond the 2-point MDC";
    }
    v.psfs.push_back(std::move(row));
  }
  if (!v.psfs.empty()) {
    v.psfs_note =
        "0 = unable, 10 = as before the problem; first rating → latest. A change of 2 "
        "points or more is taken as more than measurement error (Moseng et al. 2013).";
  }

  for (const auto& lr : core::left_vs_right(samples)) {
    const auto cell = [](const core::SideChange& c) {
      return one_decimal(c.mean_before) + " → " + one_decimal(c.mean_after) + " (" +
             std::to_string(c.rated_sessions) + ")";
    };
    v.left_right.push_back({lr.region, cell(lr.left), cell(lr.right)});
  }
  if (!v.left_right.empty())
    v.left_right_note = "Mean pain before → after a session (sessions rated)";

  std::map<std::pair<std::string, core::Side>, core::Duration> sums;
  for (const auto& week : core::dose_by_week(samples))
    for (const auto& dose : week.muscles) sums[{dose.muscle, dose.side}] += dose.pressed;
  const double weeks = std::max<double>(1, static_cast<double>(report.week_rows.size()));
  for (const auto& [key, pressed] : sums) {
    const double minutes = core::to_seconds(pressed) / 60.0;
    if (minutes <= 0) continue;
    const long long whole = std::max<long long>(1, std::llround(minutes));
    v.dose.push_back(
        {humanise_muscle(key.first, key.second), minutes,
         std::to_string(whole) + " min · " + one_decimal(minutes / weeks) + " a week"});
  }
  std::stable_sort(v.dose.begin(), v.dose.end(),
                   [](const DoseRow& a, const DoseRow& b) { return a.minutes > b.minutes; });
  const std::size_t all = v.dose.size();
  if (all > kMaxDoseRows) v.dose.resize(kMaxDoseRows);
  for (const auto& row : v.dose) v.dose_max = std::max(v.dose_max, row.minutes);
  v.dose_note = "Minutes of pressure in the period, and the average a week";
  if (all > kMaxDoseRows)
    v.dose_note += " · " + std::to_string(all - kMaxDoseRows) + " more not shown";
  if (v.dose.empty())
    v.dose_empty = filtering ? "No pressure logged for this filter in this period"
                             : "No pressure logged in this period yet";
  return v;
}

}  // namespace unknot::app
