// The store's bulk reads and writes: sessions with their steps in a constant number of queries,
// keyset-paged history, rating and note edits, take/restore for undo, and batch inserts. Part of
// SessionStore (session_store.h); SQLite only through storage/database.h.
// Notes on behaviour the header leaves open:
// - sessions_with_steps runs one query for the sessions and one for all of their steps, and
//   merges them in C++ (a hash map from id to position), sorting each session's steps by index.
// - history_page sums planned and done with correlated subqueries over the UNIQUE
//   (session_id, step_index) index: two index range scans per row of the page.
// - insert_sessions and restore_session insert steps with a plain INSERT, so a step_index given
//   twice in one record is refused rather than silently replaced.
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/translate.h"
#include "storage/database.h"
#include "storage/session_store.h"
#include "storage/store_codec.h"

namespace unknot::storage {
namespace {

using namespace std::chrono;
using codec::kSessionColumns;
using codec::timestamp_text;

// The range to_iso8601 can write; every stored timestamp lies inside it.
constexpr core::UnixSeconds kEarliest{sys_days{year{0} / January / 1}};
constexpr core::UnixSeconds kLatest{sys_days{year{9999} / December / 31} + 23h + 59min + 59s};

constexpr std::string_view kStepColumns =
    "step_index, muscle, side, planned_ms, actual_ms, skipped";

[[noreturn]] void no_such_session(const Database& db, const std::string& doing) {
  // TRANSLATORS: a storage error: the session asked for is not in the record.
  throw StorageError(db.name() + ": " + doing + ": " + core::tr("no such session"));
}

// `outside` is the message, with {rating}, for a rating outside 0..10.
void check_rating(const Database& db, const std::string& doing, const std::string& outside,
                  const std::optional<int>& rating) {
  if (rating && (*rating < 0 || *rating > 10)) {
    throw StorageError(db.name() + ": " + doing + ": " +
                       core::fill(outside, {{"rating", std::to_string(*rating)}}));
  }
}

// TRANSLATORS: a storage error: a pain rating (0-10) given before or after a session is out
// of range.
std::string before_outside() { return core::tr("pain before {rating} is outside 0..10"); }
std::string after_outside() { return core::tr("pain after {rating} is outside 0..10"); }

// What a StorageError thrown while `doing` says after "<name>: <doing>: ".
std::string reason(const Database& db, const std::string& doing, const StorageError& error) {
  const std::string text = error.what();
  const std::string prefix = db.name() + ": " + doing + ": ";
  return text.starts_with(prefix) ? text.substr(prefix.size()) : text;
}

// One session row, with `id` NULL for a fresh one.
class SessionInsert {
 public:
  SessionInsert(Database& db, const std::string& doing)
      : db_(db),
        doing_(doing),
        insert_(db,
                "INSERT INTO sessions (" + std::string(kSessionColumns) +
                    ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                doing),
        step_(db,
              "INSERT INTO session_steps (session_id, " + std::string(kStepColumns) +
                  ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
              doing) {}

  std::int64_t insert(const SessionRecord& record, std::optional<std::int64_t> id) {
    const SessionRow& row = record.row;
    insert_.reset();
    insert_.bind(1, id);
    insert_.bind(2, row.routine_id);
    insert_.bind(3, timestamp_text(db_, row.started_at, doing_));
    insert_.bind(
        4, row.ended_at ? std::optional(timestamp_text(db_, *row.ended_at, doing_)) : std::nullopt);
    insert_.bind(5, session_status_text(row.status));
    insert_.bind(6, row.pain_before);
    insert_.bind(7, row.pain_after);
    insert_.bind(8, row.region);
    insert_.bind(9, row.resume_step);
    insert_.bind(10, row.note);
    insert_.bind(11, row.utc_offset_min);
    insert_.bind(
        12, row.planned_total ? std::optional(codec::to_ms(*row.planned_total)) : std::nullopt);
    insert_.run();
    const std::int64_t session_id = db_.last_insert_rowid();
    for (const StepRow& step : record.steps) {
      step_.reset();
      step_.bind(1, session_id);
      step_.bind(2, step.step_index);
      step_.bind(3, step.muscle);
      step_.bind(4, codec::side_text(step.side));
      step_.bind(5, codec::to_ms(step.planned));
      step_.bind(6, codec::to_ms(step.actual));
      step_.bind(7, step.skipped ? 1 : 0);
      step_.run();
    }
    return session_id;
  }

 private:
  Database& db_;
  const std::string& doing_;
  Statement insert_;
  Statement step_;
};

}  // namespace

std::vector<SessionSummary> SessionStore::sessions_with_steps(
    std::optional<core::UnixSeconds> from) const {
  if (from && *from > kLatest) return {};
  if (from && *from <= kEarliest) from.reset();
  // TRANSLATORS: what the record was doing when it failed; {time} as "2026-11-30T08:00:00Z".
  const std::string doing = from ? core::fill(core::tr("reading the sessions since {time}"),
                                              {{"time", to_iso8601(*from)}})
                                 : core::tr("reading every session with its steps");
  ReadSnapshot snapshot(*db_, doing);

  const std::optional<std::string> from_text =
      from ? std::optional(timestamp_text(*db_, *from, doing)) : std::nullopt;
  // Two texts rather than "?1 IS NULL OR started_at >= ?1", which would hide the index.
  const std::string since = from_text ? " WHERE started_at >= ?1" : "";
  Statement sessions(*db_,
                     "SELECT " + std::string(kSessionColumns) + " FROM sessions" + since +
                         " ORDER BY started_at, id",
                     doing);
  if (from_text) sessions.bind(1, *from_text);
  std::vector<SessionSummary> rows;
  std::unordered_map<std::int64_t, std::size_t> position;
  while (auto row = codec::read_session(*db_, sessions, doing)) {
    position.emplace(row->id, rows.size());
    rows.push_back({std::move(*row), {}, {}, {}});
  }
  if (rows.empty()) return rows;

  // No ORDER BY: for every session, a scan in rowid order (about the order steps were saved
  // in) takes a fifth of the time of walking the UNIQUE index and looking up each row; for a
  // `from`, SQLite probes that index per session id. Steps are put in order below.
  const std::string which =
      from_text ? " WHERE session_id IN (SELECT id FROM sessions WHERE started_at >= ?1)" : "";
  Statement steps(*db_,
                  "SELECT session_id, " + std::string(kStepColumns) + " FROM session_steps" + which,
                  doing);
  if (from_text) steps.bind(1, *from_text);
  while (steps.step()) {
    const auto found = position.find(steps.column_int64(0));
    if (found == position.end()) continue;  // the snapshot makes this impossible
    SessionSummary& summary = rows[found->second];
    StepRow step = codec::read_step(*db_, steps, 1, doing);
    summary.planned += step.planned;
    summary.done += step.actual;
    summary.steps.push_back(std::move(step));
  }
  const auto by_index = [](const StepRow& a, const StepRow& b) {
    return a.step_index < b.step_index;
  };
  for (SessionSummary& summary : rows) {
    if (!std::is_sorted(summary.steps.begin(), summary.steps.end(), by_index)) {
      std::sort(summary.steps.begin(), summary.steps.end(), by_index);
    }
  }
  return rows;
}

std::vector<SessionSummary> SessionStore::history_page(
    std::optional<std::pair<core::UnixSeconds, std::int64_t>> older_than, int limit) const {
  // SQLite reads a negative LIMIT as "no limit"; the contract says none.
  if (limit <= 0) return {};
  if (older_than && older_than->first < kEarliest) return {};
  if (older_than && older_than->first > kLatest) older_than.reset();
  const std::string doing =
      core::fill(core::trn("reading a page of {n} sessions", "reading a page of {n} sessions",
                           static_cast<std::uint64_t>(limit)),
                 {{"n", std::to_string(limit)}});
  // "started_at <= ?1" is a range on sessions_by_start (started_at, then rowid), walked
  // backwards for the ORDER BY; the second test drops the cursor's own second and later ids.
  const std::string before =
      older_than ? " WHERE started_at <= ?1 AND (started_at < ?1 OR id < ?2)" : "";
  Statement query(*db_,
                  "SELECT " + std::string(kSessionColumns) +
                      ", (SELECT coalesce(sum(planned_ms), 0) FROM session_steps "
                      "WHERE session_id = sessions.id), "
                      "(SELECT coalesce(sum(actual_ms), 0) FROM session_steps "
                      "WHERE session_id = sessions.id) "
                      "FROM sessions" +
                      before + " ORDER BY started_at DESC, id DESC LIMIT ?3",
                  doing);
  if (older_than) {
    query.bind(1, timestamp_text(*db_, older_than->first, doing));
    query.bind(2, older_than->second);
  }
  query.bind(3, limit);
  std::vector<SessionSummary> rows;
  while (auto row = codec::read_session(*db_, query, doing)) {
    rows.push_back({std::move(*row),
                    codec::from_ms(query.column_int64(12)),
                    codec::from_ms(query.column_int64(13)),
                    {}});
  }
  return rows;
}

void SessionStore::set_ratings(std::int64_t id, std::optional<int> before,
                               std::optional<int> after) {
  const std::string doing = core::fill(core::tr("saving the ratings of session {session}"),
                                       {{"session", std::to_string(id)}});
  check_rating(*db_, doing, before_outside(), before);
  check_rating(*db_, doing, after_outside(), after);
  Statement update(*db_, "UPDATE sessions SET pain_before = ?2, pain_after = ?3 WHERE id = ?1",
                   doing);
  update.bind(1, id);
  update.bind(2, before);
  update.bind(3, after);
  update.run();
  if (db_->changes() == 0) no_such_session(*db_, doing);
}

void SessionStore::update_entry(std::int64_t id, std::optional<int> before,
                                std::optional<int> after, std::string_view note) {
  const std::string doing = core::fill(core::tr("saving the ratings and note of session {session}"),
                                       {{"session", std::to_string(id)}});
  check_rating(*db_, doing, before_outside(), before);
  check_rating(*db_, doing, after_outside(), after);
  // One UPDATE, so the ratings and the note are saved together or not at all.
  Statement update(*db_,
                   "UPDATE sessions SET pain_before = ?2, pain_after = ?3, note = ?4 WHERE id = ?1",
                   doing);
  update.bind(1, id);
  update.bind(2, before);
  update.bind(3, after);
  update.bind(4, note);
  update.run();
  if (db_->changes() == 0) no_such_session(*db_, doing);
}

SessionRecord SessionStore::take_session(std::int64_t id) {
  const std::string doing =
      core::fill(core::tr("deleting session {session}"), {{"session", std::to_string(id)}});
  Transaction transaction(*db_, doing);
  Statement read(*db_, "SELECT " + std::string(kSessionColumns) + " FROM sessions WHERE id = ?1",
                 doing);
  read.bind(1, id);
  auto row = codec::read_session(*db_, read, doing);
  if (!row) no_such_session(*db_, doing);
  SessionRecord record{std::move(*row), {}};
  Statement steps(*db_,
                  "SELECT " + std::string(kStepColumns) +
                      " FROM session_steps WHERE session_id = ?1 ORDER BY step_index",
                  doing);
  steps.bind(1, id);
  while (steps.step()) record.steps.push_back(codec::read_step(*db_, steps, 0, doing));
  // Steps go with the session: ON DELETE CASCADE (foreign_keys is on for every connection).
  Statement remove(*db_, "DELETE FROM sessions WHERE id = ?1", doing);
  remove.bind(1, id);
  remove.run();
  transaction.commit();
  return record;
}

void SessionStore::restore_session(const SessionRecord& record) {
  const std::int64_t id = record.row.id;
  const std::string doing =
      core::fill(core::tr("restoring session {session}"), {{"session", std::to_string(id)}});
  Transaction transaction(*db_, doing);
  Statement taken(*db_, "SELECT 1 FROM sessions WHERE id = ?1", doing);
  taken.bind(1, id);
  if (taken.step()) {
    throw StorageError(db_->name() + ": " + doing + ": " +
                       core::tr("the id is taken by another session"));
  }
  SessionInsert(*db_, doing).insert(record, id);
  transaction.commit();
}

void SessionStore::insert_sessions(std::span<const SessionRecord> records) {
  if (records.empty()) return;
  const std::string doing =
      core::fill(core::trn("inserting {n} sessions", "inserting {n} sessions", records.size()),
                 {{"n", std::to_string(records.size())}});
  Transaction transaction(*db_, doing);
  SessionInsert insert(*db_, doing);
  for (std::size_t i = 0; i < records.size(); ++i) {
    try {
      insert.insert(records[i], std::nullopt);
    } catch (const StorageError& error) {
      throw StorageError(db_->name() + ": " + doing + ": " +
                         // TRANSLATORS: which of the sessions being saved failed: {i} of {n}
                         // (counted from 0), then what went wrong.
                         core::fill(core::tr("record {i} of {n}: {reason}"),
                                    {{"i", std::to_string(i)},
                                     {"n", std::to_string(records.size())},
                                     {"reason", reason(*db_, doing, error)}}));
    }
  }
  transaction.commit();
}

void SessionStore::add_checkins(std::span<const CheckinRow> rows) {
  if (rows.empty()) return;
  const std::string doing =
      core::fill(core::trn("saving {n} check-ins", "saving {n} check-ins", rows.size()),
                 {{"n", std::to_string(rows.size())}});
  Transaction transaction(*db_, doing);
  Statement insert(
      *db_,
      "INSERT INTO checkins (kind, value, recorded_at, utc_offset_min, note, rated_day) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
      doing);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const CheckinRow& row = rows[i];
    try {
      insert.reset();
      insert.bind(1, checkin_kind_text(row.kind));
      insert.bind(2, row.value);
      insert.bind(3, timestamp_text(*db_, row.recorded_at, doing));
      insert.bind(4, row.utc_offset_min);
      insert.bind(5, row.note);
      insert.bind(6, row.day ? std::optional(codec::day_text(*row.day, doing)) : std::nullopt);
      insert.run();
    } catch (const StorageError& error) {
      throw StorageError(db_->name() + ": " + doing + ": " +
                         core::fill(core::tr("row {i} of {n}: {reason}"),
                                    {{"i", std::to_string(i)},
                                     {"n", std::to_string(rows.size())},
                                     {"reason", reason(*db_, doing, error)}}));
    }
  }
  transaction.commit();
}

}  // namespace unknot::storage
