// The palette (light and dark, design.md "Colour") and the type scale. Depends on nothing.
#pragma once

#include <cstddef>
#include <cstdint>

#include "app/type_scale.h"

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
  Color accent;     // primary buttons and focus
  Color on_accent;  // text on the accent colour
};

const Palette& palette(ThemeKind kind);

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
