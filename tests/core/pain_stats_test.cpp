#include "core/pain_stats.h"

#include <doctest/doctest.h>

#include <initializer_list>
#include <utility>

namespace unknot::core {
namespace {
using namespace std::chrono_literals;
using std::chrono::days;

// Monday 4 March 2024; day(n) is n days later.
constexpr Day kMonday = std::chrono::sys_days{std::chrono::year{2024} / 3 / 4};
constexpr Day day(int n) { return kMonday + days{n}; }

std::vector<DailyRating> ratings(std::initializer_list<std::pair<int, int>> day_and_pain) {
  std::vector<DailyRating> out;
  for (const auto& [n, pain] : day_and_pain) out.push_back({day(n), pain});
  return out;
}

// One pain rating on each of the given days, all the same.
std::vector<DailyRating> same_pain_on(std::initializer_list<int> day_numbers, int pain) {
  std::vector<DailyRating> out;
  for (int n : day_numbers) out.push_back({day(n), pain});
  return out;
}

SessionSample session(int n, Duration planned, Duration done) {
  SessionSample s;
  s.day = day(n);
  s.planned = planned;
  s.done = done;
  return s;
}

SessionSample rated_session(int n, int before, int after, std::string region = "neck",
                            Side side = Side::None) {
  SessionSample s = session(n, 10min, 10min);
  s.before = before;
  s.after = after;
  s.region = std::move(region);
  s.side = side;
  return s;
}
}  // namespace

TEST_CASE("a timestamp belongs to the user's local calendar day") {
  // 2024-03-04 23:30 UTC is already Tuesday in UTC+2 and still Monday in UTC-5.
  const UnixSeconds late_monday_utc = kMonday + 23h + 30min;
  CHECK(local_day(late_monday_utc, 0s) == day(0));
  CHECK(local_day(late_monday_utc, 2h) == day(1));
  CHECK(local_day(late_monday_utc, -5h) == day(0));
  CHECK(local_day(kMonday + 2h, -5h) == day(-1));
}

TEST_CASE("weeks start on Monday unless another first day is chosen") {
  CHECK(std::chrono::weekday{kMonday} == std::chrono::Monday);
  CHECK(week_start_of(day(0)) == day(0));
  CHECK(week_start_of(day(6)) == day(0));  // Sunday closes the week
  CHECK(week_start_of(day(7)) == day(7));
  CHECK(week_start_of(day(2), std::chrono::Sunday) == day(-1));
}

TEST_CASE("several ratings on one day count as that day's mean") {
  const auto means = daily_means(ratings({{0, 4}, {0, 7}, {1, 2}}));
  REQUIRE(means.size() == 2);
  CHECK(means[0].day == day(0));
  CHECK(means[0].mean == doctest::Approx(5.5));
  CHECK(means[0].count == 2);
  CHECK(means[1].mean == doctest::Approx(2));
  CHECK(means[1].count == 1);
}

TEST_CASE("daily means come out in day order whatever order the ratings come in") {
  const auto means = daily_means(ratings({{5, 1}, {0, 2}, {3, 3}, {0, 4}}));
  REQUIRE(means.size() == 3);
  CHECK(means[0].day == day(0));
  CHECK(means[1].day == day(3));
  CHECK(means[2].day == day(5));
}

TEST_CASE("ratings outside 0 to 10 are ignored") {
  const auto means = daily_means(ratings({{0, -1}, {0, 11}, {0, 0}, {1, 10}, {2, 42}}));
  REQUIRE(means.size() == 2);
  CHECK(means[0].mean == doctest::Approx(0));
  CHECK(means[1].mean == doctest::Approx(10));
  const auto weeks = weekly_pain(ratings({{0, 11}, {1, 3}}));
  REQUIRE(weeks.size() == 1);
  CHECK(weeks[0].worst == 3);
}

TEST_CASE("the rolling mean averages the days with data in the 7 days ending each day") {
  const auto means =
      daily_means(ratings({{0, 7}, {1, 5}, {2, 6}, {3, 4}, {4, 3}, {5, 5}, {6, 5}, {7, 0}}));
  const auto rolling = rolling_mean_7(means);
  REQUIRE(rolling.size() == 8);
  CHECK(rolling[0].mean == doctest::Approx(7));
  CHECK(rolling[1].mean == doctest::Approx(6));
  CHECK(rolling[6].mean == doctest::Approx(5));  // 35 / 7
  CHECK(rolling[6].count == 7);
  CHECK(rolling[7].day == day(7));
  CHECK(rolling[7].mean == doctest::Approx(28.0 / 7));  // day 0 has left the window
  CHECK(rolling[7].count == 7);
}

TEST_CASE("the rolling mean skips a gap instead of counting the missing days as zero") {
  const auto rolling = rolling_mean_7(daily_means(ratings({{0, 6}, {1, 4}, {5, 8}})));
  REQUIRE(rolling.size() == 3);  // no points on the missing days 2 to 4
  CHECK(rolling[2].day == day(5));
  CHECK(rolling[2].mean == doctest::Approx(6));
  CHECK(rolling[2].count == 3);
}

TEST_CASE("after 7 days without data the rolling mean restarts from the new day alone") {
  const auto rolling = rolling_mean_7(daily_means(ratings({{0, 9}, {7, 1}})));
  REQUIRE(rolling.size() == 2);
  CHECK(rolling[1].mean == doctest::Approx(1));
  CHECK(rolling[1].count == 1);
}

TEST_CASE("a week with 3 days of ratings shows no mean but still its worst rating") {
  const auto weeks = weekly_pain(same_pain_on({0, 2, 4}, 5));
  REQUIRE(weeks.size() == 1);
  CHECK(weeks[0].days_with_data == 3);
  CHECK_FALSE(weeks[0].mean.has_value());
  CHECK(weeks[0].worst == 5);
}

TEST_CASE("a week with 4 days of ratings shows its mean") {
  const auto weeks = weekly_pain(ratings({{0, 4}, {2, 6}, {4, 5}, {6, 7}}));
  REQUIRE(weeks.size() == 1);
  CHECK(weeks[0].days_with_data == 4);
  REQUIRE(weeks[0].mean.has_value());
  CHECK(*weeks[0].mean == doctest::Approx(5.5));
  CHECK(weeks[0].worst == 7);
}

TEST_CASE("four ratings on fewer than four days do not make a weekly mean") {
  const auto weeks = weekly_pain(ratings({{0, 4}, {0, 4}, {1, 4}, {1, 4}}));
  REQUIRE(weeks.size() == 1);
  CHECK(weeks[0].days_with_data == 2);
  CHECK_FALSE(weeks[0].mean.has_value());
}

TEST_CASE("the weekly mean weights each day equally, not each rating") {
  // Day 0 has three ratings of 9: counted per rating the mean would be 6.
  const auto weeks = weekly_pain(ratings({{0, 9}, {0, 9}, {0, 9}, {1, 3}, {2, 3}, {3, 3}}));
  REQUIRE(weeks[0].mean.has_value());
  CHECK(*weeks[0].mean == doctest::Approx(4.5));
}

TEST_CASE("weekly pain lists each week from the first rated to the last, empty ones included") {
  const auto weeks = weekly_pain(ratings({{1, 3}, {15, 6}}));
  REQUIRE(weeks.size() == 3);
  CHECK(weeks[0].week_start == day(0));
  CHECK(weeks[1].week_start == day(7));
  CHECK(weeks[1].days_with_data == 0);
  CHECK_FALSE(weeks[1].worst.has_value());
  CHECK(weeks[2].week_start == day(14));
}

TEST_CASE("weeks start on Monday: a Sunday rating belongs to the week before") {
  const auto weeks = weekly_pain(ratings({{6, 8}, {7, 2}}));
  REQUIRE(weeks.size() == 2);
  CHECK(weeks[0].week_start == day(0));
  CHECK(weeks[0].worst == 8);
  CHECK(weeks[1].worst == 2);
  const auto sunday_weeks = weekly_pain(ratings({{6, 8}, {7, 2}}), std::chrono::Sunday);
  REQUIRE(sunday_weeks.size() == 1);
  CHECK(sunday_weeks[0].week_start == day(6));
}

TEST_CASE("the baseline is the mean of the 7 days starting at the first rating") {
  const auto base = pain_baseline(ratings({{3, 6}, {4, 8}, {9, 4}, {10, 0}}));
  REQUIRE(base.has_value());
  CHECK(base->first_day == day(3));
  CHECK(base->days_with_data == 3);  // days 3, 4 and 9; day 10 is the 8th day
  CHECK(base->mean == doctest::Approx(6));
}

TEST_CASE("with an assignment date the baseline is the 7 days before it") {
  const auto base = pain_baseline(ratings({{0, 9}, {3, 6}, {9, 4}, {10, 2}}), day(10));
  REQUIRE(base.has_value());
  CHECK(base->first_day == day(3));
  CHECK(base->days_with_data == 2);  // days 3 and 9; day 0 is too early, day 10 is the date
  CHECK(base->mean == doctest::Approx(5));
}

TEST_CASE("with no ratings before the assignment the baseline starts at the first one after") {
  const auto base = pain_baseline(ratings({{12, 6}, {18, 4}, {19, 0}}), day(10));
  REQUIRE(base.has_value());
  CHECK(base->first_day == day(12));
  CHECK(base->days_with_data == 2);
  CHECK(base->mean == doctest::Approx(5));
  CHECK_FALSE(pain_baseline(ratings({{0, 6}}), day(10)).has_value());
}

TEST_CASE("a baseline under 3 shows the raw change only") {
  const Change c = change_vs_baseline(2.9, 1.0);
  CHECK(c.raw_points == doctest::Approx(1.9));
  CHECK_FALSE(c.percent.has_value());
  CHECK_FALSE(c.band.has_value());
  CHECK(c.reaches_one_point);
  CHECK_FALSE(c.reaches_two_points);
}

TEST_CASE("a baseline of exactly 3 shows the percent change") {
  const Change c = change_vs_baseline(3.0, 1.5);
  REQUIRE(c.percent.has_value());
  CHECK(*c.percent == doctest::Approx(50));
  CHECK(c.band == ChangeBand::SubstantialImprovement);
}

TEST_CASE("improvement bands switch at 10, 30 and 50 percent") {
  // Baseline 10: every tenth of a point is one percent.
  CHECK(change_vs_baseline(10, 10).band == ChangeBand::NoClearChange);
  CHECK(change_vs_baseline(10, 9.01).band == ChangeBand::NoClearChange);       // 9.9 %
  CHECK(change_vs_baseline(10, 9.0).band == ChangeBand::MinimalImprovement);   // 10 %
  CHECK(change_vs_baseline(10, 7.01).band == ChangeBand::MinimalImprovement);  // 29.9 %
  CHECK(change_vs_baseline(10, 7.0).band == ChangeBand::ClinicallyImportantImprovement);
  CHECK(change_vs_baseline(10, 5.01).band == ChangeBand::ClinicallyImportantImprovement);
  CHECK(change_vs_baseline(10, 5.0).band == ChangeBand::SubstantialImprovement);  // 50 %
  CHECK(change_vs_baseline(10, 0.0).band == ChangeBand::SubstantialImprovement);
}

TEST_CASE("a boundary reached by inexact means still lands in the higher band") {
  // (7 - 4.9) / 7 is 30 % on paper but not exactly in binary floating point.
  CHECK(change_vs_baseline(7.0, 4.9).band == ChangeBand::ClinicallyImportantImprovement);
  CHECK(change_vs_baseline(6.6, 5.94).band == ChangeBand::MinimalImprovement);  // 10 %
}

TEST_CASE("worsening uses the mirrored bands") {
  // Baseline 5: every 0.05 points is one percent.
  CHECK(change_vs_baseline(5, 5.495).band == ChangeBand::NoClearChange);   // -9.9 %
  CHECK(change_vs_baseline(5, 5.5).band == ChangeBand::MinimalWorsening);  // -10 %
  CHECK(change_vs_baseline(5, 6.495).band == ChangeBand::MinimalWorsening);
  CHECK(change_vs_baseline(5, 6.5).band == ChangeBand::ClinicallyImportantWorsening);  // -30 %
  CHECK(change_vs_baseline(5, 7.495).band == ChangeBand::ClinicallyImportantWorsening);
  CHECK(change_vs_baseline(5, 7.5).band == ChangeBand::SubstantialWorsening);  // -50 %
  const Change c = change_vs_baseline(5, 7.5);
  CHECK(c.raw_points == doctest::Approx(-2.5));
  CHECK(*c.percent == doctest::Approx(-50));
}

TEST_CASE("band labels use domain.md's words and mirror them for worsening") {
  CHECK(band_label(ChangeBand::NoClearChange) == "no clear change");
  CHECK(band_label(ChangeBand::MinimalImprovement) == "minimal improvement");
  CHECK(band_label(ChangeBand::ClinicallyImportantImprovement) ==
        "clinically important improvement");
  CHECK(band_label(ChangeBand::SubstantialImprovement) == "substantial improvement");
  CHECK(band_label(ChangeBand::MinimalWorsening) == "minimal worsening");
  CHECK(band_label(ChangeBand::ClinicallyImportantWorsening) == "clinically important worsening");
  CHECK(band_label(ChangeBand::SubstantialWorsening) == "substantial worsening");
}

TEST_CASE("the raw change is measured against 1 point as minimal and 2 points as the reference") {
  CHECK_FALSE(change_vs_baseline(6, 5.1).reaches_one_point);
  CHECK(change_vs_baseline(6, 5).reaches_one_point);
  CHECK_FALSE(change_vs_baseline(6, 5).reaches_two_points);
  CHECK_FALSE(change_vs_baseline(6, 4.1).reaches_two_points);
  CHECK(change_vs_baseline(6, 4).reaches_two_points);
  CHECK(change_vs_baseline(3.3, 1.3).reaches_two_points);  // 1.9999999999999998 in binary
  CHECK(change_vs_baseline(4.1, 3.1).reaches_one_point);   // 0.9999999999999996 in binary
  CHECK(change_vs_baseline(4, 6).reaches_two_points);      // worse by 2 counts too
  CHECK(change_vs_baseline(4, 6).raw_points == doctest::Approx(-2));
}

TEST_CASE("a session counts as completed at 80 percent of its planned active time") {
  CHECK(counts_as_completed(session(0, 10min, 8min)));
  CHECK_FALSE(counts_as_completed(session(0, 10min, 8min - 1us)));
  CHECK(counts_as_completed(session(0, 10min, 12min)));
  CHECK_FALSE(counts_as_completed(session(0, 0min, 5min)));  // nothing was planned
}

TEST_CASE("weekly adherence is completed over prescribed sessions, capped at 100 percent") {
  const Prescription three_a_week{3, 10min};
  std::vector<SessionSample> sessions;
  for (int n : {0, 1, 2, 3, 4}) sessions.push_back(session(n, 10min, 10min));  // week 1: 5 of 3
  sessions.push_back(session(7, 10min, 10min));                                // week 2: 1 of 3
  const auto weeks = adherence_by_week(sessions, three_a_week, day(0), day(13));
  REQUIRE(weeks.size() == 2);
  CHECK(weeks[0].completed == 5);
  CHECK(weeks[0].prescribed == 3);
  CHECK(weeks[0].percent == doctest::Approx(100));
  CHECK(weeks[0].dose_percent == doctest::Approx(50.0 / 30 * 100));  // dose is not capped
  CHECK(weeks[1].percent == doctest::Approx(100.0 / 3));
}

TEST_CASE("partial sessions add to the dose but not to the completed count") {
  const std::vector<SessionSample> sessions{session(0, 10min, 10min), session(1, 10min, 7min)};
  const auto weeks = adherence_by_week(sessions, {2, 10min}, day(0), day(0));
  REQUIRE(weeks.size() == 1);
  CHECK(weeks[0].logged == 2);
  CHECK(weeks[0].completed == 1);
  CHECK(weeks[0].percent == doctest::Approx(50));
  CHECK(weeks[0].done == 17min);
  CHECK(weeks[0].prescribed_time == 20min);
  CHECK(weeks[0].dose_percent == doctest::Approx(85));
}

TEST_CASE("adherence lists every week of the range and ignores sessions outside it") {
  const std::vector<SessionSample> sessions{session(-1, 10min, 10min), session(15, 10min, 10min)};
  const auto weeks = adherence_by_week(sessions, {5, 10min}, day(2), day(20));
  REQUIRE(weeks.size() == 3);
  CHECK(weeks[0].week_start == day(0));
  CHECK(weeks[0].logged == 0);
  CHECK(weeks[0].percent == doctest::Approx(0));
  CHECK(weeks[2].completed == 1);
  CHECK(adherence_by_week(sessions, {5, 10min}, day(9), day(2)).empty());
}

TEST_CASE("with nothing prescribed adherence shows no percentages") {
  const std::vector<SessionSample> sessions{session(0, 10min, 10min)};
  const auto weeks = adherence_by_week(sessions, {}, day(0), day(6));
  REQUIRE(weeks.size() == 1);
  CHECK(weeks[0].completed == 1);
  CHECK_FALSE(weeks[0].percent.has_value());
  CHECK_FALSE(weeks[0].dose_percent.has_value());
}

TEST_CASE("session change per week averages before minus after over sessions with both") {
  std::vector<SessionSample> sessions{rated_session(0, 6, 4), rated_session(1, 5, 4),
                                      rated_session(15, 3, 5)};
  sessions.push_back(session(2, 10min, 10min));  // no ratings
  SessionSample only_before = session(3, 10min, 10min);
  only_before.before = 8;
  sessions.push_back(only_before);
  const auto weeks = session_change_by_week(sessions);
  REQUIRE(weeks.size() == 3);
  CHECK(weeks[0].rated_sessions == 2);
  CHECK(weeks[0].mean_drop == doctest::Approx(1.5));
  CHECK(weeks[1].rated_sessions == 0);
  CHECK_FALSE(weeks[1].mean_drop.has_value());
  CHECK(weeks[2].mean_drop == doctest::Approx(-2));  // pain rose after that session
}

TEST_CASE("dose sums the pressed time per muscle and side for each week") {
  SessionSample a = session(0, 10min, 10min);
  a.doses = {{"upper_trapezius", Side::Left, 90s}, {"upper_trapezius", Side::Right, 60s}};
  SessionSample b = session(3, 10min, 10min);
  b.doses = {{"upper_trapezius", Side::Left, 45s}, {"levator_scapulae", Side::Left, 30s}};
  SessionSample c = session(8, 10min, 10min);
  c.doses = {{"upper_trapezius", Side::Left, 20s}};
  const auto weeks = dose_by_week(std::vector<SessionSample>{c, a, b});
  REQUIRE(weeks.size() == 2);
  REQUIRE(weeks[0].muscles.size() == 3);
  CHECK(weeks[0].muscles[0].muscle == "levator_scapulae");
  CHECK(weeks[0].muscles[1].muscle == "upper_trapezius");
  CHECK(weeks[0].muscles[1].side == Side::Left);
  CHECK(weeks[0].muscles[1].pressed == 135s);
  CHECK(weeks[0].muscles[2].side == Side::Right);
  CHECK(weeks[0].muscles[2].pressed == 60s);
  REQUIRE(weeks[1].muscles.size() == 1);
  CHECK(weeks[1].muscles[0].pressed == 20s);
}

TEST_CASE("practising every day up to today builds a streak of that many days") {
  const std::vector<Day> practised{day(0), day(1), day(2), day(3)};
  const Streak s = current_streak(practised, day(3));
  CHECK(s.days == 4);
  CHECK(s.days_practised == 4);
}

TEST_CASE("one missed day between sessions is forgiven as a grace day") {
  const std::vector<Day> practised{day(0), day(1), day(3), day(5), day(6)};
  const Streak s = current_streak(practised, day(6));
  CHECK(s.days == 7);
  CHECK(s.days_practised == 5);
}

TEST_CASE("two missed days in a row end the streak") {
  const std::vector<Day> practised{day(0), day(1), day(4), day(5)};
  const Streak s = current_streak(practised, day(5));
  CHECK(s.days == 2);
  CHECK(s.days_practised == 2);
}

TEST_CASE("the streak stays current while today is open and at most yesterday was missed") {
  const std::vector<Day> practised{day(0), day(1), day(2)};
  CHECK(current_streak(practised, day(3)).days == 3);  // today not practised yet
  CHECK(current_streak(practised, day(4)).days == 3);  // yesterday is the grace day
  CHECK(current_streak(practised, day(5)).days == 0);  // two days missed
}

TEST_CASE("the streak ignores future days, duplicates and order") {
  const std::vector<Day> practised{day(9), day(2), day(1), day(2), day(0)};
  const Streak s = current_streak(practised, day(2));
  CHECK(s.days == 3);
  CHECK(s.days_practised == 3);
}

TEST_CASE("left versus right compares only regions rated on both sides") {
  const std::vector<SessionSample> sessions{
      rated_session(0, 6, 3, "shoulder", Side::Left),
      rated_session(1, 6, 4, "shoulder", Side::Left),
      rated_session(2, 5, 5, "shoulder", Side::Right),
      rated_session(3, 7, 2, "hip", Side::Left),
      rated_session(4, 7, 2, "neck", Side::None),
  };
  const auto sides = left_vs_right(sessions);
  REQUIRE(sides.size() == 1);
  CHECK(sides[0].region == "shoulder");
  CHECK(sides[0].left.rated_sessions == 2);
  CHECK(sides[0].left.mean_before == doctest::Approx(6));
  CHECK(sides[0].left.mean_after == doctest::Approx(3.5));
  CHECK(sides[0].left.mean_drop == doctest::Approx(2.5));
  CHECK(sides[0].right.rated_sessions == 1);
  CHECK(sides[0].right.mean_drop == doctest::Approx(0));
}

TEST_CASE("empty input gives empty results everywhere") {
  const std::vector<DailyRating> no_ratings;
  const std::vector<SessionSample> no_sessions;
  CHECK(daily_means(no_ratings).empty());
  CHECK(rolling_mean_7({}).empty());
  CHECK(weekly_pain(no_ratings).empty());
  CHECK_FALSE(pain_baseline(no_ratings).has_value());
  CHECK_FALSE(pain_baseline(no_ratings, day(0)).has_value());
  CHECK(session_change_by_week(no_sessions).empty());
  CHECK(dose_by_week(no_sessions).empty());
  CHECK(left_vs_right(no_sessions).empty());
  CHECK(current_streak({}, day(0)).days == 0);
  const auto weeks = adherence_by_week(no_sessions, {3, 10min}, day(0), day(6));
  REQUIRE(weeks.size() == 1);  // the prescribed week still shows, at 0 %
  CHECK(weeks[0].percent == doctest::Approx(0));
}

TEST_CASE("displayed figures are cut toward zero so they never cross a threshold") {
  // 1.95-1.99 read 1.9 beside "under 2 points"; 0.95-0.99 read 0.9 beside "under 1 point".
  for (const double raw : {1.95, 1.958, 1.96, 1.97, 1.98, 1.99}) {
    CAPTURE(raw);
    CHECK(tenths_toward_zero(raw) == 19);
    CHECK(tenths_toward_zero(-raw) == -19);
    CHECK_FALSE(change_vs_baseline(6, 6 - raw).reaches_two_points);
    CHECK_FALSE(change_vs_baseline(6, 6 + raw).reaches_two_points);
  }
  for (const double raw : {0.95, 0.96, 0.97, 0.98, 0.99}) {
    CAPTURE(raw);
    CHECK(tenths_toward_zero(raw) == 9);
    CHECK(tenths_toward_zero(-raw) == -9);
    CHECK_FALSE(change_vs_baseline(6, 6 - raw).reaches_one_point);
  }
  // A value a hair under a boundary by floating point alone still reads as the boundary, the
  // same way the thresholds read it.
  const double two = 2.0 - 1e-13;
  CHECK(tenths_toward_zero(two) == 20);
  CHECK(change_vs_baseline(6, 6 - two).reaches_two_points);
  CHECK(tenths_toward_zero(0.1 + 0.2) == 3);
  CHECK(tenths_toward_zero(-0.04) == 0);
  CHECK(whole_toward_zero(29.6) == 29);
  CHECK(whole_toward_zero(-30.4) == -30);
  CHECK(whole_toward_zero(30 - 1e-12) == 30);
}

}  // namespace unknot::core
