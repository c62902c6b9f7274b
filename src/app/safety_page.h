// The red-flag check before the first session and every four weeks: every question in full with
// Yes and No, scrolling when they do not fit, Continue at the bottom; one yes replaces the
// questions with the advice and only "Back to Home". One screen module (app/screen_frame.h).
#pragma once

#include <vector>

#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"

namespace unknot::app {

struct SafetyQuestionLayout {
  TextBlock text;
  Rect yes, no;  // beside the question on a wide column, under it on a narrow one
};

struct SafetyPageLayout {
  PageFrame page;
  Rect back;  // w == 0 when blocked (the advice offers only "Back to Home")
  TextBlock title, intro;
  std::vector<SafetyQuestionLayout> questions;  // empty when blocked
  Rect advice_card;                             // h == 0 unless blocked
  TextBlock advice;
  Rect confirm;         // Continue, or "Back to Home" when blocked
  float content_h = 0;  // of the scrolling part
};
// Laid out at env's window, text measure and scroll (content moved up by env.scroll).
SafetyPageLayout safety_page_layout(const SafetyScreen& s, const Env& env);

// True when every question has an answer (Continue is enabled).
bool safety_answered(const SafetyScreen& s);

void activate(Step& st, SafetyScreen& s, Control c);
void back(Step& st, SafetyScreen& s);
void scroll(Step& st, SafetyScreen& s, float dy);
void text_input(Step& st, SafetyScreen& s, const TextInput& t);
ScreenFrame frame(const AppModel& m, const SafetyScreen& s, const Env& env);
Control primary(const AppModel& m, const SafetyScreen& s);

}  // namespace unknot::app
