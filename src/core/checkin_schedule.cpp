#include "core/checkin_schedule.h"

namespace unknot::core {

std::optional<CheckinOffer> checkin_due(const CheckinRecord& record, UnixSeconds now,
                                        std::chrono::seconds utc_offset) {
  const Day today = local_day(now, utc_offset);
  if (record.offered_on == today) return std::nullopt;
  const auto within = [now](const std::optional<UnixSeconds>& at, UnixSeconds from) {
    return at && *at >= from && *at <= now;
  };
  const UnixSeconds today_start = UnixSeconds{today} - utc_offset;
  if (within(record.last_daily, today_start)) return std::nullopt;
  const bool practised = record.first_session && *record.first_session <= now &&
                         now - *record.first_session >= kPgicAfterPractice;
  return CheckinOffer{practised && !within(record.last_pgic, now - kPgicInterval)};
}

}  // namespace unknot::core
