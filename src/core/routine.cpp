#include "core/routine.h"

#include <algorithm>
#include <cctype>

#include "core/translate.h"

namespace unknot::core {
namespace {

// The rest step's texts, made in the current language as the step is (a routine's own texts
// come in it already: core/content_language.h).
std::string rest_title() {
  // TRANSLATORS: the title of a short breathing step between two holds on the same point.
  return tr("Rest");
}
std::string rest_instruction() { return tr("Ease off the ball and breathe gently."); }

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
          rest.title = rest_title();
          rest.instruction = rest_instruction();
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
      case Sides::None:
        play_side(Side::None, false);
        break;
      case Sides::Left:
        play_side(Side::Left, false);
        break;
      case Sides::Right:
        play_side(Side::Right, false);
        break;
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
    case Side::None:
      return "";
    case Side::Left:
      // TRANSLATORS: the side of the body a step or a rating is about.
      return tr_noop("Left");
    case Side::Right:
      return tr_noop("Right");
  }
  return "";
}

std::string step_heading(const Step& step) { return with_side(step.title, step.side); }

std::string with_side(std::string_view name, Side side) {
  if (side == Side::None || name.empty()) return std::string(name);
  std::string muscle(name);
  // TRANSLATORS: a muscle's name (a step's heading, a row of minutes pressed) with the side it
  // is on; {muscle} is its name, as "upper trapezius" (lower-cased unless the text starts with
  // it, when it keeps its capital).
  const std::string text = side == Side::Left ? tr("Left {muscle}") : tr("Right {muscle}");
  // "Upper trapezius" reads as "Left upper trapezius"; keep acronyms such as "TFL" as written,
  // and a name that starts the text as it is.
  if (!text.starts_with("{muscle}") && muscle.size() > 1 &&
      std::isupper(static_cast<unsigned char>(muscle[0])) &&
      std::islower(static_cast<unsigned char>(muscle[1]))) {
    muscle[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(muscle[0])));
  }
  return fill(text, {{"muscle", muscle}});
}

}  // namespace unknot::core
