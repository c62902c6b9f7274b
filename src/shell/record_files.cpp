// The record's backups in the shell: listing them, putting one back in place of the record,
// setting a damaged record aside for a new one, and handing the record to the model again
// afterwards. Part of AppShell (app_shell.h).
#include <cerrno>
#include <cstring>

#include "app/update.h"
#include "desktop/instance_lock.h"
#include "desktop/local_time.h"
#include "shell/app_shell.h"
#include "shell/deleted_entries.h"
#include "storage/backups.h"
#include "storage/session_store.h"

namespace unknot::shell {
namespace {

app::RecordChangeFailed failure_of(const std::exception& error) {
  const std::string what = error.what();
  if (dynamic_cast<const storage::DamagedDatabase*>(&error) != nullptr ||
      dynamic_cast<const storage::ForeignDatabase*>(&error) != nullptr) {
    return {app::RecordFailure::BackupDamaged, what};
  }
  // A copy that ran out of room fails in the file system, not in SQLite.
  if (dynamic_cast<const storage::DiskFull*>(&error) != nullptr ||
      what.find(std::strerror(ENOSPC)) != std::string::npos) {
    return {app::RecordFailure::DiskFull, what};
  }
  return {app::RecordFailure::Other, what};
}

}  // namespace

void AppShell::load_backups() {
  app::BackupsLoaded loaded;
  if (!data_dir_.empty()) {
    loaded.folder = storage::backups_dir(data_dir_).string();
    for (const auto& b : storage::list_backups(data_dir_)) {
      loaded.entries.push_back({b.file.string(), b.date, b.bytes, b.sessions});
    }
  }
  queue_.push_back(std::move(loaded));
}

void AppShell::change_record(const app::BackupEntry* backup) {
  if (data_dir_.empty() || !lock_) {
    queue_.push_back(
        app::RecordChangeFailed{app::RecordFailure::NoLock, "the data folder's lock is not held"});
    return;
  }
  const std::filesystem::path database = data_dir_ / storage::kDatabaseFileName;
  const bool was_open = store_ != nullptr;
  // The file is renamed under the connection otherwise; closing checkpoints its -wal.
  store_.reset();
  app::RecordReplaced replaced;
  try {
    const std::string stamp = platform::local_file_stamp(wall_now().time_since_epoch().count());
    if (backup != nullptr) {
      const storage::Restored restored = storage::restore_backup(data_dir_, backup->file, stamp);
      replaced.backup = *backup;
      if (restored.aside) replaced.aside = restored.aside->string();
    } else {
      replaced.fresh = true;
      std::error_code ec;
      if (std::filesystem::exists(database, ec)) {
        replaced.aside = storage::set_aside(database, "damaged", stamp).string();
      }
    }
    store_ = std::make_unique<storage::SessionStore>(storage::SessionStore::open(database));
  } catch (const std::exception& error) {
    report(error.what());
    if (was_open && !store_) {
      try {
        store_ = std::make_unique<storage::SessionStore>(storage::SessionStore::open(database));
      } catch (const std::exception& reopen) {
        report(reopen.what());
      }
    }
    queue_.push_back(failure_of(error));
    return;
  }
  // What waited for disk space, and entries deleted for Undo, belong to the old record.
  unsaved_.clear();
  deleted_->records.clear();
  queue_.push_back(std::move(replaced));
}

void AppShell::reload_record() {
  if (!store_) return;
  try {
    queue_.push_back(load_patterns());
  } catch (const storage::StorageError& e) {
    report(e.what());
  }
  // An interrupted session in a restored record is old news: it is offered at the next start.
  load_settings(false);
  load_homework();
  schedule_checkin_check();
}

}  // namespace unknot::shell
