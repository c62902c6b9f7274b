// Notes on behaviour the header leaves open:
// - The id ("hw-" and the export time in base 36) is given on the first Export or Try, and
//   kept: every later Export of the same draft is the same assignment, one revision higher.
//   "New" clears the draft (after a question) so the next client gets a new id.
// - Export and Try check the draft first; problems are listed at the end of the page (which
//   scrolls to them) and checked again after each change until they are gone.
#include "app/builder_page.h"

#include <algorithm>
#include <cmath>

#include "app/builder_draft.h"
#include "app/builder_flow.h"
#include "app/builder_plan_page.h"
#include "app/builder_step_page.h"
#include "app/care_flow.h"
#include "app/screens.h"
#include "app/view.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

// TRANSLATORS: the heading of the therapist's homework builder.
constexpr const char* kTitle = core::tr_noop("Homework");

constexpr float kCardPad = 16;
constexpr Control kTitleField{ControlKind::BuilderField, field_index(BuilderText::Title)};

std::string base36(std::int64_t v) {
  if (v <= 0) return "0";
  std::string out;
  while (v > 0) {
    out.insert(out.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[v % 36]);
    v /= 36;
  }
  return out;
}

void ensure_id(AppModel& m) {
  HomeworkDraft& d = m.homework_draft;
  if (d.id.empty()) d.id = "hw-" + base36(m.wall_now.time_since_epoch().count());
}

BuilderBlockLayout block(Flow& f, const HomeworkDraft& d, std::string_view heading,
                         BuilderValue minutes, int value, BuilderValue pattern,
                         const std::string& pattern_id) {
  BuilderBlockLayout b;
  const float top = f.y;
  Flow in{f.text, f.x + kCardPad, f.w - 2 * kCardPad, top + kCardPad};
  b.heading = in.add(heading, Font::BodyStrong, 8);
  const auto min_text = [](std::string n) {
    // TRANSLATORS: minutes, as in "3 min".
    return core::fill(core::trc("unit", "{n} min"), {{"n", std::move(n)}});
  };
  // TRANSLATORS: a breathing block's length (a stepper's label).
  const std::string length = core::tr("Length");
  b.minutes = stepper_layout(in, minutes, length, min_text(std::to_string(value)), min_text("00"),
                             block_can(d, minutes, -1), block_can(d, minutes, 1), 8);
  b.pattern = chooser_layout(in, pattern, pattern_name(pattern_id), 0);
  b.card = f.take(in.y + kCardPad - top, 8);
  return b;
}

BuilderPageLayout lay_out(const AppModel& m, const BuilderScreen& s, const Env& env, float dy) {
  BuilderPageLayout l;
  const TextMeasure& t = env.text;
  const HomeworkDraft& d = m.homework_draft;
  l.page = form_frame(env.window, true);
  const Rect col = l.page.column, bar = l.page.top_bar, bottom = l.page.bottom;
  l.back = {bar.x - 12, bar.y, 48, 48};
  const float new_w = std::max(96.0f, std::ceil(t.width(builder_new_label(), Font::Button)) + 32);
  l.new_button = {bar.right() - new_w, bar.y, new_w, 48};
  // Export, the main action, gets the wider part (or the lower place, stacked, at large text).
  const ButtonPair pair = button_pair(t, bottom, builder_try_label(), core::tr("Export homework"));
  l.try_it = pair.first;
  l.export_button = pair.main;
  l.page.viewport.h = std::max(0.0f, pair.box.y - 8 - l.page.viewport.y);
  if (!m.toast.empty()) {
    // Over the foot of the page, which ends above it.
    l.toast_text = text_block(t, m.toast, Font::Caption, bottom.x + 12, 0, bottom.w - 24);
    const float h = l.toast_text.box.h + 16;
    l.toast = {bottom.x, pair.box.y - 8 - h, bottom.w, h};
    l.toast_text.box.y = l.toast.y + 8;
    l.page.viewport.h = std::max(0.0f, l.toast.y - 8 - l.page.viewport.y);
  }
  l.dialog = dialog_box(t, env.window, col, core::tr("Start afresh?"),
                        core::tr("This draft is cleared; files you exported stay."),
                        core::tr("Keep it"), core::tr("Start new"));
  Flow f{t, col.x, col.w, l.page.viewport.y + 8 - dy};
  l.title = f.add(core::tr(kTitle), Font::Title, 16);
  l.title_label = f.add(core::tr("Routine title"), Font::Caption, 4);
  l.title_field =
      builder_field(f, BuilderText::Title, s.title, core::tr("Name the routine"), 1, 16);
  // "Steps" with the routine's length beside it, or under it when both do not fit.
  // TRANSLATORS: the routine's length: {duration} is "9 min".
  const std::string about = core::tr("About {duration}");
  const std::string length = core::fill(about, {{"duration", format_minutes(draft_length(m))}});
  const float length_w = std::ceil(t.width(length, Font::Body)) + 2;
  // TRANSLATORS: the heading of the routine's steps.
  const std::string steps = core::tr("Steps");
  if (t.width(steps, Font::Heading) + length_w + 16 <= f.w) {
    l.steps_heading = text_block(t, steps, Font::Heading, f.x, f.y, f.w - length_w - 16);
    const float mid = (l.steps_heading.box.h - t.line_height(Font::Body)) / 2;
    l.length = text_block(t, length, Font::Body, f.x + f.w - length_w, f.y + mid, length_w);
    f.y = l.steps_heading.box.bottom() + 8;
  } else {
    l.steps_heading = f.add(steps, Font::Heading, 4);
    l.length = f.add(length, Font::Body, 8);
  }
  l.settle = block(f, d, core::trc("breathing block", "Breathing in"), BuilderValue::SettleMinutes,
                   d.settle_minutes, BuilderValue::SettlePattern, d.settle_pattern);
  for (std::size_t i = 0; i < d.steps.size(); ++i) {
    const core::StepSpec& step = d.steps[i];
    const core::MuscleInfo* info = m.library ? m.library->find(step.muscle) : nullptr;
    const bool supervised = info != nullptr && info->therapist_only;
    const std::string dose = step_dose_text(step);
    l.steps.push_back(card_layout(f, std::to_string(i + 1) + ". " + step.title,
                                  supervised ? supervised_text(dose) : dose, Font::Caption, 72, 8));
    l.steps.back().caution = supervised;
  }
  l.add_muscle = f.take(48, 8);
  l.close = block(f, d, core::trc("breathing block", "Breathing out"), BuilderValue::CloseMinutes,
                  d.close_minutes, BuilderValue::ClosePattern, d.close_pattern);
  f.y += 8;
  // TRANSLATORS: the homework's schedule (days, times a day, weeks): a heading.
  l.schedule_heading = f.add(core::tr("Schedule"), Font::Heading, 8);
  l.schedule =
      card_layout(f, "", core::schedule_text(draft_homework(m).prescription), Font::Body, 72, 16);
  for (const auto& problem : s.problems) l.problems.push_back(f.add(problem, Font::Caption, 4));
  l.content_h = f.y + 16 + dy - l.page.viewport.y;
  return l;
}

// Export and Try: true when the draft is ready; else its problems, scrolled to.
bool check(AppModel& m, BuilderScreen& s) {
  s.problems = draft_problems(m);
  if (s.problems.empty()) return true;
  m.scroll.offset = 1e7f;
  clamp_scroll(m.scroll, screen_frame(m));
  return false;
}

}  // namespace

std::string builder_new_label() {
  // TRANSLATORS: a short button: starts a new homework draft (asked first).
  return core::trc("homework button", "New");
}

std::string builder_try_label() {
  // TRANSLATORS: a button: plays the homework draft as the client would.
  return core::tr("Try it now");
}

BuilderScreen builder_screen(const HomeworkDraft& d) {
  BuilderScreen s;
  s.title = TextEdit(d.title, kMaxTitleChars);
  return s;
}

std::optional<FieldRef> text_field(const AppModel& m, const BuilderScreen& s, Control c,
                                   const Env& env) {
  if (c != kTitleField || s.confirming_new) return std::nullopt;
  return FieldRef{c, &s.title, builder_page_layout(m, s, env).title_field.place};
}

BuilderPageLayout builder_page_layout(const AppModel& m, const BuilderScreen& s, const Env& env) {
  BuilderPageLayout l = lay_out(m, s, env, 0);
  const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.page.viewport.h));
  return dy > 0 ? lay_out(m, s, env, dy) : l;
}

ScreenFrame frame(const AppModel& m, const BuilderScreen& s, const Env& env) {
  const BuilderPageLayout l = builder_page_layout(m, s, env);
  ScreenFrame f;
  f.title = core::tr(kTitle);
  // The page keeps its place under the question (its scroll is not clamped away).
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  if (s.confirming_new) {
    // TRANSLATORS: the answers to "Start afresh?": keep the draft, or clear it.
    add_target(f, {ControlKind::EndCancel, 0}, l.dialog.cancel, core::tr("Keep it"));
    add_target(f, {ControlKind::NewHomework, 1}, l.dialog.confirm, core::tr("Start new"));
    return f;
  }
  add_target(f, {ControlKind::Back, 0}, l.back, core::trc("button", "Back"));
  // TRANSLATORS: the spoken name of the New button.
  add_target(f, {ControlKind::NewHomework, 0}, l.new_button, core::tr("New homework"));
  add_scrolling(f, kTitleField, l.title_field.place.box, core::tr("Routine title"), Role::Field);
  add_stepper(f, l.settle.minutes);
  // TRANSLATORS: spoken names of the buttons that choose the opening block's breathing pattern.
  add_chooser(f, l.settle.pattern, core::tr("Previous pattern for breathing in"),
              core::tr("Next pattern for breathing in"));
  for (std::size_t i = 0; i < l.steps.size(); ++i) {
    const auto& lines = l.steps[i].title.lines;
    add_scrolling(f, {ControlKind::StepRow, static_cast<int>(i)}, l.steps[i].card,
                  lines.empty() ? std::string{} : lines[0], Role::Row);
  }
  add_scrolling(f, {ControlKind::AddMuscle, 0}, l.add_muscle, core::tr("Add muscle"));
  add_stepper(f, l.close.minutes);
  // TRANSLATORS: spoken names of the buttons that choose the closing block's breathing pattern.
  add_chooser(f, l.close.pattern, core::tr("Previous pattern for breathing out"),
              core::tr("Next pattern for breathing out"));
  add_scrolling(f, {ControlKind::HomeworkSchedule, 0}, l.schedule.card, core::tr("Schedule"),
                Role::Row);
  add_target(f, {ControlKind::TryHomework, 0}, l.try_it, builder_try_label());
  add_target(f, {ControlKind::ExportHomework, 0}, l.export_button, core::tr("Export homework"));
  return f;
}

Control primary(const AppModel& m, const BuilderScreen& s) {
  if (s.confirming_new) return {ControlKind::EndCancel, 0};
  return {m.homework_draft.steps.empty() ? ControlKind::AddMuscle : ControlKind::ExportHomework, 0};
}

void activate(Step& st, BuilderScreen& screen, Control c) {
  AppModel& m = st.m;
  HomeworkDraft& d = m.homework_draft;
  BuilderScreen s = screen;
  const auto was = focused_control(m);
  switch (c.kind) {
    case ControlKind::Back:
      open_screen(m, SettingsScreen{});
      return;
    case ControlKind::NewHomework:
      if (c.index == 0) {  // the first press asks; the question's Start new clears
        s.confirming_new = true;
        open_screen(m, s);
        return;
      }
      d = HomeworkDraft{};
      m.scroll = {};
      open_screen(m, builder_screen(d));
      return;
    case ControlKind::EndCancel:
      s.confirming_new = false;
      open_screen(m, s);
      focus_control(m, {ControlKind::NewHomework, 0});
      return;
    case ControlKind::BuilderField:
      focus_control(m, c);  // typing goes there
      return;
    case ControlKind::BuilderDown:
    case ControlKind::BuilderUp:
      nudge_block(d, static_cast<BuilderValue>(c.index), c.kind == ControlKind::BuilderUp ? 1 : -1);
      break;
    case ControlKind::StepRow:
      if (c.index < 0 || c.index >= static_cast<int>(d.steps.size())) return;
      open_screen(m, builder_step_screen(m, c.index, m.scroll.offset));
      return;
    case ControlKind::AddMuscle:
      open_screen(m, BuilderPickScreen{m.scroll.offset});
      return;
    case ControlKind::HomeworkSchedule:
      open_screen(m, builder_plan_screen(d, m.scroll.offset));
      return;
    case ControlKind::TryHomework:
      if (check(m, screen)) {
        // The catalog gets the draft's routine (trying again replaces it), which opens.
        ensure_id(m);
        open_routine(m, draft_homework(m).routine);
      }
      return;
    case ControlKind::ExportHomework:
      if (check(m, screen)) {
        ensure_id(m);
        d.revision += 1;
        st.fx.push_back(ExportHomework{draft_homework(m)});
      }
      return;
    default:
      return;
  }
  if (!s.problems.empty()) s.problems = draft_problems(m);
  screen = s;
  clamp_scroll(m.scroll, screen_frame(m));
  if (was) keep_focus(m, *was);
}

void back(Step& st, BuilderScreen& s) {
  activate(st, s, {s.confirming_new ? ControlKind::EndCancel : ControlKind::Back, 0});
}

void scroll(Step& st, BuilderScreen& s, float dy) {
  if (!s.confirming_new) scroll_content(st.m, dy);
}

void text_input(Step& st, BuilderScreen& s, const TextInput& t) {
  if (s.confirming_new) return;
  AppModel& m = st.m;
  const FieldPlace place = builder_page_layout(m, s, env_of(m)).title_field.place;
  const FieldOutcome r = edit_field(st, s.title, kTitleField, place, t);
  if (r.text_changed) {
    m.homework_draft.title = s.title.text();
    if (!s.problems.empty()) s.problems = draft_problems(m);
    clamp_scroll(m.scroll, screen_frame(m));
  }
  if (r.submit) move_on(st);  // Enter goes on to the next control
}

}  // namespace unknot::app
