// The palette (light and dark, design.md "Colour") and the type scale. Depends on nothing.
#pragma once

#include <cstddef>
#include <cstdint>

#include "app/type_scale.h"
#include "core/comfort_settings.h"

namespace unknot::ui {

struct Color {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
  Color with_alpha(std::uint8_t alpha) const { return {r, g, b, alpha}; }
};

enum class ThemeKind { Dark, Light };

struct Palette {
  Color background, surface, surface_raised, text, muted, outline;
  Color inhale, exhale, hold, caution, stop;
  Color caution_text;  // caution as text: AA contrast on background and surfaces
  Color accent;        // primary buttons and focus
  Color on_accent;     // text on the accent colour
  Color on_caution;    // text and marks on the caution colour (a marked answer, a tick)
  Color focus;         // the keyboard focus ring: a hue no control's fill or outline uses
};

// The palette of a theme; `high_contrast` gives its high-contrast variant (text and muted text
// at least 7:1, outlines at least 4.5:1 on every surface).
const Palette& palette(ThemeKind kind, bool high_contrast = false);

// The theme to draw for the person's choice: Automatic is light from 07:00 to 19:00 local time.
ThemeKind theme_for(core::ThemeChoice choice, int local_hour);

// Pain 0..10 on a calm gradient teal → sand → muted red (always shown with the number).
Color pain_color(int pain);

// Mix of two colours, t in 0..1.
Color mix(Color a, Color b, float t);

// WCAG relative-luminance contrast ratio between two opaque colours (1..21).
double contrast_ratio(Color a, Color b);

// The type scale lives in app (layouts measure text with it); ui names it as its own.
using app::Font;
using app::font_size_dp;
using app::is_strong;
using app::kFontCount;
using app::line_height_dp;

}  // namespace unknot::ui
