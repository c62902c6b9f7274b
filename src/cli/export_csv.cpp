// Notes on behaviour the header leaves open:
// - Sessions come first, oldest first, then check-ins, oldest first, then PSFS ratings, oldest
//   first (a sitting's activities in their order).
// - minutes_done adds up the time actually spent in every recorded step (skipped ones too,
//   as far as they ran), in minutes with one decimal.
// - A missing database is an error rather than an empty export: a mistyped --data-dir must not
//   pass for "no data", and exporting must not create a database.
#include "cli/export_csv.h"

#include <CLI/CLI.hpp>
#include <array>
#include <chrono>
#include <cstring>
#include <ctime>
#include <stdexcept>
#include <vector>

#include "core/input_text.h"
#include "core/time.h"
#include "desktop/atomic_file.h"
#include "desktop/local_time.h"
#include "storage/session_store.h"

namespace unknot::cli {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;

constexpr std::string_view kDatabaseName = "unknot.db";
// `day` is the local day a row counts on (a daily rating answered before noon counts on the day
// before, README "Daily check-in"); `activity` is a PSFS row's activity.
constexpr std::array<std::string_view, 18> kColumns{
    "record",       "id",          "kind",          "status",     "started_utc", "started_local",
    "ended_utc",    "ended_local", "pain_before",   "pain_after", "value",       "region",
    "minutes_done", "steps_done",  "steps_skipped", "note",       "day",         "activity"};

// The caller reports the message and exits 1; thrown only inside this file.
struct Failure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

[[noreturn]] void cannot_write(const fs::path& target, std::string_view why) {
  throw Failure("cannot write " + target.string() + ": " + std::string(why));
}

std::string two_digits(unsigned value) {
  return std::string{static_cast<char>('0' + value / 10 % 10), static_cast<char>('0' + value % 10)};
}

// "YYYY-MM-DD".
std::string day_text(core::Day day) {
  const year_month_day date{day};
  const int y = static_cast<int>(date.year());
  return two_digits(static_cast<unsigned>(y / 100)) + two_digits(static_cast<unsigned>(y % 100)) +
         '-' + two_digits(static_cast<unsigned>(date.month())) + '-' +
         two_digits(static_cast<unsigned>(date.day()));
}

// "YYYY-MM-DD HH:MM" on the wall clock `offset_min` minutes east of UTC.
std::string local_text(core::UnixSeconds t, int offset_min) {
  const core::UnixSeconds local = t + minutes{offset_min};
  const sys_days day = floor<days>(local);
  const year_month_day date{day};
  const hh_mm_ss clock{local - day};
  const int y = static_cast<int>(date.year());
  std::string text =
      two_digits(static_cast<unsigned>(y / 100)) + two_digits(static_cast<unsigned>(y % 100));
  text += '-' + two_digits(static_cast<unsigned>(date.month())) + '-' +
          two_digits(static_cast<unsigned>(date.day())) + ' ' +
          two_digits(static_cast<unsigned>(clock.hours().count())) + ':' +
          two_digits(static_cast<unsigned>(clock.minutes().count()));
  return text;
}

std::string optional_text(const std::optional<int>& value) {
  return value ? std::to_string(*value) : std::string();
}

std::string csv_row(const std::array<std::string, kColumns.size()>& fields) {
  std::string row;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) row += ',';
    row += csv_field(fields[i]);
  }
  row += "\r\n";
  return row;
}

// The offset for a session's end. Only the start's offset is stored; when it is this machine's
// zone's offset at that moment, the session was recorded here, and the zone says whether a
// daylight-saving change fell within it, so the end never reads as a time that did not exist
// (02:10 on the spring-forward night) or an hour off.
int end_offset(const storage::SessionRow& session, int start_offset) {
  if (!session.ended_at || !session.utc_offset_min) return start_offset;
  const auto start_s = session.started_at.time_since_epoch().count();
  if (platform::utc_offset_minutes(start_s) != start_offset) return start_offset;
  return platform::utc_offset_minutes(session.ended_at->time_since_epoch().count());
}

std::string session_row(const storage::SessionRow& session,
                        const std::vector<storage::StepRow>& steps, int fallback_offset_min) {
  const int offset = session.utc_offset_min.value_or(fallback_offset_min);
  core::Duration spent{};
  int done = 0;
  int skipped = 0;
  for (const auto& step : steps) {
    spent += step.actual;
    (step.skipped ? skipped : done) += 1;
  }
  // Tenths of a minute, rounded to nearest.
  const std::int64_t tenths = (spent.count() + 3'000'000) / 6'000'000;
  return csv_row(
      {"session", std::to_string(session.id), session.routine_id,
       std::string(storage::session_status_text(session.status)),
       storage::to_iso8601(session.started_at), local_text(session.started_at, offset),
       session.ended_at ? storage::to_iso8601(*session.ended_at) : "",
       session.ended_at ? local_text(*session.ended_at, end_offset(session, offset)) : "",
       optional_text(session.pain_before), optional_text(session.pain_after), "", session.region,
       core::tenths_text(tenths, true), std::to_string(done), std::to_string(skipped), session.note,
       day_text(core::local_day(session.started_at, minutes{offset})), ""});
}

std::string checkin_row(const storage::CheckinRow& checkin) {
  return csv_row({"checkin", std::to_string(checkin.id),
                  std::string(storage::checkin_kind_text(checkin.kind)), "",
                  storage::to_iso8601(checkin.recorded_at),
                  local_text(checkin.recorded_at, checkin.utc_offset_min), "", "", "", "",
                  std::to_string(checkin.value), "", "", "", "", checkin.note,
                  day_text(checkin.day.value_or(
                      core::local_day(checkin.recorded_at, minutes{checkin.utc_offset_min}))),
                  ""});
}

std::string psfs_row(const storage::PsfsRow& psfs) {
  return csv_row(
      {"psfs", std::to_string(psfs.id), "psfs", "", storage::to_iso8601(psfs.recorded_at),
       local_text(psfs.recorded_at, psfs.utc_offset_min), "", "", "", "",
       std::to_string(psfs.value), "", "", "", "", "",
       day_text(core::local_day(psfs.recorded_at, minutes{psfs.utc_offset_min})), psfs.activity});
}

}  // namespace

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

int run_export_csv(const ExportOptions& options, std::ostream& out, std::ostream& err) {
  const fs::path& target = options.csv;
  try {
    const fs::path database = options.data_dir / kDatabaseName;
    std::error_code ec;
    if (!fs::exists(database, ec)) {
      throw Failure("no Unknot database at " + database.string() +
                    " (there is no history here yet); nothing was written to " + target.string());
    }
    if (target.empty() || !target.has_filename()) cannot_write(target, "not a file name");

    storage::SessionStore store = storage::SessionStore::open_read_only(database);
    const auto sessions = store.sessions_with_steps();
    const auto checkins = store.checkins(core::UnixSeconds::min(), core::UnixSeconds::max());
    const auto psfs = store.psfs_ratings();
    const int fallback =
        options.fallback_utc_offset_min.value_or(platform::utc_offset_minutes_now());

    platform::AtomicFile file(target);
    std::string header;
    for (std::size_t i = 0; i < kColumns.size(); ++i) {
      if (i > 0) header += ',';
      header += kColumns[i];
    }
    file.write(header + "\r\n");
    for (const auto& session : sessions) {
      file.write(session_row(session.row, session.steps, fallback));
    }
    for (const auto& checkin : checkins) file.write(checkin_row(checkin));
    for (const auto& rating : psfs) file.write(psfs_row(rating));
    file.commit();

    out << "Wrote " << sessions.size() << " sessions, " << checkins.size() << " check-ins and "
        << psfs.size() << " PSFS ratings to " << core::terminal_safe(target.string()) << '\n';
    return 0;
  } catch (const Failure& failure) {
    err << "unknot export: " << core::terminal_safe(failure.what()) << '\n';
  } catch (const platform::AtomicFileError& error) {
    err << "unknot export: cannot write " << core::terminal_safe(target.string()) << ": "
        << core::terminal_safe(error.reason()) << '\n';
  } catch (const std::exception& error) {
    err << "unknot export: " << core::terminal_safe(error.what()) << "; nothing was written to "
        << core::terminal_safe(target.string()) << '\n';
  }
  return 1;
}

CLI::App* add_export_command(CLI::App& app, ExportOptions& options) {
  CLI::App* sub = app.add_subcommand(
      "export", "Write every session and pain check-in to a file, without changing the data");
  sub->add_option("--csv", options.csv, "The CSV file to write (replaced if it exists)")
      ->required()
      ->type_name("FILE");
  sub->add_option("--data-dir", options.data_dir,
                  "Read the database (unknot.db) in DIR instead of the user's data folder")
      ->type_name("DIR");
  return sub;
}

}  // namespace unknot::cli
