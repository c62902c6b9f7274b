// `unknot restore --list` and `unknot restore [DATE|FILE]`: the daily backups of the database
// and putting one back (storage/backups.h). Depends on std, storage and platform.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "core/time.h"

namespace CLI {
class App;
}

namespace unknot::cli {

struct RestoreOptions {
  std::filesystem::path data_dir;  // the folder holding unknot.db; main fills it when not given
  bool list = false;               // list the backups instead of restoring one
  std::string which;               // YYYY-MM-DD, a backup file, or empty for the latest
  std::optional<core::UnixSeconds> now;  // empty: the system clock (names the set-aside file)
};

// --list prints each backup (date, sessions, size, file), newest first, and returns 0. Otherwise
// restores the chosen backup after setting the current database aside, printing where each went,
// and returns 0. Returns 1 with a message naming the files on `err` when there is no such
// backup, the backup fails its check, or the app is open on the folder (its lock is held).
int run_restore(const RestoreOptions& options, std::ostream& out, std::ostream& err);

// Adds the "restore" subcommand ([DATE|FILE], --list, --data-dir DIR).
CLI::App* add_restore_command(CLI::App& app, RestoreOptions& options);

}  // namespace unknot::cli
