// Time types shared by every layer: durations, monotonic instants and wall-clock seconds.
// Pure std; core and app receive time only through these values, never by reading a clock.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace unknot::core {

// All durations are whole microseconds; a 20-minute session fits easily in 64 bits.
using Duration = std::chrono::microseconds;

// Tag for the monotonic session clock (the audio frame counter, or a fake in tests).
// It has no now(): instants are handed in by the shell.
struct MonotonicClockTag {
  using duration = Duration;
  using rep = Duration::rep;
  using period = Duration::period;
  using time_point = std::chrono::time_point<MonotonicClockTag, Duration>;
  static constexpr bool is_steady = true;
};

// A point on a monotonic clock, as time since that clock's origin.
using Instant = MonotonicClockTag::time_point;

// Wall-clock time in whole seconds since the Unix epoch (UTC), for timestamps only.
using UnixSeconds = std::chrono::sys_seconds;

// Seconds as a plain number for display (e.g. 45.0).
constexpr double to_seconds(Duration d) { return static_cast<double>(d.count()) / 1e6; }

// Whole seconds, rounded up, for countdown labels ("0:45 left" stays 0:45 until 44 s remain).
constexpr std::int64_t ceil_seconds(Duration d) {
  const auto us = d.count();
  return us <= 0 ? 0 : (us + 999'999) / 1'000'000;
}

// A count of tenths as "4.5", or "4" when the tenths digit is 0 and keep_zero is false.
inline std::string tenths_text(std::int64_t tenths, bool keep_zero = false) {
  std::string text = std::to_string(tenths / 10);
  if (keep_zero || tenths % 10 != 0) {
    text += '.';
    text += static_cast<char>('0' + (tenths % 10 + 10) % 10);
  }
  return text;
}

// Converts between audio frames and microseconds so that frame_of(time_of(f)) == f for any
// rate below 1 MHz: time_of floors, frame_of takes the ceiling.
constexpr Duration time_of_frame(std::int64_t frame, int rate_hz) {
  return Duration{frame * 1'000'000 / rate_hz};
}
constexpr std::int64_t frame_of_time(Duration t, int rate_hz) {
  const std::int64_t num = t.count() * rate_hz;
  return num >= 0 ? (num + 999'999) / 1'000'000 : -((-num) / 1'000'000);
}

// Interfaces the shell implements (leveldb style); tests substitute fakes.
class MonotonicClock {
 public:
  virtual ~MonotonicClock() = default;
  virtual Instant now() const = 0;
};

class WallClock {
 public:
  virtual ~WallClock() = default;
  virtual UnixSeconds now() const = 0;
};

}  // namespace unknot::core
