// The therapist's homework builder: the routine, a step's dose, the muscle picker and the
// schedule. Fields and steppers look like the pattern editor's; scrolling parts are clipped
// between a fixed header and the fixed buttons at the bottom.
#include <algorithm>

#include "app/builder_flow.h"
#include "app/builder_layout.h"
#include "app/view.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace unknot::ui {
namespace {

using app::ControlKind;

bool visible(app::Rect r, app::Rect viewport) { return r.h > 0 && r.intersects(viewport); }

std::string pattern_name(const std::string& id) {
  const auto* p = core::find_builtin_pattern(id);
  return p ? p->name : id;
}

std::string day_text(core::Day day) {
  using namespace std::chrono;
  static constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const year_month_day ymd{day};
  return std::string(kDays[weekday{day}.iso_encoding() - 1]) + " " + std::to_string(static_cast<unsigned>(ymd.day())) +
         " " + kMonths[static_cast<unsigned>(ymd.month()) - 1] + " " + std::to_string(static_cast<int>(ymd.year()));
}

// "…" and the text after its first `n` characters (whole UTF-8 characters), for showing the end
// of a text too long for its field.
std::string tail_after_first(const std::string& s, std::size_t n) {
  constexpr std::string_view kEllipsis = "\u2026";
  std::size_t at = s.starts_with(kEllipsis) ? kEllipsis.size() : 0;
  for (std::size_t k = 0; k < n && at < s.size(); ++k) {
    ++at;
    while (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) ++at;
  }
  return std::string(kEllipsis) + s.substr(at);
}

// A text field: one line, or wrapped over several; a caret while focused; a muted hint when
// empty.
void field(DrawContext& dc, app::Rect r, const std::string& text, std::string_view hint, int index, int lines = 1) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const bool focus = dc.focused(ControlKind::BuilderField, index);
  c.fill_rounded(r, 12, p.surface);
  c.stroke_rounded(r, 12, focus ? 2.0f : 1.0f, focus ? p.accent : p.outline);
  const app::Rect inner = r.inset(12);
  if (text.empty() && !focus) {
    c.text_in(hint, {inner.x, inner.y, inner.w, app::kBodyLine}, Font::Body, p.muted, Align::Left);
    return;
  }
  std::string shown = text + (focus ? "|" : "");
  if (lines <= 1) {
    // While typing, the end of a long line stays in sight.
    if (focus) {
      while (shown.size() > 1 && c.text_width(shown, Font::Body) > inner.w) shown = tail_after_first(shown, 1);
    }
    c.text_in(shown, inner, Font::Body, p.text, Align::Left);
  } else {
    if (focus) {
      while (shown.size() > 1 && c.wrapped_line_count(shown, inner.w, Font::Body) > lines) shown = tail_after_first(shown, 8);
    }
    c.text_wrapped(shown, inner, Font::Body, p.text, Align::Left, lines);
  }
}

// Label on the left; minus, value and plus on the right.
void stepper(DrawContext& dc, const app::StepperRow& r, std::string_view label, const std::string& value,
             app::BuilderValue v, bool at_min, bool at_max) {
  const Palette& p = dc.palette;
  if (r.label.w > 0) dc.canvas.text_in(label, r.label, Font::Body, p.text, Align::Left);
  const int i = app::value_index(v);
  button(dc, r.down, "\u2212", ButtonStyle::Secondary, dc.focused(ControlKind::BuilderDown, i), !at_min);
  dc.canvas.number_in(value, r.value, Font::BodyStrong, p.text, Align::Center);
  button(dc, r.up, "+", ButtonStyle::Secondary, dc.focused(ControlKind::BuilderUp, i), !at_max);
}

// Previous / name / next, for breathing patterns.
void chooser(DrawContext& dc, const app::StepperRow& r, const std::string& name, app::BuilderValue v) {
  const Palette& p = dc.palette;
  const int i = app::value_index(v);
  dc.canvas.fill_rounded({r.down.x, r.down.y, r.up.right() - r.down.x, r.down.h}, kButtonRadius, p.surface);
  button(dc, r.down, "\u2039", ButtonStyle::Secondary, dc.focused(ControlKind::BuilderDown, i));
  const app::Rect box = r.value.inset(4);
  const Font font = dc.canvas.text_width(name, Font::Body) <= box.w ? Font::Body : Font::Caption;
  dc.canvas.text_in(name, box, font, p.text, Align::Center);
  button(dc, r.up, "\u203A", ButtonStyle::Secondary, dc.focused(ControlKind::BuilderUp, i));
}

void chip(DrawContext& dc, app::Rect r, std::string_view label, bool on, app::Control control, Font font = Font::Body) {
  const Palette& p = dc.palette;
  dc.canvas.fill_rounded(r, r.h / 2, on ? p.accent : p.surface);
  if (!on) dc.canvas.stroke_rounded(r, r.h / 2, 1.0f, p.outline);
  dc.canvas.text_in(label, r.inset(6), font, on ? p.on_accent : p.text, Align::Center);
  if (dc.focused(control.kind, control.index)) focus_ring(dc, r, r.h / 2);
}

// A card that opens something: a title, a line under it, a chevron.
void card_row(DrawContext& dc, app::Rect r, std::string_view title, std::string_view detail, app::Control control,
              int detail_lines = 1) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  c.fill_rounded(r, kCardRadius, p.surface);
  const float text_w = r.w - 32 - 40;
  if (title.empty()) {
    const float h = static_cast<float>(detail_lines) * app::kBodyLine;
    c.text_wrapped(detail, {r.x + 16, r.center().y - h / 2, text_w, h}, Font::Body, p.text, Align::Left, detail_lines);
  } else {
    c.text_in(title, {r.x + 16, r.center().y - app::kBodyLine + 2, text_w, app::kBodyLine}, Font::BodyStrong, p.text, Align::Left);
    c.text_in(detail, {r.x + 16, r.center().y + 2, text_w, app::kCaptionLine}, Font::Caption, p.muted, Align::Left);
  }
  c.text_in("\u203A", {r.right() - 40, r.y, 28, r.h}, Font::Title, p.muted, Align::Center);
  if (dc.focused(control.kind, control.index)) focus_ring(dc, r, kCardRadius);
}

void block(DrawContext& dc, const app::BuilderBlockLayout& b, std::string_view heading, int minutes,
           const std::string& pattern, app::BuilderValue minutes_value, app::BuilderValue pattern_value) {
  const Palette& p = dc.palette;
  dc.canvas.fill_rounded(b.card, kCardRadius, p.surface_raised);
  dc.canvas.text_in(heading, b.heading, Font::BodyStrong, p.text, Align::Left);
  stepper(dc, b.minutes, "Length", std::to_string(minutes) + " min", minutes_value, minutes <= 1,
          minutes >= app::kMaxBlockMinutes);
  chooser(dc, b.pattern, pattern_name(pattern), pattern_value);
}

void toast(DrawContext& dc, const app::AppModel& m, app::Rect above) {
  if (m.toast.empty()) return;
  const Palette& p = dc.palette;
  const app::Rect r{above.x, above.y - app::kSmallGap - 2 * app::kCaptionLine - 16, above.w, 2 * app::kCaptionLine + 16};
  dc.canvas.fill_rounded(r, 16, p.text);
  dc.canvas.text_wrapped(m.toast, r.inset(8), Font::Caption, p.background, Align::Center, 2);
}

app::Rect toast_rect(const app::AppModel& m, app::Rect above) {
  if (m.toast.empty()) return {above.x, above.y, above.w, 0};
  return {above.x, above.y - app::kSmallGap - 2 * app::kCaptionLine - 16, above.w, 2 * app::kCaptionLine + 16};
}

}  // namespace

void draw_builder(DrawContext& dc, const app::AppModel& m, const app::BuilderScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto& d = m.homework_draft;
  const auto l = app::builder_layout(dc.window, static_cast<int>(d.steps.size()), static_cast<int>(s.problems.size()), s.scroll);
  back_button(dc, l.back, dc.focused(ControlKind::Back));
  c.text_in("Homework", l.title, Font::Title, p.text, Align::Left);
  button(dc, l.new_button, "New", ButtonStyle::Quiet, dc.focused(ControlKind::NewHomework));
  const app::Rect bottom{l.try_it.x, l.try_it.y, l.export_button.right() - l.try_it.x, l.try_it.h};
  const app::Rect t = toast_rect(m, bottom);
  const app::Rect vp{l.viewport.x - 8, l.viewport.y, l.viewport.w + 16,
                     std::max(0.0f, std::min(l.viewport.bottom(), t.y - app::kSmallGap) - l.viewport.y)};
  {
    const Clip clip(c, vp);
    if (visible(l.title_label, vp)) c.text_in("Routine title", l.title_label, Font::Caption, p.muted, Align::Left);
    if (visible(l.title_field, vp)) field(dc, l.title_field, d.title, "Name the routine", 0);
    if (visible(l.steps_label, vp)) {
      c.text_in("Steps", l.steps_label, Font::Heading, p.text, Align::Left);
      c.text_in("About " + app::format_minutes(app::draft_length(m)), l.length, Font::Body, p.muted, Align::Right);
    }
    if (visible(l.settle.card, vp)) {
      block(dc, l.settle, "Breathing in", d.settle_minutes, d.settle_pattern, app::BuilderValue::SettleMinutes,
            app::BuilderValue::SettlePattern);
    }
    for (std::size_t i = 0; i < l.steps.size(); ++i) {
      if (!visible(l.steps[i], vp)) continue;
      const auto& step = d.steps[i];
      const core::MuscleInfo* info = m.library ? m.library->find(step.muscle) : nullptr;
      const std::string dose = app::step_dose_text(step);
      card_row(dc, l.steps[i], std::to_string(i + 1) + ". " + step.title,
               info && info->therapist_only ? "Supervised \u00B7 " + dose : dose,
               {ControlKind::StepRow, static_cast<int>(i)});
    }
    if (visible(l.add_muscle, vp)) {
      button(dc, l.add_muscle, "+ Add muscle", d.steps.empty() ? ButtonStyle::Primary : ButtonStyle::Secondary,
             dc.focused(ControlKind::AddMuscle));
    }
    if (visible(l.close.card, vp)) {
      block(dc, l.close, "Breathing out", d.close_minutes, d.close_pattern, app::BuilderValue::CloseMinutes,
            app::BuilderValue::ClosePattern);
    }
    if (visible(l.schedule_label, vp)) c.text_in("Schedule", l.schedule_label, Font::Heading, p.text, Align::Left);
    if (visible(l.schedule, vp)) {
      const core::Homework h = app::draft_homework(m);
      card_row(dc, l.schedule, "", core::schedule_text(h.prescription), {ControlKind::HomeworkSchedule, 0}, 2);
    }
    for (std::size_t i = 0; i < l.problems.size(); ++i) {
      if (visible(l.problems[i], vp)) {
        c.text_wrapped(s.problems[i], l.problems[i], Font::Caption, p.caution_text, Align::Left, 2);
      }
    }
  }
  toast(dc, m, bottom);
  button(dc, l.try_it, "Try it now", ButtonStyle::Secondary, dc.focused(ControlKind::TryHomework));
  button(dc, l.export_button, d.revision > 0 ? "Export again" : "Export homework", ButtonStyle::Primary,
         dc.focused(ControlKind::ExportHomework));
  if (s.confirming_new) {
    dialog(dc, l.dialog, {"Start afresh?", "This draft is cleared; files you exported stay.",
                          "Keep it", "Start new", {ControlKind::EndCancel, 0}, {ControlKind::NewHomework, 1}});
  }
}

void draw_builder(DrawContext& dc, const app::AppModel& m, const app::BuilderStepScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto& steps = m.homework_draft.steps;
  if (s.step < 0 || s.step >= static_cast<int>(steps.size())) return;
  const core::StepSpec& step = steps[static_cast<std::size_t>(s.step)];
  const auto l = app::builder_step_layout(dc.window, step.reps > 1, s.scroll);
  back_button(dc, l.back, dc.focused(ControlKind::Back));
  c.text_in(step.title, l.title, Font::Title, p.text, Align::Left);
  const core::MuscleInfo* info = m.library ? m.library->find(step.muscle) : nullptr;
  std::string subtitle = "Step " + std::to_string(s.step + 1) + " of " + std::to_string(steps.size());
  if (info && !info->region.empty()) subtitle += " \u00B7 " + info->region;
  if (info && info->therapist_only) subtitle += " \u00B7 supervised use";
  c.text_in(subtitle, l.subtitle, Font::Caption, info && info->therapist_only ? p.caution_text : p.muted, Align::Left);
  const app::Rect vp{l.viewport.x - 8, l.viewport.y, l.viewport.w + 16, l.viewport.h};
  {
    const Clip clip(c, vp);
    c.text_in("Sides", l.sides_label, Font::Caption, p.muted, Align::Left);
    const std::pair<core::Sides, const char*> sides[] = {
        {core::Sides::Both, "Both"}, {core::Sides::Left, "Left"}, {core::Sides::Right, "Right"}, {core::Sides::None, "Midline"}};
    for (std::size_t i = 0; i < 4; ++i) {
      chip(dc, l.sides[i], sides[i].second, step.sides == sides[i].first,
           {ControlKind::SidesOption, static_cast<int>(sides[i].first)});
    }
    c.text_in("Hold", l.hold_label, Font::Caption, p.muted, Align::Left);
    chip(dc, l.hold_units[0], "Seconds", !step.breaths, {ControlKind::HoldUnit, 0});
    chip(dc, l.hold_units[1], "Breaths", step.breaths.has_value(), {ControlKind::HoldUnit, 1});
    std::string hold_value;
    bool hold_min = false, hold_max = false;
    if (step.breaths) {
      hold_value = std::to_string(*step.breaths) + " breaths";
    } else {
      const auto secs = std::chrono::duration_cast<std::chrono::seconds>(step.duration.value_or(core::Duration{})).count();
      hold_value = std::to_string(secs) + " s";
      hold_min = secs <= app::kMinHoldSeconds;
      hold_max = secs >= app::kMaxHoldSeconds;
    }
    stepper(dc, l.hold, "Each hold", hold_value, app::BuilderValue::Hold, hold_min, hold_max);
    stepper(dc, l.reps, "Repetitions", std::to_string(step.reps), app::BuilderValue::Reps, step.reps <= 1,
            step.reps >= app::kMaxReps);
    if (step.reps > 1) {
      const auto rest = std::chrono::duration_cast<std::chrono::seconds>(step.rest).count();
      stepper(dc, l.rest, "Rest", std::to_string(rest) + " s", app::BuilderValue::Rest, rest <= 0,
              rest >= app::kMaxRestSeconds);
    }
    stepper(dc, l.pressure, "Pressure", std::to_string(step.pressure_target) + "/10", app::BuilderValue::Pressure,
            step.pressure_target <= 1, step.pressure_target >= app::kMaxPressure);
    c.text_in("Aim for 5-6 out of 10; never above 7", l.pressure_note, Font::Caption, p.muted, Align::Left);
    c.text_in("Breathing during the hold (no breath holds)", l.pattern_label, Font::Caption, p.muted, Align::Left);
    chooser(dc, l.pattern, pattern_name(step.pattern_id), app::BuilderValue::StepPattern);
    c.text_in("Instruction", l.instruction_label, Font::Caption, p.muted, Align::Left);
    const auto count = std::count_if(step.instruction.begin(), step.instruction.end(),
                                     [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; });
    c.number_in(std::to_string(count) + "/" + std::to_string(app::kMaxInstructionChars), l.instruction_count,
                Font::Caption, p.muted, Align::Right);
    field(dc, l.instruction_field, step.instruction, "One line, for closed eyes", 1, 5);
    const bool first = s.step == 0, last = s.step + 1 == static_cast<int>(steps.size());
    button(dc, l.move_up, "\u2191 Up", ButtonStyle::Secondary, dc.focused(ControlKind::MoveStepUp), !first);
    button(dc, l.move_down, "\u2193 Down", ButtonStyle::Secondary, dc.focused(ControlKind::MoveStepDown), !last);
    button(dc, l.remove, "Remove", ButtonStyle::Quiet, dc.focused(ControlKind::RemoveStep));
  }
  button(dc, l.done, "Done", ButtonStyle::Primary, dc.focused(ControlKind::Done));
}

void draw_builder(DrawContext& dc, const app::AppModel& m, const app::BuilderPickScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto rows = app::builder_pick_rows(m);
  const auto l = app::builder_pick_layout(dc.window, rows, s.scroll);
  back_button(dc, l.back, dc.focused(ControlKind::Back));
  c.text_in("Add a muscle", l.title, Font::Title, p.text, Align::Left);
  c.text_in(rows.empty() ? "The muscle library is not loaded." : "Every muscle in the library, by region.", l.intro,
            Font::Caption, p.muted, Align::Left);
  const app::Rect vp{l.viewport.x - 8, l.viewport.y, l.viewport.w + 16, l.viewport.h};
  const Clip clip(c, vp);
  const auto& steps = m.homework_draft.steps;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (visible(l.headings[i], vp)) c.text_in(rows[i].heading, l.headings[i], Font::Heading, p.text, Align::Left);
    const app::Rect r = l.rows[i];
    if (!visible(r, vp)) continue;
    const core::MuscleInfo& muscle = *rows[i].muscle;
    c.fill_rounded(r, kCardRadius, p.surface);
    const float text_w = r.w - 32 - 40;
    c.text_in(muscle.name, {r.x + 16, r.center().y - app::kBodyLine + 2, text_w, app::kBodyLine}, Font::BodyStrong,
              p.text, Align::Left);
    std::string detail = std::to_string(muscle.hold_seconds) + " s \u00B7 " + std::to_string(muscle.pressure) + "/10";
    if (!muscle.tool.empty()) detail += " \u00B7 " + muscle.tool;
    const bool added = std::any_of(steps.begin(), steps.end(), [&](const auto& st) { return st.muscle == muscle.id; });
    if (added) detail = "Added \u00B7 " + detail;
    if (muscle.therapist_only) detail = "Supervised \u00B7 " + detail;
    c.text_in(detail, {r.x + 16, r.center().y + 2, text_w, app::kCaptionLine}, Font::Caption,
              muscle.therapist_only ? p.caution_text : p.muted, Align::Left);
    c.text_in("+", {r.right() - 44, r.y, 32, r.h}, Font::Title, p.accent, Align::Center);
    if (dc.focused(ControlKind::MusclePick, static_cast<int>(i))) focus_ring(dc, r, kCardRadius);
  }
}

void draw_builder(DrawContext& dc, const app::AppModel& m, const app::BuilderPlanScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto& d = m.homework_draft;
  const auto l = app::builder_plan_layout(dc.window, s.scroll);
  back_button(dc, l.back, dc.focused(ControlKind::Back));
  c.text_in("Schedule", l.title, Font::Title, p.text, Align::Left);
  const app::Rect vp{l.viewport.x - 8, l.viewport.y, l.viewport.w + 16, l.viewport.h};
  {
    const Clip clip(c, vp);
    stepper(dc, l.times, "Times a day", std::to_string(d.times_per_day), app::BuilderValue::TimesPerDay,
            d.times_per_day <= 1, d.times_per_day >= app::kMaxTimesPerDay);
    c.text_in("Days", l.days_label, Font::Caption, p.muted, Align::Left);
    static constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    for (std::size_t i = 0; i < 7; ++i) {
      chip(dc, l.days[i], kDays[i], d.days[i], {ControlKind::DayToggle, static_cast<int>(i)});
    }
    c.text_in("Starts", l.start_label, Font::Caption, p.muted, Align::Left);
    c.text_in(day_text(app::draft_start(m)), l.start_value, Font::BodyStrong, p.text, Align::Left);
    const std::pair<const char*, app::Control> moves[] = {
        {"\u22121 week", {ControlKind::BuilderDown, app::value_index(app::BuilderValue::StartWeek)}},
        {"\u22121 day", {ControlKind::BuilderDown, app::value_index(app::BuilderValue::StartDay)}},
        {"+1 day", {ControlKind::BuilderUp, app::value_index(app::BuilderValue::StartDay)}},
        {"+1 week", {ControlKind::BuilderUp, app::value_index(app::BuilderValue::StartWeek)}},
    };
    for (std::size_t i = 0; i < 4; ++i) {
      const app::Rect r = l.start_moves[i];
      c.fill_rounded(r, kButtonRadius, p.surface_raised);
      c.text_in(moves[i].first, r.inset(4), Font::Caption, p.text, Align::Center);
      if (dc.focused(moves[i].second.kind, moves[i].second.index)) focus_ring(dc, r, kButtonRadius);
    }
    stepper(dc, l.weeks, "Weeks", std::to_string(d.weeks), app::BuilderValue::Weeks, d.weeks <= 1,
            d.weeks >= app::kMaxWeeks);
    const core::Homework h = app::draft_homework(m);
    const int sessions = core::prescribed_in_block(h.prescription);
    c.text_in("Ends " + day_text(app::draft_end(m)) + " \u00B7 " + std::to_string(sessions) +
                  (sessions == 1 ? " session" : " sessions"),
              l.end_note, Font::Caption, p.muted, Align::Left);
    c.text_in("Your name, as the client sees it", l.therapist_label, Font::Caption, p.muted, Align::Left);
    field(dc, l.therapist_field, d.therapist, "Optional", 2);
    c.text_in("Note to the client", l.note_label, Font::Caption, p.muted, Align::Left);
    field(dc, l.note_field, d.note, "Optional", 3, 5);
  }
  button(dc, l.done, "Done", ButtonStyle::Primary, dc.focused(ControlKind::Done));
}

}  // namespace unknot::ui
