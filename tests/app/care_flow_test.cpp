// Safety and settings in the state machine: the red-flag check before a session, the health
// profile applied to the catalog, therapist mode.
#include "app/care_flow.h"

#include <doctest/doctest.h>

#include "app/app_builders.h"
#include "app/builder_draft.h"
#include "app/safety_page.h"
#include "app/screens.h"
#include "app/view.h"

namespace unknot::test {
namespace {

using app::ControlKind;
using namespace std::chrono;

Driver due_driver() {
  Driver d;
  d.model.screened_at.reset();
  return d;
}

void answer_all(Driver& d, int yes_at = -1) {
  for (int i = 0; i < app::kRedFlagCount; ++i)
    d.press(i == yes_at ? ControlKind::RedFlagYes : ControlKind::RedFlagNo, i);
}

TEST_CASE("Start asks the safety questions first when they are due") {
  Driver d = due_driver();
  d.press(ControlKind::RoutineCard, 0).press(ControlKind::Start);
  REQUIRE(std::holds_alternative<app::SafetyScreen>(d.model.screen));
  CHECK(std::get<app::SafetyScreen>(d.model.screen).pending_routine == 0);
}

TEST_CASE(
    "Continue needs every answer, all noes pass, remember the time, and go on to pain before") {
  Driver d = due_driver();
  d.press(ControlKind::RoutineCard, 1).press(ControlKind::Start);
  for (int i = 0; i < app::kRedFlagCount - 1; ++i) d.press(ControlKind::RedFlagNo, i);
  d.press(ControlKind::Confirm);
  CHECK(std::holds_alternative<app::SafetyScreen>(d.model.screen));
  CHECK(d.all<app::SaveScreenResult>().empty());
  d.press(ControlKind::RedFlagNo, app::kRedFlagCount - 1).press(ControlKind::Confirm);
  REQUIRE(std::holds_alternative<app::RatingScreen>(d.model.screen));
  CHECK(std::get<app::RatingScreen>(d.model.screen).routine == 1);
  REQUIRE(d.all<app::SaveScreenResult>().size() == 1);
  CHECK(d.all<app::SaveScreenResult>()[0].passed);
  CHECK(d.model.screened_at == d.model.wall_now);
}

TEST_CASE("one yes blocks the session for the rest of the local day, with advice for it") {
  Driver d = due_driver();
  d.model.utc_offset_min = 60;
  d.press(ControlKind::RoutineCard, 0).press(ControlKind::Start);
  answer_all(d, 3);  // bladder or bowel change, or saddle numbness
  d.press(ControlKind::Confirm);
  REQUIRE(std::holds_alternative<app::SafetyScreen>(d.model.screen));
  const auto& blocked = std::get<app::SafetyScreen>(d.model.screen);
  CHECK(blocked.blocked);
  const auto yes = app::safety_yes_questions(blocked);
  REQUIRE(yes.size() == 1);
  CHECK(yes[0]->urgency == core::CareUrgency::Emergency);
  // The block is stored with its time, offset and question; a failed check is not a pass.
  REQUIRE(d.all<app::SaveSafetyBlock>().size() == 1);
  const core::SafetyBlock saved = d.all<app::SaveSafetyBlock>()[0].block;
  CHECK(saved.at == d.model.wall_now);
  CHECK(saved.utc_offset_min == 60);
  CHECK(saved.ids == std::vector<std::string>{std::string(core::red_flag_questions()[3].id)});
  CHECK(d.all<app::SaveScreenResult>().empty());
  CHECK(app::controls(d.model) == std::vector<app::Control>{{ControlKind::Confirm, 0}});
  CHECK(d.all<app::BeginSessionRecord>().empty());
  d.press(ControlKind::Confirm);
  CHECK(std::holds_alternative<app::HomeScreen>(d.model.screen));

  // Start again the same day: the advice, not fresh questions that could be answered "no".
  d.model.wall_now += hours(2);
  d.press(ControlKind::RoutineCard, 0).press(ControlKind::Start);
  REQUIRE(std::holds_alternative<app::SafetyScreen>(d.model.screen));
  CHECK(std::get<app::SafetyScreen>(d.model.screen).blocked);
  CHECK(d.all<app::BeginSessionRecord>().empty());

  // The next local day the full check comes back, not the one-tap one.
  d.press(ControlKind::Confirm);
  d.model.wall_now += days(1);
  d.press(ControlKind::RoutineCard, 0).press(ControlKind::Start);
  REQUIRE(std::holds_alternative<app::SafetyScreen>(d.model.screen));
  CHECK_FALSE(std::get<app::SafetyScreen>(d.model.screen).blocked);
  CHECK_FALSE(std::get<app::SafetyScreen>(d.model.screen).brief);
}

TEST_CASE("a block read back after a restart still holds that day, and ends at local midnight") {
  // 1'790'000'000 is 2026-09-21 14:13:20 UTC; at +02:00 the local day ends at 22:00 UTC.
  const core::UnixSeconds now{seconds(1'790'000'000)};
  for (const int offset : {0, 120, -300}) {
    CAPTURE(offset);
    Driver d;
    app::CareLoaded loaded;
    loaded.utc_offset_min = offset;
    loaded.screened_at = now - days(3);
    loaded.safety_block = core::SafetyBlock{now - minutes(30), offset, {"chest"}};
    loaded.profile_answered = true;
    d(loaded);
    d.model.wall_now = now;
    d.press(ControlKind::RoutineCard, 0).press(ControlKind::Start);
    REQUIRE(std::holds_alternative<app::SafetyScreen>(d.model.screen));
    CHECK(std::get<app::SafetyScreen>(d.model.screen).blocked);
    const auto yes = app::safety_yes_questions(std::get<app::SafetyScreen>(d.model.screen));
    REQUIRE(yes.size() == 1);
    CHECK(yes[0]->urgency == core::CareUrgency::Urgent);

    // One second after the person's midnight the questions are back.
    const auto local = now + minutes(offset);
    const auto next_midnight =
        floor<days>(local.time_since_epoch()) + days(1) - minutes(offset) + seconds(1);
    d.press(ControlKind::Confirm);
    d.model.wall_now = core::UnixSeconds{next_midnight};
    d.press(ControlKind::RoutineCard, 0).press(ControlKind::Start);
    REQUIRE(std::holds_alternative<app::SafetyScreen>(d.model.screen));
    CHECK_FALSE(std::get<app::SafetyScreen>(d.model.screen).blocked);
    d.model.wall_now = core::UnixSeconds{next_midnight - seconds(2)};
    d(app::BackPressed{});
    d.press(ControlKind::Start);
    CHECK(std::get<app::SafetyScreen>(d.model.screen).blocked);
  }
}

TEST_CASE("on a small phone every question is answered where it is drawn, scrolling to reach it") {
  Driver d = due_driver();
  d(app::Resized{320, 568});
  d.press(ControlKind::RoutineCard, 0).press(ControlKind::Start);
  REQUIRE(std::holds_alternative<app::SafetyScreen>(d.model.screen));
  const app::Size window{320, 568};
  CHECK_FALSE(app::target_rect(d.model, window, {ControlKind::Confirm, 0}));  // not until answered
  for (int i = 0; i < app::kRedFlagCount; ++i) {
    // Tab walks Yes and No of each question in turn, bringing them into view.
    while (app::focused_control(d.model) != app::Control{ControlKind::RedFlagNo, i})
      d(app::FocusMoved{1});
    const auto r = app::target_rect(d.model, window, {ControlKind::RedFlagNo, i});
    REQUIRE(r);
    CHECK(r->h >= 47.5f);  // wholly in view
    const auto hit = app::hit_test(d.model, window, r->center());
    REQUIRE(hit);
    d(app::Activated{*hit});
  }
  CHECK(d.model.scroll.offset > 0);  // the questions did not fit
  REQUIRE(app::target_rect(d.model, window, {ControlKind::Confirm, 0}));
  d.press(ControlKind::Confirm);
  CHECK(std::holds_alternative<app::RatingScreen>(d.model.screen));
}

TEST_CASE("Back from the safety check never passes it, and a blocked check offers Home only") {
  Driver d = due_driver();
  d.press(ControlKind::RoutineCard, 0).press(ControlKind::Start);
  answer_all(d);
  d(app::BackPressed{});
  CHECK(std::holds_alternative<app::RoutineScreen>(d.model.screen));
  CHECK_FALSE(d.model.screened_at.has_value());
  CHECK(d.all<app::SaveScreenResult>().empty());
  d.press(ControlKind::Start);
  REQUIRE(std::holds_alternative<app::SafetyScreen>(d.model.screen));
  answer_all(d, 0);
  d.press(ControlKind::Confirm);
  d(app::BackPressed{});
  CHECK(std::holds_alternative<app::HomeScreen>(d.model.screen));
  CHECK_FALSE(d.model.screened_at.has_value());
}

TEST_CASE("changing an answer before Continue counts only the last one") {
  Driver d = due_driver();
  d.press(ControlKind::RoutineCard, 0).press(ControlKind::Start);
  answer_all(d, 0);
  d.press(ControlKind::RedFlagNo, 0).press(ControlKind::Confirm);
  CHECK(std::holds_alternative<app::RatingScreen>(d.model.screen));
}

TEST_CASE("after a recent full pass Start asks once, in one tap, four weeks on, in full") {
  Driver d;  // passed the full check yesterday
  d.press(ControlKind::RoutineCard, 0).press(ControlKind::Start);
  REQUIRE(std::holds_alternative<app::SafetyScreen>(d.model.screen));
  const auto& brief = std::get<app::SafetyScreen>(d.model.screen);
  CHECK(brief.brief);
  CHECK(app::safety_confirm_label(brief) == "None of these");
  CHECK(app::focused_control(d.model) == app::Control{ControlKind::Confirm, 0});
  d.press(ControlKind::Confirm);  // the one tap
  CHECK(std::holds_alternative<app::RatingScreen>(d.model.screen));
  CHECK(d.all<app::SaveScreenResult>().empty());  // the four weeks count from the full check
  CHECK(d.all<app::SaveSafetyBlock>().empty());

  d(app::BackPressed{})(app::BackPressed{});
  d.model.screened_at = d.model.wall_now - days(28);
  d.press(ControlKind::RoutineCard, 0).press(ControlKind::Start);
  REQUIRE(std::holds_alternative<app::SafetyScreen>(d.model.screen));
  CHECK_FALSE(std::get<app::SafetyScreen>(d.model.screen).brief);
  d(app::BackPressed{});  // back to the routine
  CHECK(std::holds_alternative<app::RoutineScreen>(d.model.screen));
}

TEST_CASE("ticking an item in the one-tap check turns its button to Continue, which blocks") {
  Driver d;
  d.press(ControlKind::RoutineCard, 0).press(ControlKind::Start);
  d.press(ControlKind::RedFlagYes, 1);  // calf swelling
  CHECK(app::safety_confirm_label(std::get<app::SafetyScreen>(d.model.screen)) == "Continue");
  d.press(ControlKind::RedFlagYes, 1);  // untick
  CHECK(app::safety_confirm_label(std::get<app::SafetyScreen>(d.model.screen)) == "None of these");
  d.press(ControlKind::RedFlagYes, 1).press(ControlKind::RedFlagYes, 3);
  d.press(ControlKind::Confirm);
  REQUIRE(std::holds_alternative<app::SafetyScreen>(d.model.screen));
  const auto yes = app::safety_yes_questions(std::get<app::SafetyScreen>(d.model.screen));
  REQUIRE(yes.size() == 2);
  CHECK(yes[0]->urgency == core::CareUrgency::Emergency);  // saddle numbness first
  CHECK(yes[1]->urgency == core::CareUrgency::SameDay);    // then the calf
  CHECK(d.all<app::SaveSafetyBlock>().size() == 1);
  CHECK(d.all<app::BeginSessionRecord>().empty());
}

core::MuscleLibrary trap_library() {
  core::MuscleLibrary lib;
  core::MuscleInfo trap;
  trap.id = "upper_trapezius";
  trap.area = core::BodyArea::HeadNeck;
  lib.muscles.push_back(trap);
  return lib;
}

TEST_CASE("saving a profile applies it to every routine, with reasons, and keeps it") {
  Driver d;
  d.model.library = std::make_shared<const core::MuscleLibrary>(trap_library());
  d.press(ControlKind::Settings);
  REQUIRE(std::holds_alternative<app::SettingsScreen>(d.model.screen));
  d.press(ControlKind::HealthProfile).press(ControlKind::ProfileFlag, 0);
  CHECK(d.all<app::SaveProfile>().empty());  // not until Save
  d.press(ControlKind::Save);
  CHECK(std::holds_alternative<app::SettingsScreen>(d.model.screen));
  REQUIRE(d.all<app::SaveProfile>().size() == 1);
  CHECK(d.all<app::SaveProfile>()[0].profile.anticoagulants);
  for (const auto& entry : d.model.catalog) {
    REQUIRE(entry.changes.size() == 1);
    CHECK(entry.changes[0].kind == core::StepChange::Kind::Softened);
    CHECK(entry.routine.steps[1].pressure_target == core::kLightPressure);
    CHECK(entry.original.steps[1].pressure_target == 5);
  }
  CHECK(app::profile_summary(d.model.profile) == "Blood thinners");
}

TEST_CASE("Back from the profile discards the change") {
  Driver d;
  d.press(ControlKind::Settings)
      .press(ControlKind::HealthProfile)
      .press(ControlKind::ProfileFlag, 1);
  d(app::BackPressed{});
  CHECK(std::holds_alternative<app::SettingsScreen>(d.model.screen));
  CHECK_FALSE(d.model.profile.pregnant);
  CHECK(app::profile_summary(d.model.profile) == "Nothing noted");
}

TEST_CASE("a routine the profile empties offers no Start") {
  Driver d;
  core::MuscleLibrary lib;
  core::MuscleInfo calf;
  calf.id = "gastrocnemius";
  calf.area = core::BodyArea::LowerLeg;
  lib.muscles.push_back(calf);
  d.model.library = std::make_shared<const core::MuscleLibrary>(lib);
  core::Routine only_calf = small_routine("calf");
  only_calf.steps = {only_calf.steps[1]};
  only_calf.steps[0].muscle = "gastrocnemius";
  d.model.catalog.push_back(app::make_catalog_entry(only_calf, core::builtin_pattern_lookup()));
  app::CareLoaded care;
  care.profile.varicose_veins = true;
  care.screened_at = d.model.wall_now;
  d(care);
  d.press(ControlKind::RoutineCard, 2);
  const auto list = app::controls(d.model);
  CHECK(std::find(list.begin(), list.end(), app::Control{ControlKind::Start, 0}) == list.end());
  d.press(ControlKind::Start);
  CHECK(std::holds_alternative<app::RoutineScreen>(d.model.screen));
}

TEST_CASE(
    "with no breath holds allowed, a pattern that holds the breath shows why and cannot start") {
  Driver d;
  app::CareLoaded care;
  care.profile.seizures = true;
  care.screened_at = d.model.wall_now;
  d(care);
  const auto* box = app::find_pattern(d.model, "box_4");
  const auto* gentle = app::find_pattern(d.model, "box_4_no_hold");
  REQUIRE(box != nullptr);
  REQUIRE(gentle != nullptr);
  CHECK(app::holds_barred(d.model, *box));
  CHECK_FALSE(app::holds_barred(d.model, *gentle));
  d.model.screen = app::PatternScreen{"box_4", {}};
  const auto list = app::controls(d.model);
  CHECK(std::find(list.begin(), list.end(), app::Control{ControlKind::Start, 0}) == list.end());
  d.press(ControlKind::Start);
  CHECK_FALSE(d.model.session.has_value());
  CHECK(app::length_note(d.model, std::get<app::PatternScreen>(d.model.screen))
            .find("health profile") != std::string::npos);
}

TEST_CASE("a routine's page opens its sources in full, which scroll, and Back returns to it") {
  Driver d;
  core::Routine sourced = small_routine("sourced");
  for (int i = 0; i < 30; ++i)
    sourced.sources.push_back("[" + std::to_string(i) + "] A long citation of a source " +
                              std::string(120, 'x'));
  d.model.catalog.push_back(app::make_catalog_entry(sourced, core::builtin_pattern_lookup()));
  d.press(ControlKind::RoutineCard, 0);
  auto list = app::controls(d.model);
  CHECK(std::find(list.begin(), list.end(), app::Control{ControlKind::RoutineSources, 0}) ==
        list.end());  // none listed
  d(app::BackPressed{}).press(ControlKind::RoutineCard, 2);
  list = app::controls(d.model);
  CHECK(std::find(list.begin(), list.end(), app::Control{ControlKind::RoutineSources, 0}) !=
        list.end());
  d.press(ControlKind::RoutineSources);
  REQUIRE(std::holds_alternative<app::SourcesScreen>(d.model.screen));
  d(app::Scrolled{100000});
  CHECK(d.model.scroll.offset > 0);
  d(app::BackPressed{});
  REQUIRE(std::holds_alternative<app::RoutineScreen>(d.model.screen));
  CHECK(std::get<app::RoutineScreen>(d.model.screen).routine == 2);
}

TEST_CASE("therapist mode switches and is saved") {
  Driver d;
  d.press(ControlKind::Settings).press(ControlKind::TherapistMode);
  CHECK(d.model.therapist_mode);
  REQUIRE(d.all<app::SaveTherapistMode>().size() == 1);
  CHECK(d.all<app::SaveTherapistMode>()[0].on);
  d.press(ControlKind::TherapistMode);
  CHECK_FALSE(d.model.therapist_mode);
}

TEST_CASE("the stored settings arrive at start-up") {
  Driver d;
  app::CareLoaded care;
  care.profile.pregnant = true;
  care.therapist_mode = true;
  care.screened_at = d.model.wall_now - days(3);
  d(care);
  CHECK(d.model.profile.pregnant);
  CHECK(d.model.therapist_mode);
  CHECK(d.model.screened_at == care.screened_at);
}

}  // namespace
}  // namespace unknot::test

namespace unknot::test {
namespace {

TEST_CASE(
    "the builder's today is the local day at the machine's offset, until Progress gives one") {
  Driver d;
  // 23:30 UTC on 25 Nov 2026: already 26 Nov two hours east, still 25 Nov two hours west.
  d.model.wall_now = core::UnixSeconds{std::chrono::sys_days{std::chrono::year{2026} / 11 / 25} +
                                       std::chrono::minutes(23 * 60 + 30)};
  app::CareLoaded care;
  care.utc_offset_min = 120;
  care.screened_at = d.model.wall_now;
  d(care);
  CHECK(app::builder_today(d.model) == std::chrono::sys_days{std::chrono::year{2026} / 11 / 26});
  d.model.utc_offset_min = -120;
  CHECK(app::builder_today(d.model) == std::chrono::sys_days{std::chrono::year{2026} / 11 / 25});
}

}  // namespace
}  // namespace unknot::test
