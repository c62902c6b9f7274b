// Dose feedback (domain.md §2.2): soreness and bruising after a session lower that muscle's
// next target; "fine" after a lighter session gives a point back; the question waits for the
// next local day.
#include "core/dose.h"

#include <doctest/doctest.h>

#include <vector>

namespace unknot::core {
namespace {

using namespace std::chrono;

UnixSeconds at(int day, int hour = 9) {
  return UnixSeconds{sys_days{2026y / November / day} + hours{hour}};
}

DoseCheck check(int day, std::vector<DoseAnswer> answers) { return {at(day), std::move(answers)}; }

int less_for(const std::vector<PressureEase>& eases, std::string_view muscle) {
  const PressureEase* e = find_ease(eases, muscle);
  return e ? e->less : 0;
}

TEST_CASE("bruising lowers a muscle's target by two points, soreness by one, others untouched") {
  const std::vector<DoseCheck> checks{
      check(2, {{"upper_trapezius", DoseReaction::Bruised},
                {"levator_scapulae", DoseReaction::Sore},
                {"infraspinatus", DoseReaction::Fine}})};
  const auto eases = pressure_eases(checks);
  CHECK(less_for(eases, "upper_trapezius") == kBruisedEase);
  CHECK(less_for(eases, "levator_scapulae") == kSoreEase);
  CHECK(find_ease(eases, "infraspinatus") == nullptr);
  REQUIRE(find_ease(eases, "upper_trapezius") != nullptr);
  CHECK(find_ease(eases, "upper_trapezius")->because == DoseReaction::Bruised);
}

TEST_CASE("eases add up over sessions and a fine session gives one point back at a time") {
  std::vector<DoseCheck> checks{check(2, {{"upper_trapezius", DoseReaction::Sore}}),
                                check(4, {{"upper_trapezius", DoseReaction::Bruised}})};
  CHECK(less_for(pressure_eases(checks), "upper_trapezius") == 3);
  checks.push_back(check(6, {{"upper_trapezius", DoseReaction::Fine}}));
  CHECK(less_for(pressure_eases(checks), "upper_trapezius") == 2);
  checks.push_back(check(8, {{"upper_trapezius", DoseReaction::Fine}}));
  checks.push_back(check(10, {{"upper_trapezius", DoseReaction::Fine}}));
  CHECK(pressure_eases(checks).empty());
  // Fine with no ease in force stores nothing to give back later.
  checks.push_back(check(12, {{"upper_trapezius", DoseReaction::Fine}}));
  checks.push_back(check(14, {{"upper_trapezius", DoseReaction::Sore}}));
  CHECK(less_for(pressure_eases(checks), "upper_trapezius") == 1);
}

TEST_CASE("checks are folded in the order they were answered, whatever order they come in") {
  const std::vector<DoseCheck> checks{check(6, {{"masseter", DoseReaction::Fine}}),
                                      check(2, {{"masseter", DoseReaction::Bruised}})};
  // Bruised on the 2nd, fine on the 6th: one point of the two is given back.
  CHECK(less_for(pressure_eases(checks), "masseter") == 1);
}

TEST_CASE("a check with no answers changes nothing") {
  const std::vector<DoseCheck> checks{check(2, {{"masseter", DoseReaction::Sore}}), check(4, {})};
  CHECK(less_for(pressure_eases(checks), "masseter") == 1);
}

TEST_CASE("an eased target never goes below 1/10 or above the routine's own target") {
  CHECK(eased_target(5, {"m", 2, DoseReaction::Bruised}) == 3);
  CHECK(eased_target(2, {"m", 2, DoseReaction::Bruised}) == kLowestTarget);
  CHECK(eased_target(1, {"m", 1, DoseReaction::Sore}) == 1);
  // Many bruises in a row stop adding once nothing is left to take.
  std::vector<DoseCheck> checks;
  for (int d = 1; d <= 10; ++d) checks.push_back(check(d, {{"m", DoseReaction::Bruised}}));
  CHECK(less_for(pressure_eases(checks), "m") == 6);
  CHECK(eased_target(7, *find_ease(pressure_eases(checks), "m")) == 1);
}

TEST_CASE("the reason names the reaction and both targets") {
  const std::string bruised = ease_reason({"m", 2, DoseReaction::Bruised}, 5, 3);
  CHECK(bruised.find("3/10, was 5/10") != std::string::npos);
  CHECK(bruised.find("bruised") != std::string::npos);
  CHECK(bruised.find("far too deep") != std::string::npos);
  const std::string sore = ease_reason({"m", 1, DoseReaction::Sore}, 5, 4);
  CHECK(sore.find("sore") != std::string::npos);
  CHECK(sore.find("far too deep") == std::string::npos);
}

TEST_CASE("reaction ids read back and unknown ones are refused") {
  for (DoseReaction r : {DoseReaction::Fine, DoseReaction::Sore, DoseReaction::Bruised})
    CHECK(parse_dose_reaction(dose_reaction_id(r)) == r);
  CHECK_FALSE(parse_dose_reaction("bruise").has_value());
}

TEST_CASE("the question waits for a later local day, on the session's own offset") {
  DoseDue due{7, at(3, 22), 60, {"upper_trapezius"}};  // 23:00 local on the 3rd
  CHECK_FALSE(dose_question_due(due, at(3, 22) + minutes{59}, minutes{60}));  // 23:59 local
  CHECK(dose_question_due(due, at(3, 23), minutes{60}));                  // 00:00 on the 4th
  CHECK_FALSE(dose_question_due(due, at(3, 10), minutes{60}));             // earlier the same day
  // Travelled west overnight: still the 3rd where they are now.
  CHECK_FALSE(dose_question_due(due, at(4, 2), minutes{-240}));
  CHECK(dose_question_due(due, at(4, 5), minutes{-240}));
  DoseDue nothing = due;
  nothing.muscles.clear();
  CHECK_FALSE(dose_question_due(nothing, at(9), minutes{60}));
}

}  // namespace
}  // namespace unknot::core
