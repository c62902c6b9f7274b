// Notes on behaviour the header leaves open:
// - Days are local days: each row's own offset from UTC, else the fallback (the machine's
//   offset now). "Today" uses the fallback.
// - A session's planned time is the planned time of the steps it recorded, its done time their
//   actual time; pressure is the actual time of steps with a muscle (breathing blocks have none).
// - A missing database is an error rather than an empty report: a mistyped --data-dir must not
//   pass for "no data", and reading must not create a database.
#include "cli/history.h"

#include "cli/history_input.h"

#include <CLI/CLI.hpp>
#include <chrono>
#include <ctime>
#include <stdexcept>
#include <string>

#include "cli/history_report.h"
#include "storage/session_store.h"
#include "desktop/local_time.h"

namespace unknot::cli {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;

constexpr std::string_view kDatabaseName = "unknot.db";

HistoryInput read_input(const storage::SessionStore& store, int fallback_min) {
  HistoryInput input;
  for (const auto& row : store.all_sessions())
    input.sessions.push_back(history_session(row, store.steps(row.id), fallback_min));
  for (const auto& row : store.checkins(core::UnixSeconds::min(), core::UnixSeconds::max()))
    add_checkin(input, row);
  return input;
}

}  // namespace

HistorySession history_session(const storage::SessionRow& row,
                               const std::vector<storage::StepRow>& steps, int fallback_min) {
  HistorySession session;
  core::SessionSample& sample = session.sample;
  sample.day = core::local_day(row.started_at, minutes{row.utc_offset_min.value_or(fallback_min)});
  sample.before = row.pain_before;
  sample.after = row.pain_after;
  sample.region = row.region;
  for (const auto& step : steps) {
    sample.planned += step.planned;
    sample.done += step.actual;
    if (!step.muscle.empty() && step.actual > core::Duration::zero())
      sample.doses.push_back({step.muscle, step.side, step.actual});
  }
  session.completed_status = row.status == storage::SessionStatus::Completed;
  return session;
}

void add_checkin(HistoryInput& input, const storage::CheckinRow& row) {
  const core::Day day = core::local_day(row.recorded_at, minutes{row.utc_offset_min});
  if (row.kind == storage::CheckinKind::DailyPain) input.ratings.push_back({day, row.value});
  if (row.kind == storage::CheckinKind::Pgic) input.pgic.push_back({day, row.value});
}


int run_history(const HistoryOptions& options, std::ostream& out, std::ostream& err) {
  const fs::path database = options.data_dir / kDatabaseName;
  try {
    std::error_code ec;
    if (!fs::exists(database, ec)) {
      err << "unknot history: no Unknot database at " << database.string() << '\n';
      return 1;
    }
    const storage::SessionStore store = storage::SessionStore::open(database);
    const int fallback = options.fallback_utc_offset_min.value_or(platform::utc_offset_minutes_now());
    const core::UnixSeconds now = options.now.value_or(floor<seconds>(system_clock::now()));
    const HistoryReport report =
        build_history_report(read_input(store, fallback), core::local_day(now, minutes{fallback}),
                             options.weeks, options.target);
    out << (options.json ? history_json(report) : history_text(report));
    return 0;
  } catch (const std::exception& error) {
    err << "unknot history: cannot read " << database.string() << ": " << error.what() << '\n';
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
                  "Sessions prescribed per week, for adherence (default 7; used until "
                  "therapist schedules exist)")
      ->check(CLI::Range(0, 100))
      ->type_name("N");
  sub->add_option("--data-dir", options.data_dir,
                  "Read the database (unknot.db) in DIR instead of the user's data folder")
      ->type_name("DIR");
  return sub;
}

}  // namespace unknot::cli
