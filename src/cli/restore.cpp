// Notes on behaviour the header leaves open:
// - The lock is taken for the whole restore, so the app cannot start halfway through, and a
//   running app makes restore refuse rather than swap the file under its open connection.
// - The set-aside file is named by local time, as a person reads the clock.
#include "cli/restore.h"

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <regex>

#include "core/input_text.h"
#include "desktop/instance_lock.h"
#include "desktop/local_time.h"
#include "storage/backups.h"

namespace unknot::cli {
namespace {

namespace fs = std::filesystem;

std::string size_text(std::uintmax_t bytes) {
  char text[32];
  if (bytes < 1024 * 1024) {
    std::snprintf(text, sizeof text, "%.0f KiB", static_cast<double>(bytes) / 1024.0);
  } else {
    std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  }
  return text;
}

std::string sessions_text(const std::optional<std::int64_t>& sessions) {
  if (!sessions) return "unreadable";
  return std::to_string(*sessions) + (*sessions == 1 ? " session" : " sessions");
}

int list(const RestoreOptions& options, std::ostream& out) {
  const auto backups = storage::list_backups(options.data_dir);
  if (backups.empty()) {
    out << "No backups yet in "
        << core::terminal_safe(storage::backups_dir(options.data_dir).string())
        << ": one is made after a completed session, at most once a day.\n";
    return 0;
  }
  out << "Backups in " << core::terminal_safe(storage::backups_dir(options.data_dir).string())
      << ", newest first:\n";
  for (const auto& backup : backups) {
    out << "  " << backup.date << "  " << sessions_text(backup.sessions) << ", "
        << size_text(backup.bytes) << "  " << core::terminal_safe(backup.file.string()) << '\n';
  }
  return 0;
}

}  // namespace

int run_restore(const RestoreOptions& options, std::ostream& out, std::ostream& err) {
  try {
    if (options.list) return list(options, out);
    std::error_code ec;
    if (!fs::is_directory(options.data_dir, ec)) {
      err << "unknot restore: there is no data folder at "
          << core::terminal_safe(options.data_dir.string()) << '\n';
      return 1;
    }
    const auto lock = platform::InstanceLock::try_acquire(options.data_dir);
    if (!lock) {
      err << "unknot restore: Unknot is open on " << core::terminal_safe(options.data_dir.string())
          << "; close it first, as restoring would replace the database it is writing to. "
             "Nothing was changed.\n";
      return 1;
    }
    fs::path chosen;
    const auto backups = storage::list_backups(options.data_dir);
    static const std::regex kDate(R"(\d{4}-\d{2}-\d{2})");
    if (options.which.empty() || std::regex_match(options.which, kDate)) {
      for (const auto& backup : backups) {
        if (options.which.empty() || backup.date == options.which) {
          chosen = backup.file;
          break;
        }
      }
      if (chosen.empty()) {
        err << "unknot restore: no backup"
            << (options.which.empty() ? std::string() : " of " + options.which) << " in "
            << core::terminal_safe(storage::backups_dir(options.data_dir).string())
            << " (`unknot restore --list` shows them). Nothing was changed.\n";
        return 1;
      }
    } else {
      chosen = options.which;
      if (!fs::is_regular_file(chosen, ec)) {
        err << "unknot restore: no file " << core::terminal_safe(chosen.string())
            << ". Nothing was changed.\n";
        return 1;
      }
    }
    const core::UnixSeconds now = options.now.value_or(
        std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
    const storage::Restored restored = storage::restore_backup(
        options.data_dir, chosen, platform::local_file_stamp(now.time_since_epoch().count()));
    out << "Restored " << core::terminal_safe(restored.from.string()) << " as "
        << core::terminal_safe((options.data_dir / storage::kDatabaseFileName).string()) << '\n';
    if (restored.aside) {
      out << "The database it replaced was kept as "
          << core::terminal_safe(restored.aside->string()) << '\n';
    }
    return 0;
  } catch (const std::exception& error) {
    err << "unknot restore: " << core::terminal_safe(error.what()) << ". Nothing was changed.\n";
  }
  return 1;
}

CLI::App* add_restore_command(CLI::App& app, RestoreOptions& options) {
  CLI::App* sub = app.add_subcommand(
      "restore",
      "Put a daily backup back in place of the database (the current one is kept aside)");
  sub->add_option("backup", options.which,
                  "The backup's date (YYYY-MM-DD) or file; default: the latest")
      ->type_name("DATE|FILE");
  sub->add_flag("--list", options.list, "List the backups: date, sessions, size");
  sub->add_option("--data-dir", options.data_dir,
                  "Use the database (unknot.db) in DIR instead of the user's data folder")
      ->type_name("DIR");
  return sub;
}

}  // namespace unknot::cli
