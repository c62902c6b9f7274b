#include "shell/clocks.h"

#include <SDL.h>

#include <chrono>

namespace unknot::shell {

SdlMonotonicClock::SdlMonotonicClock() : origin_(SDL_GetPerformanceCounter()) {}

core::Instant SdlMonotonicClock::now() const {
  const auto counter = static_cast<std::int64_t>(SDL_GetPerformanceCounter() - origin_);
  const auto hz = static_cast<std::int64_t>(SDL_GetPerformanceFrequency());
  // Whole seconds and the remainder apart, so counter * 1e6 cannot overflow.
  return core::Instant{core::Duration{counter / hz * 1'000'000 + counter % hz * 1'000'000 / hz}};
}

core::UnixSeconds SystemWallClock::now() const {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace unknot::shell
