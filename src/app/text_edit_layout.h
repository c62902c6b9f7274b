// Where a text field's lines break, where a click puts the caret and where the caret is drawn,
// given a function measuring text width. Pure std; the ui passes real font metrics, tests a fake.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

namespace unknot::app {

// Width of a UTF-8 string in any unit (dp for the ui); wider text never measures narrower.
using EditMeasure = std::function<float(std::string_view)>;

// One drawn line: bytes [begin, end) of the text. A '\n' belongs to no line; spaces where a line
// wraps stay at the end of the line before the break.
struct LineSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool operator==(const LineSpan&) const = default;
};

// Lines for an editable field: '\n' forces a break, lines wrap after spaces, and a word wider than
// max_width breaks between code points. Unlike ui's wrap_text every byte keeps its place (no
// spaces collapse), so carets map to lines. Empty text, and text ending in '\n', end with an
// empty line for the caret.
std::vector<LineSpan> edit_lines(std::string_view text, float max_width,
                                 const EditMeasure& measure);

// The code-point boundary in `line` nearest to x (x measured from the line's start): 0 left of
// the text, line.size() right of it; a click on a character's right half goes after it.
std::size_t caret_at_x(std::string_view line, float x, const EditMeasure& measure);

// The caret for a click at x on lines[line] (clamped to the lines); on a line that wraps, a click
// past its end goes before its last character so the caret stays on that line.
std::size_t caret_at(std::string_view text, const std::vector<LineSpan>& lines, std::size_t line,
                     float x, const EditMeasure& measure);

struct CaretPlace {
  std::size_t line = 0;
  float x = 0;
};

// Where to draw the caret at byte `caret`: its line and x from that line's start. A caret where a
// line wraps is drawn at the start of the next line.
CaretPlace caret_place(std::string_view text, const std::vector<LineSpan>& lines, std::size_t caret,
                       const EditMeasure& measure);

}  // namespace unknot::app
