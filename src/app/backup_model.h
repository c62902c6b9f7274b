// The record's daily backups as the app knows them, and the two screens that use them: the
// damaged record's recovery and Settings › Backups (record_pages.h). Pure std.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace unknot::app {

// One backup file (storage/backups.h lists them).
struct BackupEntry {
  std::string file;  // the whole path
  std::string date;  // YYYY-MM-DD, the day it was made
  std::uintmax_t bytes = 0;
  std::optional<std::int64_t> sessions;  // none when it cannot be read
  friend bool operator==(const BackupEntry&, const BackupEntry&) = default;
};

struct BackupList {
  bool loaded = false;               // the shell answered LoadBackups
  std::vector<BackupEntry> entries;  // newest first
  std::string folder;                // the backups folder
};

// Why putting a backup back, or starting afresh, did not happen (RecordChangeFailed).
enum class RecordFailure {
  BackupDamaged,  // the backup failed its check too (or is not Unknot's)
  DiskFull,
  NoLock,  // the data folder is not this app's alone
  Other,
};

// The record failed its check as Unknot opened: nothing was written to it. The person restores
// a backup (the newest, or one chosen from the list) or starts a new record, after a question.
struct DamagedScreen {
  enum class Step { Main, Choosing, ConfirmFresh };
  std::string problem;   // what the check found (technical: the file and SQLite's words)
  std::string database;  // the damaged file's whole path
  Step step = Step::Main;
  int chosen = 0;        // the backup to restore: index in AppModel::backups
  std::string failure;   // the last attempt's failure in plain words; empty: none
  bool details = false;  // `problem` is shown
};

// Settings › Backups: every backup, newest first, each restorable after a question.
struct BackupsScreen {
  std::optional<int> confirming;  // the backup asked about (index in AppModel::backups)
  std::string failure;            // the last attempt's failure in plain words; empty: none
};

}  // namespace unknot::app
