// Safety rules (domain.md §2.5, §6): the red-flag screen's timing and the health profile's
// effect on routines.
#include "core/safety.h"

#include <doctest/doctest.h>

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
  r.steps = {breathing("box_4"),         pressure("upper_trapezius"),
             pressure("gastrocnemius"),  pressure("rectus_femoris"),
             pressure("gluteus_medius"), pressure("plantar_intrinsics"),
             breathing("relax_478")};
  return r;
}

std::vector<std::string> titles(const Routine& r) {
  std::vector<std::string> out;
  for (const auto& s : r.steps)
    out.push_back(s.kind == StepKind::Breathing ? s.pattern_id : s.muscle);
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

TEST_CASE(
    "the screen is due when never passed, 28 days after a pass, or when the clock went back") {
  const UnixSeconds now{seconds(1'790'000'000)};
  CHECK(screen_due(std::nullopt, now));
  CHECK_FALSE(screen_due(now - days(27), now));
  CHECK(screen_due(now - days(28), now));
  CHECK(screen_due(now + hours(1), now));
}

TEST_CASE("the advice names how soon care is needed, and the saddle question says where") {
  CHECK(find_red_flag("bladder")->urgency == CareUrgency::Emergency);
  CHECK(find_red_flag("bladder")->advice.find("emergency") != std::string_view::npos);
  CHECK(find_red_flag("bladder")->text.find("saddle area (between the legs, inner thighs, "
                                            "buttocks)") != std::string_view::npos);
  CHECK(find_red_flag("bladder")->text.find("groin") == std::string_view::npos);
  CHECK(find_red_flag("chest")->urgency == CareUrgency::Urgent);
  CHECK(find_red_flag("chest")->advice.find("urgent medical assessment") != std::string_view::npos);
  CHECK(find_red_flag("calf")->urgency == CareUrgency::SameDay);
  CHECK(find_red_flag("calf")->advice.find("today") != std::string_view::npos);
  CHECK(find_red_flag("calf")->advice.find("no leg work") != std::string_view::npos);
  CHECK(find_red_flag("nonsense") == nullptr);
  for (const auto& q : red_flag_questions()) {
    CAPTURE(q.id);
    CHECK(find_red_flag(q.id) == &q);
    CHECK_FALSE(q.brief.empty());
    CHECK(q.brief.size() < q.text.size() + 10);  // the one-tap list stays short
    CHECK_FALSE(q.advice.empty());
  }
}

TEST_CASE("a block holds until the person's local midnight, whatever their offset") {
  // 2026-11-25 23:50 local at +01:00 is 22:50 UTC.
  const UnixSeconds late{sys_days{2026y / November / 25} + hours(22) + minutes(50)};
  const SafetyBlock block{late, 60, {"fever"}};
  CHECK(blocks_now(block, late, 60));
  CHECK(blocks_now(block, late + minutes(9), 60));         // 23:59 local
  CHECK_FALSE(blocks_now(block, late + minutes(10), 60));  // midnight: a new day
  CHECK_FALSE(blocks_now(block, late - hours(24), 60));    // the day before
  // Read at another offset (travel), the day is judged where the person is now.
  CHECK_FALSE(blocks_now(block, late + minutes(30), 60));
  CHECK(blocks_now(block, late + minutes(30), 0));  // 23:20 at +00:00, still the 25th
  // West of UTC the same instant is earlier in the evening.
  const SafetyBlock west{late, -300, {"calf"}};
  CHECK(blocks_now(west, late + hours(6), -300));  // 23:50 local, same day
  CHECK_FALSE(blocks_now(west, late + hours(7), -300));
}

TEST_CASE("the full check comes first, every 28 days and after a blocked day, else the brief") {
  const UnixSeconds now{seconds(1'790'000'000)};
  CHECK(screen_kind(std::nullopt, std::nullopt, now) == ScreenKind::Full);
  CHECK(screen_kind(now - days(1), std::nullopt, now) == ScreenKind::Brief);
  CHECK(screen_kind(now - days(27), std::nullopt, now) == ScreenKind::Brief);
  CHECK(screen_kind(now - days(28), std::nullopt, now) == ScreenKind::Full);
  // A block after the last full pass: the full check next time.
  CHECK(screen_kind(now - days(3), SafetyBlock{now - days(1), 0, {"fever"}}, now) ==
        ScreenKind::Full);
  // A block before the last full pass was answered since: the brief check.
  CHECK(screen_kind(now - days(1), SafetyBlock{now - days(3), 0, {"fever"}}, now) ==
        ScreenKind::Brief);
}

TEST_CASE("an empty profile changes nothing") {
  const auto safe =
      apply_profile(routine(), {}, library(), builtin_pattern_lookup(), RoutineSource::Own);
  CHECK(safe.changes.empty());
  CHECK(titles(safe.routine) == titles(routine()));
}

TEST_CASE("pregnancy removes leg, thigh, foot and abdomen work and every breath hold") {
  HealthProfile p;
  p.pregnant = true;
  const auto safe =
      apply_profile(routine(), p, library(), builtin_pattern_lookup(), RoutineSource::Own);
  CHECK(titles(safe.routine) == std::vector<std::string>{"box_4_no_hold", "upper_trapezius",
                                                         "gluteus_medius", "extended_exhale_4_6"});
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
  const auto safe =
      apply_profile(routine(), p, library(), builtin_pattern_lookup(), RoutineSource::Own);
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
    const auto safe =
        apply_profile(routine(), p, library(), builtin_pattern_lookup(), RoutineSource::Own);
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
