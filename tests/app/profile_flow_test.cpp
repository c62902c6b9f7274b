// The health profile page (every flag of domain.md §2.5, "None of these" in one tap) and the
// therapist-only muscles (SCM, iliopsoas), which only a therapist's homework file plays.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "app/app_builders.h"
#include "app/body_map_page.h"
#include "app/bodymap_builders.h"
#include "app/builder_builders.h"
#include "app/care_flow.h"
#include "app/profile_page.h"
#include "app/screens.h"
#include "app/view.h"

namespace unknot::test {
namespace {

using app::Control;
using app::ControlKind;
using namespace std::chrono;

Driver with_library() {
  Driver d;
  d(app::LibraryLoaded{asset_library(), asset_body_map()});
  d(app::Resized{390, 844});
  return d;
}

core::StepSpec step_for(const std::string& muscle_id) {
  const core::MuscleInfo* m = asset_library()->find(muscle_id);
  REQUIRE(m != nullptr);
  core::StepSpec s;
  s.kind = core::StepKind::Pressure;
  s.muscle = m->id;
  s.title = m->name;
  s.sides = core::Sides::Both;
  s.tool = m->tool;
  s.posture = m->posture;
  s.instruction = m->instruction;
  s.pattern_id = "extended_exhale_4_6";
  s.duration = seconds(m->hold_seconds);
  s.pressure_target = m->pressure;
  return s;
}

// Settle in, the SCM, the iliopsoas and the upper trapezius, let go.
core::Routine supervised_routine(std::string id) {
  core::Routine r = small_routine(std::move(id));
  r.steps = {r.steps[0], step_for("sternocleidomastoid"), step_for("iliopsoas"),
             step_for("upper_trapezius"), r.steps[2]};
  return r;
}

// Start, whichever safety check comes first passed with no, a rating of 6: the session runs.
void start_session(Driver& d, int routine) {
  d.press(ControlKind::RoutineCard, routine).press(ControlKind::Start);
  if (const auto* s = std::get_if<app::SafetyScreen>(&d.model.screen)) {
    if (!s->brief) {
      for (int i = 0; i < app::kRedFlagCount; ++i) d.press(ControlKind::RedFlagNo, i);
    }
    d.press(ControlKind::Confirm);
  }
  REQUIRE(std::holds_alternative<app::RatingScreen>(d.model.screen));
  d.press(ControlKind::PainValue, 6).press(ControlKind::Confirm);
  REQUIRE(d.model.session.has_value());
}

std::vector<std::string> played_muscles(const Driver& d) {
  std::vector<std::string> out;
  const core::Timeline& t = *d.model.session->timeline;
  for (int i = 0; i < t.step_count(); ++i) {
    const core::Step& s = t.step(i);
    if (s.kind == core::StepKind::Pressure) out.push_back(s.muscle);
  }
  return out;
}

bool has(const std::vector<std::string>& list, const std::string& id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

int catalog_index(const Driver& d, const std::string& id) {
  const int i = app::find_routine(d.model, id);
  REQUIRE(i >= 0);
  return i;
}

TEST_CASE("the profile page lists every flag, and with none ticked its one tap is None of these") {
  Driver d;
  d.press(ControlKind::Settings).press(ControlKind::HealthProfile);
  REQUIRE(std::holds_alternative<app::ProfileScreen>(d.model.screen));
  const auto list = app::controls(d.model);
  for (int i = 0; i < static_cast<int>(app::kProfileFlagCount); ++i) {
    CAPTURE(i);
    CHECK(std::find(list.begin(), list.end(), Control{ControlKind::ProfileFlag, i}) != list.end());
  }
  // Opened with the focus on the bottom button, which reads "None of these".
  CHECK(app::focused_control(d.model) == Control{ControlKind::Save, 0});
  const auto& screen = std::get<app::ProfileScreen>(d.model.screen);
  CHECK(app::profile_save_label(screen) == "None of these");
  d.press(ControlKind::ProfileFlag, 9);
  CHECK(app::profile_save_label(std::get<app::ProfileScreen>(d.model.screen)) == "Save");
  d.press(ControlKind::ProfileFlag, 9);
  CHECK(app::profile_save_label(std::get<app::ProfileScreen>(d.model.screen)) == "None of these");
  // One tap: nothing noted, back in Settings.
  d.press(ControlKind::Save);
  CHECK(std::holds_alternative<app::SettingsScreen>(d.model.screen));
  CHECK(d.model.profile == app::HealthProfile{});
  CHECK(app::profile_summary(d.model.profile) == "Nothing noted");
}

TEST_CASE("each profile row switches its own flag, and the summary names the ones ticked") {
  for (int i = 0; i < static_cast<int>(app::kProfileFlagCount); ++i) {
    CAPTURE(i);
    app::HealthProfile p;
    app::set_profile_flag(p, i, true);
    for (int j = 0; j < static_cast<int>(app::kProfileFlagCount); ++j) {
      CHECK(app::profile_flag(p, j) == (i == j));
    }
    CHECK(app::profile_summary(p) ==
          app::profile_flag_texts()[static_cast<std::size_t>(i)].summary);
  }
  app::HealthProfile p;
  app::set_profile_flag(p, 99, true);  // out of range: nothing
  CHECK(p == app::HealthProfile{});
  CHECK_FALSE(app::profile_flag(p, -1));
}

TEST_CASE("ticking blood thinners and saving moves ball steps to the hands or leaves them out") {
  Driver d = with_library();
  d.model.catalog.push_back(app::make_catalog_entry(
      [] {
        core::Routine r = small_routine("ball");
        r.steps = {r.steps[0], step_for("upper_trapezius"), step_for("gluteus_medius"), r.steps[2]};
        return r;
      }(),
      core::builtin_pattern_lookup()));
  d.press(ControlKind::Settings)
      .press(ControlKind::HealthProfile)
      .press(ControlKind::ProfileFlag, 0);
  d.press(ControlKind::Save);
  REQUIRE(d.all<app::SaveProfile>().size() == 1);
  const app::CatalogEntry& entry =
      d.model.catalog[static_cast<std::size_t>(catalog_index(d, "ball"))];
  std::vector<std::string> kept;
  for (const auto& s : entry.routine.steps) {
    if (s.kind != core::StepKind::Pressure) continue;
    kept.push_back(s.muscle);
    CHECK_FALSE(core::uses_tool(s.tool));
    CHECK(s.pressure_target <= core::kLightPressure);
  }
  CHECK(kept == std::vector<std::string>{"upper_trapezius"});
  CHECK(entry.routine.steps[1].tool == asset_library()->find("upper_trapezius")->hands->tool);
  // The routine's page says what changed and why.
  d(app::BackPressed{})(app::BackPressed{});
  d.press(ControlKind::RoutineCard, catalog_index(d, "ball"));
  REQUIRE(std::holds_alternative<app::RoutineScreen>(d.model.screen));
  bool removed_glute = false;
  for (const auto& c : entry.changes) {
    removed_glute = removed_glute || (c.kind == core::StepChange::Kind::Removed &&
                                      c.reason.find("blood thinners") != std::string::npos);
  }
  CHECK(removed_glute);
}

TEST_CASE("therapist mode does not unlock the SCM or iliopsoas for a client's own routines") {
  Driver d = with_library();
  d.press(ControlKind::Settings).press(ControlKind::TherapistMode);
  REQUIRE(d.model.therapist_mode);

  SUBCASE("the body map does not list them") {
    d.model.screen = app::HomeScreen{};
    d.press(ControlKind::WhereItHurts).press(ControlKind::BodyZone, zone_of("forehead"));
    for (const auto* m : app::bodymap_rows(d.model, std::get<app::BodyMapScreen>(d.model.screen))) {
      CHECK_FALSE(m->therapist_only);
    }
  }
  SUBCASE("a routine file that holds them plays without them, and says why") {
    d(app::RoutineFileOpened{supervised_routine("opened")});
    REQUIRE(std::holds_alternative<app::RoutineScreen>(d.model.screen));
    const app::CatalogEntry& entry =
        d.model.catalog[static_cast<std::size_t>(catalog_index(d, "opened"))];
    REQUIRE(entry.changes.size() == 2);
    for (const auto& c : entry.changes) {
      CHECK(c.kind == core::StepChange::Kind::Removed);
      CHECK(c.reason.find("therapist's homework") != std::string::npos);
    }
    start_session(d, catalog_index(d, "opened"));
    CHECK(played_muscles(d) == std::vector<std::string>{"upper_trapezius", "upper_trapezius"});
  }
}

TEST_CASE("the builder still prescribes the SCM and iliopsoas, but its Try leaves them out") {
  BuilderDriver d;
  d.open().add("sternocleidomastoid").add("iliopsoas").add("upper_trapezius");
  d.press(ControlKind::ExportHomework);
  const auto exported = d.all<app::ExportHomework>();
  REQUIRE(exported.size() == 1);
  std::vector<std::string> prescribed;
  for (const auto& s : exported[0].homework.routine.steps) prescribed.push_back(s.muscle);
  CHECK(has(prescribed, "sternocleidomastoid"));
  CHECK(has(prescribed, "iliopsoas"));
  d(app::BackPressed{});
  d.model.screen = app::SettingsScreen{};
  d.open().press(ControlKind::TryHomework);
  REQUIRE(std::holds_alternative<app::RoutineScreen>(d.model.screen));
  const int tried = std::get<app::RoutineScreen>(d.model.screen).routine;
  start_session(d, tried);
  CHECK(played_muscles(d) == std::vector<std::string>{"upper_trapezius", "upper_trapezius"});
}

TEST_CASE("a homework file that prescribes the SCM and iliopsoas plays them, therapist mode off") {
  Driver d = with_library();
  REQUIRE_FALSE(d.model.therapist_mode);
  app::HomeworkLoaded loaded;
  loaded.routines.push_back(supervised_routine("homework:hw-supervised"));
  app::HomeworkStatus status;
  status.id = "hw-supervised";
  status.title = "Neck and hip homework";
  loaded.status.push_back(status);
  d(loaded);
  const int index = catalog_index(d, "homework:hw-supervised");
  CHECK(d.model.catalog[static_cast<std::size_t>(index)].changes.empty());
  start_session(d, index);
  const auto played = played_muscles(d);
  CHECK(played == std::vector<std::string>{"sternocleidomastoid", "sternocleidomastoid",
                                           "iliopsoas", "iliopsoas", "upper_trapezius",
                                           "upper_trapezius"});
}

TEST_CASE("a routine file with the same id as homework does not inherit its prescription") {
  Driver d = with_library();
  app::HomeworkLoaded loaded;
  loaded.routines.push_back(supervised_routine("homework:hw-supervised"));
  app::HomeworkStatus status;
  status.id = "hw-supervised";
  loaded.status.push_back(status);
  d(loaded);
  d(app::RoutineFileOpened{supervised_routine("homework:hw-supervised")});
  const int index = catalog_index(d, "homework:hw-supervised");
  start_session(d, index);
  CHECK_FALSE(has(played_muscles(d), "sternocleidomastoid"));
  CHECK_FALSE(has(played_muscles(d), "iliopsoas"));
}

}  // namespace
}  // namespace unknot::test
