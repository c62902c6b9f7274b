// libFuzzer target: a homework file (.unknot) through the parser and validator, with the muscle
// library the app ships, and every problem's message; a homework read writes back equal.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/homework.h"
#include "fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace unknot;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const core::MuscleLibrary& library = fuzz::shipped_library();
  const auto result =
      core::parse_homework(text, "fuzz.unknot", core::builtin_pattern_lookup(), &library);
  fuzz::check_problems(result.problems, result.homework.has_value());
  if (result.homework) {
    const auto reread = core::parse_homework(core::homework_json(*result.homework), "again.unknot",
                                             core::builtin_pattern_lookup(), &library);
    fuzz::require(reread.homework.has_value(), "a homework written back does not read back");
  }
  return 0;
}
