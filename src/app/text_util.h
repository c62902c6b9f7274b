// Small UTF-8 text helpers shared by the layouts (counting characters, sizing text without a
// font). Private to app; pure.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace unknot::app {

// Characters (code points) in UTF-8 text.
std::size_t code_points(std::string_view text);
// Lines `text` takes at `width` in a font of `font_px`, estimated from its length (layouts
// reserve room before any font is open).
int estimated_lines(std::string_view text, float width, float font_px);

}  // namespace unknot::app
