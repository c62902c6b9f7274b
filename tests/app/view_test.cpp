#include "app/view.h"

#include <doctest/doctest.h>

#include "app/app_builders.h"
#include "app/layout.h"
#include "app/player_page.h"

namespace unknot::app {
using namespace std::chrono_literals;

TEST_CASE("clock labels round up to whole seconds") {
  CHECK(format_clock(45s) == "0:45");
  CHECK(format_clock(44'100ms) == "0:45");
  CHECK(format_clock(0s) == "0:00");
  CHECK(format_clock(12min + 5s) == "12:05");
  CHECK(format_clock(1h + 2min + 3s) == "1:02:03");
}

TEST_CASE("change is described in points and percent, without percent from zero") {
  CHECK(change_text(6, 3) == "3 points lower (50%)");
  CHECK(change_text(4, 5) == "1 point higher (25%)");
  CHECK(change_text(5, 5) == "No change");
  CHECK(change_text(0, 2) == "2 points higher");
}

TEST_CASE("routine metadata shows minutes and regions") {
  const auto m = test::catalog_model();
  CHECK(routine_meta(m.catalog[0]).find(" min · Neck, Upper back, Head") != std::string::npos);
}

TEST_CASE("step lines describe mirrored steps once with both sides") {
  const auto lines = step_lines(test::small_routine(), core::builtin_pattern_lookup());
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].title == "Settle in");
  CHECK(lines[0].detail == "2 breaths");
  CHECK(lines[1].title == "Upper trapezius");
  CHECK(lines[1].detail == "30 s each side");
}

TEST_CASE("the player view names the side, the phase and the time left") {
  test::Driver d;
  d.press(ControlKind::RoutineCard, 0).start().press(ControlKind::PainValue, 5);
  d.press(ControlKind::Confirm);
  d.tick(3s + 20s + 6s);  // 6 s into the left trapezius step
  const auto v = player_view(d.model);
  CHECK(v.heading == "Left upper trapezius");
  CHECK(v.step_label == "Step 2 of 3");
  CHECK(v.phase_word == "Breathe out");
  CHECK(v.phase_seconds == "4");
  CHECK(v.step_left == "0:24 left");
  CHECK(v.pressure == "Pressure 5/10 · never above 7");
  CHECK_FALSE(v.counting_down);
}

TEST_CASE("a worse rating after gets advice to go lighter, never a claim of benefit") {
  test::Driver d;
  d.press(ControlKind::RoutineCard, 0).start().press(ControlKind::PainValue, 3);
  d.press(ControlKind::Confirm);
  const auto total = d.model.session->timeline->total() + 3s;
  d.tick(total + 1s);
  d.press(ControlKind::PainValue, 5).press(ControlKind::Confirm);
  const auto v = summary_view(d.model);
  CHECK(v.message.find("lighter") != std::string::npos);
  CHECK(v.change == "2 points higher (67%)");
}

TEST_CASE("layouts keep targets at least 48 dp and inside the window at every supported size") {
  auto m = test::catalog_model();
  const Size sizes[] = {{360, 640}, {390, 844}, {1280, 800}, {480, 1040}};
  const Screen screens[] = {HomeScreen{}, RoutineScreen{0, {}},
                            RatingScreen::ask(RatingMoment::Before, 0), SummaryScreen{}};
  for (const auto size : sizes) {
    for (const auto& screen : screens) {
      m.screen = screen;
      const auto list = hits(m, size);
      CHECK_FALSE(list.empty());
      for (const auto& h : list) {
        CHECK(h.rect.w >= kTarget);
        CHECK(h.rect.h >= kTarget);
        CHECK(h.rect.x >= 0);
        CHECK(h.rect.y >= 0);
        CHECK(h.rect.right() <= size.w);
        CHECK(h.rect.bottom() <= size.h);
      }
      for (std::size_t i = 0; i < list.size(); ++i) {
        for (std::size_t j = i + 1; j < list.size(); ++j) {
          // Back sits in the corner margin; nothing else may overlap.
          CHECK_FALSE(list[i].rect.intersects(list[j].rect));
        }
      }
    }
  }
}

TEST_CASE("the player layout fits the pacer between the text and the controls") {
  auto m = test::catalog_model();
  m.screen = PlayerScreen{};
  for (const Size size : {Size{360, 640}, Size{390, 844}, Size{1280, 800}}) {
    const auto l = player_page_layout(m, PlayerScreen{}, {size, estimated_text(), 0});
    CHECK(l.pacer_center.y - l.pacer_radius >= l.pressure.box.bottom());
    CHECK(l.pacer_center.y + l.pacer_radius <= l.caption.y);
    CHECK(l.step_left.bottom() <= l.pause.y);
    CHECK(l.pacer_radius >= 60);
  }
}

TEST_CASE("a hit test finds the control under a point") {
  auto m = test::catalog_model();
  m.screen = RoutineScreen{0, {}};
  const auto start = target_rect(m, {390, 844}, {ControlKind::Start, 0});
  REQUIRE(start.has_value());
  CHECK(hit_test(m, {390, 844}, start->center()) == Control{ControlKind::Start, 0});
  CHECK_FALSE(hit_test(m, {390, 844}, {1, 400}).has_value());
}

}  // namespace unknot::app
