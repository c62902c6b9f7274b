// One History entry opened: its title, date, time done and status, the two ratings with
// steppers, the note (the whole note, the field growing with it), Delete (asked first) and Save;
// the details scroll between the top bar and Save. One screen module (app/screen_frame.h).
#pragma once

#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"

namespace unknot::app {

struct EntryStepperLayout {
  TextBlock label;  // "Pain before"
  Rect down, value, up;
};

// "Delete session?": a centred box measured around its text, over a dimmed screen.
struct EntryDialogLayout {
  Rect box;
  TextBlock title, body;
  Rect cancel, confirm;
};

struct EntryLayout {
  PageFrame page;
  Rect back, remove, save;
  TextBlock title, meta, status;
  EntryStepperLayout before, after;
  TextBlock note_label;
  Rect note_field;
  TextBlock note;         // the note as typed, wrapped in full
  TextBlock placeholder;  // shown in the empty field
  EntryDialogLayout dialog;
  float content_h = 0;
};
EntryLayout entry_layout(const AppModel& m, const EntryScreen& s, const Env& env);

void activate(Step& st, EntryScreen& s, Control c);
void back(Step& st, EntryScreen& s);
void scroll(Step& st, EntryScreen& s, float dy);
void text_input(Step& st, EntryScreen& s, const TextInput& t);
ScreenFrame frame(const AppModel& m, const EntryScreen& s, const Env& env);
Control primary(const AppModel& m, const EntryScreen& s);

}  // namespace unknot::app
