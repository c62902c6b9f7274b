// One History entry opened: its title, date, time done and status, the two ratings with
// steppers, the note (the whole note, the field growing with it; Enter adds a line, Ctrl+Enter
// saves), Delete (asked first) and Save;
// the details scroll between the top bar and Save. One screen module (app/screen_frame.h).
#pragma once

#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"
#include "app/text_field.h"

namespace unknot::app {

struct EntryStepperLayout {
  TextBlock label;  // "Pain before"
  Rect down, value, up;
};

struct EntryLayout {
  PageFrame page;
  Rect back, remove, save;
  TextBlock title, meta, status;
  EntryStepperLayout before, after;
  TextBlock note_label;
  Rect note_field;        // grows with the note (text_field.h: field_height)
  TextBlock placeholder;  // shown in the empty field
  DialogBox dialog;       // "Delete session?"
  float content_h = 0;
};
EntryLayout entry_layout(const AppModel& m, const EntryScreen& s, const Env& env);
// The entry opened for editing: its ratings, and its note in a multi-line field.
EntryScreen entry_screen(const HistoryEntry& entry);
// The note field's place in the layout.
FieldPlace entry_note_place(const EntryLayout& l);

void activate(Step& st, EntryScreen& s, Control c);
void back(Step& st, EntryScreen& s);
void scroll(Step& st, EntryScreen& s, float dy);
void text_input(Step& st, EntryScreen& s, const TextInput& t);
std::optional<FieldRef> text_field(const AppModel& m, const EntryScreen& s, Control c,
                                   const Env& env);
ScreenFrame frame(const AppModel& m, const EntryScreen& s, const Env& env);
Control primary(const AppModel& m, const EntryScreen& s);

}  // namespace unknot::app
