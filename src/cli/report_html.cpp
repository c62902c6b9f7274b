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
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/content_language.h"
#include "core/history_report.h"
#include "core/input_text.h"
#include "core/translate.h"
#include "desktop/atomic_file.h"
#include "desktop/input_file.h"
#include "desktop/local_time.h"
#include "report/report_document.h"
#include "storage/session_store.h"

namespace unknot::cli {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;

constexpr std::string_view kDatabaseName = "unknot.db";

struct Failure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

constexpr std::uintmax_t kMaxNamesFile = 1u << 20;

// The JSON in `file` when it is a regular file of at most kMaxNamesFile bytes that parses;
// a discarded value otherwise.
nlohmann::json small_json(const fs::path& file) {
  const auto input = platform::read_input_file(file, kMaxNamesFile, "a routine file");
  if (!input.text) return nlohmann::json(nlohmann::json::value_t::discarded);
  return nlohmann::json::parse(*input.text, nullptr, false);
}

// object[key] → object[value] into `names`, when `object` is an object and both are strings.
void add_name(std::map<std::string, std::string, std::less<>>& names, const nlohmann::json& object,
              std::string_view key, std::string_view value) {
  if (!object.is_object()) return;
  const auto k = object.find(key);
  const auto v = object.find(value);
  if (k == object.end() || v == object.end() || !k->is_string() || !v->is_string()) return;
  names.emplace(k->get<std::string>(), v->get<std::string>());
}

// Each routine file's "id" and "title" in `dir`; files that cannot be read or hold no title are
// skipped (the report then shows the id, as stored). Unknot's own routines (`builtin`) are
// named in the report's language, as the app shows them (core/content_language.h); a person's
// own keep their words.
void add_titles(report::RoutineTitles& titles, const fs::path& dir, bool builtin) {
  std::error_code ec;
  if (dir.empty() || !fs::is_directory(dir, ec)) return;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".json") continue;
    report::RoutineTitles found;
    add_name(found, small_json(entry.path()), "id", "title");
    for (auto& [id, title] : found) {
      if (builtin) title = core::trc(core::routine_context(id, "title"), title);
      titles.emplace(id, std::move(title));
    }
  }
}

report::RoutineTitles routine_titles(const fs::path& assets_dir, const fs::path& data_dir) {
  report::RoutineTitles titles;
  add_titles(titles, assets_dir / "routines", true);
  add_titles(titles, data_dir / "routines", false);
  return titles;
}

// Each muscle's "id" and "name" in the library file; none when it cannot be read (the report
// then makes the ids readable).
report::MuscleNames muscle_names(const fs::path& assets_dir) {
  report::MuscleNames names;
  if (assets_dir.empty()) return names;
  const auto json = small_json(assets_dir / "muscles.json");
  if (!json.is_object()) return names;
  const auto muscles = json.find("muscles");
  if (muscles == json.end() || !muscles->is_array()) return names;
  for (const auto& muscle : *muscles) add_name(names, muscle, "id", "name");
  for (auto& [id, name] : names) name = core::trc(core::muscle_context(id, "name"), name);
  return names;
}

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
      throw Failure("no Unknot database at " + database.string() +
                    " (there is no history here yet); nothing was written to " + target.string());
    }
    if (target.empty() || !target.has_filename()) cannot_write(target, "not a file name");
    if (!report::client_name_fits(options.client_name)) {
      throw Failure("--name: the client's name has more than " +
                    std::to_string(report::kMaxClientName) +
                    " characters; nothing was written to " + target.string());
    }
    const storage::SessionStore store = storage::SessionStore::open_read_only(database);
    const int fallback =
        options.fallback_utc_offset_min.value_or(platform::utc_offset_minutes_now());
    const core::UnixSeconds now = options.now.value_or(floor<seconds>(system_clock::now()));
    const core::Day today = core::local_day(now, minutes{fallback});
    const int weekly =
        options.target.value_or(store.weekly_target().value_or(core::kDefaultWeeklyTarget));
    const std::string page = report::clinician_report(
        store, today, options.weeks, weekly, fallback, options.client_name,
        routine_titles(options.assets_dir, options.data_dir), muscle_names(options.assets_dir));
    platform::AtomicFile file(target);
    file.write(page);
    file.commit();
    out << "Wrote " << core::terminal_safe(target.string()) << '\n';
    return 0;
  } catch (const Failure& failure) {
    err << "unknot report: " << core::terminal_safe(failure.what()) << '\n';
  } catch (const platform::AtomicFileError& error) {
    err << "unknot report: cannot write " << core::terminal_safe(target.string()) << ": "
        << core::terminal_safe(error.reason()) << '\n';
  } catch (const std::exception& error) {
    err << "unknot report: " << core::terminal_safe(error.what()) << "; nothing was written to "
        << core::terminal_safe(target.string()) << '\n';
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
                  "Your own sessions per week, for adherence when no homework applies (default: "
                  "the target set in the app, else " +
                      std::to_string(core::kDefaultWeeklyTarget) + ")")
      ->check(CLI::Range(0, 100))
      ->type_name("N");
  sub->add_option("--name", options.client_name,
                  "The client's name, shown at the top of the report (optional; at most " +
                      std::to_string(report::kMaxClientName) + " characters)")
      ->type_name("TEXT");
  sub->add_option("--data-dir", options.data_dir,
                  "Read the database (unknot.db) in DIR instead of the user's data folder")
      ->type_name("DIR");
  return sub;
}

}  // namespace unknot::cli
