// A routine as authored (RoutineSpec, with mirrored "both sides" entries) and as played
// (Step, one per side). Pure std.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/breath.h"
#include "core/time.h"

namespace unknot::core {

enum class StepKind { Breathing, Pressure };
// Side of the body a played step works on.
enum class Side { None, Left, Right };
// Which sides an authored entry covers; Both expands to Left then Right.
enum class Sides { None, Left, Right, Both };

struct StepSpec {
  StepKind kind = StepKind::Pressure;
  std::string muscle;  // muscle id, e.g. "upper_trapezius" (empty for breathing)
  std::string title;   // shown, e.g. "Upper trapezius" or "Settle in"
  Sides sides = Sides::None;
  std::string tool;                  // e.g. "Ball against a wall"
  std::string posture;               // e.g. "Standing, back to the wall"
  std::string instruction;           // one line
  std::string referral;              // e.g. "Commonly refers pain to the temple"
  std::string pattern_id;            // breathing pattern during the step
  std::optional<Duration> duration;  // exactly one of duration / breaths is set
  std::optional<int> breaths;
  int pressure_target = 0;  // 0 for breathing, else 1..7 (domain rule: never above 7)
  // Pressure only (domain.md §2.3, §6.5): the hold is played `reps` times per side (1..3), with a
  // breathing rest of `rest` on the same pattern between reps. rest is 0 when reps is 1.
  int reps = 1;
  Duration rest{};

  friend bool operator==(const StepSpec&, const StepSpec&) = default;
};

struct Routine {
  int format_version = 1;
  std::string id;
  std::string title;
  std::string summary;
  std::string tool;                  // tool needed overall
  std::vector<std::string> regions;  // body regions it addresses, e.g. "Neck"
  std::vector<std::string> cautions;
  std::vector<std::string> sources;  // citations from domain.md §7
  std::vector<StepSpec> steps;

  friend bool operator==(const Routine&, const Routine&) = default;
};

struct Step {
  int source_index = 0;  // index of the authored StepSpec it came from ("step 2 of 11")
  StepKind kind = StepKind::Pressure;
  std::string muscle;
  std::string title;
  Side side = Side::None;
  bool switches_sides = false;  // second side of a mirrored pair: cue "switch sides" at its start
  std::string tool;
  std::string posture;
  std::string instruction;
  std::string referral;
  std::string pattern_id;
  Duration duration{};
  int pressure_target = 0;
};

using PatternLookup = std::function<const BreathPattern*(std::string_view id)>;

// Looks up built-in patterns only.
PatternLookup builtin_pattern_lookup();

// Expands authored steps into played steps: Sides::Both becomes a Left step followed by a Right
// step with switches_sides set; a step given in breaths gets breaths × the pattern's cycle.
// A pressure step with reps > 1 plays its hold reps times on each side, with a breathing step
// titled "Rest" (in the current language; same pattern, no side, `rest` long; none when rest is
// 0) between the reps of one side: Left, rest, Left, Right (switches sides), rest, Right.
// Precondition: every pattern_id resolves through `lookup` (the parser checks this).
std::vector<Step> expand(const Routine& routine, const PatternLookup& lookup);

// Total played time of a routine.
Duration total_duration(const std::vector<Step>& steps);

// "", "Left", "Right": English (files and the CLI keep it): show it through core::tr.
std::string_view side_word(Side side);
// "Left upper trapezius", or the title alone when there is no side: the side's words in the
// current language around the title as the step has it (content comes translated:
// core/content_language.h).
std::string step_heading(const Step& step);
// A muscle's name with the side it is on, as step_heading words it ("Left upper trapezius";
// in Spanish "Trapecio superior, lado izquierdo"); the name as it is for no side.
std::string with_side(std::string_view name, Side side);

}  // namespace unknot::core
