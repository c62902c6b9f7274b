#include "core/breathing_session.h"

#include <algorithm>

namespace unknot::core {

int breaths_for(const BreathPattern& pattern, BreathingLength length, bool first_month) {
  const Duration cycle = pattern.cycle();
  int breaths = length.value;
  if (length.unit == BreathingLength::Unit::Minutes) {
    const Duration wanted = std::chrono::minutes(std::max(0, length.value));
    breaths = cycle.count() > 0 ? static_cast<int>((wanted + cycle - Duration{1}) / cycle) : 1;
  }
  int limit = pattern.max_breaths;
  if (first_month && pattern.max_breaths_first_month > 0) limit = pattern.max_breaths_first_month;
  if (limit > 0) breaths = std::min(breaths, limit);
  return std::max(1, breaths);
}

std::vector<Step> breathing_steps(const BreathPattern& pattern, int breaths) {
  // Its words as the person reads them now (a built-in pattern's translated).
  const BreathPattern shown = translated_pattern(pattern);
  Step step;
  step.kind = StepKind::Breathing;
  step.title = shown.name;
  step.pattern_id = pattern.id;
  step.instruction = shown.cues.empty() ? shown.summary : shown.cues.front();
  step.duration = pattern.cycle() * std::max(1, breaths);
  return {step};
}

}  // namespace unknot::core
