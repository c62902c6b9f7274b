#include "app/text_edit.h"

#include <algorithm>

#include "app/text_motion.h"
#include "app/text_util.h"

namespace unknot::app {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Text as a field accepts it: see TextEdit::insert.
std::string clean(std::string_view in, bool multi_line) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size();) {
    const CodePoint d = decode_utf8(in, i);
    if (d.length == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    const std::string_view unit = in.substr(i, d.length);
    i += d.length;
    if (d.value == '\n') {
      out += multi_line ? '\n' : ' ';
    } else if (d.value == '\t') {
      out += ' ';
    } else if (d.value < 0x20 || (d.value >= 0x7F && d.value < 0xA0)) {
      continue;  // CR and the other controls: nothing a field can show
    } else {
      out += unit;
    }
  }
  return out;
}

// The longest prefix of `s` with at most `limit` code points.
std::string_view first_code_points(std::string_view s, std::size_t limit) {
  std::size_t end = 0;
  for (std::size_t n = 0; n < limit && end < s.size(); ++n) end = next_boundary(s, end);
  return s.substr(0, end);
}

}  // namespace

TextEdit::TextEdit(std::string_view text, std::size_t max_code_points, bool multi_line)
    : max_code_points_(max_code_points), multi_line_(multi_line) {
  text_ = first_code_points(clean(text, multi_line), max_code_points);
  caret_ = anchor_ = text_.size();
}

std::string_view TextEdit::selected_text() const {
  return std::string_view(text_).substr(selection_begin(), selection_end() - selection_begin());
}

void TextEdit::replace_selection(std::string_view with) {
  const std::size_t begin = selection_begin();
  text_.replace(begin, selection_end() - begin, with);
  caret_ = anchor_ = begin + with.size();
}

bool TextEdit::insert(std::string_view typed) {
  clear_composition();
  const std::string cleaned = clean(typed, multi_line_);
  if (cleaned.empty()) return false;
  const std::size_t kept = code_points(text_) - code_points(selected_text());
  const std::size_t room = max_code_points_ > kept ? max_code_points_ - kept : 0;
  const std::string_view fits = first_code_points(cleaned, room);
  if (fits.empty()) return false;
  const std::string before = text_;
  replace_selection(fits);
  return text_ != before;
}

bool TextEdit::erase_backward() {
  if (!has_selection()) anchor_ = prev_boundary(text_, caret_);
  if (!has_selection()) return false;
  replace_selection({});
  return true;
}

bool TextEdit::erase_forward() {
  if (!has_selection()) anchor_ = next_boundary(text_, caret_);
  if (!has_selection()) return false;
  replace_selection({});
  return true;
}

bool TextEdit::erase_word_backward() {
  if (!has_selection()) anchor_ = word_left(text_, caret_);
  if (!has_selection()) return false;
  replace_selection({});
  return true;
}

std::string TextEdit::cut() {
  std::string out(selected_text());
  replace_selection({});
  return out;
}

void TextEdit::move_to(std::size_t byte, bool extend) {
  byte = std::min(byte, text_.size());
  // Stepping to the next boundary and back lands on the start of the code point holding `byte`.
  caret_ = byte == text_.size() ? byte : prev_boundary(text_, next_boundary(text_, byte));
  if (!extend) anchor_ = caret_;
}

void TextEdit::select_all() {
  anchor_ = 0;
  caret_ = text_.size();
}

void TextEdit::select_word_at(std::size_t byte) {
  move_to(byte, false);
  const ByteRange run = run_at(text_, caret_);
  anchor_ = run.begin;
  caret_ = run.end;
}

void TextEdit::focus_gained() {
  clear_composition();
  select_all();
}

void TextEdit::set_composition(std::string_view composition, std::size_t cursor_code_points) {
  // The IME's text is shown verbatim, so it only needs to be valid UTF-8 for drawing.
  composition_ = clean(composition, true);
  composition_cursor_ = first_code_points(composition_, cursor_code_points).size();
}

void TextEdit::clear_composition() {
  composition_.clear();
  composition_cursor_ = 0;
}

CompositionView TextEdit::composition_view() const {
  if (!composing()) return {text_, caret_, caret_, caret_};
  const std::size_t begin = selection_begin();
  CompositionView v;
  v.text = text_.substr(0, begin) + composition_ + text_.substr(selection_end());
  v.caret = begin + composition_cursor_;
  v.underline_begin = begin;
  v.underline_end = begin + composition_.size();
  return v;
}

EditResult apply(TextEdit& edit, KeyEdit key, std::string_view clipboard_in) {
  if (edit.composing()) return {};
  const TextEdit before = edit;
  const std::string_view text = edit.text();
  const std::size_t caret = edit.caret();
  const bool shift = key.shift;
  EditResult r;
  switch (key.key) {
    case EditKey::Left:
      if (edit.has_selection() && !shift) {
        edit.move_to(edit.selection_begin(), false);
      } else {
        edit.move_to(prev_boundary(text, caret), shift);
      }
      break;
    case EditKey::Right:
      if (edit.has_selection() && !shift) {
        edit.move_to(edit.selection_end(), false);
      } else {
        edit.move_to(next_boundary(text, caret), shift);
      }
      break;
    case EditKey::WordLeft:
      edit.move_to(word_left(text, caret), shift);
      break;
    case EditKey::WordRight:
      edit.move_to(word_right(text, caret), shift);
      break;
    case EditKey::Home:
      edit.move_to(edit.multi_line() ? line_start(text, caret) : 0, shift);
      break;
    case EditKey::End:
      edit.move_to(edit.multi_line() ? line_end(text, caret) : text.size(), shift);
      break;
    case EditKey::Up:
      if (edit.multi_line()) edit.move_to(line_up(text, caret), shift);
      break;
    case EditKey::Down:
      if (edit.multi_line()) edit.move_to(line_down(text, caret), shift);
      break;
    case EditKey::Backspace:
      edit.erase_backward();
      break;
    case EditKey::Delete:
      edit.erase_forward();
      break;
    case EditKey::WordBackspace:
      edit.erase_word_backward();
      break;
    case EditKey::SelectAll:
      edit.select_all();
      break;
    case EditKey::Copy:
      if (edit.has_selection()) r.clipboard_out = std::string(edit.selected_text());
      break;
    case EditKey::Cut:
      if (edit.has_selection()) r.clipboard_out = edit.cut();
      break;
    case EditKey::Paste:
      edit.insert(clipboard_in);
      break;
    case EditKey::Enter:
      if (edit.multi_line()) {
        edit.insert("\n");
      } else {
        r.submit = true;
      }
      break;
    case EditKey::CtrlEnter:
      r.submit = true;
      break;
  }
  r.text_changed = edit.text() != before.text();
  r.changed = !(edit == before);
  return r;
}

}  // namespace unknot::app
