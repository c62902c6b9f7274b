// `unknot report --out FILE.html [--weeks N]`: a one-page, print-friendly HTML summary of pain
// and practice for a clinician (domain.md §4.4 trends, §5.1 adherence). The page stands alone:
// no scripts, no external files or fonts, charts drawn as inline SVG.
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

struct ReportOptions {
  std::filesystem::path out;       // the HTML file to write (replaced if it exists)
  std::filesystem::path data_dir;  // the folder holding unknot.db; main fills it when not given
  // Holds routines/*.json, whose titles name built-in routines; main fills it. Saved routines'
  // titles come from data_dir/routines. A routine not found there reads as its id.
  std::filesystem::path assets_dir;
  int weeks = 12;  // calendar weeks ending with this week; 0: all the history
  // The person's own sessions a week, for adherence when no homework applies; 0: none.
  // Empty: the target saved in the app, else core::kDefaultWeeklyTarget (as the app).
  std::optional<int> target;
  std::string client_name;  // shown at the top of the page when given
  // The offset (minutes east of UTC) for rows recorded without one and for "today";
  // empty: the machine's offset now.
  std::optional<int> fallback_utc_offset_min;
  std::optional<core::UnixSeconds> now;  // empty: the system clock (tests fix it)
};

// Reads the database in options.data_dir (migrating it like the app, changing nothing else) and
// writes the page through a temporary file beside options.out, renamed into place at the end;
// the file is readable by the user only (0600). On success prints "Wrote FILE" to `out` and returns
// 0. A missing database (never created) or any failure prints a message naming the file to `err`
// and returns 1.
int run_report_html(const ReportOptions& options, std::ostream& out, std::ostream& err);

// Adds the "report" subcommand (--out FILE, required; --weeks N; --target N; --name TEXT;
// --data-dir DIR)
// writing into `options`, which must outlive parsing. Returns the subcommand.
CLI::App* add_report_command(CLI::App& app, ReportOptions& options);

}  // namespace unknot::cli
