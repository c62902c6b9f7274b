// Notes on behaviour the header leaves open:
// - Days are local days as in `unknot history`: each row's own offset from UTC, else the
//   fallback (the machine's offset now), which also decides "today".
// - The rolling mean is computed over every rating up to the period's end, then cut to the
//   period, so the line starts at its true value on the first day shown.
// - A missing database is an error rather than an empty report: a mistyped --data-dir must not
//   pass for "no data", and reading must not create a database.
#include "cli/report_html.h"

#include <CLI/CLI.hpp>
#include <chrono>
#include <ctime>
#include <stdexcept>

#include "report/report_document.h"
#include "desktop/atomic_file.h"
#include "storage/session_store.h"
#include "desktop/local_time.h"

namespace unknot::cli {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;

constexpr std::string_view kDatabaseName = "unknot.db";

struct Failure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

[[noreturn]] void cannot_write(const fs::path& target, std::string_view why) {
  throw Failure("cannot write " + target.string() + ": " + std::string(why));
}

}  // namespace

int run_report_html(const ReportOptions& options, std::ostream& out, std::ostream& err) {
  const fs::path& target = options.out;
  try {
    const fs::path database = options.data_dir / kDatabaseName;
    std::error_code ec;
    if (!fs::exists(database, ec)) {
      throw Failure("no Unknot database at " + database.string() + "; nothing was written to " +
                    target.string());
    }
    if (target.empty() || !target.has_filename()) cannot_write(target, "not a file name");
    const storage::SessionStore store = storage::SessionStore::open(database);
    const int fallback = options.fallback_utc_offset_min.value_or(platform::utc_offset_minutes_now());
    const core::UnixSeconds now = options.now.value_or(floor<seconds>(system_clock::now()));
    const core::Day today = core::local_day(now, minutes{fallback});
    const std::string page =
        report::clinician_report(store, today, options.weeks, options.target, fallback);
    platform::AtomicFile file(target);
    file.write(page);
    file.commit();
    out << "Wrote " << target.string() << '\n';
    return 0;
  } catch (const Failure& failure) {
    err << "unknot report: " << failure.what() << '\n';
  } catch (const platform::AtomicFileError& error) {
    err << "unknot report: cannot write " << target.string() << ": " << error.reason() << '\n';
  } catch (const std::exception& error) {
    err << "unknot report: " << error.what() << "; nothing was written to " << target.string()
        << '\n';
  }
  return 1;
}

CLI::App* add_report_command(CLI::App& app, ReportOptions& options) {
  CLI::App* sub = app.add_subcommand(
      "report", "Write a one-page HTML summary of pain and practice, for a clinician");
  sub->add_option("--out", options.out, "The HTML file to write (replaced if it exists)")
      ->required()
      ->type_name("FILE");
  sub->add_option("--weeks", options.weeks,
                  "Calendar weeks to show, ending with this one (default 12; 0: all)")
      ->check(CLI::Range(0, 5200))
      ->type_name("N");
  sub->add_option("--target", options.target,
                  "Sessions prescribed per week, for adherence (default 7)")
      ->check(CLI::Range(0, 100))
      ->type_name("N");
  sub->add_option("--data-dir", options.data_dir,
                  "Read the database (unknot.db) in DIR instead of the user's data folder")
      ->type_name("DIR");
  return sub;
}

}  // namespace unknot::cli
