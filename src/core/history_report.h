// The figures behind the Progress screen, `unknot history` and `unknot report`, built from plain
// values (no database, no clock) so every place shows the same numbers. Pure std + core.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/pain_stats.h"
#include "core/psfs.h"

namespace unknot::core {

// A logged session reduced to what the report needs.
struct HistorySession {
  core::SessionSample sample;     // day, ratings, planned and done time, pressure per muscle
  bool completed_status = false;  // the store marked it completed (not abandoned or cut off)
};

struct PgicRating {
  core::Day day;
  int value = 0;  // 1 very much improved .. 7 very much worse
};

struct HistoryInput {
  std::vector<HistorySession> sessions;
  std::vector<core::DailyRating> ratings;  // daily_pain check-ins
  std::vector<PgicRating> pgic;
  std::vector<core::PsfsRating> psfs;  // every PSFS rating, oldest first
};

struct HistoryWeek {
  core::Day start;
  int days_rated = 0;
  std::optional<double> mean;  // only with >= core::kMinDaysForWeeklyMean days
  std::optional<int> worst;
  int sessions_logged = 0;
  int sessions_completed = 0;               // completed status and >= 80 % of the planned time done
  std::optional<double> adherence_percent;  // completed / target x 100, capped; none at target 0
  int rated_sessions = 0;                   // sessions with both before and after ratings
  std::optional<double> mean_drop;          // mean of before - after; positive means relief
};

struct HistoryReport {
  core::Day from, to;  // the period, Monday .. Sunday, both included
  int weeks = 0;       // as asked: 0 means all the history
  int target = 0;
  std::optional<core::Baseline> baseline;  // the first 7 days of ratings, however few
  std::optional<HistoryWeek> current;      // the latest week of the period with a mean
  std::optional<core::Change> change;      // baseline (>= 4 days) vs current
  std::vector<HistoryWeek> week_rows;      // every week of the period, oldest first
  core::Streak streak;
  std::vector<core::MuscleDose> muscles;  // pressure per muscle and side in the period
  std::optional<PgicRating> latest_pgic;  // the latest in the period
  std::vector<core::PsfsRating> psfs;     // the PSFS ratings in the period, oldest first
  // Each activity from its first rating ever to its latest by the period's end; only activities
  // rated in the period.
  std::vector<core::PsfsTrend> psfs_trends;
};

// `today` is the local day the report is made; data after its week is left out.
HistoryReport build_history_report(const HistoryInput& input, core::Day today, int weeks,
                                   int target);

}  // namespace unknot::core
