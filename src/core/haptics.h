// The touch pattern of a session: each tone cue becomes a short run of vibration pulses that can
// be told apart by feel alone, for following a session with eyes closed and the sound off.
// A pure function of the cue list, so the pattern can be listed and tested. Pure std.
//
//   cue                 felt as
//   in-breath, top-up   three pulses growing longer and stronger over 0.61 s
//   out-breath          three pulses growing shorter and softer over 0.55 s
//   hold                one short soft tap
//   next step           two long pulses
//   switch sides        two short taps
//   end                 three long pulses
//
// Spoken cues are not felt (each comes with a tone of its own moment), nor is the countdown:
// its ticks would feel like a hold, and the first touch should be the first in-breath at 0:00.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "core/time.h"
#include "core/timeline.h"

namespace unknot::core {

struct HapticPulse {
  Duration at{};                      // timeline time the pulse starts
  int length_ms = 0;                  // how long the motor runs
  float strength = 0;                 // 0..1 of the device's strongest rumble
  CueKind cue = CueKind::ToneInhale;  // the cue it belongs to
  int cue_index = 0;                  // that cue's index in the list it was rendered from

  Duration end() const { return at + std::chrono::milliseconds(length_ms); }
  friend bool operator==(const HapticPulse&, const HapticPulse&) = default;
};

// Still time kept after every pulse before the next one starts, so two pulses are felt as two.
inline constexpr Duration kHapticGap{100'000};
// No pulse is stronger than this: phone motors are loud near full strength.
inline constexpr float kMaxHapticStrength = 0.4f;

// How a cue kind feels: its pulses with `at` as the offset from the cue's onset (cue_index 0).
// Empty for the kinds that are not felt.
std::vector<HapticPulse> haptic_shape(CueKind kind);

// The pulses of cues[index]: its shape placed at its onset, less any pulse that would not end
// kHapticGap before the next felt cue in the list starts (the later cue always wins, so pulses
// never overlap however close two cues fall). `cues` must be in onset order, as
// Timeline::all_cues() is. Empty for a countdown cue (negative onset) and for an index past the
// end.
std::vector<HapticPulse> haptic_pulses(std::span<const Cue> cues, std::size_t index);

// The pulses of the cue in `cues` equal to `fired` (as SessionRun hands out); empty when there is
// none.
std::vector<HapticPulse> haptic_pulses_for(std::span<const Cue> cues, const Cue& fired);

// Every pulse of a session, in time order.
std::vector<HapticPulse> haptic_pattern(std::span<const Cue> cues);

// Pulses waiting for their moment on the session clock, for a shell that looks in each frame
// (no thread sleeps until a pulse is due).
class HapticQueue {
 public:
  // Adds the pulses of cues that just fired (in time order). Any waiting pulse that would still
  // be running when the first new one starts is dropped: the newest cue wins, also after a skip.
  void add(std::span<const HapticPulse> pulses);
  void clear() { waiting_.clear(); }
  bool empty() const { return waiting_.empty(); }
  // When the first waiting pulse is due, in timeline time.
  std::optional<Duration> next_at() const;
  // Removes and returns the pulses due by timeline time `elapsed`. One that started late runs
  // only for what is left of its time, so it never runs into the next; one with less than
  // kShortestPulse left is dropped.
  std::vector<HapticPulse> take_due(Duration elapsed);

  static constexpr Duration kShortestPulse{20'000};

 private:
  std::vector<HapticPulse> waiting_;  // in time order
};

}  // namespace unknot::core
