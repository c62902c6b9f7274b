// Text-field editing: typing, erasing, caret moves, selection, clipboard, IME composition and
// Enter, on UTF-8 text (é is 2 bytes, 😀 is 4).
#include "app/text_edit.h"

#include <doctest/doctest.h>

#include <string>

#include "app/text_util.h"

namespace unknot::test {
namespace {

using app::EditKey;
using app::KeyEdit;
using app::TextEdit;

TextEdit at(std::string_view text, std::size_t caret, bool multi_line = false) {
  TextEdit e(text, app::kNoTextLimit, multi_line);
  e.move_to(caret, false);
  return e;
}

TextEdit selecting(std::string_view text, std::size_t anchor, std::size_t caret,
                   bool multi_line = false) {
  TextEdit e = at(text, anchor, multi_line);
  e.move_to(caret, true);
  return e;
}

app::EditResult press(TextEdit& e, EditKey key, bool shift = false) {
  return app::apply(e, KeyEdit{key, shift});
}

}  // namespace

TEST_CASE("a new field holds its text with the caret at the end and nothing selected") {
  const TextEdit e("Neck é");
  CHECK(e.text() == "Neck é");
  CHECK(e.caret() == 7);
  CHECK(e.anchor() == 7);
  CHECK_FALSE(e.has_selection());
  CHECK_FALSE(e.multi_line());
}

TEST_CASE("a prefilled value longer than the limit is cut to whole code points") {
  const TextEdit e("aé😀b", 3);
  CHECK(e.text() == "aé😀");
  CHECK(e.caret() == 7);
}

TEST_CASE("a single-line field flattens a prefilled value's line breaks") {
  CHECK(TextEdit("one\r\ntwo\tthree").text() == "one two three");
  CHECK(TextEdit("one\r\ntwo", app::kNoTextLimit, true).text() == "one\ntwo");
}

TEST_CASE("typing inserts at the caret and moves the caret past the text") {
  TextEdit e = at("ac", 1);
  CHECK(e.insert("b"));
  CHECK(e.text() == "abc");
  CHECK(e.caret() == 2);
  CHECK(e.insert("é😀"));
  CHECK(e.text() == "abé😀c");
  CHECK(e.caret() == 8);
}

TEST_CASE("typing replaces the selection") {
  TextEdit e = selecting("hello world", 6, 11);
  CHECK(e.insert("there"));
  CHECK(e.text() == "hello there");
  CHECK(e.caret() == 11);
  CHECK_FALSE(e.has_selection());
}

TEST_CASE("a backwards selection is replaced the same way") {
  TextEdit e = selecting("abcdef", 4, 1);
  CHECK(e.selection_begin() == 1);
  CHECK(e.selection_end() == 4);
  CHECK(e.selected_text() == "bcd");
  e.insert("X");
  CHECK(e.text() == "aXef");
  CHECK(e.caret() == 2);
}

TEST_CASE("a single-line field turns pasted line breaks and tabs into spaces and drops CR") {
  TextEdit e;
  e.insert("a\r\nb\nc\td\re");
  CHECK(e.text() == "a b c de");
}

TEST_CASE("a multi-line field keeps line breaks, drops CR and turns tabs into spaces") {
  TextEdit e("", app::kNoTextLimit, true);
  e.insert("a\r\nb\tc");
  CHECK(e.text() == "a\nb c");
}

TEST_CASE("control characters are dropped and invalid UTF-8 becomes a replacement character") {
  TextEdit e;
  e.insert(
      std::string("a\x01"
                  "b\x7F"
                  "c"));
  CHECK(e.text() == "abc");
  e.insert(std::string("\xC3"));      // a lead byte with no continuation
  e.insert(std::string("\xC0\xAF"));  // an overlong '/'
  CHECK(e.text() == "abc\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("surrogates, values past U+10FFFF and cut-off sequences are not valid UTF-8") {
  TextEdit e;
  e.insert(std::string("\xED\xA0\x80"));                      // U+D800, a surrogate
  CHECK(e.text() == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // one per byte
  TextEdit past;
  past.insert(std::string("\xF4\x90\x80\x80"));  // U+110000
  CHECK(app::code_points(past.text()) == 4);
  TextEdit cut;
  cut.insert(std::string("a\xF0\x9F\x98"));                      // an emoji missing its last byte
  CHECK(cut.text() == "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // one per byte
}

TEST_CASE("typing stops at the limit and never splits a code point") {
  TextEdit e("ab", 4);
  CHECK(e.insert("é😀xyz"));
  CHECK(e.text() == "abé😀");
  CHECK(e.caret() == 8);
  CHECK_FALSE(e.insert("q"));
  CHECK(e.text() == "abé😀");
}

TEST_CASE("a full field still accepts typing over a selection, up to the selection's length") {
  TextEdit e("abcd", 4);
  e.move_to(1, false);
  e.move_to(3, true);  // "bc"
  CHECK(e.insert("XYZ"));
  CHECK(e.text() == "aXYd");
  CHECK(e.caret() == 3);
}

TEST_CASE("text that is empty once cleaned changes nothing, not even the selection") {
  TextEdit e = selecting("abc", 0, 2);
  CHECK_FALSE(e.insert("\r"));
  CHECK(e.text() == "abc");
  CHECK(e.selected_text() == "ab");
}

TEST_CASE("Backspace removes the whole code point before the caret") {
  TextEdit e = at("aé😀", 7);
  CHECK(press(e, EditKey::Backspace).text_changed);
  CHECK(e.text() == "aé");
  CHECK(e.caret() == 3);
  press(e, EditKey::Backspace);
  CHECK(e.text() == "a");
  CHECK(e.caret() == 1);
}

TEST_CASE("Backspace at the start changes nothing") {
  TextEdit e = at("abc", 0);
  const auto r = press(e, EditKey::Backspace);
  CHECK_FALSE(r.changed);
  CHECK_FALSE(r.text_changed);
  CHECK(e.text() == "abc");
}

TEST_CASE("Delete removes the whole code point after the caret, and nothing at the end") {
  TextEdit e = at("a😀b", 1);
  CHECK(press(e, EditKey::Delete).text_changed);
  CHECK(e.text() == "ab");
  CHECK(e.caret() == 1);
  e.move_to(2, false);
  CHECK_FALSE(press(e, EditKey::Delete).changed);
  CHECK(e.text() == "ab");
}

TEST_CASE("Backspace and Delete remove the selection when there is one") {
  TextEdit back = selecting("abcdef", 1, 4);
  press(back, EditKey::Backspace);
  CHECK(back.text() == "aef");
  CHECK(back.caret() == 1);
  TextEdit del = selecting("abcdef", 4, 1);
  press(del, EditKey::Delete);
  CHECK(del.text() == "aef");
  CHECK(del.caret() == 1);
}

TEST_CASE("Ctrl+Backspace deletes back to the start of the previous word") {
  TextEdit e = at("one two  ", 9);
  press(e, EditKey::WordBackspace);
  CHECK(e.text() == "one ");
  CHECK(e.caret() == 4);
  e.move_to(2, false);  // inside "one"
  press(e, EditKey::WordBackspace);
  CHECK(e.text() == "e ");
  CHECK(e.caret() == 0);
}

TEST_CASE("Left and Right step over whole code points") {
  TextEdit e = at("é😀", 0);
  press(e, EditKey::Right);
  CHECK(e.caret() == 2);
  press(e, EditKey::Right);
  CHECK(e.caret() == 6);
  CHECK_FALSE(press(e, EditKey::Right).changed);  // already at the end
  press(e, EditKey::Left);
  CHECK(e.caret() == 2);
  press(e, EditKey::Left);
  CHECK(e.caret() == 0);
  CHECK_FALSE(press(e, EditKey::Left).changed);
}

TEST_CASE("Left and Right without Shift collapse a selection to its start or end") {
  TextEdit left = selecting("abcdef", 4, 2);
  press(left, EditKey::Left);
  CHECK(left.caret() == 2);
  CHECK_FALSE(left.has_selection());
  TextEdit right = selecting("abcdef", 4, 2);
  press(right, EditKey::Right);
  CHECK(right.caret() == 4);
  CHECK_FALSE(right.has_selection());
}

TEST_CASE("Shift with a move extends the selection from the anchor, and can shrink it again") {
  TextEdit e = at("aé😀b", 1);
  press(e, EditKey::Right, true);
  press(e, EditKey::Right, true);
  CHECK(e.anchor() == 1);
  CHECK(e.caret() == 7);
  CHECK(e.selected_text() == "é😀");
  press(e, EditKey::Left, true);
  CHECK(e.selected_text() == "é");
  press(e, EditKey::Home, true);
  CHECK(e.selected_text() == "a");
  CHECK(e.caret() == 0);
  CHECK(e.anchor() == 1);
}

TEST_CASE("Ctrl+Left goes to the start of the previous word, skipping spaces and punctuation") {
  TextEdit e = at("Hello, wörld... again", 22);
  press(e, EditKey::WordLeft);
  CHECK(e.caret() == 17);  // "again"
  press(e, EditKey::WordLeft);
  CHECK(e.caret() == 7);  // "wörld"
  press(e, EditKey::WordLeft);
  CHECK(e.caret() == 0);
  CHECK_FALSE(press(e, EditKey::WordLeft).changed);
}

TEST_CASE("Ctrl+Right goes to the end of the next word") {
  TextEdit e = at("Hello, wörld... again", 0);
  press(e, EditKey::WordRight);
  CHECK(e.caret() == 5);
  press(e, EditKey::WordRight);
  CHECK(e.caret() == 13);  // after "wörld" (ö is 2 bytes)
  press(e, EditKey::WordRight);
  CHECK(e.caret() == 22);
}

TEST_CASE("Shift+Ctrl+Right selects word by word") {
  TextEdit e = at("neck and shoulders", 0);
  press(e, EditKey::WordRight, true);
  press(e, EditKey::WordRight, true);
  CHECK(e.selected_text() == "neck and");
}

TEST_CASE("Home and End go to the ends of a single-line field") {
  TextEdit e = at("abc def", 3);
  press(e, EditKey::End);
  CHECK(e.caret() == 7);
  press(e, EditKey::Home);
  CHECK(e.caret() == 0);
}

TEST_CASE("Home and End go to the ends of the caret's line in a multi-line field") {
  TextEdit e = at("one\ntwo two\nthree", 6, true);
  press(e, EditKey::Home);
  CHECK(e.caret() == 4);
  press(e, EditKey::End);
  CHECK(e.caret() == 11);
  press(e, EditKey::Home, true);
  CHECK(e.selected_text() == "two two");
}

TEST_CASE("Up and Down keep the code-point column between lines of a multi-line field") {
  TextEdit e = at("ééé\nab\nxyzw", 4, true);  // after the second é
  press(e, EditKey::Down);
  CHECK(e.caret() == 9);  // "ab|" : the column is clamped to the shorter line
  press(e, EditKey::Down);
  CHECK(e.caret() == 12);  // "xy|zw"
  press(e, EditKey::Up);
  CHECK(e.caret() == 9);
  press(e, EditKey::Up);
  CHECK(e.caret() == 4);  // "éé|é"
}

TEST_CASE("Up on the first line and Down on the last go to the field's start and end") {
  TextEdit e = at("abc\ndef", 2, true);
  press(e, EditKey::Up);
  CHECK(e.caret() == 0);
  e.move_to(5, false);
  press(e, EditKey::Down, true);
  CHECK(e.caret() == 7);
  CHECK(e.selected_text() == "ef");
}

TEST_CASE("Up and Down do nothing in a single-line field, leaving them to focus moves") {
  TextEdit e = at("abc", 1);
  CHECK_FALSE(press(e, EditKey::Up).changed);
  CHECK_FALSE(press(e, EditKey::Down).changed);
  CHECK(e.caret() == 1);
}

TEST_CASE("select all selects the whole text with the caret at the end") {
  TextEdit e = at("héllo", 1);
  CHECK(press(e, EditKey::SelectAll).changed);
  CHECK(e.anchor() == 0);
  CHECK(e.caret() == 6);
  CHECK(e.selected_text() == "héllo");
}

TEST_CASE("a prefilled field gaining focus selects everything, so typing replaces it") {
  TextEdit e("Lower back");
  e.set_composition("x", 1);
  e.focus_gained();
  CHECK(e.selected_text() == "Lower back");
  CHECK_FALSE(e.composing());
  e.insert("Neck");
  CHECK(e.text() == "Neck");
}

TEST_CASE("double-clicking selects the word, the run of spaces or the punctuation under it") {
  TextEdit e("say héllo,  world!");
  e.select_word_at(6);  // inside "héllo"
  CHECK(e.selected_text() == "héllo");
  CHECK(e.anchor() == 4);
  CHECK(e.caret() == 10);
  e.select_word_at(12);
  CHECK(e.selected_text() == "  ");
  e.select_word_at(10);
  CHECK(e.selected_text() == ",");
  e.select_word_at(e.text().size());  // past the end: the run before it
  CHECK(e.selected_text() == "!");
}

TEST_CASE("double-clicking inside a multi-byte character snaps to it") {
  TextEdit e("ab 😀😀 cd");
  e.select_word_at(5);  // the middle of the first emoji
  CHECK(e.selected_text() == "😀😀");
}

TEST_CASE("double-clicking at a line's end in a multi-line field selects the word before it") {
  TextEdit e("one two\nthree", app::kNoTextLimit, true);
  e.select_word_at(7);
  CHECK(e.selected_text() == "two");
  TextEdit empty("a\n\nb", app::kNoTextLimit, true);
  empty.select_word_at(2);  // an empty line
  CHECK_FALSE(empty.has_selection());
  CHECK(empty.caret() == 2);
}

TEST_CASE("moving the caret to a byte inside a code point snaps back to its start") {
  TextEdit e("a😀");
  e.move_to(3, false);
  CHECK(e.caret() == 1);
  e.move_to(99, false);
  CHECK(e.caret() == 5);
}

TEST_CASE("Copy gives the selection for the clipboard and leaves the text alone") {
  TextEdit e = selecting("neck é pain", 5, 7);
  const auto r = press(e, EditKey::Copy);
  REQUIRE(r.clipboard_out.has_value());
  CHECK(*r.clipboard_out == "é");
  CHECK_FALSE(r.changed);
  CHECK(e.text() == "neck é pain");
}

TEST_CASE("Copy and Cut without a selection put nothing on the clipboard") {
  TextEdit e = at("abc", 1);
  CHECK_FALSE(press(e, EditKey::Copy).clipboard_out.has_value());
  const auto r = press(e, EditKey::Cut);
  CHECK_FALSE(r.clipboard_out.has_value());
  CHECK_FALSE(r.changed);
  CHECK(e.text() == "abc");
}

TEST_CASE("Cut gives the selection for the clipboard and removes it") {
  TextEdit e = selecting("one two three", 4, 8);
  const auto r = press(e, EditKey::Cut);
  REQUIRE(r.clipboard_out.has_value());
  CHECK(*r.clipboard_out == "two ");
  CHECK(r.text_changed);
  CHECK(e.text() == "one three");
  CHECK(e.caret() == 4);
}

TEST_CASE("cut() returns the removed text directly") {
  TextEdit e = selecting("abc", 0, 2);
  CHECK(e.cut() == "ab");
  CHECK(e.text() == "c");
  CHECK(e.cut().empty());
}

TEST_CASE("Paste inserts the clipboard text over the selection, cleaned and limited") {
  TextEdit e("ab", 6);
  e.move_to(1, false);
  e.move_to(2, true);
  const auto r = app::apply(e, KeyEdit{EditKey::Paste}, "x\ny😀zzz");
  CHECK(r.text_changed);
  CHECK(e.text() == "ax y😀z");
  CHECK(e.caret() == 9);
}

TEST_CASE("Paste of an empty clipboard changes nothing") {
  TextEdit e = selecting("abc", 0, 3);
  CHECK_FALSE(app::apply(e, KeyEdit{EditKey::Paste}, "").changed);
  CHECK(e.selected_text() == "abc");
}

TEST_CASE("Enter submits a single-line field without changing it") {
  TextEdit e = at("done", 4);
  const auto r = press(e, EditKey::Enter);
  CHECK(r.submit);
  CHECK_FALSE(r.changed);
  CHECK(e.text() == "done");
}

TEST_CASE("Enter in a multi-line field inserts a line break in place of the selection") {
  TextEdit e = selecting("ab cd", 2, 3, true);
  const auto r = press(e, EditKey::Enter);
  CHECK_FALSE(r.submit);
  CHECK(r.text_changed);
  CHECK(e.text() == "ab\ncd");
  CHECK(e.caret() == 3);
}

TEST_CASE("Enter in a full multi-line field neither inserts nor submits") {
  TextEdit e("abc", 3, true);
  const auto r = press(e, EditKey::Enter);
  CHECK_FALSE(r.submit);
  CHECK_FALSE(r.changed);
  CHECK(e.text() == "abc");
}

TEST_CASE("Ctrl+Enter submits both single-line and multi-line fields") {
  TextEdit single("a");
  CHECK(press(single, EditKey::CtrlEnter).submit);
  TextEdit multi("a", app::kNoTextLimit, true);
  CHECK(press(multi, EditKey::CtrlEnter).submit);
  CHECK(multi.text() == "a");
}

TEST_CASE("a composition is shown underlined at the caret without touching the text") {
  TextEdit e = at("ab", 1);
  e.set_composition("にほ", 1);
  CHECK(e.composing());
  CHECK(e.text() == "ab");
  CHECK(e.composition_cursor() == 3);
  const auto v = e.composition_view();
  CHECK(v.text == "aにほb");
  CHECK(v.underline_begin == 1);
  CHECK(v.underline_end == 7);
  CHECK(v.caret == 4);
}

TEST_CASE("a composition is shown in place of the selection it will replace") {
  TextEdit e = selecting("abcd", 1, 3);
  e.set_composition("é", 5);  // the cursor is clamped to the composition's end
  const auto v = e.composition_view();
  CHECK(v.text == "aéd");
  CHECK(v.underline_begin == 1);
  CHECK(v.underline_end == 3);
  CHECK(v.caret == 3);
}

TEST_CASE("without a composition the view is the text with an empty underline at the caret") {
  const TextEdit e = at("abc", 2);
  const auto v = e.composition_view();
  CHECK(v.text == "abc");
  CHECK(v.caret == 2);
  CHECK(v.underline_begin == 2);
  CHECK(v.underline_end == 2);
}

TEST_CASE("committing the composed text inserts it and ends the composition") {
  TextEdit e = at("ab", 1);
  e.set_composition("にほ", 2);
  e.insert("日本");
  CHECK_FALSE(e.composing());
  CHECK(e.text() == "a日本b");
  CHECK(e.caret() == 7);
}

TEST_CASE("an empty composition ends composing") {
  TextEdit e;
  e.set_composition("k", 1);
  e.set_composition("", 0);
  CHECK_FALSE(e.composing());
  CHECK(e.composition_view().text.empty());
}

TEST_CASE("keys do nothing while an IME composes, since the IME owns them") {
  TextEdit e = at("abc", 2);
  e.set_composition("k", 1);
  const auto r = press(e, EditKey::Backspace);
  CHECK_FALSE(r.changed);
  CHECK(e.text() == "abc");
  CHECK_FALSE(press(e, EditKey::Enter).submit);
  e.clear_composition();
  press(e, EditKey::Backspace);
  CHECK(e.text() == "ac");
}

TEST_CASE("a caret move reports a change to redraw but no text change") {
  TextEdit e = at("abc", 1);
  const auto r = press(e, EditKey::Right);
  CHECK(r.changed);
  CHECK_FALSE(r.text_changed);
  CHECK_FALSE(r.submit);
  CHECK_FALSE(r.clipboard_out.has_value());
}

TEST_CASE("the same edits on equal fields give equal fields") {
  TextEdit a = at("héllo wörld", 3);
  TextEdit b = a;
  for (TextEdit* e : {&a, &b}) {
    press(*e, EditKey::WordRight, true);
    e->insert("😀");
    press(*e, EditKey::Home);
  }
  CHECK(a == b);
  CHECK(a.text() == "hé😀 wörld");
  CHECK(a.caret() == 0);
}

}  // namespace unknot::test
