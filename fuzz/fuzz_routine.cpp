// libFuzzer target: a routine file (JSON) through the parser, the validator and every problem's
// message. The parse must never throw, a routine is set only with no problems, and what it
// writes back reads back equal.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/routine_parser.h"
#include "fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace unknot;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto result = core::parse_routine(text, "fuzz.json", core::builtin_pattern_lookup());
  fuzz::check_problems(result.problems, result.routine.has_value());
  if (result.routine) {
    const std::string again = core::routine_json(*result.routine);
    const auto reread = core::parse_routine(again, "again.json", core::builtin_pattern_lookup());
    fuzz::require(reread.routine.has_value() && *reread.routine == *result.routine,
                  "a routine written back does not read back equal");
  }
  return 0;
}
