#include "app/sound_page.h"

#include <algorithm>
#include <cmath>

#include "app/screens.h"

namespace unknot::app {
namespace {

constexpr float kVolumeStep = 0.1f;

float& volume_ref(core::SoundSettings& s, int group) {
  switch (group) {
    case 0:
      return s.voice_volume;
    case 1:
      return s.tone_volume;
    default:
      return s.ambient_volume;
  }
}

bool& mute_ref(core::SoundSettings& s, int group) {
  switch (group) {
    case 0:
      return s.voice_muted;
    case 1:
      return s.tones_muted;
    default:
      return s.ambient_muted;
  }
}

SoundToggleLayout toggle(Flow& f, Control control, std::string_view label, bool on) {
  SoundToggleLayout t;
  t.control = control;
  t.on = on;
  const float top = f.y;
  t.label = text_block(f.text, label, Font::Body, f.x + 16, top + 12, f.w - 16 - 96);
  const float h = std::max(56.0f, t.label.box.h + 24);
  t.label.box.y = top + (h - t.label.box.h) / 2;
  t.row = f.take(h, 8);
  t.track = {t.row.right() - 16 - 52, t.row.y + h / 2 - 14, 52, 28};
  return t;
}

SoundPageLayout lay_out(const AppModel& m, const Env& env, float dy) {
  SoundPageLayout l;
  l.page = page_frame(env.window, false);
  const Rect col = l.page.column;
  l.back = {l.page.top_bar.x - 12, l.page.top_bar.y, 48, 48};
  Flow f{env.text, col.x, col.w, l.page.viewport.y + 8 - dy};
  l.title = f.add("Sound", Font::Title, 16);
  const char* names[] = {"Voice", "Tones", "Ambient"};
  const float mute_w = std::min(104.0f, col.w - (48 + 72 + 48) - 8);
  for (const char* name : names) {
    SoundGroupLayout g;
    g.name = f.add(name, Font::BodyStrong, 4);
    const Rect r = f.take(48, 16);
    g.down = {r.x, r.y, 48, 48};
    g.level = {g.down.right(), r.y, 72, 48};
    g.up = {g.level.right(), r.y, 48, 48};
    g.mute = {r.right() - mute_w, r.y, mute_w, 48};
    l.groups.push_back(g);
  }
  l.ambient_heading = f.add("Ambient sound", Font::BodyStrong, 8);
  // Three chips in a row when each name fits its chip, else one under another.
  const float kw = (col.w - 16) / 3;
  bool row = true;
  for (const char* name : kAmbientNames)
    row = row && env.text.width(name, Font::Caption) + 24 <= kw;
  if (row) {
    const Rect kinds = f.take(48, 16);
    for (int i = 0; i < 3; ++i) {
      l.ambient_kinds.push_back({kinds.x + static_cast<float>(i) * (kw + 8), kinds.y, kw, kinds.h});
    }
  } else {
    for (int i = 0; i < 3; ++i) l.ambient_kinds.push_back(f.take(48, i == 2 ? 16 : 8));
  }
  l.toggles.push_back(toggle(f, {ControlKind::BreathTone, 0}, "Breath tone", m.sound.breath_tone));
  l.toggles.push_back(
      toggle(f, {ControlKind::PanSides, 0}, "Pan to the side worked", m.sound.pan_sides));
  l.content_h = f.y + 16 + dy - l.page.viewport.y;
  return l;
}

}  // namespace

SoundPageLayout sound_page_layout(const AppModel& m, const Env& env) {
  SoundPageLayout l = lay_out(m, env, 0);
  const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.page.viewport.h));
  return dy > 0 ? lay_out(m, env, dy) : l;
}

ScreenFrame frame(const AppModel& m, const SoundScreen&, const Env& env) {
  const auto l = sound_page_layout(m, env);
  ScreenFrame f;
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  add_target(f, {ControlKind::Back, 0}, l.back, "Back");
  const char* names[] = {"Voice", "Tones", "Ambient"};
  for (int i = 0; i < 3; ++i) {
    const auto& g = l.groups[static_cast<std::size_t>(i)];
    const std::string name = names[i];
    add_scrolling(f, {ControlKind::VolumeDown, i}, g.down, name + " quieter", Role::Stepper);
    add_scrolling(f, {ControlKind::VolumeUp, i}, g.up, name + " louder", Role::Stepper);
    add_scrolling(f, {ControlKind::Mute, i}, g.mute, name + " mute", Role::Toggle);
  }
  for (int i = 0; i < 3; ++i) {
    add_scrolling(f, {ControlKind::Ambient, i}, l.ambient_kinds[static_cast<std::size_t>(i)],
                  kAmbientNames[i], Role::Option);
  }
  for (const auto& t : l.toggles) {
    add_scrolling(f, t.control, t.row, t.label.lines.empty() ? std::string{} : t.label.lines[0],
                  Role::Toggle);
  }
  return f;
}

Control primary(const AppModel&, const SoundScreen&) { return {ControlKind::VolumeUp, 0}; }

void activate(Step& st, SoundScreen& s, Control c) {
  AppModel& m = st.m;
  switch (c.kind) {
    case ControlKind::Back:
      back(st, s);
      return;
    case ControlKind::VolumeDown:
    case ControlKind::VolumeUp: {
      float& v = volume_ref(m.sound, c.index);
      const float step = c.kind == ControlKind::VolumeUp ? kVolumeStep : -kVolumeStep;
      v = std::clamp(std::round((v + step) * 10.0f) / 10.0f, 0.0f, 1.0f);
      mute_ref(m.sound, c.index) = false;
      break;
    }
    case ControlKind::Mute:
      mute_ref(m.sound, c.index) = !mute_ref(m.sound, c.index);
      break;
    case ControlKind::Ambient:
      m.sound.ambient = static_cast<core::AmbientKind>(std::clamp(c.index, 0, 2));
      if (m.sound.ambient != core::AmbientKind::Off) m.sound.ambient_muted = false;
      break;
    case ControlKind::BreathTone:
      m.sound.breath_tone = !m.sound.breath_tone;
      break;
    case ControlKind::PanSides:
      m.sound.pan_sides = !m.sound.pan_sides;
      break;
    default:
      return;
  }
  st.fx.push_back(AudioSettings{m.sound});
  st.fx.push_back(SaveSoundSettings{m.sound});
}

void back(Step& st, SoundScreen& s) {
  if (s.from == SoundFrom::Settings) {
    open_screen(st.m, SettingsScreen{});
  } else {
    open_screen(st.m, HomeScreen{});
  }
}

void scroll(Step& st, SoundScreen&, float dy) { scroll_content(st.m, dy); }

void text_input(Step&, SoundScreen&, const TextInput&) {}

}  // namespace unknot::app
