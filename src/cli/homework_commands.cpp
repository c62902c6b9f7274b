// Notes on behaviour the header leaves open:
// - Problems go to stderr like a compiler's, so `unknot check a.unknot 2>&1 | less` and editors
//   that jump to file:line:col both work; the summary goes to stdout.
// - A muscle library that is missing or unreadable only skips the muscle check (with a note on
//   stderr): checking a file must not depend on where the app's assets are.
// - Import creates the data folder and database like the app's first start would.
#include "cli/homework_commands.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include "core/homework.h"
#include "core/input_text.h"
#include "core/muscle_library.h"
#include "core/routine_parser.h"
#include "desktop/atomic_file.h"
#include "desktop/input_file.h"
#include "desktop/instance_lock.h"
#include "desktop/paths.h"
#include "storage/session_store.h"

namespace unknot::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kDatabaseName = "unknot.db";
constexpr std::string_view kMuscleFile = "muscles.json";
constexpr std::uintmax_t kMaxMuscleFileBytes = 4u << 20;

using core::terminal_safe;

struct Failure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The whole of `file`, which must be a regular file of at most max_bytes; else Failure saying why.
std::string read_text(const fs::path& file, std::uintmax_t max_bytes, std::string_view what) {
  auto input = platform::read_input_file(file, max_bytes, what);
  if (!input.text) throw Failure("cannot read " + file.string() + ": " + input.problem);
  return std::move(*input.text);
}

// A file given to check, import or calendar, read before it is known to be a routine or homework.
std::string read_user_file(const fs::path& file) {
  const bool homework = file.extension() == ".unknot";
  return read_text(file, std::max(core::kMaxRoutineFileBytes, core::kMaxHomeworkFileBytes),
                   homework ? "a homework file" : "a routine or homework file");
}

std::optional<core::MuscleLibrary> load_library(const fs::path& assets_dir, std::ostream& err) {
  if (assets_dir.empty()) return std::nullopt;
  const fs::path file = assets_dir / kMuscleFile;
  std::error_code ec;
  if (!fs::exists(file, ec)) return std::nullopt;
  try {
    auto parsed = core::parse_muscle_library(
        read_text(file, kMaxMuscleFileBytes, "a muscle library"), file.string());
    if (parsed.library) return std::move(parsed.library);
    err << "note: " << terminal_safe(file.string())
        << " has problems; muscle ids were not checked\n";
  } catch (const Failure& failure) {
    err << "note: " << terminal_safe(failure.what()) << "; muscle ids were not checked\n";
  }
  return std::nullopt;
}

void print_problems(const std::vector<core::ParseProblem>& problems, std::ostream& err) {
  for (const auto& problem : problems) {
    err << terminal_safe(problem.to_string()) << '\n';
    if (!problem.hint.empty()) err << "  hint: " << terminal_safe(problem.hint) << '\n';
  }
  const std::size_t count = core::problem_count(problems);
  err << count << (count == 1 ? " problem" : " problems") << " found\n";
}

// "3 min 24 s", "45 s", "12 min"
std::string duration_text(core::Duration d) {
  const std::int64_t total = core::ceil_seconds(d);
  const std::int64_t minutes = total / 60;
  const std::int64_t seconds = total % 60;
  if (minutes == 0) return std::to_string(seconds) + " s";
  std::string text = std::to_string(minutes) + " min";
  if (seconds > 0) text += " " + std::to_string(seconds) + " s";
  return text;
}

// "upper_trapezius (Upper trapezius), levator_scapulae (...)", in routine order, each once.
std::string muscles_text(const core::Routine& routine, const core::MuscleLibrary* library) {
  std::vector<std::string> seen;
  std::string text;
  for (const auto& step : routine.steps) {
    if (step.kind != core::StepKind::Pressure) continue;
    if (std::find(seen.begin(), seen.end(), step.muscle) != seen.end()) continue;
    seen.push_back(step.muscle);
    if (!text.empty()) text += ", ";
    const core::MuscleInfo* info = nullptr;
    if (library) {
      for (const auto& m : library->muscles) {
        if (m.id == step.muscle) info = &m;
      }
    }
    text += terminal_safe(info ? info->name : step.muscle);
  }
  return text.empty() ? "none (breathing only)" : text;
}

void print_routine(const core::Routine& routine, const core::MuscleLibrary* library,
                   std::ostream& out) {
  const auto played = core::expand(routine, core::builtin_pattern_lookup());
  out << "Routine:   " << terminal_safe(routine.title) << " (" << routine.id << ")\n";
  out << "Steps:     " << routine.steps.size() << " (" << played.size() << " played)\n";
  out << "Time:      " << duration_text(core::total_duration(played)) << '\n';
  out << "Muscles:   " << muscles_text(routine, library) << '\n';
}

void print_homework(const core::Homework& homework, const core::MuscleLibrary* library,
                    std::ostream& out) {
  out << "Homework:  " << homework.id << ", revision " << homework.revision << '\n';
  print_routine(homework.routine, library, out);
  const auto& p = homework.prescription;
  out << "Therapist: " << (p.therapist.empty() ? "(not named)" : terminal_safe(p.therapist))
      << '\n';
  out << "Schedule:  " << terminal_safe(core::schedule_text(p)) << '\n';
  if (!p.note.empty()) {
    std::istringstream lines(p.note);
    bool first = true;
    for (std::string line; std::getline(lines, line);) {
      out << (first ? "Note:      " : "           ") << terminal_safe(line) << '\n';
      first = false;
    }
  }
}

bool is_homework_file(const fs::path& file, std::string_view text) {
  return file.extension() == ".unknot" || core::is_homework_text(text);
}

// Reads and parses a homework file; prints its problems and throws Failure(`refusal`) when it has
// any.
core::Homework read_homework(const fs::path& file, const core::MuscleLibrary* library,
                             std::ostream& err, const std::string& refusal) {
  const std::string text = read_user_file(file);
  auto parsed = core::parse_homework(text, file.string(), core::builtin_pattern_lookup(), library);
  if (!parsed.homework) {
    print_problems(parsed.problems, err);
    throw Failure(refusal);
  }
  return std::move(*parsed.homework);
}

}  // namespace

int run_check(const CheckOptions& options, std::ostream& out, std::ostream& err) {
  try {
    const std::string text = read_user_file(options.file);
    const auto library = load_library(options.assets_dir, err);
    const core::MuscleLibrary* lib = library ? &*library : nullptr;
    if (is_homework_file(options.file, text)) {
      auto parsed =
          core::parse_homework(text, options.file.string(), core::builtin_pattern_lookup(), lib);
      if (!parsed.homework) {
        print_problems(parsed.problems, err);
        return 1;
      }
      out << terminal_safe(options.file.string()) << ": a valid homework file\n";
      print_homework(*parsed.homework, lib, out);
      return 0;
    }
    auto parsed = core::parse_routine(text, options.file.string(), core::builtin_pattern_lookup());
    if (!parsed.routine) {
      print_problems(parsed.problems, err);
      return 1;
    }
    out << terminal_safe(options.file.string()) << ": a valid routine file\n";
    print_routine(*parsed.routine, lib, out);
    return 0;
  } catch (const std::exception& e) {
    err << "unknot check: " << terminal_safe(e.what()) << '\n';
    return 1;
  }
}

int run_import(const ImportOptions& options, std::ostream& out, std::ostream& err) {
  try {
    const auto library = load_library(options.assets_dir, err);
    const std::string text = read_user_file(options.file);
    if (!is_homework_file(options.file, text)) {
      throw Failure(options.file.string() +
                    " is not a homework file (no \"format\": \"unknot-homework\"); a routine "
                    "file opens with `unknot --routine FILE`");
    }
    const core::Homework homework =
        read_homework(options.file, library ? &*library : nullptr, err, "nothing was imported");
    platform::ensure_private_dir(options.data_dir);
    // Held until the import is written: the app must not be writing the same file meanwhile.
    const auto lock = platform::InstanceLock::try_acquire(options.data_dir);
    if (!lock) {
      throw Failure("Unknot is open on " + options.data_dir.string() +
                    "; nothing was imported. Open the file in the app instead (drop it on the "
                    "window), or close the app and import again");
    }
    storage::SessionStore store =
        storage::SessionStore::open(options.data_dir / kDatabaseName,
                                    lock->previous_run_unclean() ? storage::IntegrityCheck::Full
                                                                 : storage::IntegrityCheck::Quick);
    const auto before = store.homework(homework.id);
    const core::UnixSeconds now = options.now.value_or(
        std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
    const std::string title = "\u201c" + terminal_safe(homework.routine.title) + "\u201d";
    switch (store.import_homework(homework, text, now)) {
      case storage::ImportOutcome::Added:
        out << "Added homework " << title << " (" << homework.id << ", revision "
            << homework.revision << ")"
            << (homework.prescription.therapist.empty()
                    ? std::string()
                    : " from " + terminal_safe(homework.prescription.therapist))
            << ": " << terminal_safe(core::schedule_text(homework.prescription)) << '\n';
        return 0;
      case storage::ImportOutcome::Updated:
        if (before && before->revision == homework.revision) {
          out << "Updated homework " << title << " (" << homework.id << "): revision "
              << homework.revision << " replaced by this file's text\n";
        } else {
          out << "Updated homework " << title << " (" << homework.id << ") to revision "
              << homework.revision << ": "
              << terminal_safe(core::schedule_text(homework.prescription)) << '\n';
        }
        return 0;
      case storage::ImportOutcome::Unchanged:
        out << "Already imported: homework " << title << " (" << homework.id << ", revision "
            << homework.revision << ")\n";
        return 0;
      case storage::ImportOutcome::OlderRefused:
        err << "unknot import: refused " << terminal_safe(options.file.string())
            << ": it is revision " << homework.revision << " of homework " << homework.id
            << ", but revision " << (before ? before->revision : 0)
            << " is already imported; the newer one was kept\n";
        return 1;
    }
    return 1;
  } catch (const std::exception& e) {
    err << "unknot import: " << terminal_safe(e.what()) << '\n';
    return 1;
  }
}

int run_calendar(const CalendarOptions& options, std::ostream& out, std::ostream& err) {
  try {
    const auto library = load_library(options.assets_dir, err);
    const std::string text = read_user_file(options.file);
    if (!is_homework_file(options.file, text)) {
      throw Failure(options.file.string() +
                    " is not a homework file: a calendar needs a schedule, which only homework "
                    "files have");
    }
    const core::Homework homework = read_homework(options.file, library ? &*library : nullptr, err,
                                                  "nothing was written to " + options.out.string());
    if (options.out.empty() || !options.out.has_filename()) {
      throw Failure("cannot write " + options.out.string() + ": not a file name");
    }
    const std::string ics = core::homework_ics(homework);
    platform::AtomicFile file(options.out);
    file.write(ics);
    file.commit();
    out << "Wrote the schedule of " << homework.id << " ("
        << terminal_safe(core::schedule_text(homework.prescription)) << ") to "
        << terminal_safe(options.out.string()) << '\n';
    return 0;
  } catch (const platform::AtomicFileError& error) {
    err << "unknot calendar: cannot write " << terminal_safe(options.out.string()) << ": "
        << terminal_safe(error.reason()) << '\n';
  } catch (const std::exception& e) {
    err << "unknot calendar: " << terminal_safe(e.what()) << '\n';
  }
  return 1;
}

CLI::App* add_check_command(CLI::App& app, CheckOptions& options) {
  CLI::App* sub = app.add_subcommand(
      "check", "Check a routine file (.json) or a homework file (.unknot) and summarise it");
  sub->add_option("FILE", options.file, "The file to check")->required()->type_name("FILE");
  return sub;
}

CLI::App* add_import_command(CLI::App& app, ImportOptions& options) {
  CLI::App* sub = app.add_subcommand(
      "import", "Check a homework file (.unknot) from your therapist and keep it in Unknot");
  sub->add_option("FILE", options.file, "The homework file")->required()->type_name("FILE");
  sub->add_option("--data-dir", options.data_dir,
                  "Keep the database (unknot.db) in DIR instead of the user's data folder")
      ->type_name("DIR");
  return sub;
}

CLI::App* add_calendar_command(CLI::App& app, CalendarOptions& options) {
  CLI::App* sub = app.add_subcommand(
      "calendar", "Write a homework file's schedule as a calendar file (.ics) for any calendar");
  sub->add_option("FILE", options.file, "The homework file")->required()->type_name("FILE");
  sub->add_option("--out", options.out, "The .ics file to write (replaced if it exists)")
      ->required()
      ->type_name("FILE.ics");
  return sub;
}

}  // namespace unknot::cli
