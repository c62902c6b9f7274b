// The one way layouts learn how much room text takes: widths, wrapped lines and line heights
// from the real font (ui implements it with SDL_ttf, in the app and in its tests). Pure std.
// Layouts wrap text to as many lines as it needs; they never guess from character counts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/type_scale.h"

namespace unknot::app {

class TextMeasure {
 public:
  virtual ~TextMeasure() = default;
  // Height of one line of `font` in dp, at the current text size.
  virtual float line_height(Font font) const = 0;
  // Width of `text` on one line, in dp.
  virtual float width(std::string_view text, Font font) const = 0;
  // `text` broken into lines no wider than `width` dp ('\n' forces a break; a word wider than
  // the line is broken between characters). Never drops text; empty text gives no lines.
  virtual std::vector<std::string> lines(std::string_view text, Font font, float width) const = 0;
};

// Height `text` takes wrapped at `width` (lines × line height); 0 for empty text.
float text_height(const TextMeasure& measure, std::string_view text, Font font, float width);

// A stand-in for models that have no font yet (unit tests of the flows, the first tick): every
// character is 0.55 em wide, lines are 1.3 em. Layout property tests use the real font instead.
const TextMeasure& estimated_text();

}  // namespace unknot::app
