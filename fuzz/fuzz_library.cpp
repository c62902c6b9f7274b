// libFuzzer target: the muscle library and the body map readers, and the check between them.
// The first byte picks the reader (even: the library, odd: the body map); the rest is the file.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/body_map.h"
#include "core/muscle_library.h"
#include "fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace unknot;
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] % 2 == 0) {
    const auto result = core::parse_muscle_library(text, "muscles.json");
    fuzz::check_problems(result.problems, result.library.has_value());
    if (result.library) (void)core::zones_missing_from_map(*result.library, fuzz::shipped_map());
  } else {
    const auto result = core::parse_body_map(text, "body_map.json");
    fuzz::check_problems(result.problems, result.map.has_value());
    if (result.map) (void)core::zones_missing_from_map(fuzz::shipped_library(), *result.map);
  }
  return 0;
}
