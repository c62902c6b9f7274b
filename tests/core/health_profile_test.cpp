// The health profile's flags of domain.md §2.5 and §6.2 as they change a routine, and the
// therapist-only muscles kept to homework.
#include "core/health_profile.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace unknot::core {
namespace {

using namespace std::chrono;

MuscleInfo muscle(std::string id, BodyArea area, std::vector<std::string> zones = {}) {
  MuscleInfo m;
  m.id = std::move(id);
  m.name = m.id;
  m.area = area;
  m.region = "Somewhere";
  m.location_zones = std::move(zones);
  return m;
}

HandsTechnique hands(std::string tool) {
  return {std::move(tool), "Sitting", "Press with the fingertips as you breathe out."};
}

MuscleLibrary library() {
  MuscleLibrary lib;
  MuscleInfo trap = muscle("upper_trapezius", BodyArea::HeadNeck, {"neck_shoulder_left"});
  trap.hands = hands("Pincer grip with the other hand");
  MuscleInfo ql = muscle("quadratus_lumborum", BodyArea::Back, {"low_back_left"});
  ql.hands = hands("Thumb, hand on the hip");
  ql.near_bone = "the lowest (floating) rib";
  MuscleInfo minimus = muscle("gluteus_minimus", BodyArea::HipThigh, {"hip_side_left"});
  minimus.near_bone = "the bony point at the side of the hip";
  MuscleInfo scm = muscle("sternocleidomastoid", BodyArea::HeadNeck, {"side_of_neck_left"});
  scm.therapist_only = true;
  MuscleInfo psoas = muscle("iliopsoas", BodyArea::Abdomen, {"lower_abdomen_left"});
  psoas.therapist_only = true;
  lib.muscles = {trap,
                 ql,
                 minimus,
                 muscle("gluteus_medius", BodyArea::HipThigh, {"buttock_left"}),
                 muscle("masseter", BodyArea::HeadNeck, {"jaw_left"}),
                 muscle("temporalis", BodyArea::HeadNeck, {"temple_left"}),
                 muscle("suboccipitals", BodyArea::HeadNeck, {"base_of_skull"}),
                 muscle("plantar_intrinsics", BodyArea::Foot, {"sole_left"}),
                 muscle("gastrocnemius", BodyArea::LowerLeg, {"calf_left"}),
                 scm,
                 psoas};
  return lib;
}

StepSpec pressure(std::string muscle_id, std::string tool, int target = 5) {
  StepSpec s;
  s.kind = StepKind::Pressure;
  s.muscle = muscle_id;
  s.title = muscle_id;
  s.sides = Sides::Both;
  s.tool = std::move(tool);
  s.posture = "Standing, back to the wall";
  s.instruction = "Lean into the ball as you breathe out.";
  s.pattern_id = "extended_exhale_4_6";
  s.duration = seconds(45);
  s.pressure_target = target;
  return s;
}

StepSpec breathing() {
  StepSpec s;
  s.kind = StepKind::Breathing;
  s.title = "Breathe";
  s.pattern_id = "extended_exhale_4_6";
  s.breaths = 4;
  return s;
}

Routine routine(std::vector<StepSpec> steps) {
  Routine r;
  r.id = "r";
  r.title = "R";
  r.tool = "Tennis ball";
  r.steps = std::move(steps);
  return r;
}

SafeRoutine apply(const Routine& r, const HealthProfile& p,
                  RoutineSource source = RoutineSource::Own) {
  return apply_profile(r, p, library(), builtin_pattern_lookup(), source);
}

std::vector<std::string> muscles(const Routine& r) {
  std::vector<std::string> out;
  for (const auto& s : r.steps) out.push_back(s.kind == StepKind::Breathing ? "breathe" : s.muscle);
  return out;
}

// The changes to authored step `step`, in order.
std::vector<StepChange> changes_of(const SafeRoutine& safe, int step) {
  std::vector<StepChange> out;
  for (const auto& c : safe.changes)
    if (c.step == step) out.push_back(c);
  return out;
}

bool mentions(const std::string& text, std::string_view word) {
  return text.find(word) != std::string::npos;
}

TEST_CASE("the flag table names each profile field once, with an id, a label and its effect") {
  const auto& flags = profile_flags();
  std::vector<std::string_view> ids;
  for (const auto& flag : flags) {
    CHECK_FALSE(flag.id.empty());
    CHECK_FALSE(flag.label.empty());
    CHECK_FALSE(flag.detail.empty());
    CHECK_FALSE(flag.summary.empty());
    ids.push_back(flag.id);
    // Setting only this flag is seen as exactly this one in force.
    HealthProfile only;
    only.*flag.field = true;
    const auto set = flags_in_force(only);
    REQUIRE(set.size() == 1);
    CHECK(set[0]->id == flag.id);
  }
  std::sort(ids.begin(), ids.end());
  CHECK(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
}

TEST_CASE("flags in force come in the profile page's order, and none for an empty profile") {
  CHECK(flags_in_force(HealthProfile{}).empty());
  HealthProfile p;
  p.whiplash = true;
  p.anticoagulants = true;
  p.osteoporosis = true;
  const auto set = flags_in_force(p);
  REQUIRE(set.size() == 3);
  CHECK(set[0]->id == "anticoagulants");
  CHECK(set[1]->id == "osteoporosis");
  CHECK(set[2]->id == "whiplash");
}

TEST_CASE("uses_tool tells a ball, roller or cane from fingertips and grips") {
  for (std::string_view t : {"Ball against a wall", "Ball against a wall, or a pincer grip",
                             "Foam roller", "Golf or tennis ball", "Massage cane",
                             "Two balls in a sock", "Ball, roller or your other knee"}) {
    CAPTURE(t);
    CHECK(uses_tool(t));
  }
  for (std::string_view t : {"Fingertips", "Pincer grip with the other hand", "Pincer grip only",
                             "Thumb, hand on the hip", ""}) {
    CAPTURE(t);
    CHECK_FALSE(uses_tool(t));
  }
}

TEST_CASE("blood thinners: a ball step moves to the muscle's hands technique at 3/10") {
  HealthProfile p;
  p.anticoagulants = true;
  Routine r = routine({breathing(), pressure("upper_trapezius", "Ball against a wall")});
  r.tool = "Tennis or lacrosse ball";
  const SafeRoutine safe = apply(r, p);
  CHECK(safe.routine.tool == "Your hands only");  // what the routine's page says you need
  REQUIRE(safe.routine.steps.size() == 2);
  const StepSpec& step = safe.routine.steps[1];
  const HandsTechnique expected = *library().find("upper_trapezius")->hands;
  CHECK(step.tool == expected.tool);
  CHECK(step.posture == expected.posture);
  CHECK(step.instruction == expected.instruction);
  CHECK(step.pressure_target == kLightPressure);
  const auto c = changes_of(safe, 1);
  REQUIRE(c.size() == 2);
  CHECK(c[0].kind == StepChange::Kind::HandsInstead);
  CHECK(mentions(c[0].reason, "Pincer grip"));
  CHECK(mentions(c[0].reason, "blood thinners"));
  CHECK(c[1].kind == StepChange::Kind::Softened);
  CHECK(c[1].reason == "Light pressure (3/10) with blood thinners");
  CHECK(changes_of(safe, 0).empty());  // breathing is left alone
}

TEST_CASE("blood thinners: a tool step with no hands technique is removed, a hands step stays") {
  HealthProfile p;
  p.anticoagulants = true;
  const Routine r =
      routine({pressure("gluteus_medius", "Ball on the floor"), pressure("masseter", "Fingertips"),
               pressure("unknown_point", "Massage cane")});
  const SafeRoutine safe = apply(r, p);
  CHECK(muscles(safe.routine) == std::vector<std::string>{"masseter"});
  REQUIRE(changes_of(safe, 0).size() == 1);
  CHECK(changes_of(safe, 0)[0].kind == StepChange::Kind::Removed);
  CHECK(mentions(changes_of(safe, 0)[0].reason, "no ball or tool with blood thinners"));
  // A muscle the library lacks still meets the tool rule: it cannot say which hands would do.
  REQUIRE(changes_of(safe, 2).size() == 1);
  CHECK(changes_of(safe, 2)[0].kind == StepChange::Kind::Removed);
  REQUIRE(changes_of(safe, 1).size() == 1);
  CHECK(changes_of(safe, 1)[0].kind == StepChange::Kind::Softened);
  CHECK(safe.routine.steps[0].tool == "Fingertips");
  CHECK(safe.routine.steps[0].pressure_target == kLightPressure);
}

TEST_CASE("a bleeding disorder rules out tools and hard pressure as blood thinners do") {
  HealthProfile p;
  p.bleeding_disorder = true;
  const Routine r = routine({pressure("upper_trapezius", "Ball against a wall"),
                             pressure("gluteus_medius", "Ball on the floor")});
  const SafeRoutine safe = apply(r, p);
  CHECK(muscles(safe.routine) == std::vector<std::string>{"upper_trapezius"});
  CHECK_FALSE(uses_tool(safe.routine.steps[0].tool));
  CHECK(safe.routine.steps[0].pressure_target == kLightPressure);
  for (const auto& c : safe.changes) CHECK(mentions(c.reason, "a bleeding disorder"));
}

TEST_CASE("pain-blunting medicines, long-term steroids and reduced feeling each cap at 4/10") {
  const std::pair<bool HealthProfile::*, std::string_view> flags[] = {
      {&HealthProfile::pain_blunting, "pain-blunting medicines"},
      {&HealthProfile::corticosteroids, "long-term steroids"},
      {&HealthProfile::reduced_sensation, "reduced feeling"},
      {&HealthProfile::osteoporosis, "osteoporosis"},
  };
  for (const auto& [field_, name_] : flags) {
    // Named again: clang 14 cannot capture a structured binding in a lambda.
    const auto& field = field_;
    const auto& name = name_;
    CAPTURE(name);
    HealthProfile p;
    p.*field = true;
    const Routine r = routine({pressure("gluteus_medius", "Ball on the floor", 6),
                               pressure("masseter", "Fingertips", 3)});
    const SafeRoutine safe = apply(r, p);
    REQUIRE(safe.routine.steps.size() == 2);
    CHECK(safe.routine.steps[0].pressure_target == kLighterPressure);
    CHECK(safe.routine.steps[0].tool == "Ball on the floor");  // tools stay
    CHECK(safe.routine.steps[1].pressure_target == 3);         // already below: untouched
    REQUIRE(safe.changes.size() == 1);
    CHECK(safe.changes[0].kind == StepChange::Kind::Softened);
    CHECK(safe.changes[0].reason == "Lighter pressure (4/10) with " + std::string(name));
  }
}

TEST_CASE("with several caps the lowest wins and one change names every flag behind it") {
  HealthProfile p;
  p.pain_blunting = true;
  p.anticoagulants = true;
  p.corticosteroids = true;
  const SafeRoutine safe = apply(routine({pressure("masseter", "Fingertips", 6)}), p);
  REQUIRE(safe.changes.size() == 1);
  CHECK(safe.routine.steps[0].pressure_target == kLightPressure);
  CHECK(
      safe.changes[0].reason ==
      "Light pressure (3/10) with blood thinners, pain-blunting medicines and long-term steroids");
}

TEST_CASE("osteoporosis: no ball near a bony point (hands instead, or the step goes)") {
  HealthProfile p;
  p.osteoporosis = true;
  const Routine r = routine({pressure("quadratus_lumborum", "Ball against a wall", 4),
                             pressure("gluteus_minimus", "Ball against a wall", 4),
                             pressure("gluteus_medius", "Ball against a wall", 4)});
  const SafeRoutine safe = apply(r, p);
  CHECK(safe.routine.tool == r.tool);  // a ball is still used elsewhere
  CHECK(muscles(safe.routine) == std::vector<std::string>{"quadratus_lumborum", "gluteus_medius"});
  CHECK(safe.routine.steps[0].tool == "Thumb, hand on the hip");
  CHECK(safe.routine.steps[1].tool ==
        "Ball against a wall");  // no bony point named: a ball is fine
  const auto ql = changes_of(safe, 0);
  REQUIRE(ql.size() == 1);
  CHECK(ql[0].kind == StepChange::Kind::HandsInstead);
  CHECK(mentions(ql[0].reason, "the lowest (floating) rib"));
  CHECK(mentions(ql[0].reason, "osteoporosis"));
  const auto minimus = changes_of(safe, 1);
  REQUIRE(minimus.size() == 1);
  CHECK(minimus[0].kind == StepChange::Kind::Removed);
  CHECK(mentions(minimus[0].reason, "side of the hip"));
  CHECK(changes_of(safe, 2).empty());
}

TEST_CASE("reduced feeling leaves out the feet, whatever the tool") {
  HealthProfile p;
  p.reduced_sensation = true;
  const Routine r = routine({pressure("plantar_intrinsics", "Golf or tennis ball", 4),
                             pressure("gastrocnemius", "Ball or foam roller", 4)});
  const SafeRoutine safe = apply(r, p);
  CHECK(muscles(safe.routine) == std::vector<std::string>{"gastrocnemius"});
  REQUIRE(changes_of(safe, 0).size() == 1);
  CHECK(mentions(changes_of(safe, 0)[0].reason, "foot"));
}

TEST_CASE("recent whiplash leaves out the neck and the skull base, not the jaw or the temple") {
  HealthProfile p;
  p.whiplash = true;
  const Routine r = routine({pressure("upper_trapezius", "Ball against a wall"),
                             pressure("suboccipitals", "Two balls in a sock", 4),
                             pressure("masseter", "Fingertips"),
                             pressure("temporalis", "Fingertips"), breathing()});
  const SafeRoutine safe = apply(r, p);
  CHECK(muscles(safe.routine) == std::vector<std::string>{"masseter", "temporalis", "breathe"});
  REQUIRE(safe.changes.size() == 2);
  for (const auto& c : safe.changes) {
    CHECK(c.kind == StepChange::Kind::Removed);
    CHECK(mentions(c.reason, "whiplash"));
  }
}

TEST_CASE("active cancer: own routines keep only their breathing, homework plays at 3/10") {
  HealthProfile p;
  p.active_cancer = true;
  const Routine r = routine({breathing(), pressure("masseter", "Fingertips"),
                             pressure("gluteus_medius", "Ball on the floor"), breathing()});
  const SafeRoutine own = apply(r, p, RoutineSource::Own);
  CHECK(muscles(own.routine) == std::vector<std::string>{"breathe", "breathe"});
  REQUIRE(own.changes.size() == 2);
  for (const auto& c : own.changes) {
    CHECK(c.kind == StepChange::Kind::Removed);
    CHECK(mentions(c.reason, "cleared"));
  }
  const SafeRoutine homework = apply(r, p, RoutineSource::Homework);
  CHECK(muscles(homework.routine) == muscles(r));
  for (const auto& s : homework.routine.steps) {
    if (s.kind == StepKind::Pressure) CHECK(s.pressure_target == kLightPressure);
  }
  REQUIRE(homework.changes.size() == 2);
  CHECK(homework.changes[0].reason == "Light pressure (3/10) with active cancer");
}

TEST_CASE("therapist-only muscles play only from homework, whatever the profile") {
  const Routine r =
      routine({pressure("sternocleidomastoid", "Pincer grip only", 4),
               pressure("iliopsoas", "Fingertips", 4), pressure("masseter", "Fingertips")});
  const SafeRoutine own = apply(r, {}, RoutineSource::Own);
  CHECK(muscles(own.routine) == std::vector<std::string>{"masseter"});
  REQUIRE(own.changes.size() == 2);
  for (const auto& c : own.changes) {
    CHECK(c.kind == StepChange::Kind::Removed);
    CHECK(mentions(c.reason, "therapist's homework"));
  }
  const SafeRoutine homework = apply(r, {}, RoutineSource::Homework);
  CHECK(homework.changes.empty());
  CHECK(homework.routine == r);
}

TEST_CASE("every flag off changes nothing, own or homework") {
  const Routine r = routine({breathing(), pressure("upper_trapezius", "Ball against a wall"),
                             pressure("plantar_intrinsics", "Golf or tennis ball")});
  for (const RoutineSource source : {RoutineSource::Own, RoutineSource::Homework}) {
    const SafeRoutine safe = apply(r, {}, source);
    CHECK(safe.changes.empty());
    CHECK(safe.routine == r);
  }
}

TEST_CASE("soreness or bruising lowers that muscle's target after the profile's cap, saying why") {
  const Routine r = routine({pressure("upper_trapezius", "Ball against a wall", 5), breathing(),
                             pressure("masseter", "Fingertips", 5)});
  const std::vector<PressureEase> eases{{"upper_trapezius", 2, DoseReaction::Bruised}};
  const SafeRoutine safe =
      apply_profile(r, {}, library(), builtin_pattern_lookup(), RoutineSource::Own, eases);
  REQUIRE(safe.routine.steps.size() == 3);
  CHECK(safe.routine.steps[0].pressure_target == 3);
  CHECK(safe.routine.steps[2].pressure_target == 5);  // not this muscle
  const auto trap = changes_of(safe, 0);
  REQUIRE(trap.size() == 1);
  CHECK(trap[0].kind == StepChange::Kind::Softened);
  CHECK(mentions(trap[0].reason, "3/10, was 5/10"));
  CHECK(mentions(trap[0].reason, "bruised"));
  CHECK(changes_of(safe, 2).empty());

  // Blood thinners cap it at 3 first (and move it to the hands); the bruise takes it on to 1,
  // as a change of its own.
  HealthProfile thinners;
  thinners.anticoagulants = true;
  const SafeRoutine capped =
      apply_profile(r, thinners, library(), builtin_pattern_lookup(), RoutineSource::Own, eases);
  CHECK(capped.routine.steps[0].pressure_target == 1);
  const auto all = changes_of(capped, 0);
  REQUIRE(all.size() == 3);
  CHECK(all[0].kind == StepChange::Kind::HandsInstead);
  CHECK(mentions(all[1].reason, "blood thinners"));
  CHECK(mentions(all[2].reason, "1/10, was 3/10"));

  // Homework is eased too: a therapist's target is not worth a bruise.
  const SafeRoutine homework =
      apply_profile(r, {}, library(), builtin_pattern_lookup(), RoutineSource::Homework, eases);
  CHECK(homework.routine.steps[0].pressure_target == 3);
}

}  // namespace
}  // namespace unknot::core
