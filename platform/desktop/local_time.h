// The machine's local time zone, as an offset from UTC: what the shell stores with each record
// and what exports fall back on for rows recorded without one. POSIX.
#pragma once

#include <cstdint>
#include <string>

namespace unknot::platform {

// Minutes east of UTC at that moment (Unix seconds), daylight-saving time included; 0 if the
// local time cannot be worked out.
int utc_offset_minutes(std::int64_t unix_seconds);
// The same, now.
int utc_offset_minutes_now();

// The local calendar date of that moment as "YYYY-MM-DD".
std::string local_date_text(std::int64_t unix_seconds);
// The local date and time of that moment as "YYYYMMDD-HHMMSS", for names of files kept aside.
std::string local_file_stamp(std::int64_t unix_seconds);
// Unix seconds of the local midnight that starts that moment's day.
std::int64_t local_midnight(std::int64_t unix_seconds);

}  // namespace unknot::platform
