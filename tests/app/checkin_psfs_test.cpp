// The daily check-in's wording and filed day, the PSFS that follows it, and the check-in
// reminder in Settings.
#include <doctest/doctest.h>

#include "app/app_builders.h"
#include "app/checkin_page.h"
#include "app/psfs_page.h"
#include "app/screens.h"
#include "app/settings_page.h"
#include "app/update.h"

namespace unknot::app {
namespace {

using namespace std::chrono;
using test::Driver;

constexpr core::Day kMonday = sys_days{2026y / November / 23};

CheckinDue due(core::CheckinWhen when, bool psfs = false, std::vector<std::string> names = {},
               bool homework = false) {
  const core::Day day = when == core::CheckinWhen::Yesterday ? kMonday - days{1} : kMonday;
  return CheckinDue{false, {day, when}, psfs, std::move(names), homework};
}

const PsfsScreen& psfs(const Driver& d) {
  REQUIRE(std::holds_alternative<PsfsScreen>(d.model.screen));
  return std::get<PsfsScreen>(d.model.screen);
}

}  // namespace

TEST_CASE("the daily check-in says which day it asks about and files the rating on that day") {
  CHECK(checkin_title(core::CheckinWhen::Yesterday) == "Average pain yesterday");
  CHECK(checkin_title(core::CheckinWhen::TodaySoFar) == "Average pain today so far");
  CHECK(checkin_title(core::CheckinWhen::Today) == "Average pain today");
  Driver d;
  d(due(core::CheckinWhen::Yesterday));
  REQUIRE(std::holds_alternative<CheckinScreen>(d.model.screen));
  const auto layout = checkin_page_layout(std::get<CheckinScreen>(d.model.screen), env_of(d.model));
  REQUIRE_FALSE(layout.title.lines.empty());
  CHECK(layout.title.lines.front().find("yesterday") != std::string::npos);
  d(PainTyped{6}).press(ControlKind::Confirm);
  REQUIRE(d.all<SaveCheckin>().size() == 1);
  CHECK(d.all<SaveCheckin>()[0].day == kMonday - days{1});
  CHECK(d.all<SaveCheckin>()[0].value == 6);
  CHECK(std::holds_alternative<HomeScreen>(d.model.screen));
  CHECK(d.all<CheckinOffered>().size() == 1);
}

TEST_CASE("a first PSFS asks for names, then rates each activity and saves the sitting whole") {
  Driver d;
  d(due(core::CheckinWhen::Today, true));
  d(PainTyped{5}).press(ControlKind::Confirm);
  REQUIRE(psfs(d).naming);
  CHECK(d.all<CheckinOffered>().empty());
  CHECK(focused_control(d.model) == Control{ControlKind::PsfsField, 0});
  // Continue with no name asks for one.
  d.press(ControlKind::Confirm);
  CHECK(psfs(d).needs_name);
  // Names typed into the first and third fields; the empty second one is left out.
  focus_control(d.model, {ControlKind::PsfsField, 0});
  d(TextTyped{"  Reaching up "});
  focus_control(d.model, {ControlKind::PsfsField, 2});
  d(TextTyped{"Driving"});
  CHECK_FALSE(psfs(d).needs_name);
  d.press(ControlKind::Confirm);
  REQUIRE_FALSE(psfs(d).naming);
  CHECK(psfs(d).activities == std::vector<std::string>{"Reaching up", "Driving"});
  CHECK(psfs_next_label(psfs(d)) == "Next");
  d.press(ControlKind::Confirm);  // nothing chosen: stays
  CHECK(psfs(d).index == 0);
  d(PainTyped{3}).press(ControlKind::Confirm);
  CHECK(psfs(d).index == 1);
  CHECK(psfs_next_label(psfs(d)) == "Save");
  CHECK(d.all<SavePsfs>().empty());
  d(PainNudged{-1}).press(ControlKind::Confirm);  // from nothing, Left starts at 10
  REQUIRE(d.all<SavePsfs>().size() == 1);
  const SavePsfs save = d.all<SavePsfs>()[0];
  CHECK_FALSE(save.from_homework);
  REQUIRE(save.answers.size() == 2);
  CHECK(save.answers[0].activity == "Reaching up");
  CHECK(save.answers[0].value == 3);
  CHECK(save.answers[1].activity == "Driving");
  CHECK(save.answers[1].value == 10);
  CHECK(std::holds_alternative<HomeScreen>(d.model.screen));
  CHECK(d.all<CheckinOffered>().size() == 1);
}

TEST_CASE("known activities go straight to rating, and the person may rename their own") {
  Driver d;
  d(due(core::CheckinWhen::Today, true, {"Walking", "Sleeping"}));
  d(PainTyped{4}).press(ControlKind::Confirm);
  REQUIRE_FALSE(psfs(d).naming);
  const auto layout = psfs_page_layout(psfs(d), env_of(d.model));
  REQUIRE(layout.rename.has_value());
  d.press(ControlKind::PsfsRename);
  REQUIRE(psfs(d).naming);
  CHECK(psfs(d).names[0].text() == "Walking");
  CHECK(psfs(d).names[1].text() == "Sleeping");
  CHECK(psfs(d).names[2].text().empty());
}

TEST_CASE("the homework's activities cannot be renamed, and Not now saves no part of a sitting") {
  Driver d;
  d(due(core::CheckinWhen::Today, true, {"Reaching up", "Driving", "Lifting"}, true));
  d(PainTyped{4}).press(ControlKind::Confirm);
  REQUIRE(psfs(d).from_homework);
  CHECK_FALSE(psfs_page_layout(psfs(d), env_of(d.model)).rename.has_value());
  d.press(ControlKind::PsfsRename);
  CHECK_FALSE(psfs(d).naming);
  d(PainTyped{2}).press(ControlKind::Confirm);
  d(BackPressed{});  // Escape: not now
  CHECK(std::holds_alternative<HomeScreen>(d.model.screen));
  CHECK(d.all<SavePsfs>().empty());
  CHECK(d.all<CheckinOffered>().size() == 1);
}

TEST_CASE("skipping the PGIC goes on to the PSFS, and Not today on the daily rating skips both") {
  Driver d;
  CheckinDue both = due(core::CheckinWhen::Today, true, {"Walking"});
  both.pgic = true;
  d(both);
  d(PainTyped{4}).press(ControlKind::Confirm);
  REQUIRE(std::get<CheckinScreen>(d.model.screen).pgic_step);
  d.press(ControlKind::NotToday);
  CHECK(std::holds_alternative<PsfsScreen>(d.model.screen));

  Driver off;
  off(both);
  off.press(ControlKind::NotToday);
  CHECK(std::holds_alternative<HomeScreen>(off.model.screen));
  CHECK(off.all<SaveCheckin>().empty());
  CHECK(off.all<CheckinOffered>().size() == 1);
}

TEST_CASE("Settings sets the check-in reminder in half-hour steps, and turns it off") {
  Driver d;
  d(CareLoaded{});
  CHECK_FALSE(d.model.checkin_reminder_minute.has_value());
  open_screen(d.model, SettingsScreen{});
  d.press(ControlKind::CheckinReminder);
  CHECK(d.model.checkin_reminder_minute == 20 * 60);
  CHECK(d.all<SaveCheckinReminder>().back().minute == 20 * 60);
  d.press(ControlKind::ReminderLater);
  CHECK(d.all<SaveCheckinReminder>().back().minute == 20 * 60 + 30);
  d.press(ControlKind::ReminderEarlier).press(ControlKind::ReminderEarlier);
  CHECK(d.model.checkin_reminder_minute == 19 * 60 + 30);
  const auto layout = settings_layout(d.model, env_of(d.model));
  REQUIRE(layout.reminder_time.has_value());
  CHECK(layout.reminder_time->value.lines.front() == "19:30");
  d.press(ControlKind::CheckinReminder);
  CHECK_FALSE(d.model.checkin_reminder_minute.has_value());
  CHECK_FALSE(d.all<SaveCheckinReminder>().back().minute.has_value());
  CHECK_FALSE(settings_layout(d.model, env_of(d.model)).reminder_time.has_value());
  // A stored reminder arrives with the care settings.
  CareLoaded stored;
  stored.checkin_reminder_minute = 7 * 60;
  d(stored);
  CHECK(d.model.checkin_reminder_minute == 7 * 60);
}

}  // namespace unknot::app

#include "app/trends_page.h"
#include "app/trends_view.h"

namespace unknot::app {

TEST_CASE("Progress shows each PSFS activity first to latest with the change against the MDC") {
  const core::Day today = sys_days{2026y / November / 25};
  AppModel m = test::catalog_model();
  core::HistoryInput input;
  input.psfs = {{today - days{20}, 1, "Reaching up", 2},
                {today - days{20}, 2, "Driving", 5},
                {today - days{6}, 1, "Reaching up", 6},
                {today - days{6}, 2, "Driving", 4},
                {today, 3, "Sleeping", 3}};
  m.progress = ProgressData{std::move(input), today};
  const TrendsScreen screen{TrendsPeriod::Weeks4, "", core::Side::None};
  const TrendsView v = trends_view(m, screen);
  REQUIRE(v.psfs.size() == 3);
  CHECK(v.psfs[0].activity == "Reaching up");
  CHECK(v.psfs[0].value == "2 → 6 (+4)");
  CHECK(v.psfs[0].beyond_mdc);
  CHECK(v.psfs[0].verdict == "More able: beyond the 2-point MDC");
  CHECK(v.psfs[1].value == "5 → 4 (−1)");
  CHECK_FALSE(v.psfs[1].beyond_mdc);
  CHECK(v.psfs[2].value == "3 (rated once so far)");
  CHECK(v.psfs_note.find("Moseng") != std::string::npos);
  // The card is laid out with every row.
  m.screen = screen;
  const TrendsLayout l = trends_layout(m, screen, v, env_of(m));
  CHECK(l.psfs.card.h > 0);
  CHECK(l.psfs.rows.size() == 3);
  // Without PSFS ratings there is no card.
  m.progress->input.psfs.clear();
  const TrendsView none = trends_view(m, screen);
  CHECK(none.psfs.empty());
  CHECK(trends_layout(m, screen, none, env_of(m)).psfs.card.h == 0);
}

}  // namespace unknot::app
