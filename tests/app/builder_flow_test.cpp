// The therapist's homework builder: the entry in settings, picking muscles, every field of a
// step and of the schedule within its limits, reordering and removing, the draft kept across
// screens, Export (the effect's homework, its revision, its validity) and its problems, Try it
// now, and starting a new homework.
#include "app/builder_flow.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "app/builder_builders.h"

namespace unknot::test {
namespace {

using app::BuilderValue;
using app::Control;
using app::ControlKind;
using namespace std::chrono;

int hold_s(const core::StepSpec& s) {
  return static_cast<int>(duration_cast<seconds>(*s.duration).count());
}

TEST_CASE("Build homework is offered in settings only in therapist mode") {
  BuilderDriver off(false);
  CHECK_FALSE(off.has({ControlKind::BuildHomework, 0}));
  off.press(ControlKind::BuildHomework);
  CHECK(std::holds_alternative<app::SettingsScreen>(off.model.screen));
  BuilderDriver on;
  REQUIRE(on.has({ControlKind::BuildHomework, 0}));
  on(app::Scrolled{1e6f});  // it is the last row of a long page
  bool in_hits = false;
  for (const auto& h : app::hits(on.model, {390, 844}))
    in_hits |= h.control == Control{ControlKind::BuildHomework, 0};
  CHECK(in_hits);
  on.open();
  REQUIRE(std::holds_alternative<app::BuilderScreen>(on.model.screen));
  CHECK(app::focused_control(on.model) == Control{ControlKind::AddMuscle, 0});
  on(app::BackPressed{});
  CHECK(std::holds_alternative<app::SettingsScreen>(on.model.screen));
}

TEST_CASE("the picker lists every library muscle by region, therapist-only ones included") {
  BuilderDriver d;
  d.open().press(ControlKind::AddMuscle);
  const auto rows = app::builder_pick_rows(d.model);
  CHECK(rows.size() == asset_library()->muscles.size());
  CHECK(rows.front().heading == asset_library()->muscles.front().region);
  CHECK(std::any_of(rows.begin(), rows.end(),
                    [](const auto& r) { return r.muscle->therapist_only; }));
  // Grouped: once a region's rows end, it never comes back.
  std::vector<std::string> seen;
  for (const auto& r : rows) {
    if (!r.heading.empty()) {
      CHECK(std::find(seen.begin(), seen.end(), r.heading) == seen.end());
      seen.push_back(r.heading);
    }
    CHECK(r.muscle->region == seen.back());
  }
  d(app::BackPressed{});
  CHECK(std::holds_alternative<app::BuilderScreen>(d.model.screen));
  CHECK(app::focused_control(d.model) == Control{ControlKind::AddMuscle, 0});
}

TEST_CASE("an added muscle takes the library's defaults and the focus") {
  BuilderDriver d;
  d.open().add("upper_trapezius").add("suboccipitals").add("sternocleidomastoid");
  REQUIRE(d.draft().steps.size() == 3);
  const auto* trap = asset_library()->find("upper_trapezius");
  CHECK(d.step(0).muscle == "upper_trapezius");
  CHECK(d.step(0).title == trap->name);
  CHECK(d.step(0).sides == core::Sides::Both);
  CHECK(d.step(0).instruction == trap->instruction);
  CHECK(d.step(0).pressure_target == trap->pressure);
  CHECK(hold_s(d.step(0)) == trap->hold_seconds);
  CHECK(d.step(0).pattern_id == "extended_exhale_4_6");
  CHECK(d.step(1).sides == core::Sides::None);  // suboccipitals: midline
  CHECK(app::focused_control(d.model) == Control{ControlKind::StepRow, 2});
  // The row shows the dose.
  CHECK(app::step_dose_text(d.step(0)) == "Both sides \u00B7 " +
                                              std::to_string(trap->hold_seconds) + " s \u00B7 " +
                                              std::to_string(trap->pressure) + "/10");
}

TEST_CASE("a step's every field stays within its limits") {
  BuilderDriver d;
  d.open().add("upper_trapezius").press(ControlKind::StepRow, 0);
  REQUIRE(std::holds_alternative<app::BuilderStepScreen>(d.model.screen));
  CHECK(app::focused_control(d.model) == Control{ControlKind::Done, 0});

  SUBCASE("sides") {
    for (auto sides :
         {core::Sides::Left, core::Sides::Right, core::Sides::None, core::Sides::Both}) {
      d.press(ControlKind::SidesOption, static_cast<int>(sides));
      CHECK(d.step(0).sides == sides);
    }
  }
  SUBCASE("hold in seconds: 20 to 90 in 5-s steps") {
    d.down(BuilderValue::Hold, 30);
    CHECK(hold_s(d.step(0)) == 20);
    d.up(BuilderValue::Hold);
    CHECK(hold_s(d.step(0)) == 25);
    d.up(BuilderValue::Hold, 30);
    CHECK(hold_s(d.step(0)) == 90);
    CHECK_FALSE(d.step(0).breaths);
  }
  SUBCASE("hold in breaths: only as many as fit 20-90 s of the pattern") {
    d.press(ControlKind::HoldUnit, 1);
    REQUIRE(d.step(0).breaths);
    CHECK_FALSE(d.step(0).duration);
    d.down(BuilderValue::Hold, 20);
    CHECK(*d.step(0).breaths == 2);  // 20 s of a 10-s breath
    d.up(BuilderValue::Hold, 20);
    CHECK(*d.step(0).breaths == 9);  // 90 s
    d.press(ControlKind::HoldUnit, 0);
    CHECK(hold_s(d.step(0)) == 90);
    CHECK_FALSE(d.step(0).breaths);
  }
  SUBCASE("reps 1-3, with a rest between them only when there is more than one") {
    CHECK_FALSE(d.has({ControlKind::BuilderUp, app::value_index(BuilderValue::Rest)}));
    d.up(BuilderValue::Reps);
    CHECK(d.step(0).reps == 2);
    CHECK(d.step(0).rest == seconds{30});
    CHECK(d.has({ControlKind::BuilderUp, app::value_index(BuilderValue::Rest)}));
    d.up(BuilderValue::Reps, 5);
    CHECK(d.step(0).reps == 3);
    d.up(BuilderValue::Rest, 20);
    CHECK(d.step(0).rest == seconds{60});
    d.down(BuilderValue::Rest, 20);
    CHECK(d.step(0).rest == seconds{0});
    d.up(BuilderValue::Rest);
    CHECK(d.step(0).rest == seconds{5});
    d.down(BuilderValue::Reps, 5);
    CHECK(d.step(0).reps == 1);
    CHECK(d.step(0).rest == seconds{0});
    CHECK_FALSE(d.has({ControlKind::BuilderUp, app::value_index(BuilderValue::Rest)}));
  }
  SUBCASE("pressure 1-7, never above 7") {
    d.up(BuilderValue::Pressure, 10);
    CHECK(d.step(0).pressure_target == 7);
    d.down(BuilderValue::Pressure, 10);
    CHECK(d.step(0).pressure_target == 1);
  }
  SUBCASE("breathing patterns without holds only") {
    std::vector<std::string> seen;
    for (int i = 0; i < 12; ++i) {
      d.up(BuilderValue::StepPattern);
      const auto* p = core::find_builtin_pattern(d.step(0).pattern_id);
      REQUIRE(p != nullptr);
      CHECK_FALSE(p->has_hold());
      seen.push_back(p->id);
    }
    CHECK(std::find(seen.begin(), seen.end(), "box_4") == seen.end());
    CHECK(std::find(seen.begin(), seen.end(), "relax_478") == seen.end());
    CHECK(std::find(seen.begin(), seen.end(), "cyclic_sigh") != seen.end());
  }
  SUBCASE("a pattern change keeps a hold in breaths within 20-90 s") {
    d.press(ControlKind::HoldUnit, 1).up(BuilderValue::Hold, 20);
    for (int i = 0; i < 8; ++i) {
      d.up(BuilderValue::StepPattern);
      const auto* p = core::find_builtin_pattern(d.step(0).pattern_id);
      const double secs = *d.step(0).breaths * core::to_seconds(p->cycle());
      CHECK(secs >= 20);
      CHECK(secs <= 90);
    }
  }
  SUBCASE("the instruction: typed, erased, at most 200 characters") {
    d.type(ControlKind::BuilderField, 1, " Slowly.");
    CHECK(d.step(0).instruction ==
          asset_library()->find("upper_trapezius")->instruction + " Slowly.");
    d(app::FieldKeyed{{app::EditKey::Backspace}});
    CHECK(d.step(0).instruction.back() == 'y');
    d(app::TextTyped{std::string(300, 'a')});
    CHECK(d.step(0).instruction.size() == 200);
    // Other keys of the screen do not type.
    d.press(ControlKind::Done);
    CHECK_FALSE(app::editing_text(d.model));
  }
}

TEST_CASE("steps move up and down and are removed") {
  BuilderDriver d;
  d.open().add("upper_trapezius").add("masseter").add("piriformis");
  d.press(ControlKind::StepRow, 0).press(ControlKind::MoveStepUp);  // already first
  CHECK(d.step(0).muscle == "upper_trapezius");
  d.press(ControlKind::MoveStepDown);
  CHECK(d.step(1).muscle == "upper_trapezius");
  CHECK(std::get<app::BuilderStepScreen>(d.model.screen).step == 1);
  d.press(ControlKind::MoveStepDown).press(ControlKind::MoveStepDown);  // last stays last
  CHECK(d.step(2).muscle == "upper_trapezius");
  d.press(ControlKind::MoveStepUp);
  CHECK(d.step(1).muscle == "upper_trapezius");
  d.press(ControlKind::Done);
  CHECK(app::focused_control(d.model) == Control{ControlKind::StepRow, 1});
  d.press(ControlKind::StepRow, 1).press(ControlKind::RemoveStep);
  REQUIRE(std::holds_alternative<app::BuilderScreen>(d.model.screen));
  REQUIRE(d.draft().steps.size() == 2);
  CHECK(d.step(0).muscle == "masseter");
  CHECK(d.step(1).muscle == "piriformis");
  CHECK(app::focused_control(d.model) == Control{ControlKind::StepRow, 1});
}

TEST_CASE("the breathing blocks: 1-5 minutes, patterns without a per-session breath limit") {
  BuilderDriver d;
  d.open();
  d.up(BuilderValue::SettleMinutes, 9);
  CHECK(d.draft().settle_minutes == 5);
  d.down(BuilderValue::SettleMinutes, 9);
  CHECK(d.draft().settle_minutes == 1);
  d.up(BuilderValue::CloseMinutes, 9);
  CHECK(d.draft().close_minutes == 5);
  for (int i = 0; i < 12; ++i) {
    d.up(BuilderValue::SettlePattern);
    d.down(BuilderValue::ClosePattern);
    CHECK(d.draft().settle_pattern != "relax_478");
    CHECK(d.draft().close_pattern != "relax_478");
  }
  d.draft();
  d.type(ControlKind::BuilderField, 0, std::string(100, 'x'));
  CHECK(d.draft().title.size() == 80);
}

TEST_CASE("the schedule: times a day, days, start, weeks, therapist and note") {
  BuilderDriver d;
  d.open().press(ControlKind::HomeworkSchedule);
  REQUIRE(std::holds_alternative<app::BuilderPlanScreen>(d.model.screen));
  const core::Day today = floor<days>(d.model.wall_now);
  CHECK(app::draft_start(d.model) == today);
  CHECK(app::draft_end(d.model) == today + days{27});  // 4 weeks
  d.up(BuilderValue::TimesPerDay, 9);
  CHECK(d.draft().times_per_day == 6);
  d.down(BuilderValue::TimesPerDay, 9);
  CHECK(d.draft().times_per_day == 1);
  d.press(ControlKind::DayToggle, 1).press(ControlKind::DayToggle, 3);
  CHECK(d.draft().days == std::array<bool, 7>{true, false, true, false, true, true, true});
  d.press(ControlKind::DayToggle, 3);
  CHECK(d.draft().days[3]);
  d.down(BuilderValue::StartDay);  // never before today
  CHECK(app::draft_start(d.model) == today);
  d.up(BuilderValue::StartWeek).up(BuilderValue::StartDay, 2).down(BuilderValue::StartDay);
  CHECK(app::draft_start(d.model) == today + days{8});
  d.up(BuilderValue::Weeks, 20);
  CHECK(d.draft().weeks == 12);
  d.down(BuilderValue::Weeks, 20);
  CHECK(d.draft().weeks == 1);
  CHECK(app::draft_end(d.model) == today + days{14});
  d.type(ControlKind::BuilderField, 2, "Dr. Lee");
  d.type(ControlKind::BuilderField, 3, "Gently,\nevery morning.");
  CHECK(d.draft().therapist == "Dr. Lee");
  CHECK(d.draft().note == "Gently,\nevery morning.");  // a note keeps its line breaks
  d.press(ControlKind::Done);
  CHECK(std::holds_alternative<app::BuilderScreen>(d.model.screen));
  CHECK(app::focused_control(d.model) == Control{ControlKind::HomeworkSchedule, 0});
}

TEST_CASE("the draft is kept when leaving the builder and coming back") {
  BuilderDriver d;
  d.open().add("masseter").type(ControlKind::BuilderField, 0, " for jaw");
  d(app::BackPressed{}).press(ControlKind::TabHome).press(ControlKind::Settings).open();
  REQUIRE(d.draft().steps.size() == 1);
  CHECK(d.draft().title == "Home programme for jaw");
}

TEST_CASE("Export emits the validated homework, with a stable id and a revision per export") {
  BuilderDriver d;
  d.open().add("upper_trapezius").add("levator_scapulae");
  d.press(ControlKind::StepRow, 1).up(BuilderValue::Reps).press(ControlKind::Done);
  d.press(ControlKind::HomeworkSchedule)
      .type(ControlKind::BuilderField, 2, "Dr. Lee")
      .press(ControlKind::Done);
  d.press(ControlKind::ExportHomework);
  CHECK(d.builder().problems.empty());
  auto exports = d.all<app::ExportHomework>();
  REQUIRE(exports.size() == 1);
  const core::Homework h = exports[0].homework;
  CHECK(h.id.starts_with("hw-"));
  CHECK(h.revision == 1);
  CHECK(h.routine.id == h.id);
  CHECK(h.routine.title == "Home programme");
  REQUIRE(h.routine.steps.size() == 4);
  CHECK(h.routine.steps[0].kind == core::StepKind::Breathing);
  CHECK(h.routine.steps[0].duration == minutes{2});
  CHECK(h.routine.steps[1].muscle == "upper_trapezius");
  CHECK(h.routine.steps[2].muscle == "levator_scapulae");
  CHECK(h.routine.steps[2].reps == 2);
  CHECK(h.routine.steps[3].kind == core::StepKind::Breathing);
  CHECK(h.routine.regions == std::vector<std::string>{"Neck"});
  CHECK(h.prescription.therapist == "Dr. Lee");
  CHECK(h.prescription.start == floor<days>(d.model.wall_now));
  CHECK(h.prescription.end == h.prescription.start + days{27});
  const auto parsed = core::parse_homework(core::homework_json(h), "hw.unknot",
                                           core::builtin_pattern_lookup(), asset_library().get());
  CHECK(parsed.problems.empty());
  REQUIRE(parsed.homework);
  CHECK(*parsed.homework == h);
  CHECK(core::homework_ics(h).find("BEGIN:VCALENDAR") != std::string::npos);
  // Exporting the same draft again: same id, next revision, the change in it.
  d.press(ControlKind::StepRow, 0)
      .up(BuilderValue::Pressure)
      .press(ControlKind::Done)
      .press(ControlKind::ExportHomework);
  exports = d.all<app::ExportHomework>();
  REQUIRE(exports.size() == 2);
  CHECK(exports[1].homework.id == h.id);
  CHECK(exports[1].homework.revision == 2);
  CHECK(exports[1].homework.routine.steps[1].pressure_target ==
        h.routine.steps[1].pressure_target + 1);
  // The shell's answer shows as a sheet naming the whole path of both files.
  d(app::HomeworkExported{"/home/lee/Documents/Home programme.unknot",
                          "/home/lee/Documents/Home programme.ics"});
  REQUIRE(d.model.saved_file.has_value());
  CHECK(d.model.saved_file->path == "/home/lee/Documents/Home programme.unknot");
  CHECK(d.model.saved_file->beside == "/home/lee/Documents/Home programme.ics");
}

TEST_CASE("problems are shown instead of exporting, and go once fixed") {
  BuilderDriver d;
  d.open().press(ControlKind::ExportHomework);
  CHECK(d.all<app::ExportHomework>().empty());
  REQUIRE_FALSE(d.builder().problems.empty());
  CHECK(d.builder().problems.front().starts_with("Add at least one muscle"));
  // Scrolled to the problems, at the end of the page.
  CHECK(d.model.scroll.offset == doctest::Approx(app::screen_frame(d.model).max_scroll()));
  d.add("gluteus_medius");
  // No day chosen: nothing is prescribed.
  d.press(ControlKind::HomeworkSchedule);
  for (int i = 0; i < 7; ++i) d.press(ControlKind::DayToggle, i);
  d.press(ControlKind::Done).press(ControlKind::ExportHomework);
  CHECK(d.all<app::ExportHomework>().empty());
  REQUIRE(d.builder().problems.size() == 1);
  CHECK(d.builder().problems[0].starts_with("Days: "));
  CHECK(d.draft().revision == 0);
  // An empty title is reported against the title, and typing clears it again.
  d.press(ControlKind::HomeworkSchedule).press(ControlKind::DayToggle, 2).press(ControlKind::Done);
  d.press(ControlKind::BuilderField, 0);
  for (int i = 0; i < 20; ++i) d(app::FieldKeyed{{app::EditKey::Backspace}});
  d.press(ControlKind::ExportHomework);
  REQUIRE(d.builder().problems.size() == 1);
  CHECK(d.builder().problems[0].starts_with("Title: "));
  d.press(ControlKind::BuilderField, 0)(app::TextTyped{"Hips"});
  CHECK(d.builder().problems.empty());
  d.press(ControlKind::ExportHomework);
  CHECK(d.all<app::ExportHomework>().size() == 1);
}

TEST_CASE("more than three holds on one point is named by step") {
  BuilderDriver d;
  d.open().add("piriformis").add("piriformis");
  d.press(ControlKind::StepRow, 0).up(BuilderValue::Reps, 2).press(ControlKind::Done);
  d.press(ControlKind::ExportHomework);
  CHECK(d.all<app::ExportHomework>().empty());
  REQUIRE_FALSE(d.builder().problems.empty());
  CHECK(d.builder().problems[0].starts_with("Step "));
}

TEST_CASE("Try it now puts the routine in the catalog once and opens it") {
  BuilderDriver d;
  const auto before = d.model.catalog.size();
  d.open().press(ControlKind::TryHomework);  // nothing to try yet
  CHECK(std::holds_alternative<app::BuilderScreen>(d.model.screen));
  CHECK(d.model.catalog.size() == before);
  d.add("masseter").press(ControlKind::TryHomework);
  REQUIRE(std::holds_alternative<app::RoutineScreen>(d.model.screen));
  REQUIRE(d.model.catalog.size() == before + 1);
  const int index = std::get<app::RoutineScreen>(d.model.screen).routine;
  CHECK(d.model.catalog[static_cast<std::size_t>(index)].routine.id == d.draft().id);
  CHECK(d.draft().revision == 0);  // trying is not exporting
  d.press(ControlKind::Back).press(ControlKind::Settings).open().press(ControlKind::TryHomework);
  CHECK(d.model.catalog.size() == before + 1);
}

TEST_CASE("New asks, then clears the draft for the next client") {
  BuilderDriver d;
  d.open().add("masseter").press(ControlKind::ExportHomework);
  const std::string first_id = d.draft().id;
  d.press(ControlKind::NewHomework);
  CHECK(d.builder().confirming_new);
  CHECK(app::controls(d.model) ==
        std::vector<Control>{{ControlKind::EndCancel, 0}, {ControlKind::NewHomework, 1}});
  d(app::BackPressed{});
  CHECK_FALSE(d.builder().confirming_new);
  CHECK(d.draft().steps.size() == 1);
  d.press(ControlKind::NewHomework).press(ControlKind::NewHomework, 1);
  CHECK(d.draft().steps.empty());
  CHECK(d.draft().id.empty());
  d.model.wall_now += seconds{90};
  d.add("temporalis").press(ControlKind::ExportHomework);
  const auto exports = d.all<app::ExportHomework>();
  REQUIRE(exports.size() == 2);
  CHECK(exports[1].homework.id != first_id);
  CHECK(exports[1].homework.revision == 1);
}

TEST_CASE(
    "keyboard focus scrolls the builder to the focused control, and hits match the controls") {
  BuilderDriver d;
  d(app::Resized{360, 640});
  d.open();
  for (const char* id : {"upper_trapezius", "masseter", "piriformis", "soleus", "temporalis"})
    d.add(id);
  d.press(ControlKind::BuilderField, 0);
  // Tab through everything: every focused scrolling control ends up inside the viewport.
  const auto n = app::controls(d.model).size();
  for (std::size_t i = 0; i < n; ++i) {
    d(app::FocusMoved{1});
    const auto focus = app::focused_control(d.model);
    REQUIRE(focus);
    const app::ScreenFrame f = app::screen_frame(d.model);
    for (const auto& t : f.targets) {
      if (t.control != *focus || !t.scrolls) continue;
      CHECK(t.rect.y >= f.viewport.y - 0.5f);
      CHECK(t.rect.bottom() <= f.viewport.bottom() + 0.5f);
    }
  }
  // Every control a finger can reach is one the keyboard can reach too.
  const auto list = app::controls(d.model);
  for (const auto& h : app::hits(d.model, {360, 640})) {
    CHECK(std::find(list.begin(), list.end(), h.control) != list.end());
  }
}

}  // namespace
}  // namespace unknot::test
