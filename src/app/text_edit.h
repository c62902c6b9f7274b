// A text field's editing state as one value: UTF-8 text, caret, selection, IME composition, and the
// edits keys make. Pure std: no SDL (ui/text_keys maps key presses to KeyEdit) and no clipboard
// access (the shell reads and writes the clipboard; apply() takes and returns its text).
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace unknot::app {

inline constexpr std::size_t kNoTextLimit = std::numeric_limits<std::size_t>::max();

enum class EditKey {
  Left,
  Right,
  WordLeft,
  WordRight,
  Home,
  End,
  Up,
  Down,
  Backspace,
  Delete,
  WordBackspace,
  SelectAll,
  Copy,
  Cut,
  Paste,
  Enter,
  CtrlEnter
};

struct KeyEdit {
  EditKey key = EditKey::Left;
  bool shift = false;  // a move extends the selection instead of collapsing it
  bool operator==(const KeyEdit&) const = default;
};

struct EditResult {
  bool changed = false;       // text, caret, selection or composition changed: redraw
  bool text_changed = false;  // the text itself changed (a subset of `changed`)
  bool submit = false;        // Enter in a single-line field, Ctrl+Enter in any field
  std::optional<std::string> clipboard_out;  // Copy/Cut of a selection: put this on the clipboard
};

// What to draw while an IME composes: `text` with the composition in place of the selection,
// bytes [underline_begin, underline_end) underlined and the caret at byte `caret`. Without a
// composition: the field's text and caret, and an empty underline at the caret.
struct CompositionView {
  std::string text;
  std::size_t caret = 0;
  std::size_t underline_begin = 0;
  std::size_t underline_end = 0;
};

// Invariants: text() is valid UTF-8; caret() and anchor() are code-point boundaries in text();
// text() holds at most max_code_points() code points; a single-line field's text has no '\n'.
// The selection is the bytes between anchor and caret (empty when they are equal).
class TextEdit {
 public:
  TextEdit() = default;
  // `text` cleaned as if typed (see insert) and cut to the limit, caret at its end, no selection.
  explicit TextEdit(std::string_view text, std::size_t max_code_points = kNoTextLimit,
                    bool multi_line = false);

  const std::string& text() const { return text_; }
  std::size_t caret() const { return caret_; }    // byte offset
  std::size_t anchor() const { return anchor_; }  // byte offset; the selection's other end
  std::size_t selection_begin() const { return caret_ < anchor_ ? caret_ : anchor_; }
  std::size_t selection_end() const { return caret_ < anchor_ ? anchor_ : caret_; }
  bool has_selection() const { return caret_ != anchor_; }
  std::string_view selected_text() const;
  std::size_t max_code_points() const { return max_code_points_; }
  bool multi_line() const { return multi_line_; }
  const std::string& composition() const { return composition_; }
  std::size_t composition_cursor() const { return composition_cursor_; }  // bytes in composition
  bool composing() const { return !composition_.empty(); }

  // Typed or pasted text replaces the selection and commits (clears) any composition. Invalid
  // UTF-8 becomes U+FFFD; CR is dropped; tabs become spaces, and so does '\n' in a single-line
  // field; other control characters are dropped. What exceeds the limit is left out, whole code
  // points at a time. Text that is empty once cleaned changes nothing. True when text changed.
  bool insert(std::string_view typed);
  // Each removes the selection if there is one; otherwise: the code point before the caret
  // (backward), the one after it (forward), or from the previous word's start to the caret (word).
  // True when text changed.
  bool erase_backward();
  bool erase_forward();
  bool erase_word_backward();
  // Removes the selection and returns it ("" and no change without a selection).
  std::string cut();

  // Puts the caret at `byte` (clamped to the text, moved back to a code-point boundary); with
  // `extend` the anchor stays, so the selection grows or shrinks, otherwise it collapses.
  void move_to(std::size_t byte, bool extend);
  void select_all();
  // Selects the run of word characters (or of spaces, or of punctuation) around `byte`, as a
  // double-click does; at a line's end, the run before it.
  void select_word_at(std::size_t byte);
  // A field taking focus selects all its text (typing then replaces a prefilled value) and drops
  // any stale composition.
  void focus_gained();

  // SDL_TEXTEDITING: the IME's pre-edit text and its cursor in code points (clamped). Empty text
  // ends the composition. The text itself is untouched until insert() commits.
  void set_composition(std::string_view composition, std::size_t cursor_code_points);
  void clear_composition();
  CompositionView composition_view() const;

  bool operator==(const TextEdit&) const = default;

 private:
  void replace_selection(std::string_view with);

  std::string text_;
  std::size_t caret_ = 0;
  std::size_t anchor_ = 0;
  std::string composition_;
  std::size_t composition_cursor_ = 0;
  std::size_t max_code_points_ = kNoTextLimit;
  bool multi_line_ = false;
};

// Applies one key's edit. Moves: Left/Right by code point (without Shift, a selection collapses to
// its start/end instead), WordLeft to the previous word's start, WordRight to the next word's end,
// Home/End to the line's ends in a multi-line field and the field's ends otherwise, Up/Down to the
// same code-point column on the previous/next line (multi-line only; past the first/last line,
// the field's start/end). Paste inserts `clipboard_in`. Enter inserts '\n' in a multi-line field
// and submits a single-line one; CtrlEnter submits either. While an IME composes, the IME owns
// the keys: nothing happens.
EditResult apply(TextEdit& edit, KeyEdit key, std::string_view clipboard_in = {});

}  // namespace unknot::app
