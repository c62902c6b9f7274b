// A breathing pattern's page: its name, timing, what it is for, who it suits, how to do it, its
// cautions and source, then the length (minutes or breaths) and its note, every word wrapped,
// scrolling when taller than the window; Start stays at the bottom. One screen module.
#pragma once

#include <vector>

#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"

namespace unknot::app {

struct PatternPageLayout {
  PageFrame page;
  Rect back, edit;  // edit: w == 0 unless the pattern is one of the person's own
  TextBlock name, timing, summary, suits;
  std::vector<TextBlock> cues, cautions;
  TextBlock source;
  Rect unit_minutes, unit_breaths, length_down, length_value, length_up;
  TextBlock length_note;
  Rect start;
  float content_h = 0;  // of the scrolling part, at scroll 0
};
// Laid out at env's window, text measure and scroll (content moved up by env.scroll).
PatternPageLayout pattern_page_layout(const AppModel& m, const PatternScreen& s, const Env& env);

// Whole breaths offered for the page's length, within the pattern's limits.
int planned_breaths(const AppModel& m, const PatternScreen& s);
// The length a pattern's page starts with: its breath limit, or its suggested minutes.
core::BreathingLength default_length(const core::BreathPattern& p);
// Opens the pattern's page at its default length (and asks when it was first used).
void open_pattern(Step& st, const core::BreathPattern& p);

void activate(Step& st, PatternScreen& s, Control c);
void back(Step& st, PatternScreen& s);
void scroll(Step& st, PatternScreen& s, float dy);
void text_input(Step& st, PatternScreen& s, const TextInput& t);
ScreenFrame frame(const AppModel& m, const PatternScreen& s, const Env& env);
Control primary(const AppModel& m, const PatternScreen& s);

}  // namespace unknot::app
