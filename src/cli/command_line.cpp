#include "cli/command_line.h"

#include <CLI/CLI.hpp>
#include <ostream>
#include <sstream>

#include "core/input_text.h"

namespace unknot::cli {

ParsedCommandLine parse_command_line(int argc, const char* const* argv, std::ostream& out,
                                     std::ostream& err) {
  CommandLine line;
  CLI::App cli{
      "Unknot: guided trigger-point self-massage with paced breathing, and an honest "
      "record of your pain."};
  cli.set_version_flag("--version", std::string("unknot ") + UNKNOT_VERSION);
  AppArguments& app = line.app;
  cli.add_option("--routine", app.routine,
                 "Open at this routine: a routine file (JSON) or a built-in routine id")
      ->type_name("FILE_OR_ID");
  cli.add_option("file", app.open_file,
                 "A homework file (.unknot) to import, or a routine file to open")
      ->type_name("FILE");
  cli.add_option("--data-dir", app.data_dir,
                 "Keep the database (unknot.db) in DIR instead of the user's data folder")
      ->type_name("DIR");
  cli.add_option("--theme", app.theme, "Colour theme (default: light by day, dark at night)")
      ->check(CLI::IsMember({"light", "dark"}));
  cli.add_option("--scale", app.scale, "Extra interface scale, e.g. 1.5")
      ->check(CLI::Range(0.5f, 4.0f));
  const auto add_language = [&line, &cli](CLI::App& where, const std::string& what) {
    where
        .add_option("--lang", line.language,
                    what +
                        " (en, es; qps: the pseudo-language for testing translations). "
                        "Default: " +
                        (&where == &cli ? "the language chosen in Settings, else " : "") +
                        "the system's (LC_ALL, LC_MESSAGES, LANG)")
        ->check(CLI::IsMember({"en", "es", "qps"}))
        ->type_name("CODE");
  };
  add_language(cli, "The language Unknot speaks");
  const std::pair<CLI::App*, Command> commands[] = {
      {add_render_audio_command(cli, line.render_audio), Command::RenderAudio},
      {add_export_command(cli, line.export_csv), Command::Export},
      {add_history_command(cli, line.history), Command::History},
      {add_report_command(cli, line.report), Command::Report},
      {add_check_command(cli, line.check), Command::Check},
      {add_import_command(cli, line.import), Command::Import},
      {add_calendar_command(cli, line.calendar), Command::Calendar},
      {add_restore_command(cli, line.restore), Command::Restore},
  };
  add_language(*commands[3].first, "The language the report is written in");
  add_language(*commands[6].first, "The language of the calendar's event texts");
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 gives each kind of mistake its own code (105 for a bad value); a command line that
    // cannot be used is exit 1, like every other refusal here. --help and --version are 0.
    // Its messages quote the arguments as typed, so they are escaped like any printed text.
    std::ostringstream said_out, said_err;
    const int code = cli.exit(e, said_out, said_err);
    out << core::terminal_safe_lines(said_out.str());
    err << core::terminal_safe_lines(said_err.str());
    return {std::nullopt, code == 0 ? 0 : 1};
  }
  for (const auto& [command, kind] : commands)
    if (*command) line.command = kind;
  return {std::move(line), 0};
}

std::filesystem::path* command_data_dir(CommandLine& line) {
  std::filesystem::path* dir = nullptr;
  switch (line.command) {
    case Command::Export:
      dir = &line.export_csv.data_dir;
      break;
    case Command::History:
      dir = &line.history.data_dir;
      break;
    case Command::Report:
      dir = &line.report.data_dir;
      break;
    case Command::Import:
      dir = &line.import.data_dir;
      break;
    case Command::Restore:
      dir = &line.restore.data_dir;
      break;
    case Command::App:
      return &line.app.data_dir;
    case Command::RenderAudio:
    case Command::Check:
    case Command::Calendar:
      return nullptr;
  }
  if (dir->empty()) *dir = line.app.data_dir;
  return dir;
}

}  // namespace unknot::cli
