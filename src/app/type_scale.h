// The type scale (design.md "Type"): the text styles, their sizes and line heights in dp at
// 100 % text size. Pure std; layouts measure text in these styles through app/text_measure.h.
#pragma once

#include <cstddef>

namespace unknot::app {

enum class Font { Display, Title, Heading, Body, BodyStrong, Caption, Button, Timer };

inline constexpr std::size_t kFontCount = 8;  // number of Font values, for per-font tables

// Size of the style in dp at 100 % text size.
float font_size_dp(Font font);

// Line height in whole dp at 100 % text size, about 1.3x the size; text is vertically centred
// in it.
float line_height_dp(Font font);

// How much `font` grows at a text size of `text_scale` (1 = 100 %, 2 = 200 %): the reading
// styles grow fully; the large ones (Title, Display, Timer) by half as much, as they are already
// large and would otherwise crowd out what they head.
float font_scale(Font font, float text_scale);

// True for the semibold styles (BodyStrong, Heading, Title, Display, Button).
bool is_strong(Font font);

}  // namespace unknot::app
