// The safety check, health profile, sources, check-in, body map and muscle pages drawn with the
// real font at phone and desktop sizes in both themes: no text cut short, outside the window or
// on other text, and scrolled to the end, the last of it wholly in view.
#include <SDL.h>
#include <doctest/doctest.h>

#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "app/body_map_page.h"
#include "app/bodymap_builders.h"
#include "app/care_flow.h"
#include "app/pattern_page.h"
#include "app/screens.h"
#include "app/share_page.h"
#include "app/update.h"
#include "shell/routine_files.h"
#include "ui/canvas.h"
#include "ui/page_check.h"
#include "ui/screens.h"

namespace unknot::ui {
namespace {

using K = app::ControlKind;

using pages::act;
using pages::press;

// The built-in routines with the muscle library and body map loaded.
app::AppModel base() {
  return act(pages::builtin_model(),
             app::LibraryLoaded{test::asset_library(), test::asset_body_map()});
}

int routine_with_sources(const app::AppModel& m) {
  for (std::size_t i = 0; i < m.catalog.size(); ++i) {
    if (!m.catalog[i].routine.sources.empty()) return static_cast<int>(i);
  }
  FAIL("no routine with sources");
  return 0;
}

int row_of(const app::AppModel& m, const std::string& id) {
  const auto rows = app::bodymap_rows(m, std::get<app::BodyMapScreen>(m.screen));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i]->id == id) return static_cast<int>(i);
  }
  FAIL("no row " << id);
  return 0;
}

int routine_that_presses(const app::AppModel& m) {
  for (std::size_t i = 0; i < m.catalog.size(); ++i) {
    for (const auto& step : m.catalog[i].routine.steps) {
      if (step.kind == core::StepKind::Pressure) return static_cast<int>(i);
    }
  }
  FAIL("no routine with pressure steps");
  return 0;
}

std::vector<std::pair<std::string, app::AppModel>> states() {
  std::vector<std::pair<std::string, app::AppModel>> out;
  const app::AppModel m = base();
  app::AppModel safety = m;
  safety.screened_at.reset();
  safety = press(press(safety, K::RoutineCard, 0), K::Start);
  out.emplace_back("safety", safety);
  for (int i = 0; i < app::kRedFlagCount; ++i) safety = press(safety, K::RedFlagNo, i);
  out.emplace_back("safety answered", safety);
  out.emplace_back("safety blocked", press(press(safety, K::RedFlagYes, 2), K::Confirm));
  app::AppModel profile = press(press(m, K::Settings), K::HealthProfile);
  out.emplace_back("profile", press(press(profile, K::ProfileFlag, 1), K::ProfileFlag, 3));
  out.emplace_back("profile none of these", profile);
  app::AppModel every_flag = profile;
  for (int i = 0; i < static_cast<int>(app::kProfileFlagCount); ++i)
    every_flag = press(every_flag, K::ProfileFlag, i);
  out.emplace_back("profile every flag", act(every_flag, app::Scrolled{100000}));
  const int sourced = routine_with_sources(m);
  out.emplace_back("sources", press(press(m, K::RoutineCard, sourced), K::RoutineSources));
  app::AppModel checkin = act(m, app::CheckinDue{true});
  out.emplace_back("checkin", checkin);
  checkin = press(press(checkin, K::PainValue, 7), K::Confirm);
  out.emplace_back("pgic", press(checkin, K::PgicOption, 7));
  // Before a later day's session: the soreness-and-bruising question about eight muscles, some
  // marked, and what becomes lighter.
  app::AppModel dose = m;
  core::DoseDue due{7, m.wall_now - std::chrono::hours(30), 0, {}};
  for (const auto& muscle : m.library->muscles) {
    if (due.muscles.size() < 8) due.muscles.push_back(muscle.id);
  }
  dose.dose_due = due;
  dose = pages::start(press(dose, K::RoutineCard, routine_that_presses(m)));
  REQUIRE(std::holds_alternative<app::DoseScreen>(dose.screen));
  out.emplace_back("dose question", dose);
  dose = press(press(press(dose, K::DoseSore, 0), K::DoseBruised, 1), K::DoseSore, 7);
  out.emplace_back("dose marked", dose);
  out.emplace_back("dose lighter", press(dose, K::Confirm));
  // Share report, with a long name.
  app::AppModel share = m;
  share.report_name = "Mar\u00eda Jos\u00e9 Fern\u00e1ndez de la Cruz Villanueva";
  share.screen = app::share_screen(share, {});
  out.emplace_back("share report", share);
  app::AppModel map = press(m, K::WhereItHurts);
  out.emplace_back("map", map);
  app::AppModel shoulder = press(map, K::BodyZone, test::zone_of("neck_shoulder_left"));
  out.emplace_back("map long place name", shoulder);
  app::AppModel jaw = press(map, K::BodyZone, test::zone_of("jaw_left"));
  jaw = press(press(jaw, K::MuscleToggle, row_of(jaw, "masseter")), K::MuscleToggle,
              row_of(jaw, "temporalis"));
  out.emplace_back("map picks", jaw);
  out.emplace_back("map back view", press(jaw, K::BodyView, 1));
  app::AppModel head =
      press(press(map, K::BodyView, 2), K::BodyZone, test::zone_of("behind_eye_right"));
  out.emplace_back("map head", head);
  app::AppModel full = press(jaw, K::BodyZone, test::zone_of("sacrum_left"));
  full = press(press(full, K::MuscleToggle, 0), K::MuscleToggle, 1);
  out.emplace_back("map long list", full);
  out.emplace_back("map refused", press(full, K::MuscleToggle, 2));
  app::AppModel missing = press(app::AppModel{}, K::WhereItHurts);
  out.emplace_back("map not loaded", missing);
  for (const auto& muscle : m.library->muscles) {
    out.emplace_back("muscle " + muscle.id,
                     press(press(m, K::WhereItHurts), K::BodyZone, test::zone_of("forehead")));
    app::AppModel& last = out.back().second;
    last.screen = app::MuscleScreen{muscle.id, std::get<app::BodyMapScreen>(last.screen)};
  }
  return out;
}

// The shared property check (page_check.h) over these states; the map's refusal message floats
// over its list.
// Each language's states are made in that language (the built-in content is read in it).
void check_pages(std::vector<std::pair<std::string, app::AppModel>> (*make)(),
                 std::vector<pages::PageSize> sizes, std::vector<float> text_scales = {1.0f},
                 std::vector<pages::Look> looks = {{ThemeKind::Dark, false},
                                                   {ThemeKind::Light, false}}) {
  const auto states = [make] {
    std::vector<pages::PageState> out;
    for (const auto& [name, model] : make()) out.push_back({name, model, name == "map refused"});
    return out;
  };
  pages::PageCheck check{std::move(sizes), std::move(text_scales), std::move(looks), {}};
  // The person's own words in these states.
  check.own_words = {"Mar\u00eda Jos\u00e9 Fern\u00e1ndez de la Cruz Villanueva",
                     "My long evening pattern for the slow wind-down after work",
                     "Lifting my child", "Turning my head to reverse the car"};
  pages::check_pages(states, check);
}

TEST_CASE("the measured pages show every text whole, in the window and apart, at every size") {
  check_pages(states, pages::every_size(), {1.0f}, pages::every_look());
}

TEST_CASE("the measured pages reflow at 150 and 200 percent text, also in high contrast") {
  check_pages(states, pages::key_sizes(), {1.5f, 2.0f},
              {{ThemeKind::Dark, false}, {ThemeKind::Light, true}});
}

// Just breathe, every pattern's page (a long custom one too), the editor and Sound.
std::vector<std::pair<std::string, app::AppModel>> breathe_states() {
  std::vector<std::pair<std::string, app::AppModel>> out;
  app::AppModel m = base();
  m.custom_patterns.push_back(core::to_pattern(
      {"My long evening pattern for the slow wind-down after work", std::chrono::seconds(4),
       std::chrono::seconds(2), std::chrono::seconds(8), std::chrono::seconds(0)},
      "custom_1"));
  m = press(m, K::JustBreathe);
  out.emplace_back("breathe list", m);
  const int n = static_cast<int>(app::all_patterns(m).size());
  for (int i = 0; i < n; ++i) {
    out.emplace_back("pattern " + std::to_string(i), press(m, K::PatternRow, i));
  }
  out.emplace_back("pattern in breaths", press(press(m, K::PatternRow, 0), K::UnitBreaths));
  app::AppModel barred = m;
  barred.profile.pregnant = true;
  const auto patterns = app::all_patterns(m);
  for (int i = 0; i < n; ++i) {
    if (patterns[static_cast<std::size_t>(i)]->id == "box_4")
      out.emplace_back("pattern barred", press(barred, K::PatternRow, i));
  }
  // A session of each pattern, 20 s in: its name, words and pacer (the person's own too).
  for (int i = 0; i < n; ++i) {
    app::AppModel session = press(press(m, K::PatternRow, i), K::Start);
    session = act(session,
                  app::Tick{session.session_now + std::chrono::seconds(20), session.wall_now, {}});
    out.emplace_back("breathing " + std::to_string(i), session);
  }
  app::AppModel editor = press(m, K::NewPattern);
  out.emplace_back("editor", editor);
  for (int i = 0; i < 30; ++i) editor = act(editor, app::FieldKeyed{{app::EditKey::Backspace}});
  for (int i = 0; i < 30; ++i) editor = press(editor, K::PhaseUp, 2);
  out.emplace_back("editor problems", press(editor, K::Save));
  out.emplace_back("editor by rate", press(press(m, K::NewPattern), K::ByRate));
  out.emplace_back("editor existing", press(press(m, K::PatternRow, n - 1), K::Edit));
  app::AppModel sound = press(base(), K::Sound);
  out.emplace_back("sound", sound);
  sound = press(press(sound, K::Mute, 0), K::Ambient, 2);
  out.emplace_back("sound changed", press(press(sound, K::Mute, 3), K::SoundSet, 2));
  return out;
}

// The welcome tour's pages and the PSFS (naming the activities, then rating one): screens the
// other sweeps reach only through a journey, here with the page checks and their title check.
std::vector<std::pair<std::string, app::AppModel>> tour_and_psfs_states() {
  std::vector<std::pair<std::string, app::AppModel>> out;
  for (const auto step :
       {app::OnboardingStep::Welcome, app::OnboardingStep::Pressing, app::OnboardingStep::Rating}) {
    app::AppModel tour = base();
    app::OnboardingScreen s;
    s.step = step;
    tour.screen = s;
    out.emplace_back("welcome " + std::to_string(static_cast<int>(step)), tour);
  }
  app::AppModel naming = base();
  app::PsfsScreen psfs;
  psfs.naming = true;
  naming.screen = psfs;
  out.emplace_back("psfs naming", naming);
  app::AppModel rating = base();
  psfs = {};
  psfs.activities = {"Lifting my child", "Turning my head to reverse the car"};
  psfs.index = 1;
  psfs.values = {4};
  rating.screen = psfs;
  out.emplace_back("psfs rating", rating);
  return out;
}

TEST_CASE("the welcome tour and the PSFS pages show every text whole, at every size") {
  check_pages(tour_and_psfs_states, pages::every_size());
  check_pages(tour_and_psfs_states, pages::key_sizes(), {1.5f, 2.0f}, {{ThemeKind::Light, true}});
}

TEST_CASE(
    "the breathing list, pattern pages, editor and Sound show every text whole at every size") {
  check_pages(breathe_states, {{320, 568}, {360, 640}, {1280, 800}});
  check_pages(breathe_states, pages::key_sizes(), {1.5f, 2.0f}, {{ThemeKind::Light, true}});
}

TEST_CASE("a pattern's page scrolls when taller than the window and shows its last text whole") {
  REQUIRE(SDL_Init(0) == 0);
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 320, 568, 32, SDL_PIXELFORMAT_ARGB8888);
  SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
  {
    auto canvas = std::make_shared<Canvas>(renderer);
    const std::shared_ptr<const app::TextMeasure> measure(canvas, canvas.get());
    const app::Size window{320, 568};
    int scrolling = 0;  // pages taller than a phone's window
    for (auto [name_, model_] : breathe_states()) {
      // Named again: clang 14 cannot capture a structured binding in a lambda.
      auto& name = name_;
      auto& model = model_;
      if (name.rfind("pattern", 0) != 0) continue;
      CAPTURE(name);
      model = act(model, app::TextMeasureReady{measure});
      model = act(model, app::Resized{window.w, window.h});
      model = act(model, app::Scrolled{1e7f});
      const auto& s = std::get<app::PatternScreen>(model.screen);
      const auto l = app::pattern_page_layout(model, s, app::env_of(model));
      REQUIRE_FALSE(l.length_note.empty());
      if (l.content_h > l.page.viewport.h + 0.5f) {
        ++scrolling;
        CHECK(model.scroll.offset > 0);
      }
      // The last text, the note under the length, is wholly inside the viewport.
      CHECK(l.length_note.box.y >= l.page.viewport.y - 0.5f);
      CHECK(l.length_note.box.bottom() <= l.page.viewport.bottom() + 0.5f);
      // Start stays fixed below the viewport.
      CHECK(l.start.y >= l.page.viewport.bottom() - 0.5f);
      CHECK(l.start.bottom() <= window.h + 0.5f);
      canvas->begin_frame(palette(ThemeKind::Light).background);
      DrawContext dc{*canvas, palette(ThemeKind::Light), window, app::focused_control(model)};
      draw(dc, model);
      bool note_drawn = false;
      for (const auto& a : canvas->text_log()) {
        if (a.text == l.length_note.lines.back()) note_drawn = !a.clipped && !a.truncated;
      }
      CHECK(note_drawn);
      canvas->end_frame();
    }
    CHECK(scrolling > 0);
  }
  SDL_DestroyRenderer(renderer);
  SDL_FreeSurface(surface);
}

// Whether any pixel of the figure's left and right halves differs from an unshaded figure.
TEST_CASE("the body map shades the chosen side of a picked muscle only") {
  REQUIRE(SDL_Init(0) == 0);
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 390, 844, 32, SDL_PIXELFORMAT_ARGB8888);
  SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
  {
    Canvas canvas(renderer);
    const app::Rect box{100, 100, 200, 440};
    const auto draw_shading = [&](const app::FigureShading& shading) {
      canvas.begin_frame(palette(ThemeKind::Light).background);
      DrawContext dc{canvas, palette(ThemeKind::Light), {390, 844}, std::nullopt};
      draw_body_figure(dc, *test::asset_body_map(), core::BodyView::Front, box, shading);
      SDL_RenderFlush(renderer);
      std::vector<std::uint32_t> px(static_cast<std::size_t>(surface->w * surface->h));
      std::memcpy(px.data(), surface->pixels, px.size() * 4);
      return px;
    };
    const auto plain = draw_shading({});
    const auto* masseter = test::asset_library()->find("masseter");
    REQUIRE(masseter != nullptr);
    app::FigureShading left = app::muscle_shading(*masseter, core::Side::Left);
    left.referral.clear();  // the cheek alone
    const auto shaded = draw_shading(left);
    // The person's left is on the viewer's right on the front view.
    int right_half = 0, left_half = 0;
    for (int y = 100; y < 540; ++y) {
      for (int x = 100; x < 300; ++x) {
        const auto i = static_cast<std::size_t>(y * surface->w + x);
        if (plain[i] == shaded[i]) continue;
        (x >= 200 ? right_half : left_half)++;
      }
    }
    CHECK(right_half > 20);
    CHECK(left_half == 0);
  }
  SDL_DestroyRenderer(renderer);
  SDL_FreeSurface(surface);
}

}  // namespace
}  // namespace unknot::ui
