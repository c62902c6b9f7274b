// The screen-module contract and the shared behaviours behind it: every screen answers for its
// targets and its primary control, scrolling (limits, momentum, keys, focus kept in view), and
// the session screens' own rules (step counts, the plain error, Done after breathing).
#include "app/screens.h"

#include <doctest/doctest.h>

#include "app/app_builders.h"
#include "app/prompt_pages.h"

namespace unknot::app {

using namespace std::chrono_literals;
using test::Driver;

TEST_CASE("every screen's primary control is one of its own enabled targets") {
  Driver d;
  d.press(ControlKind::RoutineCard, 0);
  const Screen screens[] = {HomeScreen{},
                            RoutineScreen{0, {}},
                            RatingScreen::ask(RatingMoment::Before, 0),
                            SummaryScreen{},
                            ErrorScreen{"Can't open", "a.json:1:1: bad", false},
                            ResumeScreen{{1, "neck", 1, 4, "", std::nullopt}, 0},
                            SettingsScreen{},
                            SourcesScreen{0},
                            BreatheListScreen{},
                            SoundScreen{},
                            BuilderScreen{},
                            BuilderStepScreen{},
                            BuilderPickScreen{},
                            BuilderPlanScreen{},
                            DamagedScreen{},
                            BackupsScreen{}};
  for (const auto& screen : screens) {
    AppModel m = d.model;
    open_screen(m, screen);
    CAPTURE(screen.index());
    const auto list = controls(m);
    REQUIRE_FALSE(list.empty());
    CHECK(std::find(list.begin(), list.end(), primary_control(m)) != list.end());
    CHECK(focused_control(m) == primary_control(m));
  }
}

TEST_CASE("scrolling stays within the content, coasts after a fling and stops by itself") {
  ScreenFrame f;
  f.viewport = {0, 100, 390, 500};
  f.content_h = 1500;
  ScrollState s;
  scroll_by(s, f, -50);
  CHECK(s.offset == 0);
  scroll_by(s, f, 5000);
  CHECK(s.offset == 1000);
  s.offset = 0;
  fling(s, 2000, core::Instant{0ms});
  int frames = 0;
  while (coast(s, f, core::Instant{std::chrono::milliseconds(16 * ++frames)}) && frames < 1000) {
  }
  CHECK(frames < 200);  // stops within about 3 s
  CHECK(s.velocity == 0);
  // v0·τ = 2000 × 0.325 s = 650 dp at most, less the tail cut off below 20 dp/s.
  CHECK(s.offset > 600);
  CHECK(s.offset < 651);
  // A fling toward the top stops at the top at once.
  fling(s, -100000, core::Instant{0ms});
  coast(s, f, core::Instant{1000ms});
  CHECK(s.offset == 0);
  CHECK(s.velocity == 0);
}

TEST_CASE("reveal scrolls the least that shows a rect, and shows the top of a tall one") {
  ScreenFrame f;
  f.viewport = {0, 100, 390, 500};
  f.content_h = 3000;
  ScrollState s;
  reveal(s, f, {0, 700, 100, 48});  // 148 dp below the viewport's foot (600), margin 8
  CHECK(s.offset == doctest::Approx(156));
  reveal(s, f, {0, 50, 100, 48});  // above the top: scrolls back by 58
  CHECK(s.offset == doctest::Approx(98));
  reveal(s, f, {0, 300, 100, 900});  // taller than the viewport: its top at the top
  CHECK(s.offset == doctest::Approx(290));
}

TEST_CASE("Page Down, End and Home move the routine page, a new screen starts at the top") {
  Driver d;
  d(Resized{360, 400});
  d.press(ControlKind::RoutineCard, 0);
  const ScreenFrame f = screen_frame(d.model);
  REQUIRE(f.max_scroll() > 0);
  d(Paged{1});
  CHECK(d.model.scroll.offset > 0);
  d(ScrolledToEnd{true});
  CHECK(d.model.scroll.offset == doctest::Approx(f.max_scroll()));
  d(ScrolledToEnd{false});
  CHECK(d.model.scroll.offset == 0);
  d(ScrolledToEnd{true}).press(ControlKind::Back);
  CHECK(std::holds_alternative<HomeScreen>(d.model.screen));
  CHECK(d.model.scroll.offset == 0);
}

TEST_CASE("the resume prompt counts steps as the player does") {
  const AppModel m = test::catalog_model();
  // Timeline step 2 is the right side of authored step 2 (settle, left, right, close).
  REQUIRE(m.catalog[0].timeline->step(2).source_index == 1);
  const ResumeScreen s{{1, "neck", 2, 4, "", std::nullopt}, 0};
  CHECK(resume_text(m, s).find("before step 2 of 3") != std::string::npos);
}

TEST_CASE("a bad file says plainly what to do, with the technical problems folded away") {
  Driver d;
  d(FileOpenFailed{"This homework file has problems", "hw.unknot:3:5: steps[0].hold_s: too long",
                   true});
  REQUIRE(std::holds_alternative<ErrorScreen>(d.model.screen));
  auto text = error_paragraphs(std::get<ErrorScreen>(d.model.screen));
  REQUIRE(text.size() == 1);
  CHECK(text[0] == "This file from your therapist can't be used: ask them to send it again.");
  d.press(ControlKind::ShowDetails);
  text = error_paragraphs(std::get<ErrorScreen>(d.model.screen));
  REQUIRE(text.size() == 2);
  CHECK(text[1] == "hw.unknot:3:5: steps[0].hold_s: too long");
  d.press(ControlKind::Dismiss);
  CHECK(std::holds_alternative<HomeScreen>(d.model.screen));
}

TEST_CASE("Back from a routine built on the body map returns to the map with its picks") {
  Driver d;
  BodyMapScreen map;
  map.zone = "neck_shoulder_left";
  map.selected = {"upper_trapezius"};
  RoutineScreen page{0, map};
  open_screen(d.model, page);
  d.press(ControlKind::Back);
  REQUIRE(std::holds_alternative<BodyMapScreen>(d.model.screen));
  CHECK(std::get<BodyMapScreen>(d.model.screen).selected ==
        std::vector<std::string>{"upper_trapezius"});
}

}  // namespace unknot::app
