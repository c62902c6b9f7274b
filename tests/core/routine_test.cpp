#include "core/routine.h"

#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

using namespace unknot::core;
using namespace std::chrono_literals;

namespace {

StepSpec pressure_spec(std::string title, Sides sides) {
  StepSpec spec;
  spec.kind = StepKind::Pressure;
  spec.muscle = "upper_trapezius";
  spec.title = std::move(title);
  spec.sides = sides;
  spec.tool = "Ball against a wall";
  spec.instruction = "Lean in as you breathe out.";
  spec.pattern_id = std::string(kPressurePatternId);
  spec.duration = 45s;
  spec.pressure_target = 5;
  return spec;
}

StepSpec breathing_spec(std::string pattern_id, int breaths) {
  StepSpec spec;
  spec.kind = StepKind::Breathing;
  spec.title = "Settle in";
  spec.pattern_id = std::move(pattern_id);
  spec.breaths = breaths;
  return spec;
}

Routine routine_of(std::vector<StepSpec> steps) {
  Routine routine;
  routine.id = "test";
  routine.title = "Test";
  routine.steps = std::move(steps);
  return routine;
}

Step played(std::string title, Side side) {
  Step step;
  step.title = std::move(title);
  step.side = side;
  return step;
}

}  // namespace

TEST_CASE("expand mirrors a both-sides step into a left step followed by a right step") {
  const auto steps =
      expand(routine_of({pressure_spec("Upper trapezius", Sides::Both)}), builtin_pattern_lookup());
  REQUIRE(steps.size() == 2);
  CHECK(steps[0].side == Side::Left);
  CHECK(steps[1].side == Side::Right);
  for (const Step& s : steps) {
    CHECK(s.kind == StepKind::Pressure);
    CHECK(s.muscle == "upper_trapezius");
    CHECK(s.title == "Upper trapezius");
    CHECK(s.tool == "Ball against a wall");
    CHECK(s.pattern_id == kPressurePatternId);
    CHECK(s.duration == 45s);
    CHECK(s.pressure_target == 5);
  }
}

TEST_CASE("only the second side of a mirrored pair switches sides") {
  const auto steps =
      expand(routine_of({pressure_spec("Upper trapezius", Sides::Both)}), builtin_pattern_lookup());
  REQUIRE(steps.size() == 2);
  CHECK_FALSE(steps[0].switches_sides);
  CHECK(steps[1].switches_sides);
}

TEST_CASE("a one-side or no-side step plays once and does not switch sides") {
  const auto steps = expand(routine_of({pressure_spec("Upper trapezius", Sides::Right),
                                        pressure_spec("Base of the skull", Sides::None),
                                        pressure_spec("Upper trapezius", Sides::Left)}),
                            builtin_pattern_lookup());
  REQUIRE(steps.size() == 3);
  CHECK(steps[0].side == Side::Right);
  CHECK(steps[1].side == Side::None);
  CHECK(steps[2].side == Side::Left);
  for (const Step& s : steps) CHECK_FALSE(s.switches_sides);
}

TEST_CASE("a step given in breaths lasts that many cycles of its pattern") {
  const auto steps = expand(routine_of({breathing_spec("resonance_6", 8),  // 10 s cycle
                                        breathing_spec("cyclic_sigh", 6),  // 9 s cycle
                                        breathing_spec("relax_478", 4)}),  // 19 s cycle
                            builtin_pattern_lookup());
  REQUIRE(steps.size() == 3);
  CHECK(steps[0].duration == 80s);
  CHECK(steps[1].duration == 54s);
  CHECK(steps[2].duration == 76s);
  CHECK(steps[0].side == Side::None);
}

TEST_CASE("a step given in seconds keeps its duration whatever the pattern's cycle") {
  StepSpec spec = breathing_spec("cyclic_sigh", 1);
  spec.breaths.reset();
  spec.duration = 95s;
  const auto steps = expand(routine_of({spec}), builtin_pattern_lookup());
  REQUIRE(steps.size() == 1);
  CHECK(steps[0].duration == 95s);
}

TEST_CASE("total_duration adds up every played step, both sides counted") {
  const auto steps = expand(
      routine_of({breathing_spec("resonance_6", 6), pressure_spec("Upper trapezius", Sides::Both),
                  pressure_spec("Base of the skull", Sides::None)}),
      builtin_pattern_lookup());
  CHECK(total_duration(steps) == 60s + 2 * 45s + 45s);
  CHECK(total_duration({}) == 0s);
}

TEST_CASE("step_heading puts the side first and lowercases the title's first letter") {
  CHECK(step_heading(played("Upper trapezius", Side::Left)) == "Left upper trapezius");
  CHECK(step_heading(played("Masseter, second round", Side::Right)) ==
        "Right masseter, second round");
}

TEST_CASE("step_heading keeps an acronym as written") {
  CHECK(step_heading(played("TFL", Side::Right)) == "Right TFL");
}

TEST_CASE("step_heading is the title alone when the step has no side") {
  CHECK(step_heading(played("Base of the skull", Side::None)) == "Base of the skull");
  CHECK(step_heading(played("Settle in", Side::None)) == "Settle in");
}

TEST_CASE("side_word names left and right and is empty for no side") {
  CHECK(side_word(Side::Left) == "Left");
  CHECK(side_word(Side::Right) == "Right");
  CHECK(side_word(Side::None).empty());
}

namespace unknot::core {
TEST_CASE("played steps remember which authored step they came from") {
  Routine r;
  StepSpec a;
  a.kind = StepKind::Breathing;
  a.title = "Settle in";
  a.pattern_id = "resonance_6";
  a.breaths = 2;
  StepSpec b;
  b.title = "Upper trapezius";
  b.sides = Sides::Both;
  b.pattern_id = "extended_exhale_4_6";
  b.duration = std::chrono::seconds(45);
  r.steps = {a, b, a};
  const auto steps = expand(r, builtin_pattern_lookup());
  REQUIRE(steps.size() == 4);
  CHECK(steps[0].source_index == 0);
  CHECK(steps[1].source_index == 1);
  CHECK(steps[2].source_index == 1);
  CHECK(steps[3].source_index == 2);
}
}  // namespace unknot::core

TEST_CASE("reps play the hold again on each side, with a rest on the same pattern between") {
  StepSpec spec = pressure_spec("Upper trapezius", Sides::Both);
  spec.reps = 2;
  spec.rest = 20s;
  spec.duration = 45s;
  const auto steps = expand(routine_of({spec}), builtin_pattern_lookup());
  REQUIRE(steps.size() == 6);
  const Side sides[] = {Side::Left, Side::None, Side::Left, Side::Right, Side::None, Side::Right};
  const StepKind kinds[] = {StepKind::Pressure, StepKind::Breathing, StepKind::Pressure,
                            StepKind::Pressure, StepKind::Breathing, StepKind::Pressure};
  for (std::size_t i = 0; i < steps.size(); ++i) {
    CAPTURE(i);
    CHECK(steps[i].side == sides[i]);
    CHECK(steps[i].kind == kinds[i]);
    CHECK(steps[i].source_index == 0);
    CHECK(steps[i].pattern_id == spec.pattern_id);
    CHECK(steps[i].duration == (kinds[i] == StepKind::Breathing ? Duration{20s} : Duration{45s}));
    CHECK(steps[i].switches_sides == (i == 3));
  }
  CHECK(steps[1].title == "Rest");
  CHECK(total_duration(steps) == 4 * 45s + 2 * 20s);
}

TEST_CASE("reps without rest play the holds back to back") {
  StepSpec spec = pressure_spec("Masseter", Sides::Left);
  spec.reps = 3;
  spec.rest = 0s;
  const auto steps = expand(routine_of({spec}), builtin_pattern_lookup());
  REQUIRE(steps.size() == 3);
  for (const auto& s : steps) CHECK(s.kind == StepKind::Pressure);
}
