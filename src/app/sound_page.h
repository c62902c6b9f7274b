// Sound: the voice, tone, breath-tone and ambient levels with their mutes (each layer its own),
// the ambient sound, the sound set with a preview of each, and side panning, every label wrapped,
// scrolling when taller than the window. Back returns to where it was opened from (Home or
// Settings). One screen module (app/screen_frame.h).
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

struct SoundSetLayout {
  Rect row;      // the choice (name and description)
  Rect preview;  // plays its in, out and hold
  TextBlock name, description;
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
  // Voice, tones, ambient, breath tone (index order, the SoundGroup of the volume controls);
  // shown voice, tones, breath tone, ambient.
  std::vector<SoundGroupLayout> groups;
  TextBlock guidance_heading;
  std::vector<Rect> guidance;  // voice and tones, tones only, vibration only: in a row, or stacked
  TextBlock ambient_heading;
  std::vector<Rect> ambient_kinds;  // off, brown noise, ocean: in a row, or stacked
  TextBlock sets_heading;
  std::vector<SoundSetLayout> sets;        // index = core::SoundSet
  std::vector<SoundToggleLayout> toggles;  // vibration, pan to the side
  float content_h = 0;                     // of the scrolling part, at scroll 0
};
// The names of the three ambient choices, in ControlKind::Ambient index order.
inline constexpr const char* kAmbientNames[] = {"No ambient", "Brown noise", "Ocean"};
// How a session guides: ControlKind::Guidance index order. The choice shown is the one the
// settings match (none for a mix of one's own).
inline constexpr const char* kGuidanceNames[] = {"Voice and tones", "Tones only", "Vibration only"};
int guidance_of(const core::SoundSettings& s);  // 0, 1, 2, or -1 for none of them
// The volume groups in SoundGroup (control index) order.
inline constexpr const char* kSoundGroupNames[] = {"Voice", "Tones", "Ambient", "Breath tone"};
inline constexpr int kSoundGroupCount = 4;
// The sound sets, in core::SoundSet order: a name and what each sounds like.
inline constexpr const char* kSoundSetNames[] = {"Glass chimes", "Singing bowls", "Soft pads"};
inline constexpr const char* kSoundSetDescriptions[] = {
    "A bright chime rising as you breathe in, a darker one falling as you breathe out, a wood "
    "tick to hold.",
    "A small bowl rising as you breathe in, a deep bowl settling as you breathe out, a finger "
    "cymbal to hold.",
    "Nothing struck: a hum that rises as you breathe in, a lower one that falls as you breathe "
    "out, a soft pulse to hold."};
// A volume group's state, by SoundGroup index (the breath tone is "muted" while off).
bool group_muted(const core::SoundSettings& s, int group);
float group_volume(const core::SoundSettings& s, int group);
// Laid out at env's window, text measure and scroll (content moved up by env.scroll).
SoundPageLayout sound_page_layout(const AppModel& m, const Env& env);

void activate(Step& st, SoundScreen& s, Control c);
void back(Step& st, SoundScreen& s);
void scroll(Step& st, SoundScreen& s, float dy);
void text_input(Step& st, SoundScreen& s, const TextInput& t);
ScreenFrame frame(const AppModel& m, const SoundScreen& s, const Env& env);
Control primary(const AppModel& m, const SoundScreen& s);

}  // namespace unknot::app
