// The figures Progress, `unknot history` and the report share: completion, adherence, the
// baseline before an assignment and the escalation (issue 10; domain.md §4.4, §5.1).
#include "core/history_report.h"

#include <doctest/doctest.h>

#include <chrono>

namespace unknot::core {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

// Thursday. Weeks start on Mondays: 2026-11-09, -16, -23, -30.
constexpr Day kToday{2026y / December / 3};

HistorySession session(Day day, Duration planned, Duration done, bool completed_status,
                       bool planned_known = true, std::string routine = "neck_release") {
  HistorySession s;
  s.sample.day = day;
  s.sample.planned = planned;
  s.sample.done = done;
  s.routine_id = std::move(routine);
  s.completed_status = completed_status;
  s.planned_known = planned_known;
  return s;
}

void rate(HistoryInput& in, Day first, int count, int pain) {
  for (int i = 0; i < count; ++i) in.ratings.push_back({first + days{i}, pain});
}

HomeworkPlan plan(Day start, Day end, Day imported, std::array<bool, 7> weekdays) {
  HomeworkPlan p;
  p.routine_id = "homework:neck";
  p.title = "Neck routine";
  p.prescription.start = start;
  p.prescription.end = end;
  p.prescription.days = weekdays;
  p.imported_on = imported;
  return p;
}

constexpr std::array<bool, 7> kMonWedFri{true, false, true, false, true, false, false};

TEST_CASE("a session ended early after at least 80 % of its planned time counts as completed") {
  // Ended early (stored as abandoned) at 85 %: counts; at 79 %: does not.
  CHECK(session_completed(session(kToday, 100s, 85s, false)));
  CHECK_FALSE(session_completed(session(kToday, 100s, 79s, false)));
  CHECK(session_completed(session(kToday, 100s, 80s, false)));
  // Without the whole plan stored, an ended-early session's planned time covers only the steps
  // it reached, so only a completed status is trusted.
  CHECK_FALSE(session_completed(session(kToday, 100s, 100s, false, false)));
  CHECK(session_completed(session(kToday, 100s, 100s, true, false)));
  CHECK_FALSE(session_completed(session(kToday, 100s, 70s, true, false)));
}

TEST_CASE("the weekly rows and the chart count an ended-early session at 85 % as completed") {
  HistoryInput in;
  in.sessions.push_back(session(kToday - days{1}, 600s, 510s, false));  // 85 %, ended early
  in.sessions.push_back(session(kToday - days{2}, 600s, 474s, false));  // 79 %
  const auto r = build_history_report(in, kToday, 4, 5);
  const HistoryWeek& week = r.week_rows.back();
  CHECK(week.sessions_logged == 2);
  CHECK(week.sessions_completed == 1);
}

TEST_CASE("adherence against the own target starts at the first session and prorates") {
  HistoryInput in;
  // First session Wednesday 25 Nov; one a day up to today (Thursday 3 Dec), plus a partial.
  for (Day d = Day{2026y / November / 25}; d <= kToday; d += days{1})
    in.sessions.push_back(session(d, 600s, 600s, true));
  in.sessions.push_back(session(kToday, 600s, 60s, false));
  const auto r = build_history_report(in, kToday, 4, 5);
  REQUIRE(r.week_rows.size() == 4);
  // Weeks of 9 and 16 Nov come before the first session: nothing prescribed, not counted.
  CHECK(r.week_rows[0].prescribed == 0);
  CHECK_FALSE(r.week_rows[0].adherence_percent);
  CHECK(r.week_rows[1].prescribed == 0);
  // Wednesday to Sunday: 5 x 5 / 7 = 3.6 → 4. Monday to today, Thursday: 5 x 4 / 7 = 2.9 → 3.
  CHECK(r.week_rows[2].prescribed == 4);
  CHECK(r.week_rows[3].prescribed == 3);
  // Five and four completed, each week counting at most what it prescribes.
  CHECK(r.week_rows[2].sessions_completed == 5);
  CHECK(r.week_rows[2].counted == 4);
  CHECK_FALSE(r.adherence.from_homework);
  CHECK(r.adherence.counted_from == Day{2026y / November / 25});
  CHECK(r.adherence.prescribed == 7);
  CHECK(r.adherence.completed == 7);
  REQUIRE(r.adherence.percent);
  CHECK(*r.adherence.percent == doctest::Approx(100));
}

TEST_CASE("a missed week is not made up by extra sessions in another") {
  HistoryInput in;
  const Day monday{2026y / November / 16};
  for (int i = 0; i < 7; ++i) in.sessions.push_back(session(monday + days{i}, 60s, 60s, true));
  // The week of 23 Nov has none; this week (to Thursday) has one.
  in.sessions.push_back(session(kToday, 60s, 60s, true));
  const auto r = build_history_report(in, kToday, 3, 7);
  CHECK(r.adherence.prescribed == 7 + 7 + 4);
  CHECK(r.adherence.completed == 7 + 0 + 1);
  CHECK(*r.adherence.percent == doctest::Approx(100.0 * 8 / 18));
}

TEST_CASE("with homework, adherence is its prescribed days from its start to today") {
  HistoryInput in;
  // Mon, Wed, Fri from Tuesday 17 Nov: Wed 18, Fri 20, 23, 25, 27, 30 Nov and Wed 2 Dec are
  // due by today (Thursday 3 Dec); Friday 4 Dec is not reached yet.
  in.homework.push_back(plan(Day{2026y / November / 17}, Day{2026y / December / 20},
                             Day{2026y / November / 16}, kMonWedFri));
  for (const Day d :
       {Day{2026y / November / 18}, Day{2026y / November / 20}, Day{2026y / November / 23},
        Day{2026y / November / 25}, Day{2026y / November / 27}, Day{2026y / November / 30},
        Day{2026y / December / 2}})
    in.sessions.push_back(session(d, 600s, 600s, true, true, "homework:neck"));
  // Own routines do not count toward the therapist's prescription.
  in.sessions.push_back(session(kToday, 600s, 600s, true));
  const auto r = build_history_report(in, kToday, 4, 5);
  CHECK(r.adherence.from_homework);
  CHECK(r.adherence.prescribed == 7);
  CHECK(r.adherence.completed == 7);
  CHECK(*r.adherence.percent == doctest::Approx(100));
  // The homework table reads the same figures.
  REQUIRE(r.homework.size() == 1);
  CHECK(r.homework[0].plan.title == "Neck routine");
  CHECK(r.homework[0].prescribed == 7);
  CHECK(r.homework[0].completed == 7);
  // Week rows: 16 Nov holds Wed and Fri (2), the start on Tuesday left Monday out.
  CHECK(r.week_rows[1].prescribed == 2);
  CHECK(r.week_rows[3].prescribed == 2);  // Mon 30 Nov and Wed 2 Dec; not Fri 4 Dec
  CHECK(r.week_rows[3].sessions_completed == 3);
  CHECK(r.week_rows[3].counted == 2);
}

TEST_CASE("homework that starts after today leaves adherence on the own target") {
  HistoryInput in;
  in.homework.push_back(plan(kToday + days{1}, kToday + days{28}, kToday, kMonWedFri));
  in.sessions.push_back(session(kToday, 600s, 600s, true));
  const auto r = build_history_report(in, kToday, 1, 7);
  CHECK_FALSE(r.adherence.from_homework);
  CHECK(r.adherence.prescribed == 1);  // today only: 7 x 1 / 7
  CHECK(r.homework.empty());
}

TEST_CASE("the baseline is the 7 days before the assignment when homework exists") {
  HistoryInput in;
  // Pain 7 in the week before the import on Monday 16 Nov, then 4.
  rate(in, Day{2026y / November / 9}, 7, 7);
  rate(in, Day{2026y / November / 16}, 18, 4);
  in.homework.push_back(plan(Day{2026y / November / 17}, Day{2026y / December / 20},
                             Day{2026y / November / 16}, kMonWedFri));
  const auto r = build_history_report(in, kToday, 4, 5);
  REQUIRE(r.baseline);
  CHECK(r.assigned_on == Day{2026y / November / 16});
  CHECK(r.baseline_before_assignment);
  CHECK(r.baseline->first_day == Day{2026y / November / 9});
  CHECK(r.baseline->mean == doctest::Approx(7));
  REQUIRE(r.change);
  CHECK(r.change->raw_points == doctest::Approx(3));

  // Without the homework the first 7 days of ratings are the baseline, as before.
  in.homework.clear();
  const auto plain = build_history_report(in, kToday, 4, 5);
  CHECK_FALSE(plain.baseline_before_assignment);
  CHECK(plain.baseline->first_day == Day{2026y / November / 9});
}

TEST_CASE("the start date sets the assignment when it precedes the import") {
  HistoryInput in;
  rate(in, Day{2026y / November / 9}, 25, 5);
  in.homework.push_back(plan(Day{2026y / November / 20}, Day{2026y / December / 20},
                             Day{2026y / November / 23}, kMonWedFri));
  const auto r = build_history_report(in, kToday, 4, 5);
  CHECK(r.assigned_on == Day{2026y / November / 20});
  CHECK(r.baseline->first_day == Day{2026y / November / 13});
}

TEST_CASE("no change is reported while the current week overlaps the baseline") {
  HistoryInput in;
  // A new user: ratings from Thursday 26 Nov, so the first 7 days reach into this week.
  rate(in, Day{2026y / November / 26}, 8, 6);
  const auto r = build_history_report(in, kToday, 4, 5);
  REQUIRE(r.baseline);
  CHECK(r.baseline->days_with_data == 7);
  REQUIRE(r.current);  // the week of 30 Nov has 4 rated days
  CHECK(r.current_overlaps_baseline);
  CHECK_FALSE(r.change);
  CHECK_FALSE(r.escalation);
}

TEST_CASE("worsening by 2 points or 30 % asks to check with the clinician") {
  const auto report_for = [](int baseline_pain, std::vector<int> later) {
    HistoryInput in;
    rate(in, Day{2026y / November / 2}, 7, baseline_pain);
    Day d{2026y / November / 30};
    for (const int pain : later) in.ratings.push_back({d, pain}), d += days{1};
    return build_history_report(in, kToday, 4, 5);
  };
  // 4 → 6: 2 points (50 %).
  const auto two_points = report_for(4, {6, 6, 6, 6});
  REQUIRE(two_points.escalation);
  CHECK(two_points.escalation->reason == EscalationReason::Worsening);
  CHECK(escalation_text(*two_points.escalation).find("check with your clinician") !=
        std::string::npos);
  // 5 → 6.5: 1.5 points but 30 %.
  const auto thirty = report_for(5, {6, 7, 6, 7});
  REQUIRE(thirty.change);
  CHECK(thirty.change->raw_points == doctest::Approx(-1.5));
  REQUIRE(thirty.escalation);
  CHECK(thirty.escalation->reason == EscalationReason::Worsening);
  // 5 → 6.25: 1.25 points, 25 %: neither, and no 4 weeks of practice (no sessions at all).
  CHECK_FALSE(report_for(5, {6, 6, 6, 7}).escalation);
  // 2 → 3.75 (baseline under 3: no percent): 1.75 points is not enough.
  CHECK_FALSE(report_for(2, {4, 4, 4, 3}).escalation);
}

TEST_CASE("no meaningful change after 4 weeks of practice asks to check with the clinician") {
  const auto report_for = [](Day first_session, int later_pain) {
    HistoryInput in;
    rate(in, Day{2026y / October / 26}, 7, 6);
    rate(in, Day{2026y / November / 30}, 4, later_pain);
    in.sessions.push_back(session(first_session, 600s, 600s, true));
    return build_history_report(in, kToday, 6, 5);
  };
  // The compared week ends Sunday 6 Dec; practice from Monday 9 Nov is exactly 4 weeks.
  const auto flat = report_for(Day{2026y / November / 9}, 6);
  REQUIRE(flat.escalation);
  CHECK(flat.escalation->reason == EscalationReason::NotImproving);
  CHECK(flat.escalation->weeks_of_practice == 4);
  CHECK(escalation_text(*flat.escalation).find("4 weeks") != std::string::npos);
  // A day less than 4 weeks: not yet.
  CHECK_FALSE(report_for(Day{2026y / November / 10}, 6).escalation);
  // 6 → 5 is 1 point: a minimal improvement, so no message.
  CHECK_FALSE(report_for(Day{2026y / November / 9}, 5).escalation);
}

TEST_CASE("the PGIC history lists every answer in the period, oldest first") {
  HistoryInput in;
  in.pgic = {{Day{2026y / November / 30}, 3},
             {Day{2026y / November / 16}, 4},
             {Day{2026y / October / 1}, 5}};
  const auto r = build_history_report(in, kToday, 4, 5);
  REQUIRE(r.pgic.size() == 2);
  CHECK(r.pgic[0].value == 4);
  CHECK(r.pgic[1].value == 3);
  CHECK(r.latest_pgic->value == 3);
}

}  // namespace
}  // namespace unknot::core
