// Notes on behaviour the header leaves open:
// - Days are local days: each row's own offset from UTC, else the fallback (the machine's
//   offset now).
// - A session's planned time is the whole plan stored when it began; for sessions stored before
//   that was kept, the planned time of the steps it recorded. Its done time is the steps' actual
//   time; pressure is the actual time of steps with a muscle (breathing blocks have none).
// - A homework's import day uses the fallback offset: the import time is stored without one.
// - A stored homework that no longer parses is left out of the figures (the Care screen names
//   the problem when it is opened).
#include "report/progress_reader.h"

#include <chrono>

#include "core/homework.h"

namespace unknot::report {

using namespace std::chrono;

core::HistorySession history_session(const storage::SessionRow& row,
                                     const std::vector<storage::StepRow>& steps, int fallback_min) {
  core::HistorySession session;
  core::SessionSample& sample = session.sample;
  sample.day = core::local_day(row.started_at, minutes{row.utc_offset_min.value_or(fallback_min)});
  sample.before = row.pain_before;
  sample.after = row.pain_after;
  sample.region = row.region;
  for (const auto& step : steps) {
    sample.planned += step.planned;
    sample.done += step.actual;
    if (!step.muscle.empty() && step.actual > core::Duration::zero())
      sample.doses.push_back({step.muscle, step.side, step.actual});
  }
  if (row.planned_total) {
    sample.planned = *row.planned_total;
    session.planned_known = true;
  }
  session.routine_id = row.routine_id;
  session.completed_status = row.status == storage::SessionStatus::Completed;
  return session;
}

void add_checkin(core::HistoryInput& input, const storage::CheckinRow& row) {
  // A daily rating is filed on the day it is about (before noon: yesterday).
  const core::Day day =
      row.day.value_or(core::local_day(row.recorded_at, minutes{row.utc_offset_min}));
  if (row.kind == storage::CheckinKind::DailyPain) input.ratings.push_back({day, row.value});
  if (row.kind == storage::CheckinKind::Pgic) input.pgic.push_back({day, row.value});
}

std::vector<core::HomeworkPlan> homework_plans(const storage::SessionStore& store,
                                               int fallback_min) {
  std::vector<core::HomeworkPlan> plans;
  for (const auto& stored : store.homework()) {
    auto parsed = core::parse_homework(stored.file_json, "homework " + stored.id,
                                       core::builtin_pattern_lookup(), nullptr);
    if (!parsed.homework) continue;
    const core::Homework& hw = *parsed.homework;
    plans.push_back({core::homework_routine_id(hw.id), hw.routine.title, hw.prescription.therapist,
                     hw.prescription, core::local_day(stored.imported_at, minutes{fallback_min})});
  }
  return plans;
}

core::PsfsRating psfs_rating(const storage::PsfsRow& row) {
  return {core::local_day(row.recorded_at, minutes{row.utc_offset_min}), row.slot, row.activity,
          row.value};
}

core::HistoryInput read_progress(const storage::SessionStore& store, int fallback_min) {
  core::HistoryInput input;
  // Two queries for every session and its steps, rather than one query per session.
  for (const auto& summary : store.sessions_with_steps())
    input.sessions.push_back(history_session(summary.row, summary.steps, fallback_min));
  for (const auto& row : store.checkins(core::UnixSeconds::min(), core::UnixSeconds::max()))
    add_checkin(input, row);
  input.homework = homework_plans(store, fallback_min);
  for (const auto& row : store.psfs_ratings()) input.psfs.push_back(psfs_rating(row));
  return input;
}

}  // namespace unknot::report
