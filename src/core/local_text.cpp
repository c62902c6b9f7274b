#include "core/local_text.h"

#include <array>
#include <string_view>

#include "core/number_text.h"
#include "core/translate.h"

namespace unknot::core {
namespace {

using namespace std::chrono;

std::string day_number(year_month_day date) {
  return std::to_string(static_cast<unsigned>(date.day()));
}

std::string year_number(year_month_day date) {
  return std::to_string(static_cast<int>(date.year()));
}

// The decimal point as the language writes it.
std::string separator() {
  // TRANSLATORS: the decimal separator, as in 13.5 min: "," in Spanish.
  return trc("decimal separator", ".");
}

}  // namespace

std::string short_month_name(unsigned month) {
  switch (month) {
    // TRANSLATORS: a month's short name, as in "3 Jan".
    case 1:
      return trc("short month", "Jan");
    case 2:
      return trc("short month", "Feb");
    case 3:
      return trc("short month", "Mar");
    case 4:
      return trc("short month", "Apr");
    case 5:
      return trc("short month", "May");
    case 6:
      return trc("short month", "Jun");
    case 7:
      return trc("short month", "Jul");
    case 8:
      return trc("short month", "Aug");
    case 9:
      return trc("short month", "Sep");
    case 10:
      return trc("short month", "Oct");
    case 11:
      return trc("short month", "Nov");
    case 12:
      return trc("short month", "Dec");
    default:
      return {};
  }
}

std::string month_name(unsigned month) {
  switch (month) {
    case 1:
      return trc("month", "January");
    case 2:
      return trc("month", "February");
    case 3:
      return trc("month", "March");
    case 4:
      return trc("month", "April");
    case 5:
      return trc("month", "May");
    case 6:
      return trc("month", "June");
    case 7:
      return trc("month", "July");
    case 8:
      return trc("month", "August");
    case 9:
      return trc("month", "September");
    case 10:
      return trc("month", "October");
    case 11:
      return trc("month", "November");
    case 12:
      return trc("month", "December");
    default:
      return {};
  }
}

std::string short_weekday_name(weekday day) {
  switch (day.iso_encoding()) {
    // TRANSLATORS: a weekday's short name, as in "Thu 3 Dec".
    case 1:
      return trc("short weekday", "Mon");
    case 2:
      return trc("short weekday", "Tue");
    case 3:
      return trc("short weekday", "Wed");
    case 4:
      return trc("short weekday", "Thu");
    case 5:
      return trc("short weekday", "Fri");
    case 6:
      return trc("short weekday", "Sat");
    default:
      return trc("short weekday", "Sun");
  }
}

std::string weekday_name(weekday day) {
  switch (day.iso_encoding()) {
    case 1:
      return trc("weekday", "Monday");
    case 2:
      return trc("weekday", "Tuesday");
    case 3:
      return trc("weekday", "Wednesday");
    case 4:
      return trc("weekday", "Thursday");
    case 5:
      return trc("weekday", "Friday");
    case 6:
      return trc("weekday", "Saturday");
    default:
      return trc("weekday", "Sunday");
  }
}

std::string day_month_text(year_month_day date) {
  // TRANSLATORS: a day of the month and a short month name: "3 Dec".
  return fill(trc("date", "{day} {month}"),
              {{"day", day_number(date)},
               {"month", short_month_name(static_cast<unsigned>(date.month()))}});
}

std::string day_month_year_text(year_month_day date) {
  // TRANSLATORS: "3 Dec 2026".
  return fill(trc("date", "{day} {month} {year}"),
              {{"day", day_number(date)},
               {"month", short_month_name(static_cast<unsigned>(date.month()))},
               {"year", year_number(date)}});
}

std::string weekday_day_month_text(sys_days day) {
  const year_month_day date{day};
  // TRANSLATORS: "Thu 3 Dec".
  return fill(trc("date", "{weekday} {day} {month}"),
              {{"weekday", short_weekday_name(weekday{day})},
               {"day", day_number(date)},
               {"month", short_month_name(static_cast<unsigned>(date.month()))}});
}

std::string weekday_day_month_year_text(sys_days day) {
  const year_month_day date{day};
  // TRANSLATORS: "Thu 3 Dec 2026".
  return fill(trc("date", "{weekday} {day} {month} {year}"),
              {{"weekday", short_weekday_name(weekday{day})},
               {"day", day_number(date)},
               {"month", short_month_name(static_cast<unsigned>(date.month()))},
               {"year", year_number(date)}});
}

std::string decimal_text(double value, int decimals) {
  std::string text = fixed_text(value, decimals);
  if (const std::size_t dot = text.find('.'); dot != std::string::npos)
    text.replace(dot, 1, separator());
  return text;
}

std::string short_decimal_text(double value, int decimals) {
  std::string text = fixed_text(value, decimals);
  if (const std::size_t dot = text.find('.'); dot != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  if (text == "-0") text = "0";
  if (const std::size_t dot = text.find('.'); dot != std::string::npos)
    text.replace(dot, 1, separator());
  return text;
}

}  // namespace unknot::core
