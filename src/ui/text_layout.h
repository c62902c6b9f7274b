// Line breaking and ellipsis for UTF-8 text, given a function that measures a string's width
// (in any unit). Pure std, no SDL, so the rules are unit-tested with a fake measure.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace unknot::ui {

using Measure = std::function<float(std::string_view)>;

inline constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // U+2026 "…"

// Byte index of the code point after the one starting at byte i (s.size() at the end).
// Invalid UTF-8 is stepped over one byte at a time.
std::size_t next_code_point(std::string_view s, std::size_t i);

struct FittedLine {
  std::string text;
  bool truncated = false;
};

// `text` itself if it fits in max_width; otherwise the longest code-point prefix (trailing spaces
// dropped) followed by "…" that fits, or "" when not even "…" fits.
FittedLine fit_line(std::string_view text, float max_width, const Measure& measure);

struct WrappedText {
  std::vector<std::string> lines;
  bool truncated = false;  // true when text was dropped and the last line ends in "…"
};

// Greedy wrapping on spaces; '\n' forces a break; a word wider than max_width is broken between
// code points. max_lines <= 0 means unlimited; otherwise at most max_lines lines, the last one
// ellipsised when text remains. Empty text gives no lines.
WrappedText wrap_text(std::string_view text, float max_width, int max_lines,
                      const Measure& measure);

}  // namespace unknot::ui
