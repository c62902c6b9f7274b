// Checks a parsed routine document against format 1 (README "Routine files") and builds the
// Routine. Private to unknot_core: it takes nlohmann_json values.
#pragma once

#include <nlohmann/json.hpp>

#include "core/json_fields.h"
#include "core/routine.h"

namespace unknot::core {

// Logs every problem found in `root`; the returned Routine is complete and usable only when
// nothing was logged. Pattern ids resolve through `lookup`, which must be callable.
Routine validate_routine(const nlohmann::json& root, ProblemLog& log, const PatternLookup& lookup);

}  // namespace unknot::core
