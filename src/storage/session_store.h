// The session record in SQLite: a session row written when the session starts and updated as it
// goes, and one row per step played. Depends on core and SQLite only; never on SDL or ui.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/comfort_settings.h"
#include "core/custom_pattern.h"
#include "core/dose.h"
#include "core/homework.h"
#include "core/pain_stats.h"
#include "core/routine.h"
#include "core/safety.h"
#include "core/sound_settings.h"
#include "core/time.h"

namespace unknot::storage {

class Database;

// Any SQLite failure, with SQLite's message and what was being done ("saving step 3: …").
class StorageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A database file refused before anything was written to it; what() is complete: it names the
// file, what is wrong with it and what the person can do.
class RefusedDatabase : public StorageError {
 public:
  using StorageError::StorageError;
};

// A SQLite file that belongs to another program (another application_id, or tables that are not
// Unknot's).
class ForeignDatabase : public RefusedDatabase {
 public:
  using RefusedDatabase::RefusedDatabase;
};

// A file whose pages fail SQLite's quick_check or integrity_check. Nothing is ever written to it;
// the message names the file, what the check found and that `unknot restore` brings back a backup.
class DamagedDatabase : public RefusedDatabase {
 public:
  using RefusedDatabase::RefusedDatabase;
};

// A write the storage cannot take now but may later: nothing is wrong with the data, so what
// could not be written is worth keeping and retrying.
class CannotWrite : public StorageError {
 public:
  using StorageError::StorageError;
};

// A write failed because the disk (or the user's quota) is full; what() says so in plain words.
class DiskFull : public CannotWrite {
 public:
  using CannotWrite::CannotWrite;
};

// A write failed because the file or its folder became read-only (a disk remounted read-only,
// permissions taken away); what() says so in plain words.
class ReadOnlyStorage : public CannotWrite {
 public:
  using CannotWrite::CannotWrite;
};

// Read-only opening found no database file: there is no history yet.
class NoDatabase : public StorageError {
 public:
  using StorageError::StorageError;
};

// Unknot's PRAGMA application_id: the ASCII bytes "Unkn". Every file the store creates or
// migrates carries it; a file with another non-zero id is another program's.
inline constexpr std::uint32_t kApplicationId = 0x556E6B6E;

// How thoroughly SessionStore::open checks the file's pages: quick_check on every start (it
// skips index-content checks), the full integrity_check after the app did not close cleanly.
enum class IntegrityCheck { Quick, Full };

enum class SessionStatus { InProgress, Completed, Abandoned };

struct NewSession {
  std::string routine_id;
  core::UnixSeconds started_at{};
  std::optional<int> pain_before;  // 0..10
  std::string region;              // region that hurts most, may be empty
  // The whole session's planned active time (every step), when known.
  std::optional<core::Duration> planned_total{};
};

struct SessionRow {
  std::int64_t id = 0;
  std::string routine_id;
  core::UnixSeconds started_at{};
  std::optional<core::UnixSeconds> ended_at;
  SessionStatus status = SessionStatus::InProgress;
  std::optional<int> pain_before;
  std::optional<int> pain_after;
  std::string region;
  int resume_step = 0;  // index of the first step not yet recorded
  std::string note;     // the person's own words, may be empty
  // The person's offset from UTC when the session began; none if not known (schema 1 and 2).
  std::optional<int> utc_offset_min;
  // The whole session's planned active time when it began; none if not known (before schema 6).
  std::optional<core::Duration> planned_total;
};

// The answer to the safety screen (core/safety.h): passed (every red flag "no") or blocked.
struct ScreenOutcome {
  bool passed = false;
  core::UnixSeconds at{};
  friend bool operator==(const ScreenOutcome&, const ScreenOutcome&) = default;
};

// A rating given outside a session: the daily "average pain over the last 24 hours" (NRS 0-10)
// or the Patient Global Impression of Change (PGIC: 1 very much improved .. 7 very much worse).
enum class CheckinKind { DailyPain, Pgic };

struct CheckinRow {
  std::int64_t id = 0;
  CheckinKind kind = CheckinKind::DailyPain;
  int value = 0;
  core::UnixSeconds recorded_at{};
  int utc_offset_min = 0;  // the person's offset from UTC when recording, -840..840
  std::string note;
  // The local day a daily rating is about and filed on (schema 7; before noon the check-in asks
  // about yesterday). Empty for PGIC answers and older rows: recorded_at's local day applies.
  std::optional<core::Day> day;
};

// One activity's rating at a PSFS sitting (core/psfs.h; schema 7). The ratings of one sitting
// share recorded_at, one per slot.
struct PsfsRow {
  std::int64_t id = 0;
  int slot = 1;          // 1..3, the activity's place in the list asked
  std::string activity;  // 1..60 characters
  int value = 0;         // 0 unable .. 10 as before the problem
  core::UnixSeconds recorded_at{};
  int utc_offset_min = 0;      // -840..840
  bool from_homework = false;  // the therapist's homework named the activity
};

struct StepRow {
  int step_index = 0;
  std::string muscle;  // empty for breathing blocks
  core::Side side = core::Side::None;
  core::Duration planned{};
  core::Duration actual{};
  bool skipped = false;
};

// A session with the sums of its recorded steps (skipped steps included, as far as they ran):
// planned is the sum of their planned times, done the sum of their actual times.
struct SessionSummary {
  SessionRow row;
  core::Duration planned{};
  core::Duration done{};
  std::vector<StepRow> steps;  // by step_index; left empty by history_page
};

// The answer about one session's aftermath (core/dose.h; schema 8), keyed by that session.
struct DoseCheckRow {
  std::int64_t session_id = 0;
  core::UnixSeconds answered_at{};
  int utc_offset_min = 0;
  std::vector<core::DoseAnswer> answers;  // per muscle pressed, by muscle id
};

// Something a clinician should see in the report (schema 8; core/safety.h).
struct SafetyEventRow {
  std::int64_t id = 0;
  core::SafetyEventKind kind = core::SafetyEventKind::Blocked;
  core::UnixSeconds at{};
  int utc_offset_min = 0;
  std::string detail;  // Blocked: question ids, comma-separated; else the routine or pattern id
};

// A whole session as stored, for undoing a delete and for bulk inserts.
struct SessionRecord {
  SessionRow row;
  std::vector<StepRow> steps;  // each step_index at most once
};

// A breathing pattern the person made, as stored. created_at never changes after the insert;
// updated_at is the time of the latest save.
struct SavedPattern {
  std::int64_t id = 0;
  core::PatternDraft draft;
  core::UnixSeconds created_at{};
  core::UnixSeconds updated_at{};
};

// A therapist's homework as stored: the file as imported and when. Parse file_json with
// core::parse_homework to get the routine and schedule. Sessions played from it are stored
// under the routine_id "homework:<id>" (core::homework_routine_id).
struct StoredHomework {
  std::string id;
  int revision = 1;
  std::string file_json;
  core::UnixSeconds imported_at{};  // the first import
  core::UnixSeconds updated_at{};   // the latest import that changed it
};

// What import_homework did with a file.
enum class ImportOutcome {
  Added,         // a homework id not seen before: stored
  Updated,       // a higher revision than stored (or the same revision with other text): replaced
  Unchanged,     // the same revision and the very same text: nothing written
  OlderRefused,  // a lower revision than stored: nothing written, the newer one stays
};

// Something the person reported during a step.
enum class FeedbackKind { TooIntense, Stopped };

struct StepFeedback {
  std::int64_t session_id = 0;
  int step_index = 0;
  std::string muscle;
  core::Side side = core::Side::None;
  FeedbackKind kind = FeedbackKind::TooIntense;
  core::UnixSeconds at{};
};

class SessionStore {
 public:
  // Opens (creating if needed) the database file, applies pragmas and migrations. The parent
  // folder must exist. Throws StorageError naming the file on failure.
  // Before anything is written, the file must be Unknot's (ForeignDatabase otherwise: another
  // application_id, or application_id 0 with tables that are not Unknot's, left byte-identical),
  // pass `check` (DamagedDatabase otherwise, never written to) and not come from a newer Unknot.
  // An Unknot file from before application_id is stamped with kApplicationId.
  static SessionStore open(const std::filesystem::path& file,
                           IntegrityCheck check = IntegrityCheck::Quick);
  // For commands that only read: opens with SQLITE_OPEN_READONLY, never creates, migrates or
  // writes (the file's bytes and mtime stay), and works in a read-only folder. Throws NoDatabase
  // when the file is missing, ForeignDatabase and DamagedDatabase as open() does. A file of an
  // older schema is copied into memory and migrated there, so it reads as a current one. Writing
  // through the returned store throws StorageError.
  static SessionStore open_read_only(const std::filesystem::path& file);
  static SessionStore open_in_memory();

  // Writes a copy of the whole database to `target` (SQLite's online backup API; a consistent
  // snapshot while other connections write). `target` is replaced. Throws StorageError.
  void copy_to(const std::filesystem::path& target) const;

  SessionStore(SessionStore&&) noexcept;
  SessionStore& operator=(SessionStore&&) noexcept;
  ~SessionStore();

  // Inserts a row with status in_progress, with the person's offset from UTC (-840..840) when
  // known. Throws StorageError (e.g. pain out of 0..10).
  std::int64_t begin_session(const NewSession& session,
                             std::optional<int> utc_offset_min = std::nullopt);
  // Appends a step row and advances the session's resume_step, in one transaction.
  void record_step(std::int64_t session_id, const StepRow& step);
  // Marks completed with ended_at; pain_after is set later with set_pain_after.
  void complete_session(std::int64_t session_id, core::UnixSeconds ended_at);
  // Marks abandoned with ended_at (keeps pain_before and steps).
  void abandon_session(std::int64_t session_id, core::UnixSeconds ended_at);
  void set_pain_after(std::int64_t session_id, int pain_after);
  // Replaces the session's note (empty clears it). Throws StorageError for an unknown session.
  void set_session_note(std::int64_t session_id, std::string_view note);

  std::optional<SessionRow> session(std::int64_t session_id) const;
  std::vector<StepRow> steps(std::int64_t session_id) const;
  // The most recent session still in_progress (a crash or kill interrupted it), if any.
  std::optional<SessionRow> find_interrupted() const;
  // The most recent completed session that has both ratings, optionally for one routine.
  std::optional<SessionRow> last_rated(const std::optional<std::string>& routine_id) const;
  // The earliest started_at of any session (whatever its status) of `routine_id`, or nullopt
  // if there is none. Breathing sessions have the routine_id "breathe:<pattern id>".
  std::optional<core::UnixSeconds> first_session_started(std::string_view routine_id) const;
  // The earliest started_at of any session at all; empty for a new user.
  std::optional<core::UnixSeconds> first_session_started_any() const;
  // At most `limit` sessions of any routine and status, newest started_at first (ties: newest
  // id first). None when limit <= 0.
  std::vector<SessionRow> recent_sessions(int limit) const;
  // Every session of any routine and status, oldest started_at first (ties: lowest id first).
  std::vector<SessionRow> all_sessions() const;
  // Every session started at or after `from` (every session when empty), of any routine and
  // status, oldest started_at first (ties: lowest id first), each with its steps by step_index
  // and their planned and done sums. Two queries whatever the count, read from one snapshot, so
  // a writer in another process cannot show a session without its steps. A `from` before year
  // 0 asks for everything, one after year 9999 for nothing.
  std::vector<SessionSummary> sessions_with_steps(
      std::optional<core::UnixSeconds> from = std::nullopt) const;
  // One page of history, newest first by (started_at, id) descending: at most `limit` sessions
  // strictly older than `older_than` = (started_at, id) of the last row of the previous page,
  // or the newest sessions when it is empty. planned and done are summed by SQLite; steps is
  // left empty. None when limit <= 0. Walks sessions_by_start, so a page costs about `limit`
  // rows however long the history.
  std::vector<SessionSummary> history_page(
      std::optional<std::pair<core::UnixSeconds, std::int64_t>> older_than, int limit) const;

  // Replaces both ratings of session `id` (nullopt stores none). Throws StorageError, changing
  // nothing, for an unknown session or a rating outside 0..10.
  void set_ratings(std::int64_t id, std::optional<int> before, std::optional<int> after);
  // set_ratings and set_session_note in one transaction: all of it is saved or none of it, with
  // the same errors.
  void update_entry(std::int64_t id, std::optional<int> before, std::optional<int> after,
                    std::string_view note);

  // Reads session `id` with its steps and deletes both in one transaction, returning what was
  // removed so that restore_session can undo it. Throws StorageError for an unknown session.
  SessionRecord take_session(std::int64_t id);
  // Inserts `record` again under its own id, with its status, times, ratings, region,
  // resume_step, note, offset and steps, in one transaction. Throws StorageError, storing
  // nothing, when that id is taken or a value breaks a schema rule.
  void restore_session(const SessionRecord& record);
  // Inserts every record with a fresh id (row.id is ignored), in order and in one transaction,
  // for imports and generated histories. Each row is checked as begin_session checks it (plus
  // the rules on status, ended_at, pain_after and steps); on the first bad record nothing is
  // stored and the StorageError names its index ("record 3 of 10: ...").
  void insert_sessions(std::span<const SessionRecord> records);
  // Stores every check-in (row.id is ignored) in one transaction, checked as add_checkin checks
  // one; on the first bad row nothing is stored and the StorageError names its index.
  void add_checkins(std::span<const CheckinRow> rows);

  // Stores a check-in and returns its id (positive, never reused). Throws StorageError, storing
  // nothing, when `value` is outside the kind's range (daily_pain 0..10, pgic 1..7) or
  // `utc_offset_min` outside -840..840.
  // `day` is the local day a daily rating is filed on (CheckinRow::day); a day outside years
  // 0-9999 throws StorageError.
  std::int64_t add_checkin(CheckinKind kind, int value, core::UnixSeconds at, int utc_offset_min,
                           std::string_view note, std::optional<core::Day> day = std::nullopt);
  // The check-ins of both kinds recorded in [from, to), oldest first (ties: lowest id first).
  // None when to <= from. Bounds beyond years 0-9999 are allowed, so the widest range of
  // UnixSeconds asks for every check-in.
  std::vector<CheckinRow> checkins(core::UnixSeconds from, core::UnixSeconds to) const;

  // Stores one PSFS sitting (row.id ignored) in one transaction and returns the new ids in
  // order. Throws StorageError, storing nothing, when a name, slot, value or offset breaks the
  // schema's rules (session_store_psfs.cpp), or two rows share a recorded_at and slot.
  std::vector<std::int64_t> add_psfs(std::span<const PsfsRow> rows);
  // Every PSFS rating, oldest first (ties: by slot, then id).
  std::vector<PsfsRow> psfs_ratings() const;
  // The latest sitting: its rows by slot; empty when there is none.
  std::vector<PsfsRow> latest_psfs() const;

  // Dose feedback and safety events (session_store_safety.cpp, schema 8).
  // The latest ended session (any status but in progress) in which a muscle was pressed (a
  // step with a muscle and some time done), with the muscles pressed, when no dose check is
  // stored for it; empty otherwise. ended_at falls back to started_at; the offset to
  // `fallback_min` for rows that do not store one.
  std::optional<core::DoseDue> dose_due(int fallback_min) const;
  // Stores the check for its session, replacing one stored before, in one transaction. Throws
  // StorageError, storing nothing, for an empty or repeated muscle or an offset out of range.
  void save_dose_check(const DoseCheckRow& check);
  // Every stored check, oldest answered_at first, with its answers.
  std::vector<DoseCheckRow> dose_checks() const;
  // Stores an event and returns its id. Throws StorageError for an offset out of range or a
  // time outside years 0-9999.
  std::int64_t add_safety_event(const SafetyEventRow& event);
  // Events at or after `from` (every event when empty), oldest first (ties: lowest id first).
  std::vector<SafetyEventRow> safety_events(std::optional<core::UnixSeconds> from = {}) const;

  // Every saved pattern, oldest created_at first (ties: lowest id first).
  std::vector<SavedPattern> custom_patterns() const;
  // Inserts `draft` when `id` is empty, with created_at = updated_at = now; otherwise replaces
  // pattern `id`'s draft and sets its updated_at to now, keeping created_at. Returns the id.
  // Throws StorageError if core::validate finds problems (the message holds each field and
  // core's message, and nothing is stored) or, on update, "no such pattern". Ids are positive
  // and never reused, even after a delete, so a "custom_<id>" key in history stays unambiguous.
  std::int64_t save_pattern(std::optional<std::int64_t> id, const core::PatternDraft& draft,
                            core::UnixSeconds now);
  // Removes pattern `id`. An id that is not there is not an error: a repeated delete is harmless.
  // Sessions recorded with the pattern keep their routine_id.
  void delete_pattern(std::int64_t id);

  // The stored sound settings. A key never saved takes SoundSettings' default, and so does a
  // value that cannot be read (unknown text, a volume that is not a finite number): a damaged
  // setting must not stop the app. A readable volume outside 0..1 is clamped. Throws
  // StorageError only when SQLite itself fails.
  core::SoundSettings sound_settings() const;
  // Saves every field in one transaction. Volumes are kept to 2 decimals and clamped to 0..1
  // (NaN saves as 0), so they read back rounded to the nearest hundredth.
  void save_sound_settings(const core::SoundSettings& settings);
  // The stored comfort settings (session_store_comfort.cpp). A key never saved, or a value that
  // cannot be read, takes ComfortSettings' default; a text size off the grid is brought onto it.
  // Throws StorageError only when SQLite itself fails.
  core::ComfortSettings comfort_settings() const;
  // Saves every field in one transaction.
  void save_comfort_settings(const core::ComfortSettings& comfort);
  // A small app setting by key, as text; empty when never set. The typed functions below are
  // what the app uses; this stays for settings without one yet.
  std::optional<std::string> setting(std::string_view key) const;
  void set_setting(std::string_view key, std::string_view value);

  // Care settings, each a typed value over one settings row (session_store_care.cpp). A value
  // never saved, or one that cannot be read, gives the default or nullopt: a damaged setting
  // must not stop the app. Loads throw StorageError only when SQLite fails; saves when SQLite
  // fails or, for a time, when it is outside years 0-9999.
  // The health profile's flags; all false when never saved.
  core::HealthProfile health_profile() const;
  void save_health_profile(const core::HealthProfile& profile);
  // Whether the person has answered the health profile at least once ("none of these" counts).
  bool profile_answered() const;
  // When the welcome (onboarding) was finished or skipped; nullopt when never, or unreadable.
  std::optional<core::UnixSeconds> onboarded_at() const;
  void save_onboarded_at(core::UnixSeconds at);
  // The latest safety screen's outcome and when it was answered; nullopt when never answered.
  std::optional<ScreenOutcome> screen_outcome() const;
  void save_screen_outcome(const ScreenOutcome& outcome);
  // The latest "yes" on the safety check (it blocks sessions for the rest of its local day);
  // nullopt when there was none or it cannot be read.
  std::optional<core::SafetyBlock> safety_block() const;
  void save_safety_block(const core::SafetyBlock& block);
  // The person's sessions-a-week target; nullopt when never set. Not range-checked: the app
  // clamps it to what it offers.
  std::optional<int> weekly_target() const;
  void save_weekly_target(int target);
  // Whether therapist mode is on; false when never set.
  bool therapist_mode() const;
  void save_therapist_mode(bool on);
  // The local day the daily check-in was last offered; nullopt when never.
  std::optional<core::Day> checkin_offered_on() const;
  void save_checkin_offered_on(core::Day day);
  // The check-in reminder as minutes after local midnight (0..1439); nullopt when off, never
  // set, or unreadable. Saving a value outside 0..1439 throws StorageError.
  std::optional<int> checkin_reminder_minute() const;
  void save_checkin_reminder_minute(std::optional<int> minute);

  // Stores a homework file (`file_json`, the text it was parsed from) under homework.id, in one
  // transaction, and says what it did (ImportOutcome). Never replaces a higher revision.
  // Throws StorageError for an empty file_json, an invalid id or revision, or a `now` outside
  // years 0-9999.
  ImportOutcome import_homework(const core::Homework& homework, std::string_view file_json,
                                core::UnixSeconds now);
  // Every stored homework, most recently updated first (ties: by id).
  std::vector<StoredHomework> homework() const;
  std::optional<StoredHomework> homework(std::string_view id) const;
  // Removes homework `id`; sessions played from it stay. An id not stored is not an error.
  void remove_homework(std::string_view id);

  // Keeps a report made during a step. Throws StorageError for an unknown session.
  void add_step_feedback(const StepFeedback& feedback);
  // The reports of sessions started in [from, to), by session start then time.
  std::vector<StepFeedback> step_feedback(core::UnixSeconds from, core::UnixSeconds to) const;

  int schema_version() const;

 private:
  explicit SessionStore(std::unique_ptr<Database> db);
  std::unique_ptr<Database> db_;
};

// "2026-11-25T13:04:05Z" and back; nullopt for text that is not exactly that shape.
std::string to_iso8601(core::UnixSeconds t);
std::optional<core::UnixSeconds> from_iso8601(const std::string& text);

// "too_intense" or "stopped", as stored.
std::string_view feedback_kind_text(FeedbackKind kind);

// "daily_pain" or "pgic", as stored and exported.
std::string_view checkin_kind_text(CheckinKind kind);
// "in_progress", "completed" or "abandoned", as stored and exported.
std::string_view session_status_text(SessionStatus status);

// The pattern id the rest of the app uses for saved pattern `id`: "custom_<id>".
std::string custom_pattern_key(std::int64_t id);
// The saved pattern id in a key made by custom_pattern_key: "custom_" followed by a positive
// decimal number without sign or leading zero that fits in 64 bits. nullopt for anything else
// ("custom_", "custom_x", "custom_07", "resonance_6").
std::optional<std::int64_t> parse_custom_pattern_key(std::string_view key);

}  // namespace unknot::storage
