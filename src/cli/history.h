// `unknot history [--weeks N] [--json]`: pain and practice over the last weeks, read from the
// database without changing it (domain.md §4.4 trends, §5.1 adherence), as text or JSON.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>

#include "core/time.h"

namespace CLI {
class App;
}

namespace unknot::cli {

struct HistoryOptions {
  std::filesystem::path data_dir;  // the folder holding unknot.db; main fills it when not given
  int weeks = 4;                   // calendar weeks ending with this week; 0: all the history
  bool json = false;               // one JSON object instead of the text report
  // The person's own sessions a week, for adherence when no homework applies; 0: none.
  // Empty: the target saved in the app, else core::kDefaultWeeklyTarget (as the app).
  std::optional<int> target;
  // The offset (minutes east of UTC) for rows recorded without one and for "today";
  // empty: the machine's offset now.
  std::optional<int> fallback_utc_offset_min;
  std::optional<core::UnixSeconds> now;  // empty: the system clock (tests fix it)
};

// Reads the database in options.data_dir read-only (never migrating or writing it) and prints the
// report to `out`, returning 0. Another program's file or a damaged one is refused with exit 1. A
// missing database or a failure to read it prints a message naming the file to `err` and returns 1;
// a missing database is never created.
int run_history(const HistoryOptions& options, std::ostream& out, std::ostream& err);

// Adds the "history" subcommand (--weeks N, --json, --target N, --data-dir DIR) writing into
// `options`, which must outlive parsing. Returns the subcommand: run run_history when given.
CLI::App* add_history_command(CLI::App& app, HistoryOptions& options);

}  // namespace unknot::cli
