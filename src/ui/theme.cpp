#include "ui/theme.h"

#include <algorithm>
#include <cmath>

namespace unknot::ui {
namespace {

constexpr Color rgb(std::uint32_t hex) {
  return {static_cast<std::uint8_t>((hex >> 16) & 0xFF),
          static_cast<std::uint8_t>((hex >> 8) & 0xFF), static_cast<std::uint8_t>(hex & 0xFF), 255};
}

// Shared accents come from design.md. The extra roles were picked for contrast, measured in
// theme_test: outline >= 3:1 against every surface (WCAG non-text), text roles >= 4.5:1.
constexpr Palette kDark{
    .background = rgb(0x0F1B24),
    .surface = rgb(0x17262F),
    .surface_raised = rgb(0x1E303B),
    .text = rgb(0xE8EEF0),
    .muted = rgb(0x9FB1B8),
    .outline = rgb(0x6A7F89),
    .inhale = rgb(0x3FB8AF),
    .exhale = rgb(0xE0B07A),
    .hold = rgb(0x8FA3AD),
    .caution = rgb(0xE3A13B),
    .stop = rgb(0xD9534F),
    .caution_text = rgb(0xE3A13B),
    // The inhale teal is light enough on a dark theme to carry dark text (7.2:1).
    .accent = rgb(0x3FB8AF),
    .on_accent = rgb(0x0F1B24),
    // Amber is light in every theme: dark text reads on it (7.8:1; 5.8:1 on the deep one).
    .on_caution = rgb(0x0F1B24),
    // A soft blue: no control is filled or outlined with it, so focus never reads as a border.
    .focus = rgb(0x8CB8FF),
};

constexpr Palette kLight{
    .background = rgb(0xF5F3EF),
    .surface = rgb(0xFFFFFF),
    .surface_raised = rgb(0xEEEBE5),
    .text = rgb(0x1E2A30),
    .muted = rgb(0x5B6B72),
    .outline = rgb(0x7A878D),
    .inhale = rgb(0x3FB8AF),
    .exhale = rgb(0xE0B07A),
    .hold = rgb(0x8FA3AD),
    .caution = rgb(0xE3A13B),
    .stop = rgb(0xD9534F),
    // The design amber is 2:1 on the light background; a deep amber of the same hue is 5.3:1.
    .caution_text = rgb(0x8A5A00),
    // The design teal is too light for white text (2.2:1); a deeper teal of the same hue is 6:1.
    .accent = rgb(0x1A6E69),
    .on_accent = rgb(0xFFFFFF),
    .on_caution = rgb(0x0F1B24),
    .focus = rgb(0x2457C5),
};

// High contrast: the same hues, pushed apart. Text is pure, muted text and outlines are close to
// it, the accents are brightened (dark) or deepened (light), and focus is a hue of its own.
constexpr Palette kDarkHigh{
    .background = rgb(0x000000),
    .surface = rgb(0x0E171D),
    .surface_raised = rgb(0x1A262E),
    .text = rgb(0xFFFFFF),
    .muted = rgb(0xD7E1E5),
    .outline = rgb(0xA9BCC4),
    .inhale = rgb(0x5CD6CC),
    .exhale = rgb(0xF2C48F),
    .hold = rgb(0xB8C8D0),
    .caution = rgb(0xF5B54A),
    .stop = rgb(0xFF6B66),
    .caution_text = rgb(0xF5B54A),
    .accent = rgb(0x5CD6CC),
    .on_accent = rgb(0x000000),
    .on_caution = rgb(0x000000),
    .focus = rgb(0xFFD84D),
};

constexpr Palette kLightHigh{
    .background = rgb(0xFFFFFF),
    .surface = rgb(0xF3F2EF),
    .surface_raised = rgb(0xE6E4DF),
    .text = rgb(0x000000),
    .muted = rgb(0x273238),
    .outline = rgb(0x4F5B61),
    .inhale = rgb(0x1F8F87),
    .exhale = rgb(0xB9804A),
    .hold = rgb(0x5E7380),
    .caution = rgb(0xB87A12),
    .stop = rgb(0xB3261E),
    .caution_text = rgb(0x5E3D00),
    .accent = rgb(0x0B4A46),
    .on_accent = rgb(0xFFFFFF),
    .on_caution = rgb(0x000000),
    .focus = rgb(0x1440B0),
};

// Muted rather than alarm red: pain 10 is information, not an emergency (stop red is reserved).
constexpr Color kPainHigh = rgb(0xC8645A);

double linear_channel(std::uint8_t c) {
  const double v = c / 255.0;
  return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

double relative_luminance(Color c) {
  return 0.2126 * linear_channel(c.r) + 0.7152 * linear_channel(c.g) + 0.0722 * linear_channel(c.b);
}

std::uint8_t lerp_channel(std::uint8_t a, std::uint8_t b, float t) {
  const float v = static_cast<float>(a) + (static_cast<float>(b) - static_cast<float>(a)) * t;
  return static_cast<std::uint8_t>(std::clamp(std::lround(v), 0L, 255L));
}

}  // namespace

const Palette& palette(ThemeKind kind, bool high_contrast) {
  if (high_contrast) return kind == ThemeKind::Light ? kLightHigh : kDarkHigh;
  return kind == ThemeKind::Light ? kLight : kDark;
}

ThemeKind theme_for(core::ThemeChoice choice, int local_hour) {
  switch (choice) {
    case core::ThemeChoice::Light:
      return ThemeKind::Light;
    case core::ThemeChoice::Dark:
      return ThemeKind::Dark;
    case core::ThemeChoice::Automatic:
      break;
  }
  return local_hour >= 7 && local_hour < 19 ? ThemeKind::Light : ThemeKind::Dark;
}

Color mix(Color a, Color b, float t) {
  t = std::clamp(t, 0.0f, 1.0f);
  return {lerp_channel(a.r, b.r, t), lerp_channel(a.g, b.g, t), lerp_channel(a.b, b.b, t),
          lerp_channel(a.a, b.a, t)};
}

Color pain_color(int pain) {
  const int p = std::clamp(pain, 0, 10);
  const Palette& pal = kDark;  // the accents are the same in both themes
  if (p <= 5) return mix(pal.inhale, pal.exhale, static_cast<float>(p) / 5.0f);
  return mix(pal.exhale, kPainHigh, static_cast<float>(p - 5) / 5.0f);
}

double contrast_ratio(Color a, Color b) {
  const double la = relative_luminance(a);
  const double lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace unknot::ui
