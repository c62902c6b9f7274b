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
#include "core/translate.h"

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
  std::string name;  // the whole label, for a screen reader
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
// The English names (core::tr them where shown) of the three ambient choices, in
// ControlKind::Ambient index order.
inline constexpr const char* kAmbientNames[] = {
    // TRANSLATORS: a choice of ambient sound: none; keep it short (a chip a third of a phone wide).
    core::tr_noop("No ambient"),
    // TRANSLATORS: a soft, low rushing noise; keep it short.
    core::tr_noop("Brown noise"), core::tr_noop("Ocean")};
// How a session guides (English: core::tr them where shown): ControlKind::Guidance index order.
// The choice shown is the one the settings match (none for a mix of one's own).
inline constexpr const char* kGuidanceNames[] = {
    // TRANSLATORS: choices of how a session guides; keep each short (a chip a third of a phone
    // wide).
    core::tr_noop("Voice and tones"), core::tr_noop("Tones only"), core::tr_noop("Vibration only")};
int guidance_of(const core::SoundSettings& s);  // 0, 1, 2, or -1 for none of them
// The volume groups in SoundGroup (control index) order (English: core::tr them where shown).
inline constexpr const char* kSoundGroupNames[] = {
    // TRANSLATORS: the sound layers with a volume each: the spoken cues, the tones, the ambient
    // sound and a tone that follows the breath.
    core::tr_noop("Voice"), core::tr_noop("Tones"), core::tr_noop("Ambient"),
    core::tr_noop("Breath tone")};
inline constexpr int kSoundGroupCount = 4;
// The sound sets, in core::SoundSet order: a name and what each sounds like (English: core::tr
// them where shown).
inline constexpr const char* kSoundSetNames[] = {
    // TRANSLATORS: the names of three sets of sounds that mark the breath.
    core::tr_noop("Glass chimes"), core::tr_noop("Singing bowls"), core::tr_noop("Soft pads")};
inline constexpr const char* kSoundSetDescriptions[] = {
    core::tr_noop("A bright chime rising as you breathe in, a darker one falling as you breathe "
                  "out, a wood tick to hold."),
    core::tr_noop("A small bowl rising as you breathe in, a deep bowl settling as you breathe "
                  "out, a finger cymbal to hold."),
    core::tr_noop("Nothing struck: a hum that rises as you breathe in, a lower one that falls as "
                  "you breathe out, a soft pulse to hold.")};
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
