// `unknot check FILE`, `unknot import FILE` and `unknot calendar FILE --out FILE.ics`: checking
// routine and homework files, storing a therapist's homework, and its schedule as a calendar.
// README "Homework files".
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>

#include "core/time.h"

namespace CLI {
class App;
}

namespace unknot::cli {

struct CheckOptions {
  std::filesystem::path file;
  std::filesystem::path assets_dir;  // holds muscles.json; main fills it when not given
};

// Checks a routine file or a homework file (told apart by the "format" member, or the .unknot
// extension). With problems: prints each as "file:line:col: field: message" (and "  hint: ..."
// under it when there is one) to `err` and returns 1. Otherwise prints a summary to `out` (title,
// steps, total time, muscles; for homework also the therapist and the schedule) and returns 0.
// Muscle ids are checked against assets_dir/muscles.json when it can be read.
int run_check(const CheckOptions& options, std::ostream& out, std::ostream& err);
CLI::App* add_check_command(CLI::App& app, CheckOptions& options);

struct ImportOptions {
  std::filesystem::path file;
  std::filesystem::path data_dir;    // the folder holding unknot.db; main fills it when not given
  std::filesystem::path assets_dir;  // as for check
  std::optional<core::UnixSeconds> now;  // empty: the system clock
};

// Checks a homework file as run_check does and stores it in data_dir/unknot.db (created, with
// its folder, if missing). Prints "Added homework ...", "Updated homework ... to revision N" or
// "Already imported ..." and returns 0; prints the problems, or that an older revision was
// refused because a newer one is stored, to `err` and returns 1.
int run_import(const ImportOptions& options, std::ostream& out, std::ostream& err);
CLI::App* add_import_command(CLI::App& app, ImportOptions& options);

struct CalendarOptions {
  std::filesystem::path file;  // a homework file
  std::filesystem::path out;   // the .ics file to write (replaced if it exists)
  std::filesystem::path assets_dir;
};

// Writes the homework's schedule as an iCalendar file (core::homework_ics), whole or not at all.
int run_calendar(const CalendarOptions& options, std::ostream& out, std::ostream& err);
CLI::App* add_calendar_command(CLI::App& app, CalendarOptions& options);

}  // namespace unknot::cli
