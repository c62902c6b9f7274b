// The session timeline: a pure function of elapsed time giving the current step, breath and
// progress, and the audio/caption cues due in any interval. Pure std.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/breath.h"
#include "core/routine.h"
#include "core/time.h"

namespace unknot::core {

enum class CueKind {
  // Tones.
  ToneInhale,        // soft rising chime at an inhale onset
  ToneExhale,        // soft falling chime at an exhale onset
  ToneHold,          // single soft tick at a hold onset
  ChimeNextStep,     // bowl-like tone at the start of a new step
  ChimeSwitchSides,  // two quick taps when the same muscle switches to the other side
  BellEnd,           // longer bell when the session ends
  // Spoken cues (each has an on-screen caption with the same words).
  SayBreatheIn,
  SayBreatheOut,
  SaySwitchSides,
  SayRelease,
  SaySessionComplete,
  SayHold,
  SayTopUp,
  SayThree,  // "three, two, one, release" at the end of a hold
  SayTwo,
  SayOne,
  SayStepName,   // announces the step: side and muscle ("Left upper trapezius")
  SayGentle,     // the gentle-volume reminder at the start of a session
  SayBellyHand,  // hand placement for belly breathing
  SayGoLighter,  // the 10-second rule, once per muscle during its first hold (domain.md §2.2)
};
inline constexpr int kCueKindCount = 20;

struct Cue {
  Duration at{};  // timeline time of the onset
  CueKind kind = CueKind::ToneInhale;
  int step_index = 0;
  Side side = Side::None;  // side of the step it belongs to (for panning)

  friend bool operator==(const Cue&, const Cue&) = default;
};

bool is_spoken(CueKind kind);
// Spoken cues start this long after the tone or chime of the same moment (the end words excepted,
// which come with the bell as the session ends).
inline constexpr Duration kVoiceDelay{150'000};
// Caption for a spoken cue ("Breathe in", "Switch sides", …), in English; empty for tones and
// for SayStepName, whose words depend on the step (see cue_caption).
std::string_view caption(CueKind kind);
// Stable lowercase name, used for audio file names and cue lists ("say_breathe_in").
std::string_view cue_name(CueKind kind);

struct TimelinePosition {
  int step_index = 0;         // clamped to the last step once finished
  Duration elapsed{};         // clamped to [0, total]
  Duration countdown_left{};  // > 0 while counting down before the first step
  Duration step_elapsed{};
  Duration step_remaining{};
  Duration remaining{};  // whole session
  double progress = 0;   // 0..1 through the whole session
  BreathPoint breath;
  bool finished = false;
};

// Seconds counted down before the first step; the timeline runs from -countdown to total.
inline constexpr Duration kDefaultCountdown{3'000'000};

class Timeline {
 public:
  // Steps must be non-empty with positive durations; every pattern_id resolves through `lookup`
  // (std::invalid_argument otherwise). If the last step does not end on a whole breath cycle it
  // is lengthened to the end of that cycle, so a session always ends after a full exhale.
  // A soft tick cue marks each whole second of the countdown (at -3 s, -2 s, -1 s).
  Timeline(std::vector<Step> steps, const PatternLookup& lookup,
           Duration countdown = kDefaultCountdown);

  Duration countdown() const { return countdown_; }
  Duration total() const { return total_; }
  int step_count() const { return static_cast<int>(steps_.size()); }
  const Step& step(int index) const;
  const BreathPattern& pattern(int step_index) const;
  Duration step_start(int index) const;  // index == step_count() gives total()
  Duration step_length(int index) const;
  // Index of the step playing at `elapsed` (the last step at or after the end).
  int step_at(Duration elapsed) const;

  TimelinePosition position_at(Duration elapsed) const;

  // Every cue with onset in (from, to], in onset order; countdown cues have negative onsets.
  // Any split of an interval yields the same cues as the whole.
  std::vector<Cue> cues_between(Duration from, Duration to) const;
  // The whole session's cues, in onset order.
  const std::vector<Cue>& all_cues() const { return cues_; }

  // The words of a spoken cue, step announcements included ("Left upper trapezius"), in the
  // current language. Not for the audio thread (it reads the catalog).
  std::string cue_caption(const Cue& cue) const;

 private:
  std::vector<Step> steps_;
  std::vector<BreathPattern> patterns_;  // copies: a timeline outlives any lookup it was built with
  std::vector<Duration> starts_;         // size steps_ + 1
  Duration countdown_;
  Duration total_{};
  std::vector<Cue> cues_;
};

}  // namespace unknot::core
