// The Patient-Specific Functional Scale (PSFS): up to three activities the person (or the
// therapist's homework) names, each rated 0 (unable to do it) .. 10 (able to do it as before the
// problem), and how each changed from its first rating to its latest. Pure std + core time.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/pain_stats.h"

namespace unknot::core {

inline constexpr int kPsfsMaxActivities = 3;
inline constexpr std::size_t kPsfsMaxActivityChars = 60;
// The change in one activity's rating taken as more than measurement error. Moseng et al. 2013
// (Fysioterapeuten 80(2):20-26) found the PSFS's smallest detectable change and its minimal
// important change both about 2 points; Abbott & Schmitt 2014 (JOSPT 44(8):560-564) report
// minimal important differences of 1.3 to 2.7 points (README "Daily check-in").
inline constexpr int kPsfsMdcPoints = 2;

// One activity's rating at one sitting. Slot 1..3 is the activity's place in the list asked.
struct PsfsRating {
  Day day;  // the local day it was given
  int slot = 1;
  std::string activity;
  int value = 0;  // 0..10
  friend bool operator==(const PsfsRating&, const PsfsRating&) = default;
};

// One activity from its first rating to its latest.
struct PsfsTrend {
  std::string activity;  // as first written
  Day first_day, latest_day;
  int first = 0, latest = 0;
  int ratings = 0;  // how many times it was rated
  // Latest minus first: positive means more able.
  int change() const { return latest - first; }
  // Rated at least twice and changed by kPsfsMdcPoints or more, either way.
  bool passes_mdc() const;
};

// One trend per activity, activities told apart by their text ignoring case and surrounding
// spaces; in the order first rated (by day, then slot). Ratings may arrive in any order; values
// outside 0..10 are ignored.
std::vector<PsfsTrend> psfs_trends(std::span<const PsfsRating> ratings);

// What is wrong with an activity's name, as a sentence, or nullopt when it is fine: 1 to
// kPsfsMaxActivityChars characters, not only spaces, no line breaks or other control
// characters.
std::optional<std::string> psfs_activity_problem(std::string_view name);
// The name with spaces and tabs trimmed from both ends.
std::string psfs_trimmed(std::string_view name);
// Whether two names are the same activity (psfs_trends's rule).
bool same_psfs_activity(std::string_view a, std::string_view b);

}  // namespace unknot::core
