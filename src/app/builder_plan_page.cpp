#include "app/builder_plan_page.h"

#include <algorithm>

#include "app/builder_draft.h"
#include "app/builder_flow.h"
#include "app/screens.h"

namespace unknot::app {
namespace {

constexpr std::string_view kTitle = "Schedule";  // the page's heading

constexpr Control kTherapistField{ControlKind::BuilderField, field_index(BuilderText::Therapist)};
constexpr Control kNoteField{ControlKind::BuilderField, field_index(BuilderText::Note)};

BuilderStepperLayout plan_stepper(Flow& f, const HomeworkDraft& d, core::Day today, BuilderValue v,
                                  std::string_view label, int value, float gap) {
  return stepper_layout(f, v, label, std::to_string(value), "00", plan_can(d, today, v, -1),
                        plan_can(d, today, v, 1), gap);
}

BuilderPlanPageLayout lay_out(const AppModel& m, const BuilderPlanScreen& s, const Env& env,
                              float dy) {
  BuilderPlanPageLayout l;
  const TextMeasure& t = env.text;
  const HomeworkDraft& d = m.homework_draft;
  const core::Day today = builder_today(m);
  l.page = form_frame(env.window, true);
  const Rect col = l.page.column, bar = l.page.top_bar;
  l.back = {bar.x - 12, bar.y, 48, 48};
  l.done = l.page.bottom;
  Flow f{t, col.x, col.w, l.page.viewport.y + 8 - dy};
  l.title = f.add(kTitle, Font::Title, 16);
  l.times =
      plan_stepper(f, d, today, BuilderValue::TimesPerDay, "Times a day", d.times_per_day, 16);
  l.days_label = f.add("Days", Font::Caption, 4);
  l.days = chip_rows(f, kDayLabels, Font::Body, 16);
  l.start_label = f.add("Starts", Font::Caption, 4);
  l.start_value = f.add(day_text(draft_start(m)), Font::BodyStrong, 8);
  const auto moves = chip_rows(f, kStartMoveLabels, Font::Button, 16);
  const std::pair<ControlKind, BuilderValue> controls[] = {
      {ControlKind::BuilderDown, BuilderValue::StartWeek},
      {ControlKind::BuilderDown, BuilderValue::StartDay},
      {ControlKind::BuilderUp, BuilderValue::StartDay},
      {ControlKind::BuilderUp, BuilderValue::StartWeek},
  };
  for (std::size_t i = 0; i < moves.size(); ++i) {
    const auto [kind, value] = controls[i];
    l.start_moves.push_back({{kind, value_index(value)},
                             moves[i],
                             plan_can(d, today, value, kind == ControlKind::BuilderUp ? 1 : -1)});
  }
  l.weeks = plan_stepper(f, d, today, BuilderValue::Weeks, "Weeks", d.weeks, 4);
  const int sessions = core::prescribed_in_block(draft_homework(m).prescription);
  l.end_note = f.add("Ends " + day_text(draft_end(m)) + " \u00B7 " + std::to_string(sessions) +
                         (sessions == 1 ? " session" : " sessions"),
                     Font::Caption, 16);
  l.therapist_label = f.add("Your name, as the client sees it", Font::Caption, 4);
  l.therapist = builder_field(f, BuilderText::Therapist, s.therapist, "Optional", 1, 16);
  l.note_label = f.add("Note to the client", Font::Caption, 4);
  l.note = builder_field(f, BuilderText::Note, s.note, "Optional", 3, 8);
  l.content_h = f.y + 16 + dy - l.page.viewport.y;
  return l;
}

}  // namespace

std::string day_text(core::Day day) {
  using namespace std::chrono;
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const year_month_day ymd{day};
  return std::string(kDayLabels[weekday{day}.iso_encoding() - 1]) + " " +
         std::to_string(static_cast<unsigned>(ymd.day())) + " " +
         kMonths[static_cast<unsigned>(ymd.month()) - 1] + " " +
         std::to_string(static_cast<int>(ymd.year()));
}

BuilderPlanPageLayout builder_plan_page_layout(const AppModel& m, const BuilderPlanScreen& s,
                                               const Env& env) {
  BuilderPlanPageLayout l = lay_out(m, s, env, 0);
  const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.page.viewport.h));
  return dy > 0 ? lay_out(m, s, env, dy) : l;
}

BuilderPlanScreen builder_plan_screen(const HomeworkDraft& d, float builder_scroll) {
  BuilderPlanScreen s;
  s.builder_scroll = builder_scroll;
  s.therapist = TextEdit(d.therapist, kMaxTherapistChars);
  s.note = TextEdit(d.note, kMaxNoteChars, true);
  return s;
}

std::optional<FieldRef> text_field(const AppModel& m, const BuilderPlanScreen& s, Control c,
                                   const Env& env) {
  if (c != kTherapistField && c != kNoteField) return std::nullopt;
  const BuilderPlanPageLayout l = builder_plan_page_layout(m, s, env);
  if (c == kTherapistField) return FieldRef{c, &s.therapist, l.therapist.place};
  return FieldRef{c, &s.note, l.note.place};
}

ScreenFrame frame(const AppModel& m, const BuilderPlanScreen& s, const Env& env) {
  const BuilderPlanPageLayout l = builder_plan_page_layout(m, s, env);
  ScreenFrame f;
  f.title = std::string(kTitle);
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  add_target(f, {ControlKind::Back, 0}, l.back, "Back");
  add_stepper(f, l.times);
  for (std::size_t i = 0; i < l.days.size(); ++i) {
    add_scrolling(f, {ControlKind::DayToggle, static_cast<int>(i)}, l.days[i],
                  std::string(kDayLabels[i]), Role::Toggle);
  }
  for (std::size_t i = 0; i < l.start_moves.size(); ++i) {
    const auto& move = l.start_moves[i];
    add_scrolling(f, move.control, move.rect, "Start " + std::string(kStartMoveLabels[i]),
                  Role::Button, move.enabled);
  }
  add_stepper(f, l.weeks);
  add_scrolling(f, kTherapistField, l.therapist.place.box, "Your name", Role::Field);
  add_scrolling(f, kNoteField, l.note.place.box, "Note to the client", Role::Field);
  add_target(f, {ControlKind::Done, 0}, l.done, "Done");
  return f;
}

Control primary(const AppModel&, const BuilderPlanScreen&) { return {ControlKind::Done, 0}; }

void activate(Step& st, BuilderPlanScreen& s, Control c) {
  AppModel& m = st.m;
  HomeworkDraft& d = m.homework_draft;
  const auto was = focused_control(m);
  switch (c.kind) {
    case ControlKind::Back:
    case ControlKind::Done:
      open_builder(m, s.builder_scroll, Control{ControlKind::HomeworkSchedule, 0});
      return;
    case ControlKind::BuilderDown:
    case ControlKind::BuilderUp:
      nudge_plan(d, builder_today(m), static_cast<BuilderValue>(c.index),
                 c.kind == ControlKind::BuilderUp ? 1 : -1);
      break;
    case ControlKind::DayToggle:
      if (c.index < 0 || c.index >= 7) return;
      d.days[static_cast<std::size_t>(c.index)] = !d.days[static_cast<std::size_t>(c.index)];
      break;
    case ControlKind::BuilderField:
      focus_control(m, c);  // typing goes there
      return;
    default:
      return;
  }
  clamp_scroll(m.scroll, screen_frame(m));
  if (was) keep_focus(m, *was);
}

void back(Step& st, BuilderPlanScreen& s) { activate(st, s, {ControlKind::Back, 0}); }

void scroll(Step& st, BuilderPlanScreen&, float dy) { scroll_content(st.m, dy); }

void text_input(Step& st, BuilderPlanScreen& s, const TextInput& t) {
  AppModel& m = st.m;
  HomeworkDraft& d = m.homework_draft;
  const BuilderPlanPageLayout l = builder_plan_page_layout(m, s, env_of(m));
  // Each acts only for its own field: the one pressed, or else the one focused.
  const FieldOutcome name = edit_field(st, s.therapist, kTherapistField, l.therapist.place, t);
  const FieldOutcome note = edit_field(st, s.note, kNoteField, l.note.place, t);
  if (name.text_changed) d.therapist = s.therapist.text();
  if (note.text_changed) d.note = s.note.text();
  if (name.text_changed || note.text_changed) clamp_scroll(m.scroll, screen_frame(m));
  // Enter in the name, or Ctrl+Enter in the note, goes on to the next control.
  if (name.submit || note.submit) move_on(st);
}

}  // namespace unknot::app
