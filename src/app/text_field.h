// A text field any screen can hold: its editing state is a TextEdit in the screen's struct; this
// lays it out (lines, caret, selection, IME underline, measured with the real font) and applies
// every kind of field input to it. ui/widgets draws the same layout. Pure std + core.
//
// Giving a screen S a field (the editor's name and the entry's note do exactly this):
//  1. Keep a TextEdit in S (multi_line for a note: Enter adds a line, Ctrl+Enter submits).
//  2. List its target in frame() with Role::Field, so a press on it arrives as FieldPressed.
//  3. Provide   std::optional<FieldRef> text_field(const AppModel&, const S&, Control,
//                                                   const Env&)
//     giving the field and its place for its control. screens.h finds the focused field with it
//     (editing_text, the caret's blink, the IME's rect, Tab selecting the text).
//  4. In text_input(Step&, S&, const TextInput&), call edit_field() for the field and react to
//     what it returns: copy the text where it belongs when text_changed, submit on submit.
//  5. In ui, draw it with ui::text_field(dc, m, edit, place, control).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/controls.h"
#include "app/geometry.h"
#include "app/screen_frame.h"
#include "app/text_edit.h"
#include "app/text_edit_layout.h"
#include "app/text_measure.h"
#include "core/time.h"

namespace unknot::app {

// Where a field is: its box as drawn (window dp, after scrolling) and its text style. Text is
// inset by `pad`; a single-line field centres its one line in the box, unless it `wrap`s: then
// its text wraps to the box's inner width from the top, as a multi-line field's does (the box is
// as tall as its lines), while its keys stay a single line's (Enter submits, no line breaks).
struct FieldPlace {
  Rect box;
  Font font = Font::Body;
  float pad = 12;
  bool wrap = false;
};

// A field as a screen reports it (see text_field above). `edit` points into the model.
struct FieldRef {
  Control control;
  const TextEdit* edit = nullptr;
  FieldPlace place;
};

// A part of a line to draw: bytes [begin, end) of the shown text, with its top-left at `at`.
struct FieldRun {
  std::size_t begin = 0;
  std::size_t end = 0;
  Point at;
};

// A field laid out: what to draw and where a press lands. A multi-line field (and a wrapping
// one) wraps its text to the box's inner width and draws every line (the box grows with
// field_height). A single-line field slides sideways so the caret stays in view and draws only
// the whole characters inside its box.
struct FieldLayout {
  Rect box;
  Rect text_box;     // the box less its padding: where lines start
  std::string text;  // as shown: the field's text with any IME composition in place
  std::vector<LineSpan> lines;
  std::vector<FieldRun> runs;  // one per line with something to draw
  Font font = Font::Body;
  float line_h = 0;
  float shift = 0;              // dp a single-line field is slid left by
  Rect caret;                   // 2 dp wide, the line's height less a little
  std::vector<Rect> selection;  // one per selected line part; none while composing
  std::vector<Rect> underline;  // under the IME's composition
};
FieldLayout field_layout(const TextEdit& edit, const FieldPlace& place, const TextMeasure& t);

// Height of a multi-line field of outer width `w` showing `edit`: its lines plus one for the next
// words, at least `min_lines`, and the padding.
float field_height(const TextEdit& edit, float w, const TextMeasure& t, int min_lines,
                   Font font = Font::Body, float pad = 12);

// The byte in the shown text (layout.text) nearest to `p`: rows above / below the text go to its
// first / last line.
std::size_t field_offset_at(const FieldLayout& layout, Point p, const TextMeasure& t, Font font);

struct FieldOutcome {
  bool changed = false;       // anything to redraw (text, caret, selection, composition)
  bool text_changed = false;  // the text itself
  bool submit = false;        // Enter in a single-line field, Ctrl+Enter in any
};

// Applies `input` to the field `control` (whose state is `edit`, at `place`): a press on it moves
// the focus there and places the caret; everything else acts only while it has focus. In a
// multi-line field Up, Down, Home and End follow the drawn (wrapped) lines. Copy and
// Cut emit WriteClipboard; Paste emits ReadClipboard and inserts the ClipboardRead that answers
// it. A change restarts the caret's blink and scrolls the caret into view.
FieldOutcome edit_field(Step& st, TextEdit& edit, Control control, const FieldPlace& place,
                        const TextInput& input);

// The caret blinks (kCaretBlink on, kCaretBlink off) after it moves, then stays on after
// kCaretBlinkFor, so an idle app stops redrawing.
inline constexpr core::Duration kCaretBlink = std::chrono::milliseconds(530);
inline constexpr core::Duration kCaretBlinkFor = std::chrono::seconds(10);
// Whether a caret that last moved at `moved_at` shows at `now`.
bool caret_on(core::Instant moved_at, core::Instant now);
// How long after `now` it next appears or disappears; empty once it has stopped blinking.
std::optional<core::Duration> caret_flips_in(core::Instant moved_at, core::Instant now);

}  // namespace unknot::app
