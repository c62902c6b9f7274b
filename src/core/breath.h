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

// A built-in pattern's name, and every pattern's summary, suits, cautions and cues, are English
// (marked for the catalogs): show them through pattern_name() or translated_pattern(). A custom
// pattern's name is the person's own.
struct BreathPattern {
  std::string id;       // stable key, e.g. "extended_exhale_4_6"; custom ones "custom_<n>"
  std::string name;     // shown to the user, e.g. "Extended exhale 4/6"
  std::string summary;  // one modest sentence on what it is for
  std::vector<PhaseSpec> phases;  // one cycle, in order; every length > 0
  std::string suits;              // who it suits, one sentence
  std::vector<std::string> cautions;
  std::vector<std::string> cues;    // how-to cues shown before starting (e.g. hand placement)
  std::string source;               // where the timing comes from (domain.md §7)
  Duration default_length{};        // suggested session length
  int max_breaths = 0;              // 0: no limit per session
  int max_breaths_first_month = 0;  // 0: no extra limit in the first month of use
  bool custom = false;

  Duration cycle() const;
  bool has_hold() const;
  // Breaths per minute, e.g. 6.0.
  double rate_per_minute() const;
};

// The built-in presets of domain.md §1.0 with their timings.
std::span<const BreathPattern> builtin_patterns();
// nullptr when no built-in pattern has that id.
const BreathPattern* find_builtin_pattern(std::string_view id);

// The pattern used during pressure steps (domain.md §1.5, §1.7): extended exhale 4/6.
inline constexpr std::string_view kPressurePatternId = "extended_exhale_4_6";

struct BreathPoint {
  int cycle = 0;        // 0-based count of whole cycles before this moment
  int phase_index = 0;  // index into pattern.phases
  BreathPhase phase = BreathPhase::Inhale;
  Duration phase_elapsed{};
  Duration phase_length{};
  double phase_fraction = 0;  // 0..1 through the phase
  double volume = 0;          // 0 (empty) .. 1 (full), sine-eased, for the pacer ring
};

// Where `elapsed` (>= 0, clamped) falls in the repeating pattern. The pattern must have phases.
BreathPoint breath_at(const BreathPattern& pattern, Duration elapsed);

// The same pattern with every phase 25 % longer, rounded to 0.5 s: offered when someone feels
// dizzy or tingly (domain.md §1.1: slower and gentler). The id gets a "_slower" suffix, the
// name ", slower" (pattern_name() says it in the current language).
BreathPattern slowed(const BreathPattern& pattern);

// Word shown for a phase, in the current language: "Breathe in", "Top up", "Hold",
// "Breathe out", "Rest".
std::string phase_word(BreathPhase phase);

// The name to show for `pattern` in the current language: a built-in's translated, a custom
// one's as the person wrote it, a slowed one's as "<name>, slower".
std::string pattern_name(const BreathPattern& pattern);
// `pattern` as the person reads it in the current language: the name as pattern_name(), the
// summary, suits, cautions and cues translated; the source (a citation) and the rest as they are.
BreathPattern translated_pattern(const BreathPattern& pattern);

}  // namespace unknot::core
