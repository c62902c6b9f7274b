// The homework builder's muscle picker: every muscle of the library by region (those kept for
// supervised use too, marked), each a card with its default dose; a tap adds it as a step and
// returns to the routine page. Every text wrapped in full; the page scrolls. One screen module
// (app/screen_frame.h).
#pragma once

#include <vector>

#include "app/builder_controls.h"
#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"

namespace unknot::app {

struct BuilderPickRowLayout {
  TextBlock heading;       // the region, on the first row of each (empty otherwise)
  BuilderCardLayout card;  // the muscle's name and default dose; a plus in its accessory
};

struct BuilderPickPageLayout {
  PageFrame page;
  Rect back;
  TextBlock title, intro;
  std::vector<BuilderPickRowLayout> rows;  // as builder_pick_rows(m)
  float content_h = 0;                     // of the scrolling part, at scroll 0
};
// Laid out at env's window, text measure and scroll (content moved up by env.scroll).
BuilderPickPageLayout builder_pick_page_layout(const AppModel& m, const Env& env);

void activate(Step& st, BuilderPickScreen& s, Control c);
void back(Step& st, BuilderPickScreen& s);
void scroll(Step& st, BuilderPickScreen& s, float dy);
void text_input(Step& st, BuilderPickScreen& s, const TextInput& t);
ScreenFrame frame(const AppModel& m, const BuilderPickScreen& s, const Env& env);
Control primary(const AppModel& m, const BuilderPickScreen& s);

}  // namespace unknot::app
