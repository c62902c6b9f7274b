// to_iso8601 and from_iso8601, declared in storage/session_store.h: pure <chrono> calendar
// arithmetic, no SQLite (and no std::format, which gcc 12 lacks).
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "storage/session_store.h"

namespace unknot::storage {
namespace {

using namespace std::chrono;

// Four-digit years only: wider text would no longer sort in time order.
constexpr sys_seconds kEarliestStorable{sys_days{year{0} / January / 1}};
// In seconds from the start: sys_days + hours + minutes would be counted in minutes, whose
// `long` is 32 bits where the platform's long is (wasm32, 32-bit ARM), and year 9999 overflows it.
constexpr sys_seconds kLatestStorable{sys_seconds{sys_days{year{9999} / December / 31}} +
                                      seconds{86'399}};

void append_padded(std::string& out, long long value, std::size_t width) {
  std::string digits = std::to_string(value);
  if (digits.size() < width) out.append(width - digits.size(), '0');
  out += digits;
}

}  // namespace

std::string to_iso8601(core::UnixSeconds t) {
  if (t < kEarliestStorable || t > kLatestStorable) {
    throw std::out_of_range("to_iso8601: only years 0000 to 9999 have a four-digit form");
  }
  const sys_days day = floor<days>(t);
  const year_month_day date{day};
  const hh_mm_ss<seconds> time{t - day};
  std::string text;
  text.reserve(20);
  append_padded(text, int{date.year()}, 4);
  text += '-';
  append_padded(text, unsigned{date.month()}, 2);
  text += '-';
  append_padded(text, unsigned{date.day()}, 2);
  text += 'T';
  append_padded(text, time.hours().count(), 2);
  text += ':';
  append_padded(text, time.minutes().count(), 2);
  text += ':';
  append_padded(text, time.seconds().count(), 2);
  text += 'Z';
  return text;
}

std::optional<core::UnixSeconds> from_iso8601(const std::string& text) {
  constexpr std::string_view kShape = "####-##-##T##:##:##Z";
  if (text.size() != kShape.size()) return std::nullopt;
  for (std::size_t i = 0; i < kShape.size(); ++i) {
    const bool digit = text[i] >= '0' && text[i] <= '9';
    if (kShape[i] == '#' ? !digit : text[i] != kShape[i]) return std::nullopt;
  }
  const auto number = [&text](std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  const year_month_day date{year{number(0, 4)}, month{static_cast<unsigned>(number(5, 2))},
                            day{static_cast<unsigned>(number(8, 2))}};
  const int h = number(11, 2);
  const int m = number(14, 2);
  const int s = number(17, 2);
  // sys_seconds has no leap seconds, so :60 is rejected along with other impossible times.
  if (!date.ok() || h > 23 || m > 59 || s > 59) return std::nullopt;
  // Summed in seconds (long long) from the start: see kLatestStorable.
  return sys_seconds{sys_days{date}} + seconds{h * 3600LL + m * 60LL + s};
}

}  // namespace unknot::storage
