// Times the real app (AppShell, SDL's dummy video driver, software renderer) on a database of
// years of history against an empty one. Prints, as medians of several runs, in ms:
//   start to first frame, empty database and the big one (target: big <= empty + 20 ms);
//   History tab to its first frame (target <= 50 ms);
//   Progress tab to its first frame, "all time" filter to its frame;
//   Share report for 12 weeks, written to disk (target <= 100 ms).
// Usage: unknot_progress_bench BIG_DATA_DIR [RUNS]
#include <SDL.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <vector>

#include "app/progress_flow.h"
#include "shell/app_shell.h"

namespace fs = std::filesystem;
using namespace unknot;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

shell::ShellOptions options_for(const fs::path& data_dir, const fs::path& docs) {
  shell::ShellOptions o;
  o.data_dir = data_dir;
  o.width = 390;
  o.height = 844;
  o.hidden = true;
  o.theme = ui::ThemeKind::Dark;
  o.offer_checkin = false;
  o.open_shared_files = false;
  o.documents_dir = docs;
  return o;
}

// Dispatches `action`, then runs the loop until a frame has been drawn and `done` holds.
double until_frame(shell::AppShell& shell, const app::Action& action,
                   const std::function<bool(const app::AppModel&)>& done) {
  const auto start = Clock::now();
  const auto frames = shell.frames_drawn();
  shell.dispatch(action);
  for (int i = 0; i < 100000; ++i) {
    SDL_Event e;
    while (SDL_PollEvent(&e) != 0) shell.handle_event(e);
    shell.iterate();
    if (shell.frames_drawn() > frames && done(shell.model())) break;
  }
  return ms_since(start);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: unknot_progress_bench BIG_DATA_DIR [RUNS]\n";
    return 2;
  }
  const fs::path big = argv[1];
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 9;
  const fs::path scratch = fs::temp_directory_path() / ("unknot-progress-bench-" + std::to_string(::getpid()));
  fs::create_directories(scratch / "empty");
  fs::create_directories(scratch / "docs");
  ::setenv("SDL_VIDEODRIVER", "dummy", 1);
  ::setenv("SDL_RENDER_DRIVER", "software", 1);
  ::setenv("SDL_AUDIODRIVER", "dummy", 1);
  if (SDL_Init(0) != 0) {
    std::cerr << "SDL_Init: " << SDL_GetError() << '\n';
    return 1;
  }

  std::vector<double> start_empty, start_big, history, progress, all_time, share;
  std::size_t sessions = 0;
  for (int run = 0; run < runs; ++run) {
    for (const bool with_data : {false, true}) {
      const auto t0 = Clock::now();
      shell::AppShell shell(options_for(with_data ? big : scratch / "empty", scratch / "docs"));
      shell.iterate();  // the first frame
      (with_data ? start_big : start_empty).push_back(ms_since(t0));
      if (!with_data) continue;

      history.push_back(until_frame(shell, app::Activated{{app::ControlKind::TabHistory, 0}},
                                    [](const app::AppModel& m) { return m.history.loaded; }));
      progress.push_back(until_frame(shell, app::Activated{{app::ControlKind::TabProgress, 0}},
                                     [](const app::AppModel& m) { return m.progress.has_value(); }));
      sessions = shell.model().progress ? shell.model().progress->input.sessions.size() : 0;
      all_time.push_back(until_frame(shell, app::Activated{{app::ControlKind::Period, 2}},
                                     [](const app::AppModel&) { return true; }));
      until_frame(shell, app::Activated{{app::ControlKind::Period, 1}}, [](const app::AppModel&) { return true; });
      share.push_back(until_frame(shell, app::Activated{{app::ControlKind::ShareReport, 0}},
                                  [](const app::AppModel& m) { return !m.toast.empty(); }));
    }
  }
  SDL_Quit();
  fs::remove_all(scratch);

  std::cout << "sessions in the big database: " << sessions << " (runs: " << runs << ")\n";
  std::cout << "start to first frame, empty database: " << median(start_empty) << " ms\n";
  std::cout << "start to first frame, big database:   " << median(start_big) << " ms (difference "
            << median(start_big) - median(start_empty) << " ms; target <= 20)\n";
  std::cout << "History tab to first frame:            " << median(history) << " ms (target <= 50)\n";
  std::cout << "Progress tab to first frame (4 weeks): " << median(progress) << " ms\n";
  std::cout << "Progress, all time, to its frame:      " << median(all_time) << " ms\n";
  std::cout << "Share report (12 weeks) written:       " << median(share) << " ms (target <= 100)\n";
  return 0;
}
