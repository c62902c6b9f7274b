// Today's homework on Home: done and prescribed today and this week, days left, and the
// homework routines joining the catalog.
#include "app/homework_status.h"

#include <doctest/doctest.h>

#include "app/app_builders.h"
#include "app/care_flow.h"
#include "app/layout.h"
#include "app/screens.h"

namespace unknot::test {
namespace {

using namespace std::chrono;
using app::ControlKind;

// Monday 30 Nov 2026 .. Sunday 27 Dec 2026, Mon/Wed/Fri, twice a day.
core::Homework homework() {
  core::Homework hw;
  hw.id = "hw-neck";
  hw.routine = small_routine("homework:hw-neck");
  hw.routine.title = "Neck homework";
  hw.prescription.times_per_day = 2;
  hw.prescription.days = {true, false, true, false, true, false, false};
  hw.prescription.start = sys_days{year{2026} / November / 30};
  hw.prescription.end = sys_days{year{2026} / December / 27};
  hw.prescription.therapist = "Sam Lee";
  hw.prescription.note = "Gently, twice a day.";
  return hw;
}

core::Day day(int d) { return sys_days{year{2026} / December / d}; }

TEST_CASE("status counts today's and this week's completed sessions against the prescription") {
  const std::vector<core::Day> done{day(2), day(2), day(4), day(1), day(9)};
  const auto s = app::homework_status(homework(), 3, done, day(4));  // Friday of week 1
  CHECK(s.routine == 3);
  CHECK(s.done_today == 1);
  CHECK(s.prescribed_today == 2);
  CHECK(s.done_week == 4);  // Tue 1 (not prescribed) still counts; 9 Dec is next week
  CHECK(s.prescribed_week == 6);
  CHECK(s.active);
  CHECK(s.days_left == 24);
  CHECK(app::homework_today_text(s) == "1 of 2 today");
  CHECK(app::homework_week_text(s) == "This week 4 of 6 · 66 %");
  CHECK(app::homework_days_left_text(s) == "24 days left");
}

TEST_CASE("rest days, done days, the last day, before the start and after the end") {
  const auto hw = homework();
  CHECK(app::homework_today_text(app::homework_status(hw, 0, {}, day(3))) ==
        "Not today: a rest day");
  const std::vector<core::Day> two{day(7), day(7)};
  CHECK(app::homework_today_text(app::homework_status(hw, 0, two, day(7))) == "Done for today");
  const auto last = app::homework_status(hw, 0, {}, day(27));
  CHECK(app::homework_days_left_text(last) == "Last day today");
  const auto before = app::homework_status(hw, 0, {}, sys_days{year{2026} / November / 25});
  CHECK_FALSE(before.active);
  CHECK(app::homework_today_text(before) == "Starts 30 Nov");
  CHECK(before.days_left == 28);
  const auto after = app::homework_status(hw, 0, {}, day(28));
  CHECK_FALSE(after.active);
  CHECK(after.days_left == 0);
  CHECK(app::homework_today_text(after) == "Ended 27 Dec");
  CHECK(app::homework_days_left_text(after) == "Finished");
}

TEST_CASE("the week's adherence is capped at 100 % and absent when nothing is prescribed") {
  const auto hw = homework();
  std::vector<core::Day> many(9, day(2));
  CHECK(app::homework_week_text(app::homework_status(hw, 0, many, day(2))) ==
        "This week 9 of 6 · 100 %");
  const auto outside = app::homework_status(hw, 0, {}, sys_days{year{2027} / January / 5});
  CHECK(app::homework_week_text(outside).empty());
}

TEST_CASE("loaded homework joins the catalog once, replaces on reload, and its card opens it") {
  Driver d;
  const std::size_t built_in = d.model.catalog.size();
  app::HomeworkLoaded loaded;
  loaded.routines.push_back(homework().routine);
  loaded.status.push_back(app::homework_status(homework(), -1, {}, day(2)));
  d(loaded)(loaded);
  REQUIRE(d.model.catalog.size() == built_in + 1);
  REQUIRE(d.model.homework.size() == 1);
  CHECK(d.model.homework[0].routine == static_cast<int>(built_in));
  CHECK(d.model.catalog.back().routine.id == "homework:hw-neck");
  // Home offers it first, by its homework card only (not again among the routines).
  const auto list = app::controls(d.model);
  REQUIRE_FALSE(list.empty());
  // In reading order: Sound beside the title, then the homework card before anything else.
  CHECK(list[0] == app::Control{ControlKind::Sound, 0});
  CHECK(list[1] == app::Control{ControlKind::HomeworkCard, 0});
  CHECK(std::find(list.begin(), list.end(),
                  app::Control{ControlKind::RoutineCard, static_cast<int>(built_in)}) ==
        list.end());
  CHECK(app::primary_control(d.model) == app::Control{ControlKind::HomeworkCard, 0});
  const auto card = app::target_rect(d.model, {390, 844}, {ControlKind::HomeworkCard, 0});
  const auto breathe = app::target_rect(d.model, {390, 844}, {ControlKind::JustBreathe, 0});
  REQUIRE(card);
  REQUIRE(breathe);
  CHECK_FALSE(app::target_rect(d.model, {390, 844},
                               {ControlKind::RoutineCard, static_cast<int>(built_in)}));
  CHECK(card->bottom() <= breathe->y);
  d.press(ControlKind::HomeworkCard, 0);
  REQUIRE(std::holds_alternative<app::RoutineScreen>(d.model.screen));
  CHECK(std::get<app::RoutineScreen>(d.model.screen).routine == static_cast<int>(built_in));
}

TEST_CASE("active homework comes before finished homework") {
  Driver d;
  app::HomeworkLoaded loaded;
  core::Homework old = homework();
  old.id = "hw-old";
  old.routine.id = "homework:hw-old";
  loaded.routines = {old.routine, homework().routine};
  loaded.status = {app::homework_status(old, -1, {}, day(28)),
                   app::homework_status(homework(), -1, {}, day(2))};
  loaded.status[0].active = false;
  d(loaded);
  REQUIRE(d.model.homework.size() == 2);
  CHECK(d.model.homework[0].id == "hw-neck");
}

TEST_CASE("a routine file opened with the app joins the catalog and opens, a bad file shows why") {
  Driver d;
  d(app::RoutineFileOpened{small_routine("opened")});
  REQUIRE(std::holds_alternative<app::RoutineScreen>(d.model.screen));
  CHECK(d.model
            .catalog[static_cast<std::size_t>(std::get<app::RoutineScreen>(d.model.screen).routine)]
            .routine.id == "opened");
  d(app::FileOpenFailed{"This homework file has problems", "hw.unknot:3:5: /id: must be ...",
                        true});
  REQUIRE(std::holds_alternative<app::ErrorScreen>(d.model.screen));
  CHECK(std::get<app::ErrorScreen>(d.model.screen).message.find("hw.unknot:3:5") !=
        std::string::npos);
  d(app::FileImported{"Homework from Sam Lee added: Neck homework"});
  CHECK(std::holds_alternative<app::HomeScreen>(d.model.screen));
  CHECK(d.model.toast.find("Sam Lee") != std::string::npos);
}

}  // namespace
}  // namespace unknot::test
