// One playing session on the session clock: start, pause, resume, skip, and the record of each
// step as it finishes. A value type; every call takes the current instant. Pure std.
#pragma once

#include <optional>
#include <vector>

#include "core/time.h"
#include "core/timeline.h"

namespace unknot::core {

struct StepRecord {
  int step_index = 0;
  Duration planned{};
  Duration actual{};   // time the step actually played
  bool skipped = false;

  friend bool operator==(const StepRecord&, const StepRecord&) = default;
};

// What the audio renderer needs to map its frames to timeline time:
// while playing, timeline elapsed = now - origin; while paused it stays at frozen.
struct PlaybackClock {
  bool playing = false;
  Instant origin{};
  Duration frozen{};

  Duration elapsed_at(Instant now) const { return playing ? now - origin : frozen; }
  friend bool operator==(const PlaybackClock&, const PlaybackClock&) = default;
};

struct Advance {
  std::vector<Cue> cues;             // cues that came due, in order
  std::vector<StepRecord> finished;  // steps that finished, in order
};

class SessionRun {
 public:
  // Starts playing at timeline time `from`; by default at the start of the countdown.
  SessionRun(const Timeline& timeline, Instant now);
  SessionRun(const Timeline& timeline, Instant now, Duration from);

  // Timeline time, clamped to [-countdown, total]; negative while counting down.
  Duration elapsed(Instant now) const;
  bool counting_down(Instant now) const { return elapsed(now) < Duration{0}; }
  bool paused() const { return !clock_.playing; }
  bool finished(const Timeline& timeline, Instant now) const;
  const PlaybackClock& clock() const { return clock_; }
  Duration cue_cursor() const { return cursor_; }

  void pause(Instant now);
  void resume(Instant now);

  // Collects the cues and step records due since the last advance, up to `now`.
  Advance advance(const Timeline& timeline, Instant now);

  // Ends the current step early: records it as skipped with the time it played, and jumps to the
  // next step's start (its start cues still fire on the next advance; cues in between never do).
  // Skipping the last step finishes the session. Returns the records of steps that finished,
  // ending with the skipped one.
  std::vector<StepRecord> skip_step(const Timeline& timeline, Instant now);

 private:
  void collect_finished(const Timeline& timeline, Duration elapsed, std::vector<StepRecord>& out);

  PlaybackClock clock_;
  Duration countdown_;
  Duration total_;
  Duration cursor_;        // cues with onset <= cursor_ have been delivered
  int next_record_ = 0;    // first step whose record has not been delivered
};

}  // namespace unknot::core
