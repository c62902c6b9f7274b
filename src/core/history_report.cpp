// Notes on behaviour the header leaves open:
// - The baseline always comes from the whole history: it is the first 7 days of ratings, even
//   when those lie before the period shown.
// - A practised day (for the streak) is a day with a session that ran for some time.
// - Completed sessions need the store's completed status as well as core's 80 % rule: an
//   abandoned session only records the steps it reached, so its planned time is too small.
#include "core/history_report.h"

#include <algorithm>
#include <map>
#include <span>
#include <tuple>
#include <utility>

namespace unknot::core {
namespace {

using namespace std::chrono;

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
                  std::span<const HistorySession> sessions, int target) {
  std::vector<core::SessionSample> samples;
  for (const auto& session : sessions) {
    samples.push_back(session.sample);
    const auto index = week_index(from, rows.size(), core::week_start_of(session.sample.day));
    if (!index) continue;
    rows[*index].sessions_logged += 1;
    if (session.completed_status && core::counts_as_completed(session.sample))
      rows[*index].sessions_completed += 1;
  }
  for (auto& row : rows) {
    if (target <= 0) continue;
    row.adherence_percent =
        std::min(100.0, 100.0 * row.sessions_completed / static_cast<double>(target));
  }
  for (const auto& week : core::session_change_by_week(samples)) {
    const auto index = week_index(from, rows.size(), week.week_start);
    if (!index) continue;
    rows[*index].rated_sessions = week.rated_sessions;
    rows[*index].mean_drop = week.mean_drop;
  }
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

}  // namespace

HistoryReport build_history_report(const HistoryInput& input, core::Day today, int weeks,
                                   int target) {
  HistoryReport report;
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
  add_sessions(report.week_rows, report.from, sessions, target);

  report.baseline = core::pain_baseline(ratings);
  for (const auto& row : report.week_rows) {
    if (row.mean) report.current = row;
  }
  if (report.baseline && report.baseline->days_with_data >= core::kMinDaysForWeeklyMean &&
      report.current) {
    report.change = core::change_vs_baseline(report.baseline->mean, *report.current->mean);
  }
  report.streak = streak_on(sessions, today);
  report.muscles = muscles_in(sessions, report.from, report.to);
  for (const auto& rating : input.pgic) {
    if (rating.day < report.from || rating.day > report.to) continue;
    if (!report.latest_pgic || rating.day >= report.latest_pgic->day) report.latest_pgic = rating;
  }
  add_psfs(report, input.psfs);
  return report;
}

}  // namespace unknot::core
