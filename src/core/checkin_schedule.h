// When Home offers the check-in: the daily pain rating at most once a local day, and with it
// the PGIC every three weeks once two weeks of practice are on record. Pure std + core time.
#pragma once

#include <chrono>
#include <optional>

#include "core/pain_stats.h"
#include "core/time.h"

namespace unknot::core {

// The PGIC every 3 weeks (domain.md: every 2-4), once the first session is 2 weeks old.
inline constexpr std::chrono::days kPgicInterval{21};
inline constexpr std::chrono::days kPgicAfterPractice{14};

// What the record says, read by the shell from storage.
struct CheckinRecord {
  std::optional<Day> offered_on;             // local day the check-in was last offered
  std::optional<UnixSeconds> last_daily;     // the latest daily pain rating, if any
  std::optional<UnixSeconds> last_pgic;      // the latest PGIC answer, if any
  std::optional<UnixSeconds> first_session;  // the first session of any routine, if any
};

struct CheckinOffer {
  bool pgic = false;  // ask the PGIC after the daily rating
  friend bool operator==(const CheckinOffer&, const CheckinOffer&) = default;
};

// The check-in to offer at `now`, whose local day is local_day(now, utc_offset); nullopt when it
// was already offered today (never nagging) or today's rating is already given. Ratings and
// sessions dated after `now` (a clock set back) count as not given.
std::optional<CheckinOffer> checkin_due(const CheckinRecord& record, UnixSeconds now,
                                        std::chrono::seconds utc_offset);

}  // namespace unknot::core
