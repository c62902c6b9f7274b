// Dates and decimal numbers as the current language writes them (core/translate.h): month and
// weekday names, the order of a date's parts and the decimal separator all come from the
// catalog, so "Thu 3 Dec 2026" and "13.5 min" read "jue 3 dic 2026" and "13,5 min" in Spanish.
// The one place screens, the report and the calendar get these from. Pure std.
#pragma once

#include <chrono>
#include <string>

namespace unknot::core {

// "Jan" … "Dec" (month 1-12); empty outside that.
std::string short_month_name(unsigned month);
// "January" … "December" (month 1-12); empty outside that.
std::string month_name(unsigned month);
// "Mon" … "Sun".
std::string short_weekday_name(std::chrono::weekday day);
// "Monday" … "Sunday".
std::string weekday_name(std::chrono::weekday day);

// "3 Dec"
std::string day_month_text(std::chrono::year_month_day date);
// "3 Dec 2026"
std::string day_month_year_text(std::chrono::year_month_day date);
// "Thu 3 Dec"
std::string weekday_day_month_text(std::chrono::sys_days day);
// "Thu 3 Dec 2026"
std::string weekday_day_month_year_text(std::chrono::sys_days day);

// `value` with exactly `decimals` digits after the language's decimal separator ("13.5",
// "13,5"); no grouping of thousands.
std::string decimal_text(double value, int decimals);
// `value` with at most `decimals` digits after the separator, trailing zeros dropped ("13",
// "13.5"; "13,5").
std::string short_decimal_text(double value, int decimals);

}  // namespace unknot::core
