#include "app/sound_page.h"

#include <algorithm>
#include <cmath>

#include "app/screens.h"

namespace unknot::app {
namespace {

const char* const kTitle = core::tr_noop("Sound");  // the page's heading

constexpr float kVolumeStep = 0.1f;

float& volume_ref(core::SoundSettings& s, int group) {
  switch (group) {
    case 0:
      return s.voice_volume;
    case 1:
      return s.tone_volume;
    case 3:
      return s.breath_volume;
    default:
      return s.ambient_volume;
  }
}

// The breath tone's "mute" is its on/off switch: it is off unless chosen.
void set_muted(core::SoundSettings& s, int group, bool muted) {
  switch (group) {
    case 0:
      s.voice_muted = muted;
      break;
    case 1:
      s.tones_muted = muted;
      break;
    case 3:
      s.breath_tone = !muted;
      break;
    default:
      s.ambient_muted = muted;
      break;
  }
}

SoundToggleLayout toggle(Flow& f, Control control, std::string_view label, bool on) {
  SoundToggleLayout t;
  t.control = control;
  t.name = std::string(label);
  t.on = on;
  const float top = f.y;
  t.label = text_block(f.text, label, Font::Body, f.x + 16, top + 12, f.w - 16 - 96);
  const float h = std::max(56.0f, t.label.box.h + 24);
  t.label.box.y = top + (h - t.label.box.h) / 2;
  t.row = f.take(h, 8);
  t.track = {t.row.right() - 16 - 52, t.row.y + h / 2 - 14, 52, 28};
  return t;
}

// Three chips in a row when each name fits its chip, else one under another.
std::vector<Rect> chip_row(Flow& f, const Env& env, const char* const (&names)[3]) {
  std::vector<Rect> out;
  const float kw = (f.w - 16) / 3;
  bool row = true;
  for (const char* name : names)
    row = row && env.text.width(core::tr(name), Font::Caption) + 24 <= kw;
  if (row) {
    const Rect r = f.take(48, 16);
    for (int i = 0; i < 3; ++i)
      out.push_back({r.x + static_cast<float>(i) * (kw + 8), r.y, kw, r.h});
  } else {
    for (int i = 0; i < 3; ++i) out.push_back(f.take(48, i == 2 ? 16 : 8));
  }
  return out;
}

SoundPageLayout lay_out(const AppModel& m, const Env& env, float dy) {
  SoundPageLayout l;
  l.page = page_frame(env.window, false);
  const Rect col = l.page.column;
  l.back = {l.page.top_bar.x - 12, l.page.top_bar.y, 48, 48};
  Flow f{env.text, col.x, col.w, l.page.viewport.y + 8 - dy};
  l.title = f.add(core::tr(kTitle), Font::Title, 16);
  // TRANSLATORS: a heading over the choices "Voice and tones", "Tones only", "Vibration only".
  l.guidance_heading = f.add(core::tr("Guide me with"), Font::BodyStrong, 8);
  l.guidance = chip_row(f, env, kGuidanceNames);
  // The mute button is as wide as the longest of its words, beside − level + when it fits there,
  // else on a line of its own under them.
  float mute_w = 104;
  for (const std::string& word :
       {core::tr("Mute"), core::tr("Unmute"), core::tr("Turn on"), core::tr("Turn off")}) {
    mute_w = std::max(mute_w, button_width(env.text, word));
  }
  mute_w = std::min(mute_w, col.w);
  const float stepper_w = 48 + 72 + 48;
  const bool mute_beside = stepper_w + 8 + mute_w <= col.w;
  l.groups.resize(kSoundGroupCount);
  for (const int i : {0, 1, 3, 2}) {  // voice, tones, breath tone, ambient
    SoundGroupLayout& g = l.groups[static_cast<std::size_t>(i)];
    g.name = f.add(core::tr(kSoundGroupNames[i]), Font::BodyStrong, 4);
    const Rect r = f.take(48, mute_beside ? 16 : 8);
    g.down = {r.x, r.y, 48, 48};
    g.level = {g.down.right(), r.y, 72, 48};
    g.up = {g.level.right(), r.y, 48, 48};
    g.mute = mute_beside ? Rect{r.right() - mute_w, r.y, mute_w, 48}
                         : Rect{r.x, f.take(48, 16).y, mute_w, 48};
  }
  l.ambient_heading = f.add(core::tr("Ambient sound"), Font::BodyStrong, 8);
  l.ambient_kinds = chip_row(f, env, kAmbientNames);
  l.sets_heading = f.add(core::tr("Sounds for the breath"), Font::BodyStrong, 8);
  // Play beside each set's name and words while they keep at least 120 dp, else under them.
  const float play_w =
      std::min(col.w - 48, button_width(env.text, core::trc("button", "Play"), 80));
  const bool play_beside = col.w - play_w - 8 - 16 - 40 >= 120;
  for (int i = 0; i < core::kSoundSetCount; ++i) {
    SoundSetLayout s;
    const float top = f.y;
    const float text_w = play_beside ? col.w - play_w - 8 - 16 - 40  // radio mark at the left
                                     : col.w - 48 - 16;
    s.name = text_block(f.text, core::tr(kSoundSetNames[i]), Font::BodyStrong, col.x + 48, top + 12,
                        text_w);
    s.description = text_block(f.text, core::tr(kSoundSetDescriptions[i]), Font::Caption,
                               col.x + 48, s.name.box.bottom() + 4, text_w);
    const float text_h = s.description.box.bottom() + 12 - top;
    const float h = std::max(64.0f, play_beside ? text_h : text_h + 48 + 8);
    const Rect whole = f.take(h, i + 1 == core::kSoundSetCount ? 16 : 8);
    if (play_beside) {
      s.row = {whole.x, whole.y, whole.w - play_w - 8, h};
      s.preview = {whole.right() - play_w, whole.y + (h - 48) / 2, play_w, 48};
    } else {
      s.row = {whole.x, whole.y, whole.w, text_h};
      s.preview = {whole.x + 48, whole.y + text_h, play_w, 48};
    }
    l.sets.push_back(s);
  }
  l.toggles.push_back(toggle(f, {ControlKind::Vibration, 0},
                             core::tr("Vibrate with each cue (phones and controllers)"),
                             m.sound.vibration));
  // TRANSLATORS: a switch: the sound comes from the left or the right, the side of the body
  // being worked on.
  const std::string pan = core::tr("Pan to the side worked");
  l.toggles.push_back(toggle(f, {ControlKind::PanSides, 0}, pan, m.sound.pan_sides));
  l.content_h = f.y + 16 + dy - l.page.viewport.y;
  return l;
}

}  // namespace

int guidance_of(const core::SoundSettings& s) {
  if (s.voice_muted && s.tones_muted && !s.breath_tone && s.ambient_gain() == 0.0f && s.vibration) {
    return 2;
  }
  if (s.voice_muted && !s.tones_muted) return 1;
  if (!s.voice_muted && !s.tones_muted) return 0;
  return -1;
}

bool group_muted(const core::SoundSettings& s, int group) {
  switch (group) {
    case 0:
      return s.voice_muted;
    case 1:
      return s.tones_muted;
    case 3:
      return !s.breath_tone;
    default:
      return s.ambient_muted;
  }
}

float group_volume(const core::SoundSettings& s, int group) {
  core::SoundSettings copy = s;
  return volume_ref(copy, group);
}

SoundPageLayout sound_page_layout(const AppModel& m, const Env& env) {
  SoundPageLayout l = lay_out(m, env, 0);
  const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.page.viewport.h));
  return dy > 0 ? lay_out(m, env, dy) : l;
}

ScreenFrame frame(const AppModel& m, const SoundScreen&, const Env& env) {
  const auto l = sound_page_layout(m, env);
  ScreenFrame f;
  f.title = core::tr(kTitle);
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  add_target(f, {ControlKind::Back, 0}, l.back, core::trc("button", "Back"));
  for (const int i : {0, 1, 3, 2}) {
    const auto& g = l.groups[static_cast<std::size_t>(i)];
    const std::string name = core::tr(kSoundGroupNames[i]);
    // TRANSLATORS: a screen reader's name for a sound layer's − ({name} is "Voice", "Tones",
    // "Ambient" or "Breath tone").
    const std::string quieter = core::tr("{name} quieter");
    // TRANSLATORS: a screen reader's name for a sound layer's + ({name} as above).
    const std::string louder = core::tr("{name} louder");
    // TRANSLATORS: a screen reader's name for a sound layer's mute switch ({name} as above).
    const std::string mute = core::tr("{name} mute");
    add_scrolling(f, {ControlKind::VolumeDown, i}, g.down, core::fill(quieter, {{"name", name}}),
                  Role::Stepper);
    add_scrolling(f, {ControlKind::VolumeUp, i}, g.up, core::fill(louder, {{"name", name}}),
                  Role::Stepper);
    add_scrolling(f, {ControlKind::Mute, i}, g.mute, core::fill(mute, {{"name", name}}),
                  Role::Toggle);
    const core::SoundSettings& s = m.sound;
    set_checked(f, i == 0   ? s.voice_muted
                   : i == 1 ? s.tones_muted
                   : i == 2 ? s.ambient_muted
                            : !s.breath_tone);
  }
  for (int i = 0; i < 3; ++i) {
    add_scrolling(f, {ControlKind::Ambient, i}, l.ambient_kinds[static_cast<std::size_t>(i)],
                  core::tr(kAmbientNames[i]), Role::Option);
    set_checked(f, static_cast<int>(m.sound.ambient) == i);
  }
  for (int i = 0; i < 3; ++i) {
    add_scrolling(f, {ControlKind::Guidance, i}, l.guidance[static_cast<std::size_t>(i)],
                  core::tr(kGuidanceNames[i]), Role::Option);
    set_checked(f, guidance_of(m.sound) == i);
  }
  for (int i = 0; i < core::kSoundSetCount; ++i) {
    const auto& set = l.sets[static_cast<std::size_t>(i)];
    add_scrolling(f, {ControlKind::SoundSet, i}, set.row, core::tr(kSoundSetNames[i]),
                  Role::Option);
    set_checked(f, static_cast<int>(m.sound.sound_set) == i);
    add_scrolling(f, {ControlKind::PreviewSound, i}, set.preview,
                  // TRANSLATORS: a screen reader's name for a sound set's preview button.
                  core::fill(core::tr("Play {name}"), {{"name", core::tr(kSoundSetNames[i])}}),
                  Role::Button);
  }
  for (const auto& t : l.toggles) {
    add_scrolling(f, t.control, t.row, t.name, Role::Toggle);
    set_checked(f, t.on);
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
      set_muted(m.sound, c.index, false);
      break;
    }
    case ControlKind::Mute:
      set_muted(m.sound, c.index, !group_muted(m.sound, c.index));
      break;
    case ControlKind::SoundSet:
      m.sound.sound_set =
          static_cast<core::SoundSet>(std::clamp(c.index, 0, core::kSoundSetCount - 1));
      st.fx.push_back(PreviewSound{m.sound.sound_set});
      break;
    case ControlKind::PreviewSound:
      st.fx.push_back(PreviewSound{
          static_cast<core::SoundSet>(std::clamp(c.index, 0, core::kSoundSetCount - 1))});
      return;
    case ControlKind::Ambient:
      m.sound.ambient = static_cast<core::AmbientKind>(std::clamp(c.index, 0, 2));
      if (m.sound.ambient != core::AmbientKind::Off) m.sound.ambient_muted = false;
      break;
    case ControlKind::Guidance:
      // Presets of the layers: words and tones; tones alone; or nothing heard, every cue felt.
      m.sound.voice_muted = c.index != 0;
      m.sound.tones_muted = c.index == 2;
      if (c.index == 2) {
        m.sound.breath_tone = false;
        m.sound.ambient_muted = true;
        m.sound.vibration = true;
      }
      break;
    case ControlKind::Vibration:
      m.sound.vibration = !m.sound.vibration;
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
