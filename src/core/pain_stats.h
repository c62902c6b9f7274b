// Pain and adherence statistics behind the trends screens (domain.md §4.3, §4.4, §5.1).
// Pure std: no clock and no time zone; days arrive as local calendar days chosen by the caller.
// Nothing is worse than O(n log n): ten years of history take about a millisecond (trends_bench).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/routine.h"
#include "core/time.h"

namespace unknot::core {

// A local calendar day. The caller shifts each timestamp to the user's local time before
// flooring it (local_day), so a rating at 23:30 belongs to the evening it was given, not to UTC.
using Day = std::chrono::sys_days;

constexpr Day local_day(UnixSeconds t, std::chrono::seconds utc_offset) {
  return std::chrono::floor<std::chrono::days>(t + utc_offset);
}

// The first day of the week that contains `day`.
Day week_start_of(Day day, std::chrono::weekday first_day = std::chrono::Monday);

inline constexpr int kMinDaysForWeeklyMean = 4;        // fewer days do not estimate average pain
inline constexpr double kMinBaselineForPercent = 3.0;  // below this percentages are unstable

// One 0-10 NRS rating. Ratings outside 0..10 are ignored everywhere.
struct DailyRating {
  Day day;
  int pain = 0;
};

// A mean for one day and how many values it was made of.
struct DayValue {
  Day day;
  double mean = 0;
  int count = 0;
};

// The mean of each day's ratings, one entry per day with data, ascending. Any order in.
std::vector<DayValue> daily_means(std::span<const DailyRating> ratings);

// For each day in `days` (ascending, one entry per day, as daily_means returns): the mean of the
// day means within the 7 calendar days ending that day, count = days with data in the window.
// Gaps are skipped, never filled: after a gap of 7 or more days the line restarts from one day.
std::vector<DayValue> rolling_mean_7(std::span<const DayValue> days);

struct WeekSummary {
  Day week_start;
  int days_with_data = 0;
  std::optional<double> mean;  // mean of the day means; only with >= kMinDaysForWeeklyMean days
  std::optional<int> worst;    // highest single rating; whenever the week has any
};

// One entry per calendar week from the first rated week to the last, empty weeks included.
std::vector<WeekSummary> weekly_pain(std::span<const DailyRating> ratings,
                                     std::chrono::weekday first_day = std::chrono::Monday);

struct Baseline {
  Day first_day;  // the window is first_day .. first_day + 6
  int days_with_data = 0;
  double mean = 0;  // mean of the day means in the window
};

// Without `assigned_on`: the 7 days starting at the first rating. With it: the 7 days before
// that date; if those hold no rating (the usual case for a new user), the 7 days starting at the
// first rating on or after it. Empty when the window has no ratings. Callers wanting the
// weekly-mean reliability rule compare days_with_data with kMinDaysForWeeklyMean.
std::optional<Baseline> pain_baseline(std::span<const DailyRating> ratings,
                                      std::optional<Day> assigned_on = std::nullopt);

// Display rounding that never crosses a threshold (issue 10): a figure is cut toward zero, so a
// raw change of 1.96 reads 1.9, never 2.0, beside "does not reach 2 points". Binary floating
// point can land a hair under a boundary (29.999999999999993 for 30), so kDisplayTolerance is
// added to the size first, as the thresholds themselves do.
inline constexpr double kDisplayTolerance = 1e-9;
// `value` in tenths, cut toward zero: 1.96 → 19, -1.96 → -19, 2.0 - 1e-12 → 20.
std::int64_t tenths_toward_zero(double value);
// `value` in whole units, cut toward zero: 29.6 → 29, -30.4 → -30.
std::int64_t whole_toward_zero(double value);

// IMMPACT bands on the percent change vs baseline, worst to best; worsening mirrors improvement.
enum class ChangeBand {
  SubstantialWorsening,            // <= -50 %
  ClinicallyImportantWorsening,    // -49.x .. -30 %
  MinimalWorsening,                // -29.x .. -10 %
  NoClearChange,                   // |change| < 10 %
  MinimalImprovement,              // 10 .. 29.x %
  ClinicallyImportantImprovement,  // 30 .. 49.x %
  SubstantialImprovement,          // >= 50 %
};

// Improvement labels word for word from domain.md; the worsening ones mirror them. English (the
// CLI's JSON keeps it so): show it through core::tr (core/translate.h).
std::string_view band_label(ChangeBand band);

struct Change {
  double raw_points = 0;            // baseline - current: positive means less pain
  std::optional<double> percent;    // raw_points / baseline x 100; empty when baseline < 3
  std::optional<ChangeBand> band;   // band of the unrounded percent; empty with it
  bool reaches_one_point = false;   // |raw| >= 1, "minimal" (Salaffi)
  bool reaches_two_points = false;  // |raw| >= 2, the reference change (Farrar)
};

// Both arguments are 0-10 means, e.g. a Baseline's mean and a WeekSummary's mean.
Change change_vs_baseline(double baseline_mean, double current_mean);

struct MuscleDose {
  std::string muscle;
  Side side = Side::None;
  Duration pressed{};
};

// One logged session, complete or partial.
struct SessionSample {
  Day day;
  std::optional<int> before, after;  // "pain right now" 0-10 before and after
  std::string region;                // body region the before/after ratings are about
  Side side = Side::None;
  Duration planned{};  // planned active time
  Duration done{};     // active time actually done (pauses excluded)
  std::vector<MuscleDose> doses;
};

// True when at least 80 % of the planned active time was done; never when nothing was planned.
bool counts_as_completed(const SessionSample& session);

struct SessionChangeWeek {
  Day week_start;
  int rated_sessions = 0;           // sessions with both ratings
  std::optional<double> mean_drop;  // mean of before - after; positive means relief
};

// One entry per week from the first to the last week with a rated session, empty weeks included.
std::vector<SessionChangeWeek> session_change_by_week(
    std::span<const SessionSample> sessions, std::chrono::weekday first_day = std::chrono::Monday);

struct Prescription {
  int sessions_per_week = 0;
  Duration session_length{};  // planned active time of one session
};

struct AdherenceWeek {
  Day week_start;
  int logged = 0;     // every session, partial ones included
  int completed = 0;  // per counts_as_completed
  int prescribed = 0;
  std::optional<double> percent;       // completed / prescribed x 100, capped at 100
  Duration done{};                     // active time of all logged sessions
  Duration prescribed_time{};          // sessions_per_week x session_length
  std::optional<double> dose_percent;  // done / prescribed_time x 100, not capped
};

// One entry per week from the week holding `from` to the week holding `to` (none if from > to);
// sessions count in the week they fall in. Percentages are empty when nothing is prescribed.
std::vector<AdherenceWeek> adherence_by_week(std::span<const SessionSample> sessions,
                                             const Prescription& prescription, Day from, Day to,
                                             std::chrono::weekday first_day = std::chrono::Monday);

struct WeekDose {
  Day week_start;
  std::vector<MuscleDose> muscles;  // pressed time summed per muscle and side, sorted by both
};

// One entry per week from the first to the last week with a dose, empty weeks included.
std::vector<WeekDose> dose_by_week(std::span<const SessionSample> sessions,
                                   std::chrono::weekday first_day = std::chrono::Monday);

struct Streak {
  int days = 0;            // calendar days from the first to the last practised day
  int days_practised = 0;  // of those, days with a session
};

// The current streak with a grace day: practised days chain while at most one day is missed
// between them (two missed days in a row end it). It is current while its last day is today,
// yesterday, or the day before (yesterday then is the grace day and today is still open).
// Days after `today` are ignored; duplicates and any order are fine.
Streak current_streak(std::span<const Day> practised, Day today);

struct SideChange {
  int rated_sessions = 0;
  double mean_before = 0;
  double mean_after = 0;
  double mean_drop = 0;  // mean_before - mean_after
};

struct LeftRight {
  std::string region;
  SideChange left, right;
};

// Per region rated on both the left and the right side (rated = both ratings), sorted by region.
std::vector<LeftRight> left_vs_right(std::span<const SessionSample> sessions);

}  // namespace unknot::core
