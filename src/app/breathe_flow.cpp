#include "app/breathe_flow.h"

#include "app/text_util.h"

#include <algorithm>
#include <cmath>

#include "app/layout.h"
#include "app/session_flow.h"
#include "app/update.h"

namespace unknot::app {
namespace {

constexpr int kMaxMinutes = 60;
constexpr int kMaxBreaths = 200;
constexpr float kVolumeStep = 0.1f;

core::BreathingLength default_length(const core::BreathPattern& p) {
  if (p.max_breaths > 0) return {core::BreathingLength::Unit::Breaths, p.max_breaths};
  const auto minutes = std::chrono::ceil<std::chrono::minutes>(p.default_length).count();
  return {core::BreathingLength::Unit::Minutes, static_cast<int>(std::max<std::int64_t>(1, minutes))};
}

void open_pattern(AppModel& m, const core::BreathPattern& p, std::vector<Effect>& fx) {
  PatternScreen screen{p.id, default_length(p)};
  if (screen.length.unit == core::BreathingLength::Unit::Breaths) {
    screen.length.value = planned_breaths(m, screen);
  }
  open_screen(m, screen);
  if (p.max_breaths_first_month > 0) fx.push_back(LoadFirstUse{p.id});
}

core::Duration& phase_ref(core::PatternDraft& d, int index) {
  switch (index) {
    case 0: return d.inhale;
    case 1: return d.hold_full;
    case 2: return d.exhale;
    default: return d.hold_empty;
  }
}

float& volume_ref(core::SoundSettings& s, int group) {
  switch (group) {
    case 0: return s.voice_volume;
    case 1: return s.tone_volume;
    default: return s.ambient_volume;
  }
}

bool& mute_ref(core::SoundSettings& s, int group) {
  switch (group) {
    case 0: return s.voice_muted;
    case 1: return s.tones_muted;
    default: return s.ambient_muted;
  }
}

void sound_changed(AppModel& m, std::vector<Effect>& fx) {
  fx.push_back(AudioSettings{m.sound});
  fx.push_back(SaveSoundSettings{m.sound});
}

std::optional<std::int64_t> custom_id(std::string_view pattern_id) {
  constexpr std::string_view kPrefix = "custom_";
  if (pattern_id.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  std::int64_t id = 0;
  for (char c : pattern_id.substr(kPrefix.size())) {
    if (c < '0' || c > '9') return std::nullopt;
    id = id * 10 + (c - '0');
  }
  return id;
}

void on_list(AppModel& m, const Control& c, std::vector<Effect>& fx) {
  const auto patterns = all_patterns(m);
  if (c.kind == ControlKind::Back) {
    open_screen(m, HomeScreen{});
  } else if (c.kind == ControlKind::PatternRow && c.index >= 0 && c.index < static_cast<int>(patterns.size())) {
    open_pattern(m, *patterns[static_cast<std::size_t>(c.index)], fx);
  } else if (c.kind == ControlKind::NewPattern) {
    EditorScreen e;
    e.draft.name = "My pattern";
    open_screen(m, std::move(e));
  }
}

void on_pattern(AppModel& m, PatternScreen s, const Control& c, std::vector<Effect>& fx) {
  const core::BreathPattern* p = find_pattern(m, s.pattern_id);
  if (p == nullptr) {
    open_screen(m, BreatheListScreen{});
    return;
  }
  auto& len = s.length;
  const bool minutes = len.unit == core::BreathingLength::Unit::Minutes;
  switch (c.kind) {
    case ControlKind::Back: open_screen(m, BreatheListScreen{}); return;
    case ControlKind::UnitMinutes:
      if (!minutes) len = {core::BreathingLength::Unit::Minutes, std::max(1, static_cast<int>(std::lround(len.value * core::to_seconds(p->cycle()) / 60.0)))};
      break;
    case ControlKind::UnitBreaths:
      if (minutes) len = {core::BreathingLength::Unit::Breaths, planned_breaths(m, s)};
      break;
    case ControlKind::LengthDown: len.value = std::max(1, len.value - 1); break;
    case ControlKind::LengthUp: len.value = std::min(minutes ? kMaxMinutes : kMaxBreaths, len.value + 1); break;
    case ControlKind::Edit:
      if (auto id = custom_id(p->id)) {
        EditorScreen e;
        e.saved_id = id;
        e.draft = core::to_draft(*p);
        open_screen(m, std::move(e));
      }
      return;
    case ControlKind::Start:
      if (holds_barred(m, *p)) return;  // the page says why
      start_breathing(m, fx, *p, planned_breaths(m, s));
      open_screen(m, PlayerScreen{});
      return;
    default: return;
  }
  // Breaths never go past the pattern's limit, so the number shown is the number played.
  if (len.unit == core::BreathingLength::Unit::Breaths) len.value = planned_breaths(m, s);
  if (auto* screen = std::get_if<PatternScreen>(&m.screen)) *screen = s;
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
  const core::Duration cycle = e.draft.inhale + e.draft.hold_full + e.draft.exhale + e.draft.hold_empty;
  const double seconds = std::max(1.0, core::to_seconds(cycle));
  e.rate_tenths = std::clamp(static_cast<int>(std::lround(600.0 / seconds / 5.0)) * 5, 20, 120);
  const double breathing = std::max(1.0, core::to_seconds(e.draft.inhale + e.draft.exhale));
  const double share = core::to_seconds(e.draft.inhale) / breathing;
  e.share_percent = std::clamp(static_cast<int>(std::lround(share * 20.0)) * 5, 20, 80);
  apply_rate(e);
}

void on_editor(AppModel& m, EditorScreen e, const Control& c, std::vector<Effect>& fx) {
  switch (c.kind) {
    case ControlKind::Back: open_screen(m, BreatheListScreen{}); return;
    case ControlKind::ByPhases: e.by_rate = false; break;
    case ControlKind::ByRate: by_rate(e); break;
    case ControlKind::PhaseDown:
    case ControlKind::PhaseUp:
      step_phase(e, c.index, c.kind == ControlKind::PhaseUp);
      if (!e.problems.empty()) e.problems = core::validate(e.draft);
      break;
    case ControlKind::Save:
      e.problems = core::validate(e.draft);
      if (e.problems.empty()) fx.push_back(SavePattern{e.saved_id, e.draft});
      break;
    case ControlKind::Delete:
      if (!e.saved_id) break;
      if (c.index == 0) {  // first press asks; the dialog's Delete confirms
        e.confirming_delete = true;
        open_screen(m, e);
        return;
      }
      fx.push_back(DeletePattern{*e.saved_id});
      open_screen(m, BreatheListScreen{});
      return;
    case ControlKind::EndCancel:
      e.confirming_delete = false;
      open_screen(m, e);
      return;
    default: break;
  }
  if (auto* screen = std::get_if<EditorScreen>(&m.screen)) *screen = e;
}

void on_sound(AppModel& m, const Control& c, std::vector<Effect>& fx) {
  switch (c.kind) {
    case ControlKind::Back: open_screen(m, HomeScreen{}); return;
    case ControlKind::VolumeDown:
    case ControlKind::VolumeUp: {
      float& v = volume_ref(m.sound, c.index);
      const float step = c.kind == ControlKind::VolumeUp ? kVolumeStep : -kVolumeStep;
      v = std::clamp(std::round((v + step) * 10.0f) / 10.0f, 0.0f, 1.0f);
      mute_ref(m.sound, c.index) = false;
      break;
    }
    case ControlKind::Mute: mute_ref(m.sound, c.index) = !mute_ref(m.sound, c.index); break;
    case ControlKind::Ambient:
      m.sound.ambient = static_cast<core::AmbientKind>(std::clamp(c.index, 0, 2));
      if (m.sound.ambient != core::AmbientKind::Off) m.sound.ambient_muted = false;
      break;
    case ControlKind::BreathTone: m.sound.breath_tone = !m.sound.breath_tone; break;
    case ControlKind::PanSides: m.sound.pan_sides = !m.sound.pan_sides; break;
    default: return;
  }
  sound_changed(m, fx);
}

}  // namespace

int planned_breaths(const AppModel& m, const PatternScreen& s) {
  const core::BreathPattern* p = find_pattern(m, s.pattern_id);
  if (p == nullptr) return 1;
  return core::breaths_for(*p, s.length, in_first_month(m, s.pattern_id));
}

bool on_breathe_activated(AppModel& m, const Activated& a, std::vector<Effect>& fx) {
  const Control c = a.control;
  if (std::holds_alternative<BreatheListScreen>(m.screen)) {
    on_list(m, c, fx);
  } else if (const auto* p = std::get_if<PatternScreen>(&m.screen)) {
    on_pattern(m, *p, c, fx);
  } else if (const auto* e = std::get_if<EditorScreen>(&m.screen)) {
    on_editor(m, *e, c, fx);
  } else if (std::holds_alternative<SoundScreen>(m.screen)) {
    on_sound(m, c, fx);
  } else {
    return false;
  }
  return true;
}

bool on_breathe_back(AppModel& m, std::vector<Effect>& fx) {
  if (const auto* e = std::get_if<EditorScreen>(&m.screen); e && e->confirming_delete) {
    on_editor(m, *e, {ControlKind::EndCancel, 0}, fx);
    return true;
  }
  if (std::holds_alternative<BreatheListScreen>(m.screen) || std::holds_alternative<PatternScreen>(m.screen) ||
      std::holds_alternative<EditorScreen>(m.screen) || std::holds_alternative<SoundScreen>(m.screen)) {
    return on_breathe_activated(m, Activated{{ControlKind::Back, 0}}, fx);
  }
  return false;
}

void on_text(AppModel& m, const TextTyped& t) {
  auto* e = std::get_if<EditorScreen>(&m.screen);
  if (e == nullptr || focused_control(m) != Control{ControlKind::NameField, 0}) return;
  for (char ch : t.text) {
    if (ch != '\n' && ch != '\r' && ch != '\t') e->draft.name += ch;
  }
  if (!e->problems.empty()) e->problems = core::validate(e->draft);
}

void on_erase(AppModel& m) {
  auto* e = std::get_if<EditorScreen>(&m.screen);
  if (e == nullptr || e->draft.name.empty()) return;
  erase_last_char(e->draft.name);
}

void on_scrolled(AppModel& m, float dy) {
  if (auto* b = std::get_if<BreatheListScreen>(&m.screen)) {
    const float limit = max_scroll({m.window_w, m.window_h}, static_cast<int>(all_patterns(m).size()));
    b->scroll = std::clamp(b->scroll + dy, 0.0f, limit);
  }
}

void scroll_focus_into_view(AppModel& m) {
  auto* b = std::get_if<BreatheListScreen>(&m.screen);
  const auto focus = focused_control(m);
  if (b == nullptr || !focus || (focus->kind != ControlKind::PatternRow && focus->kind != ControlKind::NewPattern)) return;
  const int patterns = static_cast<int>(all_patterns(m).size());
  const auto l = breathe_list_layout({m.window_w, m.window_h}, patterns, b->scroll);
  const Rect row = l.rows.at(static_cast<std::size_t>(focus->index));
  if (row.y < l.viewport.y) b->scroll -= l.viewport.y - row.y;
  if (row.bottom() > l.viewport.bottom()) b->scroll += row.bottom() - l.viewport.bottom();
  b->scroll = std::clamp(b->scroll, 0.0f, max_scroll({m.window_w, m.window_h}, patterns));
}

}  // namespace unknot::app
