#include "core/checkin_schedule.h"

#include <doctest/doctest.h>

namespace unknot::core {
namespace {
using namespace std::chrono;

// 25 Nov 2026, 09:00 local time at UTC+1 (08:00 UTC).
constexpr seconds kOffset = hours{1};
constexpr UnixSeconds kNow{sys_days{2026y / November / 25} + hours{8}};
constexpr Day kToday = sys_days{2026y / November / 25};

CheckinRecord offered(Day day) {
  CheckinRecord r;
  r.offered_on = day;
  return r;
}
CheckinRecord rated(UnixSeconds at) {
  CheckinRecord r;
  r.last_daily = at;
  return r;
}
CheckinRecord first_session(UnixSeconds at) {
  CheckinRecord r;
  r.first_session = at;
  return r;
}

}  // namespace

TEST_CASE("on a new record the daily check-in is offered, without the PGIC") {
  CHECK(checkin_due({}, kNow, kOffset) == CheckinOffer{false});
}

TEST_CASE("the check-in is offered at most once a local day, answered or not") {
  CHECK_FALSE(checkin_due(offered(kToday), kNow, kOffset).has_value());
  CHECK(checkin_due(offered(kToday - days{1}), kNow, kOffset).has_value());
  // 23:30 local on the 24th is still the 24th: the 25th's offer is due then only after midnight.
  const UnixSeconds late_evening = kNow - hours{9} - minutes{30};
  CHECK_FALSE(checkin_due(offered(kToday - days{1}), late_evening, kOffset).has_value());
}

TEST_CASE("a daily rating given since local midnight means nothing is offered") {
  const UnixSeconds local_midnight = kNow - hours{9};
  CHECK_FALSE(checkin_due(rated(local_midnight), kNow, kOffset).has_value());
  CHECK_FALSE(checkin_due(rated(kNow), kNow, kOffset).has_value());
  CHECK(checkin_due(rated(local_midnight - seconds{1}), kNow, kOffset).has_value());
  // A rating dated in the future (the clock was set back) does not count as today's.
  CHECK(checkin_due(rated(kNow + hours{1}), kNow, kOffset).has_value());
}

TEST_CASE("the PGIC joins once the first session is two weeks old, then every three weeks") {
  const CheckinRecord young = first_session(kNow - days{13});
  CHECK(checkin_due(young, kNow, kOffset) == CheckinOffer{false});
  CheckinRecord practised = first_session(kNow - kPgicAfterPractice);
  CHECK(checkin_due(practised, kNow, kOffset) == CheckinOffer{true});
  practised.last_pgic = kNow - days{20};
  CHECK(checkin_due(practised, kNow, kOffset) == CheckinOffer{false});
  practised.last_pgic = kNow - kPgicInterval;
  CHECK(checkin_due(practised, kNow, kOffset) == CheckinOffer{false});
  practised.last_pgic = kNow - kPgicInterval - seconds{1};
  CHECK(checkin_due(practised, kNow, kOffset) == CheckinOffer{true});
}

TEST_CASE("a first session dated in the future does not make the PGIC due") {
  CHECK(checkin_due(first_session(kNow + days{30}), kNow, kOffset) == CheckinOffer{false});
}

}  // namespace unknot::core
