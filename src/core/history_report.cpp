// Notes on behaviour the header leaves open:
// - The baseline always comes from the whole history up to the period's end, even when it lies
//   before the period shown.
// - A practised day (for the streak) is a day with a session that ran for some time.
// - "Weeks of practice" for the escalation run from the first logged session, whatever it was.
// - Homework blocks count on the person's local days; a block overlapping the period but
//   starting after today prescribes nothing yet and does not switch adherence to homework.
#include "core/history_report.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <span>
#include <tuple>
#include <utility>

#include "core/translate.h"

namespace unknot::core {
namespace {

using namespace std::chrono;

constexpr double kTolerance = 1e-9;  // as pain_stats' thresholds

// The earliest day holding any rating or session; empty without data.
std::optional<core::Day> first_data_day(const HistoryInput& input) {
  std::optional<core::Day> first;
  const auto consider = [&first](core::Day day) {
    if (!first || day < *first) first = day;
  };
  for (const auto& session : input.sessions) consider(session.sample.day);
  for (const auto& rating : input.ratings) consider(rating.day);
  for (const auto& rating : input.pgic) consider(rating.day);
  return first;
}

// The period's PSFS ratings, and the trends of the activities rated in it (first rating ever to
// the latest by the period's end: the PSFS is asked at the start, and a shorter view would lose
// that first rating).
void add_psfs(HistoryReport& report, const std::vector<core::PsfsRating>& all) {
  std::vector<core::PsfsRating> until_end;
  for (const auto& rating : all) {
    if (rating.day > report.to) continue;
    until_end.push_back(rating);
    if (rating.day >= report.from) report.psfs.push_back(rating);
  }
  for (auto& trend : core::psfs_trends(until_end)) {
    if (trend.latest_day >= report.from) report.psfs_trends.push_back(std::move(trend));
  }
}

// Index of `week_start` in rows starting at `from`, or none outside them.
std::optional<std::size_t> week_index(core::Day from, std::size_t count, core::Day week_start) {
  if (week_start < from) return std::nullopt;
  const auto index = static_cast<std::size_t>((week_start - from).count() / 7);
  if (index >= count) return std::nullopt;
  return index;
}

void add_pain(std::vector<HistoryWeek>& rows, core::Day from,
              std::span<const core::DailyRating> ratings) {
  for (const auto& week : core::weekly_pain(ratings)) {
    const auto index = week_index(from, rows.size(), week.week_start);
    if (!index) continue;
    rows[*index].days_rated = week.days_with_data;
    rows[*index].mean = week.mean;
    rows[*index].worst = week.worst;
  }
}

void add_sessions(std::vector<HistoryWeek>& rows, core::Day from,
                  std::span<const HistorySession> sessions) {
  std::vector<core::SessionSample> samples;
  for (const auto& session : sessions) {
    samples.push_back(session.sample);
    const auto index = week_index(from, rows.size(), core::week_start_of(session.sample.day));
    if (!index) continue;
    rows[*index].sessions_logged += 1;
    if (session_completed(session)) rows[*index].sessions_completed += 1;
  }
  for (const auto& week : core::session_change_by_week(samples)) {
    const auto index = week_index(from, rows.size(), week.week_start);
    if (!index) continue;
    rows[*index].rated_sessions = week.rated_sessions;
    rows[*index].mean_drop = week.mean_drop;
  }
}

std::optional<double> percent_of(int completed, int prescribed) {
  if (prescribed <= 0) return std::nullopt;
  return std::min(100.0, 100.0 * completed / static_cast<double>(prescribed));
}

// Prescribed and completed sessions per week row over the days lo..hi.
struct WeekCounts {
  std::vector<int> prescribed, completed;
};

// A homework's prescribed sessions per week over lo..hi, and its completed sessions there.
WeekCounts homework_counts(const HomeworkPlan& plan, std::span<const HistorySession> sessions,
                           core::Day from, std::size_t weeks, core::Day lo, core::Day hi) {
  WeekCounts c{std::vector<int>(weeks, 0), std::vector<int>(weeks, 0)};
  for (core::Day day = lo; day <= hi; day += days{1}) {
    if (const auto i = week_index(from, weeks, core::week_start_of(day)))
      c.prescribed[*i] += prescribed_on(plan.prescription, day);
  }
  for (const auto& s : sessions) {
    if (s.routine_id != plan.routine_id || s.sample.day < lo || s.sample.day > hi) continue;
    if (!session_completed(s)) continue;
    if (const auto i = week_index(from, weeks, core::week_start_of(s.sample.day)))
      c.completed[*i] += 1;
  }
  return c;
}

// The person's own target over lo..hi: target x counted days / 7 per week, rounded.
WeekCounts target_counts(int target, std::span<const HistorySession> sessions, core::Day from,
                         std::size_t weeks, core::Day lo, core::Day hi) {
  WeekCounts c{std::vector<int>(weeks, 0), std::vector<int>(weeks, 0)};
  std::vector<int> counted_days(weeks, 0);
  for (core::Day day = lo; day <= hi; day += days{1}) {
    if (const auto i = week_index(from, weeks, core::week_start_of(day))) counted_days[*i] += 1;
  }
  for (std::size_t i = 0; i < weeks; ++i) {
    c.prescribed[i] = static_cast<int>(std::lround(target * counted_days[i] / 7.0));
  }
  for (const auto& s : sessions) {
    if (s.sample.day < lo || s.sample.day > hi || !session_completed(s)) continue;
    if (const auto i = week_index(from, weeks, core::week_start_of(s.sample.day)))
      c.completed[*i] += 1;
  }
  return c;
}

// Adds one source of prescription to the week rows; returns (prescribed, counted) over them.
std::pair<int, int> add_counts(std::vector<HistoryWeek>& rows, const WeekCounts& c) {
  int prescribed = 0, counted = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const int n = std::min(c.completed[i], c.prescribed[i]);
    rows[i].prescribed += c.prescribed[i];
    rows[i].counted += n;
    prescribed += c.prescribed[i];
    counted += n;
  }
  return {prescribed, counted};
}

void add_adherence(HistoryReport& r, const HistoryInput& input,
                   std::span<const HistorySession> sessions) {
  const core::Day last = std::min(r.today, r.to);
  Adherence& a = r.adherence;
  a.target = r.target;
  for (const auto& plan : input.homework) {
    const auto& p = plan.prescription;
    const core::Day lo = std::max(r.from, p.start), hi = std::min(last, p.end);
    if (lo > hi) continue;
    const WeekCounts c = homework_counts(plan, sessions, r.from, r.week_rows.size(), lo, hi);
    const auto [prescribed, counted] = add_counts(r.week_rows, c);
    r.homework.push_back({plan, prescribed, counted, percent_of(counted, prescribed)});
    a.from_homework = true;
    a.counted_from = a.counted_from ? std::min(*a.counted_from, lo) : lo;
    a.prescribed += prescribed;
    a.completed += counted;
  }
  std::sort(r.homework.begin(), r.homework.end(), [](const auto& x, const auto& y) {
    return std::tie(x.plan.prescription.start, x.plan.title) <
           std::tie(y.plan.prescription.start, y.plan.title);
  });
  if (!a.from_homework && r.target > 0) {
    std::optional<core::Day> first;
    for (const auto& s : input.sessions)
      first = std::min(first.value_or(s.sample.day), s.sample.day);
    if (first && std::max(*first, r.from) <= last) {
      const core::Day lo = std::max(*first, r.from);
      const WeekCounts c = target_counts(r.target, sessions, r.from, r.week_rows.size(), lo, last);
      const auto [prescribed, counted] = add_counts(r.week_rows, c);
      a.counted_from = lo;
      a.prescribed = prescribed;
      a.completed = counted;
    }
  }
  a.percent = percent_of(a.completed, a.prescribed);
  for (auto& row : r.week_rows) row.adherence_percent = percent_of(row.counted, row.prescribed);
}

std::vector<core::MuscleDose> muscles_in(std::span<const HistorySession> sessions, core::Day from,
                                         core::Day to) {
  std::vector<core::SessionSample> samples;
  for (const auto& session : sessions) samples.push_back(session.sample);
  std::map<std::pair<std::string, core::Side>, core::Duration> sums;
  for (const auto& week : core::dose_by_week(samples)) {
    if (week.week_start < from || week.week_start > to) continue;
    for (const auto& dose : week.muscles) sums[{dose.muscle, dose.side}] += dose.pressed;
  }
  std::vector<core::MuscleDose> muscles;
  for (const auto& [key, pressed] : sums) muscles.push_back({key.first, key.second, pressed});
  return muscles;
}

core::Streak streak_on(std::span<const HistorySession> sessions, core::Day today) {
  std::vector<core::Day> practised;
  for (const auto& session : sessions) {
    if (session.sample.done > core::Duration::zero()) practised.push_back(session.sample.day);
  }
  return core::current_streak(practised, today);
}

// The earliest assignment: each homework's start or import, whichever came first.
std::optional<core::Day> assignment_day(const HistoryInput& input) {
  std::optional<core::Day> first;
  for (const auto& plan : input.homework) {
    const core::Day day = std::min(plan.prescription.start, plan.imported_on);
    first = std::min(first.value_or(day), day);
  }
  return first;
}

std::optional<Escalation> escalation_of(const HistoryReport& r,
                                        std::span<const HistorySession> sessions) {
  if (!r.change || !r.current) return std::nullopt;
  const core::Change& c = *r.change;
  const bool worse_points = c.raw_points < 0 && -c.raw_points + kTolerance >= 2;
  const bool worse_percent = c.percent && *c.percent < 0 && -*c.percent + kTolerance >= 30;
  std::optional<core::Day> first;
  for (const auto& s : sessions) first = std::min(first.value_or(s.sample.day), s.sample.day);
  int weeks = 0;
  const core::Day compared_end = r.current->start + days{6};
  if (first && *first <= compared_end) {
    weeks = static_cast<int>((compared_end - *first).count() + 1) / 7;
  }
  if (worse_points || worse_percent) return Escalation{EscalationReason::Worsening, weeks};
  const bool improved =
      c.raw_points > 0 &&
      (c.reaches_one_point || (c.band && *c.band >= core::ChangeBand::MinimalImprovement));
  if (weeks >= kEscalationWeeks && !improved)
    return Escalation{EscalationReason::NotImproving, weeks};
  return std::nullopt;
}

}  // namespace

bool session_completed(const HistorySession& session) {
  return (session.planned_known || session.completed_status) &&
         core::counts_as_completed(session.sample);
}

std::string adherence_figure(int completed, int prescribed) {
  if (prescribed <= 0) return {};
  const double percent = std::min(100.0, 100.0 * completed / static_cast<double>(prescribed));
  // TRANSLATORS: adherence: the share of prescribed sessions done ({percent}, a whole number),
  // then {done} of {total} sessions.
  return fill(tr("{percent} % ({done} of {total})"),
              {{"percent", std::to_string(whole_toward_zero(percent))},
               {"done", std::to_string(completed)},
               {"total", std::to_string(prescribed)}});
}

std::string escalation_text(const Escalation& e) {
  if (e.reason == EscalationReason::Worsening) {
    return tr(
        "Your weekly pain is higher than at your baseline. Please check with your clinician "
        "before carrying on: they can look at your routine with you.");
  }
  const auto weeks = static_cast<std::uint64_t>(std::max(0, e.weeks_of_practice));
  // TRANSLATORS: {n} is a number of weeks.
  return fill(trn("After {n} week of practice your pain has not clearly changed. It is worth "
                  "checking with your clinician whether to adjust the plan.",
                  "After {n} weeks of practice your pain has not clearly changed. It is worth "
                  "checking with your clinician whether to adjust the plan.",
                  weeks),
              {{"n", std::to_string(e.weeks_of_practice)}});
}

std::string escalation_rule(const Escalation& e) {
  if (e.reason == EscalationReason::Worsening) {
    // TRANSLATORS: a rule for the clinician's report: the weekly mean pain against the baseline.
    // xgettext:no-c-format
    return tr("Weekly mean pain is 2 points or 30 % or more above the baseline.");
  }
  const auto weeks = static_cast<std::uint64_t>(std::max(0, e.weeks_of_practice));
  // TRANSLATORS: a rule for the clinician's report; {n} is a number of weeks.
  // xgettext:no-c-format
  return fill(trn("No meaningful improvement (under 1 point and under 10 %) after {n} week of "
                  "practice.",
                  "No meaningful improvement (under 1 point and under 10 %) after {n} weeks of "
                  "practice.",
                  weeks),
              {{"n", std::to_string(e.weeks_of_practice)}});
}

HistoryReport build_history_report(const HistoryInput& input, core::Day today, int weeks,
                                   int target) {
  HistoryReport report;
  report.today = today;
  report.weeks = weeks;
  report.target = target;
  const core::Day this_week = core::week_start_of(today);
  report.to = this_week + days{6};
  report.from = this_week - days{7 * std::max(weeks - 1, 0)};
  if (weeks <= 0) {
    const auto first = first_data_day(input);
    if (first) report.from = std::min(this_week, core::week_start_of(*first));
  }
  const auto week_count = static_cast<std::size_t>((report.to - report.from).count() / 7 + 1);
  for (std::size_t i = 0; i < week_count; ++i) {
    report.week_rows.push_back({});
    report.week_rows.back().start = report.from + days{7 * static_cast<int>(i)};
  }

  std::vector<core::DailyRating> ratings;
  for (const auto& rating : input.ratings) {
    if (rating.day <= report.to) ratings.push_back(rating);
  }
  std::vector<HistorySession> sessions;
  for (const auto& session : input.sessions) {
    if (session.sample.day <= report.to) sessions.push_back(session);
  }
  add_pain(report.week_rows, report.from, ratings);
  add_sessions(report.week_rows, report.from, sessions);
  add_adherence(report, input, sessions);

  report.assigned_on = assignment_day(input);
  report.baseline = core::pain_baseline(ratings, report.assigned_on);
  report.baseline_before_assignment = report.baseline && report.assigned_on &&
                                      report.baseline->first_day == *report.assigned_on - days{7};
  for (const auto& row : report.week_rows) {
    if (row.mean) report.current = row;
  }
  if (report.baseline && report.current) {
    const core::Day base_end = report.baseline->first_day + days{6};
    report.current_overlaps_baseline =
        report.current->start <= base_end &&
        report.current->start + days{6} >= report.baseline->first_day;
  }
  if (report.baseline && report.baseline->days_with_data >= core::kMinDaysForWeeklyMean &&
      report.current && !report.current_overlaps_baseline) {
    report.change = core::change_vs_baseline(report.baseline->mean, *report.current->mean);
  }
  report.escalation = escalation_of(report, sessions);
  report.streak = streak_on(sessions, today);
  report.muscles = muscles_in(sessions, report.from, report.to);
  for (const auto& rating : input.pgic) {
    if (rating.day < report.from || rating.day > report.to) continue;
    report.pgic.push_back(rating);
  }
  std::stable_sort(report.pgic.begin(), report.pgic.end(),
                   [](const PgicRating& a, const PgicRating& b) { return a.day < b.day; });
  if (!report.pgic.empty()) report.latest_pgic = report.pgic.back();
  add_psfs(report, input.psfs);
  return report;
}

}  // namespace unknot::core
