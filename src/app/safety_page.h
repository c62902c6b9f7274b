// The safety check before a session. In full (first use, every four weeks, after a blocked day):
// every question with Yes and No, Continue at the bottom. Brief (every other session): "Since
// last time, any of these?", each item a row to tick, and "None of these" as the one tap that
// goes on. A yes replaces the questions with advice for each thing answered, most urgent first,
// and only "Back to Home"; it holds for the rest of the day. Scrolls when it does not fit.
// One screen module (app/screen_frame.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"
#include "core/safety.h"

namespace unknot::app {

struct SafetyQuestionLayout {
  TextBlock text;
  Rect yes, no;  // beside the question on a wide column, under it on a narrow one
};

// An item of the brief check: the whole row is its target; the box shows whether it is ticked.
struct SafetyItemLayout {
  Rect row, box;
  TextBlock text;
};
// Advice for one thing answered yes, in a card.
struct SafetyAdviceLayout {
  Rect card;
  TextBlock heading, text;
};

struct SafetyPageLayout {
  PageFrame page;
  Rect back;  // w == 0 when blocked (the advice offers only "Back to Home")
  TextBlock title, intro;
  std::vector<SafetyQuestionLayout> questions;  // the full check only
  std::vector<SafetyItemLayout> items;          // the brief check only
  std::vector<SafetyAdviceLayout> advices;      // when blocked, most urgent first
  Rect advice_card;                             // h == 0 unless blocked
  TextBlock advice;
  Rect confirm;         // Continue / None of these, or "Back to Home" when blocked
  float content_h = 0;  // of the scrolling part
};
// Laid out at env's window, text measure and scroll (content moved up by env.scroll).
SafetyPageLayout safety_page_layout(const SafetyScreen& s, const Env& env);

// True when Continue can be pressed: every question answered (full), always (brief).
bool safety_answered(const SafetyScreen& s);
// True when something was answered or ticked yes.
bool safety_any_yes(const SafetyScreen& s);
// The primary button's words: "Continue", "None of these" (brief, nothing ticked) or "Back to
// Home" (blocked).
std::string safety_confirm_label(const SafetyScreen& s);
// The questions answered yes, in order of urgency (emergency first), then question order.
std::vector<const core::RedFlagQuestion*> safety_yes_questions(const SafetyScreen& s);

void activate(Step& st, SafetyScreen& s, Control c);
void back(Step& st, SafetyScreen& s);
void scroll(Step& st, SafetyScreen& s, float dy);
void text_input(Step& st, SafetyScreen& s, const TextInput& t);
ScreenFrame frame(const AppModel& m, const SafetyScreen& s, const Env& env);
Control primary(const AppModel& m, const SafetyScreen& s);

}  // namespace unknot::app
