// "Where does it hurt?" → a routine: breathing in, the chosen muscles (both sides where they
// have two) with extended-exhale breathing during each hold, breathing out; 10-15 minutes
// (domain.md §2.3, §5.4). Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/muscle_library.h"
#include "core/routine.h"

namespace unknot::core {

struct BuildRequest {
  std::vector<std::string> muscle_ids;  // 1-4, in the order to play them
  std::string title;                    // empty: made from the muscles ("Upper trapezius and ...")
  bool allow_therapist_only = false;    // a therapist unlocked SCM / iliopsoas for this person
};

struct BuildResult {
  std::optional<Routine> routine;
  std::string problem;  // why nothing was built (no muscles, more than 4, unknown id)
};

// Limits of a built routine (domain.md §2.3, §5.4, §6.5).
inline constexpr int kMaxBuiltMuscles = 4;
inline constexpr int kMinBuiltSeconds = 10 * 60;
inline constexpr int kMaxBuiltSeconds = 15 * 60;

// Same muscles in the same order give the same id: "custom_<ids joined by '-'>", or
// "custom_<16 hex digits>" (a hash of them) when that would pass 64 characters.
std::string built_routine_id(const std::vector<std::string>& muscle_ids);

BuildResult build_routine(const BuildRequest& request, const MuscleLibrary& library,
                          const PatternLookup& lookup);

}  // namespace unknot::core
