// Notes on behaviour the header leaves open:
// - A step is dosed within the domain's limits as it is edited (holds 20-90 s in 5-s steps or
//   2-9 breaths, 1-3 reps, rest 0-60 s between reps, pressure 1-7, hold-free patterns), so the
//   problems left for Export are those across steps (3 holds per point, 60 minutes).
// - Delete takes the step out at once and returns to the routine page, the focus on the step
//   that took its place.
#include "app/builder_step_page.h"

#include <algorithm>
#include <cmath>

#include "app/builder_draft.h"
#include "app/builder_flow.h"
#include "app/screens.h"
#include "app/text_util.h"
#include "core/content_language.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

// Every value box of the page is as wide as the longest value any of them shows ("0 breaths"),
// so the − and + line up down the page.
std::string widest_value() { return breaths_text(0); }
constexpr Control kInstructionField{ControlKind::BuilderField,
                                    field_index(BuilderText::Instruction)};

const core::StepSpec* step_of(const AppModel& m, const BuilderStepScreen& s) {
  const auto& steps = m.homework_draft.steps;
  if (s.step < 0 || s.step >= static_cast<int>(steps.size())) return nullptr;
  return &steps[static_cast<std::size_t>(s.step)];
}

std::string subtitle_of(const AppModel& m, const BuilderStepScreen& s,
                        const core::MuscleInfo* info) {
  const bool region = info && !info->region.empty();
  const bool supervised = info && info->therapist_only;
  std::string text;
  if (region && supervised) {
    // TRANSLATORS: under a step's title: its place in the routine, its body region ({region}, as
    // "Neck") and that its muscle is kept for supervised use.
    text = core::tr("Step {n} of {total} · {region} · supervised use");
  } else if (region) {
    // TRANSLATORS: under a step's title: its place in the routine and its body region ("Neck").
    text = core::tr("Step {n} of {total} · {region}");
  } else if (supervised) {
    // TRANSLATORS: under a step's title: its place in the routine, and that its muscle is kept
    // for supervised use.
    text = core::tr("Step {n} of {total} · supervised use");
  } else {
    // TRANSLATORS: under a step's title: its place in the routine.
    text = core::tr("Step {n} of {total}");
  }
  return core::fill(text, {{"n", std::to_string(s.step + 1)},
                           {"total", std::to_string(m.homework_draft.steps.size())},
                           {"region", region ? core::region_text(info->region) : std::string{}}});
}

BuilderStepperLayout step_stepper(Flow& f, const core::StepSpec& step, BuilderValue v,
                                  std::string_view label, std::string text, float gap) {
  return stepper_layout(f, v, label, std::move(text), widest_value(), step_can(step, v, -1),
                        step_can(step, v, 1), gap);
}

BuilderStepPageLayout lay_out(const AppModel& m, const BuilderStepScreen& s, const Env& env,
                              float dy) {
  using std::chrono::duration_cast;
  using std::chrono::seconds;
  BuilderStepPageLayout l;
  const TextMeasure& t = env.text;
  l.page = form_frame(env.window, true);
  const Rect col = l.page.column, bar = l.page.top_bar;
  l.back = {bar.x - 12, bar.y, 48, 48};
  l.done = l.page.bottom;
  const core::StepSpec* found = step_of(m, s);
  if (found == nullptr) return l;
  const core::StepSpec& step = *found;
  l.found = true;
  const core::MuscleInfo* info = m.library ? m.library->find(step.muscle) : nullptr;
  l.supervised = info != nullptr && info->therapist_only;
  Flow f{t, col.x, col.w, l.page.viewport.y + 8 - dy};
  l.title = f.add(step.title, Font::Title, 4);
  l.subtitle = f.add(subtitle_of(m, s, info), Font::Caption, 16);
  // TRANSLATORS: the sides of the body a step presses (a label above chips).
  l.sides_label = f.add(core::tr("Sides"), Font::Caption, 4);
  l.sides = chip_rows(f, sides_labels(), Font::Body, 16);
  // TRANSLATORS: a label above two chips: the hold's length in seconds or in breaths.
  l.hold_label = f.add(core::trc("step dose", "Hold"), Font::Caption, 4);
  l.hold_units = chip_rows(f, hold_unit_labels(), Font::Body, 8);
  const std::string hold =
      step.breaths ? breaths_text(*step.breaths) : seconds_text(hold_seconds(step));
  // TRANSLATORS: the length of each hold of the pressure (a stepper's label).
  l.hold = step_stepper(f, step, BuilderValue::Hold, core::tr("Each hold"), hold, 8);
  l.reps = step_stepper(f, step, BuilderValue::Reps, core::tr("Repetitions"),
                        std::to_string(step.reps), 8);
  if (step.reps > 1) {
    const auto rest = duration_cast<seconds>(step.rest).count();
    // TRANSLATORS: the rest between a step's repetitions (a stepper's label).
    l.rest = step_stepper(f, step, BuilderValue::Rest, core::tr("Rest between"),
                          seconds_text(static_cast<int>(rest)), 8);
  }
  l.pressure = step_stepper(f, step, BuilderValue::Pressure, core::tr("Pressure"),
                            std::to_string(step.pressure_target) + "/10", 4);
  l.pressure_note = f.add(core::tr("Aim for 5-6 out of 10; never above 7"), Font::Caption, 16);
  l.pattern_label =
      f.add(core::tr("Breathing during the hold (no breath holds)"), Font::Caption, 4);
  l.pattern = chooser_layout(f, BuilderValue::StepPattern, pattern_name(step.pattern_id), 16);
  // "Instruction" with its count of characters on the right.
  const std::string count = std::to_string(code_points(s.instruction.text())) + "/" +
                            std::to_string(kMaxInstructionChars);
  const float count_w = std::ceil(t.width("000/000", Font::Caption)) + 2;
  // TRANSLATORS: the step's spoken instruction (a field's label).
  const std::string instruction = core::tr("Instruction");
  l.instruction_label = text_block(t, instruction, Font::Caption, f.x, f.y, f.w - count_w - 8);
  l.instruction_count = text_block(t, count, Font::Caption, f.x + f.w - count_w, f.y, count_w);
  f.y = l.instruction_label.box.bottom() + 4;
  l.instruction = builder_field(f, BuilderText::Instruction, s.instruction,
                                core::tr("One line, for closed eyes"), 3, 16);
  const auto moves = chip_rows(f, move_labels(), Font::Button, 24);
  l.move_up = moves[0];
  l.move_down = moves[1];
  l.can_move_up = s.step > 0;
  l.can_move_down = s.step + 1 < static_cast<int>(m.homework_draft.steps.size());
  // Delete stands apart, under the moves, only as wide as its label.
  l.remove = f.take(48, 0);
  l.remove.w =
      std::min(f.w, std::max(128.0f, std::ceil(t.width(delete_step_label(), Font::Button)) + 32));
  l.content_h = f.y + 16 + dy - l.page.viewport.y;
  return l;
}

}  // namespace

std::vector<std::string> sides_labels() {
  // TRANSLATORS: the sides a step presses: both, the left, the right, or the midline (one
  // place in the middle of the body). Short chip labels.
  return {core::trc("sides", "Both"), core::trc("side", "Left"), core::trc("side", "Right"),
          core::trc("side", "Midline")};
}

std::vector<std::string> hold_unit_labels() {
  // TRANSLATORS: the units of a hold's length (chip labels).
  return {core::tr("Seconds"), core::tr("Breaths")};
}

std::vector<std::string> move_labels() {
  // TRANSLATORS: buttons that move a step up or down in the routine.
  return {core::tr("\u2191 Up"), core::tr("\u2193 Down")};
}

std::string delete_step_label() { return core::tr("Delete step"); }

BuilderStepScreen builder_step_screen(const AppModel& m, int step, float builder_scroll) {
  BuilderStepScreen s;
  s.step = step;
  s.builder_scroll = builder_scroll;
  if (const core::StepSpec* found = step_of(m, s))
    s.instruction = TextEdit(found->instruction, kMaxInstructionChars);
  return s;
}

std::optional<FieldRef> text_field(const AppModel& m, const BuilderStepScreen& s, Control c,
                                   const Env& env) {
  if (c != kInstructionField || step_of(m, s) == nullptr) return std::nullopt;
  return FieldRef{c, &s.instruction, builder_step_page_layout(m, s, env).instruction.place};
}

BuilderStepPageLayout builder_step_page_layout(const AppModel& m, const BuilderStepScreen& s,
                                               const Env& env) {
  BuilderStepPageLayout l = lay_out(m, s, env, 0);
  const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.page.viewport.h));
  return dy > 0 ? lay_out(m, s, env, dy) : l;
}

ScreenFrame frame(const AppModel& m, const BuilderStepScreen& s, const Env& env) {
  const BuilderStepPageLayout l = builder_step_page_layout(m, s, env);
  ScreenFrame f;
  if (const core::StepSpec* step = step_of(m, s)) f.title = step->title;
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  add_target(f, {ControlKind::Back, 0}, l.back, core::trc("button", "Back"));
  if (l.found) {
    const auto sides = sides_labels();
    for (std::size_t i = 0; i < l.sides.size(); ++i) {
      add_scrolling(f, {ControlKind::SidesOption, static_cast<int>(kSidesOrder[i])}, l.sides[i],
                    sides[i], Role::Option);
    }
    const auto units = hold_unit_labels();
    for (std::size_t i = 0; i < l.hold_units.size(); ++i) {
      add_scrolling(f, {ControlKind::HoldUnit, static_cast<int>(i)}, l.hold_units[i], units[i],
                    Role::Option);
    }
    add_stepper(f, l.hold);
    add_stepper(f, l.reps);
    if (l.rest) add_stepper(f, *l.rest);
    add_stepper(f, l.pressure);
    // TRANSLATORS: spoken names of the buttons that choose the step's breathing pattern.
    add_chooser(f, l.pattern, core::tr("Previous breathing pattern"),
                core::tr("Next breathing pattern"));
    add_scrolling(f, kInstructionField, l.instruction.place.box, core::tr("Instruction"),
                  Role::Field);
    // TRANSLATORS: spoken names of the buttons that move a step up or down in the routine.
    add_scrolling(f, {ControlKind::MoveStepUp, 0}, l.move_up, core::tr("Move up"), Role::Button,
                  l.can_move_up);
    add_scrolling(f, {ControlKind::MoveStepDown, 0}, l.move_down, core::tr("Move down"),
                  Role::Button, l.can_move_down);
    add_scrolling(f, {ControlKind::RemoveStep, 0}, l.remove, delete_step_label());
  }
  add_target(f, {ControlKind::Done, 0}, l.done, core::trc("button", "Done"));
  return f;
}

Control primary(const AppModel&, const BuilderStepScreen&) { return {ControlKind::Done, 0}; }

void activate(Step& st, BuilderStepScreen& screen, Control c) {
  AppModel& m = st.m;
  auto& steps = m.homework_draft.steps;
  BuilderStepScreen s = screen;
  if (step_of(m, s) == nullptr) {
    open_builder(m, s.builder_scroll);
    return;
  }
  const auto at = static_cast<std::size_t>(s.step);
  core::StepSpec& step = steps[at];
  const auto was = focused_control(m);
  switch (c.kind) {
    case ControlKind::Back:
    case ControlKind::Done:
      open_builder(m, s.builder_scroll, Control{ControlKind::StepRow, s.step});
      return;
    case ControlKind::SidesOption:
      step.sides = static_cast<core::Sides>(std::clamp(c.index, 0, 3));
      break;
    case ControlKind::HoldUnit:
      if (c.index == 1 && !step.breaths) {
        set_breaths(step, static_cast<int>(
                              std::lround(hold_seconds(step) / cycle_seconds(step.pattern_id))));
      } else if (c.index == 0 && step.breaths) {
        set_seconds(step, hold_seconds(step));
      }
      break;
    case ControlKind::BuilderDown:
    case ControlKind::BuilderUp:
      nudge_step(step, static_cast<BuilderValue>(c.index),
                 c.kind == ControlKind::BuilderUp ? 1 : -1);
      break;
    case ControlKind::BuilderField:
      focus_control(m, c);  // typing goes there
      return;
    case ControlKind::MoveStepUp:
      if (s.step > 0) {
        std::swap(steps[at], steps[at - 1]);
        --s.step;
      }
      break;
    case ControlKind::MoveStepDown:
      if (at + 1 < steps.size()) {
        std::swap(steps[at], steps[at + 1]);
        ++s.step;
      }
      break;
    case ControlKind::RemoveStep: {
      steps.erase(steps.begin() + s.step);
      const int next = std::min(s.step, static_cast<int>(steps.size()) - 1);
      open_builder(
          m, s.builder_scroll,
          next >= 0 ? Control{ControlKind::StepRow, next} : Control{ControlKind::AddMuscle, 0});
      return;
    }
    default:
      return;
  }
  screen = s;
  clamp_scroll(m.scroll, screen_frame(m));  // the rest row may have come or gone
  if (was) keep_focus(m, *was);
}

void back(Step& st, BuilderStepScreen& s) { activate(st, s, {ControlKind::Back, 0}); }

void scroll(Step& st, BuilderStepScreen&, float dy) { scroll_content(st.m, dy); }

void text_input(Step& st, BuilderStepScreen& s, const TextInput& t) {
  AppModel& m = st.m;
  if (step_of(m, s) == nullptr) return;
  const FieldPlace place = builder_step_page_layout(m, s, env_of(m)).instruction.place;
  const FieldOutcome r = edit_field(st, s.instruction, kInstructionField, place, t);
  if (r.text_changed) {
    m.homework_draft.steps[static_cast<std::size_t>(s.step)].instruction = s.instruction.text();
    clamp_scroll(m.scroll, screen_frame(m));
  }
  if (r.submit) move_on(st);  // Enter goes on to the next control
}

}  // namespace unknot::app
