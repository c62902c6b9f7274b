#include "core/routine_builder.h"

#include <doctest/doctest.h>

#include <chrono>
#include <algorithm>
#include <filesystem>
#include <map>
#include <utility>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/timeline.h"

using namespace unknot::core;
using namespace std::chrono_literals;

namespace {

MuscleLibrary shipped_library() {
  const auto path = std::filesystem::path(UNKNOT_SOURCE_DIR) / "assets" / "muscles.json";
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream out;
  out << in.rdbuf();
  auto result = parse_muscle_library(out.str(), "muscles.json");
  REQUIRE(result.library.has_value());
  return *result.library;
}

BuildResult build(std::vector<std::string> ids, bool therapist = false) {
  static const MuscleLibrary library = shipped_library();
  BuildRequest request;
  request.muscle_ids = std::move(ids);
  request.allow_therapist_only = therapist;
  return build_routine(request, library, builtin_pattern_lookup());
}

// The checks every built routine must pass: the routine rules (README "Routine files"), 10-15
// minutes, breathing first and last, every pressure step as the library says.
void check_routine(const BuildResult& result, const std::vector<std::string>& ids) {
  INFO("problem: " << result.problem);
  REQUIRE(result.routine.has_value());
  CHECK(result.problem.empty());
  const Routine& r = *result.routine;
  const MuscleLibrary library = shipped_library();
  CHECK(r.id.starts_with("custom_"));
  CHECK(r.id.size() <= 64);
  CHECK_FALSE(r.title.empty());
  CHECK(r.title.size() <= 80);
  CHECK(r.summary.find("may ease") != std::string::npos);
  CHECK(r.tool.size() <= 80);
  CHECK(r.cautions.size() <= 20);
  CHECK(r.sources.size() <= 30);
  REQUIRE(r.steps.size() >= 3);
  CHECK(r.steps.front().kind == StepKind::Breathing);
  CHECK(r.steps.back().kind == StepKind::Breathing);
  // Every muscle at least once, in the order asked, its regions, cautions and sources carried.
  std::vector<std::string> first_round;
  std::map<std::pair<std::string, Side>, int> holds;
  for (const StepSpec& s : r.steps) {
    CHECK(s.title.size() <= 60);
    CHECK(s.instruction.size() <= 200);
    REQUIRE((s.duration.has_value() != s.breaths.has_value()));
    if (s.kind == StepKind::Breathing) {
      CHECK(s.muscle.empty());
      continue;
    }
    const MuscleInfo* m = library.find(s.muscle);
    REQUIRE(m != nullptr);
    if (first_round.size() < ids.size()) first_round.push_back(s.muscle);
    CHECK(s.sides == (m->sided ? Sides::Both : Sides::None));
    CHECK(s.pattern_id == "extended_exhale_4_6");
    CHECK(s.pressure_target == m->pressure);
    CHECK(s.tool == m->tool);
    CHECK(s.posture == m->posture);
    CHECK(s.instruction == m->instruction);
    CHECK(s.referral == m->referral);
    REQUIRE(s.duration.has_value());
    CHECK(*s.duration >= 20s);
    CHECK(*s.duration <= 90s);
    for (Side side : m->sided ? std::vector{Side::Left, Side::Right} : std::vector{Side::None}) {
      CHECK(++holds[{s.muscle, side}] <= 3);
    }
    for (const auto& c : m->cautions) {
      CHECK(std::find(r.cautions.begin(), r.cautions.end(), c) != r.cautions.end());
    }
    CHECK(std::find(r.regions.begin(), r.regions.end(), m->region) != r.regions.end());
    CHECK(std::find(r.sources.begin(), r.sources.end(), m->sources.front()) != r.sources.end());
  }
  CHECK(first_round == ids);
  // It plays: expand, then the timeline, as a session would.
  const auto steps = expand(r, builtin_pattern_lookup());
  const Timeline timeline(steps, builtin_pattern_lookup());
  CHECK(timeline.total() >= 10min);
  CHECK(timeline.total() <= 15min);
  CHECK(total_duration(steps) == timeline.total());
  const Duration open = timeline.step_length(0);
  CHECK(open >= 2min);
  CHECK(open <= 5min);
  const Duration close = timeline.step_length(timeline.step_count() - 1);
  CHECK(close >= 1min);
  CHECK(close <= 2min);
  // Both sides of a sided muscle, the right one announced with "switch sides".
  for (std::size_t i = 0; i + 1 < steps.size(); ++i) {
    if (steps[i].side == Side::Left) {
      CHECK(steps[i + 1].side == Side::Right);
      CHECK(steps[i + 1].switches_sides);
      CHECK(steps[i + 1].muscle == steps[i].muscle);
    }
  }
}

}  // namespace

TEST_CASE("one muscle makes a 10-15 minute routine with both sides") {
  const std::vector<std::string> ids{"upper_trapezius"};
  const auto result = build(ids);
  check_routine(result, ids);
  CHECK(result.routine->id == "custom_upper_trapezius");
  CHECK(result.routine->title == "Upper trapezius");
  CHECK(result.routine->regions == std::vector<std::string>{"Neck"});
}

TEST_CASE("one midline muscle still reaches 10 minutes") {
  const std::vector<std::string> ids{"suboccipitals"};
  const auto result = build(ids);
  check_routine(result, ids);
  for (const auto& s : result.routine->steps) {
    if (s.kind == StepKind::Pressure) CHECK(s.sides == Sides::None);
  }
}

TEST_CASE("two muscles") {
  const std::vector<std::string> ids{"masseter", "temporalis"};
  const auto result = build(ids);
  check_routine(result, ids);
  CHECK(result.routine->title == "Masseter and temporalis");
  CHECK(result.routine->regions == std::vector<std::string>{"Jaw", "Head"});
}

TEST_CASE("four muscles stay within 15 minutes") {
  const std::vector<std::string> ids{"quadratus_lumborum", "gluteus_medius", "piriformis",
                                     "tensor_fasciae_latae"};
  const auto result = build(ids);
  check_routine(result, ids);
  CHECK(result.routine->regions == std::vector<std::string>{"Low back", "Hips", "Buttocks"});
  CHECK(result.routine->title == "Quadratus lumborum, gluteus medius, piriformis and tensor fasciae latae");
}

TEST_CASE("four long holds are shortened to fit 15 minutes") {
  MuscleLibrary library = shipped_library();
  for (auto& m : library.muscles) m.hold_seconds = 90;
  BuildRequest request;
  request.muscle_ids = {"upper_trapezius", "levator_scapulae", "middle_trapezius", "infraspinatus"};
  const auto result = build_routine(request, library, builtin_pattern_lookup());
  REQUIRE(result.routine.has_value());
  const Timeline timeline(expand(*result.routine, builtin_pattern_lookup()),
                          builtin_pattern_lookup());
  CHECK(timeline.total() <= 15min);
  CHECK(timeline.total() >= 10min);
}

TEST_CASE("every single muscle and many pairs build valid routines") {
  const MuscleLibrary library = shipped_library();
  for (const MuscleInfo& a : library.muscles) {
    CAPTURE(a.id);
    check_routine(build({a.id}, true), {a.id});
    for (const MuscleInfo& b : library.muscles) {
      if (&a == &b || b.id < a.id) continue;
      const auto result = build({a.id, b.id}, true);
      REQUIRE(result.routine.has_value());
      const Timeline timeline(expand(*result.routine, builtin_pattern_lookup()),
                              builtin_pattern_lookup());
      CHECK(timeline.total() >= 10min);
      CHECK(timeline.total() <= 15min);
    }
  }
}

TEST_CASE("the id is stable for the same selection and differs for another") {
  const auto a = build({"masseter", "temporalis"});
  const auto b = build({"masseter", "temporalis"});
  const auto c = build({"temporalis", "masseter"});
  REQUIRE(a.routine);
  REQUIRE(b.routine);
  REQUIRE(c.routine);
  CHECK(a.routine->id == b.routine->id);
  CHECK(a.routine->id == "custom_masseter-temporalis");
  CHECK(a.routine->id != c.routine->id);
  const std::vector<std::string> many{"tensor_fasciae_latae", "quadratus_lumborum",
                                      "gluteus_minimus", "gastrocnemius"};
  const std::string hashed = built_routine_id(many);
  CHECK(hashed.size() == 7 + 16);
  CHECK(hashed == built_routine_id(many));
  CHECK(hashed.starts_with("custom_"));
}

TEST_CASE("a given title is used") {
  const MuscleLibrary library = shipped_library();
  BuildRequest request;
  request.muscle_ids = {"soleus"};
  request.title = "Heel, from Dr. Lee";
  const auto result = build_routine(request, library, builtin_pattern_lookup());
  REQUIRE(result.routine);
  CHECK(result.routine->title == "Heel, from Dr. Lee");
  request.title = std::string(81, 'x');
  CHECK_FALSE(build_routine(request, library, builtin_pattern_lookup()).routine);
}

TEST_CASE("no muscles, five muscles, an unknown id, a repeated one: refused with a reason") {
  const auto none = build({});
  CHECK_FALSE(none.routine);
  CHECK(none.problem.find("at least one") != std::string::npos);
  const auto five = build({"masseter", "temporalis", "soleus", "piriformis", "gastrocnemius"});
  CHECK_FALSE(five.routine);
  CHECK(five.problem.find("at most 4") != std::string::npos);
  const auto unknown = build({"masseter", "biceps"});
  CHECK_FALSE(unknown.routine);
  CHECK(unknown.problem.find("\"biceps\"") != std::string::npos);
  const auto twice = build({"masseter", "temporalis", "masseter"});
  CHECK_FALSE(twice.routine);
  CHECK(twice.problem.find("twice") != std::string::npos);
}

TEST_CASE("therapist-only muscles need the therapist's unlock") {
  const auto locked = build({"sternocleidomastoid"});
  CHECK_FALSE(locked.routine);
  CHECK(locked.problem.find("therapist") != std::string::npos);
  CHECK_FALSE(build({"soleus", "iliopsoas"}).routine);
  const std::vector<std::string> ids{"sternocleidomastoid", "upper_trapezius"};
  check_routine(build(ids, true), ids);
}
