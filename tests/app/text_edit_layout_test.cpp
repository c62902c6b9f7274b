// Text-field layout: line spans, caret from a click and caret drawing position, with a fake
// fixed-width font (every code point 10 wide).
#include "app/text_edit_layout.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/text_motion.h"

namespace unknot::test {
namespace {

using app::LineSpan;

float fixed_width(std::string_view s) {
  float w = 0;
  for (const char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) w += 10;
  }
  return w;
}

const app::EditMeasure kMeasure = fixed_width;

}  // namespace

TEST_CASE("a click lands on the nearest code-point boundary") {
  CHECK(app::caret_at_x("abc", -5, kMeasure) == 0);
  CHECK(app::caret_at_x("abc", 4, kMeasure) == 0);
  CHECK(app::caret_at_x("abc", 14, kMeasure) == 1);
  CHECK(app::caret_at_x("abc", 16, kMeasure) == 2);
  CHECK(app::caret_at_x("abc", 29, kMeasure) == 3);
  CHECK(app::caret_at_x("abc", 300, kMeasure) == 3);
}

TEST_CASE("a click on a character's right half puts the caret after it") {
  CHECK(app::caret_at_x("abc", 5, kMeasure) == 1);
  CHECK(app::caret_at_x("abc", 25, kMeasure) == 3);
}

TEST_CASE("a click never lands inside a multi-byte character") {
  CHECK(app::caret_at_x("é😀b", 6, kMeasure) == 2);
  CHECK(app::caret_at_x("é😀b", 14, kMeasure) == 2);
  CHECK(app::caret_at_x("é😀b", 16, kMeasure) == 6);
  CHECK(app::caret_at_x("é😀b", 26, kMeasure) == 7);
}

TEST_CASE("a click in an empty line puts the caret at its start") {
  CHECK(app::caret_at_x("", 40, kMeasure) == 0);
}

TEST_CASE("edit lines wrap after spaces, which stay on the line before the break") {
  const auto lines = app::edit_lines("neck and shoulders", 50, kMeasure);
  CHECK(lines == std::vector<LineSpan>{{0, 5}, {5, 9}, {9, 14}, {14, 18}});
}

TEST_CASE("edit lines keep runs of spaces instead of collapsing them") {
  CHECK(app::edit_lines("a  b", 100, kMeasure) == std::vector<LineSpan>{{0, 4}});
  CHECK(app::edit_lines("aaaa    bbbb", 50, kMeasure) == std::vector<LineSpan>{{0, 8}, {8, 12}});
}

TEST_CASE("a word wider than the field breaks between code points") {
  CHECK(app::edit_lines("😀😀😀", 25, kMeasure) == std::vector<LineSpan>{{0, 8}, {8, 12}});
  // Not even one character fits: each line still takes one, so wrapping ends.
  CHECK(app::edit_lines("ab", 5, kMeasure) == std::vector<LineSpan>{{0, 1}, {1, 2}});
}

TEST_CASE("line breaks force lines, empty ones included, and the caret has a line after them") {
  CHECK(app::edit_lines("ab\n\ncd", 100, kMeasure) ==
        std::vector<LineSpan>{{0, 2}, {3, 3}, {4, 6}});
  CHECK(app::edit_lines("ab\n", 100, kMeasure) == std::vector<LineSpan>{{0, 2}, {3, 3}});
  CHECK(app::edit_lines("", 100, kMeasure) == std::vector<LineSpan>{{0, 0}});
}

TEST_CASE("a click on a wrapped line places the caret within that line") {
  const std::string text = "neck and shoulders";
  const auto lines = app::edit_lines(text, 50, kMeasure);
  CHECK(app::caret_at(text, lines, 1, 15, kMeasure) == 7);
  // Past the end of a line that wraps: before its last character, not at the next line's start.
  CHECK(app::caret_at(text, lines, 1, 100, kMeasure) == 8);
  CHECK(app::caret_at(text, lines, 3, 100, kMeasure) == 18);
  CHECK(app::caret_at(text, lines, 99, 0, kMeasure) == 14);  // below the last line
}

TEST_CASE("a click past the end of a line that ends in a line break goes before the break") {
  const std::string text = "ab\ncd";
  const auto lines = app::edit_lines(text, 100, kMeasure);
  CHECK(app::caret_at(text, lines, 0, 100, kMeasure) == 2);
  CHECK(app::caret_at(text, lines, 1, 11, kMeasure) == 4);
}

TEST_CASE("the caret is drawn on its line, at a wrap on the next line's start") {
  const std::string text = "neck and shoulders";
  const auto lines = app::edit_lines(text, 50, kMeasure);
  const auto place = [&](std::size_t caret) {
    return app::caret_place(text, lines, caret, kMeasure);
  };
  CHECK(place(0).line == 0);
  CHECK(place(4).line == 0);
  CHECK(place(4).x == 40);
  CHECK(place(5).line == 1);
  CHECK(place(5).x == 0);
  CHECK(place(7).x == 20);
  CHECK(place(18).line == 3);
  CHECK(place(18).x == 40);
}

TEST_CASE("a caret before or after a line break is drawn on the line it belongs to") {
  const std::string text = "ab\n";
  const auto lines = app::edit_lines(text, 100, kMeasure);
  CHECK(app::caret_place(text, lines, 2, kMeasure).line == 0);
  CHECK(app::caret_place(text, lines, 2, kMeasure).x == 20);
  CHECK(app::caret_place(text, lines, 3, kMeasure).line == 1);
  CHECK(app::caret_place(text, lines, 3, kMeasure).x == 0);
}

TEST_CASE("clicking where a caret is drawn puts the caret back there, for every caret") {
  const std::string text = "neck and shoulders\n\nhé 😀 ok  wrapped";
  const auto lines = app::edit_lines(text, 50, kMeasure);
  for (std::size_t caret = 0; caret <= text.size(); caret = app::next_boundary(text, caret)) {
    CAPTURE(caret);
    const auto p = app::caret_place(text, lines, caret, kMeasure);
    CHECK(app::caret_at(text, lines, p.line, p.x, kMeasure) == caret);
    if (caret == text.size()) break;
  }
}

}  // namespace unknot::test
