// Drives the real app loop (AppShell) with synthesized SDL events under the dummy video driver
// and the disk audio driver (SDL_DISKAUDIODELAY=1 runs the audio clock about 20 times real time),
// from Home through a whole short session, and checks what was stored.
#include <SDL.h>
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "app/bodymap_layout.h"
#include "app/care_layout.h"
#include "app/layout.h"
#include "app/prompt_pages.h"
#include "app/screens.h"
#include "app/view.h"
#include "core/checkin_schedule.h"
#include "core/homework.h"
#include "core/routine_parser.h"
#include "e2e/e2e_support.h"
#include "shell/app_shell.h"
#include "storage/backups.h"
#include "storage/db_files.h"
#include "storage/session_store.h"
#include "storage/temp_dir.h"

namespace unknot {
namespace {
using namespace e2e;
}  // namespace

TEST_CASE(
    "a client goes from Home through pain before, a whole session and pain after, and it is "
    "stored") {
  Environment env;
  std::int64_t session_id = 0;
  {
    shell::AppShell shell(env.options());
    REQUIRE(shell.model().catalog.size() == 1);
    REQUIRE(std::holds_alternative<app::HomeScreen>(shell.model().screen));
    screenshot(shell, "home");

    click(shell, app::Control{app::ControlKind::RoutineCard, 0});
    REQUIRE(std::holds_alternative<app::RoutineScreen>(shell.model().screen));
    screenshot(shell, "routine");
    click(shell, app::Control{app::ControlKind::Start, 0});
    // The one-tap check before every session.
    REQUIRE(std::holds_alternative<app::SafetyScreen>(shell.model().screen));
    CHECK(std::get<app::SafetyScreen>(shell.model().screen).brief);
    screenshot(shell, "safety-brief");
    click(shell, app::Control{app::ControlKind::Confirm, 0});  // "None of these"
    REQUIRE(std::holds_alternative<app::RatingScreen>(shell.model().screen));

    key(shell, SDLK_6);  // digits set the rating directly
    click(shell, app::Control{app::ControlKind::Region, 0});
    screenshot(shell, "pain-before");
    key(shell, SDLK_TAB);
    key(shell, SDLK_TAB);  // focus wraps back round to Continue
    click(shell, app::Control{app::ControlKind::Confirm, 0});
    REQUIRE(std::holds_alternative<app::PlayerScreen>(shell.model().screen));
    REQUIRE(shell.model().session.has_value());
    session_id = shell.model().session->session_id;
    CHECK(session_id > 0);

    // Run into the first pressure step, look, then play the rest through.
    for (int i = 0; i < 2'000'000; ++i) {
      pump(shell);
      const auto v = app::player_view(shell.model());
      if (v.heading == "Left upper trapezius" && !v.caption.empty()) break;
    }
    screenshot(shell, "session");
    REQUIRE(run_until<app::RatingScreen>(shell));
    CHECK(std::get<app::RatingScreen>(shell.model().screen).moment == app::RatingMoment::After);
    CHECK(shell.frames_drawn() > 10);

    click(shell, app::Control{app::ControlKind::PainValue, 2});
    screenshot(shell, "pain-after");
    key(shell, SDLK_RETURN);  // Save has focus
    REQUIRE(std::holds_alternative<app::SummaryScreen>(shell.model().screen));
    screenshot(shell, "summary");
    CHECK(app::summary_view(shell.model()).before_after == "6 → 2");
    click(shell, app::Control{app::ControlKind::Done, 0});
    CHECK(std::holds_alternative<app::HomeScreen>(shell.model().screen));
    CHECK(app::last_result_text(shell.model().catalog[0]) == "Last time: pain 6 → 2");
  }

  auto store = storage::SessionStore::open(env.dir / "data" / "unknot.db");
  const auto row = store.session(session_id);
  REQUIRE(row.has_value());
  CHECK(row->status == storage::SessionStatus::Completed);
  CHECK(row->routine_id == "e2e_short");
  CHECK(row->pain_before == 6);
  CHECK(row->pain_after == 2);
  CHECK(row->region == "Neck");
  CHECK(row->ended_at.has_value());
  CHECK(row->utc_offset_min.has_value());  // so its local day survives travel and DST
  const auto steps = store.steps(session_id);
  REQUIRE(steps.size() == 4);
  CHECK(steps[1].muscle == "upper_trapezius");
  CHECK(steps[1].side == core::Side::Left);
  CHECK(steps[2].side == core::Side::Right);
  for (const auto& s : steps) CHECK_FALSE(s.skipped);
  CHECK((fs::status(env.dir / "data" / "unknot.db").permissions() & fs::perms::others_read) ==
        fs::perms::none);
  // The completed session made the day's backup, which holds it.
  const auto backups = storage::list_backups(env.dir / "data");
  REQUIRE(backups.size() == 1);
  CHECK(backups[0].sessions == 1);
}

TEST_CASE(
    "session frames that only move the pacer keep the screen's look, and a pause changes it") {
  // The web's accessible layer lays the screen out again only when its look changed.
  Environment env;
  shell::AppShell shell(env.options());
  start_first_routine(shell);
  REQUIRE(std::holds_alternative<app::PlayerScreen>(shell.model().screen));
  for (int i = 0; i < 2'000'000 && app::player_view(shell.model()).counting_down; ++i) pump(shell);
  const std::string step = app::player_view(shell.model()).step_label;
  const std::uint64_t look = shell.look_generation();
  const std::uint64_t drawn = shell.frames_drawn();
  for (int i = 0; i < 2'000'000 && shell.frames_drawn() < drawn + 20; ++i) pump(shell);
  REQUIRE(shell.frames_drawn() >= drawn + 20);
  REQUIRE(app::player_view(shell.model()).step_label == step);  // still the same step
  CHECK(shell.look_generation() == look);
  click(shell, app::Control{app::ControlKind::Pause, 0});
  REQUIRE(shell.model().session->run.paused());
  CHECK(shell.look_generation() != look);
}

TEST_CASE("minimising the window mid-session pauses it, and it waits for the person to play") {
  Environment env;
  shell::AppShell shell(env.options());
  start_first_routine(shell);
  REQUIRE(shell.model().session.has_value());
  for (int i = 0; i < 50; ++i) pump(shell);
  CHECK_FALSE(shell.model().session->run.paused());
  SDL_Event e{};
  e.type = SDL_WINDOWEVENT;
  e.window.event = SDL_WINDOWEVENT_MINIMIZED;
  SDL_PushEvent(&e);
  pump(shell);
  REQUIRE(shell.model().session->run.paused());
  e.window.event = SDL_WINDOWEVENT_RESTORED;
  SDL_PushEvent(&e);
  for (int i = 0; i < 50; ++i) pump(shell);
  CHECK(shell.model().session->run.paused());  // back in sight, still paused
  key(shell, SDLK_SPACE);                      // the person plays on
  CHECK_FALSE(shell.model().session->run.paused());
}

TEST_CASE("the system's 'about to go to the background' pauses the session before it is polled") {
  Environment env;
  // The sound card's clock at its own pace (not flat out), so the session is still playing
  // when the event comes, however busy the machine.
  ::setenv("SDL_DISKAUDIODELAY", "1000", 1);
  shell::AppShell shell(env.options());
  start_first_routine(shell);
  REQUIRE(shell.model().session.has_value());
  for (int i = 0; i < 20; ++i) pump(shell);
  REQUIRE_FALSE(shell.model().session->run.paused());
  // A phone may suspend the process right after this event: the pause happens as it is sent,
  // not when the loop gets round to it.
  SDL_Event e{};
  e.type = SDL_APP_WILLENTERBACKGROUND;
  SDL_PushEvent(&e);
  CHECK(shell.model().session->run.paused());
  e.type = SDL_APP_DIDENTERFOREGROUND;
  SDL_PushEvent(&e);
  for (int i = 0; i < 20; ++i) pump(shell);
  CHECK(shell.model().session->run.paused());  // back, and waiting for the person
}

TEST_CASE("a session killed midway is offered on the next start and can be resumed to the end") {
  Environment env;
  std::int64_t session_id = 0;
  {
    shell::AppShell shell(env.options("e2e_short"));
    REQUIRE(std::holds_alternative<app::RoutineScreen>(shell.model().screen));
    key(shell, SDLK_RETURN);  // Start has focus
    key(shell, SDLK_RETURN);  // "None of these" has focus
    key(shell, SDLK_4);
    key(shell, SDLK_RETURN);  // Continue has focus
    REQUIRE(std::holds_alternative<app::PlayerScreen>(shell.model().screen));
    session_id = shell.model().session->session_id;
    for (int i = 0; i < 2'000'000 && shell.model().session->step_offset + 0 == 0; ++i) {
      pump(shell);
      if (app::player_view(shell.model()).heading == "Right upper trapezius") break;
    }
    // Leaving the scope without ending the session stands in for a crash or a kill.
  }
  shell::AppShell shell(env.options());
  REQUIRE(std::holds_alternative<app::ResumeScreen>(shell.model().screen));
  const auto& resume = std::get<app::ResumeScreen>(shell.model().screen);
  CHECK(resume.found.session_id == session_id);
  CHECK(resume.found.resume_step == 2);
  screenshot(shell, "resume");
  key(shell, SDLK_RETURN);
  REQUIRE(run_until<app::RatingScreen>(shell));
  key(shell, SDLK_ESCAPE);  // skip the rating afterwards: it asks first
  REQUIRE(std::holds_alternative<app::RatingScreen>(shell.model().screen));
  CHECK(std::get<app::RatingScreen>(shell.model().screen).confirming_skip);
  click(shell, app::Control{app::ControlKind::Skip, 1});  // "Leave"
  REQUIRE(std::holds_alternative<app::SummaryScreen>(shell.model().screen));

  auto store = storage::SessionStore::open(env.dir / "data" / "unknot.db");
  CHECK(store.session(session_id)->status == storage::SessionStatus::Completed);
  CHECK(store.steps(session_id).size() == 4);
}

TEST_CASE("a person makes their own pattern, breathes it for three breaths, and it is stored") {
  Environment env;
  std::int64_t session_id = 0;
  {
    shell::AppShell shell(env.options());
    click(shell, app::Control{app::ControlKind::JustBreathe, 0});
    REQUIRE(std::holds_alternative<app::BreatheListScreen>(shell.model().screen));
    const int presets = static_cast<int>(app::all_patterns(shell.model()).size());
    // "New pattern" sits below the presets: scroll the list to the end first.
    SDL_Event wheel{};
    wheel.type = SDL_MOUSEWHEEL;
    wheel.wheel.y = -100;
    SDL_PushEvent(&wheel);
    pump(shell);
    CHECK(shell.model().scroll.offset > 0);
    click(shell, app::Control{app::ControlKind::NewPattern, presets});
    REQUIRE(std::holds_alternative<app::EditorScreen>(shell.model().screen));
    for (int i = 0; i < 20; ++i) key(shell, SDLK_BACKSPACE);
    SDL_Event text{};
    text.type = SDL_TEXTINPUT;
    std::snprintf(text.text.text, sizeof text.text.text, "%s", "Evening");
    SDL_PushEvent(&text);
    pump(shell);
    CHECK(std::get<app::EditorScreen>(shell.model().screen).draft.name == "Evening");
    click_in_view(shell, {app::ControlKind::PhaseUp, 2});  // out-breath 6 -> 6.5 s
    click(shell, app::Control{app::ControlKind::Save, 0});
    REQUIRE(std::holds_alternative<app::PatternScreen>(shell.model().screen));
    const auto pattern_id = std::get<app::PatternScreen>(shell.model().screen).pattern_id;
    CHECK(pattern_id.rfind("custom_", 0) == 0);
    CHECK(app::find_pattern(shell.model(), pattern_id)->cycle() ==
          std::chrono::milliseconds(10'500));
    click_in_view(shell, {app::ControlKind::UnitBreaths, 0});
    while (std::get<app::PatternScreen>(shell.model().screen).length.value > 3)
      click_in_view(shell, {app::ControlKind::LengthDown, 0});
    click(shell, app::Control{app::ControlKind::Start, 0});
    REQUIRE(std::holds_alternative<app::PlayerScreen>(shell.model().screen));
    session_id = shell.model().session->session_id;
    REQUIRE(run_until<app::SummaryScreen>(shell));
    CHECK(app::summary_view(shell.model()).title == "Breathing complete");
  }
  auto store = storage::SessionStore::open(env.dir / "data" / "unknot.db");
  const auto row = store.session(session_id);
  REQUIRE(row.has_value());
  CHECK(row->status == storage::SessionStatus::Completed);
  CHECK(row->routine_id.rfind("breathe:custom_", 0) == 0);
  REQUIRE(store.custom_patterns().size() == 1);
  CHECK(store.custom_patterns()[0].draft.name == "Evening");
}

TEST_CASE(
    "copy and paste in a text field go through the system clipboard, and an idle caret stops "
    "blinking") {
  Environment env;
  auto clock = std::make_shared<HandClock>();
  shell::ShellOptions options = env.options();
  options.clock = clock;
  shell::AppShell shell(options);
  shell.dispatch(app::Activated{{app::ControlKind::JustBreathe, 0}});
  shell.dispatch(app::Activated{{app::ControlKind::NewPattern, 0}});
  pump(shell);
  REQUIRE(app::editing_text(shell.model()));
  const auto name = [&shell] {
    return std::get<app::EditorScreen>(shell.model().screen).name.text();
  };
  key(shell, SDLK_a, KMOD_LCTRL);
  key(shell, SDLK_c, KMOD_LCTRL);
  char* copied = SDL_GetClipboardText();
  CHECK(std::string(copied) == "My pattern");
  SDL_free(copied);
  REQUIRE(SDL_SetClipboardText("Calm ") == 0);
  key(shell, SDLK_HOME);
  key(shell, SDLK_v, KMOD_LCTRL);
  CHECK(name() == "Calm My pattern");
  key(shell, SDLK_x, KMOD_LCTRL);  // nothing selected: nothing cut, the clipboard keeps its text
  copied = SDL_GetClipboardText();
  CHECK(std::string(copied) == "Calm ");
  SDL_free(copied);
  // The caret blinks: the loop wakes for its next flip, and after a quiet while, not at all.
  const int wait = shell.wait_timeout_ms();
  CHECK(wait > 0);
  CHECK(wait <= std::chrono::duration_cast<std::chrono::milliseconds>(app::kCaretBlink).count());
  clock->at += app::kCaretBlinkFor;
  pump(shell);
  CHECK(shell.wait_timeout_ms() == -1);
}

TEST_CASE("sound settings chosen in the app are there after a restart") {
  Environment env;
  {
    shell::AppShell shell(env.options());
    click(shell, app::Control{app::ControlKind::Sound, 0});
    REQUIRE(std::holds_alternative<app::SoundScreen>(shell.model().screen));
    click_in_view(shell, {app::ControlKind::Mute, 0});
    click_in_view(shell, {app::ControlKind::Ambient, 1});
    click_in_view(shell, {app::ControlKind::PanSides, 0});
  }
  shell::AppShell shell(env.options());
  CHECK(shell.model().sound.voice_muted);
  CHECK(shell.model().sound.ambient == core::AmbientKind::BrownNoise);
  CHECK_FALSE(shell.model().sound.pan_sides);
}

TEST_CASE("a finger that drags the breathing list scrolls it and does not open a pattern") {
  Environment env;
  // The interface clock stands still: a fling may start, but nothing coasts while the test
  // looks, however slowly the machine pumps the events.
  auto options = env.options();
  options.clock = std::make_shared<HandClock>();
  shell::AppShell shell(options);
  const app::Size size = shell.window_size();
  click(shell, app::Control{app::ControlKind::JustBreathe, 0});
  REQUIRE(std::holds_alternative<app::BreatheListScreen>(shell.model().screen));
  const auto row = app::target_rect(shell.model(), size, {app::ControlKind::PatternRow, 3});
  REQUIRE(row.has_value());
  const app::Point start = row->center();
  SDL_Event e{};
  e.type = SDL_FINGERDOWN;
  e.tfinger.x = start.x / size.w;
  e.tfinger.y = start.y / size.h;
  SDL_PushEvent(&e);
  for (int i = 0; i < 10; ++i) {
    e.type = SDL_FINGERMOTION;
    e.tfinger.dy = -12.0f / size.h;
    e.tfinger.y += e.tfinger.dy;
    SDL_PushEvent(&e);
  }
  e.type = SDL_FINGERUP;
  SDL_PushEvent(&e);
  pump(shell);
  REQUIRE(std::holds_alternative<app::BreatheListScreen>(shell.model().screen));
  CHECK(shell.model().scroll.offset == doctest::Approx(120.0f).epsilon(0.02));

  // A tap (no travel) opens the row under it.
  e.type = SDL_FINGERDOWN;
  e.tfinger.dy = 0;
  SDL_PushEvent(&e);
  e.type = SDL_FINGERUP;
  SDL_PushEvent(&e);
  pump(shell);
  CHECK(std::holds_alternative<app::PatternScreen>(shell.model().screen));
}

TEST_CASE("the daily check-in is offered once a day on opening, saved, and not asked again") {
  Environment env;
  auto options = env.options();
  options.offer_checkin = true;
  {
    shell::AppShell shell(options);
    REQUIRE(std::holds_alternative<app::CheckinScreen>(shell.model().screen));
    CHECK_FALSE(std::get<app::CheckinScreen>(shell.model().screen).pgic_due);  // no practice yet
    key(shell, SDLK_4);
    key(shell, SDLK_RETURN);  // Save has focus
    // The first check-in goes on to the PSFS; Escape puts it off.
    REQUIRE(std::holds_alternative<app::PsfsScreen>(shell.model().screen));
    key(shell, SDLK_ESCAPE);
    CHECK(std::holds_alternative<app::HomeScreen>(shell.model().screen));
  }
  {
    shell::AppShell shell(options);  // the same day: straight to Home
    CHECK(std::holds_alternative<app::HomeScreen>(shell.model().screen));
  }
  auto store = storage::SessionStore::open(env.dir / "data" / "unknot.db");
  const auto rows =
      store.checkins(core::UnixSeconds{}, core::UnixSeconds{std::chrono::seconds(4'000'000'000)});
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].kind == storage::CheckinKind::DailyPain);
  CHECK(rows[0].value == 4);
}

TEST_CASE("after two weeks of practice the check-in also asks the global impression of change") {
  Environment env;
  {
    std::filesystem::create_directories(env.dir / "data");
    auto store = storage::SessionStore::open(env.dir / "data" / "unknot.db");
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const auto id = store.begin_session({"e2e_short", now - std::chrono::days(20), 6, ""});
    store.complete_session(id, now - std::chrono::days(20) + std::chrono::minutes(5));
  }
  auto options = env.options();
  options.offer_checkin = true;
  shell::AppShell shell(options);
  REQUIRE(std::holds_alternative<app::CheckinScreen>(shell.model().screen));
  key(shell, SDLK_3);
  key(shell, SDLK_RETURN);
  REQUIRE(std::holds_alternative<app::CheckinScreen>(shell.model().screen));
  CHECK(std::get<app::CheckinScreen>(shell.model().screen).pgic_step);
  screenshot(shell, "pgic");
  click(shell, app::Control{app::ControlKind::PgicOption, 2});  // much improved
  key(shell, SDLK_RETURN);
  REQUIRE(std::holds_alternative<app::PsfsScreen>(shell.model().screen));
  key(shell, SDLK_ESCAPE);
  CHECK(std::holds_alternative<app::HomeScreen>(shell.model().screen));
  auto store = storage::SessionStore::open(env.dir / "data" / "unknot.db");
  const auto rows =
      store.checkins(core::UnixSeconds{}, core::UnixSeconds{std::chrono::seconds(4'000'000'000)});
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].kind == storage::CheckinKind::Pgic);
  CHECK(rows[1].value == 2);
}

namespace {
// Three weeks of sessions and daily ratings, ending now.
void seed_progress(const fs::path& data_dir) {
  fs::create_directories(data_dir);
  auto store = storage::SessionStore::open(data_dir / "unknot.db");
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  for (int day = 20; day >= 1; --day) {
    const auto at = now - std::chrono::days(day);
    const auto id = store.begin_session({"e2e_short", at, 6 - day % 3, "Neck"}, 60);
    store.record_step(id, {0, "upper_trapezius", core::Side::Left, std::chrono::seconds(45),
                           std::chrono::seconds(45), false});
    store.record_step(id, {1, "upper_trapezius", core::Side::Right, std::chrono::seconds(45),
                           std::chrono::seconds(45), false});
    store.complete_session(id, at + std::chrono::minutes(2));
    store.set_pain_after(id, 3 - day % 2);
    store.add_checkin(storage::CheckinKind::DailyPain, 6 - (20 - day) / 5, at, 60, "");
  }
}
}  // namespace

TEST_CASE(
    "a person looks at their progress, shares the report, edits and deletes an entry with undo") {
  Environment env;
  seed_progress(env.dir / "data");
  auto options = env.options();
  options.open_shared_files = false;
  options.documents_dir = env.dir / "docs";
  fs::create_directories(options.documents_dir);
  shell::AppShell shell(options);

  click(shell, app::Control{app::ControlKind::TabProgress, 0});
  REQUIRE(std::holds_alternative<app::TrendsScreen>(shell.model().screen));
  REQUIRE(shell.model().progress.has_value());
  CHECK(shell.model().progress->input.sessions.size() == 20);
  CHECK(shell.model().progress->input.ratings.size() == 20);
  screenshot(shell, "progress");

  click(shell, app::Control{app::ControlKind::ShareReport, 0});
  REQUIRE(std::holds_alternative<app::ShareScreen>(shell.model().screen));
  CHECK(fs::is_empty(options.documents_dir));  // nothing written before Save report
  CHECK_FALSE(shell.taking_text());
  click(shell, app::Control{app::ControlKind::NameField, 0});
  // The name field has the focus: text input is on (and the browser's keyboard comes up).
  CHECK(shell.taking_text());
  type(shell, "Ana Ruiz");
  screenshot(shell, "share-report");
  click(shell, app::Control{app::ControlKind::Save, 0});
  CHECK_FALSE(shell.taking_text());
  std::vector<fs::path> reports;
  for (const auto& f : fs::directory_iterator(options.documents_dir)) reports.push_back(f.path());
  REQUIRE(reports.size() == 1);
  // The sheet names where it went, in full; Done goes back to Progress.
  REQUIRE(shell.model().saved_file.has_value());
  CHECK(shell.model().saved_file->path == reports[0].string());
  screenshot(shell, "report-saved");
  key(shell, SDLK_RETURN);
  CHECK_FALSE(shell.model().saved_file.has_value());
  REQUIRE(std::holds_alternative<app::TrendsScreen>(shell.model().screen));
  CHECK(reports[0].extension() == ".html");
  struct stat info {};
  REQUIRE(::stat(reports[0].c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);
  std::ifstream in(reports[0]);
  const std::string page((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(page.find("<svg") != std::string::npos);
  CHECK(page.find("Ana Ruiz") != std::string::npos);  // the name typed heads it

  click(shell, app::Control{app::ControlKind::TabHistory, 0});
  REQUIRE(std::holds_alternative<app::HistoryScreen>(shell.model().screen));
  REQUIRE(shell.model().history.entries.size() == 20);
  screenshot(shell, "history");
  const std::int64_t newest = shell.model().history.entries[0].id;
  CHECK(shell.model().history.entries[0].done == std::chrono::seconds(90));

  // Edit: pain after one lower, a note, saved.
  click(shell, app::Control{app::ControlKind::HistoryRow, 0});
  REQUIRE(std::holds_alternative<app::EntryScreen>(shell.model().screen));
  const int after = *std::get<app::EntryScreen>(shell.model().screen).after;
  click(shell, app::Control{app::ControlKind::RatingDown, 1});
  click(shell, app::Control{app::ControlKind::NoteField, 0});
  SDL_Event text{};
  text.type = SDL_TEXTINPUT;
  std::snprintf(text.text.text, sizeof text.text.text, "%s", "Easier after the walk");
  SDL_PushEvent(&text);
  pump(shell);
  screenshot(shell, "entry");
  click(shell, app::Control{app::ControlKind::Save, 0});
  REQUIRE(std::holds_alternative<app::HistoryScreen>(shell.model().screen));
  {
    auto store = storage::SessionStore::open(env.dir / "data" / "unknot.db");
    const auto row = store.session(newest);
    REQUIRE(row.has_value());
    CHECK(row->pain_after == after - 1);
    CHECK(row->note == "Easier after the walk");
  }

  // Delete, then undo: the entry is back with its steps.
  click(shell, app::Control{app::ControlKind::HistoryRow, 0});
  click(shell, app::Control{app::ControlKind::Delete, 0});
  click(shell, app::Control{app::ControlKind::Delete, 1});
  REQUIRE(std::holds_alternative<app::HistoryScreen>(shell.model().screen));
  CHECK(shell.model().history.entries.size() == 19);
  {
    auto store = storage::SessionStore::open(env.dir / "data" / "unknot.db");
    CHECK_FALSE(store.session(newest).has_value());
  }
  screenshot(shell, "history-undo");
  click(shell, app::Control{app::ControlKind::Undo, 0});
  pump(shell);
  CHECK(shell.model().history.entries.size() == 20);
  auto store = storage::SessionStore::open(env.dir / "data" / "unknot.db");
  const auto row = store.session(newest);
  REQUIRE(row.has_value());
  CHECK(row->note == "Easier after the walk");
  CHECK(store.steps(newest).size() == 2);
}

TEST_CASE("the safety check comes before a first session: a yes blocks it, all noes let it start") {
  Environment env;
  {
    auto store = storage::SessionStore::open(env.dir / "data" / "unknot.db");
    store.set_setting("safety_screen", "");  // never answered
  }
  {
    shell::AppShell shell(env.options());
    click(shell, app::Control{app::ControlKind::RoutineCard, 0});
    key(shell, SDLK_RETURN);  // Start
    REQUIRE(std::holds_alternative<app::SafetyScreen>(shell.model().screen));
    screenshot(shell, "safety");
    // "Is a calf swollen, red or warm?" yes; the rest no.
    for (int i = 0; i < app::kRedFlagCount; ++i) {
      click_in_view(shell,
                    {i == 1 ? app::ControlKind::RedFlagYes : app::ControlKind::RedFlagNo, i});
    }
    click(shell, app::Control{app::ControlKind::Confirm, 0});
    REQUIRE(std::holds_alternative<app::SafetyScreen>(shell.model().screen));
    CHECK(std::get<app::SafetyScreen>(shell.model().screen).blocked);
    CHECK_FALSE(shell.model().session.has_value());
    key(shell, SDLK_RETURN);  // Back to Home
    CHECK(std::holds_alternative<app::HomeScreen>(shell.model().screen));
  }
  {
    auto store = storage::SessionStore::open(env.dir / "data" / "unknot.db");
    const auto block = store.safety_block();
    REQUIRE(block.has_value());
    CHECK(block->ids == std::vector<std::string>{"calf"});
    CHECK(store.all_sessions().empty());
  }
  {
    // Restarted the same day: the advice again, not questions that could be answered "no".
    shell::AppShell shell(env.options());
    click(shell, app::Control{app::ControlKind::RoutineCard, 0});
    key(shell, SDLK_RETURN);  // Start
    REQUIRE(std::holds_alternative<app::SafetyScreen>(shell.model().screen));
    CHECK(std::get<app::SafetyScreen>(shell.model().screen).blocked);
  }
  {
    // The block was yesterday: move it back a day, as the calendar would.
    auto store = storage::SessionStore::open(env.dir / "data" / "unknot.db");
    core::SafetyBlock block = *store.safety_block();
    block.at -= std::chrono::days(1);
    store.save_safety_block(block);
  }
  // Next day, with every answer no, the session starts and the pass is remembered.
  shell::AppShell shell(env.options());
  click(shell, app::Control{app::ControlKind::RoutineCard, 0});
  key(shell, SDLK_RETURN);
  REQUIRE(std::holds_alternative<app::SafetyScreen>(shell.model().screen));
  for (int i = 0; i < app::kRedFlagCount; ++i) {
    shell.dispatch(app::Activated{{app::ControlKind::RedFlagNo, i}});
  }
  key(shell, SDLK_TAB);
  shell.dispatch(app::Activated{{app::ControlKind::Confirm, 0}});
  CHECK(std::holds_alternative<app::RatingScreen>(shell.model().screen));
  auto store = storage::SessionStore::open(env.dir / "data" / "unknot.db");
  CHECK(store.setting("safety_screen").value_or("").rfind("passed ", 0) == 0);
}

// Plays routine 0 from Home with the one-tap check and the ratings, to the summary and Home.
void play_routine(shell::AppShell& shell, SDL_Keycode before, SDL_Keycode after) {
  REQUIRE(std::holds_alternative<app::RatingScreen>(shell.model().screen));
  key(shell, before);
  shell.dispatch(app::Activated{{app::ControlKind::Confirm, 0}});
  REQUIRE(std::holds_alternative<app::PlayerScreen>(shell.model().screen));
  REQUIRE(run_until<app::RatingScreen>(shell));
  key(shell, after);
  key(shell, SDLK_RETURN);
  REQUIRE(std::holds_alternative<app::SummaryScreen>(shell.model().screen));
  key(shell, SDLK_RETURN);  // Done
  pump(shell);
}

TEST_CASE("a bruise reported the next day makes that muscle lighter, now and after a restart") {
  Environment env;
  auto wall = std::make_shared<HandWallClock>();
  wall->at = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  auto options = env.options();
  options.wall_clock = wall;
  {
    shell::AppShell shell(options);
    click(shell, app::Control{app::ControlKind::RoutineCard, 0});
    click(shell, app::Control{app::ControlKind::Start, 0});
    click(shell, app::Control{app::ControlKind::Confirm, 0});  // "None of these"
    play_routine(shell, SDLK_6, SDLK_3);
    REQUIRE(std::holds_alternative<app::HomeScreen>(shell.model().screen));
  }
  wall->at += std::chrono::hours(30);  // a later day, whatever the time zone
  {
    shell::AppShell shell(options);
    click(shell, app::Control{app::ControlKind::RoutineCard, 0});
    click(shell, app::Control{app::ControlKind::Start, 0});
    click(shell, app::Control{app::ControlKind::Confirm, 0});  // "None of these"
    // Before the rating: how did the muscles pressed last time feel?
    REQUIRE(std::holds_alternative<app::DoseScreen>(shell.model().screen));
    CHECK(std::get<app::DoseScreen>(shell.model().screen).muscles ==
          std::vector<std::string>{"upper_trapezius"});
    screenshot(shell, "dose-question");
    click(shell, app::Control{app::ControlKind::DoseBruised, 0});
    click(shell, app::Control{app::ControlKind::Confirm, 0});
    REQUIRE(std::holds_alternative<app::DoseScreen>(shell.model().screen));
    CHECK(std::get<app::DoseScreen>(shell.model().screen).showing_changes);
    screenshot(shell, "dose-changes");
    click(shell, app::Control{app::ControlKind::Confirm, 0});
    // The session played now holds the trapezius at 3/10, not the routine's 5/10.
    REQUIRE(std::holds_alternative<app::RatingScreen>(shell.model().screen));
    key(shell, SDLK_5);
    shell.dispatch(app::Activated{{app::ControlKind::Confirm, 0}});
    REQUIRE(std::holds_alternative<app::PlayerScreen>(shell.model().screen));
    std::string pressure;
    for (int i = 0; i < 2'000'000 && pressure.empty(); ++i) {
      pump(shell);
      pressure = app::player_view(shell.model()).pressure;
    }
    CHECK(pressure.find("3/10") != std::string::npos);
    CHECK(pressure.find("5/10") == std::string::npos);
  }
  // After a restart (the session left midway is closed) the lighter target stands, and nothing
  // is asked again that day.
  {
    shell::AppShell shell(options);
    REQUIRE(std::holds_alternative<app::ResumeScreen>(shell.model().screen));
    click(shell, app::Control{app::ControlKind::CloseSession, 0});
    REQUIRE(!shell.model().catalog.empty());
    for (const auto& step : shell.model().catalog[0].routine.steps) {
      if (step.muscle == "upper_trapezius") CHECK(step.pressure_target == 3);
    }
    click(shell, app::Control{app::ControlKind::RoutineCard, 0});
    click(shell, app::Control{app::ControlKind::Start, 0});
    click(shell, app::Control{app::ControlKind::Confirm, 0});  // "None of these"
    CHECK(std::holds_alternative<app::RatingScreen>(shell.model().screen));
  }
}

TEST_CASE("a client opens a homework file, plays today's prescribed session, and Home counts it") {
  Environment env;
  // The therapist's file: the short routine, every day for four weeks from today, twice a day.
  std::ifstream routine_file(fs::path(UNKNOT_TEST_DATA_DIR) / "e2e_assets" / "routines" /
                             "short.json");
  const std::string routine_text((std::istreambuf_iterator<char>(routine_file)),
                                 std::istreambuf_iterator<char>());
  auto parsed = core::parse_routine(routine_text, "short.json", core::builtin_pattern_lookup());
  REQUIRE(parsed.routine.has_value());
  core::Homework hw;
  hw.id = "hw-e2e";
  hw.routine = *parsed.routine;
  hw.prescription.times_per_day = 2;
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const core::Day today = core::local_day(now, std::chrono::minutes{0});
  hw.prescription.start = today - std::chrono::days{1};  // a day's margin for the time zone
  hw.prescription.end = today + std::chrono::days{27};
  hw.prescription.therapist = "Sam Lee";
  hw.prescription.note = "Slowly, and breathe out as you lean in.";
  const fs::path file = env.dir / "neck.unknot";
  std::ofstream(file) << core::homework_json(hw);

  auto options = env.options();
  options.open_file = file;
  options.open_shared_files = false;
  options.documents_dir = env.dir / "docs";
  fs::create_directories(options.documents_dir);
  {
    shell::AppShell shell(options);
    pump(shell);
    REQUIRE(shell.model().homework.size() == 1);
    CHECK(shell.model().toast.find("Sam Lee") != std::string::npos);
    const app::HomeworkStatus& status = shell.model().homework[0];
    CHECK(status.prescribed_today == 2);
    CHECK(status.done_today == 0);
    CHECK(status.therapist == "Sam Lee");
    screenshot(shell, "home-homework");
    shell.dispatch(app::Activated{{app::ControlKind::HomeworkCard, 0}});
    pump(shell);
    REQUIRE(std::holds_alternative<app::RoutineScreen>(shell.model().screen));
    // "Calendar" writes the schedule for any calendar app.
    click(shell, app::Control{app::ControlKind::AddToCalendar, 0});
    std::ifstream ics(options.documents_dir / "Short test routine.ics");
    const std::string calendar((std::istreambuf_iterator<char>(ics)),
                               std::istreambuf_iterator<char>());
    CHECK(calendar.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
    CHECK(calendar.find("RRULE:FREQ=WEEKLY") != std::string::npos);
    REQUIRE(shell.model().saved_file.has_value());
    CHECK(shell.model().saved_file->path ==
          (options.documents_dir / "Short test routine.ics").string());
    key(shell, SDLK_ESCAPE);  // closes the sheet: the routine's page is there as it was
    REQUIRE(std::holds_alternative<app::RoutineScreen>(shell.model().screen));
    key(shell, SDLK_RETURN);  // Start
    key(shell, SDLK_RETURN);  // "None of these"
    REQUIRE(std::holds_alternative<app::RatingScreen>(shell.model().screen));
    key(shell, SDLK_5);
    shell.dispatch(app::Activated{{app::ControlKind::Confirm, 0}});
    REQUIRE(std::holds_alternative<app::PlayerScreen>(shell.model().screen));
    REQUIRE(run_until<app::RatingScreen>(shell));
    key(shell, SDLK_3);
    key(shell, SDLK_RETURN);
    REQUIRE(std::holds_alternative<app::SummaryScreen>(shell.model().screen));
    key(shell, SDLK_RETURN);  // Done
    pump(shell);
    REQUIRE(std::holds_alternative<app::HomeScreen>(shell.model().screen));
    REQUIRE(shell.model().homework.size() == 1);
    CHECK(shell.model().homework[0].done_today == 1);
    CHECK(shell.model().homework[0].done_week >= 1);
  }
  // Opening the same file again changes nothing.
  {
    shell::AppShell shell(options);
    pump(shell);
    CHECK(shell.model().toast.find("already") != std::string::npos);
    CHECK(shell.model().homework.size() == 1);
  }
  auto store = storage::SessionStore::open(env.dir / "data" / "unknot.db");
  CHECK(store.homework().size() == 1);
  const auto sessions = store.all_sessions();
  REQUIRE(sessions.size() == 1);
  CHECK(sessions[0].routine_id == "homework:hw-e2e");
  CHECK(sessions[0].status == storage::SessionStatus::Completed);
}

TEST_CASE("a damaged homework file shows its problems with line and field, and stores nothing") {
  Environment env;
  const fs::path file = env.dir / "bad.unknot";
  std::ofstream(file)
      << "{\n  \"format\": \"unknot-homework\",\n  \"format_version\": 1,\n  \"id\": \"\"\n}\n";
  auto options = env.options();
  options.open_file = file;
  shell::AppShell shell(options);
  pump(shell);
  REQUIRE(std::holds_alternative<app::ErrorScreen>(shell.model().screen));
  const std::string& message = std::get<app::ErrorScreen>(shell.model().screen).message;
  CHECK(message.find("bad.unknot:4:") != std::string::npos);
  CHECK(message.find("/id") != std::string::npos);
  auto store = storage::SessionStore::open(env.dir / "data" / "unknot.db");
  CHECK(store.homework().empty());
}

TEST_CASE("a routine named on the command line opens with Start focused: Enter begins") {
  Environment env;
  shell::AppShell shell(env.options("e2e_short"));
  REQUIRE(std::holds_alternative<app::RoutineScreen>(shell.model().screen));
  key(shell, SDLK_RETURN);
  REQUIRE(std::holds_alternative<app::SafetyScreen>(shell.model().screen));
  key(shell, SDLK_RETURN);  // "None of these"
  CHECK(std::holds_alternative<app::RatingScreen>(shell.model().screen));
}

TEST_CASE("a new person meets the welcome first, and the tour is not shown again") {
  Environment env;
  {
    auto store = storage::SessionStore::open(env.dir / "data" / "unknot.db");
    store.set_setting("onboarded_at", "");
    store.set_setting("safety_screen", "");
  }
  {
    shell::AppShell shell(env.options());
    REQUIRE(std::holds_alternative<app::OnboardingScreen>(shell.model().screen));
    screenshot(shell, "welcome");
    key(shell, SDLK_RETURN);  // Get started
    REQUIRE(std::holds_alternative<app::OnboardingScreen>(shell.model().screen));
    screenshot(shell, "pressing-safely");
    key(shell, SDLK_RETURN);  // Next: the health profile
    REQUIRE(std::holds_alternative<app::ProfileScreen>(shell.model().screen));
    click(shell, app::Control{app::ControlKind::Save, 0});
    REQUIRE(std::holds_alternative<app::OnboardingScreen>(shell.model().screen));
    click(shell, app::Control{app::ControlKind::PainValue, 5});
    click(shell, app::Control{app::ControlKind::Confirm, 0});
    CHECK(std::holds_alternative<app::HomeScreen>(shell.model().screen));
  }
  auto store = storage::SessionStore::open(env.dir / "data" / "unknot.db");
  CHECK(store.onboarded_at().has_value());
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const auto checkins = store.checkins(now - std::chrono::hours(1), now + std::chrono::hours(1));
  REQUIRE(checkins.size() == 1);
  CHECK(checkins[0].value == 5);
  shell::AppShell again(env.options());
  CHECK(std::holds_alternative<app::HomeScreen>(again.model().screen));
}

TEST_CASE("a browser start draws a new person's welcome first, then reads the routines") {
  Environment env;
  {
    auto store = storage::SessionStore::open(env.dir / "data" / "unknot.db");
    store.set_setting("onboarded_at", "");
  }
  shell::ShellOptions options = env.options();
  options.content_after_first_frame = true;
  SUBCASE("in the turn after the first frame") {
    shell::AppShell shell(options);
    REQUIRE(std::holds_alternative<app::OnboardingScreen>(shell.model().screen));
    CHECK(shell.model().catalog.empty());
    shell.iterate();
    REQUIRE(shell.frames_drawn() == 1);
    CHECK(shell.model().catalog.empty());  // not in the turn that drew the welcome
    shell.iterate();
    CHECK(shell.model().catalog.size() == 1);  // e2e_assets holds one routine
    CHECK(std::holds_alternative<app::OnboardingScreen>(shell.model().screen));
  }
  SUBCASE("or before the person's first key is handled, if that comes sooner") {
    shell::AppShell shell(options);
    REQUIRE(shell.model().catalog.empty());
    SDL_Event e{};
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = SDLK_RETURN;  // Get started
    shell.handle_event(e);
    CHECK(shell.frames_drawn() == 0);
    CHECK(shell.model().catalog.size() == 1);
    CHECK(std::holds_alternative<app::OnboardingScreen>(shell.model().screen));
  }
}

TEST_CASE("a browser start reads the routines at once for someone who has seen the welcome") {
  Environment env;
  shell::ShellOptions options = env.options();
  options.content_after_first_frame = true;
  shell::AppShell shell(options);
  REQUIRE(std::holds_alternative<app::HomeScreen>(shell.model().screen));
  CHECK(shell.model().catalog.size() == 1);
}

TEST_CASE("a bad routine file on the command line shows its problems with file, line and field") {
  Environment env;
  const fs::path bad = env.dir / "bad.json";
  std::ofstream(bad) << "{\n  \"format_version\": 1,\n  \"id\": \"x\",\n  \"title\": 5\n}\n";
  shell::AppShell shell(env.options(bad.string()));
  REQUIRE(std::holds_alternative<app::ErrorScreen>(shell.model().screen));
  const auto& error = std::get<app::ErrorScreen>(shell.model().screen);
  CHECK(error.message.find("bad.json:4:") != std::string::npos);
  CHECK(error.message.find("/title") != std::string::npos);
  screenshot(shell, "error");
  key(shell, SDLK_RETURN);
  CHECK(std::holds_alternative<app::HomeScreen>(shell.model().screen));
}

TEST_CASE("a .unknot file that is not even JSON is explained as a homework file") {
  Environment env;
  const fs::path file = env.dir / "broken.unknot";
  std::ofstream(file) << "{\n  \"format\": \"unknot-homework\",\n";
  auto options = env.options();
  options.open_file = file;
  shell::AppShell shell(options);
  pump(shell);
  REQUIRE(std::holds_alternative<app::ErrorScreen>(shell.model().screen));
  const auto& error = std::get<app::ErrorScreen>(shell.model().screen);
  CHECK(error.title == "This homework file has problems");
  CHECK(error.message.find("broken.unknot:") != std::string::npos);
}

TEST_CASE("a FIFO opened with the app is refused at once, and a megabyte name is cut") {
  Environment env;
  const fs::path fifo = env.dir / "pipe.unknot";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  auto options = env.options();
  options.open_file = fifo;
  {
    // No writer ever opens the FIFO: an app that waited for one would hang here.
    shell::AppShell shell(options);
    pump(shell);
    REQUIRE(std::holds_alternative<app::ErrorScreen>(shell.model().screen));
    const auto& error = std::get<app::ErrorScreen>(shell.model().screen);
    CHECK(error.title == "This file could not be opened");
    CHECK(error.message.find("it is a pipe (FIFO), not a file") != std::string::npos);
  }
  const fs::path file = env.dir / "long.json";
  std::ofstream(file) << "{\"format_version\": 1, \"" << std::string(1000 * 1000, 'n') << "\": 1}";
  shell::AppShell shell(env.options(file.string()));
  REQUIRE(std::holds_alternative<app::ErrorScreen>(shell.model().screen));
  const auto& error = std::get<app::ErrorScreen>(shell.model().screen);
  CHECK(error.message.find("(1000000 characters)") != std::string::npos);
  CHECK(error.message.size() < 4000);
}

TEST_CASE("an unknown routine id on the command line says which ids exist") {
  Environment env;
  shell::AppShell shell(env.options("no_such_routine"));
  REQUIRE(std::holds_alternative<app::ErrorScreen>(shell.model().screen));
  CHECK(std::get<app::ErrorScreen>(shell.model().screen).message.find("e2e_short") !=
        std::string::npos);
}

}  // namespace unknot

namespace unknot {

TEST_CASE("the first check-in asks for PSFS activities, rates each and stores the sitting") {
  Environment env;
  auto options = env.options();
  options.offer_checkin = true;
  {
    shell::AppShell shell(options);
    REQUIRE(std::holds_alternative<app::CheckinScreen>(shell.model().screen));
    key(shell, SDLK_5);
    key(shell, SDLK_RETURN);
    REQUIRE(std::holds_alternative<app::PsfsScreen>(shell.model().screen));
    CHECK(std::get<app::PsfsScreen>(shell.model().screen).naming);
    screenshot(shell, "psfs-naming");
    // The first field has the focus: type a name, Enter to the next, another, then Continue.
    type(shell, "Reaching up");
    key(shell, SDLK_RETURN);
    type(shell, "Driving");
    click(shell, app::Control{app::ControlKind::Confirm, 0});
    REQUIRE(std::holds_alternative<app::PsfsScreen>(shell.model().screen));
    REQUIRE_FALSE(std::get<app::PsfsScreen>(shell.model().screen).naming);
    screenshot(shell, "psfs-rating");
    key(shell, SDLK_3);
    key(shell, SDLK_RETURN);
    key(shell, SDLK_7);
    key(shell, SDLK_RETURN);
    CHECK(std::holds_alternative<app::HomeScreen>(shell.model().screen));
  }
  auto store = storage::SessionStore::open(env.dir / "data" / "unknot.db");
  const auto rows = store.psfs_ratings();
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].activity == "Reaching up");
  CHECK(rows[0].value == 3);
  CHECK(rows[1].activity == "Driving");
  CHECK(rows[1].slot == 2);
  CHECK(rows[1].value == 7);
  CHECK(rows[0].recorded_at == rows[1].recorded_at);
  // The daily rating is filed on the day the check-in asked about.
  const auto checkins = store.checkins(core::UnixSeconds::min(), core::UnixSeconds::max());
  REQUIRE(checkins.size() == 1);
  REQUIRE(checkins[0].day.has_value());
  const auto target = core::checkin_target(checkins[0].recorded_at,
                                           std::chrono::minutes{checkins[0].utc_offset_min});
  CHECK(*checkins[0].day == target.day);
}

TEST_CASE("with a reminder time the check-in waits for it, then appears while the app is open") {
  Environment env;
  auto wall = std::make_shared<HandWallClock>();
  // 07:00 local time on 25 Nov 2026, in the machine's zone.
  const core::UnixSeconds midnight_utc{
      std::chrono::sys_days{std::chrono::year{2026} / std::chrono::November / 25}};
  const std::time_t probe = (midnight_utc + std::chrono::hours{7}).time_since_epoch().count();
  std::tm local{};
  localtime_r(&probe, &local);
  const std::chrono::minutes offset{local.tm_gmtoff / 60};
  wall->at = midnight_utc + std::chrono::hours{7} - offset;
  {
    fs::create_directories(env.dir / "data");
    auto store = storage::SessionStore::open(env.dir / "data" / "unknot.db");
    store.save_checkin_reminder_minute(7 * 60 + 30);
  }
  auto options = env.options();
  options.offer_checkin = true;
  options.wall_clock = wall;
  shell::AppShell shell(options);
  pump(shell);
  // The first frame is up; the sound is opened in the turn straight after it, without waiting.
  CHECK(shell.wait_timeout_ms() == 0);
  pump(shell);
  CHECK(std::holds_alternative<app::HomeScreen>(shell.model().screen));
  // Idle, it sleeps until the reminder time and no longer.
  const int wait = shell.wait_timeout_ms();
  CHECK(wait > 0);
  CHECK(wait <= 30 * 60 * 1000);
  wall->at += std::chrono::minutes{29};
  pump(shell);
  CHECK(std::holds_alternative<app::HomeScreen>(shell.model().screen));
  wall->at += std::chrono::minutes{1};
  pump(shell);
  REQUIRE(std::holds_alternative<app::CheckinScreen>(shell.model().screen));
  // 07:30: before noon, so it asks about yesterday.
  CHECK(std::get<app::CheckinScreen>(shell.model().screen).target.when ==
        core::CheckinWhen::Yesterday);
}

TEST_CASE("a second app on the same data folder refuses to start and leaves the first's session") {
  Environment env;
  shell::AppShell first(env.options("e2e_short"));
  key(first, SDLK_RETURN);  // Start
  key(first, SDLK_RETURN);  // "None of these"
  key(first, SDLK_4);
  key(first, SDLK_RETURN);  // Continue: the session is recording
  REQUIRE(first.model().session.has_value());
  const std::int64_t session_id = first.model().session->session_id;

  try {
    shell::AppShell second(env.options());
    FAIL("the second app opened");
  } catch (const shell::AlreadyOpen& error) {
    CHECK(std::string(error.what())
              .find("already open on the data folder " + (env.dir / "data").string()) !=
          std::string::npos);
  }
  const auto store = storage::SessionStore::open_read_only(env.dir / "data" / "unknot.db");
  CHECK(store.session(session_id)->status == storage::SessionStatus::InProgress);
  REQUIRE(first.model().session.has_value());
  pump(first);
  CHECK(first.model().session->session_id == session_id);
}

// A filled record with a backup of `backup_date` (unless empty), then damaged: its bytes.
std::string damaged_record(const fs::path& data, const std::string& backup_date) {
  const fs::path db = data / "unknot.db";
  fs::remove(db);
  storage::testing::make_filled_db(db);
  if (!backup_date.empty()) {
    auto store = storage::SessionStore::open(db);
    REQUIRE(storage::backup_daily(store, data, backup_date).has_value());
  }
  storage::testing::damage_middle(db);
  return storage::testing::read_bytes(db);
}

TEST_CASE("a damaged database is never written: the app says so and keeps every byte") {
  Environment env;
  const fs::path db = env.dir / "data" / "unknot.db";
  const std::string before = damaged_record(env.dir / "data", "2026-12-02");
  {
    shell::AppShell shell(env.options());
    REQUIRE(std::holds_alternative<app::DamagedScreen>(shell.model().screen));
    const auto& damaged = std::get<app::DamagedScreen>(shell.model().screen);
    CHECK(damaged.problem.find(db.string()) != std::string::npos);
    CHECK(damaged.database == db.string());
    REQUIRE(shell.model().backups.entries.size() == 1);
    CHECK(shell.model().backups.entries[0].sessions == 2000);
    // The question stays until it is answered; closing the app answers nothing.
    key(shell, SDLK_ESCAPE);
    CHECK(std::holds_alternative<app::DamagedScreen>(shell.model().screen));
  }
  CHECK(storage::testing::read_bytes(db) == before);
}

TEST_CASE("a person restores a damaged record from its backup in the app and sees their sessions") {
  Environment env;
  const fs::path db = env.dir / "data" / "unknot.db";
  const std::string before = damaged_record(env.dir / "data", "2026-12-02");
  shell::AppShell shell(env.options());
  REQUIRE(std::holds_alternative<app::DamagedScreen>(shell.model().screen));
  CHECK(app::focused_control(shell.model()) == app::Control{app::ControlKind::RestoreChosen, 0});
  key(shell, SDLK_RETURN);  // "Restore backup of 2 Dec 2026"
  REQUIRE(std::holds_alternative<app::HomeScreen>(shell.model().screen));
  REQUIRE(shell.model().saved_file.has_value());
  CHECK(shell.model().saved_file->kind == app::SavedKind::RecordRestored);
  const fs::path aside = shell.model().saved_file->path;
  CHECK(aside.parent_path() == env.dir / "data");
  CHECK(aside.filename().string().starts_with("unknot.db.damaged-"));
  CHECK(storage::testing::read_bytes(aside) == before);  // kept, byte for byte
  click(shell, app::Control{app::ControlKind::CloseSaved, 0});

  // The app carries on with the backup's record: History shows its sessions.
  click(shell, app::Control{app::ControlKind::TabHistory, 0});
  REQUIRE(shell.model().history.loaded);
  REQUIRE_FALSE(shell.model().history.entries.empty());
  CHECK(shell.model().history.entries.front().routine_id.starts_with("routine-"));
  CHECK(storage::SessionStore::open_read_only(db).all_sessions().size() == 2000);
  CHECK(shell.model().notice.empty());
}

TEST_CASE("a backup that fails its check too is refused on the same screen and nothing is lost") {
  Environment env;
  const fs::path data = env.dir / "data";
  const fs::path db = data / "unknot.db";
  const std::string before = damaged_record(data, "2026-12-02");
  const fs::path backup = storage::list_backups(data).front().file;
  storage::testing::damage_middle(backup);
  const std::string backup_bytes = storage::testing::read_bytes(backup);
  shell::AppShell shell(env.options());
  REQUIRE(std::holds_alternative<app::DamagedScreen>(shell.model().screen));
  const std::size_t files = storage::testing::entry_count(data);
  click(shell, app::Control{app::ControlKind::RestoreChosen, 0});
  REQUIRE(std::holds_alternative<app::DamagedScreen>(shell.model().screen));
  const auto& damaged = std::get<app::DamagedScreen>(shell.model().screen);
  CHECK(damaged.failure.find("failed its check too") != std::string::npos);
  CHECK(storage::testing::read_bytes(db) == before);
  CHECK(storage::testing::read_bytes(backup) == backup_bytes);
  CHECK(storage::testing::entry_count(data) == files);  // nothing set aside, nothing left over
}

TEST_CASE(
    "starting fresh on a damaged record keeps the damaged file, unchanged, under a new name") {
  Environment env;
  const fs::path db = env.dir / "data" / "unknot.db";
  const std::string before = damaged_record(env.dir / "data", "");
  shell::AppShell shell(env.options());
  REQUIRE(std::holds_alternative<app::DamagedScreen>(shell.model().screen));
  CHECK_FALSE(
      app::target_rect(shell.model(), shell.window_size(), {app::ControlKind::RestoreChosen, 0}));
  click(shell, app::Control{app::ControlKind::StartFresh, 0});
  CHECK(std::get<app::DamagedScreen>(shell.model().screen).step ==
        app::DamagedScreen::Step::ConfirmFresh);
  CHECK(storage::testing::read_bytes(db) == before);  // asking changes nothing
  click(shell, app::Control{app::ControlKind::StartFresh, 1});
  REQUIRE(std::holds_alternative<app::HomeScreen>(shell.model().screen));
  REQUIRE(shell.model().saved_file.has_value());
  const fs::path aside = shell.model().saved_file->path;
  CHECK(aside.filename().string().starts_with("unknot.db.damaged-"));
  CHECK(storage::testing::read_bytes(aside) == before);
  CHECK(storage::SessionStore::open_read_only(db).all_sessions().empty());
  click(shell, app::Control{app::ControlKind::CloseSaved, 0});
  CHECK(std::holds_alternative<app::HomeScreen>(shell.model().screen));  // no welcome again
}

TEST_CASE("Settings › Backups puts an earlier record back and History shows it at once") {
  Environment env;
  const fs::path data = env.dir / "data";
  const fs::path db = data / "unknot.db";
  fs::remove(db);
  storage::testing::make_filled_db(db, 5);
  {
    auto store = storage::SessionStore::open(db);
    REQUIRE(storage::backup_daily(store, data, "2026-12-01").has_value());
  }
  storage::testing::make_filled_db(db, 3);  // three more since the backup
  REQUIRE(storage::SessionStore::open_read_only(db).all_sessions().size() == 8);
  shell::AppShell shell(env.options());
  REQUIRE(std::holds_alternative<app::HomeScreen>(shell.model().screen));
  click(shell, app::Control{app::ControlKind::Settings, 0});
  click_in_view(shell, app::Control{app::ControlKind::Backups, 0});
  REQUIRE(std::holds_alternative<app::BackupsScreen>(shell.model().screen));
  REQUIRE(shell.model().backups.entries.size() == 1);
  click(shell, app::Control{app::ControlKind::BackupRow, 0});
  click(shell, app::Control{app::ControlKind::RestoreChosen, 0});
  REQUIRE(std::holds_alternative<app::HomeScreen>(shell.model().screen));
  REQUIRE(shell.model().saved_file.has_value());
  const fs::path aside = shell.model().saved_file->path;
  CHECK(aside.filename().string().starts_with("unknot.db.replaced-"));
  CHECK(storage::SessionStore::open_read_only(aside).all_sessions().size() == 8);
  click(shell, app::Control{app::ControlKind::CloseSaved, 0});
  click(shell, app::Control{app::ControlKind::TabHistory, 0});
  REQUIRE(shell.model().history.loaded);
  CHECK(shell.model().history.entries.size() == 5);
}

}  // namespace unknot
