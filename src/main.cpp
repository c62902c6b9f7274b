// Unknot: command line, process setup, and the main loop.
#include <SDL.h>
#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/export_csv.h"
#include "cli/history.h"
#include "cli/homework_commands.h"
#include "cli/render_audio.h"
#include "cli/report_html.h"
#include "cli/restore.h"
#include "desktop/paths.h"
#include "shell/app_shell.h"

int main(int argc, char** argv) {
  // Health data: every file Unknot creates is readable by the user only.
  ::umask(077);

  CLI::App cli{
      "Unknot: guided trigger-point self-massage with paced breathing, and an honest "
      "record of your pain."};
  cli.set_version_flag("--version", std::string("unknot ") + UNKNOT_VERSION);
  unknot::shell::ShellOptions options;
  std::string theme;
  cli.add_option("--routine", options.routine,
                 "Open at this routine: a routine file (JSON) or a built-in routine id")
      ->type_name("FILE_OR_ID");
  cli.add_option("file", options.open_file,
                 "A homework file (.unknot) to import, or a routine file to open")
      ->type_name("FILE");
  cli.add_option("--data-dir", options.data_dir,
                 "Keep the database (unknot.db) in DIR instead of the user's data folder")
      ->type_name("DIR");
  cli.add_option("--theme", theme, "Colour theme (default: light by day, dark at night)")
      ->check(CLI::IsMember({"light", "dark"}));
  cli.add_option("--scale", options.scale, "Extra interface scale, e.g. 1.5")
      ->check(CLI::Range(0.5f, 4.0f));
  unknot::cli::RenderAudioOptions render;
  CLI::App* render_command = unknot::cli::add_render_audio_command(cli, render);
  unknot::cli::ExportOptions export_options;
  CLI::App* export_command = unknot::cli::add_export_command(cli, export_options);
  unknot::cli::HistoryOptions history_options;
  CLI::App* history_command = unknot::cli::add_history_command(cli, history_options);
  unknot::cli::ReportOptions report_options;
  CLI::App* report_command = unknot::cli::add_report_command(cli, report_options);
  unknot::cli::CheckOptions check_options;
  CLI::App* check_command = unknot::cli::add_check_command(cli, check_options);
  unknot::cli::ImportOptions import_options;
  CLI::App* import_command = unknot::cli::add_import_command(cli, import_options);
  unknot::cli::CalendarOptions calendar_options;
  CLI::App* calendar_command = unknot::cli::add_calendar_command(cli, calendar_options);
  unknot::cli::RestoreOptions restore_options;
  CLI::App* restore_command = unknot::cli::add_restore_command(cli, restore_options);
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 prints its message and gives each kind of mistake its own code (105 for a bad
    // value); a command line that cannot be used is exit 1, like every other refusal here.
    // --help and --version are successes (0).
    return cli.exit(e) == 0 ? 0 : 1;
  }
  if (*render_command) {
    if (render.assets_dir.empty()) render.assets_dir = unknot::platform::find_assets_dir();
    return unknot::cli::run_render_audio(render, std::cout, std::cerr);
  }
  if (*export_command) {
    // The subcommand's --data-dir, else the app's, else the user's data folder.
    if (export_options.data_dir.empty()) export_options.data_dir = options.data_dir;
    try {
      if (export_options.data_dir.empty())
        export_options.data_dir = unknot::platform::default_data_dir();
    } catch (const std::exception& e) {
      std::cerr << "unknot export: " << e.what() << '\n';
      return 1;
    }
    return unknot::cli::run_export_csv(export_options, std::cout, std::cerr);
  }
  if (*history_command) {
    // As export: the subcommand's --data-dir, else the app's, else the user's data folder.
    if (history_options.data_dir.empty()) history_options.data_dir = options.data_dir;
    try {
      if (history_options.data_dir.empty())
        history_options.data_dir = unknot::platform::default_data_dir();
    } catch (const std::exception& e) {
      std::cerr << "unknot history: " << e.what() << '\n';
      return 1;
    }
    return unknot::cli::run_history(history_options, std::cout, std::cerr);
  }
  if (*report_command) {
    // As history: the subcommand's --data-dir, else the app's, else the user's data folder.
    if (report_options.data_dir.empty()) report_options.data_dir = options.data_dir;
    try {
      if (report_options.data_dir.empty())
        report_options.data_dir = unknot::platform::default_data_dir();
    } catch (const std::exception& e) {
      std::cerr << "unknot report: " << e.what() << '\n';
      return 1;
    }
    report_options.assets_dir = unknot::platform::find_assets_dir();
    return unknot::cli::run_report_html(report_options, std::cout, std::cerr);
  }
  if (*check_command) {
    check_options.assets_dir = unknot::platform::find_assets_dir();
    return unknot::cli::run_check(check_options, std::cout, std::cerr);
  }
  if (*calendar_command) {
    calendar_options.assets_dir = unknot::platform::find_assets_dir();
    return unknot::cli::run_calendar(calendar_options, std::cout, std::cerr);
  }
  if (*import_command) {
    // As export: the subcommand's --data-dir, else the app's, else the user's data folder.
    if (import_options.data_dir.empty()) import_options.data_dir = options.data_dir;
    try {
      if (import_options.data_dir.empty())
        import_options.data_dir = unknot::platform::default_data_dir();
    } catch (const std::exception& e) {
      std::cerr << "unknot import: " << e.what() << '\n';
      return 1;
    }
    import_options.assets_dir = unknot::platform::find_assets_dir();
    return unknot::cli::run_import(import_options, std::cout, std::cerr);
  }
  if (*restore_command) {
    // As import: the subcommand's --data-dir, else the app's, else the user's data folder.
    if (restore_options.data_dir.empty()) restore_options.data_dir = options.data_dir;
    try {
      if (restore_options.data_dir.empty())
        restore_options.data_dir = unknot::platform::default_data_dir();
    } catch (const std::exception& e) {
      std::cerr << "unknot restore: " << e.what() << '\n';
      return 1;
    }
    return unknot::cli::run_restore(restore_options, std::cout, std::cerr);
  }
  if (theme == "light") options.theme = unknot::ui::ThemeKind::Light;
  if (theme == "dark") options.theme = unknot::ui::ThemeKind::Dark;

  if (SDL_Init(0) != 0) {
    std::cerr << "unknot: cannot start SDL: " << SDL_GetError() << '\n';
    return 1;
  }
  int code = 0;
  try {
    unknot::shell::AppShell shell(options);
    code = shell.run();
  } catch (const unknot::shell::AlreadyOpen& e) {
    // Said plainly where the person looks: a window if a display is there, and the terminal.
    std::cerr << "unknot: " << e.what() << '\n';
    SDL_ShowSimpleMessageBox(SDL_MESSAGEBOX_INFORMATION, "Unknot is already open", e.what(),
                             nullptr);
    code = 3;
  } catch (const std::exception& e) {
    std::cerr << "unknot: " << e.what() << '\n';
    code = 1;
  }
  SDL_Quit();
  return code;
}
