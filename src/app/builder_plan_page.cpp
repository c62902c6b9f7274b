#include "app/builder_plan_page.h"

#include <algorithm>

#include "app/builder_draft.h"
#include "app/builder_flow.h"
#include "app/screens.h"
#include "core/local_text.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

// TRANSLATORS: the heading of the homework's schedule page.
constexpr const char* kTitle = core::tr_noop("Schedule");

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
  l.title = f.add(core::tr(kTitle), Font::Title, 16);
  l.times = plan_stepper(f, d, today, BuilderValue::TimesPerDay, core::tr("Times a day"),
                         d.times_per_day, 16);
  // TRANSLATORS: the days of the week the homework is done on (a label).
  l.days_label = f.add(core::trc("weekdays", "Days"), Font::Caption, 4);
  l.days = chip_rows(f, day_labels(), Font::Body, 16);
  // TRANSLATORS: the homework's first day (a label above the date).
  l.start_label = f.add(core::tr("Starts"), Font::Caption, 4);
  l.start_value = f.add(day_text(draft_start(m)), Font::BodyStrong, 8);
  const auto moves = chip_rows(f, start_move_labels(), Font::Button, 16);
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
  // TRANSLATORS: how many weeks the homework lasts (a stepper's label).
  l.weeks = plan_stepper(f, d, today, BuilderValue::Weeks, core::tr("Weeks"), d.weeks, 4);
  const int sessions = core::prescribed_in_block(draft_homework(m).prescription);
  const auto count = static_cast<std::uint64_t>(std::max(0, sessions));
  std::string ends;
  // TRANSLATORS: the homework's last day ("Sun 29 Nov 2026") and the sessions it prescribes.
  ends = core::trn("Ends {date} · {n} session", "Ends {date} · {n} sessions", count);
  l.end_note =
      f.add(core::fill(ends, {{"date", day_text(draft_end(m))}, {"n", std::to_string(sessions)}}),
            Font::Caption, 16);
  l.therapist_label = f.add(core::tr("Your name, as the client sees it"), Font::Caption, 4);
  // TRANSLATORS: the hint in an empty field that may stay empty.
  const std::string optional = core::tr("Optional");
  l.therapist = builder_field(f, BuilderText::Therapist, s.therapist, optional, 1, 16);
  l.note_label = f.add(core::tr("Note to the client"), Font::Caption, 4);
  l.note = builder_field(f, BuilderText::Note, s.note, optional, 3, 8);
  l.content_h = f.y + 16 + dy - l.page.viewport.y;
  return l;
}

}  // namespace

std::vector<std::string> day_labels() {
  std::vector<std::string> out;
  for (unsigned d = 1; d <= 7; ++d)
    out.push_back(core::short_weekday_name(std::chrono::weekday{d}));
  return out;
}

std::vector<std::string> start_move_labels() {
  // TRANSLATORS: buttons that move the homework's first day a week or a day earlier or later.
  return {core::tr("\u22121 week"), core::tr("\u22121 day"), core::tr("+1 day"),
          core::tr("+1 week")};
}

std::string day_text(core::Day day) { return core::weekday_day_month_year_text(day); }

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
  f.title = core::tr(kTitle);
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  add_target(f, {ControlKind::Back, 0}, l.back, core::trc("button", "Back"));
  add_stepper(f, l.times);
  const std::vector<std::string> days = day_labels();
  for (std::size_t i = 0; i < l.days.size(); ++i) {
    add_scrolling(f, {ControlKind::DayToggle, static_cast<int>(i)}, l.days[i], days[i],
                  Role::Toggle);
  }
  // TRANSLATORS: spoken names of the buttons that move the homework's first day.
  const std::string move_names[] = {core::tr("Start \u22121 week"), core::tr("Start \u22121 day"),
                                    core::tr("Start +1 day"), core::tr("Start +1 week")};
  for (std::size_t i = 0; i < l.start_moves.size() && i < std::size(move_names); ++i) {
    const auto& move = l.start_moves[i];
    add_scrolling(f, move.control, move.rect, move_names[i], Role::Button, move.enabled);
  }
  add_stepper(f, l.weeks);
  add_scrolling(f, kTherapistField, l.therapist.place.box, core::tr("Your name"), Role::Field);
  add_scrolling(f, kNoteField, l.note.place.box, core::tr("Note to the client"), Role::Field);
  add_target(f, {ControlKind::Done, 0}, l.done, core::trc("button", "Done"));
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
