// One muscle's details: where to find it, where its pain may spread, tool and posture, hold and
// pressure, cautions and sources, each in full, under a front and a back figure; the whole page
// scrolls. Back returns to the body map as it was. One screen module (app/screen_frame.h).
#pragma once

#include <vector>

#include "app/body_map_page.h"
#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"

namespace unknot::app {

struct MusclePageLayout {
  PageFrame page;
  Rect back;
  TextBlock title;
  Rect front_figure, back_figure;     // h == 0 without a map
  TextBlock front_label, back_label;  // "Front", "Back" under them
  std::vector<FigureLegendItem> legend;
  std::vector<TextBlock> blocks;  // headings (Font::Heading), paragraphs (Body), sources (Caption)
  float content_h = 0;
};
// Laid out at env's window, text measure and scroll (content moved up by env.scroll).
MusclePageLayout muscle_page_layout(const AppModel& m, const MuscleScreen& s, const Env& env);

void activate(Step& st, MuscleScreen& s, Control c);
void back(Step& st, MuscleScreen& s);
void scroll(Step& st, MuscleScreen& s, float dy);
void text_input(Step& st, MuscleScreen& s, const TextInput& t);
ScreenFrame frame(const AppModel& m, const MuscleScreen& s, const Env& env);
Control primary(const AppModel& m, const MuscleScreen& s);

}  // namespace unknot::app
