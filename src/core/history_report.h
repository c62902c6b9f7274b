// The figures behind the Progress screen, `unknot history` and `unknot report`, built from plain
// values (no database, no clock) so every place shows the same numbers. Pure std + core.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/homework.h"
#include "core/pain_stats.h"
#include "core/psfs.h"

namespace unknot::core {

// Sessions a week the person aims for until they set their own (domain.md §5.4: the app's
// default prescription is 5-7 days a week). The app, `unknot history` and `unknot report` all
// start from this one figure.
inline constexpr int kDefaultWeeklyTarget = 5;
inline constexpr int kMaxWeeklyTarget = 21;

// A logged session reduced to what the report needs.
struct HistorySession {
  core::SessionSample sample;     // day, ratings, planned and done time, pressure per muscle
  std::string routine_id;         // as stored: "neck_release", "homework:<id>", "breathe:<id>"
  bool completed_status = false;  // the store marked it completed (not abandoned or cut off)
  // sample.planned is the whole session's planned active time, stored when it began. Without
  // it (sessions stored before that was kept) an ended-early session's planned time covers only
  // the steps it reached, so only its completed status can be trusted.
  bool planned_known = false;
};

// Completed in the sense of domain.md §5.1: at least 80 % of the session's planned active time
// was done, whatever its stored status (a session ended early at 85 % counts). A session whose
// whole plan is unknown counts only when the store marked it completed.
bool session_completed(const HistorySession& session);

struct PgicRating {
  core::Day day;
  int value = 0;  // 1 very much improved .. 7 very much worse
};

// A therapist's assignment: its sessions, its schedule and the day it reached the person.
struct HomeworkPlan {
  std::string routine_id;  // "homework:<id>" (homework_routine_id): its sessions
  std::string title;
  std::string therapist;
  HomeworkPrescription prescription;
  core::Day imported_on;  // local day it was first imported
};

struct HistoryInput {
  std::vector<HistorySession> sessions;
  std::vector<core::DailyRating> ratings;  // daily_pain check-ins
  std::vector<PgicRating> pgic;
  std::vector<HomeworkPlan> homework;  // every stored homework, any order
  std::vector<core::PsfsRating> psfs;  // every PSFS rating, oldest first
};

struct HistoryWeek {
  core::Day start;
  int days_rated = 0;
  std::optional<double> mean;  // only with >= core::kMinDaysForWeeklyMean days
  std::optional<int> worst;
  int sessions_logged = 0;
  int sessions_completed = 0;  // per session_completed, any routine
  int prescribed = 0;          // sessions prescribed in the week's counted days (see Adherence)
  int counted = 0;             // completed sessions that count toward it, at most `prescribed`
  std::optional<double> adherence_percent;  // counted / prescribed x 100; none at 0 prescribed
  int rated_sessions = 0;                   // sessions with both before and after ratings
  std::optional<double> mean_drop;          // mean of before - after; positive means relief
};

// Completed ÷ prescribed (domain.md §5.1) over the period's days up to today.
// - With homework whose block overlaps the period up to today: the days its schedule
//   prescribes, from its start (or the period's first day) to today (or its end); only
//   sessions of that homework count.
// - Otherwise the person's own weekly target, counted from their first session (or the
//   period's first day) to today; a week counted on only some of its days prescribes
//   target x days / 7, rounded. Every completed session counts.
// Days before the start and days not yet reached prescribe nothing. Each week counts at most
// what it prescribes, so practice in one week does not make up for another.
struct Adherence {
  bool from_homework = false;
  int target = 0;                         // the person's own weekly target (without homework)
  std::optional<core::Day> counted_from;  // the first day counted; empty: nothing counted
  int prescribed = 0;
  int completed = 0;
  std::optional<double> percent;  // completed / prescribed x 100; none at 0 prescribed
};

// "71 % (10 of 14)": the adherence figure as every place prints it, the percent cut toward
// zero; empty when nothing is prescribed.
std::string adherence_figure(int completed, int prescribed);

// One homework's share of the adherence, for the report's homework table.
struct HomeworkAdherence {
  HomeworkPlan plan;
  int prescribed = 0;
  int completed = 0;
  std::optional<double> percent;
};

// When the figures call for a word with the clinician (issue 10; domain.md §4.2, §4.4).
enum class EscalationReason {
  Worsening,     // the weekly mean is >= 2 points or >= 30 % above the baseline
  NotImproving,  // after 4 weeks of practice, less than 1 point and under 10 % better
};
struct Escalation {
  EscalationReason reason = EscalationReason::Worsening;
  int weeks_of_practice = 0;  // whole weeks from the first session to the compared week's end
};
inline constexpr int kEscalationWeeks = 4;

// The calm message the person sees ("… worth checking with your clinician …").
std::string escalation_text(const Escalation& escalation);
// The rule that fired, in a clinician's terms, for the report.
std::string escalation_rule(const Escalation& escalation);

struct HistoryReport {
  core::Day from, to;  // the period, Monday .. Sunday, both included
  core::Day today;
  int weeks = 0;  // as asked: 0 means all the history
  int target = 0;
  // Without homework: the first 7 days of ratings. With it: the 7 days before the earliest
  // assignment (its start or its import, whichever came first), else the 7 days from the first
  // rating after it (domain.md §4.4).
  std::optional<core::Baseline> baseline;
  std::optional<core::Day> assigned_on;  // the assignment the baseline is taken before
  bool baseline_before_assignment = false;
  std::optional<HistoryWeek> current;      // the latest week of the period with a mean
  bool current_overlaps_baseline = false;  // then no change is reported
  std::optional<core::Change> change;      // baseline (>= 4 days) vs current
  std::optional<Escalation> escalation;
  Adherence adherence;
  std::vector<HomeworkAdherence> homework;  // each homework overlapping the period up to today
  std::vector<HistoryWeek> week_rows;       // every week of the period, oldest first
  core::Streak streak;
  std::vector<core::MuscleDose> muscles;  // pressure per muscle and side in the period
  std::vector<PgicRating> pgic;           // in the period, oldest first
  std::optional<PgicRating> latest_pgic;  // the latest in the period
  std::vector<core::PsfsRating> psfs;     // the PSFS ratings in the period, oldest first
  // Each activity from its first rating ever to its latest by the period's end; only activities
  // rated in the period.
  std::vector<core::PsfsTrend> psfs_trends;
};

// `today` is the local day the report is made; data after its week is left out. `target` is
// the person's own weekly target, used when no homework applies.
HistoryReport build_history_report(const HistoryInput& input, core::Day today, int weeks,
                                   int target);

}  // namespace unknot::core
