#include "app/builder_layout.h"

#include <algorithm>

namespace unknot::app {
namespace {

constexpr float kStepRow = 72;
constexpr float kPickRow = 64;
constexpr float kValueW = 96;  // "9 breaths", "30 s", "5/10"
constexpr float kCardPad = 12;
constexpr float kProblemBox = 2 * kCaptionLine + 4;
constexpr float kMultiLineField = 5 * kBodyLine + 24;

Rect back_of(Rect col) { return {col.x - 12, col.y - 12, kTarget, kTarget}; }

// Stacks boxes top-down from y.
struct Stack {
  float x, w, y;
  Rect take(float h, float gap_after = kSmallGap) {
    const Rect r{x, snap(y), w, h};
    y += h + gap_after;
    return r;
  }
};

// Label on the left; minus, value and plus on the right.
StepperRow stepper_row(Rect r) {
  StepperRow s;
  s.up = {r.right() - kTarget, r.y, kTarget, r.h};
  s.value = {s.up.x - kValueW, r.y, kValueW, r.h};
  s.down = {s.value.x - kTarget, r.y, kTarget, r.h};
  s.label = {r.x, r.y, std::max(0.0f, s.down.x - kSmallGap - r.x), r.h};
  return s;
}

// Previous and next at the ends, the name between them.
StepperRow chooser_row(Rect r) {
  StepperRow s;
  s.down = {r.x, r.y, kTarget, r.h};
  s.up = {r.right() - kTarget, r.y, kTarget, r.h};
  s.value = {s.down.right(), r.y, std::max(0.0f, s.up.x - s.down.right()), r.h};
  s.label = {r.x, r.y, 0, 0};
  return s;
}

// Header: back, title; the scrolling part runs from under the title to `bottom`.
struct Frame {
  Rect col, back, title, viewport;
};
Frame frame(Size window, float bottom) {
  Frame f;
  f.col = column(window);
  f.back = back_of(f.col);
  f.title = {f.col.x, snap(f.col.y + kTarget), f.col.w, kTitleLine};
  const float top = f.title.bottom() + kGap;
  f.viewport = {f.col.x, snap(top), f.col.w, std::max(0.0f, bottom - kGap - snap(top))};
  return f;
}

BuilderBlockLayout block(Stack& s) {
  BuilderBlockLayout b;
  const float h = kCardPad + kBodyLine + kSmallGap + kTarget + kSmallGap + kTarget + kCardPad;
  b.card = s.take(h, kSmallGap);
  Stack in{b.card.x + kCardPad, b.card.w - 2 * kCardPad, b.card.y + kCardPad};
  b.heading = in.take(kBodyLine, kSmallGap);
  b.minutes = stepper_row(in.take(kTarget, kSmallGap));
  b.pattern = chooser_row(in.take(kTarget, 0));
  return b;
}

void add_clipped(std::vector<Hit>& out, Control control, Rect r, Rect viewport) {
  const float top = std::max(r.y, viewport.y), bottom = std::min(r.bottom(), viewport.bottom());
  if (bottom - top < 1 || !r.intersects(viewport)) return;
  out.push_back({control, {r.x, top, r.w, bottom - top}});
}

Rect bottom_of(Rect col) { return {col.x, col.bottom() - kButtonHeight, col.w, kButtonHeight}; }

}  // namespace

BuilderLayout builder_layout(Size window, int steps, int problems, float scroll) {
  BuilderLayout l;
  const Rect col = column(window);
  const Rect bottom = bottom_of(col);
  // Export, the main action, gets the wider part.
  const float try_w = snap(std::min(176.0f, (bottom.w - kSmallGap) * 0.4f));
  l.try_it = {bottom.x, bottom.y, try_w, bottom.h};
  l.export_button = {bottom.x + try_w + kSmallGap, bottom.y, bottom.w - try_w - kSmallGap, bottom.h};
  const Frame f = frame(window, bottom.y);
  l.back = f.back;
  l.title = f.title;
  l.new_button = {col.right() - 96, col.y - 12, 96 + 12, kTarget};
  l.new_button.w = std::min(l.new_button.w, window.w - l.new_button.x);
  l.viewport = f.viewport;
  l.dialog = dialog_layout(window);
  Stack s{col.x, col.w, l.viewport.y - scroll};
  const float start = s.y;
  l.title_label = s.take(kCaptionLine, 4);
  l.title_field = s.take(kTarget, kGap);
  l.steps_label = s.take(kHeadingLine, kSmallGap);
  l.length = {col.right() - 120, l.steps_label.y, 120, kHeadingLine};
  l.steps_label.w -= 128;
  l.settle = block(s);
  for (int i = 0; i < steps; ++i) l.steps.push_back(s.take(kStepRow, kSmallGap));
  l.add_muscle = s.take(kTarget, kSmallGap);
  l.close = block(s);
  s.y += kGap - kSmallGap;
  l.schedule_label = s.take(kHeadingLine, kSmallGap);
  l.schedule = s.take(kStepRow, kGap);
  for (int i = 0; i < problems; ++i) l.problems.push_back(s.take(kProblemBox, 4));
  l.content_h = s.y - start;
  return l;
}

float builder_max_scroll(Size window, int steps, int problems) {
  const auto l = builder_layout(window, steps, problems, 0);
  return std::max(0.0f, l.content_h - l.viewport.h);
}

BuilderStepLayout builder_step_layout(Size window, bool rest_shown, float scroll) {
  BuilderStepLayout l;
  const Rect col = column(window);
  l.done = bottom_of(col);
  Frame f = frame(window, l.done.y);
  l.back = f.back;
  l.title = f.title;
  // A line under the title: the region, and whether the muscle is for supervised use.
  l.subtitle = {col.x, f.title.bottom(), col.w, kCaptionLine};
  l.viewport = {f.viewport.x, f.viewport.y + kCaptionLine, f.viewport.w, std::max(0.0f, f.viewport.h - kCaptionLine)};
  Stack s{col.x, col.w, l.viewport.y - scroll};
  const float start = s.y;
  l.sides_label = s.take(kCaptionLine, 4);
  const Rect sides = s.take(kTarget, kGap);
  const float sw = (sides.w - 3 * kSmallGap) / 4;
  for (int i = 0; i < 4; ++i) l.sides.push_back({snap(sides.x + static_cast<float>(i) * (sw + kSmallGap)), sides.y, snap(sw), sides.h});
  l.hold_label = s.take(kCaptionLine, 4);
  const Rect units = s.take(kTarget, kSmallGap);
  const float uw = std::min(128.0f, (units.w - kSmallGap) / 2);
  l.hold_units = {{units.x, units.y, uw, units.h}, {units.x + uw + kSmallGap, units.y, uw, units.h}};
  l.hold = stepper_row(s.take(kTarget, kSmallGap));
  l.reps = stepper_row(s.take(kTarget, kSmallGap));
  if (rest_shown) {
    l.rest = stepper_row(s.take(kTarget, kSmallGap));
  } else {
    l.rest = stepper_row({col.x, snap(s.y), col.w, 0});
  }
  l.pressure = stepper_row(s.take(kTarget, 0));
  l.pressure_note = s.take(kCaptionLine, kGap);
  l.pattern_label = s.take(kCaptionLine, 4);
  l.pattern = chooser_row(s.take(kTarget, kGap));
  l.instruction_label = s.take(kCaptionLine, 4);
  l.instruction_count = {col.right() - 80, l.instruction_label.y, 80, kCaptionLine};
  l.instruction_label.w -= 88;
  l.instruction_field = s.take(kMultiLineField, kGap);
  const Rect moves = s.take(kTarget, kSmallGap);
  const float mw = (moves.w - 2 * kSmallGap) / 3;
  l.move_up = {moves.x, moves.y, snap(mw), moves.h};
  l.move_down = {snap(moves.x + mw + kSmallGap), moves.y, snap(mw), moves.h};
  l.remove = {snap(moves.x + 2 * (mw + kSmallGap)), moves.y, moves.right() - snap(moves.x + 2 * (mw + kSmallGap)), moves.h};
  l.content_h = s.y - start;
  return l;
}

float builder_step_max_scroll(Size window, bool rest_shown) {
  const auto l = builder_step_layout(window, rest_shown, 0);
  return std::max(0.0f, l.content_h - l.viewport.h);
}

BuilderPickLayout builder_pick_layout(Size window, const std::vector<PickRow>& rows, float scroll) {
  BuilderPickLayout l;
  const Rect col = column(window);
  const Frame f = frame(window, col.bottom() + kGap);
  l.back = f.back;
  l.title = f.title;
  l.intro = {col.x, f.title.bottom() + 4, col.w, kCaptionLine};
  l.viewport = {f.viewport.x, f.viewport.y + kCaptionLine + 4, f.viewport.w,
                std::max(0.0f, f.viewport.h - kCaptionLine - 4)};
  Stack s{col.x, col.w, l.viewport.y - scroll};
  const float start = s.y;
  for (const auto& row : rows) {
    if (row.heading.empty()) {
      l.headings.push_back({col.x, snap(s.y), col.w, 0});
    } else {
      if (s.y > start) s.y += kSmallGap;
      l.headings.push_back(s.take(kHeadingLine, kSmallGap));
    }
    l.rows.push_back(s.take(kPickRow, kSmallGap));
  }
  l.content_h = s.y - start;
  return l;
}

float builder_pick_max_scroll(Size window, const std::vector<PickRow>& rows) {
  const auto l = builder_pick_layout(window, rows, 0);
  return std::max(0.0f, l.content_h - l.viewport.h);
}

BuilderPlanLayout builder_plan_layout(Size window, float scroll) {
  BuilderPlanLayout l;
  const Rect col = column(window);
  l.done = bottom_of(col);
  const Frame f = frame(window, l.done.y);
  l.back = f.back;
  l.title = f.title;
  l.viewport = f.viewport;
  Stack s{col.x, col.w, l.viewport.y - scroll};
  const float start = s.y;
  l.times = stepper_row(s.take(kTarget, kGap));
  l.days_label = s.take(kCaptionLine, 4);
  // Seven targets of at least 48 dp in one row when they fit, else Monday-Thursday over
  // Friday-Sunday.
  const bool one_row = col.w >= 7 * kTarget + 6 * kSmallGap + 24;
  const int per_row = one_row ? 7 : 4;
  const float dw = (col.w - static_cast<float>(per_row - 1) * kSmallGap) / static_cast<float>(per_row);
  Rect row = s.take(kTarget, one_row ? kGap : kSmallGap);
  for (int i = 0; i < 7; ++i) {
    if (i == per_row) row = s.take(kTarget, kGap);
    const int k = i % per_row;
    l.days.push_back({snap(row.x + static_cast<float>(k) * (dw + kSmallGap)), row.y, snap(dw), row.h});
  }
  l.start_label = s.take(kCaptionLine, 4);
  l.start_value = s.take(kBodyLine, kSmallGap);
  const Rect moves = s.take(kTarget, kGap);
  const float mw = (moves.w - 3 * kSmallGap) / 4;
  for (int i = 0; i < 4; ++i) l.start_moves.push_back({snap(moves.x + static_cast<float>(i) * (mw + kSmallGap)), moves.y, snap(mw), moves.h});
  l.weeks = stepper_row(s.take(kTarget, 4));
  l.end_note = s.take(kCaptionLine, kGap);
  l.therapist_label = s.take(kCaptionLine, 4);
  l.therapist_field = s.take(kTarget, kGap);
  l.note_label = s.take(kCaptionLine, 4);
  l.note_field = s.take(kMultiLineField, kSmallGap);
  l.content_h = s.y - start;
  return l;
}

float builder_plan_max_scroll(Size window) {
  const auto l = builder_plan_layout(window, 0);
  return std::max(0.0f, l.content_h - l.viewport.h);
}

std::vector<BuilderHit> builder_places(const AppModel& m, Size window, Rect& viewport) {
  std::vector<BuilderHit> out;
  const auto fixed = [&](Control c, Rect r) { out.push_back({c, r, false}); };
  const auto scrolled = [&](Control c, Rect r) { out.push_back({c, r, true}); };
  const auto stepper = [&](const StepperRow& r, BuilderValue v) {
    scrolled({ControlKind::BuilderDown, value_index(v)}, r.down);
    scrolled({ControlKind::BuilderUp, value_index(v)}, r.up);
  };
  const auto& d = m.homework_draft;
  if (const auto* b = std::get_if<BuilderScreen>(&m.screen)) {
    const auto l = builder_layout(window, static_cast<int>(d.steps.size()), static_cast<int>(b->problems.size()), b->scroll);
    viewport = l.viewport;
    if (b->confirming_new) {
      fixed({ControlKind::EndCancel, 0}, l.dialog.cancel);
      fixed({ControlKind::NewHomework, 1}, l.dialog.confirm);
      return out;
    }
    fixed({ControlKind::Back, 0}, l.back);
    fixed({ControlKind::NewHomework, 0}, l.new_button);
    scrolled({ControlKind::BuilderField, 0}, l.title_field);
    stepper(l.settle.minutes, BuilderValue::SettleMinutes);
    stepper(l.settle.pattern, BuilderValue::SettlePattern);
    for (std::size_t i = 0; i < l.steps.size(); ++i) scrolled({ControlKind::StepRow, static_cast<int>(i)}, l.steps[i]);
    scrolled({ControlKind::AddMuscle, 0}, l.add_muscle);
    stepper(l.close.minutes, BuilderValue::CloseMinutes);
    stepper(l.close.pattern, BuilderValue::ClosePattern);
    scrolled({ControlKind::HomeworkSchedule, 0}, l.schedule);
    fixed({ControlKind::TryHomework, 0}, l.try_it);
    fixed({ControlKind::ExportHomework, 0}, l.export_button);
  } else if (const auto* st = std::get_if<BuilderStepScreen>(&m.screen)) {
    const bool rest = st->step >= 0 && st->step < static_cast<int>(d.steps.size()) &&
                      d.steps[static_cast<std::size_t>(st->step)].reps > 1;
    const auto l = builder_step_layout(window, rest, st->scroll);
    viewport = l.viewport;
    fixed({ControlKind::Back, 0}, l.back);
    const core::Sides order[] = {core::Sides::Both, core::Sides::Left, core::Sides::Right, core::Sides::None};
    for (int i = 0; i < 4; ++i) scrolled({ControlKind::SidesOption, static_cast<int>(order[i])}, l.sides[static_cast<std::size_t>(i)]);
    for (int i = 0; i < 2; ++i) scrolled({ControlKind::HoldUnit, i}, l.hold_units[static_cast<std::size_t>(i)]);
    stepper(l.hold, BuilderValue::Hold);
    stepper(l.reps, BuilderValue::Reps);
    if (rest) stepper(l.rest, BuilderValue::Rest);
    stepper(l.pressure, BuilderValue::Pressure);
    stepper(l.pattern, BuilderValue::StepPattern);
    scrolled({ControlKind::BuilderField, 1}, l.instruction_field);
    scrolled({ControlKind::MoveStepUp, 0}, l.move_up);
    scrolled({ControlKind::MoveStepDown, 0}, l.move_down);
    scrolled({ControlKind::RemoveStep, 0}, l.remove);
    fixed({ControlKind::Done, 0}, l.done);
  } else if (const auto* pk = std::get_if<BuilderPickScreen>(&m.screen)) {
    const auto l = builder_pick_layout(window, builder_pick_rows(m), pk->scroll);
    viewport = l.viewport;
    fixed({ControlKind::Back, 0}, l.back);
    for (std::size_t i = 0; i < l.rows.size(); ++i) scrolled({ControlKind::MusclePick, static_cast<int>(i)}, l.rows[i]);
  } else if (const auto* pl = std::get_if<BuilderPlanScreen>(&m.screen)) {
    const auto l = builder_plan_layout(window, pl->scroll);
    viewport = l.viewport;
    fixed({ControlKind::Back, 0}, l.back);
    stepper(l.times, BuilderValue::TimesPerDay);
    for (int i = 0; i < 7; ++i) scrolled({ControlKind::DayToggle, i}, l.days[static_cast<std::size_t>(i)]);
    scrolled({ControlKind::BuilderDown, value_index(BuilderValue::StartWeek)}, l.start_moves[0]);
    scrolled({ControlKind::BuilderDown, value_index(BuilderValue::StartDay)}, l.start_moves[1]);
    scrolled({ControlKind::BuilderUp, value_index(BuilderValue::StartDay)}, l.start_moves[2]);
    scrolled({ControlKind::BuilderUp, value_index(BuilderValue::StartWeek)}, l.start_moves[3]);
    stepper(l.weeks, BuilderValue::Weeks);
    scrolled({ControlKind::BuilderField, 2}, l.therapist_field);
    scrolled({ControlKind::BuilderField, 3}, l.note_field);
    fixed({ControlKind::Done, 0}, l.done);
  }
  return out;
}

bool builder_hits(const AppModel& m, Size window, std::vector<Hit>& out) {
  if (!std::holds_alternative<BuilderScreen>(m.screen) && !std::holds_alternative<BuilderStepScreen>(m.screen) &&
      !std::holds_alternative<BuilderPickScreen>(m.screen) && !std::holds_alternative<BuilderPlanScreen>(m.screen)) {
    return false;
  }
  Rect viewport;
  for (const auto& place : builder_places(m, window, viewport)) {
    if (place.scrolls) {
      add_clipped(out, place.control, place.rect, viewport);
    } else {
      out.push_back({place.control, place.rect});
    }
  }
  return true;
}

}  // namespace unknot::app
