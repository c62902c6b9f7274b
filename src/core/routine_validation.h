// Checks a parsed routine document against format 1 (README "Routine files") and builds the
// Routine. Private to unknot_core: it takes nlohmann_json values.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <vector>

#include "core/json_fields.h"
#include "core/routine.h"

namespace unknot::core {

// Reads a whole JSON document of at most 1 MiB, or appends the one problem that stops it (too
// large, or the first syntax error, placed and explained) and returns nothing. `what` names the
// kind of file in the size message ("a routine file"), in English marked with tr_noop: it is
// translated there. Defined in routine_parser.cpp.
std::optional<nlohmann::json> read_json_document(std::string_view text, std::string_view file,
                                                 std::string_view what,
                                                 std::vector<ParseProblem>& problems);
// The JSON of a routine file for `routine`, members in the documented order, optional ones left
// out when empty. Defined in routine_parser.cpp.
nlohmann::ordered_json routine_document(const Routine& routine);
// Logs every key that appears twice in one object.
void log_duplicate_keys(const JsonLocator& locator, ProblemLog& log);

// Logs every problem found in `root`; the returned Routine is complete and usable only when
// nothing was logged. Pattern ids resolve through `lookup`, which must be callable. `pointer`
// is where `root` sits in the document ("" for a routine file, "/routine" inside a homework
// file): every field is reported under it.
Routine validate_routine(const nlohmann::json& root, ProblemLog& log, const PatternLookup& lookup,
                         std::string_view pointer = "");

}  // namespace unknot::core
