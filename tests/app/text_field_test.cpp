// Text fields through update(): a pattern's name and an entry's note take key edits, the
// clipboard and the IME as actions and ask for what the shell must do as effects; the caret
// blinks for a while after it moves. (Presses at a point, with the real font: ui/text_fields_test.)
#include "app/text_field.h"

#include <doctest/doctest.h>

#include "app/app_builders.h"
#include "app/editor_page.h"
#include "app/entry_page.h"
#include "app/progress_flow.h"
#include "app/screens.h"

namespace unknot::test {
namespace {

using app::ControlKind;
using app::EditKey;
using app::FieldKeyed;
using namespace std::chrono_literals;

Driver editor() {
  Driver d;
  d.press(ControlKind::JustBreathe).press(ControlKind::NewPattern);
  REQUIRE(std::holds_alternative<app::EditorScreen>(d.model.screen));
  return d;
}
const app::TextEdit& name_of(const Driver& d) {
  return std::get<app::EditorScreen>(d.model.screen).name;
}

Driver entry(std::string note) {
  Driver d;
  d.model = entry_with_note(d.model, std::move(note));
  REQUIRE(std::holds_alternative<app::EntryScreen>(d.model.screen));
  return d;
}
const app::TextEdit& note_of(const Driver& d) {
  return std::get<app::EntryScreen>(d.model.screen).note;
}

Driver& key(Driver& d, EditKey k, bool shift = false) { return d(FieldKeyed{{k, shift}}); }

app::Tick at_ui(core::Instant ui_now) { return app::Tick{{}, {}, ui_now}; }

}  // namespace

TEST_CASE(
    "a new pattern opens on its name with the prefilled name selected, so typing replaces it") {
  Driver d = editor();
  CHECK(app::editing_text(d.model));
  CHECK(name_of(d).selected_text() == "My pattern");
  d(app::TextTyped{"Evening"});
  CHECK(name_of(d).text() == "Evening");
  CHECK(std::get<app::EditorScreen>(d.model.screen).draft.name == "Evening");
}

TEST_CASE("Shift with the arrows selects, and an arrow without Shift collapses the selection") {
  Driver d = editor();
  key(d, EditKey::End);
  CHECK_FALSE(name_of(d).has_selection());
  key(d, EditKey::Left, true);
  key(d, EditKey::Left, true);
  CHECK(name_of(d).selected_text() == "rn");
  key(d, EditKey::WordLeft, true);
  CHECK(name_of(d).selected_text() == "pattern");
  key(d, EditKey::Left);
  CHECK_FALSE(name_of(d).has_selection());
  CHECK(name_of(d).caret() == 3);
}

TEST_CASE("Ctrl+A selects the whole name and Copy puts it on the clipboard without changing it") {
  Driver d = editor();
  key(d, EditKey::Home);
  key(d, EditKey::SelectAll);
  CHECK(name_of(d).selected_text() == "My pattern");
  key(d, EditKey::Copy);
  const auto copied = d.all<app::WriteClipboard>();
  REQUIRE(copied.size() == 1);
  CHECK(copied[0].text == "My pattern");
  CHECK(name_of(d).text() == "My pattern");
}

TEST_CASE("Copy with nothing selected leaves the clipboard alone") {
  Driver d = editor();
  key(d, EditKey::End);
  key(d, EditKey::Copy);
  CHECK(d.all<app::WriteClipboard>().empty());
}

TEST_CASE("Cut puts the selection on the clipboard and takes it out of the name") {
  Driver d = editor();
  key(d, EditKey::End);
  key(d, EditKey::WordLeft, true);
  key(d, EditKey::Cut);
  REQUIRE(d.all<app::WriteClipboard>().size() == 1);
  CHECK(d.all<app::WriteClipboard>()[0].text == "pattern");
  CHECK(std::get<app::EditorScreen>(d.model.screen).draft.name == "My ");
}

TEST_CASE("Paste asks the shell for the clipboard and inserts the text it delivers at the caret") {
  Driver d = editor();
  key(d, EditKey::Home);
  key(d, EditKey::Paste);
  CHECK(d.all<app::ReadClipboard>().size() == 1);
  CHECK(name_of(d).text() == "My pattern");  // nothing until the text arrives
  d(app::ClipboardRead{"Calm\n"});
  CHECK(name_of(d).text() == "Calm My pattern");  // one line: the line break became a space
  CHECK(name_of(d).caret() == 5);
  CHECK(std::get<app::EditorScreen>(d.model.screen).draft.name == "Calm My pattern");
}

TEST_CASE("Enter in the name field saves the pattern") {
  Driver d = editor();
  d(app::TextTyped{"Slow 5"});
  key(d, EditKey::Enter);
  const auto saves = d.all<app::SavePattern>();
  REQUIRE(saves.size() == 1);
  CHECK(saves[0].draft.name == "Slow 5");
}

TEST_CASE("Enter adds a line to an entry's note and Ctrl+Enter saves the entry") {
  Driver d = entry("Tight");
  d.press(ControlKind::NoteField);
  key(d, EditKey::End);
  key(d, EditKey::Enter);
  d(app::TextTyped{"Easier after"});
  CHECK(note_of(d).text() == "Tight\nEasier after");
  CHECK(d.all<app::UpdateEntry>().empty());
  key(d, EditKey::CtrlEnter);
  const auto saved = d.all<app::UpdateEntry>();
  REQUIRE(saved.size() == 1);
  CHECK(saved[0].note == "Tight\nEasier after");
  CHECK(std::holds_alternative<app::HistoryScreen>(d.model.screen));
}

TEST_CASE("Tab into the note selects what it holds, and a tap on it only gives it focus") {
  Driver tab = entry("Old note");
  for (int i = 0; i < 12 && !app::editing_text(tab.model); ++i) tab(app::FocusMoved{1});
  REQUIRE(app::editing_text(tab.model));
  CHECK(note_of(tab).selected_text() == "Old note");
  tab(app::TextTyped{"New"});
  CHECK(note_of(tab).text() == "New");

  Driver tap = entry("Old note");
  tap.press(ControlKind::NoteField);
  CHECK(app::editing_text(tap.model));
  CHECK_FALSE(note_of(tap).has_selection());
}

TEST_CASE("Up, Down, Home and End in the note follow the drawn lines") {
  Driver d = entry("one\ntwo");
  d.press(ControlKind::NoteField);
  key(d, EditKey::End);
  REQUIRE(note_of(d).caret() == 7);
  key(d, EditKey::Up);
  CHECK(note_of(d).caret() == 3);
  key(d, EditKey::Up);
  CHECK(note_of(d).caret() == 0);  // from the first line, the start
  key(d, EditKey::Down, true);
  CHECK(note_of(d).selected_text() == "one\n");

  // A paragraph that wraps: Down from its start lands on its second drawn line.
  std::string words;
  while (words.size() < 200) words += "breathe out slowly ";
  Driver w = entry(words);
  w.press(ControlKind::NoteField);
  key(w, EditKey::SelectAll);
  key(w, EditKey::Left);  // to the start
  REQUIRE(note_of(w).caret() == 0);
  const auto field = app::focused_field(w.model);
  REQUIRE(field.has_value());
  const app::FieldLayout l =
      app::field_layout(*field->edit, field->place, app::measure_of(w.model));
  REQUIRE(l.lines.size() > 2);
  key(w, EditKey::Down);
  CHECK(note_of(w).caret() == l.lines[1].begin);
  // Home and End keep to the drawn line too: End stops before the space the line wraps at.
  key(w, EditKey::End);
  CHECK(note_of(w).caret() == l.lines[1].end - 1);
  CHECK(note_of(w).text()[l.lines[1].end - 1] == ' ');
  key(w, EditKey::Home, true);
  CHECK(note_of(w).caret() == l.lines[1].begin);
  CHECK(note_of(w).selection_end() == l.lines[1].end - 1);
}

TEST_CASE("the IME's composition shows underlined in place of the selection until it commits") {
  Driver d = editor();
  d(app::FieldComposed{"ka", 2});
  CHECK(name_of(d).composing());
  CHECK(name_of(d).text() == "My pattern");  // the text itself waits for the commit
  const auto field = app::focused_field(d.model);
  REQUIRE(field.has_value());
  const app::FieldLayout l =
      app::field_layout(*field->edit, field->place, app::measure_of(d.model));
  CHECK(l.text == "ka");
  REQUIRE(l.underline.size() == 1);
  CHECK(l.underline[0].w > 0);
  CHECK(l.selection.empty());
  key(d, EditKey::Left);  // the IME has the keys while it composes
  CHECK(name_of(d).composition() == "ka");
  d(app::TextTyped{"か"});
  CHECK_FALSE(name_of(d).composing());
  CHECK(name_of(d).text() == "か");
}

TEST_CASE("the IME is told where the caret is whenever it moves, and only then") {
  Driver d = editor();
  const auto first = d.all<app::PlaceTextInput>();
  REQUIRE(first.size() == 1);  // on opening, at the selected name's end
  const auto field = app::focused_field(d.model);
  REQUIRE(field.has_value());
  CHECK(first[0].caret.x > field->place.box.x);
  CHECK(first[0].caret.right() < field->place.box.right());
  CHECK(first[0].caret.y > field->place.box.y);
  CHECK(first[0].caret.bottom() < field->place.box.bottom());
  key(d, EditKey::Home);
  REQUIRE(d.all<app::PlaceTextInput>().size() == 2);
  CHECK(d.all<app::PlaceTextInput>()[1].caret.x < first[0].caret.x);
  key(d, EditKey::Home);
  d(at_ui(core::Instant{1s}));
  CHECK(d.all<app::PlaceTextInput>().size() == 2);
}

TEST_CASE("the caret blinks after it moves, then stays on so an idle app stops redrawing") {
  Driver d = editor();
  const core::Instant t0{100s};
  d(at_ui(t0));
  key(d, EditKey::End);
  CHECK(app::caret_visible(d.model, t0));
  CHECK(app::caret_changes_in(d.model, t0 + 100ms) == app::kCaretBlink - 100ms);
  CHECK_FALSE(app::caret_visible(d.model, t0 + app::kCaretBlink));
  CHECK(app::caret_visible(d.model, t0 + 2 * app::kCaretBlink));
  CHECK(app::caret_visible(d.model, t0 + app::kCaretBlinkFor));
  CHECK_FALSE(app::caret_changes_in(d.model, t0 + app::kCaretBlinkFor).has_value());
  // Typing starts it again, shown.
  d(at_ui(t0 + 30s))(app::TextTyped{"x"});
  CHECK(app::caret_changes_in(d.model, t0 + 30s) == app::kCaretBlink);
  // With no field focused there is no caret and nothing to wake for.
  d(app::FocusMoved{1});
  REQUIRE_FALSE(app::editing_text(d.model));
  CHECK_FALSE(app::caret_visible(d.model, t0 + 30s));
  CHECK_FALSE(app::caret_changes_in(d.model, t0 + 30s).has_value());
}

}  // namespace unknot::test
