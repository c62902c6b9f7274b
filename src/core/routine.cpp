#include "core/routine.h"

#include <algorithm>
#include <cctype>

namespace unknot::core {
namespace {

constexpr std::string_view kRestTitle = "Rest";
constexpr std::string_view kRestInstruction = "Ease off the ball and breathe gently.";

}  // namespace

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
    const int reps = spec.kind == StepKind::Pressure ? std::max(spec.reps, 1) : 1;
    // One side's holds with a rest between them; only the first hold of the right side of a
    // mirrored pair switches sides.
    const auto play_side = [&](Side side, bool switches) {
      for (int rep = 0; rep < reps; ++rep) {
        if (rep > 0 && spec.rest > Duration{0}) {
          Step rest;
          rest.source_index = step.source_index;
          rest.kind = StepKind::Breathing;
          rest.title = std::string(kRestTitle);
          rest.instruction = std::string(kRestInstruction);
          rest.pattern_id = spec.pattern_id;
          rest.duration = spec.rest;
          steps.push_back(std::move(rest));
        }
        Step hold = step;
        hold.side = side;
        hold.switches_sides = switches && rep == 0;
        steps.push_back(std::move(hold));
      }
    };
    switch (spec.sides) {
      case Sides::None: play_side(Side::None, false); break;
      case Sides::Left: play_side(Side::Left, false); break;
      case Sides::Right: play_side(Side::Right, false); break;
      case Sides::Both:
        play_side(Side::Left, false);
        play_side(Side::Right, true);
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
