// Sound: the voice, tone and ambient levels with their mutes, the ambient sound, the breath tone
// and side panning, every label wrapped, scrolling when taller than the window. Back returns to
// where it was opened from (Home or Settings). One screen module (app/screen_frame.h).
#pragma once

#include <string>
#include <vector>

#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"

namespace unknot::app {

struct SoundGroupLayout {
  TextBlock name;
  Rect down, level, up, mute;
};

struct SoundToggleLayout {
  Control control;
  Rect row;
  TextBlock label;
  Rect track;
  bool on = false;
};

struct SoundPageLayout {
  PageFrame page;
  Rect back;
  TextBlock title;
  std::vector<SoundGroupLayout> groups;  // voice, tones, ambient
  TextBlock ambient_heading;
  std::vector<Rect> ambient_kinds;         // off, brown noise, ocean: in a row, or stacked
  std::vector<SoundToggleLayout> toggles;  // breath tone, pan to the side
  float content_h = 0;                     // of the scrolling part, at scroll 0
};
// The names of the three ambient choices, in ControlKind::Ambient index order.
inline constexpr const char* kAmbientNames[] = {"No ambient", "Brown noise", "Ocean"};
// Laid out at env's window, text measure and scroll (content moved up by env.scroll).
SoundPageLayout sound_page_layout(const AppModel& m, const Env& env);

void activate(Step& st, SoundScreen& s, Control c);
void back(Step& st, SoundScreen& s);
void scroll(Step& st, SoundScreen& s, float dy);
void text_input(Step& st, SoundScreen& s, const TextInput& t);
ScreenFrame frame(const AppModel& m, const SoundScreen& s, const Env& env);
Control primary(const AppModel& m, const SoundScreen& s);

}  // namespace unknot::app
