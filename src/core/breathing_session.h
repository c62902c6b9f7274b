// A "just breathe" session: one pattern for a number of breaths or minutes, always ending after
// a full out-breath, within the pattern's per-session limits. Pure std.
#pragma once

#include <vector>

#include "core/breath.h"
#include "core/routine.h"

namespace unknot::core {

struct BreathingLength {
  enum class Unit { Minutes, Breaths };
  Unit unit = Unit::Minutes;
  int value = 5;
};

// Whole breaths for the chosen length: minutes are rounded up to the next whole breath, then
// capped by the pattern's limit (the lower first-month limit while first_month is true). At
// least 1.
int breaths_for(const BreathPattern& pattern, BreathingLength length, bool first_month);

// The session as played steps: one breathing step of `breaths` cycles.
std::vector<Step> breathing_steps(const BreathPattern& pattern, int breaths);

}  // namespace unknot::core
