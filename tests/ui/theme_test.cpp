#include "ui/theme.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

namespace {

using unknot::ui::Color;
using unknot::ui::ThemeKind;

Color hex(std::uint32_t v) {
  return {static_cast<std::uint8_t>(v >> 16), static_cast<std::uint8_t>((v >> 8) & 0xFF),
          static_cast<std::uint8_t>(v & 0xFF), 255};
}

bool same(Color a, Color b) { return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a; }

// Hue in degrees (0..360) of an opaque colour.
double hue(Color c) {
  const double r = c.r / 255.0, g = c.g / 255.0, b = c.b / 255.0;
  const double hi = std::max({r, g, b}), lo = std::min({r, g, b}), d = hi - lo;
  if (d == 0) return 0;
  double h = hi == r ? std::fmod((g - b) / d, 6.0) : hi == g ? (b - r) / d + 2 : (r - g) / d + 4;
  h *= 60;
  return h < 0 ? h + 360 : h;
}

double hue_distance(Color a, Color b) {
  const double d = std::fabs(hue(a) - hue(b));
  return std::min(d, 360 - d);
}

constexpr std::array<ThemeKind, 2> kThemes{ThemeKind::Dark, ThemeKind::Light};

}  // namespace

TEST_CASE("the palettes use the design colours exactly") {
  const auto& dark = unknot::ui::palette(ThemeKind::Dark);
  CHECK(same(dark.background, hex(0x0F1B24)));
  CHECK(same(dark.surface, hex(0x17262F)));
  CHECK(same(dark.text, hex(0xE8EEF0)));
  CHECK(same(dark.muted, hex(0x9FB1B8)));
  const auto& light = unknot::ui::palette(ThemeKind::Light);
  CHECK(same(light.background, hex(0xF5F3EF)));
  CHECK(same(light.surface, hex(0xFFFFFF)));
  CHECK(same(light.text, hex(0x1E2A30)));
  CHECK(same(light.muted, hex(0x5B6B72)));
  for (ThemeKind kind : kThemes) {
    const auto& p = unknot::ui::palette(kind);
    CHECK(same(p.inhale, hex(0x3FB8AF)));
    CHECK(same(p.exhale, hex(0xE0B07A)));
    CHECK(same(p.hold, hex(0x8FA3AD)));
    CHECK(same(p.caution, hex(0xE3A13B)));
    CHECK(same(p.stop, hex(0xD9534F)));
  }
}

TEST_CASE("every text colour has at least 4.5:1 contrast on every surface it is drawn on") {
  for (ThemeKind kind : kThemes) {
    const auto& p = unknot::ui::palette(kind);
    CAPTURE(kind == ThemeKind::Dark ? "dark" : "light");
    for (Color bg : {p.background, p.surface, p.surface_raised}) {
      CHECK(unknot::ui::contrast_ratio(p.text, bg) >= 4.5);
      CHECK(unknot::ui::contrast_ratio(p.muted, bg) >= 4.5);
      CHECK(unknot::ui::contrast_ratio(p.caution_text, bg) >= 4.5);
    }
    CHECK(unknot::ui::contrast_ratio(p.on_accent, p.accent) >= 4.5);
    // A marked "Sore" or a ticked safety question: dark ink on amber.
    CHECK(unknot::ui::contrast_ratio(p.on_caution, p.caution) >= 4.5);
    CHECK(unknot::ui::contrast_ratio(unknot::ui::palette(kind, true).on_caution,
                                     unknot::ui::palette(kind, true).caution) >= 4.5);
  }
}

TEST_CASE("outlines have at least 3:1 contrast so control borders are visible") {
  for (ThemeKind kind : kThemes) {
    const auto& p = unknot::ui::palette(kind);
    for (Color bg : {p.background, p.surface, p.surface_raised}) {
      CHECK(unknot::ui::contrast_ratio(p.outline, bg) >= 3.0);
    }
  }
}

TEST_CASE("contrast ratio is 21 for black on white, 1 for a colour on itself, and symmetric") {
  CHECK(unknot::ui::contrast_ratio(hex(0x000000), hex(0xFFFFFF)) == doctest::Approx(21.0));
  CHECK(unknot::ui::contrast_ratio(hex(0x3FB8AF), hex(0x3FB8AF)) == doctest::Approx(1.0));
  CHECK(unknot::ui::contrast_ratio(hex(0x0F1B24), hex(0xE8EEF0)) ==
        doctest::Approx(unknot::ui::contrast_ratio(hex(0xE8EEF0), hex(0x0F1B24))));
}

TEST_CASE("pain colour runs from inhale teal at 0 through exhale sand at 5 to a muted red at 10") {
  const auto& p = unknot::ui::palette(ThemeKind::Dark);
  CHECK(same(unknot::ui::pain_color(0), p.inhale));
  CHECK(same(unknot::ui::pain_color(5), p.exhale));
  const Color high = unknot::ui::pain_color(10);
  CHECK(high.r > high.g);
  CHECK(high.r > high.b);
  CHECK_FALSE(same(high, p.stop));  // stop red is reserved for stopping
  CHECK(same(unknot::ui::pain_color(-3), unknot::ui::pain_color(0)));
  CHECK(same(unknot::ui::pain_color(42), unknot::ui::pain_color(10)));
}

TEST_CASE("pain colours change at every step so neighbouring levels are distinguishable") {
  for (int pain = 1; pain <= 10; ++pain) {
    CAPTURE(pain);
    CHECK_FALSE(same(unknot::ui::pain_color(pain), unknot::ui::pain_color(pain - 1)));
  }
}

TEST_CASE("mix returns its endpoints at 0 and 1 and clamps t outside that range") {
  const Color a = hex(0x000000), b = hex(0xFF8040);
  CHECK(same(unknot::ui::mix(a, b, 0), a));
  CHECK(same(unknot::ui::mix(a, b, 1), b));
  CHECK(same(unknot::ui::mix(a, b, 2), b));
  CHECK(same(unknot::ui::mix(a, b, 0.5f), Color{128, 64, 32, 255}));
}

TEST_CASE("the type scale matches the design and line heights are about 1.3 times the size") {
  using unknot::ui::Font;
  CHECK(unknot::ui::font_size_dp(Font::Display) == 40);
  CHECK(unknot::ui::font_size_dp(Font::Title) == 28);
  CHECK(unknot::ui::font_size_dp(Font::Heading) == 20);
  CHECK(unknot::ui::font_size_dp(Font::Body) == 17);
  CHECK(unknot::ui::font_size_dp(Font::BodyStrong) == 17);
  CHECK(unknot::ui::font_size_dp(Font::Caption) == 14);
  CHECK(unknot::ui::font_size_dp(Font::Button) == 17);
  CHECK(unknot::ui::font_size_dp(Font::Timer) == 56);
  CHECK(unknot::ui::is_strong(Font::BodyStrong));
  CHECK(unknot::ui::is_strong(Font::Button));
  CHECK_FALSE(unknot::ui::is_strong(Font::Body));
  for (std::size_t i = 0; i < unknot::ui::kFontCount; ++i) {
    const auto f = static_cast<Font>(i);
    const float ratio = unknot::ui::line_height_dp(f) / unknot::ui::font_size_dp(f);
    CAPTURE(i);
    CHECK(ratio >= 1.25f);
    CHECK(ratio <= 1.35f);
    CHECK(unknot::ui::line_height_dp(f) == std::round(unknot::ui::line_height_dp(f)));
  }
}

TEST_CASE("high contrast gives text and muted text at least 7:1 and outlines 4.5:1 everywhere") {
  for (ThemeKind kind : kThemes) {
    const auto& p = unknot::ui::palette(kind, true);
    CAPTURE(kind == ThemeKind::Dark ? "dark" : "light");
    for (Color bg : {p.background, p.surface, p.surface_raised}) {
      CHECK(unknot::ui::contrast_ratio(p.text, bg) >= 7.0);
      CHECK(unknot::ui::contrast_ratio(p.muted, bg) >= 7.0);
      CHECK(unknot::ui::contrast_ratio(p.caution_text, bg) >= 7.0);
      CHECK(unknot::ui::contrast_ratio(p.outline, bg) >= 4.5);
    }
    CHECK(unknot::ui::contrast_ratio(p.on_accent, p.accent) >= 7.0);
    // Each step up from the standard palette: never less contrast than without it.
    const auto& standard = unknot::ui::palette(kind);
    CHECK(unknot::ui::contrast_ratio(p.text, p.background) >
          unknot::ui::contrast_ratio(standard.text, standard.background));
  }
}

TEST_CASE("the focus ring is its own colour, visible on every surface in every palette") {
  for (ThemeKind kind : kThemes) {
    for (const bool high : {false, true}) {
      const auto& p = unknot::ui::palette(kind, high);
      CAPTURE(kind == ThemeKind::Dark ? "dark" : "light");
      CAPTURE(high);
      for (Color bg : {p.background, p.surface, p.surface_raised}) {
        CHECK(unknot::ui::contrast_ratio(p.focus, bg) >= 3.0);
      }
      // Not the colour of an outline or a primary button's fill.
      CHECK_FALSE(same(p.focus, p.outline));
      CHECK_FALSE(same(p.focus, p.accent));
      // Apart in hue from the accent (focus often sits around a primary button).
      CHECK(hue_distance(p.focus, p.accent) >= 40.0);
    }
  }
}

TEST_CASE("automatic theme is light from 07:00 until 19:00, a chosen theme ignores the hour") {
  using unknot::core::ThemeChoice;
  CHECK(unknot::ui::theme_for(ThemeChoice::Automatic, 6) == ThemeKind::Dark);
  CHECK(unknot::ui::theme_for(ThemeChoice::Automatic, 7) == ThemeKind::Light);
  CHECK(unknot::ui::theme_for(ThemeChoice::Automatic, 18) == ThemeKind::Light);
  CHECK(unknot::ui::theme_for(ThemeChoice::Automatic, 19) == ThemeKind::Dark);
  for (int hour : {0, 12, 23}) {
    CHECK(unknot::ui::theme_for(ThemeChoice::Light, hour) == ThemeKind::Light);
    CHECK(unknot::ui::theme_for(ThemeChoice::Dark, hour) == ThemeKind::Dark);
  }
}
