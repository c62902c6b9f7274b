// The real clocks behind core::MonotonicClock and core::WallClock, which the shell is handed
// (tests hand it fakes). SDL and std only.
#pragma once

#include <cstdint>

#include "core/time.h"

namespace unknot::shell {

// SDL's performance counter, as time since this clock was made. Starting near zero, like the
// audio clock (which counts from when the device opened), keeps the session clock from jumping
// by the machine's uptime when the shell switches to the audio clock.
class SdlMonotonicClock final : public core::MonotonicClock {
 public:
  SdlMonotonicClock();
  core::Instant now() const override;

 private:
  std::uint64_t origin_;
};

// std::chrono::system_clock, floored to whole seconds.
class SystemWallClock final : public core::WallClock {
 public:
  core::UnixSeconds now() const override;
};

}  // namespace unknot::shell
