// Dose checks and safety events in the store (schema 8).
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "storage/session_store.h"
#include "storage/temp_dir.h"

namespace unknot::storage {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;
using testing::error_text;

constexpr core::UnixSeconds kMonday{sys_days{2026y / November / 23} + 18h};

StepRow step(int index, std::string muscle, seconds actual) {
  StepRow s;
  s.step_index = index;
  s.muscle = std::move(muscle);
  s.side = s.muscle.empty() ? core::Side::None : core::Side::Left;
  s.planned = 45s;
  s.actual = actual;
  return s;
}

// A finished session with the given steps; returns its id.
std::int64_t session(SessionStore& store, core::UnixSeconds start, std::vector<StepRow> steps,
                     bool finish = true) {
  const std::int64_t id = store.begin_session({"neck", start, 4, ""}, 60);
  for (const auto& s : steps) store.record_step(id, s);
  if (finish) store.complete_session(id, start + 20min);
  return id;
}

}  // namespace

TEST_CASE("the dose question is due for the last session with a pressed muscle, until answered") {
  SessionStore store = SessionStore::open_in_memory();
  CHECK_FALSE(store.dose_due(0).has_value());
  const auto first = session(store, kMonday, {step(0, "masseter", 30s)});
  const auto last = session(store, kMonday + 1h,
                            {step(0, "", 60s), step(1, "upper_trapezius", 45s),
                             step(2, "levator_scapulae", 0s), step(3, "upper_trapezius", 45s),
                             step(4, "infraspinatus", 10s)});
  // A breathing-only session afterwards does not hide it, nor does one still running.
  session(store, kMonday + 2h, {step(0, "", 60s)});
  session(store, kMonday + 3h, {step(0, "masseter", 30s)}, false);
  const auto due = store.dose_due(0);
  REQUIRE(due.has_value());
  CHECK(due->session_id == last);
  CHECK(due->ended_at == kMonday + 1h + 20min);
  CHECK(due->utc_offset_min == 60);
  // Pressed only: levator scapulae had no time; each muscle once, in the order first pressed.
  CHECK(due->muscles == std::vector<std::string>{"upper_trapezius", "infraspinatus"});

  store.save_dose_check({last,
                         kMonday + days{1},
                         60,
                         {{"upper_trapezius", core::DoseReaction::Bruised},
                          {"infraspinatus", core::DoseReaction::Fine}}});
  // Answered: nothing is due, and the older session is never asked about.
  CHECK_FALSE(store.dose_due(0).has_value());
  CHECK(first < last);
}

TEST_CASE("dose checks read back oldest first with their answers") {
  SessionStore store = SessionStore::open_in_memory();
  const auto a = session(store, kMonday, {step(0, "masseter", 30s)});
  const auto b = session(store, kMonday + days{1}, {step(0, "masseter", 30s)});
  store.save_dose_check({b, kMonday + days{2}, -300, {{"masseter", core::DoseReaction::Fine}}});
  store.save_dose_check({a, kMonday + days{1}, 60, {{"masseter", core::DoseReaction::Sore}}});
  const auto rows = store.dose_checks();
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].session_id == a);
  CHECK(rows[0].answered_at == kMonday + days{1});
  CHECK(rows[0].answers == std::vector<core::DoseAnswer>{{"masseter", core::DoseReaction::Sore}});
  CHECK(rows[1].session_id == b);
  CHECK(rows[1].utc_offset_min == -300);
  CHECK(rows[1].answers == std::vector<core::DoseAnswer>{{"masseter", core::DoseReaction::Fine}});

  // Saving again replaces the earlier answer.
  store.save_dose_check(
      {a, kMonday + days{1} + 1h, 60, {{"masseter", core::DoseReaction::Bruised}}});
  const auto again = store.dose_checks();
  REQUIRE(again.size() == 2);
  CHECK(again[0].answers ==
        std::vector<core::DoseAnswer>{{"masseter", core::DoseReaction::Bruised}});
}

TEST_CASE("a bad dose check stores nothing and says what is wrong") {
  SessionStore store = SessionStore::open_in_memory();
  const auto id = session(store, kMonday, {step(0, "masseter", 30s)});
  const std::string twice = error_text([&] {
    store.save_dose_check(
        {id,
         kMonday + days{1},
         60,
         {{"masseter", core::DoseReaction::Sore}, {"masseter", core::DoseReaction::Fine}}});
  });
  CHECK(twice.find("'masseter' is answered twice") != std::string::npos);
  CHECK(twice.find("session " + std::to_string(id)) != std::string::npos);
  const std::string empty = error_text([&] {
    store.save_dose_check({id, kMonday + days{1}, 60, {{"", core::DoseReaction::Sore}}});
  });
  CHECK(empty.find("a muscle is empty") != std::string::npos);
  const std::string offset = error_text([&] {
    store.save_dose_check({id, kMonday + days{1}, 900, {}});
  });
  CHECK(offset.find("outside -840..840") != std::string::npos);
  CHECK(store.dose_checks().empty());
  CHECK(store.dose_due(0).has_value());
}

TEST_CASE("safety events come back in time order, from a given time") {
  SessionStore store = SessionStore::open_in_memory();
  CHECK(store.safety_events().empty());
  const auto late = store.add_safety_event(
      {0, core::SafetyEventKind::DizzySlowed, kMonday + days{2}, 60, "breathe:box_4"});
  const auto early = store.add_safety_event(
      {0, core::SafetyEventKind::Blocked, kMonday, 60, "chest_pain,calf_swelling"});
  store.add_safety_event(
      {0, core::SafetyEventKind::StoppedUnwell, kMonday + days{1}, -300, "neck"});
  const auto all = store.safety_events();
  REQUIRE(all.size() == 3);
  CHECK(all[0].id == early);
  CHECK(all[0].kind == core::SafetyEventKind::Blocked);
  CHECK(all[0].detail == "chest_pain,calf_swelling");
  CHECK(all[1].kind == core::SafetyEventKind::StoppedUnwell);
  CHECK(all[1].utc_offset_min == -300);
  CHECK(all[2].id == late);
  CHECK(all[2].at == kMonday + days{2});
  const auto recent = store.safety_events(kMonday + days{1});
  REQUIRE(recent.size() == 2);
  CHECK(recent[0].kind == core::SafetyEventKind::StoppedUnwell);
  CHECK(store.safety_events(core::UnixSeconds{sys_days{1900y / 1 / 1}}).size() == 3);
  CHECK(error_text([&] {
          store.add_safety_event({0, core::SafetyEventKind::Blocked, kMonday, -841, ""});
        }).find("outside -840..840") != std::string::npos);
}

}  // namespace unknot::storage
