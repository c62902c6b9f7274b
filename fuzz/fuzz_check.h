// What every fuzz target checks beyond "no crash": a parse result is consistent (a value exactly
// when there are no problems) and each problem's message is bounded whatever the input.
#pragma once

#include <string_view>
#include <vector>

#include "core/body_map.h"
#include "core/muscle_library.h"
#include "core/routine_parser.h"

namespace unknot::fuzz {

// The longest a problem's one-line text may be, beyond its file name: quoted input is cut.
inline constexpr std::size_t kMaxProblemText = 1000;

// Prints `what` and aborts (a crash libFuzzer keeps, a failure the replay test reports).
[[noreturn]] void fail(std::string_view what);
inline void require(bool ok, std::string_view what) {
  if (!ok) fail(what);
}

// Parsed (`parsed`) exactly when there are no problems; every problem has a message and a
// bounded text.
void check_problems(const std::vector<core::ParseProblem>& problems, bool parsed);

// The library and map Unknot ships (assets/), read once.
const core::MuscleLibrary& shipped_library();
const core::BodyMap& shipped_map();

}  // namespace unknot::fuzz
