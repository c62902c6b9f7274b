#include "storage/migrations.h"

#include <array>
#include <string>

#include "core/translate.h"

namespace unknot::storage {
namespace {

// Version 1: sessions and the steps played in them.
// - Timestamps are fixed-width UTC text ("YYYY-MM-DDTHH:MM:SSZ"), checked by GLOB, so that text
//   order is time order: history/trend queries can range-scan and sort on the indexes, and
//   SQLite's date() and strftime() read them directly.
// - Every CHECK is named so that SQLite's "CHECK constraint failed: <name>" says which rule broke.
// - typeof() checks stop a REAL such as 5.5 slipping past INTEGER affinity into a rating.
// - Steps keep their muscle and side rather than pointing into the routine file, so history stays
//   right after a routine is edited or removed.
// - (status, started_at) serves find_interrupted and all-routine history; (routine_id, started_at)
//   serves per-routine history. The UNIQUE pair indexes steps by session, which also keeps
//   ON DELETE CASCADE cheap.
constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE sessions (
  id          INTEGER PRIMARY KEY,
  routine_id  TEXT    NOT NULL CONSTRAINT routine_id_present CHECK (routine_id <> ''),
  started_at  TEXT    NOT NULL CONSTRAINT started_at_iso8601 CHECK (started_at GLOB
                '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  ended_at    TEXT    NULL    CONSTRAINT ended_at_iso8601 CHECK (ended_at IS NULL OR ended_at GLOB
                '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  status      TEXT    NOT NULL CONSTRAINT status_known
                CHECK (status IN ('in_progress', 'completed', 'abandoned')),
  pain_before INTEGER NULL    CONSTRAINT pain_before_range CHECK (pain_before IS NULL OR
                (typeof(pain_before) = 'integer' AND pain_before BETWEEN 0 AND 10)),
  pain_after  INTEGER NULL    CONSTRAINT pain_after_range CHECK (pain_after IS NULL OR
                (typeof(pain_after) = 'integer' AND pain_after BETWEEN 0 AND 10)),
  region      TEXT    NOT NULL DEFAULT '',
  resume_step INTEGER NOT NULL DEFAULT 0 CONSTRAINT resume_step_range
                CHECK (typeof(resume_step) = 'integer' AND resume_step >= 0),
  CONSTRAINT ended_at_iff_finished CHECK ((status = 'in_progress') = (ended_at IS NULL))
);
CREATE INDEX sessions_by_status ON sessions (status, started_at);
CREATE INDEX sessions_by_routine ON sessions (routine_id, started_at);

CREATE TABLE session_steps (
  id         INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  step_index INTEGER NOT NULL CONSTRAINT step_index_range
               CHECK (typeof(step_index) = 'integer' AND step_index >= 0),
  muscle     TEXT    NOT NULL DEFAULT '',
  side       TEXT    NOT NULL DEFAULT 'none' CONSTRAINT side_known
               CHECK (side IN ('none', 'left', 'right')),
  planned_ms INTEGER NOT NULL CONSTRAINT planned_ms_range
               CHECK (typeof(planned_ms) = 'integer' AND planned_ms >= 0),
  actual_ms  INTEGER NOT NULL CONSTRAINT actual_ms_range
               CHECK (typeof(actual_ms) = 'integer' AND actual_ms >= 0),
  skipped    INTEGER NOT NULL DEFAULT 0 CONSTRAINT skipped_flag CHECK (skipped IN (0, 1)),
  UNIQUE (session_id, step_index)
);
)sql";

// Version 2: saved breathing patterns, settings, and an index for history across routines.
// - The pattern CHECKs mirror core::validate (which runs first and gives the friendly message);
//   they keep a damaged or hand-edited file from handing the player a pattern it cannot play.
//   length() counts characters, as validate does. Phases are whole milliseconds.
// - AUTOINCREMENT so that an id is never handed out again after a delete: sessions keep
//   "breathe:custom_<id>" as their routine_id, and a reused id would relabel that history.
// - updated_at may be earlier than created_at: the wall clock can be set back between saves.
// - Settings are text key/value pairs; reading tolerates bad values, so no CHECKs on value.
//   NOT NULL on key because a rowid table's PRIMARY KEY would otherwise admit NULLs.
// - sessions_by_start lets recent_sessions walk the newest rows of every routine and status
//   without sorting the whole table.
constexpr std::string_view kSchemaV2 = R"sql(
CREATE TABLE breath_patterns (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  name          TEXT    NOT NULL
                  CONSTRAINT name_present CHECK (typeof(name) = 'text' AND
                    trim(name, ' ' || char(9)) <> '')
                  CONSTRAINT name_length CHECK (length(name) BETWEEN 1 AND 40),
  inhale_ms     INTEGER NOT NULL
                  CONSTRAINT inhale_ms_range CHECK (typeof(inhale_ms) = 'integer' AND
                    inhale_ms BETWEEN 1000 AND 15000)
                  CONSTRAINT inhale_ms_step CHECK (inhale_ms % 500 = 0),
  hold_full_ms  INTEGER NOT NULL
                  CONSTRAINT hold_full_ms_range CHECK (typeof(hold_full_ms) = 'integer' AND
                    hold_full_ms BETWEEN 0 AND 20000)
                  CONSTRAINT hold_full_ms_step CHECK (hold_full_ms % 500 = 0),
  exhale_ms     INTEGER NOT NULL
                  CONSTRAINT exhale_ms_range CHECK (typeof(exhale_ms) = 'integer' AND
                    exhale_ms BETWEEN 1000 AND 20000)
                  CONSTRAINT exhale_ms_step CHECK (exhale_ms % 500 = 0),
  hold_empty_ms INTEGER NOT NULL
                  CONSTRAINT hold_empty_ms_range CHECK (typeof(hold_empty_ms) = 'integer' AND
                    hold_empty_ms BETWEEN 0 AND 20000)
                  CONSTRAINT hold_empty_ms_step CHECK (hold_empty_ms % 500 = 0),
  created_at    TEXT    NOT NULL CONSTRAINT created_at_iso8601 CHECK (created_at GLOB
                  '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  updated_at    TEXT    NOT NULL CONSTRAINT updated_at_iso8601 CHECK (updated_at GLOB
                  '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  CONSTRAINT cycle_at_most_60s
    CHECK (inhale_ms + hold_full_ms + exhale_ms + hold_empty_ms <= 60000)
);

CREATE TABLE settings (
  key   TEXT NOT NULL PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE INDEX sessions_by_start ON sessions (started_at);
)sql";

// Version 3: pain check-ins outside sessions, and session notes.
// - A check-in is a daily "average pain over the last 24 hours" rating (NRS 0-10) or a PGIC
//   rating (1 very much improved .. 7 very much worse); the value range depends on the kind.
// - utc_offset_min is the person's offset from UTC when the row was written, so that the local
//   day can be recovered after travel or a clock change. -840..+840 covers every real zone.
//   Sessions written before version 3 have none (NULL).
// - AUTOINCREMENT: an exported check-in id must never come to name a different check-in.
// - checkins_by_kind serves trend queries of one kind over a time range.
constexpr std::string_view kSchemaV3 = R"sql(
CREATE TABLE checkins (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  kind           TEXT    NOT NULL CONSTRAINT checkin_kind_known
                   CHECK (kind IN ('daily_pain', 'pgic')),
  value          INTEGER NOT NULL CONSTRAINT checkin_value_range CHECK (typeof(value) = 'integer'
                   AND ((kind = 'daily_pain' AND value BETWEEN 0 AND 10) OR
                        (kind = 'pgic' AND value BETWEEN 1 AND 7))),
  recorded_at    TEXT    NOT NULL CONSTRAINT recorded_at_iso8601 CHECK (recorded_at GLOB
                   '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  utc_offset_min INTEGER NOT NULL CONSTRAINT checkin_utc_offset_range
                   CHECK (typeof(utc_offset_min) = 'integer' AND
                     utc_offset_min BETWEEN -840 AND 840),
  note           TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX checkins_by_kind ON checkins (kind, recorded_at);

ALTER TABLE sessions ADD COLUMN note TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN utc_offset_min INTEGER NULL CONSTRAINT session_utc_offset_range
  CHECK (utc_offset_min IS NULL OR
    (typeof(utc_offset_min) = 'integer' AND utc_offset_min BETWEEN -840 AND 840));
)sql";

// Version 4: a therapist's homework (a routine and its schedule, README "Homework files").
// - file_json is the file as imported, byte for byte: the routine and prescription are read
//   from it with core::parse_homework, so the stored copy can never disagree with the file the
//   therapist sent, and a later Unknot that reads more of the format still has all of it.
// - id is the homework's own id (same syntax as a routine id, checked by GLOB): importing a file
//   with the same id updates the row instead of adding one. revision only rises: the store
//   refuses an older revision, and the CHECK keeps it a positive integer.
// - Sessions played from homework use the routine_id "homework:<id>", so they stay in the
//   history after the homework is removed; no foreign key ties them to this table.
// - updated_at may be earlier than imported_at: the wall clock can be set back between imports.
constexpr std::string_view kSchemaV4 = R"sql(
CREATE TABLE homework (
  id          TEXT    NOT NULL PRIMARY KEY
                CONSTRAINT homework_id_syntax CHECK (typeof(id) = 'text' AND
                  length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^a-z0-9_-]*'),
  revision    INTEGER NOT NULL CONSTRAINT homework_revision_range
                CHECK (typeof(revision) = 'integer' AND revision >= 1),
  file_json   TEXT    NOT NULL CONSTRAINT homework_file_present
                CHECK (typeof(file_json) = 'text' AND file_json <> ''),
  imported_at TEXT    NOT NULL CONSTRAINT imported_at_iso8601 CHECK (imported_at GLOB
                '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  updated_at  TEXT    NOT NULL CONSTRAINT homework_updated_at_iso8601 CHECK (updated_at GLOB
                '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z')
);
)sql";

// Version 5: what the person reported during a step (domain.md §6.3, §6.4): "too intense"
// (the step was eased) or "stop" (sharp, electric, numb or a pulse: that muscle was stopped for
// the session). Kept per session and step so the therapist's report can list them; they go
// with their session (ON DELETE CASCADE). session_feedback serves reading one session's.
constexpr std::string_view kSchemaV5 = R"sql(
CREATE TABLE step_feedback (
  id          INTEGER PRIMARY KEY,
  session_id  INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  step_index  INTEGER NOT NULL CONSTRAINT feedback_step_index_range
                CHECK (typeof(step_index) = 'integer' AND step_index >= 0),
  muscle      TEXT    NOT NULL DEFAULT '',
  side        TEXT    NOT NULL DEFAULT 'none' CONSTRAINT feedback_side_known
                CHECK (side IN ('none', 'left', 'right')),
  kind        TEXT    NOT NULL CONSTRAINT feedback_kind_known
                CHECK (kind IN ('too_intense', 'stopped')),
  at          TEXT    NOT NULL CONSTRAINT feedback_at_iso8601 CHECK (at GLOB
                '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z')
);
CREATE INDEX session_feedback ON step_feedback (session_id, step_index);
)sql";

// Version 6: the whole session's planned active time, known when it begins (domain.md §5.1:
// a session counts as completed at 80 % of it, whatever its status). The step rows alone cannot
// tell it for a session ended early, which records only the steps it reached. NULL for sessions
// written before version 6, whose plan is not known.
constexpr std::string_view kSchemaV6 = R"sql(
ALTER TABLE sessions ADD COLUMN planned_ms INTEGER NULL CONSTRAINT session_planned_ms_range
  CHECK (planned_ms IS NULL OR (typeof(planned_ms) = 'integer' AND planned_ms >= 0));
)sql";

// Version 7: the day a daily check-in is about, and the PSFS (core/psfs.h,
// core/checkin_schedule.h).
// - rated_day is the local calendar day the rating is filed on: before noon the check-in asks
//   about yesterday, so it can differ from recorded_at's local day. NULL for rows written before
//   version 7 and for PGIC answers: their day is recorded_at's, at the row's own offset. With a
//   modifier date() carries a day the calendar lacks ("2026-02-30") into the next month, so the
//   CHECK refuses it.
// - One row per activity rated; the up to three rows of one sitting share recorded_at, and
//   UNIQUE (recorded_at, slot) keeps a sitting to one rating per place in the list. The
//   activity's name travels with each rating, so a renamed or replaced activity starts its own
//   history. length() counts characters, as core::psfs_activity_problem does (which runs first
//   and gives the friendly message).
// - source says who named the activity: the person, or the therapist's homework file.
// - AUTOINCREMENT: an exported PSFS id must never come to name another rating.
constexpr std::string_view kSchemaV7 = R"sql(
ALTER TABLE checkins ADD COLUMN rated_day TEXT NULL CONSTRAINT checkin_rated_day_date
  CHECK (rated_day IS NULL OR (typeof(rated_day) = 'text' AND
    rated_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(rated_day, '+0 days') = rated_day));

CREATE TABLE psfs_ratings (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  activity       TEXT    NOT NULL
                   CONSTRAINT psfs_activity_present CHECK (typeof(activity) = 'text' AND
                     trim(activity, ' ' || char(9)) <> '')
                   CONSTRAINT psfs_activity_length CHECK (length(activity) BETWEEN 1 AND 60),
  slot           INTEGER NOT NULL CONSTRAINT psfs_slot_range
                   CHECK (typeof(slot) = 'integer' AND slot BETWEEN 1 AND 3),
  value          INTEGER NOT NULL CONSTRAINT psfs_value_range
                   CHECK (typeof(value) = 'integer' AND value BETWEEN 0 AND 10),
  recorded_at    TEXT    NOT NULL CONSTRAINT psfs_recorded_at_iso8601 CHECK (recorded_at GLOB
                   '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  utc_offset_min INTEGER NOT NULL CONSTRAINT psfs_utc_offset_range
                   CHECK (typeof(utc_offset_min) = 'integer' AND
                     utc_offset_min BETWEEN -840 AND 840),
  source         TEXT    NOT NULL DEFAULT 'person' CONSTRAINT psfs_source_known
                   CHECK (source IN ('person', 'homework')),
  CONSTRAINT psfs_one_rating_per_slot UNIQUE (recorded_at, slot)
);
)sql";

// Version 8: dose feedback and safety events (core/dose.h, core/safety.h; domain.md §2.2, §6).
// - dose_checks: the one answer about a session's aftermath, keyed by the session it is about.
//   No foreign key: deleting a session from History (and undoing it) leaves the answer, whose
//   effect on later targets does not depend on the session row.
// - dose_reactions: per muscle pressed in that session, fine, sore or bruised.
// - safety_events: what a clinician should see in the report: a day blocked by the safety check
//   (detail: the question ids answered yes, comma-separated), a session stopped for feeling
//   unwell, and "Dizzy?" answered by slowing down (detail: the routine or pattern id).
constexpr std::string_view kSchemaV8 = R"sql(
CREATE TABLE dose_checks (
  session_id     INTEGER PRIMARY KEY,
  answered_at    TEXT    NOT NULL CONSTRAINT dose_answered_at_iso8601 CHECK (answered_at GLOB
                   '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  utc_offset_min INTEGER NOT NULL CONSTRAINT dose_utc_offset_range
                   CHECK (typeof(utc_offset_min) = 'integer' AND
                     utc_offset_min BETWEEN -840 AND 840)
);

CREATE TABLE dose_reactions (
  session_id INTEGER NOT NULL REFERENCES dose_checks (session_id) ON DELETE CASCADE,
  muscle     TEXT    NOT NULL CONSTRAINT dose_muscle_present
               CHECK (typeof(muscle) = 'text' AND muscle <> ''),
  reaction   TEXT    NOT NULL CONSTRAINT dose_reaction_known
               CHECK (reaction IN ('fine', 'sore', 'bruised')),
  PRIMARY KEY (session_id, muscle)
);

CREATE TABLE safety_events (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  kind           TEXT    NOT NULL CONSTRAINT safety_event_kind_known
                   CHECK (kind IN ('blocked', 'stopped_unwell', 'dizzy_slowed')),
  at             TEXT    NOT NULL CONSTRAINT safety_event_at_iso8601 CHECK (at GLOB
                   '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
  utc_offset_min INTEGER NOT NULL CONSTRAINT safety_event_utc_offset_range
                   CHECK (typeof(utc_offset_min) = 'integer' AND
                     utc_offset_min BETWEEN -840 AND 840),
  detail         TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX safety_events_at ON safety_events (at);
)sql";

constexpr std::array kMigrations{
    Migration{1, kSchemaV1}, Migration{2, kSchemaV2}, Migration{3, kSchemaV3},
    Migration{4, kSchemaV4}, Migration{5, kSchemaV5}, Migration{6, kSchemaV6},
    Migration{7, kSchemaV7}, Migration{8, kSchemaV8},
};

std::string migrating_to(int version) {
  // TRANSLATORS: what the record was doing when it failed; {version} is a number.
  return core::fill(core::tr("migrating the schema to version {version}"),
                    {{"version", std::to_string(version)}});
}

[[noreturn]] void refuse(const Database& db, int found, int known) {
  const std::string doing = core::tr("opening the database");
  throw StorageError(
      db.name() + ": " + doing + ": " +
      // TRANSLATORS: {found} and {known} are schema version numbers.
      core::fill(core::tr("it has schema version {found} but this version of "
                          "Unknot knows only up to {known}; it was written by a "
                          "newer Unknot and was left untouched"),
                 {{"found", std::to_string(found)}, {"known", std::to_string(known)}}));
}

int last_version(std::span<const Migration> migrations) {
  return migrations.empty() ? 0 : migrations.back().version;
}

}  // namespace

std::span<const Migration> app_migrations() { return kMigrations; }

int latest_schema_version() { return last_version(app_migrations()); }

int user_version(Database& db) {
  const std::string doing = core::tr("reading the schema version");
  Statement pragma(db, "PRAGMA user_version", doing);
  if (!pragma.step()) db.fail(doing);
  return pragma.column_int(0);
}

void refuse_newer_schema(Database& db, std::span<const Migration> migrations) {
  const int found = user_version(db);
  if (found > last_version(migrations)) refuse(db, found, last_version(migrations));
}

void migrate(Database& db, std::span<const Migration> migrations) {
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    if (migrations[i].version != static_cast<int>(i) + 1) {
      throw StorageError(db.name() + ": migrating the schema: migrations must be numbered 1, 2, …");
    }
  }
  const int known = last_version(migrations);
  const int found = user_version(db);
  if (found > known) refuse(db, found, known);

  for (const Migration& migration : migrations) {
    if (migration.version <= found) continue;
    const std::string doing = migrating_to(migration.version);
    Transaction transaction(db, doing);
    // Another process may have migrated while this one waited for the write lock.
    const int now = user_version(db);
    if (now > known) refuse(db, now, known);
    if (now >= migration.version) continue;
    db.execute(migration.sql, doing);
    // PRAGMA takes no bound parameters; the version is our own constant, never outside input.
    db.execute("PRAGMA user_version = " + std::to_string(migration.version), doing);
    transaction.commit();
  }
}

}  // namespace unknot::storage
