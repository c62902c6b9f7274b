// Small UTF-8 text helpers shared by the flows (typing into fields) and the layouts (sizing
// text without a font). Private to app; pure.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace unknot::app {

// Characters (code points) in UTF-8 text.
std::size_t code_points(std::string_view text);
// Appends typed text to one line that holds at most `limit` characters: carriage returns are
// dropped, line breaks and tabs become spaces, and what does not fit is left out.
void append_typed(std::string& to, std::string_view typed, std::size_t limit);
// Removes the last whole UTF-8 character (Backspace); nothing when empty.
void erase_last_char(std::string& text);
// Lines `text` takes at `width` in a font of `font_px`, estimated from its length (layouts
// reserve room before any font is open).
int estimated_lines(std::string_view text, float width, float font_px);

}  // namespace unknot::app
