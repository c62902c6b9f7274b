// When Home offers the check-in and which day it asks about: the daily pain rating at most once
// a local day (from the person's reminder time, when one is set), the PGIC every three weeks once
// two weeks of practice are on record, and the PSFS at the start and every two weeks. Pure std +
// core time.
#pragma once

#include <chrono>
#include <optional>
#include <vector>

#include "core/pain_stats.h"
#include "core/time.h"

namespace unknot::core {

// The PGIC every 3 weeks (domain.md §4.4: every 2-4), once the first session is 2 weeks old.
inline constexpr std::chrono::days kPgicInterval{21};
inline constexpr std::chrono::days kPgicAfterPractice{14};
// The PSFS at the first check-in, then every 2 weeks (core/psfs.h).
inline constexpr std::chrono::days kPsfsInterval{14};

// The day rule (README "Daily check-in"). The daily item is the day's average pain (domain.md
// §4.4: an evening item; 1-day recall matches the day's average well). Answered before noon it
// asks about yesterday, which is then complete; from noon on it asks about today, "so far"
// until the evening starts at 18:00.
inline constexpr std::chrono::hours kAskTodayFrom{12};
inline constexpr std::chrono::hours kEveningFrom{18};

enum class CheckinWhen {
  Yesterday,   // local time before 12:00
  TodaySoFar,  // 12:00 .. 17:59
  Today,       // from 18:00
};

struct CheckinTarget {
  Day day;  // the local day the rating is about, and the day it is filed on
  CheckinWhen when = CheckinWhen::Today;
  friend bool operator==(const CheckinTarget&, const CheckinTarget&) = default;
};

// The day a daily rating given at `now` is about: yesterday before local noon, else today.
CheckinTarget checkin_target(UnixSeconds now, std::chrono::seconds utc_offset);

// A reminder time of day: minutes after local midnight, 0 .. 1439.
inline constexpr int kMinutesPerDay = 24 * 60;
// Where the shell starts when the person first sets one: the evening (domain.md §4.4).
inline constexpr int kDefaultReminderMinute = 20 * 60;
inline constexpr int kReminderStepMinutes = 30;
// "20:00". Out-of-range values are wrapped into the day.
std::string reminder_text(int minute_of_day);
// The reminder `steps` half-hours later (negative: earlier), wrapping around midnight.
int stepped_reminder(int minute_of_day, int steps);

// What the record says, read by the shell from storage.
struct CheckinRecord {
  std::optional<Day> offered_on;             // local day the check-in was last offered
  std::vector<Day> daily_days;               // days daily ratings are filed on (any order)
  std::optional<UnixSeconds> last_pgic;      // the latest PGIC answer, if any
  std::optional<UnixSeconds> first_session;  // the first session of any routine, if any
  std::optional<UnixSeconds> last_psfs;      // the latest PSFS rating, if any
  std::optional<int> reminder_minute;        // offer from this time of day; empty: any time
};

struct CheckinOffer {
  CheckinTarget target;
  bool pgic = false;  // ask the PGIC after the daily rating
  bool psfs = false;  // ask the PSFS after that
  friend bool operator==(const CheckinOffer&, const CheckinOffer&) = default;
};

// The check-in to offer at `now` (local day local_day(now, utc_offset)); nullopt when it was
// already offered today (never nagging), when a rating is already filed on the day it would ask
// about, or before the reminder time when one is set. PGIC answers, PSFS ratings and sessions
// dated after `now` (a clock set back) count as not given.
std::optional<CheckinOffer> checkin_due(const CheckinRecord& record, UnixSeconds now,
                                        std::chrono::seconds utc_offset);

// The next moment after `now` at which the reminder time comes round (the shell wakes then to
// offer the check-in while the app stays open), at the offset in force now.
UnixSeconds next_reminder_at(int minute_of_day, UnixSeconds now, std::chrono::seconds utc_offset);

}  // namespace unknot::core
