#include "app/editor_page.h"

#include <algorithm>
#include <cmath>

#include "app/screens.h"
#include "app/view.h"
#include "core/local_text.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

// The page's heading.
std::string editor_heading(const EditorScreen& e) {
  // TRANSLATORS: the breathing pattern editor's heading.
  return e.saved_id ? core::tr("Edit pattern") : core::tr("New pattern");
}

// Room to paste a long name and trim it; validation allows 40 characters and says so.
constexpr std::size_t kNameInputLimit = 100;
constexpr Control kNameField{ControlKind::NameField, 0};

core::Duration& phase_ref(core::PatternDraft& d, int index) {
  switch (index) {
    case 0:
      return d.inhale;
    case 1:
      return d.hold_full;
    case 2:
      return d.exhale;
    default:
      return d.hold_empty;
  }
}

void apply_rate(EditorScreen& e) {
  e.draft = core::draft_from_rate(e.draft.name, e.rate_tenths / 10.0, e.share_percent / 100.0);
}

void step_phase(EditorScreen& e, int index, bool up) {
  if (index == 4) {
    e.rate_tenths = std::clamp(e.rate_tenths + (up ? 5 : -5), 20, 120);
    apply_rate(e);
  } else if (index == 5) {
    e.share_percent = std::clamp(e.share_percent + (up ? 5 : -5), 20, 80);
    apply_rate(e);
  } else {
    core::Duration& d = phase_ref(e.draft, index);
    const bool hold = index == 1 || index == 3;
    const core::Duration low = hold ? core::Duration{0} : core::Duration{std::chrono::seconds(1)};
    d = std::clamp(core::Duration{d + (up ? core::kPhaseStep : -core::kPhaseStep)}, low,
                   core::Duration{std::chrono::seconds(20)});
  }
}

void by_rate(EditorScreen& e) {
  e.by_rate = true;
  // Start from the pattern as it stands: its rate, and how much of a breath is breathing in.
  const core::Duration cycle =
      e.draft.inhale + e.draft.hold_full + e.draft.exhale + e.draft.hold_empty;
  const double seconds = std::max(1.0, core::to_seconds(cycle));
  e.rate_tenths = std::clamp(static_cast<int>(std::lround(600.0 / seconds / 5.0)) * 5, 20, 120);
  const double breathing = std::max(1.0, core::to_seconds(e.draft.inhale + e.draft.exhale));
  const double share = core::to_seconds(e.draft.inhale) / breathing;
  e.share_percent = std::clamp(static_cast<int>(std::lround(share * 20.0)) * 5, 20, 80);
  apply_rate(e);
}

EditorStepperLayout stepper(Flow& f, int index, std::string_view label, std::string value) {
  EditorStepperLayout r;
  r.index = index;
  r.value = std::move(value);
  const float controls_w = 48 + 72 + 48;
  const float label_w = std::max(48.0f, f.w - controls_w - 8);
  r.label = text_block(f.text, label, Font::Body, f.x, f.y, label_w);
  const float h = std::max(48.0f, r.label.box.h);
  const Rect row = f.take(h, 8);
  r.label.box.y = row.y + (h - r.label.box.h) / 2;
  const float cy = row.y + (h - 48) / 2;
  r.up = {row.right() - 48, cy, 48, 48};
  r.value_box = {r.up.x - 72, cy, 72, 48};
  r.down = {r.value_box.x - 48, cy, 48, 48};
  return r;
}

EditorPageLayout lay_out(const EditorScreen& e, const Env& env, float dy) {
  EditorPageLayout l;
  l.page = page_frame(env.window, true);
  const Rect col = l.page.column;
  const Rect bar = l.page.top_bar;
  l.back = {bar.x - 12, bar.y, 48, 48};
  if (e.saved_id) {
    l.remove = top_bar_button(env.text, bar, l.back.right() + 8, bar.right(),
                              core::trc("button", "Delete"), 96);
  }
  l.save = l.page.bottom;
  l.dialog = dialog_box(env.text, env.window, col, core::tr("Delete this pattern?"),
                        core::tr("Sessions you did with it stay in your record."),
                        core::trc("button", "Keep"), core::trc("button", "Delete"));
  Flow f{env.text, col.x, col.w, l.page.viewport.y + 8 - dy};
  l.title = f.add(editor_heading(e), Font::Title, 16);
  // TRANSLATORS: the label of the pattern's name field.
  l.name_label = f.add(core::trc("noun", "Name"), Font::Caption, 4);
  l.name_field = f.take(48, 16);
  const Rect modes = f.take(48, 8);
  const float chip_w = std::min(128.0f, (modes.w - 8) / 2);
  l.by_phases = {modes.x, modes.y, chip_w, 48};
  l.by_rate = {modes.x + chip_w + 8, modes.y, chip_w, 48};
  if (e.by_rate) {
    l.rows.push_back(
        stepper(f, 4, core::tr("Breaths a minute"), core::decimal_text(e.rate_tenths / 10.0, 1)));
    // TRANSLATORS: the share of each breath spent breathing in (a stepper's label; its value is
    // a percentage).
    const std::string share = core::trc("share of the breath", "Breathing in");
    // TRANSLATORS: a percentage: {n} is the number ("34%"; Spanish writes "34 %").
    const std::string percent = core::trc("percent", "{n}%");
    l.rows.push_back(
        stepper(f, 5, share, core::fill(percent, {{"n", std::to_string(e.share_percent)}})));
  } else {
    // TRANSLATORS: the four phases of a breath (steppers' labels): breathe in, hold with the
    // lungs full, breathe out, hold with the lungs empty.
    const std::string labels[] = {core::tr("Breathe in"), core::tr("Hold, full"),
                                  core::tr("Breathe out"), core::tr("Hold, empty")};
    const core::Duration values[] = {e.draft.inhale, e.draft.hold_full, e.draft.exhale,
                                     e.draft.hold_empty};
    for (int i = 0; i < 4; ++i)
      l.rows.push_back(stepper(f, i, labels[i], seconds_label(values[i])));
  }
  // In rate mode the phases it makes are shown, so the numbers played are never a surprise.
  // TRANSLATORS: the phases a rate makes: {inhale} and {exhale} are lengths, as "4.5 s".
  const std::string summary = e.by_rate ? core::fill(core::tr("In {inhale}, out {exhale}"),
                                                     {{"inhale", seconds_label(e.draft.inhale)},
                                                      {"exhale", seconds_label(e.draft.exhale)}})
                                        : draft_summary(e.draft);
  l.summary = f.add(summary, Font::Body, 8);
  for (const auto& problem : e.problems)
    l.problems.push_back(f.add(problem.message, Font::Caption, 4));
  l.content_h = f.y + 16 + dy - l.page.viewport.y;
  return l;
}

}  // namespace

EditorScreen editor_screen(core::PatternDraft draft, std::optional<std::int64_t> saved_id) {
  EditorScreen e;
  e.saved_id = saved_id;
  e.name = TextEdit(draft.name, kNameInputLimit);
  draft.name = e.name.text();
  e.draft = std::move(draft);
  return e;
}

FieldPlace editor_name_place(const EditorPageLayout& l) { return {l.name_field, Font::Body, 12}; }

std::optional<FieldRef> text_field(const AppModel&, const EditorScreen& e, Control c,
                                   const Env& env) {
  if (c != kNameField) return std::nullopt;
  return FieldRef{c, &e.name, editor_name_place(editor_page_layout(e, env))};
}

EditorPageLayout editor_page_layout(const EditorScreen& e, const Env& env) {
  EditorPageLayout l = lay_out(e, env, 0);
  const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.page.viewport.h));
  return dy > 0 ? lay_out(e, env, dy) : l;
}

ScreenFrame frame(const AppModel&, const EditorScreen& e, const Env& env) {
  const auto l = editor_page_layout(e, env);
  ScreenFrame f;
  f.title = editor_heading(e);
  if (e.confirming_delete) {
    // TRANSLATORS: a button: keep the pattern (do not delete it).
    add_target(f, {ControlKind::EndCancel, 0}, l.dialog.cancel, core::trc("button", "Keep"));
    add_target(f, {ControlKind::Delete, 1}, l.dialog.confirm, core::trc("button", "Delete"));
    return f;
  }
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  add_target(f, {ControlKind::Back, 0}, l.back, core::trc("button", "Back"));
  if (l.remove.w > 0)
    add_target(f, {ControlKind::Delete, 0}, l.remove, core::trc("button", "Delete"));
  add_scrolling(f, kNameField, l.name_field, core::trc("noun", "Name"), Role::Field);
  // TRANSLATORS: the two ways to set a pattern: by its phases, or by a rate (breaths a minute).
  add_scrolling(f, {ControlKind::ByPhases, 0}, l.by_phases, core::tr("Phases"), Role::Option);
  add_scrolling(f, {ControlKind::ByRate, 0}, l.by_rate, core::tr("Rate"), Role::Option);
  for (const auto& r : l.rows) {
    const std::string name = r.label.lines.empty() ? std::string{} : r.label.lines[0];
    // TRANSLATORS: the spoken name of a phase's − button; {control} is the phase's label
    // ("Breathe in").
    const std::string shorter = core::tr("{control} shorter");
    // TRANSLATORS: the spoken name of a phase's + button; {control} is the phase's label.
    const std::string longer = core::tr("{control} longer");
    add_scrolling(f, {ControlKind::PhaseDown, r.index}, r.down,
                  core::fill(shorter, {{"control", name}}), Role::Stepper);
    add_scrolling(f, {ControlKind::PhaseUp, r.index}, r.up, core::fill(longer, {{"control", name}}),
                  Role::Stepper);
  }
  add_target(f, {ControlKind::Save, 0}, l.save, core::trc("button", "Save"));
  return f;
}

Control primary(const AppModel&, const EditorScreen& e) {
  if (e.confirming_delete) return {ControlKind::EndCancel, 0};
  return {e.saved_id ? ControlKind::Save : ControlKind::NameField, 0};
}

void activate(Step& st, EditorScreen& screen, Control c) {
  AppModel& m = st.m;
  EditorScreen e = screen;
  switch (c.kind) {
    case ControlKind::Back:
      open_screen(m, BreatheListScreen{});
      return;
    case ControlKind::NameField:
      focus_control(m, c);  // typing goes there
      return;
    case ControlKind::ByPhases:
      e.by_rate = false;
      break;
    case ControlKind::ByRate:
      by_rate(e);
      break;
    case ControlKind::PhaseDown:
    case ControlKind::PhaseUp:
      step_phase(e, c.index, c.kind == ControlKind::PhaseUp);
      if (!e.problems.empty()) e.problems = core::validate(e.draft);
      break;
    case ControlKind::Save:
      e.problems = core::validate(e.draft);
      if (e.problems.empty()) st.fx.push_back(SavePattern{e.saved_id, e.draft});
      break;
    case ControlKind::Delete:
      if (!e.saved_id) break;
      if (c.index == 0) {  // first press asks; the dialog's Delete confirms
        e.confirming_delete = true;
        open_screen(m, e);
        return;
      }
      st.fx.push_back(DeletePattern{*e.saved_id});
      open_screen(m, BreatheListScreen{});
      return;
    case ControlKind::EndCancel:
      e.confirming_delete = false;
      open_screen(m, e);
      return;
    default:
      break;
  }
  screen = e;
  clamp_scroll(m.scroll, screen_frame(m));
}

void back(Step& st, EditorScreen& e) {
  if (e.confirming_delete) {
    activate(st, e, {ControlKind::EndCancel, 0});
    return;
  }
  open_screen(st.m, BreatheListScreen{});
}

void scroll(Step& st, EditorScreen&, float dy) { scroll_content(st.m, dy); }

void text_input(Step& st, EditorScreen& e, const TextInput& t) {
  const FieldPlace place = editor_name_place(editor_page_layout(e, env_of(st.m)));
  const FieldOutcome r = edit_field(st, e.name, kNameField, place, t);
  if (r.text_changed) {
    e.draft.name = e.name.text();
    if (!e.problems.empty()) e.problems = core::validate(e.draft);
  }
  if (r.submit) activate(st, e, {ControlKind::Save, 0});  // Enter saves, as Save does
}

}  // namespace unknot::app
