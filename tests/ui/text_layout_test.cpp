#include "ui/text_layout.h"

#include <doctest/doctest.h>

#include <string>

#include "app/text_measure.h"

namespace {

using unknot::ui::kEllipsis;

// Every code point is 10 units wide, so expected results can be worked out by hand.
float ten_per_code_point(std::string_view s) {
  float w = 0;
  for (std::size_t i = 0; i < s.size(); i = unknot::ui::next_code_point(s, i)) w += 10;
  return w;
}

const unknot::ui::Measure kMeasure = ten_per_code_point;

std::string ell(std::string s) { return s + std::string(kEllipsis); }

}  // namespace

TEST_CASE("a line that fits is returned unchanged and not marked truncated") {
  const auto line = unknot::ui::fit_line("Breathe in", 100, kMeasure);
  CHECK(line.text == "Breathe in");
  CHECK_FALSE(line.truncated);
}

TEST_CASE("a line too wide keeps the longest prefix that fits with an ellipsis") {
  const auto line = unknot::ui::fit_line("Upper trapezius", 60, kMeasure);
  CHECK(line.text == ell("Upper"));
  CHECK(line.truncated);
  CHECK(kMeasure(line.text) <= 60);
}

TEST_CASE("an ellipsis never follows a dangling space") {
  // "Upper " would fit with the ellipsis but the space is dropped.
  const auto line = unknot::ui::fit_line("Upper trapezius", 70, kMeasure);
  CHECK(line.text == ell("Upper"));
}

TEST_CASE("nothing is kept when not even the ellipsis fits") {
  const auto line = unknot::ui::fit_line("Hold", 5, kMeasure);
  CHECK(line.text.empty());
  CHECK(line.truncated);
}

TEST_CASE("multi-byte characters are never split by the ellipsis") {
  const auto line = unknot::ui::fit_line("Ärmel–Öse", 40, kMeasure);  // Ä, – and Ö are multi-byte
  CHECK(line.text == ell("Ärm"));
}

TEST_CASE("wrapping breaks on spaces and keeps every line within the width") {
  const auto w = unknot::ui::wrap_text("roll slowly along the muscle", 120, 0, kMeasure);
  REQUIRE(w.lines.size() == 3);
  CHECK(w.lines[0] == "roll slowly");
  CHECK(w.lines[1] == "along the");
  CHECK(w.lines[2] == "muscle");
  CHECK_FALSE(w.truncated);
  for (const auto& line : w.lines) CHECK(kMeasure(line) <= 120);
}

TEST_CASE("a word wider than the line is broken between code points") {
  const auto w = unknot::ui::wrap_text("sternocleidomastoid", 80, 0, kMeasure);
  REQUIRE(w.lines.size() == 3);
  CHECK(w.lines[0] == "sternocl");
  CHECK(w.lines[1] == "eidomast");
  CHECK(w.lines[2] == "oid");
}

TEST_CASE("a box narrower than one character still wraps one character per line") {
  const auto w = unknot::ui::wrap_text("abc", 5, 0, kMeasure);
  CHECK(w.lines.size() == 3);
}

TEST_CASE("wrapping stops at max_lines and ellipsises the last line with the text that remains") {
  const auto w = unknot::ui::wrap_text("roll slowly along the muscle", 120, 2, kMeasure);
  REQUIRE(w.lines.size() == 2);
  CHECK(w.lines[0] == "roll slowly");
  CHECK(w.lines[1] == ell("along the m"));
  CHECK(w.truncated);
  CHECK(kMeasure(w.lines[1]) <= 120);
}

TEST_CASE("a newline forces a break and dropped lines still end the last line in an ellipsis") {
  const auto all = unknot::ui::wrap_text("left\nright\nend", 200, 0, kMeasure);
  REQUIRE(all.lines.size() == 3);
  CHECK(all.lines[1] == "right");
  const auto two = unknot::ui::wrap_text("left\nright\nend", 200, 2, kMeasure);
  REQUIRE(two.lines.size() == 2);
  CHECK(two.lines[1].find(std::string(kEllipsis)) != std::string::npos);
  CHECK(two.truncated);
}

TEST_CASE("empty text wraps to no lines and runs of spaces collapse") {
  CHECK(unknot::ui::wrap_text("", 100, 0, kMeasure).lines.empty());
  const auto w = unknot::ui::wrap_text("  two   words ", 200, 0, kMeasure);
  REQUIRE(w.lines.size() == 1);
  CHECK(w.lines[0] == "two words");
}

namespace {

// Ten units a code point, like kMeasure, and counts the bytes it was asked to measure: the work
// a real font would do.
struct CountingMeasure {
  std::size_t* bytes;
  float operator()(std::string_view s) const {
    *bytes += s.size();
    return ten_per_code_point(s);
  }
};

}  // namespace

TEST_CASE("a megabyte word is broken into full lines at a cost in proportion to its length") {
  const std::string word(1 << 20, 'w');
  std::size_t measured = 0;
  const auto wrapped = unknot::ui::wrap_text(word, 400, 0, CountingMeasure{&measured});
  REQUIRE(wrapped.lines.size() == (word.size() + 39) / 40);
  CHECK(wrapped.lines.front() == std::string(40, 'w'));
  std::size_t total = 0;
  for (const auto& line : wrapped.lines) total += line.size();
  CHECK(total == word.size());
  // Breaking each line measures a few prefixes about as long as the line; re-measuring the rest
  // of the word for every line would be tens of gigabytes here.
  CHECK(measured < 20 * word.size());
}

TEST_CASE("a megabyte of words wraps at a cost in proportion to its length") {
  std::string text;
  while (text.size() < (1u << 20)) text += "breathe out slowly ";
  std::size_t measured = 0;
  const auto wrapped = unknot::ui::wrap_text(text, 400, 0, CountingMeasure{&measured});
  CHECK(wrapped.lines.size() > text.size() / 41);
  for (const auto& line : wrapped.lines) CHECK(ten_per_code_point(line) <= 400);
  CHECK(measured < 40 * text.size());
}

TEST_CASE("a megabyte word after other words starts a line of its own and keeps every byte") {
  const std::string text = "Hold " + std::string(100000, 'x') + " release";
  std::size_t measured = 0;
  const auto wrapped = unknot::ui::wrap_text(text, 100, 0, CountingMeasure{&measured});
  REQUIRE(wrapped.lines.size() >= 3);
  CHECK(wrapped.lines.front() == "Hold");
  CHECK(wrapped.lines[1] == std::string(10, 'x'));
  CHECK(wrapped.lines.back() == "release");
  CHECK(measured < 40 * text.size());
}

TEST_CASE("a megabyte text cut to three lines ends in an ellipsis after measuring little of it") {
  const std::string word(1 << 20, 'w');
  std::size_t measured = 0;
  const auto wrapped = unknot::ui::wrap_text(word, 400, 3, CountingMeasure{&measured});
  REQUIRE(wrapped.lines.size() == 3);
  CHECK(wrapped.truncated);
  CHECK(wrapped.lines.back() == ell(std::string(39, 'w')));
  CHECK(measured < 40 * word.size());
}

TEST_CASE("the estimated measure breaks a megabyte word into lines that fit") {
  const auto& estimate = unknot::app::estimated_text();
  const std::string word(1 << 20, 'e');
  const auto lines = estimate.lines(word, unknot::app::Font::Body, 200);
  REQUIRE(!lines.empty());
  std::size_t total = 0;
  for (const auto& line : lines) {
    CHECK(estimate.width(line, unknot::app::Font::Body) <= 200);
    total += line.size();
  }
  CHECK(total == word.size());
  const auto words = estimate.lines("one two three", unknot::app::Font::Body, 1000);
  REQUIRE(words.size() == 1);
  CHECK(words[0] == "one two three");
}
