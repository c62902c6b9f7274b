// "After your last session" (domain.md §2.2): before the first session on a later day, each
// muscle pressed last time is a row with Sore and Bruised to mark; unmarked means it felt fine,
// so "No soreness or bruising" is the one tap most days need. Marked muscles are worked lighter
// from then on, and the page says so before going on to the pain rating. Scrolls when it does
// not fit. One screen module (app/screen_frame.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"

namespace unknot::app {

// A muscle asked about: its name, then Sore and Bruised beside it on a wide column, under it
// on a narrow one.
struct DoseRowLayout {
  Rect card;
  TextBlock name;
  Rect sore, bruised;
};
// After answering: a card per muscle made lighter.
struct DoseChangeLayout {
  Rect card;
  TextBlock heading, text;
};

struct DosePageLayout {
  PageFrame page;
  Rect back;  // w == 0 while showing the changes (the answer is saved; only Continue)
  TextBlock title, intro;
  std::vector<DoseRowLayout> rows;        // the question
  std::vector<DoseChangeLayout> changes;  // after answering
  TextBlock advice;                       // after answering, under the cards
  Rect confirm;
  float content_h = 0;  // of the scrolling part
};
// Laid out at env's window, text measure and scroll (content moved up by env.scroll).
DosePageLayout dose_page_layout(const AppModel& m, const DoseScreen& s, const Env& env);

// The question for the session `due` names, before `routine`.
DoseScreen dose_screen(const core::DoseDue& due, int routine);
// "No soreness or bruising" while nothing is marked, else "Continue".
std::string dose_confirm_label(const DoseScreen& s);
// The muscle's name in the library ("Upper trapezius"), or its id made readable.
std::string muscle_display_name(const AppModel& m, std::string_view id);

void activate(Step& st, DoseScreen& s, Control c);
void back(Step& st, DoseScreen& s);
void scroll(Step& st, DoseScreen& s, float dy);
void text_input(Step& st, DoseScreen& s, const TextInput& t);
ScreenFrame frame(const AppModel& m, const DoseScreen& s, const Env& env);
Control primary(const AppModel& m, const DoseScreen& s);

}  // namespace unknot::app
