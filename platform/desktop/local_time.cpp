#include "local_time.h"

#include <ctime>

namespace unknot::platform {

int utc_offset_minutes(std::int64_t unix_seconds) {
  const auto t = static_cast<std::time_t>(unix_seconds);
  std::tm local{};
  if (::localtime_r(&t, &local) == nullptr) return 0;
  return static_cast<int>(local.tm_gmtoff / 60);
}

int utc_offset_minutes_now() { return utc_offset_minutes(std::time(nullptr)); }

std::string local_file_stamp(std::int64_t unix_seconds) {
  const auto t = static_cast<std::time_t>(unix_seconds);
  std::tm local{};
  if (::localtime_r(&t, &local) == nullptr) return "00000000-000000";
  char text[32];
  std::strftime(text, sizeof text, "%Y%m%d-%H%M%S", &local);
  return text;
}

std::string local_date_text(std::int64_t unix_seconds) {
  const auto t = static_cast<std::time_t>(unix_seconds);
  std::tm local{};
  if (::localtime_r(&t, &local) == nullptr) return "";
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &local);
  return text;
}

std::int64_t local_midnight(std::int64_t unix_seconds) {
  const auto t = static_cast<std::time_t>(unix_seconds);
  std::tm local{};
  if (::localtime_r(&t, &local) == nullptr) return unix_seconds;
  local.tm_hour = local.tm_min = local.tm_sec = 0;
  local.tm_isdst = -1;  // let mktime find whether that midnight was in daylight-saving time
  return static_cast<std::int64_t>(std::mktime(&local));
}

}  // namespace unknot::platform
