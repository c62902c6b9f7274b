// A routine in the catalog as the app plays it: the routine with the health profile applied, its
// expanded timeline, what the profile changed and the newest rated result. Pure std + core.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/routine.h"
#include "core/safety.h"
#include "core/timeline.h"

namespace unknot::app {

// The newest completed, rated session of a routine.
struct LastResult {
  std::string routine_id;
  int pain_before = 0;
  int pain_after = 0;
};

struct CatalogEntry {
  core::Routine routine;                           // as played: the health profile applied
  std::shared_ptr<const core::Timeline> timeline;  // the whole routine, expanded
  std::optional<LastResult> last;                  // newest completed, rated session
  core::Routine original;                          // as written, before the profile
  std::vector<core::StepChange> changes;           // what the profile removed or softened
  bool built = false;                              // made on the body map ("where does it hurt?")
  bool saved = false;                              // a built routine written to the data folder
  // From a therapist's homework file: the only routines that may play therapist-only muscles.
  bool homework = false;
};

// A catalog entry for a parsed routine (expands it into a timeline). Throws
// std::invalid_argument if a step cannot be played.
CatalogEntry make_catalog_entry(core::Routine routine, const core::PatternLookup& lookup);

}  // namespace unknot::app
