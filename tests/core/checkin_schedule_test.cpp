#include "core/checkin_schedule.h"

#include <doctest/doctest.h>

namespace unknot::core {
namespace {
using namespace std::chrono;

// 25 Nov 2026, 19:00 local time at UTC+1 (18:00 UTC): an evening check-in about today.
constexpr seconds kOffset = hours{1};
constexpr UnixSeconds kNow{sys_days{2026y / November / 25} + hours{18}};
constexpr Day kToday = sys_days{2026y / November / 25};

// `hh:mm` local time on 25 Nov 2026 at UTC+1.
constexpr UnixSeconds local(int hh, int mm) {
  return UnixSeconds{sys_days{2026y / November / 25} + hours{hh} + minutes{mm} - kOffset};
}

CheckinRecord offered(Day day) {
  CheckinRecord r;
  r.offered_on = day;
  r.last_psfs = kNow - days{1};
  return r;
}
CheckinRecord rated_on(Day day) {
  CheckinRecord r;
  r.daily_days = {day};
  r.last_psfs = kNow - days{1};
  return r;
}
CheckinRecord first_session(UnixSeconds at) {
  CheckinRecord r;
  r.first_session = at;
  r.last_psfs = kNow - days{1};
  return r;
}
CheckinOffer evening(bool pgic, bool psfs = false) {
  return {{kToday, CheckinWhen::Today}, pgic, psfs};
}

}  // namespace

TEST_CASE("before noon the check-in asks about yesterday, from noon about today") {
  CHECK(checkin_target(local(11, 59), kOffset) ==
        CheckinTarget{kToday - days{1}, CheckinWhen::Yesterday});
  CHECK(checkin_target(local(0, 0), kOffset) ==
        CheckinTarget{kToday - days{1}, CheckinWhen::Yesterday});
  CHECK(checkin_target(local(12, 0), kOffset) == CheckinTarget{kToday, CheckinWhen::TodaySoFar});
  CHECK(checkin_target(local(17, 59), kOffset) == CheckinTarget{kToday, CheckinWhen::TodaySoFar});
  CHECK(checkin_target(local(18, 0), kOffset) == CheckinTarget{kToday, CheckinWhen::Today});
  CHECK(checkin_target(local(23, 59), kOffset) == CheckinTarget{kToday, CheckinWhen::Today});
}

TEST_CASE(
    "the day rule uses local time: the same instant is morning in one zone, evening in "
    "another") {
  // 10:30 UTC on the 25th: 11:30 in Paris (yesterday, the 24th), 19:30 in Tokyo (the 25th),
  // and 01:30 on the 25th in Honolulu (yesterday: the 24th).
  const UnixSeconds t{sys_days{2026y / November / 25} + hours{10} + minutes{30}};
  CHECK(checkin_target(t, hours{1}) == CheckinTarget{kToday - days{1}, CheckinWhen::Yesterday});
  CHECK(checkin_target(t, hours{9}) == CheckinTarget{kToday, CheckinWhen::Today});
  CHECK(checkin_target(t, -hours{10}) == CheckinTarget{kToday - days{1}, CheckinWhen::Yesterday});
  // Half-hour zones: 11:59 and 12:00 in India (UTC+5:30).
  const UnixSeconds india_1159{sys_days{2026y / November / 25} + hours{6} + minutes{29}};
  CHECK(checkin_target(india_1159, minutes{330}).when == CheckinWhen::Yesterday);
  CHECK(checkin_target(india_1159 + minutes{1}, minutes{330}) ==
        CheckinTarget{kToday, CheckinWhen::TodaySoFar});
}

TEST_CASE("across midnight: 23:59 asks about that day, 00:01 about the same day as yesterday") {
  const UnixSeconds before_midnight = local(23, 59);
  const UnixSeconds after_midnight = before_midnight + minutes{2};
  CHECK(checkin_target(before_midnight, kOffset).day == kToday);
  CHECK(checkin_target(after_midnight, kOffset) == CheckinTarget{kToday, CheckinWhen::Yesterday});
  // So a rating given at 23:59 means the 00:01 offer has nothing left to ask.
  CheckinRecord r = rated_on(kToday);
  r.offered_on = kToday;
  CHECK_FALSE(checkin_due(r, after_midnight, kOffset).has_value());
}

TEST_CASE("on a new record the daily check-in is offered with the PSFS, without the PGIC") {
  CHECK(checkin_due({}, kNow, kOffset) == evening(false, true));
}

TEST_CASE("the check-in is offered at most once a local day, answered or not") {
  CHECK_FALSE(checkin_due(offered(kToday), kNow, kOffset).has_value());
  CHECK(checkin_due(offered(kToday - days{1}), kNow, kOffset).has_value());
  // 23:30 local on the 24th is still the 24th: the 25th's offer is due then only after midnight.
  const UnixSeconds late_evening = local(0, 0) - minutes{30};
  CHECK_FALSE(checkin_due(offered(kToday - days{1}), late_evening, kOffset).has_value());
}

TEST_CASE("a rating filed on the day the check-in would ask about means nothing is offered") {
  CHECK_FALSE(checkin_due(rated_on(kToday), kNow, kOffset).has_value());
  CHECK(checkin_due(rated_on(kToday - days{1}), kNow, kOffset) == evening(false));
  // In the morning it asks about yesterday: yesterday's rating answers it, today's cannot be
  // given yet.
  CHECK_FALSE(checkin_due(rated_on(kToday - days{1}), local(9, 0), kOffset).has_value());
  const auto morning = checkin_due(rated_on(kToday - days{2}), local(9, 0), kOffset);
  REQUIRE(morning.has_value());
  CHECK(morning->target == CheckinTarget{kToday - days{1}, CheckinWhen::Yesterday});
}

TEST_CASE("with a reminder time the check-in is offered only from that time of day") {
  CheckinRecord r = offered(kToday - days{1});
  r.reminder_minute = 19 * 60 + 30;
  CHECK_FALSE(checkin_due(r, local(19, 29), kOffset).has_value());
  CHECK(checkin_due(r, local(19, 30), kOffset).has_value());
  CHECK(checkin_due(r, local(23, 0), kOffset).has_value());
  // A morning reminder: from 08:00, asking about yesterday.
  r.reminder_minute = 8 * 60;
  CHECK_FALSE(checkin_due(r, local(7, 59), kOffset).has_value());
  const auto at_eight = checkin_due(r, local(8, 0), kOffset);
  REQUIRE(at_eight.has_value());
  CHECK(at_eight->target.when == CheckinWhen::Yesterday);
}

TEST_CASE("the next reminder is later today, or tomorrow once today's time has passed") {
  CHECK(next_reminder_at(20 * 60, local(19, 0), kOffset) == local(20, 0));
  CHECK(next_reminder_at(20 * 60, local(20, 0), kOffset) == local(20, 0) + days{1});
  CHECK(next_reminder_at(8 * 60, local(9, 0), kOffset) == local(8, 0) + days{1});
}

TEST_CASE("reminder times step by half an hour around the clock and read as hh:mm") {
  CHECK(reminder_text(20 * 60) == "20:00");
  CHECK(reminder_text(7 * 60 + 30) == "07:30");
  CHECK(stepped_reminder(23 * 60 + 30, 1) == 0);
  CHECK(stepped_reminder(0, -1) == 23 * 60 + 30);
  CHECK(stepped_reminder(20 * 60, 3) == 21 * 60 + 30);
}

TEST_CASE("the PGIC joins once the first session is two weeks old, then every three weeks") {
  const CheckinRecord young = first_session(kNow - days{13});
  CHECK(checkin_due(young, kNow, kOffset) == evening(false));
  CheckinRecord practised = first_session(kNow - kPgicAfterPractice);
  CHECK(checkin_due(practised, kNow, kOffset) == evening(true));
  practised.last_pgic = kNow - days{20};
  CHECK(checkin_due(practised, kNow, kOffset) == evening(false));
  practised.last_pgic = kNow - kPgicInterval;
  CHECK(checkin_due(practised, kNow, kOffset) == evening(false));
  practised.last_pgic = kNow - kPgicInterval - seconds{1};
  CHECK(checkin_due(practised, kNow, kOffset) == evening(true));
}

TEST_CASE("the PSFS comes at the first check-in, then once its last rating is two weeks old") {
  CheckinRecord r;
  r.last_psfs = kNow - days{13};
  CHECK_FALSE(checkin_due(r, kNow, kOffset)->psfs);
  r.last_psfs = kNow - kPsfsInterval + seconds{1};
  CHECK_FALSE(checkin_due(r, kNow, kOffset)->psfs);
  r.last_psfs = kNow - kPsfsInterval;
  CHECK(checkin_due(r, kNow, kOffset)->psfs);
  // A rating dated in the future (the clock was set back) does not hold it back.
  r.last_psfs = kNow + days{3};
  CHECK(checkin_due(r, kNow, kOffset)->psfs);
}

TEST_CASE("a first session dated in the future does not make the PGIC due") {
  CHECK(checkin_due(first_session(kNow + days{30}), kNow, kOffset) == evening(false));
}

}  // namespace unknot::core
