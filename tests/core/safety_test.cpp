// Safety rules (domain.md §2.5, §6): the red-flag screen's timing and the health profile's
// effect on routines.
#include <doctest/doctest.h>

#include "core/safety.h"

namespace unknot::core {
namespace {

using namespace std::chrono;

MuscleInfo muscle(std::string id, BodyArea area, std::string region) {
  MuscleInfo m;
  m.id = std::move(id);
  m.name = m.id;
  m.area = area;
  m.region = std::move(region);
  return m;
}

MuscleLibrary library() {
  MuscleLibrary lib;
  lib.muscles = {muscle("upper_trapezius", BodyArea::HeadNeck, "Neck"),
                 muscle("gastrocnemius", BodyArea::LowerLeg, "Calf"),
                 muscle("rectus_femoris", BodyArea::HipThigh, "Thigh"),
                 muscle("gluteus_medius", BodyArea::HipThigh, "Buttocks"),
                 muscle("plantar_intrinsics", BodyArea::Foot, "Foot")};
  return lib;
}

StepSpec pressure(std::string muscle_id, int target = 5) {
  StepSpec s;
  s.kind = StepKind::Pressure;
  s.muscle = muscle_id;
  s.title = muscle_id;
  s.sides = Sides::Both;
  s.pattern_id = "extended_exhale_4_6";
  s.duration = seconds(45);
  s.pressure_target = target;
  return s;
}

StepSpec breathing(std::string pattern) {
  StepSpec s;
  s.kind = StepKind::Breathing;
  s.title = "Breathe";
  s.pattern_id = std::move(pattern);
  s.breaths = 4;
  return s;
}

Routine routine() {
  Routine r;
  r.id = "mixed";
  r.title = "Mixed";
  r.steps = {breathing("box_4"), pressure("upper_trapezius"), pressure("gastrocnemius"),
             pressure("rectus_femoris"), pressure("gluteus_medius"), pressure("plantar_intrinsics"),
             breathing("relax_478")};
  return r;
}

std::vector<std::string> titles(const Routine& r) {
  std::vector<std::string> out;
  for (const auto& s : r.steps) out.push_back(s.kind == StepKind::Breathing ? s.pattern_id : s.muscle);
  return out;
}

TEST_CASE("seven red-flag questions, each asked once") {
  const auto& q = red_flag_questions();
  CHECK(q.size() == 7);
  for (std::size_t i = 0; i < q.size(); ++i) {
    CHECK_FALSE(q[i].text.empty());
    for (std::size_t j = i + 1; j < q.size(); ++j) CHECK(q[i].id != q[j].id);
  }
  CHECK(red_flag_advice().find("clinician") != std::string_view::npos);
}

TEST_CASE("the screen is due when never passed, 28 days after a pass, or when the clock went back") {
  const UnixSeconds now{seconds(1'790'000'000)};
  CHECK(screen_due(std::nullopt, now));
  CHECK_FALSE(screen_due(now - days(27), now));
  CHECK(screen_due(now - days(28), now));
  CHECK(screen_due(now + hours(1), now));
}

TEST_CASE("an empty profile changes nothing") {
  const auto safe = apply_profile(routine(), {}, library(), builtin_pattern_lookup(), RoutineSource::Own);
  CHECK(safe.changes.empty());
  CHECK(titles(safe.routine) == titles(routine()));
}

TEST_CASE("pregnancy removes leg, thigh, foot and abdomen work and every breath hold") {
  HealthProfile p;
  p.pregnant = true;
  const auto safe = apply_profile(routine(), p, library(), builtin_pattern_lookup(), RoutineSource::Own);
  CHECK(titles(safe.routine) == std::vector<std::string>{"box_4_no_hold", "upper_trapezius", "gluteus_medius",
                                                         "extended_exhale_4_6"});
  int removed = 0, breathing_changed = 0;
  for (const auto& c : safe.changes) {
    CHECK_FALSE(c.reason.empty());
    removed += c.kind == StepChange::Kind::Removed;
    breathing_changed += c.kind == StepChange::Kind::BreathingChanged;
  }
  CHECK(removed == 3);
  CHECK(breathing_changed == 2);
  CHECK(safe.changes.front().step == 0);  // in step order, indexed in the original
}

TEST_CASE("varicose veins skip the lower leg only") {
  HealthProfile p;
  p.varicose_veins = true;
  const auto safe = apply_profile(routine(), p, library(), builtin_pattern_lookup(), RoutineSource::Own);
  REQUIRE(safe.changes.size() == 1);
  CHECK(safe.changes[0].title == "gastrocnemius");
  CHECK(safe.changes[0].step == 2);
  CHECK(safe.changes[0].kind == StepChange::Kind::Removed);
  CHECK(safe.routine.steps.size() == routine().steps.size() - 1);
}

TEST_CASE("blood thinners soften every pressure above 3 to 3, with a reason, and remove nothing") {
  HealthProfile p;
  p.anticoagulants = true;
  Routine r = routine();
  r.steps[1].pressure_target = 2;  // already light: left alone
  const auto safe = apply_profile(r, p, library(), builtin_pattern_lookup(), RoutineSource::Own);
  CHECK(safe.routine.steps.size() == r.steps.size());
  for (const auto& s : safe.routine.steps) {
    if (s.kind == StepKind::Pressure) CHECK(s.pressure_target <= kLightPressure);
  }
  CHECK(safe.routine.steps[1].pressure_target == 2);
  CHECK(safe.changes.size() == 4);
  for (const auto& c : safe.changes) CHECK(c.kind == StepChange::Kind::Softened);
}

TEST_CASE("seizures or heart disease take out breath holds but keep every muscle") {
  for (const bool seizures : {true, false}) {
    HealthProfile p;
    p.seizures = seizures;
    p.heart_disease = !seizures;
    const auto safe = apply_profile(routine(), p, library(), builtin_pattern_lookup(), RoutineSource::Own);
    CHECK(safe.routine.steps.size() == routine().steps.size());
    CHECK(safe.routine.steps.front().pattern_id == "box_4_no_hold");
    CHECK(safe.routine.steps.back().pattern_id == "extended_exhale_4_6");
    REQUIRE(safe.changes.size() == 2);
    CHECK(safe.changes[0].reason.find(seizures ? "seizure" : "heart") != std::string::npos);
  }
}

TEST_CASE("a muscle missing from the library is judged by its breathing only") {
  HealthProfile p;
  p.pregnant = true;
  p.varicose_veins = true;
  Routine r;
  r.steps = {pressure("unknown_point")};
  const auto safe = apply_profile(r, p, library(), builtin_pattern_lookup(), RoutineSource::Own);
  CHECK(safe.changes.empty());
  CHECK(safe.routine.steps.size() == 1);
}

TEST_CASE("a routine of only removed steps is left empty, with every reason") {
  HealthProfile p;
  p.varicose_veins = true;
  Routine r;
  r.steps = {pressure("gastrocnemius")};
  const auto safe = apply_profile(r, p, library(), builtin_pattern_lookup(), RoutineSource::Own);
  CHECK(safe.routine.steps.empty());
  CHECK(safe.changes.size() == 1);
}

}  // namespace
}  // namespace unknot::core
