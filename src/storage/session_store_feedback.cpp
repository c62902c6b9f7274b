// Reports made during a step ("too intense", "stop") (schema 5). Part of SessionStore
// (session_store.h); SQLite only through storage/database.h.
#include <string>
#include <vector>

#include "core/translate.h"
#include "storage/database.h"
#include "storage/session_store.h"
#include "storage/store_codec.h"

namespace unknot::storage {

std::string_view feedback_kind_text(FeedbackKind kind) {
  return kind == FeedbackKind::Stopped ? "stopped" : "too_intense";
}

void SessionStore::add_step_feedback(const StepFeedback& f) {
  const std::string doing = core::fill(
      // TRANSLATORS: {step} and {session} are numbers.
      core::tr("saving what was reported during step {step} of session {session}"),
      {{"step", std::to_string(f.step_index)}, {"session", std::to_string(f.session_id)}});
  Statement insert(
      *db_,
      "INSERT INTO step_feedback (session_id, step_index, muscle, side, kind, at) "
      "SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE EXISTS (SELECT 1 FROM sessions WHERE id = ?1)",
      doing);
  insert.bind(1, f.session_id);
  insert.bind(2, f.step_index);
  insert.bind(3, f.muscle);
  insert.bind(4, codec::side_text(f.side));
  insert.bind(5, feedback_kind_text(f.kind));
  insert.bind(6, codec::timestamp_text(*db_, f.at, doing));
  insert.run();
  if (db_->changes() == 0)
    throw StorageError(db_->name() + ": " + doing + ": " + core::tr("no such session"));
}

std::vector<StepFeedback> SessionStore::step_feedback(core::UnixSeconds from,
                                                      core::UnixSeconds to) const {
  std::vector<StepFeedback> out;
  if (to <= from) return out;
  const std::string doing = core::tr("reading what was reported during steps");
  Statement query(*db_,
                  "SELECT f.session_id, f.step_index, f.muscle, f.side, f.kind, f.at "
                  "FROM step_feedback f JOIN sessions s ON s.id = f.session_id "
                  "WHERE s.started_at >= ?1 AND s.started_at < ?2 "
                  "ORDER BY s.started_at, f.at, f.id",
                  doing);
  query.bind(1, codec::timestamp_text(*db_, from, doing));
  query.bind(2, codec::timestamp_text(*db_, to, doing));
  while (query.step()) {
    StepFeedback f;
    f.session_id = query.column_int64(0);
    f.step_index = query.column_int(1);
    f.muscle = query.column_text(2);
    const std::string side = query.column_text(3);
    f.side = side == "left"    ? core::Side::Left
             : side == "right" ? core::Side::Right
                               : core::Side::None;
    f.kind = query.column_text(4) == "stopped" ? FeedbackKind::Stopped : FeedbackKind::TooIntense;
    f.at = codec::parse_time(*db_, doing, query.column_text(5));
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace unknot::storage
