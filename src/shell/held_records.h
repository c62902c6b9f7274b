// Session records a full disk held back. While the disk is full they wait in memory, in order,
// and are retried before each new write; a session begun on a full disk gets a provisional
// (negative) id that its later records use until the begin itself is stored. What is still held
// when the app closes is written to a small file in the data folder (or the temporary folder)
// and added to the record at the next start (storage never loses a completed session).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/effects.h"

namespace unknot::storage {
class SessionStore;
}

namespace unknot::shell {

struct HeldRecord {
  app::Effect effect;               // a session record (is_session_record)
  std::int64_t provisional_id = 0;  // for a held BeginSessionRecord: the id its session uses
};

// Provisional id → the id the session got when it was stored.
using StoredIds = std::map<std::int64_t, std::int64_t>;

// BeginSessionRecord, RecordStep, RecordFeedback, CompleteSessionRecord, AbandonSessionRecord
// and SavePainAfter: what makes up one session's record.
bool is_session_record(const app::Effect& effect);

// Stores one session record; its session id is first looked up in `ids` when provisional. A
// BeginSessionRecord returns the new session's id, the others 0. `offset_min` is the local
// offset from UTC at the begin's start. Throws storage::StorageError (DiskFull on a full disk).
std::int64_t store_record(storage::SessionStore& store, const app::Effect& record,
                          const StoredIds& ids, int offset_min);

// The records of the database in `data_dir` as JSON (format "unknot-held-records", version 1),
// oldest first.
std::string held_records_json(std::span<const HeldRecord> records, const StoredIds& ids,
                              const std::filesystem::path& data_dir);
struct HeldFile {
  std::filesystem::path data_dir;  // whose database the records belong to
  std::vector<HeldRecord> records;
};
// Reads that JSON back; throws std::runtime_error saying what is wrong and where.
HeldFile parse_held_records(std::string_view json);

// "unsaved-session-<stamp>.json" files in `folder`, oldest first.
std::vector<std::filesystem::path> held_record_files(const std::filesystem::path& folder);

// Adds the records of `file` to `store` (the database in `data_dir`) and removes the file; a file
// of another data folder's records is left alone (returns 0). A session already stored (same
// routine and start: the file was read before, and the app stopped before removing it) is not
// stored twice; its steps and ratings are written again as they were. Returns the number of
// records. Throws (and keeps the file) if it cannot be read or stored.
int replay_held_records(storage::SessionStore& store, const std::filesystem::path& data_dir,
                        const std::filesystem::path& file);

}  // namespace unknot::shell
