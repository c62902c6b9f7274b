// Notes on behaviour the header leaves open:
// - The reminder only holds the offer back until its time each day; it does not change which day
//   is asked about. A morning reminder (before noon) therefore asks about yesterday.
// - The PSFS is offered with the daily rating, like the PGIC, so the person meets one check-in
//   a day at most.
#include "core/checkin_schedule.h"

#include <algorithm>
#include <string>

namespace unknot::core {
namespace {

using namespace std::chrono;

int wrap_minute(int minute) {
  return ((minute % kMinutesPerDay) + kMinutesPerDay) % kMinutesPerDay;
}

seconds time_of_day(UnixSeconds now, seconds utc_offset) {
  const UnixSeconds local = now + utc_offset;
  return local - floor<days>(local);
}

}  // namespace

CheckinTarget checkin_target(UnixSeconds now, seconds utc_offset) {
  const Day today = local_day(now, utc_offset);
  const seconds clock = time_of_day(now, utc_offset);
  if (clock < kAskTodayFrom) return {today - days{1}, CheckinWhen::Yesterday};
  return {today, clock < kEveningFrom ? CheckinWhen::TodaySoFar : CheckinWhen::Today};
}

std::string reminder_text(int minute_of_day) {
  const int m = wrap_minute(minute_of_day);
  const auto two = [](int v) {
    return std::string{static_cast<char>('0' + v / 10), static_cast<char>('0' + v % 10)};
  };
  return two(m / 60) + ":" + two(m % 60);
}

int stepped_reminder(int minute_of_day, int steps) {
  return wrap_minute(minute_of_day + steps * kReminderStepMinutes);
}

std::optional<CheckinOffer> checkin_due(const CheckinRecord& record, UnixSeconds now,
                                        seconds utc_offset) {
  const Day today = local_day(now, utc_offset);
  if (record.offered_on == today) return std::nullopt;
  if (record.reminder_minute &&
      time_of_day(now, utc_offset) < minutes{wrap_minute(*record.reminder_minute)}) {
    return std::nullopt;
  }
  const CheckinTarget target = checkin_target(now, utc_offset);
  if (std::find(record.daily_days.begin(), record.daily_days.end(), target.day) !=
      record.daily_days.end()) {
    return std::nullopt;
  }
  const auto within = [now](const std::optional<UnixSeconds>& at, UnixSeconds from) {
    return at && *at >= from && *at <= now;
  };
  const bool practised = record.first_session && *record.first_session <= now &&
                         now - *record.first_session >= kPgicAfterPractice;
  CheckinOffer offer;
  offer.target = target;
  offer.pgic = practised && !within(record.last_pgic, now - kPgicInterval);
  // Strictly within the interval: a PSFS exactly two weeks old is due again.
  offer.psfs = !within(record.last_psfs, now - kPsfsInterval + seconds{1});
  return offer;
}

UnixSeconds next_reminder_at(int minute_of_day, UnixSeconds now, seconds utc_offset) {
  const Day today = local_day(now, utc_offset);
  UnixSeconds at = UnixSeconds{today} + minutes{wrap_minute(minute_of_day)} - utc_offset;
  if (at <= now) at += days{1};
  return at;
}

}  // namespace unknot::core
