#include "core/comfort_settings.h"

#include <doctest/doctest.h>

namespace unknot::core {

TEST_CASE("text size steps by a quarter between 100 and 200 percent") {
  CHECK(stepped_text_percent(100, +1) == 125);
  CHECK(stepped_text_percent(175, +1) == 200);
  CHECK(stepped_text_percent(200, +1) == 200);
  CHECK(stepped_text_percent(125, -1) == 100);
  CHECK(stepped_text_percent(100, -1) == 100);
  // Off the grid (an older or edited value): the neighbouring step in that direction.
  CHECK(stepped_text_percent(110, +1) == 125);
  CHECK(stepped_text_percent(110, -1) == 100);
  CHECK(stepped_text_percent(260, -1) == 175);
  CHECK(stepped_text_percent(40, +1) == 125);
}

TEST_CASE("a stored text size is brought onto the grid") {
  CHECK(valid_text_percent(100) == 100);
  CHECK(valid_text_percent(137) == 125);
  CHECK(valid_text_percent(138) == 150);
  CHECK(valid_text_percent(999) == 200);
  CHECK(valid_text_percent(-5) == 100);
}

TEST_CASE("theme names read back to the same choice and nothing else reads") {
  for (const ThemeChoice t : {ThemeChoice::Automatic, ThemeChoice::Light, ThemeChoice::Dark}) {
    CHECK(parse_theme(theme_name(t)) == t);
  }
  CHECK_FALSE(parse_theme("Dark").has_value());
  CHECK_FALSE(parse_theme("").has_value());
}

}  // namespace unknot::core
