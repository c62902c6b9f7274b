// Notes on behaviour the header leaves open:
// - record_step with a step_index already recorded for that session replaces the earlier row
//   (last write wins), so the shell may safely retry a save whose outcome it did not learn.
//   resume_step only ever moves forward: re-recording step 2 after step 5 leaves it at 6.
// - complete_session and abandon_session accept only an in_progress session; finishing twice, or
//   abandoning a completed session, throws rather than rewriting history.
// - Durations are stored as whole milliseconds, rounded to nearest.
// - Sound settings live under their SoundSettings field names ("voice_volume", "ambient", …);
//   keys this version does not know are ignored.
#include "storage/session_store.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <stdexcept>
#include <system_error>
#include <utility>

#include "core/translate.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/store_check.h"
#include "storage/store_codec.h"

namespace unknot::storage {
namespace {

using namespace std::chrono;

using codec::kSessionColumns;

// to_iso8601's out_of_range is re-thrown as the StorageError callers of the store expect.
std::string timestamp_text(const Database& db, core::UnixSeconds t, const std::string& doing) {
  try {
    return to_iso8601(t);
  } catch (const std::out_of_range&) {
    throw StorageError(db.name() + ": " + doing + ": " +
                       // TRANSLATORS: a storage error: {time} is a time in seconds since 1970.
                       core::fill(core::tr("timestamp {time} is outside years 0-9999"),
                                  {{"time", std::to_string(t.time_since_epoch().count())}}));
  }
}

std::string_view status_text(SessionStatus status) {
  switch (status) {
    case SessionStatus::InProgress:
      return "in_progress";
    case SessionStatus::Completed:
      return "completed";
    case SessionStatus::Abandoned:
      return "abandoned";
  }
  return "in_progress";
}

std::string_view side_text(core::Side side) {
  switch (side) {
    case core::Side::None:
      return "none";
    case core::Side::Left:
      return "left";
    case core::Side::Right:
      return "right";
  }
  return "none";
}

// The CHECK constraints make these failures impossible in a file we wrote; reaching one means
// the file was edited or damaged, which must not pass silently as a default value.
// `what` says which value, as "status done" (the value as stored).
[[noreturn]] void damaged(const Database& db, const std::string& doing, std::string_view what) {
  throw StorageError(
      db.name() + ": " + doing + ": " +
      // TRANSLATORS: a storage error about a damaged record: {what} as "status done".
      core::fill(core::tr("unexpected stored value: {what}"), {{"what", what}}));
}

SessionStatus parse_status(const Database& db, const std::string& doing, const std::string& text) {
  if (text == "in_progress") return SessionStatus::InProgress;
  if (text == "completed") return SessionStatus::Completed;
  if (text == "abandoned") return SessionStatus::Abandoned;
  // TRANSLATORS: {value} is a value as the record stores it.
  damaged(db, doing, core::fill(core::tr("status {value}"), {{"value", text}}));
}

core::Side parse_side(const Database& db, const std::string& doing, const std::string& text) {
  if (text == "none") return core::Side::None;
  if (text == "left") return core::Side::Left;
  if (text == "right") return core::Side::Right;
  damaged(db, doing, core::fill(core::tr("side {value}"), {{"value", text}}));
}

core::UnixSeconds parse_time(const Database& db, const std::string& doing,
                             const std::string& text) {
  if (auto t = from_iso8601(text)) return *t;
  damaged(db, doing, core::fill(core::tr("timestamp {value}"), {{"value", text}}));
}

std::int64_t to_ms(core::Duration d) { return round<milliseconds>(d).count(); }

StepRow read_step(const Database& db, const Statement& query, int first, const std::string& doing) {
  StepRow row;
  row.step_index = query.column_int(first);
  row.muscle = query.column_text(first + 1);
  row.side = parse_side(db, doing, query.column_text(first + 2));
  row.planned = duration_cast<core::Duration>(milliseconds{query.column_int64(first + 3)});
  row.actual = duration_cast<core::Duration>(milliseconds{query.column_int64(first + 4)});
  row.skipped = query.column_int64(first + 5) != 0;
  return row;
}

std::optional<SessionRow> read_one_session(Database& db, Statement& query,
                                           const std::string& doing) {
  if (!query.step()) return std::nullopt;
  SessionRow row;
  row.id = query.column_int64(0);
  row.routine_id = query.column_text(1);
  row.started_at = parse_time(db, doing, query.column_text(2));
  if (auto ended = query.column_optional_text(3)) row.ended_at = parse_time(db, doing, *ended);
  row.status = parse_status(db, doing, query.column_text(4));
  row.pain_before = query.column_optional_int(5);
  row.pain_after = query.column_optional_int(6);
  row.region = query.column_text(7);
  row.resume_step = query.column_int(8);
  row.note = query.column_text(9);
  row.utc_offset_min = query.column_optional_int(10);
  if (const auto planned = query.column_optional_int64(11))
    row.planned_total = duration_cast<core::Duration>(milliseconds{*planned});
  return row;
}

std::string id_text(std::int64_t id) { return std::to_string(id); }

[[noreturn]] void no_such_session(const Database& db, const std::string& doing) {
  // TRANSLATORS: a storage error: the session asked for is not in the record.
  throw StorageError(db.name() + ": " + doing + ": " + core::tr("no such session"));
}

void finish(Database& db, std::int64_t session_id, SessionStatus status, core::UnixSeconds ended_at,
            const std::string& doing) {
  Statement update(db,
                   "UPDATE sessions SET status = ?2, ended_at = ?3 "
                   "WHERE id = ?1 AND status = 'in_progress'",
                   doing);
  update.bind(1, session_id);
  update.bind(2, status_text(status));
  update.bind(3, timestamp_text(db, ended_at, doing));
  update.run();
  if (db.changes() == 1) return;

  Statement current(db, "SELECT status FROM sessions WHERE id = ?1", doing);
  current.bind(1, session_id);
  if (!current.step()) no_such_session(db, doing);
  throw StorageError(db.name() + ": " + doing + ": " +
                     // TRANSLATORS: a storage error: {status} is the session's state as stored
                     // ("completed", "abandoned").
                     core::fill(core::tr("the session is already {status}"),
                                {{"status", current.column_text(0)}}));
}

}  // namespace

SessionStore::SessionStore(std::unique_ptr<Database> db) : db_(std::move(db)) {}
SessionStore::SessionStore(SessionStore&&) noexcept = default;
SessionStore& SessionStore::operator=(SessionStore&&) noexcept = default;
SessionStore::~SessionStore() = default;

SessionStore SessionStore::open(const std::filesystem::path& file, IntegrityCheck check) {
  auto db = std::make_unique<Database>(Database::open_file(file));
  // Every check only reads: a stranger's file, a damaged one or a newer app's must be left as
  // it was, so they all come before WAL (which rewrites the file header) and the migrations.
  const Ownership ownership = check_ownership(*db);
  refuse_newer_schema(*db, app_migrations());
  if (ownership != Ownership::New) check_integrity(*db, check);
  // A file system without shared memory support keeps the old journal mode; the store still
  // works, only with less concurrency, so that is not worth refusing to start over.
  db->enable_wal();
  migrate(*db, app_migrations());
  if (ownership != Ownership::Ours) stamp_application_id(*db);
  return SessionStore(std::move(db));
}

SessionStore SessionStore::open_read_only(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    throw NoDatabase(file.string() + ": " + core::tr("there is no Unknot history here yet"));
  }
  auto db = std::make_unique<Database>(Database::open_read_only(file));
  if (check_ownership(*db) == Ownership::New) {
    throw NoDatabase(file.string() + ": " +
                     core::tr("there is no Unknot history here yet (the file is empty)"));
  }
  refuse_newer_schema(*db, app_migrations());
  check_integrity(*db, IntegrityCheck::Quick);
  if (user_version(*db) < latest_schema_version()) {
    // An older schema is read as the app would after upgrading it, without touching the file:
    // a private copy in memory takes the migrations instead.
    auto copy = std::make_unique<Database>(Database::open_in_memory());
    // TRANSLATORS: what the record was doing when it failed, in a storage error ("<file>:
    // reading an older schema into memory: <what went wrong>").
    db->copy_into(*copy, core::tr("reading an older schema into memory"));
    migrate(*copy, app_migrations());
    return SessionStore(std::move(copy));
  }
  return SessionStore(std::move(db));
}

SessionStore SessionStore::open_in_memory() {
  auto db = std::make_unique<Database>(Database::open_in_memory());
  migrate(*db, app_migrations());
  stamp_application_id(*db);
  return SessionStore(std::move(db));
}

void SessionStore::copy_to(const std::filesystem::path& target) const {
  Database copy = Database::open_file(target);
  db_->copy_into(
      // TRANSLATORS: {file} is where the copy goes.
      copy, core::fill(core::tr("copying the database to {file}"), {{"file", target.string()}}));
}

std::int64_t SessionStore::begin_session(const NewSession& session,
                                         std::optional<int> utc_offset_min) {
  // TRANSLATORS: {routine} is a routine's id, as "neck_release".
  const std::string doing = core::fill(core::tr("starting a session of routine '{routine}'"),
                                       {{"routine", session.routine_id}});
  Statement insert(*db_,
                   "INSERT INTO sessions "
                   "(routine_id, started_at, status, pain_before, region, utc_offset_min, "
                   "planned_ms) VALUES (?1, ?2, 'in_progress', ?3, ?4, ?5, ?6)",
                   doing);
  insert.bind(1, session.routine_id);
  insert.bind(2, timestamp_text(*db_, session.started_at, doing));
  insert.bind(3, session.pain_before);
  insert.bind(4, session.region);
  insert.bind(5, utc_offset_min);
  insert.bind(6,
              session.planned_total ? std::optional(to_ms(*session.planned_total)) : std::nullopt);
  insert.run();
  return db_->last_insert_rowid();
}

void SessionStore::record_step(std::int64_t session_id, const StepRow& step) {
  const std::string doing =
      // TRANSLATORS: {step} and {session} are numbers.
      core::fill(core::tr("saving step {step} of session {session}"),
                 {{"step", std::to_string(step.step_index)}, {"session", id_text(session_id)}});
  Transaction transaction(*db_, doing);

  Statement advance(*db_, "UPDATE sessions SET resume_step = max(resume_step, ?2) WHERE id = ?1",
                    doing);
  advance.bind(1, session_id);
  advance.bind(2, std::int64_t{step.step_index} + 1);
  advance.run();
  // Checked here rather than left to the foreign key, whose message names no session.
  if (db_->changes() == 0) no_such_session(*db_, doing);

  Statement insert(*db_,
                   "INSERT INTO session_steps "
                   "(session_id, step_index, muscle, side, planned_ms, actual_ms, skipped) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                   "ON CONFLICT (session_id, step_index) DO UPDATE SET "
                   "muscle = excluded.muscle, side = excluded.side, "
                   "planned_ms = excluded.planned_ms, actual_ms = excluded.actual_ms, "
                   "skipped = excluded.skipped",
                   doing);
  insert.bind(1, session_id);
  insert.bind(2, step.step_index);
  insert.bind(3, step.muscle);
  insert.bind(4, side_text(step.side));
  insert.bind(5, to_ms(step.planned));
  insert.bind(6, to_ms(step.actual));
  insert.bind(7, step.skipped ? 1 : 0);
  insert.run();
  transaction.commit();
}

void SessionStore::complete_session(std::int64_t session_id, core::UnixSeconds ended_at) {
  finish(*db_, session_id, SessionStatus::Completed, ended_at,
         core::fill(core::tr("completing session {session}"), {{"session", id_text(session_id)}}));
}

void SessionStore::abandon_session(std::int64_t session_id, core::UnixSeconds ended_at) {
  finish(*db_, session_id, SessionStatus::Abandoned, ended_at,
         core::fill(core::tr("abandoning session {session}"), {{"session", id_text(session_id)}}));
}

void SessionStore::set_pain_after(std::int64_t session_id, int pain_after) {
  const std::string doing = core::fill(core::tr("saving the pain rating after session {session}"),
                                       {{"session", id_text(session_id)}});
  Statement update(*db_, "UPDATE sessions SET pain_after = ?2 WHERE id = ?1", doing);
  update.bind(1, session_id);
  update.bind(2, pain_after);
  update.run();
  if (db_->changes() == 0) no_such_session(*db_, doing);
}

std::optional<SessionRow> SessionStore::session(std::int64_t session_id) const {
  const std::string doing =
      core::fill(core::tr("reading session {session}"), {{"session", id_text(session_id)}});
  Statement query(*db_, "SELECT " + std::string(kSessionColumns) + " FROM sessions WHERE id = ?1",
                  doing);
  query.bind(1, session_id);
  return read_one_session(*db_, query, doing);
}

std::vector<StepRow> SessionStore::steps(std::int64_t session_id) const {
  const std::string doing = core::fill(core::tr("reading the steps of session {session}"),
                                       {{"session", id_text(session_id)}});
  Statement query(*db_,
                  "SELECT step_index, muscle, side, planned_ms, actual_ms, skipped "
                  "FROM session_steps WHERE session_id = ?1 ORDER BY step_index",
                  doing);
  query.bind(1, session_id);
  std::vector<StepRow> rows;
  while (query.step()) rows.push_back(read_step(*db_, query, 0, doing));
  return rows;
}

std::optional<SessionRow> SessionStore::find_interrupted() const {
  const std::string doing = core::tr("looking for an interrupted session");
  Statement query(*db_,
                  "SELECT " + std::string(kSessionColumns) +
                      " FROM sessions WHERE status = 'in_progress' "
                      "ORDER BY started_at DESC, id DESC LIMIT 1",
                  doing);
  return read_one_session(*db_, query, doing);
}

std::optional<SessionRow> SessionStore::last_rated(
    const std::optional<std::string>& routine_id) const {
  const std::string doing = core::tr("looking for the last rated session");
  // Two texts rather than "?1 IS NULL OR routine_id = ?1", which would hide the index.
  const std::string rated = "SELECT " + std::string(kSessionColumns) +
                            " FROM sessions WHERE status = 'completed' "
                            "AND pain_before IS NOT NULL AND pain_after IS NOT NULL ";
  const std::string newest = " ORDER BY started_at DESC, id DESC LIMIT 1";
  Statement query(*db_, routine_id ? rated + "AND routine_id = ?1" + newest : rated + newest,
                  doing);
  if (routine_id) query.bind(1, *routine_id);
  return read_one_session(*db_, query, doing);
}

std::optional<core::UnixSeconds> SessionStore::first_session_started(
    std::string_view routine_id) const {
  const std::string doing = core::fill(
      core::tr("looking for the first session of routine '{routine}'"), {{"routine", routine_id}});
  // min() over (routine_id, started_at) is one step down sessions_by_routine.
  Statement query(*db_, "SELECT min(started_at) FROM sessions WHERE routine_id = ?1", doing);
  query.bind(1, routine_id);
  if (!query.step()) db_->fail(doing);  // an aggregate always returns one row
  const auto first = query.column_optional_text(0);
  if (!first) return std::nullopt;
  return parse_time(*db_, doing, *first);
}

std::optional<core::UnixSeconds> SessionStore::first_session_started_any() const {
  const std::string doing = core::tr("looking for the first session");
  // min() over started_at is one step down sessions_by_start.
  Statement query(*db_, "SELECT min(started_at) FROM sessions", doing);
  if (!query.step()) db_->fail(doing);
  const auto first = query.column_optional_text(0);
  if (!first) return std::nullopt;
  return parse_time(*db_, doing, *first);
}

std::vector<SessionRow> SessionStore::recent_sessions(int limit) const {
  // SQLite reads a negative LIMIT as "no limit"; the contract says none.
  if (limit <= 0) return {};
  const std::string doing = core::fill(
      core::trn("reading the {n} most recent sessions", "reading the {n} most recent sessions",
                static_cast<std::uint64_t>(limit)),
      {{"n", std::to_string(limit)}});
  Statement query(*db_,
                  "SELECT " + std::string(kSessionColumns) +
                      " FROM sessions ORDER BY started_at DESC, id DESC LIMIT ?1",
                  doing);
  query.bind(1, limit);
  std::vector<SessionRow> rows;
  while (auto row = read_one_session(*db_, query, doing)) rows.push_back(std::move(*row));
  return rows;
}

std::vector<SessionRow> SessionStore::all_sessions() const {
  const std::string doing = core::tr("reading every session");
  Statement query(
      *db_, "SELECT " + std::string(kSessionColumns) + " FROM sessions ORDER BY started_at, id",
      doing);
  std::vector<SessionRow> rows;
  while (auto row = read_one_session(*db_, query, doing)) rows.push_back(std::move(*row));
  return rows;
}

std::string_view session_status_text(SessionStatus status) { return status_text(status); }

namespace codec {
// The store's own helpers, shared with session_store_prefs.cpp.
std::string timestamp_text(const Database& db, core::UnixSeconds t, const std::string& doing) {
  return storage::timestamp_text(db, t, doing);
}
core::UnixSeconds parse_time(const Database& db, const std::string& doing,
                             const std::string& text) {
  return storage::parse_time(db, doing, text);
}
std::int64_t to_ms(core::Duration d) { return storage::to_ms(d); }
std::optional<int> parse_int(const std::string& text) {
  int value = 0;
  const char* const end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc{} || stop != end || text.empty()) return std::nullopt;
  return value;
}
core::Duration from_ms(std::int64_t ms) { return duration_cast<core::Duration>(milliseconds{ms}); }
std::string_view side_text(core::Side side) { return storage::side_text(side); }
std::optional<SessionRow> read_session(Database& db, Statement& query, const std::string& doing) {
  return read_one_session(db, query, doing);
}
StepRow read_step(const Database& db, const Statement& query, int first, const std::string& doing) {
  return storage::read_step(db, query, first, doing);
}
}  // namespace codec

int SessionStore::schema_version() const { return user_version(*db_); }

}  // namespace unknot::storage
