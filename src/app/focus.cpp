#include <algorithm>

#include "app/care_flow.h"
#include "app/bodymap_flow.h"
#include "app/builder_flow.h"
#include "app/progress_flow.h"
#include "app/session_flow.h"
#include "app/legacy_screens.h"
#include "app/screens.h"

namespace unknot::app {

std::vector<Control> legacy_controls(const AppModel& m) {
  std::vector<Control> list;
  const auto add = [&list](ControlKind kind, int index = 0) { list.push_back({kind, index}); };
  if (builder_controls(m, list)) return list;
  if (std::holds_alternative<BreatheListScreen>(m.screen)) {
    add(ControlKind::Back);
    const int n = static_cast<int>(all_patterns(m).size());
    for (int i = 0; i < n; ++i) add(ControlKind::PatternRow, i);
    add(ControlKind::NewPattern, n);
  } else if (const auto* ps = std::get_if<PatternScreen>(&m.screen)) {
    add(ControlKind::Back);
    if (const auto* pattern = find_pattern(m, ps->pattern_id); pattern && pattern->custom) add(ControlKind::Edit);
    add(ControlKind::UnitMinutes);
    add(ControlKind::UnitBreaths);
    add(ControlKind::LengthDown);
    add(ControlKind::LengthUp);
    if (const auto* pattern = find_pattern(m, ps->pattern_id); pattern && !holds_barred(m, *pattern)) add(ControlKind::Start);
  } else if (const auto* e = std::get_if<EditorScreen>(&m.screen)) {
    if (e->confirming_delete) {
      add(ControlKind::EndCancel);
      add(ControlKind::Delete, 1);
    } else {
      add(ControlKind::Back);
      if (e->saved_id) add(ControlKind::Delete);
      add(ControlKind::NameField);
      add(ControlKind::ByPhases);
      add(ControlKind::ByRate);
      const int first = e->by_rate ? 4 : 0, count = e->by_rate ? 2 : 4;
      for (int i = first; i < first + count; ++i) {
        add(ControlKind::PhaseDown, i);
        add(ControlKind::PhaseUp, i);
      }
      add(ControlKind::Save);
    }
  } else if (std::holds_alternative<SoundScreen>(m.screen)) {
    add(ControlKind::Back);
    for (int i = 0; i < 3; ++i) {
      add(ControlKind::VolumeDown, i);
      add(ControlKind::VolumeUp, i);
      add(ControlKind::Mute, i);
    }
    for (int i = 0; i < 3; ++i) add(ControlKind::Ambient, i);
    add(ControlKind::BreathTone);
    add(ControlKind::PanSides);
  }
  return list;
}

Control legacy_primary(const AppModel& m) {
  if (const auto primary = builder_primary(m)) return *primary;
  if (std::holds_alternative<BreatheListScreen>(m.screen)) return {ControlKind::PatternRow, 0};
  if (std::holds_alternative<PatternScreen>(m.screen)) return {ControlKind::Start, 0};
  if (const auto* e = std::get_if<EditorScreen>(&m.screen)) {
    if (e->confirming_delete) return {ControlKind::EndCancel, 0};
    return {e->saved_id ? ControlKind::Save : ControlKind::NameField, 0};
  }
  if (std::holds_alternative<SoundScreen>(m.screen)) return {ControlKind::VolumeUp, 0};
  return {ControlKind::Dismiss, 0};
}

}  // namespace unknot::app
