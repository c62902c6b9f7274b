// The whole command line: the app's own options and every subcommand, parsed in one place so
// that main() only dispatches and the fuzzer can drive the same parser (fuzz/fuzz_cli.cpp).
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

#include "cli/export_csv.h"
#include "cli/history.h"
#include "cli/homework_commands.h"
#include "cli/render_audio.h"
#include "cli/report_html.h"
#include "cli/restore.h"

namespace unknot::cli {

enum class Command { App, RenderAudio, Export, History, Report, Check, Calendar, Import, Restore };

// The options of the app itself (no subcommand).
struct AppArguments {
  std::string routine;              // a routine file or built-in id, or empty
  std::filesystem::path open_file;  // a homework or routine file, or empty
  std::filesystem::path data_dir;   // empty: the user's data folder
  std::string theme;                // "light", "dark" or empty (by the time of day)
  float scale = 1;
};

struct CommandLine {
  Command command = Command::App;
  // --lang of the app, `report` and `calendar`: "en", "es" or the pseudo-language "qps"; empty:
  // the person's choice (the app) or the system's (LC_ALL, LC_MESSAGES, LANG).
  std::string language;
  AppArguments app;
  RenderAudioOptions render_audio;
  ExportOptions export_csv;
  HistoryOptions history;
  ReportOptions report;
  CheckOptions check;
  CalendarOptions calendar;
  ImportOptions import;
  RestoreOptions restore;
};

struct ParsedCommandLine {
  std::optional<CommandLine> line;  // empty: nothing to run (help, version or a mistake)
  int exit_code = 0;                // when empty: 0 after --help or --version, 1 for a mistake
};

// Parses argv (argv[0] is the program). Help and version text go to `out`; a mistake is
// explained on `err` and gives exit code 1, whatever kind it is. Never throws for any input.
ParsedCommandLine parse_command_line(int argc, const char* const* argv, std::ostream& out,
                                     std::ostream& err);

// A subcommand given no --data-dir of its own takes the app's (`unknot --data-dir D history`).
// Returns the chosen command's data folder (empty: the user's), or nullptr for a command that
// reads no data folder.
std::filesystem::path* command_data_dir(CommandLine& line);

}  // namespace unknot::cli
