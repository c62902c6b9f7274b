// Dose feedback (domain.md §2.2): soreness the next day means the pressure was too deep, and
// bruising far too deep. Before the next session the person says, once, how each muscle they
// pressed felt afterwards; soreness or bruising lowers that muscle's target pressure, and a
// muscle that felt fine after a lighter session works back up one step at a time. Pure.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/pain_stats.h"
#include "core/time.h"

namespace unknot::core {

enum class DoseReaction { Fine, Sore, Bruised };

std::string_view dose_reaction_id(DoseReaction r);  // "fine", "sore", "bruised"
std::optional<DoseReaction> parse_dose_reaction(std::string_view id);

// How much lighter each reaction makes the next target, in points on the 0-10 scale.
inline constexpr int kSoreEase = 1;
inline constexpr int kBruisedEase = 2;
inline constexpr int kLowestTarget = 1;  // an eased target never goes below this

// One muscle's answer after one session.
struct DoseAnswer {
  std::string muscle;  // library id, e.g. "upper_trapezius"
  DoseReaction reaction = DoseReaction::Fine;
  friend bool operator==(const DoseAnswer&, const DoseAnswer&) = default;
};

// The answers given about one session, when they were given.
struct DoseCheck {
  UnixSeconds answered_at{};
  std::vector<DoseAnswer> answers;  // one per muscle pressed in that session
};

// How much lighter a muscle is worked now, and the latest reaction that made it so.
struct PressureEase {
  std::string muscle;
  int less = 0;  // points below the routine's own target, > 0
  DoseReaction because = DoseReaction::Sore;
  friend bool operator==(const PressureEase&, const PressureEase&) = default;
};

// Folds every check, oldest first: soreness lowers a muscle's target by kSoreEase, bruising by
// kBruisedEase (both adding up over sessions), and "fine" after an eased session gives one point
// back. Muscles back at their own target are left out. Sorted by muscle id.
std::vector<PressureEase> pressure_eases(std::span<const DoseCheck> checks);

const PressureEase* find_ease(std::span<const PressureEase> eases, std::string_view muscle);

// The eased target for a step whose target is `target`: never below kLowestTarget, never
// above the target itself.
int eased_target(int target, const PressureEase& ease);

// Why a step is lighter, for the routine's list of changes:
// "Lighter pressure (3/10, was 5/10): it bruised after a session here, a sign the pressure was
// far too deep".
std::string ease_reason(const PressureEase& ease, int was, int now);

// The last session with pressure work, waiting for its dose question.
struct DoseDue {
  std::int64_t session_id = 0;
  UnixSeconds ended_at{};
  int utc_offset_min = 0;            // the session's own offset
  std::vector<std::string> muscles;  // pressed in it, in the order first pressed, no repeats
  friend bool operator==(const DoseDue&, const DoseDue&) = default;
};

// Whether to ask before a session starting at `now`: only about a session that ended on an
// earlier local day (soreness and bruising show the next day; a second session the same day is
// not asked about its first), and only when there is something to ask about.
bool dose_question_due(const DoseDue& due, UnixSeconds now, std::chrono::seconds utc_offset);

}  // namespace unknot::core
