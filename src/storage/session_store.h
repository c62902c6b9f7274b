// The session record in SQLite: a session row written when the session starts and updated as it
// goes, and one row per step played. Depends on core and SQLite only; never on SDL or ui.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/routine.h"
#include "core/time.h"

namespace unknot::storage {

class Database;

// Any SQLite failure, with SQLite's message and what was being done ("saving step 3: …").
class StorageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class SessionStatus { InProgress, Completed, Abandoned };

struct NewSession {
  std::string routine_id;
  core::UnixSeconds started_at{};
  std::optional<int> pain_before;  // 0..10
  std::string region;              // region that hurts most, may be empty
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
};

struct StepRow {
  int step_index = 0;
  std::string muscle;   // empty for breathing blocks
  core::Side side = core::Side::None;
  core::Duration planned{};
  core::Duration actual{};
  bool skipped = false;
};

class SessionStore {
 public:
  // Opens (creating if needed) the database file, applies pragmas and migrations. The parent
  // folder must exist. Throws StorageError naming the file on failure.
  static SessionStore open(const std::filesystem::path& file);
  static SessionStore open_in_memory();

  SessionStore(SessionStore&&) noexcept;
  SessionStore& operator=(SessionStore&&) noexcept;
  ~SessionStore();

  // Inserts a row with status in_progress. Throws StorageError (e.g. pain out of 0..10).
  std::int64_t begin_session(const NewSession& session);
  // Appends a step row and advances the session's resume_step, in one transaction.
  void record_step(std::int64_t session_id, const StepRow& step);
  // Marks completed with ended_at; pain_after is set later with set_pain_after.
  void complete_session(std::int64_t session_id, core::UnixSeconds ended_at);
  // Marks abandoned with ended_at (keeps pain_before and steps).
  void abandon_session(std::int64_t session_id, core::UnixSeconds ended_at);
  void set_pain_after(std::int64_t session_id, int pain_after);

  std::optional<SessionRow> session(std::int64_t session_id) const;
  std::vector<StepRow> steps(std::int64_t session_id) const;
  // The most recent session still in_progress (a crash or kill interrupted it), if any.
  std::optional<SessionRow> find_interrupted() const;
  // The most recent completed session that has both ratings, optionally for one routine.
  std::optional<SessionRow> last_rated(const std::optional<std::string>& routine_id) const;

  int schema_version() const;

 private:
  explicit SessionStore(std::unique_ptr<Database> db);
  std::unique_ptr<Database> db_;
};

// "2026-11-25T13:04:05Z" and back; nullopt for text that is not exactly that shape.
std::string to_iso8601(core::UnixSeconds t);
std::optional<core::UnixSeconds> from_iso8601(const std::string& text);

}  // namespace unknot::storage
