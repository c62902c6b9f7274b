// The homework builder's four pages as screen modules: the contract, targets in reading order
// with disabled controls drawn but skipped, the focus kept on a stepper at its limit, the − and
// + of a breathing block's card as targets of their own, Delete apart from the main action, and
// the shared scrolling (the routine page comes back where it was).
#include <doctest/doctest.h>

#include <algorithm>

#include "app/builder_builders.h"
#include "app/builder_pick_page.h"
#include "app/builder_plan_page.h"
#include "app/builder_step_page.h"

namespace unknot::test {
namespace {

using app::BuilderValue;
using app::Control;
using app::ControlKind;

static_assert(app::ScreenModule<app::BuilderScreen>);
static_assert(app::ScreenModule<app::BuilderStepScreen>);
static_assert(app::ScreenModule<app::BuilderPickScreen>);
static_assert(app::ScreenModule<app::BuilderPlanScreen>);

Control down(BuilderValue v) { return {ControlKind::BuilderDown, app::value_index(v)}; }
Control up(BuilderValue v) { return {ControlKind::BuilderUp, app::value_index(v)}; }

const app::Target* target(const app::ScreenFrame& f, Control c) {
  const auto it = std::find_if(f.targets.begin(), f.targets.end(),
                               [c](const app::Target& t) { return t.control == c; });
  return it == f.targets.end() ? nullptr : &*it;
}

// A builder with three steps at a phone's size.
BuilderDriver with_steps(app::Size window = {360, 640}) {
  BuilderDriver d;
  d(app::Resized{window.w, window.h});
  d.open().add("upper_trapezius").add("sternocleidomastoid").add("piriformis");
  return d;
}

// Each builder page in a state worth checking, named.
std::vector<std::pair<std::string, app::AppModel>> pages(app::Size window) {
  std::vector<std::pair<std::string, app::AppModel>> out;
  BuilderDriver d = with_steps(window);
  out.emplace_back("routine", d.model);
  BuilderDriver problems = d;
  problems.press(ControlKind::HomeworkSchedule);
  for (int i = 0; i < 7; ++i) problems.press(ControlKind::DayToggle, i);
  problems.press(ControlKind::Done).press(ControlKind::ExportHomework);
  REQUIRE_FALSE(problems.builder().problems.empty());
  out.emplace_back("routine with problems", problems.model);
  BuilderDriver step = d;
  step.press(ControlKind::StepRow, 1).up(BuilderValue::Reps);
  out.emplace_back("step", step.model);
  out.emplace_back("picker", BuilderDriver(d).press(ControlKind::AddMuscle).model);
  out.emplace_back("plan", BuilderDriver(d).press(ControlKind::HomeworkSchedule).model);
  return out;
}

TEST_CASE("each builder page's primary control is an enabled target, focused when it opens") {
  for (const auto& [name_, m_] : pages({390, 844})) {
    // Named again: clang 14 cannot capture a structured binding in a lambda.
    const auto& name = name_;
    const auto& m = m_;
    CAPTURE(name);
    const auto list = app::controls(m);
    const Control primary = app::primary_control(m);
    CHECK(std::find(list.begin(), list.end(), primary) != list.end());
    app::AppModel opened = m;
    app::open_screen(opened, app::HomeScreen{});
    app::open_screen(opened, m.screen);
    CHECK(app::focused_control(opened) == primary);
  }
}

TEST_CASE("the builder's targets follow reading order: top bar, page top to bottom, foot") {
  for (const app::Size window : {app::Size{360, 640}, app::Size{1280, 800}}) {
    for (const auto& [name_, m_] : pages(window)) {
      // Named again: clang 14 cannot capture a structured binding in a lambda.
      const auto& name = name_;
      const auto& m = m_;
      CAPTURE(window.w);
      CAPTURE(name);
      const app::ScreenFrame f = app::screen_frame(m, window);
      int part = 0;  // 0 above the viewport, 1 in it (scrolling), 2 below it
      const app::Target* last = nullptr;
      for (const auto& t : f.targets) {
        CAPTURE(static_cast<int>(t.control.kind));
        CAPTURE(t.control.index);
        const int here = t.scrolls ? 1 : t.rect.y < f.viewport.y ? 0 : 2;
        CHECK(here >= part);
        if (here == 1 && part == 1 && last != nullptr) {
          // Below the one before, or on its row and to its right.
          const bool same_row = t.rect.y < last->rect.bottom() - 0.5f;
          CHECK(t.rect.y >= last->rect.y - 0.5f);
          if (same_row) CHECK(t.rect.x >= last->rect.right() - 0.5f);
        }
        part = here;
        last = &t;
      }
    }
  }
}

TEST_CASE("disabled controls are drawn but left out of the focus order and of taps") {
  BuilderDriver d = with_steps();
  d.down(BuilderValue::SettleMinutes, 5);
  REQUIRE(d.draft().settle_minutes == 1);
  const app::ScreenFrame f = app::screen_frame(d.model);
  const app::Target* minus = target(f, down(BuilderValue::SettleMinutes));
  REQUIRE(minus != nullptr);
  CHECK_FALSE(minus->enabled);
  CHECK_FALSE(d.has(down(BuilderValue::SettleMinutes)));
  CHECK(d.has(up(BuilderValue::SettleMinutes)));
  CHECK_FALSE(app::hit_test(d.model, {360, 640}, minus->rect.center()));
  // A step's page: the first cannot move up, the last cannot move down.
  d.press(ControlKind::StepRow, 0);
  CHECK_FALSE(d.has({ControlKind::MoveStepUp, 0}));
  CHECK(d.has({ControlKind::MoveStepDown, 0}));
  d.press(ControlKind::Done).press(ControlKind::StepRow, 2);
  CHECK(d.has({ControlKind::MoveStepUp, 0}));
  CHECK_FALSE(d.has({ControlKind::MoveStepDown, 0}));
  // The schedule: the start never goes before today, so "−1 day" waits until it is later.
  d.press(ControlKind::Done).press(ControlKind::HomeworkSchedule);
  CHECK_FALSE(d.has(down(BuilderValue::StartDay)));
  CHECK_FALSE(d.has(down(BuilderValue::StartWeek)));
  d.up(BuilderValue::StartDay);
  CHECK(d.has(down(BuilderValue::StartDay)));
}

TEST_CASE("pressing + to its limit hands the focus to the − beside it, not further down") {
  BuilderDriver d = with_steps();
  REQUIRE(app::focus_control(d.model, up(BuilderValue::SettleMinutes)));
  for (int i = 0; i < 3; ++i) d(app::Activated{*app::focused_control(d.model)});
  CHECK(d.draft().settle_minutes == 5);
  CHECK(app::focused_control(d.model) == down(BuilderValue::SettleMinutes));
  d(app::Activated{*app::focused_control(d.model)});
  CHECK(d.draft().settle_minutes == 4);
  CHECK(app::focused_control(d.model) == down(BuilderValue::SettleMinutes));
}

TEST_CASE("a breathing block's − and + are targets of their own on its card and change it") {
  for (const app::Size window : {app::Size{360, 640}, app::Size{1280, 800}}) {
    CAPTURE(window.w);
    BuilderDriver d = with_steps(window);
    const auto& s = std::get<app::BuilderScreen>(d.model.screen);
    const auto l = app::builder_page_layout(d.model, s, app::env_of(d.model));
    const app::ScreenFrame f = app::screen_frame(d.model);
    const std::pair<BuilderValue, app::Rect> blocks[] = {
        {BuilderValue::SettleMinutes, l.settle.card}, {BuilderValue::CloseMinutes, l.close.card}};
    for (const auto& [value, card] : blocks) {
      const app::Target* minus = target(f, down(value));
      const app::Target* plus = target(f, up(value));
      REQUIRE(minus != nullptr);
      REQUIRE(plus != nullptr);
      for (const app::Target* t : {minus, plus}) {
        CHECK(t->role == app::Role::Stepper);
        CHECK(t->rect.w >= 48);
        CHECK(t->rect.h >= 48);
        CHECK(t->rect.x >= card.x);
        CHECK(t->rect.right() <= card.right());
        CHECK(t->rect.y >= card.y);
        CHECK(t->rect.bottom() <= card.bottom());
      }
      CHECK_FALSE(minus->rect.intersects(plus->rect));
    }
    // Tapped where they are drawn (scrolled into view first), they change the length.
    for (const auto& [value_, card] : blocks) {
      // Named again: clang 14 cannot capture a structured binding in a lambda.
      const auto& value = value_;
      CAPTURE(app::value_index(value));
      int& minutes = value == BuilderValue::SettleMinutes ? d.model.homework_draft.settle_minutes
                                                          : d.model.homework_draft.close_minutes;
      minutes = 2;
      REQUIRE(app::focus_control(d.model, up(value)));
      app::reveal_focus(d.model);
      const auto plus = app::target_rect(d.model, window, up(value));
      REQUIRE(plus);
      const auto hit = app::hit_test(d.model, window, plus->center());
      REQUIRE(hit);
      d(app::Activated{*hit});
      CHECK(minutes == 3);
      const auto minus = app::target_rect(d.model, window, down(value));
      REQUIRE(minus);
      d(app::Activated{*app::hit_test(d.model, window, minus->center())});
      d(app::Activated{*app::hit_test(d.model, window, minus->center())});
      CHECK(minutes == 1);
    }
  }
}

TEST_CASE("Delete on a step's page is a button of its own, apart from Done, the main action") {
  BuilderDriver d = with_steps();
  d.press(ControlKind::StepRow, 1);
  const app::ScreenFrame f = app::screen_frame(d.model);
  const app::Target* remove = target(f, {ControlKind::RemoveStep, 0});
  const app::Target* done = target(f, {ControlKind::Done, 0});
  REQUIRE(remove != nullptr);
  REQUIRE(done != nullptr);
  CHECK(remove->label == "Delete step");
  CHECK(remove->role == app::Role::Button);
  CHECK(app::primary_control(d.model) == Control{ControlKind::Done, 0});
  CHECK(app::focused_control(d.model) == Control{ControlKind::Done, 0});
  // It scrolls with the page; Done stays at the foot.
  CHECK(remove->scrolls);
  CHECK_FALSE(done->scrolls);
  CHECK_FALSE(remove->rect.intersects(done->rect));
  // Tab reaches it after the moves, before Done.
  const auto list = app::controls(d.model);
  const auto at = [&](Control c) { return std::find(list.begin(), list.end(), c) - list.begin(); };
  CHECK(at({ControlKind::MoveStepDown, 0}) < at({ControlKind::RemoveStep, 0}));
  CHECK(at({ControlKind::RemoveStep, 0}) + 1 == at({ControlKind::Done, 0}));
}

TEST_CASE("the builder scrolls with the shared scroll state and comes back where it was") {
  BuilderDriver d = with_steps();
  d.add("masseter").add("temporalis").add("soleus");
  const float max = app::screen_frame(d.model).max_scroll();
  REQUIRE(max > 300);
  d(app::Scrolled{-1e7f})(app::Scrolled{300});
  CHECK(d.model.scroll.offset == doctest::Approx(300));
  // The card in the middle of the viewport, tapped where it is.
  const app::ScreenFrame f = app::screen_frame(d.model);
  const auto card = app::hit_test(d.model, {360, 640}, {180, f.viewport.y + f.viewport.h / 2});
  REQUIRE(card);
  REQUIRE(card->kind == ControlKind::StepRow);
  d(app::Activated{*card});
  REQUIRE(std::holds_alternative<app::BuilderStepScreen>(d.model.screen));
  CHECK(d.model.scroll.offset == 0);
  d(app::ScrolledToEnd{true});
  CHECK(d.model.scroll.offset == doctest::Approx(app::screen_frame(d.model).max_scroll()));
  CHECK(d.model.scroll.offset > 0);
  d.press(ControlKind::Done);
  REQUIRE(std::holds_alternative<app::BuilderScreen>(d.model.screen));
  CHECK(d.model.scroll.offset == doctest::Approx(300));
  CHECK(app::focused_control(d.model) == *card);
  // Wheel and keys go through the same state, within the content.
  d(app::Scrolled{1e7f});
  CHECK(d.model.scroll.offset == doctest::Approx(max));
  d(app::Paged{-1});
  CHECK(d.model.scroll.offset < max);
}

TEST_CASE("typing in the note keeps the caret in view, wherever it is") {
  BuilderDriver d = with_steps();
  d.press(ControlKind::HomeworkSchedule).press(ControlKind::BuilderField, 3);
  REQUIRE(app::editing_text(d.model));
  const auto caret_in_view = [&] {
    const app::ScreenFrame f = app::screen_frame(d.model);
    const auto field = app::focused_field(d.model);
    REQUIRE(field.has_value());
    const app::Rect caret =
        app::field_layout(*field->edit, field->place, app::measure_of(d.model)).caret;
    CHECK(caret.y >= f.viewport.y);
    CHECK(caret.bottom() <= f.viewport.bottom());
  };
  for (int i = 0; i < 20; ++i) d(app::TextTyped{"Ease in on the out-breath, never hold it. "});
  const app::ScreenFrame frame = app::screen_frame(d.model);
  const app::Target* note = target(frame, {ControlKind::BuilderField, 3});
  REQUIRE(note != nullptr);
  CHECK(note->rect.h > 200);  // the field grew with the text
  caret_in_view();
  // Back at the start of the note, the page scrolls up to it; typing there keeps it in view.
  d(app::FieldKeyed{{app::EditKey::SelectAll}})(app::FieldKeyed{{app::EditKey::Left}});
  caret_in_view();
  d(app::TextTyped{"First: "});
  CHECK(d.draft().note.starts_with("First: Ease in"));
  caret_in_view();
}

}  // namespace
}  // namespace unknot::test
