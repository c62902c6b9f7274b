#include "app/layout.h"

#include "app/care_flow.h"
#include "app/legacy_screens.h"
#include "app/care_layout.h"

#include <algorithm>
#include <cmath>

#include "app/bodymap_layout.h"
#include "app/builder_layout.h"
#include "app/progress_flow.h"
#include "app/session_flow.h"

namespace unknot::app {
namespace {

// Snap to the 8-dp grid's half step so edges land on whole pixels at common scales.

// Stacks boxes top-down inside a column.
struct Stack {
  Rect col;
  float y;
  Rect take(float h, float gap_after = kSmallGap) {
    Rect r{col.x, snap(y), col.w, h};
    y += h + gap_after;
    return r;
  }
};

Rect bottom_button(Rect col) { return {col.x, col.bottom() - kButtonHeight, col.w, kButtonHeight}; }

Rect back_button(Rect col) { return {col.x - 12, col.y - 12, kTarget, kTarget}; }

}  // namespace

Rect column(Size window) {
  const float w = std::min(window.w - 2 * kMargin, kMaxColumn);
  return {snap((window.w - w) / 2), kMargin, w, window.h - 2 * kMargin};
}

DialogLayout dialog_layout(Size window) {
  DialogLayout d;
  const Rect col = column(window);
  const float h = 232;
  d.box = {col.x, snap(window.h / 2 - h / 2), col.w, h};
  const Rect inside = d.box.inset(kMargin);
  d.title = {inside.x, inside.y, inside.w, kTitleLine};
  d.body = {inside.x, inside.y + kTitleLine + kSmallGap, inside.w, kBodyLine * 2};
  const float bw = (inside.w - kSmallGap) / 2;
  d.cancel = {inside.x, inside.bottom() - kButtonHeight, bw, kButtonHeight};
  d.confirm = {snap(inside.x + bw + kSmallGap), inside.bottom() - kButtonHeight, bw, kButtonHeight};
  return d;
}

BreatheListLayout breathe_list_layout(Size window, int patterns, float scroll) {
  BreatheListLayout l;
  const Rect col = column(window);
  l.back = back_button(col);
  Stack s{col, col.y + kTarget};
  l.title = s.take(kTitleLine, kGap);
  l.viewport = {col.x - 8, s.y, col.w + 16, std::max(0.0f, col.bottom() - s.y)};
  const int rows = patterns + 1;
  l.content_h = static_cast<float>(rows) * (kPatternRow + kSmallGap);
  for (int i = 0; i < rows; ++i) {
    const float h = i == patterns ? kButtonHeight : kPatternRow;
    l.rows.push_back({col.x, snap(s.y + static_cast<float>(i) * (kPatternRow + kSmallGap) - scroll), col.w, h});
  }
  return l;
}

float max_scroll(Size window, int patterns) {
  const auto l = breathe_list_layout(window, patterns, 0);
  return std::max(0.0f, l.content_h - l.viewport.h);
}

PatternLayout pattern_layout(Size window, bool editable) {
  PatternLayout l;
  const Rect col = column(window);
  l.back = back_button(col);
  l.start = bottom_button(col);
  if (editable) l.edit = {col.right() - 88, col.y - 12, 88, kTarget};
  // From the bottom up: Start, the note, the length stepper, the unit chips.
  l.length_note = {col.x, l.start.y - kGap - kCaptionLine, col.w, kCaptionLine};
  const float stepper_y = l.length_note.y - kSmallGap - kTarget;
  l.length_down = {col.x, stepper_y, kTarget, kTarget};
  l.length_value = {l.length_down.right(), stepper_y, 64, kTarget};
  l.length_up = {l.length_value.right(), stepper_y, kTarget, kTarget};
  const float row_y = stepper_y - kSmallGap - kTarget;
  const float chip_w = std::min(128.0f, (col.w - kSmallGap) / 2);
  l.unit_minutes = {col.x, row_y, chip_w, kTarget};
  l.unit_breaths = {col.x + chip_w + kSmallGap, row_y, chip_w, kTarget};
  const float top = col.y + kTarget;
  l.body = {col.x, top, col.w, std::max(0.0f, row_y - kGap - top)};
  return l;
}

namespace {
StepperRow stepper(float x, float y, float w, float h) {
  StepperRow r;
  r.up = {x + w - kTarget, y, kTarget, h};
  r.value = {r.up.x - 72, y, 72, h};
  r.down = {r.value.x - kTarget, y, kTarget, h};
  r.label = {x, y, std::max(0.0f, r.down.x - kSmallGap - x), h};
  return r;
}
}  // namespace

EditorLayout editor_layout(Size window) {
  EditorLayout l;
  const Rect col = column(window);
  l.back = back_button(col);
  l.save = bottom_button(col);
  Stack s{col, col.y + kTarget};
  l.title = s.take(kTitleLine, kGap);
  l.remove = {col.right() - 96, col.y - 12, 96, kTarget};
  l.name_label = s.take(kCaptionLine, 4);
  l.name_field = s.take(kTarget, kGap);
  const Rect modes = s.take(kTarget, kSmallGap);
  const float chip_w = std::min(128.0f, (modes.w - kSmallGap) / 2);
  l.by_phases = {modes.x, modes.y, chip_w, modes.h};
  l.by_rate = {modes.x + chip_w + kSmallGap, modes.y, chip_w, modes.h};
  for (int i = 0; i < 4; ++i) {
    const Rect r = s.take(kTarget, kSmallGap);
    l.phases.push_back(stepper(r.x, r.y, r.w, r.h));
    if (i < 2) l.rate.push_back(l.phases.back());
  }
  l.summary = s.take(kBodyLine, kSmallGap);
  l.problems = {col.x, s.y, col.w, std::max(0.0f, l.save.y - kSmallGap - s.y)};
  l.dialog = dialog_layout(window);
  return l;
}

SoundLayout sound_layout(Size window) {
  SoundLayout l;
  const Rect col = column(window);
  l.back = back_button(col);
  Stack s{col, col.y + kTarget};
  l.title = s.take(kTitleLine, kGap);
  // Each group: its name on a line, then minus / level / plus and Mute on the right.
  for (int i = 0; i < 3; ++i) {
    const Rect label = s.take(kBodyLine, 4);
    const Rect r = s.take(kTarget, kGap);
    const float mute_w = 104;
    StepperRow row;
    row.label = label;
    row.down = {r.x, r.y, kTarget, r.h};
    row.value = {r.x + kTarget, r.y, 72, r.h};
    row.up = {row.value.right(), r.y, kTarget, r.h};
    l.groups.push_back(row);
    l.mutes.push_back({r.right() - mute_w, r.y, mute_w, r.h});
  }
  const Rect kinds = s.take(kTarget, kGap);
  const float kw = (kinds.w - 2 * kSmallGap) / 3;
  for (int i = 0; i < 3; ++i) {
    l.ambient_kinds.push_back({snap(kinds.x + static_cast<float>(i) * (kw + kSmallGap)), kinds.y, kw, kinds.h});
  }
  l.breath_tone = s.take(kTarget + 8, kSmallGap);
  l.pan_sides = s.take(kTarget + 8, kSmallGap);
  return l;
}

std::vector<Hit> legacy_hits(const AppModel& m, Size window) {
  std::vector<Hit> out;
  if (builder_hits(m, window, out)) return out;
  if (const auto* b = std::get_if<BreatheListScreen>(&m.screen)) {
    const auto patterns = static_cast<int>(all_patterns(m).size());
    const auto l = breathe_list_layout(window, patterns, b->scroll);
    out.push_back({{ControlKind::Back, 0}, l.back});
    for (int i = 0; i <= patterns; ++i) {
      const Rect row = l.rows[static_cast<std::size_t>(i)];
      // Only the part of a row inside the list's viewport can be pressed.
      const float top = std::max(row.y, l.viewport.y), bottom = std::min(row.bottom(), l.viewport.bottom());
      if (bottom - top < 1) continue;
      out.push_back({{i == patterns ? ControlKind::NewPattern : ControlKind::PatternRow, i},
                     {row.x, top, row.w, bottom - top}});
    }
  } else if (const auto* ps = std::get_if<PatternScreen>(&m.screen)) {
    const auto* pattern = find_pattern(m, ps->pattern_id);
    const auto l = pattern_layout(window, pattern && pattern->custom);
    out.push_back({{ControlKind::Back, 0}, l.back});
    if (pattern && pattern->custom) out.push_back({{ControlKind::Edit, 0}, l.edit});
    out.push_back({{ControlKind::UnitMinutes, 0}, l.unit_minutes});
    out.push_back({{ControlKind::UnitBreaths, 0}, l.unit_breaths});
    out.push_back({{ControlKind::LengthDown, 0}, l.length_down});
    out.push_back({{ControlKind::LengthUp, 0}, l.length_up});
    if (pattern && !holds_barred(m, *pattern)) out.push_back({{ControlKind::Start, 0}, l.start});
  } else if (const auto* e = std::get_if<EditorScreen>(&m.screen)) {
    const auto l = editor_layout(window);
    if (e->confirming_delete) {
      out.push_back({{ControlKind::EndCancel, 0}, l.dialog.cancel});
      out.push_back({{ControlKind::Delete, 1}, l.dialog.confirm});
    } else {
      out.push_back({{ControlKind::Back, 0}, l.back});
      out.push_back({{ControlKind::NameField, 0}, l.name_field});
      out.push_back({{ControlKind::ByPhases, 0}, l.by_phases});
      out.push_back({{ControlKind::ByRate, 0}, l.by_rate});
      const auto& rows = e->by_rate ? l.rate : l.phases;
      const int first = e->by_rate ? 4 : 0;
      for (std::size_t i = 0; i < rows.size(); ++i) {
        out.push_back({{ControlKind::PhaseDown, first + static_cast<int>(i)}, rows[i].down});
        out.push_back({{ControlKind::PhaseUp, first + static_cast<int>(i)}, rows[i].up});
      }
      if (e->saved_id) out.push_back({{ControlKind::Delete, 0}, l.remove});
      out.push_back({{ControlKind::Save, 0}, l.save});
    }
  } else if (std::holds_alternative<SoundScreen>(m.screen)) {
    const auto l = sound_layout(window);
    out.push_back({{ControlKind::Back, 0}, l.back});
    for (int i = 0; i < 3; ++i) {
      const auto& g = l.groups[static_cast<std::size_t>(i)];
      out.push_back({{ControlKind::VolumeDown, i}, g.down});
      out.push_back({{ControlKind::VolumeUp, i}, g.up});
      out.push_back({{ControlKind::Mute, i}, l.mutes[static_cast<std::size_t>(i)]});
    }
    for (int i = 0; i < 3; ++i) out.push_back({{ControlKind::Ambient, i}, l.ambient_kinds[static_cast<std::size_t>(i)]});
    out.push_back({{ControlKind::BreathTone, 0}, l.breath_tone});
    out.push_back({{ControlKind::PanSides, 0}, l.pan_sides});
  }
  return out;
}

}  // namespace unknot::app
