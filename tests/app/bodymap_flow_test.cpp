// "Where does it hurt?": Home's card, the body map's views and zones, picking muscles, building
// and saving a routine, a muscle's details and back, focus order, scrolling and the session's
// muscle.
#include "app/bodymap_flow.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "app/app_builders.h"
#include "app/body_map_page.h"
#include "app/bodymap_builders.h"
#include "app/bodymap_layout.h"
#include "app/screens.h"
#include "app/tab_bar.h"

namespace unknot::test {
namespace {

using app::Control;
using app::ControlKind;

struct MapDriver : Driver {
  MapDriver() {
    (*this)(app::LibraryLoaded{asset_library(), asset_body_map()});
    (*this)(app::Resized{390, 844});
  }
  const app::BodyMapScreen& map() const { return std::get<app::BodyMapScreen>(model.screen); }
  int row_of(const std::string& id) const {
    const auto rows = app::bodymap_rows(model, map());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (rows[i]->id == id) return static_cast<int>(i);
    }
    FAIL("no row for " << id);
    return -1;
  }
  MapDriver& pick(const std::string& zone, const std::string& muscle) {
    press(ControlKind::BodyZone, zone_of(zone));
    press(ControlKind::MuscleToggle, row_of(muscle));
    return *this;
  }
};

std::vector<std::string> row_ids(const app::AppModel& m) {
  std::vector<std::string> out;
  for (const auto* muscle : app::bodymap_rows(m, std::get<app::BodyMapScreen>(m.screen)))
    out.push_back(muscle->id);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST_CASE("Home offers Where does it hurt? after Just breathe, and it opens the body map") {
  MapDriver d;
  const auto list = app::controls(d.model);
  const auto breathe = std::find(list.begin(), list.end(), Control{ControlKind::JustBreathe, 0});
  REQUIRE(breathe != list.end());
  CHECK(*(breathe + 1) == Control{ControlKind::WhereItHurts, 0});
  d.press(ControlKind::WhereItHurts);
  REQUIRE(std::holds_alternative<app::BodyMapScreen>(d.model.screen));
  CHECK(d.map().view == core::BodyView::Front);
  // Nothing is chosen yet: the figure has the focus, standing for the first front zone.
  const auto focus = app::focused_control(d.model);
  REQUIRE(focus);
  CHECK(focus->kind == ControlKind::BodyZone);
  CHECK(d.model.body_map->zones[static_cast<std::size_t>(focus->index)].view ==
        core::BodyView::Front);
}

TEST_CASE("the view toggle switches front and back, and the figure's focus follows the view") {
  MapDriver d;
  d.press(ControlKind::WhereItHurts).press(ControlKind::BodyView, 1);
  CHECK(d.map().view == core::BodyView::Back);
  const auto list = app::controls(d.model);
  const auto zone = std::find_if(list.begin(), list.end(),
                                 [](const Control& c) { return c.kind == ControlKind::BodyZone; });
  REQUIRE(zone != list.end());
  CHECK(d.model.body_map->zones[static_cast<std::size_t>(zone->index)].view ==
        core::BodyView::Back);
  d.press(ControlKind::BodyView, 0);
  CHECK(d.map().view == core::BodyView::Front);
}

TEST_CASE("tapping the figure chooses the zone under the finger, or the nearest one close by") {
  MapDriver d;
  d.press(ControlKind::WhereItHurts);
  const app::Size window{390, 844};
  const auto l = app::body_map_layout(d.model, d.map(), app::env_of(d.model));
  REQUIRE(l.figure.h > 0);
  const auto& temple = *d.model.body_map->find("temple_left");
  const auto& shape = temple.shapes.front();
  const app::Point on{l.figure.x + shape.x * l.figure.w / 100,
                      l.figure.y + shape.y * l.figure.h / 220};
  const auto hit = app::hit_test(d.model, window, on);
  REQUIRE(hit);
  CHECK(*hit == Control{ControlKind::BodyZone, zone_of("temple_left")});
  // Just outside the small zone still finds it.
  const app::Point near{on.x + (shape.rx + 1.5f) * l.figure.w / 100, on.y};
  const auto near_hit = app::hit_test(d.model, window, near);
  REQUIRE(near_hit);
  CHECK(near_hit->kind == ControlKind::BodyZone);
  // Far from the figure: nothing.
  CHECK_FALSE(app::hit_test(d.model, window, {l.figure.x + 2, l.figure.bottom() - 2}));
  d(app::Activated{*hit});
  CHECK(d.map().zone == "temple_left");
  const auto rows = row_ids(d.model);
  CHECK(has(rows, "upper_trapezius"));
  CHECK(has(rows, "temporalis"));
  CHECK(has(rows, "suboccipitals"));
}

TEST_CASE("therapist-only muscles are not listed, in therapist mode neither") {
  MapDriver d;
  d.press(ControlKind::WhereItHurts).press(ControlKind::BodyZone, zone_of("forehead"));
  CHECK(has(row_ids(d.model), "suboccipitals"));  // the zone lists others
  CHECK_FALSE(has(row_ids(d.model), "sternocleidomastoid"));
  d.model.therapist_mode = true;
  CHECK_FALSE(has(row_ids(d.model), "sternocleidomastoid"));
}

TEST_CASE("up to four muscles can be picked, across zones, a fifth is refused with a reason") {
  MapDriver d;
  d.press(ControlKind::WhereItHurts);
  d.pick("temple_left", "temporalis").pick("temple_left", "upper_trapezius");
  d.pick("jaw_left", "masseter").pick("buttock_left", "piriformis");
  CHECK(d.map().selected ==
        std::vector<std::string>{"temporalis", "upper_trapezius", "masseter", "piriformis"});
  CHECK(d.map().view == core::BodyView::Back);  // the buttock is on the back
  d.pick("buttock_left", "gluteus_medius");
  CHECK(d.map().selected.size() == 4);
  CHECK(d.model.toast.find("Up to 4") != std::string::npos);
  // Unpicking makes room.
  d.press(ControlKind::MuscleToggle, d.row_of("piriformis"));
  CHECK(d.map().selected.size() == 3);
  d.press(ControlKind::MuscleToggle, d.row_of("gluteus_medius"));
  CHECK(d.map().selected.back() == "gluteus_medius");
}

TEST_CASE(
    "Build routine needs a pick, adds the routine to the catalog and opens it, Save keeps it") {
  MapDriver d;
  d.model.screened_at = d.model.wall_now;
  d.press(ControlKind::WhereItHurts);
  const auto before = d.model.catalog.size();
  d.press(ControlKind::BuildRoutine);
  CHECK(
      std::holds_alternative<app::BodyMapScreen>(d.model.screen));  // nothing picked: nothing built
  d.pick("temple_left", "temporalis").pick("temple_left", "upper_trapezius");
  CHECK(app::primary_control(d.model) == Control{ControlKind::BuildRoutine, 0});
  d.press(ControlKind::BuildRoutine);
  REQUIRE(std::holds_alternative<app::RoutineScreen>(d.model.screen));
  REQUIRE(d.model.catalog.size() == before + 1);
  const int index = std::get<app::RoutineScreen>(d.model.screen).routine;
  const app::CatalogEntry& entry = d.model.catalog[static_cast<std::size_t>(index)];
  CHECK(entry.built);
  CHECK_FALSE(entry.saved);
  bool temporalis = false, trapezius = false;
  for (const auto& step : entry.routine.steps) {
    temporalis |= step.muscle == "temporalis";
    trapezius |= step.muscle == "upper_trapezius";
  }
  CHECK(temporalis);
  CHECK(trapezius);
  CHECK(app::controls(d.model) == std::vector<Control>{{ControlKind::Back, 0},
                                                       {ControlKind::RoutineSources, 0},
                                                       {ControlKind::SaveRoutine, 0},
                                                       {ControlKind::Start, 0}});
  CHECK(app::focused_control(d.model) == Control{ControlKind::Start, 0});

  d.press(ControlKind::SaveRoutine);
  const auto saved = d.all<app::SaveBuiltRoutine>();
  REQUIRE(saved.size() == 1);
  CHECK(saved[0].routine.id == entry.routine.id);
  CHECK(d.model.catalog[static_cast<std::size_t>(index)].saved);
  const auto after_save = app::controls(d.model);
  CHECK(std::find(after_save.begin(), after_save.end(), Control{ControlKind::SaveRoutine, 0}) ==
        after_save.end());
  d.press(ControlKind::SaveRoutine);
  CHECK(d.all<app::SaveBuiltRoutine>().size() == 1);  // saved once

  // Back returns to the map with the picks; building the same muscles again replaces the
  // routine rather than adding another.
  d.press(ControlKind::Back);
  REQUIRE(std::holds_alternative<app::BodyMapScreen>(d.model.screen));
  CHECK(d.map().selected == std::vector<std::string>{"temporalis", "upper_trapezius"});
  d.press(ControlKind::BuildRoutine);
  CHECK(d.model.catalog.size() == before + 1);

  // Start plays it: the player shows the muscle of each pressure step.
  d.start().press(ControlKind::PainValue, 5).press(ControlKind::Confirm);
  REQUIRE(std::holds_alternative<app::PlayerScreen>(d.model.screen));
  const auto& timeline = *d.model.session->timeline;
  int pressure = -1;
  for (int i = 0; i < timeline.step_count(); ++i) {
    if (timeline.step(i).kind == core::StepKind::Pressure) {
      pressure = i;
      break;
    }
  }
  REQUIRE(pressure >= 0);
  CHECK(app::session_muscle(d.model) == nullptr);  // the first step breathes
  d.tick(std::chrono::seconds(3) + timeline.step_start(pressure) + std::chrono::seconds(2));
  const auto* muscle = app::session_muscle(d.model);
  REQUIRE(muscle != nullptr);
  CHECK(muscle->id == timeline.step(pressure).muscle);
}

TEST_CASE("a muscle's details open from its row and Back returns to the map as it was") {
  MapDriver d;
  d.press(ControlKind::WhereItHurts);
  d.pick("temple_left", "temporalis");
  const app::BodyMapScreen before = d.map();
  const int row = d.row_of("suboccipitals");
  d.press(ControlKind::MuscleInfo, row);
  REQUIRE(std::holds_alternative<app::MuscleScreen>(d.model.screen));
  CHECK(std::get<app::MuscleScreen>(d.model.screen).muscle == "suboccipitals");
  CHECK(app::controls(d.model) == std::vector<Control>{{ControlKind::Back, 0}});
  d(app::BackPressed{});
  REQUIRE(std::holds_alternative<app::BodyMapScreen>(d.model.screen));
  CHECK(d.map().zone == before.zone);
  CHECK(d.map().selected == before.selected);
  CHECK(app::focused_control(d.model) == Control{ControlKind::MuscleInfo, row});
  d(app::BackPressed{});
  CHECK(std::holds_alternative<app::HomeScreen>(d.model.screen));
}

TEST_CASE("the body map's focus order: back, views, figure, each row's pick and details, build") {
  MapDriver d;
  d.press(ControlKind::WhereItHurts).press(ControlKind::BodyZone, zone_of("jaw_left"));
  const auto rows = static_cast<int>(row_ids(d.model).size());
  REQUIRE(rows >= 2);
  std::vector<Control> expected{{ControlKind::Back, 0},
                                {ControlKind::BodyView, 0},
                                {ControlKind::BodyView, 1},
                                {ControlKind::BodyView, 2},
                                {ControlKind::BodyZone, zone_of("jaw_left")}};
  for (int i = 0; i < rows; ++i) {
    expected.push_back({ControlKind::MuscleToggle, i});
    expected.push_back({ControlKind::MuscleInfo, i});
  }
  CHECK(app::controls(d.model) == expected);  // Build routine waits for a pick
  d.press(ControlKind::MuscleToggle, 0);
  expected.push_back({ControlKind::BuildRoutine, 0});
  CHECK(app::controls(d.model) == expected);
}

TEST_CASE("the keyboard steps through the zones of the view shown, wrapping") {
  MapDriver d;
  d.press(ControlKind::WhereItHurts);
  const auto zones = app::view_zones(*d.model.body_map, core::BodyView::Front);
  REQUIRE(zones.size() > 2);
  CHECK(app::zone_step(d.model, 1) == zones.front());
  CHECK(app::zone_step(d.model, -1) == zones.back());
  d.press(ControlKind::BodyZone, zones.back());
  CHECK(app::zone_step(d.model, 1) == zones.front());
  d.press(ControlKind::BodyZone, zones[1]);
  CHECK(app::zone_step(d.model, -1) == zones[0]);
  CHECK(app::zone_step(d.model, 1) == zones[2]);
}

TEST_CASE("the body map scrolls within its limit and keeps the focused row in view") {
  MapDriver d;
  d(app::Resized{360, 640});
  d.press(ControlKind::WhereItHurts).press(ControlKind::BodyZone, zone_of("sacrum_left"));
  const int rows = static_cast<int>(row_ids(d.model).size());
  REQUIRE(rows >= 4);
  const float max = app::screen_frame(d.model).max_scroll();
  REQUIRE(max > 0);
  d(app::Scrolled{10'000});
  CHECK(d.model.scroll.offset == doctest::Approx(max));
  // Scrolled to the end, the last row is wholly inside the viewport.
  const auto end = app::body_map_layout(d.model, d.map(), app::env_of(d.model));
  CHECK(end.rows.back().row.bottom() <= end.page.viewport.bottom() + 0.5f);
  CHECK(end.rows.back().row.y >= end.page.viewport.y);
  d(app::Scrolled{-10'000});
  CHECK(d.model.scroll.offset == 0);
  // Walk the focus to the last row: it comes into view.
  const auto list = app::controls(d.model);
  const auto last = std::find(list.begin(), list.end(), Control{ControlKind::MuscleInfo, rows - 1});
  REQUIRE(last != list.end());
  while (app::focused_control(d.model) != *last) d(app::FocusMoved{1});
  const auto l = app::body_map_layout(d.model, d.map(), app::env_of(d.model));
  CHECK(l.rows.back().row.bottom() <= l.page.viewport.bottom());
  CHECK(l.rows.back().row.y >= l.page.viewport.y);
  CHECK(app::target_rect(d.model, {360, 640}, *last).has_value());
}

TEST_CASE("the figure shades the chosen side only, a midline place shades both sides") {
  MapDriver d;
  d.press(ControlKind::WhereItHurts);
  d.pick("jaw_left", "masseter");
  app::FigureShading s = app::map_shading(d.model, d.map(), std::nullopt);
  CHECK(s.chosen == "jaw_left");
  CHECK(s.location == std::vector<std::string>{"jaw_left"});
  CHECK(has(s.referral, "ear_left"));
  CHECK_FALSE(has(s.referral, "ear_right"));
  CHECK(has(s.referral, "forehead"));  // midline: on both sides
  // The right jaw shades the right side, with the same pick.
  d.press(ControlKind::BodyZone, zone_of("jaw_right"));
  s = app::map_shading(d.model, d.map(), std::nullopt);
  CHECK(s.location == std::vector<std::string>{"jaw_right"});
  // A focused row adds its muscle, on the same side.
  s = app::map_shading(d.model, d.map(),
                       Control{ControlKind::MuscleToggle, d.row_of("temporalis")});
  CHECK(has(s.location, "temple_right"));
  CHECK_FALSE(has(s.location, "temple_left"));
  // The back of the neck is on the midline: both sides.
  d.press(ControlKind::BodyZone, zone_of("back_of_neck"));
  s = app::map_shading(d.model, d.map(), std::nullopt);
  CHECK(has(s.location, "jaw_left"));
  CHECK(has(s.location, "jaw_right"));
  CHECK(app::zone_side("ear_left") == core::Side::Left);
  CHECK(app::zone_side("throat") == core::Side::None);
}

TEST_CASE("the session's figure shades the side of the step playing") {
  MapDriver d;
  d.model.screened_at = d.model.wall_now;
  d.press(ControlKind::WhereItHurts);
  d.pick("jaw_left", "masseter").press(ControlKind::BuildRoutine);
  d.start().press(ControlKind::PainValue, 5).press(ControlKind::Confirm);
  REQUIRE(d.model.session);
  const auto& timeline = *d.model.session->timeline;
  int sides = 0;
  for (int i = 0; i < timeline.step_count(); ++i) {
    const core::Step& step = timeline.step(i);
    if (step.kind != core::StepKind::Pressure || step.muscle != "masseter") continue;
    d.tick(std::chrono::seconds(3) + timeline.step_start(i) + std::chrono::seconds(2));
    const app::FigureShading s = app::session_shading(d.model);
    CAPTURE(i);
    if (step.side == core::Side::Left) {
      CHECK(s.location == std::vector<std::string>{"jaw_left"});
      ++sides;
    } else if (step.side == core::Side::Right) {
      CHECK(s.location == std::vector<std::string>{"jaw_right"});
      ++sides;
    }
  }
  CHECK(sides >= 2);
}

TEST_CASE("a place on the other view is named with the view that shows it") {
  MapDriver d;
  d.press(ControlKind::WhereItHurts).press(ControlKind::BodyZone, zone_of("temple_left"));
  auto l = app::body_map_layout(d.model, d.map(), app::env_of(d.model));
  CHECK(l.shown_on.empty());  // the front shows the temple
  d.press(ControlKind::BodyView, 1);
  l = app::body_map_layout(d.model, d.map(), app::env_of(d.model));
  REQUIRE_FALSE(l.shown_on.empty());
  CHECK(l.shown_on.lines.front() == "Shown on the front");
  d.press(ControlKind::BodyZone, zone_of("buttock_left"));  // on the back, shown there
  l = app::body_map_layout(d.model, d.map(), app::env_of(d.model));
  CHECK(l.shown_on.empty());
  d.press(ControlKind::BodyView, 0);
  l = app::body_map_layout(d.model, d.map(), app::env_of(d.model));
  REQUIRE_FALSE(l.shown_on.empty());
  CHECK(l.shown_on.lines.front() == "Shown on the back");
}

TEST_CASE("the head close-up shows the head's zones larger, and a tap finds the ear") {
  MapDriver d;
  d(app::Resized{360, 640});
  d.press(ControlKind::WhereItHurts);
  const auto whole = app::body_map_layout(d.model, d.map(), app::env_of(d.model));
  d.press(ControlKind::BodyView, 2);
  CHECK(d.map().head);
  const auto l = app::body_map_layout(d.model, d.map(), app::env_of(d.model));
  const float whole_k = whole.figure.w / whole.window.w, head_k = l.figure.w / l.window.w;
  CHECK(head_k >= 2.5f * whole_k);
  // Only the head's zones are shown, so the keyboard walks them alone.
  const auto zones = app::shown_zones(*d.model.body_map, d.map());
  CHECK(std::find(zones.begin(), zones.end(), zone_of("ear_left")) != zones.end());
  CHECK(std::find(zones.begin(), zones.end(), zone_of("knee_left")) == zones.end());
  // The ear is at least 16 dp wide now; a tap on it, and one just beside it, choose it.
  const auto& ear = d.model.body_map->find("ear_left")->shapes.front();
  CHECK(2 * ear.rx * head_k >= 16);
  const app::Point on{l.figure.x + (ear.x - l.window.x) * head_k,
                      l.figure.y + (ear.y - l.window.y) * head_k};
  CHECK(app::hit_test(d.model, {360, 640}, on) ==
        Control{ControlKind::BodyZone, zone_of("ear_left")});
  const app::Point beside{on.x + (ear.rx + 1.0f) * head_k, on.y};
  CHECK(app::hit_test(d.model, {360, 640}, beside) ==
        Control{ControlKind::BodyZone, zone_of("ear_left")});
  d(app::Activated{Control{ControlKind::BodyZone, zone_of("ear_left")}});
  CHECK(d.map().zone == "ear_left");
  CHECK(d.map().head);  // the close-up stays for a place in it
  // Choosing a place outside the head leaves the close-up.
  d.press(ControlKind::BodyZone, zone_of("knee_left"));
  CHECK_FALSE(d.map().head);
}

TEST_CASE("Home scrolls when its cards don't fit above the tab bar at 360x640") {
  MapDriver d;
  for (const char* id : {"a", "b", "c"}) {
    d.model.catalog.push_back(
        app::make_catalog_entry(small_routine(id), core::builtin_pattern_lookup()));
  }
  d(app::Resized{360, 640});
  const int n = static_cast<int>(d.model.catalog.size());
  const float max = app::screen_frame(d.model).max_scroll();
  REQUIRE(max > 0);
  d(app::Scrolled{10'000});
  CHECK(d.model.scroll.offset == doctest::Approx(max));
  const auto last = app::target_rect(d.model, {360, 640}, {ControlKind::RoutineCard, n - 1});
  REQUIRE(last);
  CHECK(last->bottom() <= 640 - app::kTabBarHeight - app::kGap + 0.5f);
  // Back at the top, walking the focus to the last card scrolls it into view.
  d(app::Scrolled{-10'000});
  while (app::focused_control(d.model) != Control{ControlKind::RoutineCard, n - 1})
    d(app::FocusMoved{1});
  CHECK(d.model.scroll.offset > 0);
  const auto shown = app::target_rect(d.model, {360, 640}, {ControlKind::RoutineCard, n - 1});
  REQUIRE(shown);
  CHECK(shown->bottom() <= 640 - app::kTabBarHeight + 0.5f);
  CHECK(shown->h > 60);  // wholly in view, not a sliver
}

TEST_CASE("without the library the body map says so and offers only Back") {
  Driver d;
  d.press(ControlKind::WhereItHurts);
  REQUIRE(std::holds_alternative<app::BodyMapScreen>(d.model.screen));
  CHECK(app::controls(d.model) == std::vector<Control>{{ControlKind::Back, 0}});
  d.press(ControlKind::BuildRoutine);
  CHECK(std::holds_alternative<app::BodyMapScreen>(d.model.screen));
}

}  // namespace
}  // namespace unknot::test
