// Building blocks for measured, scrolling pages: text blocks wrapped by the real font, a
// top-down flow, and a page's frame (a fixed top bar, a scrolling viewport, an optional fixed
// bottom button). Pure std; every size in dp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/geometry.h"
#include "app/text_measure.h"

namespace unknot::app {

// Text wrapped to its box's width, in as many lines as it needs.
struct TextBlock {
  std::vector<std::string> lines;
  Rect box;  // x, y, the width it was wrapped to, and lines × line height
  Font font = Font::Body;
  bool empty() const { return lines.empty(); }
};

// `text` wrapped to `w` at (x, y).
TextBlock text_block(const TextMeasure& measure, std::string_view text, Font font, float x, float y,
                     float w);

// Lays blocks top-down in a column of width w from x; y moves down past each.
struct Flow {
  const TextMeasure& text;
  float x = 0, w = 0, y = 0;
  // A text block, then `gap` below it (no gap for empty text).
  TextBlock add(std::string_view s, Font font, float gap);
  // A box of height h, then `gap`.
  Rect take(float h, float gap);
};

// A button's label: on one line when it fits 8 dp in from each side, else wrapped 16 dp in from
// each side, its lines centred (ui::button draws it so). These give the room a layout must leave
// a label so that it is never cut, in any language.
// The width that shows `label` on one line with 16 dp each side, at least `min_w`.
float button_width(const TextMeasure& measure, std::string_view label, float min_w = 48);
// The height a button `w` wide needs for `label`: `min_h` when it fits on one line, else its
// wrapped lines with 8 dp above and below, and never less than `min_h`.
float button_height(const TextMeasure& measure, std::string_view label, float w, float min_h = 56);

// A small button in a page's top bar, its right edge at `right`: as wide as its label (at least
// `min_w`) but never reaching `left` (then, at a large text size, ui draws the label a size
// smaller rather than cut).
Rect top_bar_button(const TextMeasure& measure, Rect top_bar, float left, float right,
                    std::string_view label, float min_w = 104);

// Widths at which a page uses two columns (desktop windows).
inline constexpr float kWideWindow = 900;
inline constexpr float kMaxWideColumn = 960;

// The fixed parts of a page and the scrolling viewport between them.
struct PageFrame {
  Rect column;    // content column: centred, 24-dp margins, ≤ 480 wide (≤ 960 on wide windows)
  Rect top_bar;   // Back and the page's small buttons; 48 high
  Rect viewport;  // scrolls; between the top bar and the bottom button (or the window's end)
  Rect bottom;    // the primary button, 56 high; h == 0 when the page has none
  bool wide = false;
};
PageFrame page_frame(Size window, bool bottom_button);
// With a bottom button labelled `bottom_label`, as tall as that label needs (button_height): a
// long label in another language wraps onto a second line instead of being cut.
PageFrame page_frame(Size window, const TextMeasure& measure, std::string_view bottom_label);

// A question in a box over the dimmed page, measured around its text: the title and the body
// wrapped in full, the two answers at the foot: side by side when both words fit half the row,
// else `cancel` above `confirm`, each as tall as its word needs (button_height). Centred in the
// window, at most 480 wide within the column. When the box would be taller than the window (long
// words at a large text size on a small phone), the question steps down to smaller type: every
// word stays on screen.
struct DialogBox {
  Rect box;
  TextBlock title, body;
  Rect cancel, confirm;
  bool stacked = false;
};
DialogBox dialog_box(const TextMeasure& measure, Size window, Rect column, std::string_view title,
                     std::string_view body, std::string_view cancel, std::string_view confirm);

// Two buttons standing on the foot of `bottom` (a page's bottom button): side by side when both
// labels fit, `first` at least `first_share` of the row and `main` the rest; otherwise stacked,
// `main` lowest, each as wide as `bottom`. `box` is all they take.
struct ButtonPair {
  Rect first, main, box;
  bool stacked = false;
};
ButtonPair button_pair(const TextMeasure& measure, Rect bottom, std::string_view first,
                       std::string_view main, float first_share = 0.4f);

// The banner of a problem notice (the model's `notice`, e.g. "Couldn't save: ...") across the top
// of the window: the whole text wrapped in caption type between 12-dp side margins, the bar as
// tall as the text with 5 dp above and below (28 dp for one line), never taller than the window.
struct NoticeBanner {
  Rect bar;
  TextBlock text;
};
NoticeBanner notice_banner(const TextMeasure& measure, Size window, std::string_view notice);

// `r` moved up by `scroll`.
inline Rect scrolled(Rect r, float scroll) { return {r.x, r.y - scroll, r.w, r.h}; }

}  // namespace unknot::app
