// What the end-to-end tests share: a data folder with the safety check passed, the app under
// SDL's dummy video and disk audio drivers, and a person's clicks, keys and typing.
#pragma once

#include <SDL.h>
#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "app/layout.h"
#include "app/screens.h"
#include "app/view.h"
#include "shell/app_shell.h"
#include "storage/session_store.h"

namespace unknot::e2e {
namespace fs = std::filesystem;

struct Environment {
  fs::path dir;
  Environment() {
    dir = fs::temp_directory_path() /
          ("unknot-e2e-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()));
    fs::create_directories(dir);
    ::setenv("SDL_VIDEODRIVER", "dummy", 1);
    ::setenv("SDL_RENDER_DRIVER", "software", 1);
    ::setenv("SDL_AUDIODRIVER", "disk", 1);
    // The sound card's clock at about 20 times real time (1 ms for each 21 ms buffer): a
    // session takes seconds, and however busy the machine, no step passes between two looks.
    ::setenv("SDL_DISKAUDIODELAY", "1", 1);
    // Nothing reads the sound back, and a clock running flat out would write gigabytes.
    ::setenv("SDL_DISKAUDIOFILE", "/dev/null", 1);
    REQUIRE(SDL_Init(0) == 0);
    // The safety check was passed an hour ago; its own test below starts without this.
    fs::create_directories(dir / "data");
    auto store = storage::SessionStore::open(dir / "data" / "unknot.db");
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    store.set_setting("safety_screen",
                      "passed " + storage::to_iso8601(now - std::chrono::hours(1)));
    // Someone who has been through the welcome and answered the profile ("none of these").
    store.save_onboarded_at(now - std::chrono::hours(1));
    store.save_health_profile(core::HealthProfile{});
  }
  ~Environment() {
    SDL_Quit();
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  shell::ShellOptions options(std::string routine = "") const {
    shell::ShellOptions o;
    o.data_dir = dir / "data";
    o.assets_dir = fs::path(UNKNOT_TEST_DATA_DIR) / "e2e_assets";
    o.routine = std::move(routine);
    o.width = 390;
    o.height = 844;
    o.hidden = true;
    o.theme = ui::ThemeKind::Dark;
    o.offer_checkin = false;  // the check-in has its own test below
    return o;
  }
};

inline void pump(shell::AppShell& shell) {
  SDL_Event e;
  while (SDL_PollEvent(&e) != 0) shell.handle_event(e);
  shell.iterate();
}

inline void click(shell::AppShell& shell, app::Rect r) {
  const app::Point c = r.center();
  SDL_Event e{};
  e.type = SDL_MOUSEBUTTONDOWN;
  e.button.button = SDL_BUTTON_LEFT;
  e.button.x = static_cast<int>(c.x);
  e.button.y = static_cast<int>(c.y);
  SDL_PushEvent(&e);
  e.type = SDL_MOUSEBUTTONUP;
  SDL_PushEvent(&e);
  pump(shell);
}

// Clicks wherever the screen draws `control` now (its target in the screen's frame).
inline void click(shell::AppShell& shell, app::Control control) {
  INFO("screen " << shell.model().screen.index() << " control " << static_cast<int>(control.kind));
  const auto r = app::target_rect(shell.model(), shell.window_size(), control);
  REQUIRE(r.has_value());
  click(shell, *r);
}

// Scrolls the control wholly into view first, as a person would, then clicks it.
inline void click_in_view(shell::AppShell& shell, app::Control control) {
  const app::ScreenFrame f = app::screen_frame(shell.model(), shell.window_size());
  for (const auto& t : f.targets) {
    if (t.control != control || !t.scrolls) continue;
    if (t.rect.bottom() > f.viewport.bottom())
      shell.dispatch(app::Scrolled{t.rect.bottom() - f.viewport.bottom() + 8});
    if (t.rect.y < f.viewport.y) shell.dispatch(app::Scrolled{t.rect.y - f.viewport.y - 8});
  }
  click(shell, control);
}

inline void key(shell::AppShell& shell, SDL_Keycode code, int mod = KMOD_NONE) {
  SDL_Event e{};
  e.type = SDL_KEYDOWN;
  e.key.keysym.sym = code;
  e.key.keysym.mod = static_cast<Uint16>(mod);
  SDL_PushEvent(&e);
  pump(shell);
}

// From Home into the first routine's session: Start, "None of these" on the safety check, pain
// 6 before, Continue.
inline void start_first_routine(shell::AppShell& shell) {
  click(shell, app::Control{app::ControlKind::RoutineCard, 0});
  click(shell, app::Control{app::ControlKind::Start, 0});
  click(shell, app::Control{app::ControlKind::Confirm, 0});  // "None of these"
  key(shell, SDLK_6);
  shell.dispatch(app::Activated{{app::ControlKind::Confirm, 0}});
}

// A wall clock the test moves by hand.
struct HandWallClock : core::WallClock {
  core::UnixSeconds at{};
  core::UnixSeconds now() const override { return at; }
};

// Types `text` as SDL_TEXTINPUT events (ASCII, under 32 bytes).
inline void type(shell::AppShell& shell, const std::string& text) {
  SDL_Event e{};
  e.type = SDL_TEXTINPUT;
  std::snprintf(e.text.text, sizeof e.text.text, "%s", text.c_str());
  SDL_PushEvent(&e);
  pump(shell);
}

// A monotonic clock the test moves by hand.
struct HandClock : core::MonotonicClock {
  core::Instant at{std::chrono::seconds(1000)};
  core::Instant now() const override { return at; }
};

inline void screenshot(shell::AppShell& shell, const char* name) {
  if (const char* dir = std::getenv("UNKNOT_SCREENSHOT_DIR")) {
    CHECK(shell.save_screenshot(fs::path(dir) / (std::string(name) + ".bmp")));
  }
}

template <class Screen>
inline bool run_until(shell::AppShell& shell, int max_iterations = 2'000'000) {
  for (int i = 0; i < max_iterations; ++i) {
    if (std::holds_alternative<Screen>(shell.model().screen)) return true;
    pump(shell);
  }
  return false;
}

}  // namespace unknot::e2e
