// What the person chose for reading and motion comfort: the theme, the text size, reduced motion
// and high contrast. Plain values shared by app (Settings), storage (persisted) and ui (palette,
// type, the pacer). Pure std.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace unknot::core {

enum class ThemeChoice { Automatic, Light, Dark };  // Automatic: light by day, dark at night

inline constexpr int kTextPercentMin = 100;
inline constexpr int kTextPercentMax = 200;
inline constexpr int kTextPercentStep = 25;

struct ComfortSettings {
  ThemeChoice theme = ThemeChoice::Automatic;
  int text_percent = kTextPercentMin;  // kTextPercentMin..kTextPercentMax, in whole steps
  bool reduce_motion = false;  // the pacer shows the phase by colour, count and fill, not size
  bool high_contrast = false;  // stronger text, outlines and focus
  // The language the app speaks: empty follows the system's (LC_ALL, LC_MESSAGES, LANG; the
  // browser's), else a code of core::languages() ("en", "es").
  std::string language;
  friend bool operator==(const ComfortSettings&, const ComfortSettings&) = default;
};

// The text size one step up (+1) or down (-1) from `percent`, kept within min..max and on the
// step grid (a value between steps moves to the neighbouring step in that direction).
int stepped_text_percent(int percent, int direction);

// `percent` brought onto the grid: clamped to min..max, rounded to the nearest step.
int valid_text_percent(int percent);

std::string_view theme_name(ThemeChoice theme);  // "automatic", "light", "dark"
std::optional<ThemeChoice> parse_theme(std::string_view name);

}  // namespace unknot::core
