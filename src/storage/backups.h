// Daily copies of the database in <data dir>/backups (SQLite's online backup API), and putting
// one back in place of the current file. Depends on std and storage/session_store.h.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/session_store.h"

namespace unknot::storage {

inline constexpr std::size_t kBackupsKept = 7;
inline constexpr std::string_view kDatabaseFileName = "unknot.db";

struct BackupInfo {
  std::filesystem::path file;
  std::string date;  // YYYY-MM-DD, from the file name
  std::uintmax_t bytes = 0;
  // Completed, abandoned and interrupted sessions in it; none when it cannot be read.
  std::optional<std::int64_t> sessions;
};

// <data dir>/backups
std::filesystem::path backups_dir(const std::filesystem::path& data_dir);

// Every backups/unknot-YYYY-MM-DD.db, newest first. Reads each one read-only; a missing folder
// gives an empty list.
std::vector<BackupInfo> list_backups(const std::filesystem::path& data_dir);

// Writes today's backup of `store` unless backups/unknot-<today>.db exists already: the folder
// is made 0700, the copy goes to a temporary name (0600), must pass quick_check, and is then
// renamed into place; afterwards only the newest kBackupsKept are kept. `today` is the local day
// as YYYY-MM-DD. Returns the file written, or nullopt when today's existed. Throws StorageError;
// a failed copy leaves the earlier backups as they were.
std::optional<std::filesystem::path> backup_daily(const SessionStore& store,
                                                  const std::filesystem::path& data_dir,
                                                  std::string_view today);

// Renames `database` (and its -wal, if any) to "<name>.<label>-<stamp>" (0600), drops its -shm,
// and returns the new path. Nothing is deleted. `stamp` is YYYYMMDD-HHMMSS. Throws StorageError.
std::filesystem::path set_aside(const std::filesystem::path& database, std::string_view label,
                                std::string_view stamp);

struct Restored {
  std::filesystem::path from;                  // the backup put back
  std::optional<std::filesystem::path> aside;  // where the replaced database went, if any
};

// Puts `backup` back as <data dir>/unknot.db: the backup must be Unknot's and pass quick_check
// (else StorageError and nothing changes); the current database, if any, is set aside as
// "unknot.db.replaced-<stamp>" ("unknot.db.damaged-<stamp>" if it fails quick_check); the copy is
// written under a temporary name and renamed. The caller must hold the data folder's instance lock.
// Throws StorageError.
Restored restore_backup(const std::filesystem::path& data_dir, const std::filesystem::path& backup,
                        std::string_view stamp);

}  // namespace unknot::storage
