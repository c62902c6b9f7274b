// Reads routine files (JSON, format version 1; see README "Routine files") into a Routine,
// reporting every problem with file, line, column and field. Pure: takes text, does no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/routine.h"

namespace unknot::core {

inline constexpr int kRoutineFormatVersion = 1;

struct ParseProblem {
  std::string file;     // as given by the caller, e.g. "assets/routines/neck.json"
  int line = 0;         // 1-based; 0 when unknown
  int column = 0;       // 1-based; 0 when unknown
  std::string field;    // JSON pointer of the offending value, e.g. "/steps/2/duration_s"
  std::string message;  // what is wrong and what is allowed, one sentence (current language)
  // What to do about it, when the message alone may not say (empty otherwise); printed on a
  // line of its own as "hint: ...". Not part of to_string().
  std::string hint = {};
  // Set only on the last problem of a list cut short: how many more were found but not kept.
  std::size_t more = 0;

  // "neck.json:12:5: /steps/2/duration_s: must be between 5 and 1800 seconds (got 2)"
  std::string to_string() const;
};

// How many problems `problems` stands for: its length, plus those a final note says were left out.
std::size_t problem_count(const std::vector<ParseProblem>& problems);

struct RoutineParseResult {
  std::optional<Routine> routine;      // set only when problems is empty
  std::vector<ParseProblem> problems;  // every problem found, in file order
};

// Parses and validates one routine. `file` is used only in messages. Pattern ids are checked
// against `lookup`. Never throws.
RoutineParseResult parse_routine(std::string_view text, std::string_view file,
                                 const PatternLookup& lookup);

// The text of a routine file for `routine` (UTF-8 JSON, 2-space indent, optional members left
// out when empty); parse_routine reads it back equal. Pressure steps always name their pattern.
std::string routine_json(const Routine& routine);

}  // namespace unknot::core
