// The homework builder's routine page (therapist mode): the routine's title, the breathing block
// in, a card per pressure step (opening its page), Add muscle, the breathing block out, the
// schedule and, after Export or Try, what stops the draft; Try it now and Export stay at the
// bottom, New (asked first) at the top. Every text wrapped in full; the page scrolls. One screen
// module (app/screen_frame.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/builder_controls.h"
#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"

namespace unknot::app {

// Labels the layout measures and the ui draws, in the current language.
std::string builder_new_label();
std::string builder_try_label();

// A breathing block's card: its heading, its length (− minutes +) and its pattern (‹ name ›).
struct BuilderBlockLayout {
  Rect card;
  TextBlock heading;
  BuilderStepperLayout minutes;
  BuilderChooserLayout pattern;
};

struct BuilderPageLayout {
  PageFrame page;
  Rect back, new_button;
  TextBlock title, title_label;
  BuilderField title_field;
  TextBlock steps_heading, length;  // "Steps", "About 9 min" (beside it, or under it)
  BuilderBlockLayout settle;
  std::vector<BuilderCardLayout> steps;  // "2. Sternocleidomastoid", its dose: opens the step
  Rect add_muscle;
  BuilderBlockLayout close;
  TextBlock schedule_heading;
  BuilderCardLayout schedule;  // the schedule in words: opens it
  std::vector<TextBlock> problems;
  Rect toast;  // over the foot of the page while a toast shows; h == 0 otherwise
  TextBlock toast_text;
  Rect try_it, export_button;
  DialogBox dialog;     // "Start afresh?"
  float content_h = 0;  // of the scrolling part, at scroll 0
};
// Laid out at env's window, text measure and scroll (content moved up by env.scroll).
BuilderPageLayout builder_page_layout(const AppModel& m, const BuilderScreen& s, const Env& env);
// The routine page for `d`, its title in the title field.
BuilderScreen builder_screen(const HomeworkDraft& d);

void activate(Step& st, BuilderScreen& s, Control c);
void back(Step& st, BuilderScreen& s);
void scroll(Step& st, BuilderScreen& s, float dy);
void text_input(Step& st, BuilderScreen& s, const TextInput& t);
std::optional<FieldRef> text_field(const AppModel& m, const BuilderScreen& s, Control c,
                                   const Env& env);
ScreenFrame frame(const AppModel& m, const BuilderScreen& s, const Env& env);
Control primary(const AppModel& m, const BuilderScreen& s);

}  // namespace unknot::app
