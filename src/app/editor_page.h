// The pattern editor: a name, phases or a rate, what they make and any problems, each wrapped in
// full and scrolling when taller than the window; Save stays at the bottom, Delete (a saved
// pattern's) asks first. One screen module (app/screen_frame.h).
#pragma once

#include <string>
#include <vector>

#include "app/layout.h"
#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"
#include "app/text_field.h"

namespace unknot::app {

struct EditorStepperLayout {
  int index = 0;  // PhaseDown / PhaseUp index: 0-3 the phases, 4 the rate, 5 the in-breath share
  TextBlock label;
  std::string value;
  Rect down, value_box, up;
};

struct EditorPageLayout {
  PageFrame page;
  Rect back, remove;  // remove: w == 0 for a pattern not saved yet
  TextBlock title, name_label;
  Rect name_field, by_phases, by_rate;
  std::vector<EditorStepperLayout> rows;  // the four phases, or the rate and the share
  TextBlock summary;
  std::vector<TextBlock> problems;
  Rect save;
  DialogBox dialog;     // "Delete this pattern?"
  float content_h = 0;  // of the scrolling part, at scroll 0
};
// Laid out at env's window, text measure and scroll (content moved up by env.scroll).
EditorPageLayout editor_page_layout(const EditorScreen& e, const Env& env);
// The editor for `draft`, its name in the name field; a saved pattern keeps its id.
EditorScreen editor_screen(core::PatternDraft draft, std::optional<std::int64_t> saved_id = {});
// The name field's place in the layout.
FieldPlace editor_name_place(const EditorPageLayout& l);

void activate(Step& st, EditorScreen& s, Control c);
void back(Step& st, EditorScreen& s);
void scroll(Step& st, EditorScreen& s, float dy);
void text_input(Step& st, EditorScreen& s, const TextInput& t);
std::optional<FieldRef> text_field(const AppModel& m, const EditorScreen& s, Control c,
                                   const Env& env);
ScreenFrame frame(const AppModel& m, const EditorScreen& s, const Env& env);
Control primary(const AppModel& m, const EditorScreen& s);

}  // namespace unknot::app
