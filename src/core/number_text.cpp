#include "core/number_text.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <system_error>

namespace unknot::core {

#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L

std::string shortest_text(double value) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string fixed_text(double value, int decimals) {
  char buffer[400];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
  return std::string(buffer, result.ptr);
}

std::optional<double> parse_decimal(std::string_view text) {
  double value = 0;
  const char* const end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc{} || stop != end || text.empty()) return std::nullopt;
  return value;
}

#else

std::string shortest_text(double value) {
  char buffer[64];
  // The fewest significant digits that read back exactly: at most 17 for any double.
  for (int digits = 1; digits <= 17; ++digits) {
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
    if (std::strtod(buffer, nullptr) == value) break;
  }
  return buffer;
}

std::string fixed_text(double value, int decimals) {
  char buffer[400];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::optional<double> parse_decimal(std::string_view text) {
  // from_chars reads no leading space, no '+', and no hexadecimal; strtod does, so refuse them.
  if (text.empty() || text.front() == ' ' || text.front() == '+' ||
      text.find_first_of("xXpP") != std::string_view::npos)
    return std::nullopt;
  const std::string copy(text);
  char* stop = nullptr;
  const double value = std::strtod(copy.c_str(), &stop);
  if (stop != copy.c_str() + copy.size()) return std::nullopt;
  return value;
}

#endif

}  // namespace unknot::core
