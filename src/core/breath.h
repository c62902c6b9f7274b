// Breathing patterns (domain.md §1) and the pacer: where in a breath a given moment falls.
// Pure std; no SDL, no I/O.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace unknot::core {

enum class BreathPhase { Inhale, TopUp, HoldFull, Exhale, HoldEmpty };

struct PhaseSpec {
  BreathPhase phase = BreathPhase::Inhale;
  Duration length{};
};

struct BreathPattern {
  std::string id;           // stable key, e.g. "extended_exhale_4_6"
  std::string name;         // shown to the user, e.g. "Extended exhale 4/6"
  std::string summary;      // one modest sentence on what it is for
  std::vector<PhaseSpec> phases;  // one cycle, in order; every length > 0

  Duration cycle() const;
  bool has_hold() const;
};

// The built-in presets of domain.md §1.0 with their timings.
std::span<const BreathPattern> builtin_patterns();
// nullptr when no built-in pattern has that id.
const BreathPattern* find_builtin_pattern(std::string_view id);

// The pattern used during pressure steps (domain.md §1.5, §1.7): extended exhale 4/6.
inline constexpr std::string_view kPressurePatternId = "extended_exhale_4_6";

struct BreathPoint {
  int cycle = 0;             // 0-based count of whole cycles before this moment
  int phase_index = 0;       // index into pattern.phases
  BreathPhase phase = BreathPhase::Inhale;
  Duration phase_elapsed{};
  Duration phase_length{};
  double phase_fraction = 0;  // 0..1 through the phase
  double volume = 0;          // 0 (empty) .. 1 (full), sine-eased, for the pacer ring
};

// Where `elapsed` (>= 0, clamped) falls in the repeating pattern. The pattern must have phases.
BreathPoint breath_at(const BreathPattern& pattern, Duration elapsed);

// Word shown and spoken for a phase: "Breathe in", "Top up", "Hold", "Breathe out", "Rest".
std::string_view phase_word(BreathPhase phase);

}  // namespace unknot::core
