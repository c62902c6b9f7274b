// Draws every screen, in the states people see, at the supported window sizes and scales, and
// checks what the canvas logged: every label inside the window, no two labels overlapping, and
// nothing short (buttons, numbers, headings) cut off with an ellipsis.
#include <SDL.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>

#include "app/bodymap_builders.h"
#include "app/bodymap_flow.h"
#include "app/bodymap_layout.h"
#include "app/builder_draft.h"
#include "app/entry_page.h"
#include "app/player_page.h"
#include "app/progress_builders.h"
#include "app/progress_flow.h"
#include "app/screens.h"
#include "app/share_page.h"
#include "app/update.h"
#include "shell/routine_files.h"
#include "ui/canvas.h"
#include "ui/page_check.h"
#include "ui/screens.h"

namespace unknot::ui {
namespace {
using namespace std::chrono_literals;

struct Size {
  int w, h;
  float scale;
};

app::AppModel catalog() {
  app::AppModel m = pages::builtin_model();
  REQUIRE(m.catalog.size() >= 3);
  for (auto& e : m.catalog) e.last = app::LastResult{e.routine.id, 7, 10};
  m.screened_at = m.wall_now - std::chrono::hours(24);  // the safety check was passed yesterday
  return m;
}

using pages::act;
using pages::press;
app::AppModel at(app::AppModel m, core::Duration t) {
  return act(std::move(m), app::Tick{core::Instant{t}, m.wall_now});
}

// Every state worth looking at, for one routine.
std::vector<std::pair<std::string, app::AppModel>> states(int routine) {
  std::vector<std::pair<std::string, app::AppModel>> out;
  app::AppModel m = catalog();
  out.emplace_back("home", m);
  {
    // Today's homework on Home: one active with a long note, one finished.
    app::AppModel with = catalog();
    app::HomeworkLoaded loaded;
    for (int i = 0; i < 2; ++i) {
      core::Routine r = with.catalog[static_cast<std::size_t>(routine)].original;
      r.id = "homework:hw-" + std::to_string(i);
      app::HomeworkStatus s;
      s.id = "hw-" + std::to_string(i);
      s.title = r.title;
      s.therapist = i == 0 ? "Alexandra Montgomery-Whitfield" : "";
      s.note =
          "Slowly, and breathe out as you lean in; stop if anything feels sharp or electric.\nSee "
          "you Friday.";
      s.done_today = 1;
      s.prescribed_today = 2;
      s.done_week = 3;
      s.prescribed_week = 12;
      s.days_left = i == 0 ? 24 : 0;
      s.active = i == 0;
      loaded.routines.push_back(r);
      loaded.status.push_back(s);
    }
    with = act(with, loaded);
    out.emplace_back("home homework", with);
    out.emplace_back("home homework scrolled", act(with, app::Scrolled{300}));
  }
  m = press(m, app::ControlKind::RoutineCard, routine);
  out.emplace_back("routine", m);
  if (!m.catalog[static_cast<std::size_t>(routine)].routine.sources.empty()) {
    const app::AppModel sources = press(m, app::ControlKind::RoutineSources);
    out.emplace_back("sources list", sources);
    out.emplace_back("sources list scrolled", act(sources, app::Scrolled{200}));
  }
  {
    const app::AppModel brief = press(m, app::ControlKind::Start);
    out.emplace_back("safety brief", brief);
    const app::AppModel ticked =
        press(press(brief, app::ControlKind::RedFlagYes, 1), app::ControlKind::RedFlagYes, 3);
    out.emplace_back("safety brief ticked", ticked);
    const app::AppModel blocked = press(ticked, app::ControlKind::Confirm);
    out.emplace_back("safety blocked", blocked);
    out.emplace_back("safety blocked scrolled", act(blocked, app::Scrolled{10'000}));
  }
  m = pages::start(m);
  out.emplace_back("rating empty", press(m, app::ControlKind::Confirm));
  m = press(m, app::ControlKind::PainValue, 10);
  m = press(m, app::ControlKind::Region, 0);
  out.emplace_back("rating chosen", m);
  m = press(m, app::ControlKind::Confirm);
  out.emplace_back("countdown", at(m, 1s));
  const auto& timeline = *m.session->timeline;
  for (int step = 0; step < timeline.step_count(); ++step) {
    out.emplace_back("step " + std::to_string(step), at(m, 3s + timeline.step_start(step) + 1s));
  }
  app::AppModel paused = press(at(m, 3s + timeline.step_start(1) + 5s), app::ControlKind::Pause);
  out.emplace_back("paused", paused);
  out.emplace_back("end question", press(paused, app::ControlKind::End));
  app::AppModel done = at(m, 3s + timeline.total() + 1s);
  out.emplace_back("rating after", done);
  done = press(press(done, app::ControlKind::PainValue, 0), app::ControlKind::Confirm);
  out.emplace_back("summary", done);
  out.emplace_back("ended early",
                   press(press(paused, app::ControlKind::End), app::ControlKind::EndConfirm));
  // "Too intense" on the first pressure hold: the lighter prompt and its caption.
  for (int step = 0; step < timeline.step_count(); ++step) {
    if (timeline.step(step).kind != core::StepKind::Pressure) continue;
    const app::AppModel hold = at(m, 3s + timeline.step_start(step) + 2s);
    const app::AppModel asking = press(hold, app::ControlKind::TooIntense);
    out.emplace_back("too intense question", asking);
    out.emplace_back("eased caption", at(press(asking, app::ControlKind::TooIntense, 1),
                                         3s + timeline.step_start(step) + 3s));
    out.emplace_back("stopped caption", at(press(asking, app::ControlKind::StopPoint),
                                           3s + timeline.step_start(step) + 2500ms));
    break;
  }
  // The safety check: unanswered, partly answered and scrolled, and blocked.
  app::AppModel check = catalog();
  check.screened_at.reset();
  check = press(press(check, app::ControlKind::RoutineCard, routine), app::ControlKind::Start);
  out.emplace_back("safety", check);
  app::AppModel answered =
      press(press(check, app::ControlKind::RedFlagNo, 0), app::ControlKind::RedFlagYes, 1);
  out.emplace_back("safety answered scrolled", act(answered, app::Scrolled{400}));
  for (int i = 0; i < app::kRedFlagCount; ++i)
    answered = press(answered, app::ControlKind::RedFlagNo, i);
  out.emplace_back("safety blocked", press(press(answered, app::ControlKind::RedFlagYes, 4),
                                           app::ControlKind::Confirm));
  // Settings, the health profile, and a routine the profile changed.
  app::AppModel settings = press(catalog(), app::ControlKind::Settings);
  out.emplace_back("settings", settings);
  app::AppModel profile = press(settings, app::ControlKind::HealthProfile);
  profile =
      press(press(profile, app::ControlKind::ProfileFlag, 0), app::ControlKind::ProfileFlag, 1);
  out.emplace_back("profile", profile);
  app::AppModel changed = catalog();
  core::MuscleLibrary library;
  for (const auto& step : changed.catalog[static_cast<std::size_t>(routine)].routine.steps) {
    if (step.muscle.empty()) continue;
    core::MuscleInfo info;
    info.id = step.muscle;
    info.area = core::BodyArea::LowerLeg;  // as if every muscle were off limits
    library.muscles.push_back(info);
  }
  changed.library = std::make_shared<const core::MuscleLibrary>(library);
  app::CareLoaded care;
  care.profile.varicose_veins = true;
  care.profile.seizures = true;
  care.screened_at = changed.wall_now;
  changed = press(act(changed, care), app::ControlKind::RoutineCard, routine);
  out.emplace_back("routine changed by the profile", changed);
  app::CareLoaded light;
  light.profile.anticoagulants = true;
  light.screened_at = changed.wall_now;
  out.emplace_back("routine softened",
                   press(act(catalog(), light), app::ControlKind::RoutineCard, routine));
  app::AppModel resume = catalog();
  resume = act(
      resume, app::InterruptedFound{1, resume.catalog[static_cast<std::size_t>(routine)].routine.id,
                                    3, 5, "", std::nullopt});
  out.emplace_back("resume", resume);
  app::AppModel error = catalog();
  error.screen =
      app::ErrorScreen{"This routine file has problems",
                       "/home/someone/Downloads/neck.json:12:5: /steps/2/duration_s: must be "
                       "between 20 and 90 seconds for a pressure hold (got 120)\n"
                       "/home/someone/Downloads/neck.json:1:1: /title: is required but missing"};
  out.emplace_back("error", error);
  return out;
}

// The breathing coach and sound screens.
std::vector<std::pair<std::string, app::AppModel>> breathing_states() {
  std::vector<std::pair<std::string, app::AppModel>> out;
  app::AppModel m = catalog();
  m.custom_patterns.push_back(
      core::to_pattern({"My evening pattern with a long name", std::chrono::seconds(4),
                        std::chrono::seconds(2), std::chrono::seconds(8), std::chrono::seconds(0)},
                       "custom_1"));
  m = press(m, app::ControlKind::JustBreathe);
  out.emplace_back("breathe list", m);
  out.emplace_back("breathe list scrolled", act(m, app::Scrolled{300}));
  const int n = static_cast<int>(app::all_patterns(m).size());
  for (int i = 0; i < n; ++i) {
    out.emplace_back("pattern " + std::to_string(i), press(m, app::ControlKind::PatternRow, i));
  }
  app::AppModel session = press(press(m, app::ControlKind::PatternRow, 0), app::ControlKind::Start);
  out.emplace_back("breathing", at(session, 20s));
  out.emplace_back("gentle caption", at(session, 3s + 10s + core::kVoiceDelay));
  app::AppModel belly = press(press(m, app::ControlKind::PatternRow, 10), app::ControlKind::Start);
  out.emplace_back("belly caption", at(belly, 3s + core::kVoiceDelay));
  out.emplace_back("dizzy", press(at(session, 20s), app::ControlKind::Dizzy));
  out.emplace_back("slower", press(press(at(session, 20s), app::ControlKind::Dizzy),
                                   app::ControlKind::SlowDown));
  out.emplace_back("breathing summary", at(session, 11min));
  app::AppModel editor = press(m, app::ControlKind::NewPattern);
  out.emplace_back("editor", editor);
  for (int i = 0; i < 30; ++i) editor = act(editor, app::FieldKeyed{{app::EditKey::Backspace}});
  for (int i = 0; i < 30; ++i) editor = press(editor, app::ControlKind::PhaseUp, 2);
  out.emplace_back("editor problems", press(editor, app::ControlKind::Save));
  out.emplace_back("editor by rate",
                   press(press(m, app::ControlKind::NewPattern), app::ControlKind::ByRate));
  app::AppModel custom = act(m, app::CustomPatternSaved{1});
  out.emplace_back("editor existing", press(custom, app::ControlKind::Edit));
  out.emplace_back("delete question",
                   press(press(custom, app::ControlKind::Edit), app::ControlKind::Delete));
  app::AppModel checkin = act(catalog(), app::CheckinDue{true});
  out.emplace_back("checkin", checkin);
  checkin = press(press(checkin, app::ControlKind::PainValue, 10), app::ControlKind::Confirm);
  out.emplace_back("pgic", press(checkin, app::ControlKind::PgicOption, 7));
  app::AppModel sound = press(catalog(), app::ControlKind::Sound);
  out.emplace_back("sound", sound);
  sound = press(press(sound, app::ControlKind::Mute, 0), app::ControlKind::Ambient, 2);
  out.emplace_back("sound changed",
                   press(press(sound, app::ControlKind::Mute, 3), app::ControlKind::SoundSet, 2));
  // The welcome tour, each page and at its end; the profile as a step of it; Settings' row.
  for (const auto step :
       {app::OnboardingStep::Welcome, app::OnboardingStep::Pressing, app::OnboardingStep::Rating}) {
    app::AppModel tour = catalog();
    app::OnboardingScreen s;
    s.step = step;
    tour.screen = s;
    const std::string name = "welcome " + std::to_string(static_cast<int>(step));
    out.emplace_back(name, tour);
    out.emplace_back(name + " scrolled", act(tour, app::Scrolled{10'000}));
  }
  app::AppModel tour_profile = catalog();
  app::ProfileScreen profile{};
  profile.onboarding = true;
  tour_profile.screen = profile;
  out.emplace_back("welcome profile", tour_profile);
  out.emplace_back("settings welcome row",
                   press(press(catalog(), app::ControlKind::Settings), app::ControlKind::Welcome));
  return out;
}

app::AppModel with_screen(app::AppModel m, app::Screen screen) {
  m.screen = std::move(screen);
  return m;
}

app::HistoryEntry history_entry(int i, std::string note = "") {
  app::HistoryEntry e;
  e.id = 100 - i;
  const char* ids[] = {"neck_tension_headache", "breathe:resonance_6", "jaw_temple",
                       "retired_routine_id"};
  e.routine_id = ids[i % 4];
  e.started_at = core::UnixSeconds{std::chrono::seconds(1'790'000'000 - i * 86'400)};
  e.utc_offset_min = 60;
  if (i % 5 != 3) e.before = 6 + i % 3;
  if (i % 5 != 3 && i % 7 != 2) e.after = 3 + i % 4;
  e.region = "Neck";
  e.planned = std::chrono::minutes{12};
  e.done = i % 6 == 4 ? std::chrono::minutes{5} : std::chrono::minutes{12};
  e.status = i % 6 == 4   ? app::EntryStatus::EndedEarly
             : i % 9 == 8 ? app::EntryStatus::Interrupted
                          : app::EntryStatus::Completed;
  e.note = std::move(note);
  return e;
}

std::string long_note() {
  std::string note;
  while (note.size() < 480) note += "Right side felt tight after work, eased by the third breath. ";
  return note.substr(0, 480) + "Calmer now.";
}

// Progress, History and entry screens in their states: no data, weeks and years of data,
// filters, scrolled to every part, the undo offer, the delete question and long notes.
std::vector<std::pair<std::string, app::AppModel>> progress_states(app::Size window) {
  std::vector<std::pair<std::string, app::AppModel>> out;
  const core::Day today = test::day_of(2026, 11, 25);
  app::AppModel base = catalog();
  base.wall_now = core::UnixSeconds{std::chrono::seconds(1'790'000'000)};
  base.window_w = window.w;
  base.window_h = window.h;
  out.emplace_back("home with tabs", base);
  out.emplace_back("trends loading", with_screen(base, app::TrendsScreen{}));
  app::AppModel empty = base;
  empty.progress = app::ProgressData{{}, today};
  out.emplace_back("trends empty", with_screen(empty, app::TrendsScreen{}));
  out.emplace_back("trends empty all", with_screen(empty, app::TrendsScreen{app::TrendsPeriod::All,
                                                                            "", core::Side::None}));
  out.emplace_back("trends three days",
                   with_screen(test::with_progress(base, today, 3), app::TrendsScreen{}));
  app::AppModel low = base;
  low.progress = app::ProgressData{{}, today};
  for (int i = 0; i < 28; ++i)
    low.progress->input.ratings.push_back({today - std::chrono::days{i}, i % 3});
  out.emplace_back("trends low baseline", with_screen(low, app::TrendsScreen{}));
  const app::AppModel weeks = test::with_progress(base, today, 84);
  const app::AppModel years = test::with_progress(base, today, 3650);
  const app::AppModel plain = test::with_progress(base, today, 84, false);
  const std::pair<std::string, app::TrendsScreen> screens[] = {
      {"4 weeks", {app::TrendsPeriod::Weeks4, "", core::Side::None}},
      {"12 weeks", {app::TrendsPeriod::Weeks12, "", core::Side::None}},
      {"all", {app::TrendsPeriod::All, "", core::Side::None}},
      {"neck left", {app::TrendsPeriod::Weeks12, "Neck", core::Side::Left}},
      {"jaw right all", {app::TrendsPeriod::All, "Jaw", core::Side::Right}},
  };
  // The scroll offset at k quarters of the way down (the model's window is `window`).
  const auto at_scroll = [&](app::AppModel m, float fraction) {
    m.window_w = window.w;
    m.window_h = window.h;
    m.scroll.offset = app::screen_frame(m).max_scroll() * fraction;
    return m;
  };
  const auto scrolled = [&](const std::string& name, const app::AppModel& m, app::TrendsScreen s) {
    for (int k = 0; k <= 4; ++k) {
      out.emplace_back(name + " scroll " + std::to_string(k),
                       at_scroll(with_screen(m, s), static_cast<float>(k) / 4));
    }
  };
  for (const auto& [name, screen] : screens) {
    scrolled("trends 12w data " + name, weeks, screen);
    scrolled("trends 10y data " + name, years, screen);
  }
  scrolled("trends no sides", plain, {app::TrendsPeriod::Weeks12, "", core::Side::None});
  app::AppModel toast = weeks;
  toast = act(toast, app::ReportShared{
                         "/home/someone-with-a-long-name/Documents/Unknot report 2026-11-25.html",
                         app::OpenOutcome::NothingCouldOpen});
  out.emplace_back("trends saved sheet", with_screen(toast, app::TrendsScreen{}));
  // Share report: as it opens, with a name, and with the longest name (its note changes).
  app::AppModel share = base;
  out.emplace_back("share report", with_screen(share, app::share_screen(share, {})));
  share.report_name = "Mar\u00eda Jos\u00e9 Fern\u00e1ndez";
  out.emplace_back("share report named", with_screen(share, app::share_screen(share, {})));
  share.report_name = std::string(app::kMaxReportName, 'W');
  for (int k = 0; k <= 2; ++k) {
    out.emplace_back(
        "share report longest name scroll " + std::to_string(k),
        at_scroll(with_screen(share, app::share_screen(share, {})), static_cast<float>(k) / 2));
  }

  app::AppModel history = base;
  history.history.loaded = true;
  out.emplace_back("history empty", with_screen(history, app::HistoryScreen{}));
  out.emplace_back("history loading", with_screen(base, app::HistoryScreen{}));
  for (int i = 0; i < 30; ++i)
    history.history.entries.push_back(history_entry(i, i % 3 == 0   ? long_note()
                                                       : i % 3 == 1 ? "Felt looser"
                                                                    : ""));
  history.history.more = true;
  for (int k = 0; k <= 3; ++k) {
    out.emplace_back(
        "history scroll " + std::to_string(k),
        at_scroll(with_screen(history, app::HistoryScreen{}), static_cast<float>(k) / 3));
  }
  history.undo =
      app::PendingUndo{7, "Session of 24 Nov deleted", history.wall_now + std::chrono::seconds(8)};
  out.emplace_back("history undo", with_screen(history, app::HistoryScreen{}));
  out.emplace_back("history undo end", at_scroll(with_screen(history, app::HistoryScreen{}), 1));

  for (int i = 0; i < 4; ++i) {
    app::EntryScreen e = app::entry_screen(history_entry(i, i == 0 ? long_note() : ""));
    out.emplace_back("entry " + std::to_string(i), with_screen(base, e));
    if (i == 0) {
      e.confirming_delete = true;
      out.emplace_back("entry delete question", with_screen(base, e));
    }
  }
  return out;
}

// "Where does it hurt?": Home scrolled, the body map front and back with a zone and picks, the
// list scrolled, every muscle's details, a built routine and a session with the figure.
std::vector<std::pair<std::string, app::AppModel>> bodymap_states(app::Size window) {
  std::vector<std::pair<std::string, app::AppModel>> out;
  app::AppModel base = catalog();
  base.wall_now = core::UnixSeconds{std::chrono::seconds(1'790'000'000)};
  base.screened_at = base.wall_now;
  base = act(base, app::LibraryLoaded{test::asset_library(), test::asset_body_map()});
  base = act(base, app::Resized{window.w, window.h});
  out.emplace_back("home scrolled", act(base, app::Scrolled{10'000}));
  app::AppModel map = press(base, app::ControlKind::WhereItHurts);
  out.emplace_back("map empty", map);
  out.emplace_back("map back", press(map, app::ControlKind::BodyView, 1));
  const auto row = [](const app::AppModel& m, const std::string& id) {
    const auto rows = app::bodymap_rows(m, std::get<app::BodyMapScreen>(m.screen));
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (rows[i]->id == id) return static_cast<int>(i);
    }
    return 0;
  };
  app::AppModel temple = press(map, app::ControlKind::BodyZone, test::zone_of("temple_left"));
  out.emplace_back("map zone", temple);
  temple = press(temple, app::ControlKind::MuscleToggle, row(temple, "temporalis"));
  temple = press(temple, app::ControlKind::MuscleToggle, row(temple, "upper_trapezius"));
  out.emplace_back("map two picks", temple);
  out.emplace_back("map other view", press(temple, app::ControlKind::BodyView, 1));
  app::AppModel full = press(temple, app::ControlKind::BodyZone, test::zone_of("jaw_left"));
  full = press(full, app::ControlKind::MuscleToggle, row(full, "masseter"));
  full = press(full, app::ControlKind::BodyZone, test::zone_of("buttock_right"));
  full = press(full, app::ControlKind::MuscleToggle, row(full, "piriformis"));
  out.emplace_back("map four picks", full);
  out.emplace_back("map refused",
                   press(full, app::ControlKind::MuscleToggle, row(full, "gluteus_medius")));
  app::AppModel focused = full;
  focused.focus = 5;  // a row's pick: its zones are shaded
  out.emplace_back("map row focused", focused);
  app::AppModel sacrum = press(map, app::ControlKind::BodyZone, test::zone_of("sacrum_left"));
  out.emplace_back("map long list", sacrum);
  out.emplace_back("map long list scrolled", act(sacrum, app::Scrolled{10'000}));
  app::AppModel therapist = map;
  therapist.therapist_mode = true;
  out.emplace_back("map therapist",
                   press(therapist, app::ControlKind::BodyZone, test::zone_of("forehead")));
  app::AppModel none = press(catalog(), app::ControlKind::WhereItHurts);
  out.emplace_back("map not loaded", none);
  for (const auto& muscle : base.library->muscles) {
    app::AppModel m = with_screen(base, app::MuscleScreen{muscle.id, {}});
    out.emplace_back("muscle " + muscle.id, m);
    out.emplace_back("muscle " + muscle.id + " scrolled", act(m, app::Scrolled{10'000}));
  }
  app::AppModel built = press(temple, app::ControlKind::BuildRoutine);
  out.emplace_back("built routine", built);
  out.emplace_back("built routine saved", press(built, app::ControlKind::SaveRoutine));
  app::AppModel session = pages::start(built);
  if (std::holds_alternative<app::RatingScreen>(session.screen)) {
    session = press(press(session, app::ControlKind::PainValue, 5), app::ControlKind::Confirm);
  }
  if (session.session) {
    const auto& timeline = *session.session->timeline;
    for (int step = 0; step < timeline.step_count(); ++step) {
      out.emplace_back("player map step " + std::to_string(step),
                       at(session, 3s + timeline.step_start(step) + 1s));
    }
  }
  return out;
}

}  // namespace

// Runs `body` once per supported window size with a software canvas of that size.
template <class Body>
void at_every_size(Body body) {
  REQUIRE(SDL_Init(0) == 0);
  const Size sizes[] = {
      {360, 640, 1}, {390, 844, 1}, {390, 844, 2}, {1280, 800, 1}, {480, 1040, 1.5f}};
  for (const Size size : sizes) {
    const int px_w = static_cast<int>(static_cast<float>(size.w) * size.scale);
    const int px_h = static_cast<int>(static_cast<float>(size.h) * size.scale);
    SDL_Surface* surface =
        SDL_CreateRGBSurfaceWithFormat(0, px_w, px_h, 32, SDL_PIXELFORMAT_ARGB8888);
    REQUIRE(surface != nullptr);
    SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
    REQUIRE(renderer != nullptr);
    {
      Canvas canvas(renderer);
      canvas.set_scale(size.scale);
      body(size, canvas, renderer, surface);
    }
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
  }
}

TEST_CASE("every screen fits its labels without clipping or overlap at every supported size") {
  at_every_size([](const Size size, Canvas& canvas, SDL_Renderer*, SDL_Surface*) {
    for (int routine = 0; routine < 4; ++routine) {
      for (auto [name_, model_] : routine < 3 ? states(routine) : breathing_states()) {
        // Named again: clang 14 cannot capture a structured binding in a lambda.
        auto& name = name_;
        auto& model = model_;
        model = act(model, app::Resized{static_cast<float>(size.w), static_cast<float>(size.h)});
        for (ThemeKind theme : {ThemeKind::Dark, ThemeKind::Light}) {
          CAPTURE(size.w);
          CAPTURE(size.h);
          CAPTURE(size.scale);
          CAPTURE(routine);
          CAPTURE(name);
          canvas.begin_frame(palette(theme).background);
          DrawContext dc{canvas,
                         palette(theme),
                         {static_cast<float>(size.w), static_cast<float>(size.h)},
                         app::focused_control(model)};
          draw(dc, model);
          const auto& log = canvas.text_log();
          CHECK_FALSE(log.empty());
          const bool overlay = name == "end question" || name == "dizzy" ||
                               name == "delete question" || name == "too intense question";
          const bool scrolled_list =
              name.rfind("safety", 0) == 0 || name.rfind("sources list", 0) == 0;
          const bool scrolled = name.rfind("breathe list", 0) == 0 || scrolled_list;
          for (std::size_t i = 0; i < log.size(); ++i) {
            const auto& a = log[i];
            CAPTURE(a.text);
            CHECK(a.box.x >= 0);
            // Scrolled rows and pages are clipped by their viewport.
            if (!scrolled && !a.clipped) CHECK(a.box.y >= 0);
            CHECK(a.box.right() <= static_cast<float>(size.w) + 0.5f);
            if (!scrolled && !a.clipped) CHECK(a.box.bottom() <= static_cast<float>(size.h) + 0.5f);
            // Long prose may end in an ellipsis; labels, numbers, headings and spoken-cue
            // captions never do.
            if (a.truncated) CHECK(a.text.size() >= 16);
            // Every safety question and the advice are read whole.
            if (scrolled_list && !a.clipped) CHECK_FALSE(a.truncated);
            if (name.find("caption") != std::string::npos &&
                a.box.y > static_cast<float>(size.h) / 2)
              CHECK_FALSE(a.truncated);
            if (overlay || scrolled || a.clipped) continue;
            for (std::size_t j = i + 1; j < log.size(); ++j) {
              if (log[j].clipped) continue;
              CAPTURE(log[j].text);
              CHECK_FALSE(a.box.intersects(log[j].box));
            }
          }
          canvas.end_frame();
        }
      }
    }
  });
}

// Draws every state from `states` at every size in both themes and checks that no label is
// outside the window, cut short (unless long prose) or on another label, and that every control
// is inside the window without overlapping another. UNKNOT_DUMP_DIR=dir saves BMPs to look at.
struct ScreenCheck {
  std::function<std::vector<std::pair<std::string, app::AppModel>>(app::Size)> states;
  std::function<bool(const std::string&)> overlaps_allowed = [](const std::string&) {
    return false;
  };
  bool resize = false;         // send Resized first, so scrolling screens clamp to the window
  bool real_font = false;      // lay out with the canvas' font, as the shell does from its start
  bool whole_targets = false;  // every control at least 48 dp wide
  // An area no label may cross (the session's body figure), if any.
  std::function<app::Rect(const app::AppModel&, app::Size)> keep_clear =
      [](const app::AppModel&, app::Size) { return app::Rect{}; };
};

void check_screens(const ScreenCheck& check) {
  const char* dump = std::getenv("UNKNOT_DUMP_DIR");
  at_every_size([&](const Size size, Canvas& canvas, SDL_Renderer* renderer, SDL_Surface* surface) {
    const app::Size window{static_cast<float>(size.w), static_cast<float>(size.h)};
    for (auto [name_, model_] : check.states(window)) {
      // Named again: clang 14 cannot capture a structured binding in a lambda.
      auto& name = name_;
      auto& model = model_;
      if (check.real_font)
        model.text =
            std::shared_ptr<const app::TextMeasure>(&canvas, [](const app::TextMeasure*) {});
      if (check.resize) model = act(model, app::Resized{window.w, window.h});
      const app::Rect clear = check.keep_clear(model, window);
      const bool overlay = check.overlaps_allowed(name);
      for (ThemeKind theme : {ThemeKind::Dark, ThemeKind::Light}) {
        CAPTURE(size.w);
        CAPTURE(size.h);
        CAPTURE(size.scale);
        CAPTURE(name);
        canvas.begin_frame(palette(theme).background);
        DrawContext dc{canvas, palette(theme), window, app::focused_control(model)};
        draw(dc, model);
        if (dump != nullptr && size.scale == 1 &&
            (size.w == 360 || size.w == 1280 || size.h == 844)) {
          SDL_RenderFlush(renderer);
          std::string file = std::string(dump) + "/" + std::to_string(size.w) + "-" +
                             (theme == ThemeKind::Dark ? "dark-" : "light-") + name + ".bmp";
          std::replace(file.begin() + static_cast<std::ptrdiff_t>(std::string(dump).size()),
                       file.end(), ' ', '_');
          SDL_SaveBMP(surface, file.c_str());
        }
        const auto& log = canvas.text_log();
        CHECK_FALSE(log.empty());
        for (std::size_t i = 0; i < log.size(); ++i) {
          const auto& a = log[i];
          CAPTURE(a.text);
          CHECK(a.box.x >= 0);
          CHECK(a.box.right() <= window.w + 0.5f);
          if (a.clipped) continue;  // the edge of a scrolled list
          CHECK(a.box.y >= 0);
          CHECK(a.box.bottom() <= window.h + 0.5f);
          if (a.truncated) CHECK(a.text.size() >= 16);
          if (clear.h > 0) CHECK_FALSE(a.box.intersects(clear));
          if (overlay) continue;
          for (std::size_t j = i + 1; j < log.size(); ++j) {
            if (log[j].clipped) continue;
            CAPTURE(log[j].text);
            CHECK_FALSE(a.box.intersects(log[j].box));
          }
        }
        canvas.end_frame();
      }
      const auto hits = app::hits(model, window);
      for (std::size_t i = 0; i < hits.size(); ++i) {
        CAPTURE(static_cast<int>(hits[i].control.kind));
        CAPTURE(hits[i].control.index);
        CHECK(hits[i].rect.x >= 0);
        CHECK(hits[i].rect.y >= 0);
        CHECK(hits[i].rect.right() <= window.w + 0.5f);
        CHECK(hits[i].rect.bottom() <= window.h + 0.5f);
        if (check.whole_targets) CHECK(hits[i].rect.w >= app::kTarget - 0.5f);
        for (std::size_t j = i + 1; j < hits.size(); ++j) {
          CAPTURE(static_cast<int>(hits[j].control.kind));
          CHECK_FALSE(hits[i].rect.intersects(hits[j].rect));
        }
      }
    }
  });
}

TEST_CASE("progress, history and entry screens fit without clipping or overlap at every size") {
  ScreenCheck check;
  check.states = [](app::Size window) { return progress_states(window); };
  check.overlaps_allowed = [](const std::string& name) {
    return name.find("delete question") != std::string::npos ||
           name.find("sheet") != std::string::npos;
  };
  check.resize = true;
  check_screens(check);
}

TEST_CASE("the body map, muscle details and the session's figure fit at every size") {
  ScreenCheck check;
  check.states = [](app::Size window) { return bodymap_states(window); };
  // The "only four" message floats over the list for a moment.
  check.overlaps_allowed = [](const std::string& name) { return name == "map refused"; };
  // The session's figure never sits on a label, and is there whenever the muscle is known.
  check.keep_clear = [](const app::AppModel& model, app::Size window) {
    if (!std::holds_alternative<app::PlayerScreen>(model.screen)) return app::Rect{};
    const auto& player = std::get<app::PlayerScreen>(model.screen);
    const app::Rect figure =
        app::player_page_layout(model, player, {window, app::measure_of(model), 0}).figure;
    if (app::session_muscle(model) != nullptr) {
      CHECK(figure.h > 0);
      CHECK(figure.x >= 0);
      CHECK(figure.right() <= window.w);
    }
    return figure;
  };
  check_screens(check);
}

namespace {

// The therapist's homework builder: settings with its row, the builder empty, full, scrolled,
// with problems, a toast and the "new" question; a step's editor in its states; the muscle
// picker; the schedule with long texts.
std::vector<std::pair<std::string, app::AppModel>> builder_states(app::Size window) {
  using K = app::ControlKind;
  const auto value = [](app::BuilderValue v) { return app::value_index(v); };
  std::vector<std::pair<std::string, app::AppModel>> out;
  app::AppModel m = catalog();
  m.wall_now = core::UnixSeconds{std::chrono::seconds(1'790'000'000)};
  m = act(m, app::LibraryLoaded{test::asset_library(), test::asset_body_map()});
  m = act(m, app::Resized{window.w, window.h});
  m.therapist_mode = true;
  m = press(m, K::Settings);
  out.emplace_back("settings therapist", m);
  m = press(m, K::BuildHomework);
  out.emplace_back("builder empty", m);
  out.emplace_back("builder empty problems", press(m, K::ExportHomework));
  const auto pick = [&](app::AppModel model, const std::string& id) {
    model = press(model, K::AddMuscle);
    const auto rows = app::builder_pick_rows(model);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].muscle->id == id) return press(model, K::MusclePick, static_cast<int>(i));
    }
    FAIL("no muscle " << id);
    return model;
  };
  for (const char* id :
       {"sternocleidomastoid", "upper_trapezius", "tensor_fasciae_latae", "suboccipitals"})
    m = pick(m, id);
  m = press(press(press(m, K::StepRow, 2), K::BuilderUp, value(app::BuilderValue::Reps)), K::Done);
  m = press(press(press(m, K::StepRow, 3), K::HoldUnit, 1), K::Done);
  const auto scrolled = [&](const std::string& name, app::AppModel model) {
    const float max = act(model, app::Scrolled{100000}).scroll.offset;
    for (int k = 0; k <= 3; ++k)
      out.emplace_back(name + " scroll " + std::to_string(k),
                       act(model, app::Scrolled{max * static_cast<float>(k) / 3}));
  };
  m = act(m, app::Scrolled{-100000});
  scrolled("builder full", m);
  app::AppModel titled = press(m, K::BuilderField, 0);
  titled = act(titled,
               app::TextTyped{" for a very long-named client with neck, jaw and hip pain, week 1"});
  out.emplace_back("builder long title", titled);
  app::AppModel twice = pick(pick(m, "piriformis"), "piriformis");
  twice = press(press(press(twice, K::StepRow, 4), K::BuilderUp, value(app::BuilderValue::Reps)),
                K::Done);
  twice = press(press(twice, K::BuilderUp, value(app::BuilderValue::Reps)), K::ExportHomework);
  out.emplace_back("builder problems", twice);
  app::AppModel toast = act(press(m, K::ExportHomework),
                            app::HomeworkExported{"/home/someone/Documents/Home programme.unknot",
                                                  "/home/someone/Documents/Home programme.ics"});
  out.emplace_back("builder saved sheet", toast);
  out.emplace_back("builder saved sheet end", act(toast, app::Scrolled{100000}));
  out.emplace_back("builder new question", press(m, K::NewHomework));
  app::AppModel step = press(m, K::StepRow, 0);
  scrolled("step", step);
  app::AppModel reps = press(m, K::StepRow, 2);
  scrolled("step reps", reps);
  out.emplace_back("step breaths", press(m, K::StepRow, 3));
  app::AppModel typed = press(step, K::BuilderField, 1);
  typed = act(typed, app::TextTyped{std::string(200, 'w')});
  out.emplace_back("step long instruction", act(typed, app::Scrolled{100000}));
  app::AppModel words = press(step, K::BuilderField, 1);
  for (int i = 0; i < 30; ++i) words = act(words, app::TextTyped{" Lean in"});
  out.emplace_back("step long words", act(words, app::Scrolled{100000}));
  app::AppModel picker = press(m, K::AddMuscle);
  scrolled("picker", picker);
  app::AppModel plan = press(m, K::HomeworkSchedule);
  scrolled("plan", plan);
  plan = press(press(plan, K::DayToggle, 1), K::DayToggle, 3);
  plan = press(plan, K::BuilderField, 2);
  plan = act(plan, app::TextTyped{"Dr. Alexandra Montgomery-Fitzwilliam, physiotherapist"});
  plan = press(plan, K::BuilderField, 3);
  for (int i = 0; i < 12; ++i)
    plan = act(plan, app::TextTyped{"Ease in on the out-breath, never hold it. "});
  scrolled("plan filled", plan);
  return out;
}

}  // namespace

TEST_CASE("the homework builder's screens fit without clipping or overlap at every size") {
  ScreenCheck check;
  check.states = [](app::Size window) { return builder_states(window); };
  check.overlaps_allowed = [](const std::string& name) {
    return name.find("question") != std::string::npos || name.find("sheet") != std::string::npos;
  };
  check.whole_targets = true;
  check.real_font = true;
  check_screens(check);
}

}  // namespace unknot::ui
