// Walks the real app through a session with the built-in routines and saves a screenshot of
// each screen, for the README. Dummy video, disk audio (runs faster than real time).
// Usage: unknot_screenshot_tour OUT_DIR light|dark
#include <SDL.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <tuple>

#include "app/layout.h"
#include "app/screens.h"
#include "app/trends_page.h"
#include "app/view.h"
#include "core/homework.h"
#include "core/routine_parser.h"
#include "shell/app_shell.h"
#include "storage/session_store.h"

namespace fs = std::filesystem;
using namespace unknot;

namespace {

void pump(shell::AppShell& shell) {
  SDL_Event e;
  while (SDL_PollEvent(&e) != 0) shell.handle_event(e);
  shell.iterate();
}

// The tour renders at scale 2: mouse positions are in window points, layouts in dp.
constexpr float kScale = 2;

void push_click(app::Rect r) {
  SDL_Event e{};
  e.type = SDL_MOUSEBUTTONDOWN;
  e.button.button = SDL_BUTTON_LEFT;
  e.button.x = static_cast<int>(r.center().x * kScale);
  e.button.y = static_cast<int>(r.center().y * kScale);
  SDL_PushEvent(&e);
  e.type = SDL_MOUSEBUTTONUP;
  SDL_PushEvent(&e);
}

// Clicks wherever the open screen draws `control` (its target in the screen's frame).
void push_click(const shell::AppShell& shell, app::Control control) {
  const auto r = app::target_rect(shell.model(), shell.window_size(), control);
  if (r) push_click(*r);
}

void push_key(SDL_Keycode code) {
  SDL_Event e{};
  e.type = SDL_KEYDOWN;
  e.key.keysym.sym = code;
  SDL_PushEvent(&e);
}

bool shoot(shell::AppShell& shell, const fs::path& dir, const std::string& name) {
  const bool ok = shell.save_screenshot(dir / (name + ".bmp"));
  if (!ok) std::cerr << "screenshot failed: " << name << ": " << SDL_GetError() << '\n';
  return ok;
}

// Eight weeks of practice before today, so Progress and History have something to show: pain
// easing from about 6 to about 3, most days practised, both sides of the neck and the jaw.
void seed_weeks(storage::SessionStore& store) {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const auto hours = [](int h) { return std::chrono::hours(h); };
  for (int day = 56; day >= 1; --day) {
    const auto morning = now - std::chrono::days(day) - hours(3);
    const int trend = 6 - (56 - day) / 19;  // 6 → 3 over the weeks
    const int wobble = (day * 7) % 3 - 1;   // -1, 0 or +1
    if (day % 9 != 4) {                     // a missed day now and then
      store.add_checkin(storage::CheckinKind::DailyPain, std::clamp(trend + wobble, 0, 10), morning,
                        60, "");
    }
    if (day % 6 == 2) continue;
    const bool jaw = day % 4 == 0;
    const auto id =
        store.begin_session({jaw ? "jaw_temple" : "neck_tension_headache", morning + hours(1),
                             std::clamp(trend + wobble + 1, 0, 10), jaw ? "Jaw" : "Neck"},
                            60);
    const std::string muscle = jaw ? "masseter" : "upper_trapezius";
    const std::string second = jaw ? "temporalis" : "levator_scapulae";
    int step = 0;
    for (const auto side : {core::Side::Left, core::Side::Right}) {
      store.record_step(
          id, {step++, muscle, side, std::chrono::seconds(45), std::chrono::seconds(45), false});
      store.record_step(
          id, {step++, second, side, std::chrono::seconds(40), std::chrono::seconds(40), false});
    }
    store.complete_session(id, morning + hours(1) + std::chrono::minutes(12));
    store.set_pain_after(id, std::clamp(trend + wobble - 1 - (day % 5 == 0), 0, 10));
    if (day == 3) store.set_session_note(id, "Easier to turn my head when driving");
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: unknot_screenshot_tour OUT_DIR light|dark\n";
    return 2;
  }
  const fs::path out = argv[1];
  const bool light = std::string(argv[2]) == "light";
  fs::create_directories(out);
  const fs::path data = fs::temp_directory_path() / ("unknot-tour-" + std::to_string(::getpid()));
  fs::create_directories(data);
  ::setenv("SDL_VIDEODRIVER", "dummy", 1);
  ::setenv("SDL_RENDER_DRIVER", "software", 1);
  ::setenv("SDL_AUDIODRIVER", "disk", 1);
  ::setenv("SDL_DISKAUDIODELAY", "0", 1);
  // Nothing reads the sound back, and a clock running flat out would write gigabytes.
  ::setenv("SDL_DISKAUDIOFILE", "/dev/null", 1);
  SDL_Init(0);
  {
    // A previous session, so Home shows "Last time".
    auto store = storage::SessionStore::open(data / "unknot.db");
    const auto id = store.begin_session(
        {"jaw_temple", core::UnixSeconds{std::chrono::seconds(1'790'000'000)}, 5, "Jaw"});
    store.complete_session(id, core::UnixSeconds{std::chrono::seconds(1'790'000'800)});
    store.set_pain_after(id, 3);
    seed_weeks(store);
  }
  int failures = 0;
  {
    shell::ShellOptions options;
    options.data_dir = data;
    options.assets_dir = fs::path(UNKNOT_SOURCE_DIR) / "assets";
    options.width = 390;
    options.height = 844;
    options.hidden = true;
    options.scale = kScale;  // crisp README images
    options.theme = light ? ui::ThemeKind::Light : ui::ThemeKind::Dark;
    options.offer_checkin = true;
    // A therapist's homework, opened with the app: the neck routine, Mon/Wed/Fri for 4 weeks.
    {
      std::ifstream in(fs::path(UNKNOT_SOURCE_DIR) / "assets" / "routines" /
                       "neck_tension_headache.json");
      const std::string text((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
      auto parsed = core::parse_routine(text, "neck", core::builtin_pattern_lookup());
      if (parsed.routine) {
        core::Homework hw;
        hw.id = "hw-tour";
        hw.routine = *parsed.routine;
        hw.routine.title = "Neck homework";
        const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
        const core::Day today = core::local_day(now, std::chrono::minutes{0});
        hw.prescription.times_per_day = 2;
        hw.prescription.start = today - std::chrono::days{2};
        hw.prescription.end = today + std::chrono::days{25};
        hw.prescription.therapist = "Sam Lee";
        hw.prescription.note = "Slowly, and breathe out as you lean in. See you Friday.";
        hw.prescription.psfs_activities = {"Turning my head to reverse the car", "Reading in bed"};
        std::ofstream(data / "neck.unknot") << core::homework_json(hw);
        options.open_file = data / "neck.unknot";
      }
    }
    shell::AppShell shell(options);
    const app::Size size = shell.window_size();
    const auto at = [&](app::Control c) {
      const auto r = app::target_rect(shell.model(), size, c);
      return r ? *r : app::Rect{};
    };
    pump(shell);
    // The app opens on today's check-in; answer it, then Home.
    push_key(SDLK_3);
    pump(shell);
    failures += !shoot(shell, out, "0-checkin");
    push_key(SDLK_RETURN);
    pump(shell);
    if (std::holds_alternative<app::CheckinScreen>(shell.model().screen)) {
      push_key(SDLK_2);  // the PGIC, due after two weeks of practice: "much improved"
      pump(shell);
      push_click(*app::target_rect(shell.model(), size, {app::ControlKind::PgicOption, 2}));
      pump(shell);
      failures += !shoot(shell, out, "0-pgic");
      push_key(SDLK_RETURN);
      pump(shell);
    }
    // The PSFS, due at the first check-in: the homework's activities, one at a time.
    for (int i = 0; i < 3 && std::holds_alternative<app::PsfsScreen>(shell.model().screen); ++i) {
      push_key(i == 0 ? SDLK_4 : SDLK_6);
      pump(shell);
      if (i == 0) failures += !shoot(shell, out, "0b-psfs");
      push_key(SDLK_RETURN);
      pump(shell);
    }
    failures += !shoot(shell, out, "1-home");

    const int neck = app::find_routine(shell.model(), "neck_tension_headache");
    // The neck routine's card is below the fold at this size: open it as a tap would.
    shell.dispatch(app::Activated{{app::ControlKind::RoutineCard, neck}});
    pump(shell);
    failures += !shoot(shell, out, "2-routine");
    // Scrolled to its end: every caution, in full, before Start.
    shell.dispatch(app::ScrolledToEnd{true});
    pump(shell);
    failures += !shoot(shell, out, "2c-routine-cautions");
    shell.dispatch(app::ScrolledToEnd{false});
    pump(shell);
    push_key(SDLK_RETURN);
    pump(shell);
    // The health profile comes before a first session; "none of these" is one Save.
    if (std::holds_alternative<app::ProfileScreen>(shell.model().screen)) {
      failures += !shoot(shell, out, "2a-profile");
      shell.dispatch(app::Activated{{app::ControlKind::Save, 0}});
      pump(shell);
    }
    // The first session asks the safety questions first.
    for (int i = 0; i < app::kRedFlagCount; ++i)
      shell.dispatch(app::Activated{{app::ControlKind::RedFlagNo, i}});
    pump(shell);
    failures += !shoot(shell, out, "2b-safety");
    shell.dispatch(app::Activated{{app::ControlKind::Confirm, 0}});
    pump(shell);
    push_key(SDLK_6);
    pump(shell);
    push_click(shell, app::Control{app::ControlKind::Region, 0});
    pump(shell);
    failures += !shoot(shell, out, "3-pain-before");
    push_click(shell, app::Control{app::ControlKind::Confirm, 0});
    pump(shell);
    for (int i = 0; i < 5'000'000; ++i) {
      pump(shell);
      const auto v = app::player_view(shell.model());
      if (v.heading == "Left upper trapezius" && v.caption == "Breathe out") break;
    }
    failures += !shoot(shell, out, "4-session");
    // "Ease off?" during the hold, then keep going.
    push_click(shell, {app::ControlKind::TooIntense, 0});
    pump(shell);
    failures += !shoot(shell, out, "4b-too-intense");
    shell.dispatch(app::Activated{{app::ControlKind::EndCancel, 0}});
    pump(shell);
    for (int i = 0; i < 5'000'000; ++i) {
      pump(shell);
      if (app::player_view(shell.model()).heading == "Right upper trapezius" &&
          !app::player_view(shell.model()).caption.empty())
        break;
    }
    failures += !shoot(shell, out, "5-switch-sides");
    push_click(shell, {app::ControlKind::End, 0});
    pump(shell);
    failures += !shoot(shell, out, "6-end-question");
    // Keep going, then skip the rest of the routine to its after-rating.
    shell.dispatch(app::Activated{{app::ControlKind::EndCancel, 0}});
    pump(shell);
    for (int i = 0; i < 200 && std::holds_alternative<app::PlayerScreen>(shell.model().screen);
         ++i) {
      shell.dispatch(app::Activated{{app::ControlKind::Skip, 0}});
      pump(shell);
    }
    if (!std::holds_alternative<app::RatingScreen>(shell.model().screen)) {
      std::cerr << "the routine did not end on its after-rating (screen "
                << shell.model().screen.index() << ")\n";
      ++failures;
    }
    shell.dispatch(app::PainTyped{3});
    pump(shell);
    failures += !shoot(shell, out, "7-pain-after");
    push_key(SDLK_ESCAPE);  // asks before leaving without the rating
    pump(shell);
    failures += !shoot(shell, out, "7b-skip-rating");
    push_key(SDLK_ESCAPE);  // back to the rating
    pump(shell);
    push_key(SDLK_RETURN);
    pump(shell);
    failures += !shoot(shell, out, "8-summary");

    // The breathing coach and sound settings.
    push_click(shell, app::Control{app::ControlKind::Done, 0});
    pump(shell);
    push_click(at({app::ControlKind::JustBreathe, 0}));
    pump(shell);
    failures += !shoot(shell, out, "9-breathe-list");
    const auto row = [&](std::string_view id) {
      const auto list = app::all_patterns(shell.model());
      for (std::size_t i = 0; i < list.size(); ++i) {
        if (list[i]->id == id) return static_cast<int>(i);
      }
      return 0;
    };
    push_click(at({app::ControlKind::PatternRow, row("relax_478")}));
    pump(shell);
    failures += !shoot(shell, out, "10-pattern");
    push_key(SDLK_ESCAPE);
    pump(shell);
    push_key(SDLK_ESCAPE);
    pump(shell);
    push_click(at({app::ControlKind::Sound, 0}));
    pump(shell);
    push_click(at({app::ControlKind::Ambient, 2}));
    pump(shell);
    failures += !shoot(shell, out, "11-sound");
    push_key(SDLK_ESCAPE);
    pump(shell);
    push_click(at({app::ControlKind::JustBreathe, 0}));
    pump(shell);
    push_click(at({app::ControlKind::PatternRow, row("resonance_6")}));
    pump(shell);
    push_key(SDLK_RETURN);  // Start has focus
    pump(shell);
    for (int i = 0; i < 5'000'000; ++i) {
      pump(shell);
      if (app::player_view(shell.model()).caption.rfind("Gently", 0) == 0) break;
    }
    failures += !shoot(shell, out, "12-breathing");
    push_click(shell, {app::ControlKind::Dizzy, 0});
    pump(shell);
    failures += !shoot(shell, out, "13-dizzy");

    // Progress and History.
    push_click(shell, {app::ControlKind::StopSession, 0});  // stop the breathing session
    pump(shell);
    push_click(shell, app::Control{app::ControlKind::Done, 0});  // back to the breathing list
    pump(shell);
    push_key(SDLK_ESCAPE);  // and Home
    pump(shell);
    push_click(at({app::ControlKind::TabProgress, 0}));
    pump(shell);
    failures += !shoot(shell, out, "14-progress");
    const auto trends = [&] {
      return app::trends_layout(
          shell.model(), std::get<app::TrendsScreen>(shell.model().screen),
          app::Env{size, app::measure_of(shell.model()), shell.model().scroll.offset});
    };
    // Layout rectangles are already moved by the scroll: a card's distance below the viewport's
    // top is how far to scroll to bring it there.
    const auto scroll_by = [&](float dy) {
      shell.dispatch(app::Scrolled{dy});
      pump(shell);
    };
    scroll_by(trends().pain.card.y - trends().list.y);
    failures += !shoot(shell, out, "15-progress-chart");
    scroll_by(trends().sessions.card.y - trends().list.y);
    failures += !shoot(shell, out, "16-progress-sessions");
    scroll_by(1e6f);
    failures += !shoot(shell, out, "17-progress-dose");
    push_click(at({app::ControlKind::TabHistory, 0}));
    pump(shell);
    failures += !shoot(shell, out, "18-history");
    push_click(at({app::ControlKind::HistoryRow, 3}));
    pump(shell);
    failures += !shoot(shell, out, "19-entry");

    // Where does it hurt? The temple, two muscles picked, one's details, the built routine.
    push_key(SDLK_ESCAPE);  // back to the list
    pump(shell);
    shell.dispatch(app::Activated{{app::ControlKind::TabHome, 0}});
    pump(shell);
    shell.dispatch(app::Activated{{app::ControlKind::WhereItHurts, 0}});
    pump(shell);
    if (shell.model().body_map) {
      const auto& zones = shell.model().body_map->zones;
      for (std::size_t i = 0; i < zones.size(); ++i) {
        if (zones[i].id == "temple_right")
          shell.dispatch(app::Activated{{app::ControlKind::BodyZone, static_cast<int>(i)}});
      }
    }
    pump(shell);
    shell.dispatch(app::Activated{{app::ControlKind::MuscleToggle, 0}});
    shell.dispatch(app::Activated{{app::ControlKind::MuscleToggle, 2}});
    pump(shell);
    failures += !shoot(shell, out, "20-body-map");
    shell.dispatch(app::Activated{{app::ControlKind::MuscleInfo, 0}});
    pump(shell);
    failures += !shoot(shell, out, "21-muscle");
    push_key(SDLK_ESCAPE);
    pump(shell);
    shell.dispatch(app::Activated{{app::ControlKind::BuildRoutine, 0}});
    pump(shell);
    failures += !shoot(shell, out, "22-built-routine");

    // Settings, and the therapist's homework builder with two muscles.
    // Back to the body map (its picks kept), back to Home, then Settings.
    for (int i = 0; i < 3 && !std::holds_alternative<app::HomeScreen>(shell.model().screen); ++i) {
      shell.dispatch(app::BackPressed{});
      pump(shell);
    }
    shell.dispatch(app::Activated{{app::ControlKind::Settings, 0}});
    shell.dispatch(app::Activated{{app::ControlKind::TherapistMode, 0}});
    pump(shell);
    failures += !shoot(shell, out, "23-settings");
    // The comfort settings (theme, text size, reduce motion, high contrast), further down.
    shell.dispatch(app::Scrolled{420});
    pump(shell);
    failures += !shoot(shell, out, "23b-display-settings");
    shell.dispatch(app::ScrolledToEnd{false});
    pump(shell);
    // The welcome and "Pressing safely", read again from Settings.
    shell.dispatch(app::Activated{{app::ControlKind::Welcome, 0}});
    pump(shell);
    failures += !shoot(shell, out, "23c-welcome");
    shell.dispatch(app::Activated{{app::ControlKind::Confirm, 0}});
    pump(shell);
    failures += !shoot(shell, out, "23d-pressing-safely");
    shell.dispatch(app::Activated{{app::ControlKind::Confirm, 0}});  // Done: back to Settings
    pump(shell);
    shell.dispatch(app::Activated{{app::ControlKind::BuildHomework, 0}});
    pump(shell);
    for (const int pick : {0, 2}) {
      shell.dispatch(app::Activated{{app::ControlKind::AddMuscle, 0}});
      pump(shell);
      shell.dispatch(app::Activated{{app::ControlKind::MusclePick, pick}});
      pump(shell);
    }
    failures += !shoot(shell, out, "24-builder");
    shell.dispatch(app::Activated{{app::ControlKind::TabHome, 0}});
    pump(shell);
  }
  // A small phone and a desktop window: Home, the routine at its cautions, and a session.
  for (const auto& [w, h, tag] :
       {std::tuple{360, 640, "phone"}, std::tuple{1280, 800, "desktop"}}) {
    shell::ShellOptions options;
    options.data_dir = data;
    options.assets_dir = fs::path(UNKNOT_SOURCE_DIR) / "assets";
    options.width = w;
    options.height = h;
    options.hidden = true;
    options.scale = 1;
    options.theme = light ? ui::ThemeKind::Light : ui::ThemeKind::Dark;
    shell::AppShell shell(options);
    pump(shell);
    const std::string prefix = std::string(tag) + "-";
    failures += !shoot(shell, out, prefix + "1-home");
    const int neck = app::find_routine(shell.model(), "neck_tension_headache");
    shell.dispatch(app::Activated{{app::ControlKind::RoutineCard, neck}});
    pump(shell);
    failures += !shoot(shell, out, prefix + "2-routine");
    shell.dispatch(app::ScrolledToEnd{true});
    pump(shell);
    failures += !shoot(shell, out, prefix + "2c-routine-cautions");
    shell.dispatch(app::Activated{{app::ControlKind::Start, 0}});
    pump(shell);
    push_key(SDLK_5);
    pump(shell);
    shell.dispatch(app::Activated{{app::ControlKind::Confirm, 0}});
    pump(shell);
    for (int i = 0; i < 3 && std::holds_alternative<app::PlayerScreen>(shell.model().screen); ++i) {
      shell.dispatch(app::Activated{{app::ControlKind::Skip, 0}});
      pump(shell);
    }
    for (int i = 0; i < 200'000; ++i) {
      pump(shell);
      if (!app::player_view(shell.model()).counting_down) break;
    }
    failures += !shoot(shell, out, prefix + "4-session");
    // Ended, so the next window opens on Home rather than offering to continue it.
    shell.dispatch(app::Activated{{app::ControlKind::End, 0}});
    shell.dispatch(app::Activated{{app::ControlKind::EndConfirm, 0}});
    pump(shell);
  }
  SDL_Quit();
  fs::remove_all(data);
  return failures == 0 ? 0 : 1;
}
