// Decimal numbers as text and back, the same everywhere: a dot for the decimal point whatever
// the locale, the shortest text that reads back to the same double. std::to_chars and
// std::from_chars for floating point where the standard library has them (libstdc++ 11+); the
// browser build's libc++ (Emscripten 3.1.6) has only the integer ones, and gets the same results
// from printf and strtod in the "C" locale, which a browser always runs in. Pure std.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace unknot::core {

// The shortest text that reads back to exactly `value` ("0.1", "45", "1e+300").
std::string shortest_text(double value);
// `value` with exactly `decimals` digits after the point ("0.50" for 0.5 and 2).
std::string fixed_text(double value, int decimals);
// The whole of `text` as a decimal number; nullopt if any of it is not part of one.
std::optional<double> parse_decimal(std::string_view text);

}  // namespace unknot::core
