// The homework builder's text fields are the shared text fields (app/text_field.h): a press puts
// the caret where it lands, keys select and edit, the note takes line breaks, the caret blinks
// while one is focused, and what is typed is in the draft at once, so leaving a page, Try and
// Export all see it.
#include <doctest/doctest.h>

#include <string>

#include "app/builder_builders.h"
#include "app/builder_plan_page.h"
#include "app/builder_step_page.h"
#include "app/screens.h"

namespace unknot::test {
namespace {

using app::ControlKind;
using app::EditKey;
using namespace std::chrono_literals;

constexpr app::Control kTitle{ControlKind::BuilderField, 0};
constexpr app::Control kInstruction{ControlKind::BuilderField, 1};
constexpr app::Control kTherapist{ControlKind::BuilderField, 2};
constexpr app::Control kNote{ControlKind::BuilderField, 3};

BuilderDriver& key(BuilderDriver& d, EditKey k, bool shift = false) {
  return d(app::FieldKeyed{{k, shift}});
}

const app::TextEdit& title_of(const BuilderDriver& d) { return d.builder().title; }

// Where the routine page's title field shows the boundary before byte `k` of the title: the
// point a press there lands on (its first line; the model's own text measure).
app::Point before_byte(const app::AppModel& m, std::size_t k) {
  const auto& s = std::get<app::BuilderScreen>(m.screen);
  const app::FieldPlace place = app::builder_page_layout(m, s, app::env_of(m)).title_field.place;
  const app::TextMeasure& t = app::measure_of(m);
  const app::FieldLayout l = app::field_layout(s.title, place, t);
  REQUIRE(k <= l.lines.at(0).end);
  const float x = l.text_box.x + t.width(std::string_view(l.text).substr(0, k), l.font);
  return {x, l.text_box.y + l.line_h / 2};
}

app::Tick at_ui(core::Instant ui_now) { return app::Tick{{}, {}, ui_now}; }

}  // namespace

TEST_CASE("a press in the middle of the routine title puts the caret there, and typing inserts") {
  BuilderDriver d;
  d.open();
  REQUIRE(d.draft().title == "Home programme");
  d(app::FieldPressed{kTitle, before_byte(d.model, 4)});
  CHECK(app::focused_control(d.model) == kTitle);
  CHECK(app::editing_text(d.model));
  CHECK(title_of(d).caret() == 4);
  d(app::TextTyped{" sweet"});
  CHECK(title_of(d).text() == "Home sweet programme");
  CHECK(d.draft().title == "Home sweet programme");
  // Backspace erases before the caret, not at the end.
  key(d, EditKey::Backspace);
  CHECK(d.draft().title == "Home swee programme");
  d.add("upper_trapezius").press(ControlKind::ExportHomework);
  REQUIRE(d.all<app::ExportHomework>().size() == 1);
  CHECK(d.all<app::ExportHomework>()[0].homework.routine.title == "Home swee programme");
}

TEST_CASE("Shift+Home in the title selects up to its start, and typing replaces the selection") {
  BuilderDriver d;
  d.open().press(ControlKind::BuilderField, 0);
  CHECK(title_of(d).caret() == title_of(d).text().size());  // a press puts it at the end
  for (int i = 0; i < 9; ++i) key(d, EditKey::Left);        // before "programme"
  key(d, EditKey::Home, true);
  CHECK(title_of(d).selected_text() == "Home ");
  d(app::TextTyped{"Evening "});
  CHECK(d.draft().title == "Evening programme");
  // Ctrl+A and Cut empty it onto the clipboard; Paste puts it back at the caret.
  key(d, EditKey::SelectAll);
  key(d, EditKey::Cut);
  REQUIRE(d.all<app::WriteClipboard>().size() == 1);
  CHECK(d.all<app::WriteClipboard>()[0].text == "Evening programme");
  CHECK(d.draft().title.empty());
  key(d, EditKey::Paste);
  CHECK(d.all<app::ReadClipboard>().size() == 1);
  d(app::ClipboardRead{"Neck\nand jaw"});  // a one-line field: the line break becomes a space
  CHECK(d.draft().title == "Neck and jaw");
  // Enter does not break the title; it goes on to the next control.
  key(d, EditKey::Enter);
  CHECK(d.draft().title == "Neck and jaw");
  CHECK_FALSE(app::editing_text(d.model));
  CHECK(app::focused_control(d.model) != kTitle);
}

TEST_CASE("the therapist's note takes Enter as a new line, and the exported homework keeps it") {
  BuilderDriver d;
  d.open().add("upper_trapezius").press(ControlKind::HomeworkSchedule);
  d.type(ControlKind::BuilderField, 2, "Dr Lee");
  // Enter in the name goes on to the note, whose (empty) text it selects.
  key(d, EditKey::Enter);
  CHECK(d.draft().therapist == "Dr Lee");
  REQUIRE(app::focused_control(d.model) == kNote);
  d(app::TextTyped{"Slow down."});
  key(d, EditKey::Enter);
  d(app::TextTyped{"Twice a day."});
  const auto& plan = std::get<app::BuilderPlanScreen>(d.model.screen);
  CHECK(plan.note.multi_line());
  CHECK(plan.note.text() == "Slow down.\nTwice a day.");
  CHECK(d.draft().note == "Slow down.\nTwice a day.");
  // Up goes to the first line, keeping the caret's place in it; typing lands there.
  key(d, EditKey::Home);
  key(d, EditKey::Up);
  d(app::TextTyped{"Please "});
  CHECK(d.draft().note == "Please Slow down.\nTwice a day.");
  d.press(ControlKind::Done).press(ControlKind::ExportHomework);
  const auto exports = d.all<app::ExportHomework>();
  REQUIRE(exports.size() == 1);
  const auto& p = exports[0].homework.prescription;
  CHECK(p.note == "Please Slow down.\nTwice a day.");
  CHECK(p.therapist == "Dr Lee");
  // Opened again, the page shows what the draft holds.
  d.press(ControlKind::HomeworkSchedule);
  CHECK(std::get<app::BuilderPlanScreen>(d.model.screen).therapist.text() == "Dr Lee");
  CHECK(std::get<app::BuilderPlanScreen>(d.model.screen).note.text() ==
        "Please Slow down.\nTwice a day.");
}

TEST_CASE(
    "text typed on the step page survives going back to the routine page, and Export has it") {
  BuilderDriver d;
  d.open().add("upper_trapezius").add("masseter");
  d.press(ControlKind::StepRow, 1).press(ControlKind::BuilderField, 1);
  key(d, EditKey::SelectAll);
  d(app::TextTyped{"Press gently, then breathe out."});
  // Nothing is saved on leaving: the draft already has it.
  d.press(ControlKind::Back);
  REQUIRE(std::holds_alternative<app::BuilderScreen>(d.model.screen));
  CHECK(d.step(1).instruction == "Press gently, then breathe out.");
  CHECK(d.step(0).instruction == asset_library()->find("upper_trapezius")->instruction);
  // The step's page opened again starts from the draft, and so does one moved up a place.
  d.press(ControlKind::StepRow, 1);
  CHECK(std::get<app::BuilderStepScreen>(d.model.screen).instruction.text() ==
        "Press gently, then breathe out.");
  d.press(ControlKind::MoveStepUp).press(ControlKind::BuilderField, 1);
  d(app::TextTyped{" Slowly."});
  CHECK(d.step(0).instruction == "Press gently, then breathe out. Slowly.");
  d.press(ControlKind::Done).press(ControlKind::ExportHomework);
  const auto exports = d.all<app::ExportHomework>();
  REQUIRE(exports.size() == 1);
  const auto& steps = exports[0].homework.routine.steps;
  REQUIRE(steps.size() == 4);  // breathing in, the two holds, breathing out
  CHECK(steps[1].muscle == "masseter");
  CHECK(steps[1].instruction == "Press gently, then breathe out. Slowly.");
}

TEST_CASE("a title typed before New is gone after it, and Try sees a title typed just now") {
  BuilderDriver d;
  d.open().add("upper_trapezius");
  d.type(ControlKind::BuilderField, 0, " for Sam");
  d.press(ControlKind::NewHomework).press(ControlKind::NewHomework, 1);
  CHECK(title_of(d).text() == "Home programme");
  CHECK(d.draft().title == "Home programme");
  d.add("masseter").press(ControlKind::BuilderField, 0);
  key(d, EditKey::SelectAll);
  d(app::TextTyped{"Jaw"});
  d.press(ControlKind::TryHomework);
  REQUIRE(std::holds_alternative<app::RoutineScreen>(d.model.screen));
  const auto& routine = d.model.catalog.at(
      static_cast<std::size_t>(std::get<app::RoutineScreen>(d.model.screen).routine));
  CHECK(routine.routine.title == "Jaw");
}

TEST_CASE("the caret blinks only while a builder field has the focus") {
  BuilderDriver d;
  const core::Instant t0{100s};
  d(at_ui(t0)).open();
  REQUIRE_FALSE(app::editing_text(d.model));
  CHECK_FALSE(app::caret_visible(d.model, t0));
  CHECK_FALSE(app::caret_changes_in(d.model, t0).has_value());
  d(app::FieldPressed{kTitle, before_byte(d.model, 2)});
  CHECK(app::caret_visible(d.model, t0));
  CHECK(app::caret_changes_in(d.model, t0) == app::kCaretBlink);
  CHECK_FALSE(app::caret_visible(d.model, t0 + app::kCaretBlink));
  CHECK(app::caret_visible(d.model, t0 + 2 * app::kCaretBlink));
  // Tab away: no caret, nothing to wake for.
  d(app::FocusMoved{1});
  REQUIRE_FALSE(app::editing_text(d.model));
  CHECK_FALSE(app::caret_visible(d.model, t0));
  CHECK_FALSE(app::caret_changes_in(d.model, t0).has_value());
  // The step's instruction and the schedule's fields have one too.
  d.add("upper_trapezius").press(ControlKind::StepRow, 0);
  d(at_ui(t0 + 20s)).press(ControlKind::BuilderField, 1)(app::TextTyped{"x"});
  CHECK(app::focused_field(d.model)->control == kInstruction);
  CHECK(app::caret_changes_in(d.model, t0 + 20s) == app::kCaretBlink);
  d.press(ControlKind::Done).press(ControlKind::HomeworkSchedule);
  CHECK_FALSE(app::caret_changes_in(d.model, t0 + 20s).has_value());
  d.press(ControlKind::BuilderField, 2)(app::TextTyped{"x"});
  CHECK(app::focused_field(d.model)->control == kTherapist);
  CHECK(app::caret_changes_in(d.model, t0 + 20s) == app::kCaretBlink);
}

}  // namespace unknot::test
