// A routine's sources, in full (domain.md §7): the routine's name, then every source wrapped to
// as many lines as it needs, scrolling. One screen module (app/screen_frame.h).
#pragma once

#include <vector>

#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"

namespace unknot::app {

struct SourcesPageLayout {
  PageFrame page;
  Rect back;
  TextBlock title, subtitle;
  std::vector<TextBlock> sources;
  float content_h = 0;  // of the scrolling part
};
// Laid out at env's window, text measure and scroll (content moved up by env.scroll).
SourcesPageLayout sources_page_layout(const AppModel& m, const SourcesScreen& s, const Env& env);

void activate(Step& st, SourcesScreen& s, Control c);
void back(Step& st, SourcesScreen& s);
void scroll(Step& st, SourcesScreen& s, float dy);
void text_input(Step& st, SourcesScreen& s, const TextInput& t);
ScreenFrame frame(const AppModel& m, const SourcesScreen& s, const Env& env);
Control primary(const AppModel& m, const SourcesScreen& s);

}  // namespace unknot::app
