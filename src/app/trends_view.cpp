// Notes on behaviour the header leaves open:
// - The change card, the streak, the pain chart and its session bars use every session and
//   rating: the daily check-in is whole-body, and the weekly target counts every session. The
//   region and side filters apply to the sessions chart, left vs right and the dose.
// - The two charts are made in trends_charts.cpp.
#include "app/trends_view.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <utility>

#include "app/dose_page.h"
#include "app/progress_flow.h"
#include "app/trends_charts.h"
#include "core/local_text.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

using namespace std::chrono;

constexpr std::size_t kMaxDoseRows = 8;

// A count for trn's plural rule (never negative).
std::uint64_t count(long long n) { return static_cast<std::uint64_t>(std::max(0LL, n)); }

// Whether a figure reads 0.0 at one decimal, cut toward zero (the change is then "about the same").
bool reads_zero(double value) { return core::tenths_toward_zero(value) == 0; }

std::string percent_text(long long percent) {
  // TRANSLATORS: a percentage: {n} is the number ("34%"; Spanish writes "34 %").
  return core::fill(core::trc("percent", "{n}%"), {{"n", std::to_string(percent)}});
}

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

}  // namespace

std::string one_decimal(double value) {
  const long long tenths = core::tenths_toward_zero(value);
  const std::string text = core::decimal_text(static_cast<double>(std::llabs(tenths)) / 10.0, 1);
  return tenths < 0 ? "\u2212" + text : text;
}

std::string short_date(core::Day day) { return core::day_month_text(year_month_day{day}); }

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
    v.dose.push_back({core::with_side(muscle_display_name(m, key.first), key.second), minutes,
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
