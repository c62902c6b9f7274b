// Test builders: small routines and steps with sensible defaults, so each test states only
// what matters to it.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "core/routine.h"
#include "core/time.h"

namespace unknot::test {

using namespace std::chrono_literals;

inline core::Step breathing_step(core::Duration length,
                                 std::string pattern = "extended_exhale_4_6") {
  core::Step s;
  s.kind = core::StepKind::Breathing;
  s.title = "Settle in";
  s.pattern_id = std::move(pattern);
  s.duration = length;
  return s;
}

inline core::Step pressure_step(std::string muscle, core::Side side, core::Duration length,
                                bool switches = false) {
  core::Step s;
  s.kind = core::StepKind::Pressure;
  s.muscle = muscle;
  s.title = std::move(muscle);
  s.side = side;
  s.switches_sides = switches;
  s.tool = "Ball against a wall";
  s.pattern_id = "extended_exhale_4_6";
  s.duration = length;
  s.pressure_target = 5;
  return s;
}

// About 20 minutes: a breathing block, eight muscles on both sides at 60-70 s, a closing block.
inline std::vector<core::Step> twenty_minute_steps() {
  std::vector<core::Step> steps{breathing_step(std::chrono::minutes(2))};
  for (int i = 0; i < 8; ++i) {
    const auto length = core::Duration{std::chrono::seconds(60 + i * 2)};
    steps.push_back(pressure_step("muscle_" + std::to_string(i), core::Side::Left, length));
    steps.push_back(pressure_step("muscle_" + std::to_string(i), core::Side::Right, length, true));
  }
  steps.push_back(breathing_step(std::chrono::seconds(95), "cyclic_sigh"));
  return steps;
}

inline core::Instant at(core::Duration d) { return core::Instant{d}; }

}  // namespace unknot::test
