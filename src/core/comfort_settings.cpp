#include "core/comfort_settings.h"

#include <algorithm>
#include <array>

namespace unknot::core {
namespace {

constexpr std::array kThemes{ThemeChoice::Automatic, ThemeChoice::Light, ThemeChoice::Dark};

}  // namespace

int valid_text_percent(int percent) {
  const int clamped = std::clamp(percent, kTextPercentMin, kTextPercentMax);
  const int steps = (clamped - kTextPercentMin + kTextPercentStep / 2) / kTextPercentStep;
  return kTextPercentMin + steps * kTextPercentStep;
}

int stepped_text_percent(int percent, int direction) {
  const int clamped = std::clamp(percent, kTextPercentMin, kTextPercentMax);
  const int below =
      kTextPercentMin + (clamped - kTextPercentMin) / kTextPercentStep * kTextPercentStep;
  int next = clamped;
  if (direction > 0) next = below + kTextPercentStep;
  if (direction < 0) next = below == clamped ? below - kTextPercentStep : below;
  return std::clamp(next, kTextPercentMin, kTextPercentMax);
}

std::string_view theme_name(ThemeChoice theme) {
  switch (theme) {
    case ThemeChoice::Automatic:
      return "automatic";
    case ThemeChoice::Light:
      return "light";
    case ThemeChoice::Dark:
      return "dark";
  }
  return "automatic";
}

std::optional<ThemeChoice> parse_theme(std::string_view name) {
  for (const ThemeChoice theme : kThemes) {
    if (theme_name(theme) == name) return theme;
  }
  return std::nullopt;
}

}  // namespace unknot::core
