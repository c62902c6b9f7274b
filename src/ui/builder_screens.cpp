// The therapist's homework builder: the routine, a step's dose, the muscle picker and the
// schedule, drawn from their measured layouts (app/builder_page.h, builder_step_page.h,
// builder_pick_page.h, builder_plan_page.h): every text whole, the scrolling part clipped to its
// viewport with an indicator. Each − and + is an outlined button, visible on any card.
#include <algorithm>

#include "app/builder_page.h"
#include "app/builder_pick_page.h"
#include "app/builder_plan_page.h"
#include "app/builder_step_page.h"
#include "app/screens.h"
#include "core/translate.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace unknot::ui {
namespace {

using app::ControlKind;

app::Env env_of(const DrawContext& dc, const app::AppModel& m) {
  return {dc.window, app::measure_of(m), m.scroll.offset};
}

// A text field (app/text_field.h): its text wrapped in full, the caret and selection while
// focused, the hint while empty and unfocused.
void field(DrawContext& dc, const app::AppModel& m, const app::TextEdit& edit,
           const app::BuilderField& f) {
  draw_field(dc, m, edit, f.place, f.control());
  const auto focused = app::focused_field(m);
  if (edit.text().empty() && !edit.composing() && !(focused && focused->control == f.control()))
    dc.canvas.text_block(f.hint, dc.palette.muted);
}

void stepper(DrawContext& dc, const app::BuilderStepperLayout& s) {
  const int i = app::value_index(s.value);
  dc.canvas.text_block(s.label, dc.palette.text);
  button(dc, s.down, "\u2212", ButtonStyle::Quiet, dc.focused(ControlKind::BuilderDown, i),
         s.down_enabled);
  dc.canvas.number_in(s.text, s.value_box, Font::BodyStrong, dc.palette.text, Align::Center);
  button(dc, s.up, "+", ButtonStyle::Quiet, dc.focused(ControlKind::BuilderUp, i), s.up_enabled);
}

void chooser(DrawContext& dc, const app::BuilderChooserLayout& s) {
  const int i = app::value_index(s.value);
  button(dc, s.previous, "\u2039", ButtonStyle::Quiet, dc.focused(ControlKind::BuilderDown, i));
  dc.canvas.text_block(s.name, dc.palette.text, Align::Center);
  button(dc, s.next, "\u203A", ButtonStyle::Quiet, dc.focused(ControlKind::BuilderUp, i));
}

void chip(DrawContext& dc, app::Rect r, std::string_view label, bool on, app::Control control) {
  const Palette& p = dc.palette;
  dc.canvas.fill_rounded(r, r.h / 2, on ? p.accent : p.surface);
  if (!on) dc.canvas.stroke_rounded(r, r.h / 2, 1.0f, p.outline);
  dc.canvas.text_in(label, r.inset(6), Font::Body, on ? p.on_accent : p.text, Align::Center);
  if (dc.focused(control.kind, control.index)) focus_ring(dc, r, r.h / 2);
}

// A card that opens (a chevron) or adds (a plus) something.
void card(DrawContext& dc, const app::BuilderCardLayout& l, app::Control control,
          std::string_view accessory, Color accessory_color) {
  const Palette& p = dc.palette;
  dc.canvas.fill_rounded(l.card, kCardRadius, p.surface);
  dc.canvas.text_block(l.title, p.text);
  dc.canvas.text_block(l.detail, l.caution ? p.caution_text : l.title.empty() ? p.text : p.muted);
  dc.canvas.text_in(accessory, l.accessory, Font::Title, accessory_color, Align::Center);
  if (dc.focused(control.kind, control.index)) focus_ring(dc, l.card, kCardRadius);
}

void block(DrawContext& dc, const app::BuilderBlockLayout& b) {
  dc.canvas.fill_rounded(b.card, kCardRadius, dc.palette.surface);
  dc.canvas.text_block(b.heading, dc.palette.text);
  stepper(dc, b.minutes);
  chooser(dc, b.pattern);
}

}  // namespace

void draw_builder(DrawContext& dc, const app::AppModel& m, const app::BuilderScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto& d = m.homework_draft;
  const auto l = app::builder_page_layout(m, s, env_of(dc, m));
  back_button(dc, l.back, dc.focused(ControlKind::Back));
  button(dc, l.new_button, app::builder_new_label(), ButtonStyle::Quiet,
         dc.focused(ControlKind::NewHomework));
  {
    const Clip clip(c, l.page.viewport);
    c.text_block(l.title, p.text);
    c.text_block(l.title_label, p.muted);
    field(dc, m, s.title, l.title_field);
    c.text_block(l.steps_heading, p.text);
    c.text_block(l.length, p.muted, Align::Right);
    block(dc, l.settle);
    for (std::size_t i = 0; i < l.steps.size(); ++i) {
      card(dc, l.steps[i], {ControlKind::StepRow, static_cast<int>(i)}, "\u203A", p.muted);
    }
    // TRANSLATORS: a button: adds a muscle (a pressure step) to the homework.
    button(dc, l.add_muscle, core::tr("+ Add muscle"),
           d.steps.empty() ? ButtonStyle::Primary : ButtonStyle::Secondary,
           dc.focused(ControlKind::AddMuscle));
    block(dc, l.close);
    c.text_block(l.schedule_heading, p.text);
    card(dc, l.schedule, {ControlKind::HomeworkSchedule, 0}, "\u203A", p.muted);
    for (const auto& problem : l.problems) c.text_block(problem, p.caution_text);
  }
  scroll_indicator(dc, l.page.viewport, l.content_h, m.scroll.offset);
  if (l.toast.h > 0) {
    c.fill_rounded(l.toast, 16, p.text);
    c.text_block(l.toast_text, p.background, Align::Center);
  }
  button(dc, l.try_it, app::builder_try_label(), ButtonStyle::Secondary,
         dc.focused(ControlKind::TryHomework));
  // TRANSLATORS: the export button once the draft was exported before (a new revision).
  const std::string again = core::tr("Export again");
  button(dc, l.export_button, d.revision > 0 ? again : core::tr("Export homework"),
         ButtonStyle::Primary, dc.focused(ControlKind::ExportHomework));
  if (s.confirming_new) {
    const std::string keep = core::tr("Keep it"), start = core::tr("Start new");
    dialog(dc, l.dialog,
           {keep, start, {ControlKind::EndCancel, 0}, {ControlKind::NewHomework, 1}, true});
  }
}

void draw_builder(DrawContext& dc, const app::AppModel& m, const app::BuilderStepScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::builder_step_page_layout(m, s, env_of(dc, m));
  back_button(dc, l.back, dc.focused(ControlKind::Back));
  if (l.found) {
    const core::StepSpec& step = m.homework_draft.steps[static_cast<std::size_t>(s.step)];
    const Clip clip(c, l.page.viewport);
    c.text_block(l.title, p.text);
    c.text_block(l.subtitle, l.supervised ? p.caution_text : p.muted);
    c.text_block(l.sides_label, p.muted);
    const auto side_labels = app::sides_labels();
    for (std::size_t i = 0; i < l.sides.size(); ++i) {
      const core::Sides sides = app::kSidesOrder[i];
      chip(dc, l.sides[i], side_labels[i], step.sides == sides,
           {ControlKind::SidesOption, static_cast<int>(sides)});
    }
    c.text_block(l.hold_label, p.muted);
    const auto unit_labels = app::hold_unit_labels();
    for (std::size_t i = 0; i < l.hold_units.size(); ++i) {
      chip(dc, l.hold_units[i], unit_labels[i], step.breaths.has_value() == (i == 1),
           {ControlKind::HoldUnit, static_cast<int>(i)});
    }
    stepper(dc, l.hold);
    stepper(dc, l.reps);
    if (l.rest) stepper(dc, *l.rest);
    stepper(dc, l.pressure);
    c.text_block(l.pressure_note, p.muted);
    c.text_block(l.pattern_label, p.muted);
    chooser(dc, l.pattern);
    c.text_block(l.instruction_label, p.muted);
    c.text_block(l.instruction_count, p.muted, Align::Right);
    field(dc, m, s.instruction, l.instruction);
    const auto moves = app::move_labels();
    button(dc, l.move_up, moves[0], ButtonStyle::Secondary, dc.focused(ControlKind::MoveStepUp),
           l.can_move_up);
    button(dc, l.move_down, moves[1], ButtonStyle::Secondary, dc.focused(ControlKind::MoveStepDown),
           l.can_move_down);
    button(dc, l.remove, app::delete_step_label(), ButtonStyle::Destructive,
           dc.focused(ControlKind::RemoveStep));
  }
  scroll_indicator(dc, l.page.viewport, l.content_h, m.scroll.offset);
  button(dc, l.done, core::trc("button", "Done"), ButtonStyle::Primary,
         dc.focused(ControlKind::Done));
}

void draw_builder(DrawContext& dc, const app::AppModel& m, const app::BuilderPickScreen&) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::builder_pick_page_layout(m, env_of(dc, m));
  back_button(dc, l.back, dc.focused(ControlKind::Back));
  {
    const Clip clip(c, l.page.viewport);
    c.text_block(l.title, p.text);
    c.text_block(l.intro, p.muted);
    for (std::size_t i = 0; i < l.rows.size(); ++i) {
      const auto& r = l.rows[i];
      c.text_block(r.heading, p.text);
      card(dc, r.card, {ControlKind::MusclePick, static_cast<int>(i)}, "+", p.accent);
    }
  }
  scroll_indicator(dc, l.page.viewport, l.content_h, m.scroll.offset);
}

void draw_builder(DrawContext& dc, const app::AppModel& m, const app::BuilderPlanScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto& d = m.homework_draft;
  const auto l = app::builder_plan_page_layout(m, s, env_of(dc, m));
  back_button(dc, l.back, dc.focused(ControlKind::Back));
  {
    const Clip clip(c, l.page.viewport);
    c.text_block(l.title, p.text);
    stepper(dc, l.times);
    c.text_block(l.days_label, p.muted);
    const auto days = app::day_labels();
    for (std::size_t i = 0; i < l.days.size() && i < days.size(); ++i) {
      chip(dc, l.days[i], days[i], d.days[i], {ControlKind::DayToggle, static_cast<int>(i)});
    }
    c.text_block(l.start_label, p.muted);
    c.text_block(l.start_value, p.text);
    const auto move_labels = app::start_move_labels();
    for (std::size_t i = 0; i < l.start_moves.size() && i < move_labels.size(); ++i) {
      const auto& move = l.start_moves[i];
      button(dc, move.rect, move_labels[i], ButtonStyle::Secondary,
             dc.focused(move.control.kind, move.control.index), move.enabled);
    }
    stepper(dc, l.weeks);
    c.text_block(l.end_note, p.muted);
    c.text_block(l.therapist_label, p.muted);
    field(dc, m, s.therapist, l.therapist);
    c.text_block(l.note_label, p.muted);
    field(dc, m, s.note, l.note);
  }
  scroll_indicator(dc, l.page.viewport, l.content_h, m.scroll.offset);
  button(dc, l.done, core::trc("button", "Done"), ButtonStyle::Primary,
         dc.focused(ControlKind::Done));
}

}  // namespace unknot::ui
