#include "core/routine.h"

#include <cctype>

namespace unknot::core {

PatternLookup builtin_pattern_lookup() {
  return [](std::string_view id) { return find_builtin_pattern(id); };
}

std::vector<Step> expand(const Routine& routine, const PatternLookup& lookup) {
  std::vector<Step> steps;
  steps.reserve(routine.steps.size() * 2);
  for (std::size_t i = 0; i < routine.steps.size(); ++i) {
    const StepSpec& spec = routine.steps[i];
    Step step;
    step.source_index = static_cast<int>(i);
    step.kind = spec.kind;
    step.muscle = spec.muscle;
    step.title = spec.title;
    step.tool = spec.tool;
    step.posture = spec.posture;
    step.instruction = spec.instruction;
    step.referral = spec.referral;
    step.pattern_id = spec.pattern_id;
    step.pressure_target = spec.pressure_target;
    if (spec.duration) {
      step.duration = *spec.duration;
    } else if (spec.breaths) {
      const BreathPattern* pattern = lookup(spec.pattern_id);
      step.duration = pattern ? pattern->cycle() * *spec.breaths : Duration{0};
    }
    switch (spec.sides) {
      case Sides::None: steps.push_back(step); break;
      case Sides::Left: step.side = Side::Left; steps.push_back(step); break;
      case Sides::Right: step.side = Side::Right; steps.push_back(step); break;
      case Sides::Both:
        step.side = Side::Left;
        steps.push_back(step);
        step.side = Side::Right;
        step.switches_sides = true;
        steps.push_back(step);
        break;
    }
  }
  return steps;
}

Duration total_duration(const std::vector<Step>& steps) {
  Duration total{};
  for (const auto& s : steps) total += s.duration;
  return total;
}

std::string_view side_word(Side side) {
  switch (side) {
    case Side::None: return "";
    case Side::Left: return "Left";
    case Side::Right: return "Right";
  }
  return "";
}

std::string step_heading(const Step& step) {
  if (step.side == Side::None || step.title.empty()) return step.title;
  std::string title = step.title;
  // "Upper trapezius" reads as "Left upper trapezius"; keep acronyms such as "TFL" as written.
  if (title.size() > 1 && std::isupper(static_cast<unsigned char>(title[0])) &&
      std::islower(static_cast<unsigned char>(title[1]))) {
    title[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(title[0])));
  }
  return std::string(side_word(step.side)) + " " + title;
}

}  // namespace unknot::core
