// Notes on behaviour the header leaves open:
// - The id ("hw-" and the export time in base 36) is given on the first Export or Try, and
//   kept: every later Export of the same draft is the same assignment, one revision higher.
//   "New" clears the draft (after a question) so the next client gets a new id.
// - Export and Try check the draft first; problems are listed at the end of the builder (which
//   scrolls to them) and checked again after each change until they are gone.
// - Steps are dosed within the domain's limits as they are edited (holds 20-90 s in 5-s steps
//   or 2-9 breaths, 1-3 reps, rest 0-60 s between reps, pressure 1-7, hold-free patterns), so
//   the problems left are those across steps (3 holds per point, 60 minutes) or the schedule.
#include "app/builder_flow.h"

#include <algorithm>
#include <cmath>
#include <exception>

#include "app/builder_draft.h"
#include "app/builder_layout.h"
#include "app/care_flow.h"
#include "app/screens.h"
#include "app/text_util.h"
#include "app/update.h"

namespace unknot::app {
namespace {

using namespace std::chrono;

HomeworkDraft& draft(AppModel& m) { return m.homework_draft; }

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
  if (draft(m).id.empty()) draft(m).id = "hw-" + base36(m.wall_now.time_since_epoch().count());
}

// The next pattern id in `list` after (or before) `id`, wrapping.
std::string cycle_pattern(const std::vector<const core::BreathPattern*>& list,
                          const std::string& id, int delta) {
  if (list.empty()) return id;
  const auto n = static_cast<int>(list.size());
  int at = 0;
  for (int i = 0; i < n; ++i) {
    if (list[static_cast<std::size_t>(i)]->id == id) at = i;
  }
  return list[static_cast<std::size_t>(((at + delta) % n + n) % n)]->id;
}

void step_value(core::StepSpec& s, BuilderValue v, int delta) {
  switch (v) {
    case BuilderValue::Hold:
      if (s.breaths) {
        set_breaths(s, *s.breaths + delta);
      } else {
        set_seconds(s, hold_seconds(s) / kHoldStep * kHoldStep + delta * kHoldStep);
      }
      break;
    case BuilderValue::Reps:
      s.reps = std::clamp(s.reps + delta, 1, kMaxReps);
      if (s.reps == 1)
        s.rest = {};
      else if (s.rest == core::Duration{} && delta > 0)
        s.rest = seconds{kDefaultRestSeconds};
      break;
    case BuilderValue::Rest:
      if (s.reps > 1) {
        const auto rest = static_cast<int>(duration_cast<seconds>(s.rest).count());
        s.rest = seconds{std::clamp(rest / 5 * 5 + delta * 5, 0, kMaxRestSeconds)};
      }
      break;
    case BuilderValue::Pressure:
      s.pressure_target = std::clamp(s.pressure_target + delta, 1, kMaxPressure);
      break;
    case BuilderValue::StepPattern:
      s.pattern_id = cycle_pattern(hold_patterns(), s.pattern_id, delta);
      if (s.breaths) set_breaths(s, *s.breaths);
      break;
    default:
      break;
  }
}

void plan_value(AppModel& m, BuilderValue v, int delta) {
  HomeworkDraft& d = draft(m);
  const core::Day first = builder_today(m);
  switch (v) {
    case BuilderValue::TimesPerDay:
      d.times_per_day = std::clamp(d.times_per_day + delta, 1, kMaxTimesPerDay);
      break;
    case BuilderValue::Weeks:
      d.weeks = std::clamp(d.weeks + delta, 1, kMaxWeeks);
      break;
    case BuilderValue::StartDay:
    case BuilderValue::StartWeek: {
      const int step = v == BuilderValue::StartWeek ? 7 : 1;
      const core::Day start = draft_start(m) + days{delta * step};
      d.start = std::clamp(start, first, first + days{365});
      break;
    }
    default:
      break;
  }
}

void open_builder(AppModel& m, float scroll, std::optional<Control> focus = std::nullopt) {
  BuilderScreen b;
  b.scroll = scroll;
  open_screen(m, b);
  if (focus) {
    const auto list = controls(m);
    const auto it = std::find(list.begin(), list.end(), *focus);
    if (it != list.end()) m.focus = static_cast<int>(it - list.begin());
  }
  on_builder_scrolled(m, 0);
  builder_focus_into_view(m);
}

// Export and Try: the problems, or nothing when the draft is ready.
bool check(AppModel& m, BuilderScreen& b) {
  b.problems = draft_problems(m);
  if (b.problems.empty()) return true;
  b.scroll = builder_max_scroll({m.window_w, m.window_h}, static_cast<int>(draft(m).steps.size()),
                                static_cast<int>(b.problems.size()));
  return false;
}

void try_it(AppModel& m) {
  ensure_id(m);
  core::Routine routine = draft_homework(m).routine;
  const core::PatternLookup lookup = core::builtin_pattern_lookup();
  int index = find_routine(m, routine.id);
  CatalogEntry entry = make_catalog_entry(std::move(routine), lookup);
  if (index >= 0) {
    m.catalog[static_cast<std::size_t>(index)] = std::move(entry);
  } else {
    m.catalog.push_back(std::move(entry));
    index = static_cast<int>(m.catalog.size()) - 1;
  }
  apply_profile_to_catalog(m);
  open_screen(m, RoutineScreen{index});
}

void on_builder(AppModel& m, BuilderScreen b, const Control& c, std::vector<Effect>& fx) {
  HomeworkDraft& d = draft(m);
  const int delta = c.kind == ControlKind::BuilderUp ? 1 : -1;
  switch (c.kind) {
    case ControlKind::Back:
      open_screen(m, SettingsScreen{});
      return;
    case ControlKind::NewHomework:
      if (c.index == 0) {
        b.confirming_new = true;
        open_screen(m, b);
        return;
      }
      d = HomeworkDraft{};
      open_screen(m, BuilderScreen{});
      return;
    case ControlKind::EndCancel:
      b.confirming_new = false;
      open_screen(m, b);
      return;
    case ControlKind::BuilderField:
      focus_on(m, c);
      return;
    case ControlKind::BuilderDown:
    case ControlKind::BuilderUp:
      switch (static_cast<BuilderValue>(c.index)) {
        case BuilderValue::SettleMinutes:
          d.settle_minutes = std::clamp(d.settle_minutes + delta, 1, kMaxBlockMinutes);
          break;
        case BuilderValue::CloseMinutes:
          d.close_minutes = std::clamp(d.close_minutes + delta, 1, kMaxBlockMinutes);
          break;
        case BuilderValue::SettlePattern:
          d.settle_pattern = cycle_pattern(block_patterns(), d.settle_pattern, delta);
          break;
        case BuilderValue::ClosePattern:
          d.close_pattern = cycle_pattern(block_patterns(), d.close_pattern, delta);
          break;
        default:
          break;
      }
      break;
    case ControlKind::StepRow:
      if (c.index >= 0 && c.index < static_cast<int>(d.steps.size())) {
        open_screen(m, BuilderStepScreen{c.index, 0, b.scroll});
        return;
      }
      break;
    case ControlKind::AddMuscle:
      open_screen(m, BuilderPickScreen{0, b.scroll});
      return;
    case ControlKind::HomeworkSchedule:
      open_screen(m, BuilderPlanScreen{0, b.scroll});
      return;
    case ControlKind::TryHomework:
      if (check(m, b)) {
        try_it(m);
        return;
      }
      break;
    case ControlKind::ExportHomework:
      if (check(m, b)) {
        ensure_id(m);
        d.revision += 1;
        fx.push_back(ExportHomework{draft_homework(m)});
      }
      break;
    default:
      return;
  }
  if (!b.problems.empty() && c.kind != ControlKind::ExportHomework &&
      c.kind != ControlKind::TryHomework) {
    b.problems = draft_problems(m);
  }
  if (auto* screen = std::get_if<BuilderScreen>(&m.screen)) *screen = b;
  on_builder_scrolled(m, 0);
}

void on_step(AppModel& m, BuilderStepScreen st, const Control& c) {
  auto& steps = draft(m).steps;
  if (st.step < 0 || st.step >= static_cast<int>(steps.size())) {
    open_builder(m, st.builder_scroll);
    return;
  }
  core::StepSpec& s = steps[static_cast<std::size_t>(st.step)];
  const int delta = c.kind == ControlKind::BuilderUp ? 1 : -1;
  switch (c.kind) {
    case ControlKind::Back:
    case ControlKind::Done:
      open_builder(m, st.builder_scroll, Control{ControlKind::StepRow, st.step});
      return;
    case ControlKind::SidesOption:
      s.sides = static_cast<core::Sides>(std::clamp(c.index, 0, 3));
      break;
    case ControlKind::HoldUnit:
      if (c.index == 1 && !s.breaths) {
        set_breaths(s,
                    static_cast<int>(std::lround(hold_seconds(s) / cycle_seconds(s.pattern_id))));
      } else if (c.index == 0 && s.breaths) {
        set_seconds(s, hold_seconds(s));
      }
      break;
    case ControlKind::BuilderDown:
    case ControlKind::BuilderUp:
      step_value(s, static_cast<BuilderValue>(c.index), delta);
      break;
    case ControlKind::BuilderField:
      focus_on(m, c);
      return;
    case ControlKind::MoveStepUp:
      if (st.step > 0) {
        std::swap(steps[static_cast<std::size_t>(st.step)],
                  steps[static_cast<std::size_t>(st.step - 1)]);
        --st.step;
      }
      break;
    case ControlKind::MoveStepDown:
      if (st.step + 1 < static_cast<int>(steps.size())) {
        std::swap(steps[static_cast<std::size_t>(st.step)],
                  steps[static_cast<std::size_t>(st.step + 1)]);
        ++st.step;
      }
      break;
    case ControlKind::RemoveStep: {
      steps.erase(steps.begin() + st.step);
      const int next = std::min(st.step, static_cast<int>(steps.size()) - 1);
      open_builder(
          m, st.builder_scroll,
          next >= 0 ? Control{ControlKind::StepRow, next} : Control{ControlKind::AddMuscle, 0});
      return;
    }
    default:
      return;
  }
  if (auto* screen = std::get_if<BuilderStepScreen>(&m.screen)) {
    *screen = st;
    on_builder_scrolled(m, 0);  // the rest row may have come or gone
  }
}

void on_pick(AppModel& m, const BuilderPickScreen& pk, const Control& c) {
  if (c.kind == ControlKind::Back) {
    open_builder(m, pk.builder_scroll, Control{ControlKind::AddMuscle, 0});
    return;
  }
  if (c.kind != ControlKind::MusclePick) return;
  const auto rows = builder_pick_rows(m);
  if (c.index < 0 || c.index >= static_cast<int>(rows.size())) return;
  draft(m).steps.push_back(step_for(*rows[static_cast<std::size_t>(c.index)].muscle));
  open_builder(m, pk.builder_scroll,
               Control{ControlKind::StepRow, static_cast<int>(draft(m).steps.size()) - 1});
}

void on_plan(AppModel& m, const BuilderPlanScreen& pl, const Control& c) {
  switch (c.kind) {
    case ControlKind::Back:
    case ControlKind::Done:
      open_builder(m, pl.builder_scroll, Control{ControlKind::HomeworkSchedule, 0});
      return;
    case ControlKind::BuilderDown:
    case ControlKind::BuilderUp:
      plan_value(m, static_cast<BuilderValue>(c.index), c.kind == ControlKind::BuilderUp ? 1 : -1);
      break;
    case ControlKind::DayToggle:
      if (c.index >= 0 && c.index < 7) {
        bool& day = draft(m).days[static_cast<std::size_t>(c.index)];
        day = !day;
      }
      break;
    case ControlKind::BuilderField:
      focus_on(m, c);
      break;
    default:
      break;
  }
}

// The text a focused builder field edits, with its limit; nullptr when none is focused.
std::string* focused_text(AppModel& m, std::size_t& limit) {
  const auto focus = focused_control(m);
  if (!focus || focus->kind != ControlKind::BuilderField) return nullptr;
  HomeworkDraft& d = draft(m);
  switch (static_cast<BuilderText>(focus->index)) {
    case BuilderText::Title:
      if (!std::holds_alternative<BuilderScreen>(m.screen)) return nullptr;
      limit = kMaxTitleChars;
      return &d.title;
    case BuilderText::Instruction: {
      const auto* st = std::get_if<BuilderStepScreen>(&m.screen);
      if (st == nullptr || st->step < 0 || st->step >= static_cast<int>(d.steps.size()))
        return nullptr;
      limit = kMaxInstructionChars;
      return &d.steps[static_cast<std::size_t>(st->step)].instruction;
    }
    case BuilderText::Therapist:
      if (!std::holds_alternative<BuilderPlanScreen>(m.screen)) return nullptr;
      limit = kMaxTherapistChars;
      return &d.therapist;
    case BuilderText::Note:
      if (!std::holds_alternative<BuilderPlanScreen>(m.screen)) return nullptr;
      limit = kMaxNoteChars;
      return &d.note;
  }
  return nullptr;
}

bool on_builder_screen(const AppModel& m) {
  return std::holds_alternative<BuilderScreen>(m.screen) ||
         std::holds_alternative<BuilderStepScreen>(m.screen) ||
         std::holds_alternative<BuilderPickScreen>(m.screen) ||
         std::holds_alternative<BuilderPlanScreen>(m.screen);
}

}  // namespace

bool on_builder_activated(AppModel& m, const Activated& a, std::vector<Effect>& fx) {
  const Control c = a.control;
  if (std::holds_alternative<SettingsScreen>(m.screen)) {
    if (c.kind != ControlKind::BuildHomework || !m.therapist_mode) return false;
    open_builder(m, 0);
    return true;
  }
  if (const auto* b = std::get_if<BuilderScreen>(&m.screen)) {
    on_builder(m, *b, c, fx);
  } else if (const auto* st = std::get_if<BuilderStepScreen>(&m.screen)) {
    on_step(m, *st, c);
  } else if (const auto* pk = std::get_if<BuilderPickScreen>(&m.screen)) {
    on_pick(m, *pk, c);
  } else if (const auto* pl = std::get_if<BuilderPlanScreen>(&m.screen)) {
    on_plan(m, *pl, c);
  } else {
    return false;
  }
  return true;
}

bool on_builder_back(AppModel& m, std::vector<Effect>& fx) {
  if (const auto* b = std::get_if<BuilderScreen>(&m.screen); b && b->confirming_new) {
    return on_builder_activated(m, Activated{{ControlKind::EndCancel, 0}}, fx);
  }
  if (!on_builder_screen(m)) return false;
  return on_builder_activated(m, Activated{{ControlKind::Back, 0}}, fx);
}

bool on_builder_text(AppModel& m, const TextTyped& t) {
  if (!on_builder_screen(m)) return false;
  std::size_t limit = 0;
  if (std::string* text = focused_text(m, limit)) append_typed(*text, t.text, limit);
  if (auto* b = std::get_if<BuilderScreen>(&m.screen); b && !b->problems.empty())
    b->problems = draft_problems(m);
  return true;
}

bool on_builder_erase(AppModel& m) {
  if (!on_builder_screen(m)) return false;
  std::size_t limit = 0;
  if (std::string* text = focused_text(m, limit)) erase_last_char(*text);
  if (auto* b = std::get_if<BuilderScreen>(&m.screen); b && !b->problems.empty())
    b->problems = draft_problems(m);
  return true;
}

bool builder_editing_text(const AppModel& m) {
  if (!on_builder_screen(m)) return false;
  if (const auto* b = std::get_if<BuilderScreen>(&m.screen); b && b->confirming_new) return false;
  const auto focus = focused_control(m);
  return focus && focus->kind == ControlKind::BuilderField;
}

void on_builder_scrolled(AppModel& m, float dy) {
  const Size window{m.window_w, m.window_h};
  const auto& d = m.homework_draft;
  if (auto* b = std::get_if<BuilderScreen>(&m.screen)) {
    b->scroll = std::clamp(b->scroll + dy, 0.0f,
                           builder_max_scroll(window, static_cast<int>(d.steps.size()),
                                              static_cast<int>(b->problems.size())));
  } else if (auto* st = std::get_if<BuilderStepScreen>(&m.screen)) {
    const bool rest = st->step >= 0 && st->step < static_cast<int>(d.steps.size()) &&
                      d.steps[static_cast<std::size_t>(st->step)].reps > 1;
    st->scroll = std::clamp(st->scroll + dy, 0.0f, builder_step_max_scroll(window, rest));
  } else if (auto* pk = std::get_if<BuilderPickScreen>(&m.screen)) {
    pk->scroll =
        std::clamp(pk->scroll + dy, 0.0f, builder_pick_max_scroll(window, builder_pick_rows(m)));
  } else if (auto* pl = std::get_if<BuilderPlanScreen>(&m.screen)) {
    pl->scroll = std::clamp(pl->scroll + dy, 0.0f, builder_plan_max_scroll(window));
  }
}

void builder_focus_into_view(AppModel& m) {
  if (!on_builder_screen(m)) return;
  const auto focus = focused_control(m);
  if (!focus) return;
  Rect viewport;
  for (const auto& place : builder_places(m, {m.window_w, m.window_h}, viewport)) {
    if (place.control != *focus || !place.scrolls) continue;
    float shift = 0;
    if (place.rect.y < viewport.y)
      shift = place.rect.y - viewport.y;
    else if (place.rect.bottom() > viewport.bottom())
      shift = std::min(place.rect.bottom() - viewport.bottom(), place.rect.y - viewport.y);
    std::visit(
        [shift](auto& s) {
          if constexpr (requires { s.scroll; }) s.scroll += shift;
        },
        m.screen);
    on_builder_scrolled(m, 0);
    return;
  }
}

bool builder_controls(const AppModel& m, std::vector<Control>& list) {
  const auto add = [&list](ControlKind kind, int index = 0) { list.push_back({kind, index}); };
  const auto stepper = [&](BuilderValue v) {
    add(ControlKind::BuilderDown, value_index(v));
    add(ControlKind::BuilderUp, value_index(v));
  };
  const auto& d = m.homework_draft;
  if (const auto* b = std::get_if<BuilderScreen>(&m.screen)) {
    if (b->confirming_new) {
      add(ControlKind::EndCancel);
      add(ControlKind::NewHomework, 1);
      return true;
    }
    add(ControlKind::Back);
    add(ControlKind::NewHomework);
    add(ControlKind::BuilderField, static_cast<int>(BuilderText::Title));
    stepper(BuilderValue::SettleMinutes);
    stepper(BuilderValue::SettlePattern);
    for (int i = 0; i < static_cast<int>(d.steps.size()); ++i) add(ControlKind::StepRow, i);
    add(ControlKind::AddMuscle);
    stepper(BuilderValue::CloseMinutes);
    stepper(BuilderValue::ClosePattern);
    add(ControlKind::HomeworkSchedule);
    add(ControlKind::TryHomework);
    add(ControlKind::ExportHomework);
    return true;
  }
  if (const auto* st = std::get_if<BuilderStepScreen>(&m.screen)) {
    add(ControlKind::Back);
    for (const auto sides :
         {core::Sides::Both, core::Sides::Left, core::Sides::Right, core::Sides::None}) {
      add(ControlKind::SidesOption, static_cast<int>(sides));
    }
    add(ControlKind::HoldUnit, 0);
    add(ControlKind::HoldUnit, 1);
    stepper(BuilderValue::Hold);
    stepper(BuilderValue::Reps);
    if (st->step >= 0 && st->step < static_cast<int>(d.steps.size()) &&
        d.steps[static_cast<std::size_t>(st->step)].reps > 1) {
      stepper(BuilderValue::Rest);
    }
    stepper(BuilderValue::Pressure);
    stepper(BuilderValue::StepPattern);
    add(ControlKind::BuilderField, static_cast<int>(BuilderText::Instruction));
    add(ControlKind::MoveStepUp);
    add(ControlKind::MoveStepDown);
    add(ControlKind::RemoveStep);
    add(ControlKind::Done);
    return true;
  }
  if (std::holds_alternative<BuilderPickScreen>(m.screen)) {
    add(ControlKind::Back);
    const auto n = static_cast<int>(builder_pick_rows(m).size());
    for (int i = 0; i < n; ++i) add(ControlKind::MusclePick, i);
    return true;
  }
  if (std::holds_alternative<BuilderPlanScreen>(m.screen)) {
    add(ControlKind::Back);
    stepper(BuilderValue::TimesPerDay);
    for (int i = 0; i < 7; ++i) add(ControlKind::DayToggle, i);
    add(ControlKind::BuilderDown, value_index(BuilderValue::StartWeek));
    add(ControlKind::BuilderDown, value_index(BuilderValue::StartDay));
    add(ControlKind::BuilderUp, value_index(BuilderValue::StartDay));
    add(ControlKind::BuilderUp, value_index(BuilderValue::StartWeek));
    stepper(BuilderValue::Weeks);
    add(ControlKind::BuilderField, static_cast<int>(BuilderText::Therapist));
    add(ControlKind::BuilderField, static_cast<int>(BuilderText::Note));
    add(ControlKind::Done);
    return true;
  }
  return false;
}

std::optional<Control> builder_primary(const AppModel& m) {
  if (const auto* b = std::get_if<BuilderScreen>(&m.screen)) {
    if (b->confirming_new) return Control{ControlKind::EndCancel, 0};
    return m.homework_draft.steps.empty() ? Control{ControlKind::AddMuscle, 0}
                                          : Control{ControlKind::ExportHomework, 0};
  }
  if (std::holds_alternative<BuilderStepScreen>(m.screen)) return Control{ControlKind::Done, 0};
  if (std::holds_alternative<BuilderPickScreen>(m.screen))
    return Control{ControlKind::MusclePick, 0};
  if (std::holds_alternative<BuilderPlanScreen>(m.screen)) return Control{ControlKind::Done, 0};
  return std::nullopt;
}

}  // namespace unknot::app
