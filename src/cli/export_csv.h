// `unknot export --csv FILE`: writes every session, check-in and PSFS rating in the database as one
// CSV file (RFC 4180, UTF-8) that a spreadsheet or a clinician's tools can open.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace CLI {
class App;
}

namespace unknot::cli {

struct ExportOptions {
  std::filesystem::path csv;       // the CSV file to write
  std::filesystem::path data_dir;  // the folder holding unknot.db; main fills it when not given
  // The offset (minutes east of UTC) for the local-time columns of rows recorded without one;
  // empty: the machine's offset now.
  std::optional<int> fallback_utc_offset_min;
};

// One CSV field: as it is, or in double quotes (inner quotes doubled) when it holds a comma,
// a quote, a CR or a LF.
std::string csv_field(std::string_view text);

// Reads the database in options.data_dir (migrating it like the app, changing nothing else) and
// writes the CSV through a temporary file beside it, renamed into place at the end: the target
// is never left half written, and a failure leaves nothing behind. The file is readable by the
// user only (0600). On success prints "Wrote N sessions, M check-ins and K PSFS ratings to FILE"
// to `out` and returns 0;
// otherwise prints a message naming the file to `err` and returns 1.
int run_export_csv(const ExportOptions& options, std::ostream& out, std::ostream& err);

// Adds the "export" subcommand (--csv FILE, required; --data-dir DIR) writing into `options`,
// which must outlive parsing. Returns the subcommand: run run_export_csv when it was given.
CLI::App* add_export_command(CLI::App& app, ExportOptions& options);

}  // namespace unknot::cli
