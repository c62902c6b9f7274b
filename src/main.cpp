// Unknot: command line, process setup, and the main loop.
#include <SDL.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>
#include <iostream>

#include "cli/command_line.h"
#include "core/language.h"
#include "desktop/paths.h"
#include "desktop/window_icon.h"
#include "shell/app_shell.h"

namespace {

// Runs a subcommand; returns its exit code.
int run_command(unknot::cli::CommandLine& line) {
  using unknot::cli::Command;
  namespace platform = unknot::platform;
  if (std::filesystem::path* data_dir = unknot::cli::command_data_dir(line);
      data_dir && data_dir->empty()) {
    try {
      *data_dir = platform::default_data_dir();
    } catch (const std::exception& e) {
      std::cerr << "unknot: " << e.what() << '\n';
      return 1;
    }
  }
  // What a person reads (the report, the calendar's events, the import's and check's findings)
  // is in the asked or the system's language; `history` and `export` keep their machine-readable
  // English.
  if (line.command != Command::History && line.command != Command::Export) {
    const std::string language = unknot::core::chosen_language(
        line.language, {}, [](const char* name) { return std::getenv(name); });
    if (const std::string problem =
            platform::install_language(language, platform::find_locale_dir());
        !problem.empty()) {
      std::cerr << "unknot: " << problem << "; writing in English\n";
    }
  }
  switch (line.command) {
    case Command::RenderAudio:
      if (line.render_audio.assets_dir.empty())
        line.render_audio.assets_dir = platform::find_assets_dir();
      return unknot::cli::run_render_audio(line.render_audio, std::cout, std::cerr);
    case Command::Export:
      return unknot::cli::run_export_csv(line.export_csv, std::cout, std::cerr);
    case Command::History:
      return unknot::cli::run_history(line.history, std::cout, std::cerr);
    case Command::Report:
      line.report.assets_dir = platform::find_assets_dir();
      return unknot::cli::run_report_html(line.report, std::cout, std::cerr);
    case Command::Check:
      line.check.assets_dir = platform::find_assets_dir();
      return unknot::cli::run_check(line.check, std::cout, std::cerr);
    case Command::Calendar:
      line.calendar.assets_dir = platform::find_assets_dir();
      return unknot::cli::run_calendar(line.calendar, std::cout, std::cerr);
    case Command::Import:
      line.import.assets_dir = platform::find_assets_dir();
      return unknot::cli::run_import(line.import, std::cout, std::cerr);
    case Command::Restore:
      return unknot::cli::run_restore(line.restore, std::cout, std::cerr);
    case Command::App:
      break;
  }
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  // Health data: every file Unknot creates is readable by the user only.
  ::umask(077);

  auto parsed = unknot::cli::parse_command_line(argc, argv, std::cout, std::cerr);
  if (!parsed.line) return parsed.exit_code;
  unknot::cli::CommandLine& line = *parsed.line;
  if (line.command != unknot::cli::Command::App) return run_command(line);

  unknot::shell::ShellOptions options;
  options.routine = line.app.routine;
  options.open_file = line.app.open_file;
  options.data_dir = line.app.data_dir;
  options.scale = line.app.scale;
  options.language = line.language;
  if (line.app.theme == "light") options.theme = unknot::ui::ThemeKind::Light;
  if (line.app.theme == "dark") options.theme = unknot::ui::ThemeKind::Dark;

  // On Wayland the window's app id is what ties it to the installed desktop entry (its icon and
  // name in the dock); X11 matches the class "unknot" (the program's name, StartupWMClass).
  ::setenv("SDL_VIDEO_WAYLAND_WMCLASS", unknot::platform::kAppId, 0);
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
  } catch (const unknot::shell::NoDisplay& e) {
    std::cerr << "unknot: " << e.what() << '\n';
    code = 1;
  } catch (const std::exception& e) {
    // No font, no window: said where the person looks, a window if one can open, and the
    // terminal.
    std::cerr << "unknot: " << e.what() << '\n';
    SDL_ShowSimpleMessageBox(SDL_MESSAGEBOX_ERROR, "Unknot cannot start", e.what(), nullptr);
    code = 1;
  }
  SDL_Quit();
  return code;
}
