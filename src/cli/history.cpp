// Notes on behaviour the header leaves open:
// - Days are local days: each row's own offset from UTC, else the fallback (the machine's
//   offset now). "Today" uses the fallback.
// - A session's planned time is the planned time of the steps it recorded, its done time their
//   actual time; pressure is the actual time of steps with a muscle (breathing blocks have none).
// - A missing database is an error rather than an empty report: a mistyped --data-dir must not
//   pass for "no data", and reading must not create a database.
// - The file is opened read-only (storage::SessionStore::open_read_only): a read-only folder or
//   a full disk does not stop it, and an older schema is read through a migrated copy in memory.
#include "cli/history.h"

#include <CLI/CLI.hpp>
#include <chrono>
#include <ctime>
#include <stdexcept>
#include <string>

#include "cli/history_format.h"
#include "core/history_report.h"
#include "core/input_text.h"
#include "desktop/local_time.h"
#include "report/progress_reader.h"
#include "storage/session_store.h"

namespace unknot::cli {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;

constexpr std::string_view kDatabaseName = "unknot.db";

}  // namespace

int run_history(const HistoryOptions& options, std::ostream& out, std::ostream& err) {
  const fs::path database = options.data_dir / kDatabaseName;
  try {
    std::error_code ec;
    if (!fs::exists(database, ec)) {
      err << "unknot history: no Unknot database at " << core::terminal_safe(database.string())
          << ": there is no history here yet\n";
      return 1;
    }
    const storage::SessionStore store = storage::SessionStore::open_read_only(database);
    const int fallback =
        options.fallback_utc_offset_min.value_or(platform::utc_offset_minutes_now());
    const core::UnixSeconds now = options.now.value_or(floor<seconds>(system_clock::now()));
    const int target =
        options.target.value_or(store.weekly_target().value_or(core::kDefaultWeeklyTarget));
    const HistoryReport report =
        build_history_report(report::read_progress(store, fallback),
                             core::local_day(now, minutes{fallback}), options.weeks, target);
    // JSON escapes control characters itself; the text is made safe for a terminal here.
    out << (options.json ? history_json(report) : core::terminal_safe_lines(history_text(report)));
    return 0;
  } catch (const storage::RefusedDatabase& error) {
    err << "unknot history: " << core::terminal_safe(error.what()) << '\n';
  } catch (const std::exception& error) {
    err << "unknot history: cannot read " << core::terminal_safe(database.string()) << ": "
        << core::terminal_safe(error.what()) << '\n';
  }
  return 1;
}

CLI::App* add_history_command(CLI::App& app, HistoryOptions& options) {
  CLI::App* sub = app.add_subcommand(
      "history",
      "Show pain, practice and adherence over the last weeks, without changing the data");
  sub->add_option("--weeks", options.weeks,
                  "Calendar weeks to show, ending with this one (default 4; 0: all)")
      ->check(CLI::Range(0, 5200))
      ->type_name("N");
  sub->add_flag("--json", options.json, "Print one JSON object instead of the text report");
  sub->add_option("--target", options.target,
                  "Your own sessions per week, for adherence when no homework applies (default: "
                  "the target set in the app, else " +
                      std::to_string(core::kDefaultWeeklyTarget) + ")")
      ->check(CLI::Range(0, 100))
      ->type_name("N");
  sub->add_option("--data-dir", options.data_dir,
                  "Read the database (unknot.db) in DIR instead of the user's data folder")
      ->type_name("DIR");
  return sub;
}

}  // namespace unknot::cli
