// Notes on behaviour the header leaves open:
// - Days are local days: each row's own offset from UTC, else the fallback (the machine's
//   offset now).
// - A session's planned time is the planned time of the steps it recorded, its done time their
//   actual time; pressure is the actual time of steps with a muscle (breathing blocks have none).
#include "report/progress_reader.h"

#include <chrono>

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
  for (const auto& row : store.psfs_ratings()) input.psfs.push_back(psfs_rating(row));
  return input;
}

}  // namespace unknot::report
