// Breathing patterns people make themselves: a draft with four phase lengths in half-second
// steps (or built from a rate and a ratio), validated with messages per field. Pure std.
#pragma once

#include <string>
#include <vector>

#include "core/breath.h"
#include "core/time.h"

namespace unknot::core {

inline constexpr Duration kPhaseStep{500'000};  // phases move in 0.5 s steps

struct PatternDraft {
  std::string name;
  Duration inhale{4'000'000};
  Duration hold_full{0};
  Duration exhale{6'000'000};
  Duration hold_empty{0};

  friend bool operator==(const PatternDraft&, const PatternDraft&) = default;
};

struct DraftProblem {
  std::string field;    // "name", "inhale", "hold_full", "exhale", "hold_empty"
  std::string message;  // what is wrong and what is allowed
};

// Name 1-40 characters; inhale 1-15 s; exhale 1-20 s; holds 0-20 s; every length a multiple of
// 0.5 s; a whole breath at most 60 s. Empty when the draft is fine.
std::vector<DraftProblem> validate(const PatternDraft& draft);

// A draft from a rate (2-12 breaths a minute) and the in-breath's share of the cycle (0.2-0.8),
// no holds, each phase rounded to 0.5 s.
PatternDraft draft_from_rate(std::string name, double breaths_per_minute, double inhale_share);

// The playable pattern for a valid draft.
BreathPattern to_pattern(const PatternDraft& draft, std::string id);
// The draft a pattern was made from (holds and a top-up fold into the nearest phase).
PatternDraft to_draft(const BreathPattern& pattern);

}  // namespace unknot::core
