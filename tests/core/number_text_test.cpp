// Numbers as text: the shortest exact form, fixed decimals, and strict parsing. The web build
// takes the printf/strtod branch; this suite runs the branch the native library picks, and the
// browser end-to-end test covers the other through the saved volumes and routine messages.
#include "core/number_text.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

namespace unknot::core {

TEST_CASE("the shortest text of a double reads back to the same double") {
  CHECK(shortest_text(45.0) == "45");
  CHECK(shortest_text(0.1) == "0.1");
  CHECK(shortest_text(2.5) == "2.5");
  CHECK(shortest_text(-0.75) == "-0.75");
  for (const double v : {1.0 / 3.0, 2.0 / 3.0, 1e-7, 123456.789, 1e300, 5e-324}) {
    const auto text = shortest_text(v);
    CAPTURE(text);
    CHECK(std::strtod(text.c_str(), nullptr) == v);
    CHECK(text.size() <= 24);
  }
}

TEST_CASE("fixed decimals round as printf does (an exact tie to even) and keep a dot") {
  CHECK(fixed_text(0.5, 2) == "0.50");
  CHECK(fixed_text(1.0, 2) == "1.00");
  CHECK(fixed_text(0.125, 1) == "0.1");  // 0.125 rounds to even in binary: 0.1
  CHECK(fixed_text(0.876, 2) == "0.88");
  CHECK(fixed_text(0.0, 0) == "0");
}

TEST_CASE("a decimal parses only when the whole text is one") {
  CHECK(parse_decimal("0.25") == std::optional<double>(0.25));
  CHECK(parse_decimal("1") == std::optional<double>(1.0));
  CHECK(parse_decimal("-3.5") == std::optional<double>(-3.5));
  CHECK(parse_decimal("1e2") == std::optional<double>(100.0));
  CHECK_FALSE(parse_decimal("").has_value());
  CHECK_FALSE(parse_decimal("0.5x").has_value());
  CHECK_FALSE(parse_decimal(" 0.5").has_value());
  CHECK_FALSE(parse_decimal("+0.5").has_value());
  CHECK_FALSE(parse_decimal("0x10").has_value());
  CHECK_FALSE(parse_decimal("abc").has_value());
  const auto nan = parse_decimal("nan");
  CHECK((!nan.has_value() || std::isnan(*nan)));  // callers refuse it as not finite
}

}  // namespace unknot::core
