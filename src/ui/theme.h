// The palette (light and dark, design.md "Colour") and the type scale. Depends on nothing.
#pragma once

#include <cstddef>
#include <cstdint>

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

// The type scale in dp (design.md "Type").
enum class Font { Display, Title, Heading, Body, BodyStrong, Caption, Button, Timer };

float font_size_dp(Font font);

// Line height in whole dp, about 1.3x the size; text is vertically centred in it.
float line_height_dp(Font font);

// True for the semibold styles (BodyStrong, Heading, Title, Display, Button).
bool is_strong(Font font);

inline constexpr std::size_t kFontCount = 8;  // number of Font values, for per-font tables

}  // namespace unknot::ui
