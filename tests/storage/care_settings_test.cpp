#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <utility>

#include "storage/session_store.h"
#include "storage/temp_dir.h"

namespace unknot::storage {
namespace {
using namespace std::chrono;
using testing::TempDir;

constexpr core::UnixSeconds kNoon{sys_days{2026y / November / 25} + hours{12}};

core::HealthProfile pregnant() {
  core::HealthProfile p;
  p.pregnant = true;
  return p;
}

}  // namespace

TEST_CASE("care settings on a database where none were saved are the defaults") {
  SessionStore store = SessionStore::open_in_memory();
  CHECK(store.health_profile() == core::HealthProfile{});
  CHECK_FALSE(store.screen_outcome().has_value());
  CHECK_FALSE(store.weekly_target().has_value());
  CHECK_FALSE(store.therapist_mode());
  CHECK_FALSE(store.checkin_offered_on().has_value());
}

TEST_CASE("every care setting comes back as it was saved, also after reopening the file") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  core::HealthProfile profile;
  profile.pregnant = true;
  profile.heart_disease = true;
  const core::Day day = sys_days{2026y / November / 25};
  {
    SessionStore store = SessionStore::open(file);
    store.save_health_profile(pregnant());
    store.save_health_profile(profile);
    store.save_screen_outcome({false, kNoon - hours{1}});
    store.save_screen_outcome({true, kNoon});
    store.save_weekly_target(3);
    store.save_therapist_mode(true);
    store.save_checkin_offered_on(day);
  }
  SessionStore store = SessionStore::open(file);
  CHECK(store.health_profile() == profile);
  CHECK(store.screen_outcome() == ScreenOutcome{true, kNoon});
  CHECK(store.weekly_target() == 3);
  CHECK(store.therapist_mode());
  CHECK(store.checkin_offered_on() == day);
  store.save_therapist_mode(false);
  CHECK_FALSE(store.therapist_mode());
}

TEST_CASE("a safety block comes back with its time, offset and questions after reopening") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  const core::SafetyBlock block{kNoon, -300, {"calf", "bladder"}};
  {
    SessionStore store = SessionStore::open(file);
    CHECK_FALSE(store.safety_block().has_value());
    store.save_safety_block(core::SafetyBlock{kNoon - days(2), 60, {"fever"}});
    store.save_safety_block(block);
  }
  SessionStore store = SessionStore::open(file);
  CHECK(store.safety_block() == block);
}

TEST_CASE("a damaged safety block reads as none, an id a later version asks about is kept") {
  SessionStore store = SessionStore::open_in_memory();
  for (const std::string text :
       {"", "garbage", "2026-11-25T12:00:00Z", "2026-11-25T12:00:00Z x fever",
        "2026-11-25T12:00:00Z 900 fever", "not-a-time 60 fever"}) {
    CAPTURE(text);
    store.set_setting("safety_block", text);
    CHECK_FALSE(store.safety_block().has_value());
  }
  store.set_setting("safety_block", "2026-11-25T12:00:00Z 60 fever,future_question");
  const auto block = store.safety_block();
  REQUIRE(block);
  CHECK(block->utc_offset_min == 60);
  CHECK(block->ids == std::vector<std::string>{"fever", "future_question"});
}

TEST_CASE("the profile counts as answered once saved, even empty, the welcome's time is kept") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  {
    SessionStore store = SessionStore::open(file);
    CHECK_FALSE(store.profile_answered());
    CHECK_FALSE(store.onboarded_at().has_value());
    store.save_health_profile(core::HealthProfile{});  // "none of these"
    store.save_onboarded_at(kNoon);
  }
  SessionStore store = SessionStore::open(file);
  CHECK(store.profile_answered());
  CHECK(store.health_profile() == core::HealthProfile{});
  CHECK(store.onboarded_at() == kNoon);
  store.set_setting("onboarded_at", "yesterday");
  CHECK_FALSE(store.onboarded_at().has_value());
  CHECK_THROWS_AS(store.save_onboarded_at(core::UnixSeconds{sys_days{10000y / 1 / 1}}),
                  StorageError);
}

TEST_CASE("care settings keep the text forms earlier versions wrote") {
  SessionStore store = SessionStore::open_in_memory();
  core::HealthProfile profile;
  profile.anticoagulants = true;
  profile.varicose_veins = true;
  store.save_health_profile(profile);
  CHECK(store.setting("profile") == "anticoagulants,varicose_veins");
  store.save_screen_outcome({false, kNoon});
  CHECK(store.setting("safety_screen") == "blocked 2026-11-25T12:00:00Z");
  store.save_weekly_target(7);
  CHECK(store.setting("weekly_target") == "7");
  store.save_checkin_offered_on(sys_days{2026y / March / 5});
  CHECK(store.setting("checkin_offered_day") == "2026-03-05");

  // And read what an earlier version stored.
  store.set_setting("profile", "seizures,pregnant");
  core::HealthProfile both = pregnant();
  both.seizures = true;
  CHECK(store.health_profile() == both);
  store.set_setting("safety_screen", "passed 2026-11-24T08:30:00Z");
  CHECK(store.screen_outcome() ==
        ScreenOutcome{true, sys_days{2026y / November / 24} + hours{8} + minutes{30}});
}

TEST_CASE("a damaged care setting reads as never saved, and an unknown profile flag is ignored") {
  SessionStore store = SessionStore::open_in_memory();
  store.set_setting("profile", "pregnant,flying_saucer,,");
  CHECK(store.health_profile() == pregnant());
  for (const char* text : {"", "passed", "passed yesterday", "maybe 2026-11-24T08:30:00Z"}) {
    CAPTURE(text);
    store.set_setting("safety_screen", text);
    CHECK_FALSE(store.screen_outcome().has_value());
  }
  for (const char* text : {"", "five", "5 ", "3.5", "99999999999"}) {
    CAPTURE(text);
    store.set_setting("weekly_target", text);
    CHECK_FALSE(store.weekly_target().has_value());
  }
  for (const char* text : {"", "2026-02-30", "2026-1-05", "26-01-05", "2026/01/05", "today"}) {
    CAPTURE(text);
    store.set_setting("checkin_offered_day", text);
    CHECK_FALSE(store.checkin_offered_on().has_value());
  }
  store.set_setting("therapist_mode", "yes");
  CHECK_FALSE(store.therapist_mode());
}

TEST_CASE("each health profile flag is stored by its own name and comes back alone") {
  // The names are the stored form: a later version reads them, so they never change.
  const std::pair<bool core::HealthProfile::*, const char*> flags[] = {
      {&core::HealthProfile::anticoagulants, "anticoagulants"},
      {&core::HealthProfile::pregnant, "pregnant"},
      {&core::HealthProfile::varicose_veins, "varicose_veins"},
      {&core::HealthProfile::seizures, "seizures"},
      {&core::HealthProfile::heart_disease, "heart_disease"},
      {&core::HealthProfile::pain_blunting, "pain_blunting"},
      {&core::HealthProfile::corticosteroids, "corticosteroids"},
      {&core::HealthProfile::bleeding_disorder, "bleeding_disorder"},
      {&core::HealthProfile::osteoporosis, "osteoporosis"},
      {&core::HealthProfile::reduced_sensation, "reduced_sensation"},
      {&core::HealthProfile::active_cancer, "active_cancer"},
      {&core::HealthProfile::whiplash, "whiplash"},
  };
  TempDir dir;
  const auto file = dir.file("unknot.db");
  core::HealthProfile all;
  for (const auto& [field_, name_] : flags) {
    // Named again: clang 14 cannot capture a structured binding in a lambda.
    const auto& field = field_;
    const auto& name = name_;
    CAPTURE(name);
    core::HealthProfile one;
    one.*field = true;
    all.*field = true;
    {
      SessionStore store = SessionStore::open(file);
      store.save_health_profile(one);
      CHECK(store.setting("profile") == name);
    }
    SessionStore store = SessionStore::open(file);
    CHECK(store.health_profile() == one);
  }
  {
    SessionStore store = SessionStore::open(file);
    store.save_health_profile(all);
  }
  SessionStore store = SessionStore::open(file);
  CHECK(store.health_profile() == all);
  store.save_health_profile({});
  CHECK(store.health_profile() == core::HealthProfile{});
}

TEST_CASE("an unknown stored profile flag is ignored and every known one around it is kept") {
  SessionStore store = SessionStore::open_in_memory();
  store.set_setting("profile", "whiplash,glass_bones,osteoporosis,active_cancerous,active_cancer");
  core::HealthProfile expected;
  expected.whiplash = true;
  expected.osteoporosis = true;
  expected.active_cancer = true;
  CHECK(store.health_profile() == expected);
}

TEST_CASE("a safety screen time outside years 0-9999 is refused and nothing is stored") {
  SessionStore store = SessionStore::open_in_memory();
  const core::UnixSeconds far{sys_days{year{12000} / January / 1}};
  CHECK_THROWS_AS(store.save_screen_outcome({true, far}), StorageError);
  CHECK_FALSE(store.screen_outcome().has_value());
  CHECK_THROWS_AS(store.save_checkin_offered_on(sys_days{year{12000} / January / 1}), StorageError);
  CHECK_FALSE(store.checkin_offered_on().has_value());
}

}  // namespace unknot::storage
