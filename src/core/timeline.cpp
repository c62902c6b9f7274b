#include "core/timeline.h"

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "core/translate.h"

namespace unknot::core {
namespace {

// Voice guidance for the first breaths of each step only: enough to set the rhythm with eyes
// closed, then the tones carry it without chatter.
constexpr int kSpokenCycles = 2;
constexpr Duration kReleaseLead{2'000'000};

// Tones sort before voices at the same instant so a chime never lands on top of a word's start
// in a different order from run to run.
int order_of(CueKind kind) { return static_cast<int>(kind); }

// Words start kVoiceDelay after the tone they go with, so the tone's attack and the first
// syllable do not land on top of each other (clearer with eyes closed, and no summed peak).

struct CueList {
  std::vector<Cue> cues;
  void add(Duration at, CueKind kind, int step, Side side) {
    const bool delayed = is_spoken(kind) && kind != CueKind::SaySessionComplete;
    cues.push_back({delayed ? at + kVoiceDelay : at, kind, step, side});
  }
};

// Where to say "Release" in a pressure step: the last exhale that starts at least kReleaseLead
// before the end, so there is time to ease off.
Duration release_point(const BreathPattern& pattern, Duration length) {
  Duration release_at{-1};
  Duration offset{0};
  while (offset < length) {
    for (const auto& phase : pattern.phases) {
      if (phase.phase == BreathPhase::Exhale && offset > Duration{0} &&
          offset + kReleaseLead <= length) {
        release_at = offset;
      }
      offset += phase.length;
      if (offset >= length) break;
    }
  }
  return release_at >= Duration{0} ? release_at : std::max(Duration{0}, length - kReleaseLead);
}

struct StepCueContext {
  int index = 0;
  bool first_breathing = false;  // the session's first breathing block gets the gentle reminder
};

void add_step_cues(CueList& out, const Step& step, const BreathPattern& pattern,
                   const StepCueContext& ctx, Duration start, Duration length) {
  const Side side = step.side;
  const int index = ctx.index;
  const bool pressure = step.kind == StepKind::Pressure;
  // The words that take the place of the first "Breathe in" on this step, if any.
  std::optional<CueKind> opening;
  if (index == 0) {
    out.add(start, CueKind::ToneInhale, index, side);
  } else if (step.switches_sides) {
    out.add(start, CueKind::ChimeSwitchSides, index, side);
    out.add(start, CueKind::SaySwitchSides, index, side);
  } else {
    out.add(start, CueKind::ChimeNextStep, index, side);
  }
  if (pressure && !step.switches_sides && !step.muscle.empty()) opening = CueKind::SayStepName;
  if (step.switches_sides) opening = CueKind::SaySwitchSides;  // already said with the chime
  const bool belly = step.pattern_id.rfind("diaphragmatic", 0) == 0;
  if (!pressure && ctx.first_breathing && belly) opening = CueKind::SayBellyHand;
  if (opening && *opening != CueKind::SaySwitchSides) out.add(start, *opening, index, side);

  const Duration release_at = pressure ? release_point(pattern, length) : Duration{-1};
  if (pressure) {
    // "Three, two, one" lead into the release, when there is room after the announcement.
    constexpr Duration kSecond{1'000'000};
    if (release_at - 3 * kSecond >= 4 * kSecond) {
      out.add(start + release_at - 3 * kSecond, CueKind::SayThree, index, side);
      out.add(start + release_at - 2 * kSecond, CueKind::SayTwo, index, side);
      out.add(start + release_at - kSecond, CueKind::SayOne, index, side);
    }
  }

  // The 10-second rule (domain.md §2.2), said once per muscle on its first side, on the first
  // inhale whose breath words have stopped, when it ends well before "three, two, one".
  constexpr Duration kGoLighterRoom{6'000'000};
  const bool say_go_lighter = pressure && !step.switches_sides;
  bool go_lighter_placed = false;

  Duration offset{0};
  bool release_placed = false;
  for (int cycle = 0; offset < length; ++cycle) {
    for (const auto& phase : pattern.phases) {
      if (offset >= length) break;
      const Duration at = start + offset;
      const bool at_step_start = offset == Duration{0};
      const bool speak = cycle < kSpokenCycles;
      switch (phase.phase) {
        case BreathPhase::Inhale:
          if (!at_step_start) out.add(at, CueKind::ToneInhale, index, side);
          if (cycle == 0 && opening) break;
          if (say_go_lighter && !go_lighter_placed && !speak) {
            go_lighter_placed = true;  // only this first unspoken inhale is considered
            if (offset + kGoLighterRoom <= release_at - Duration{3'000'000}) {
              out.add(at, CueKind::SayGoLighter, index, side);
            }
            break;
          }
          if (cycle == 1 && ctx.first_breathing) {
            out.add(at, CueKind::SayGentle, index, side);
          } else if (speak) {
            out.add(at, CueKind::SayBreatheIn, index, side);
          }
          break;
        case BreathPhase::TopUp:
          out.add(at, CueKind::ToneInhale, index, side);
          if (speak && !(cycle == 1 && ctx.first_breathing))
            out.add(at, CueKind::SayTopUp, index, side);
          break;
        case BreathPhase::HoldFull:
        case BreathPhase::HoldEmpty:
          out.add(at, CueKind::ToneHold, index, side);
          if (speak) out.add(at, CueKind::SayHold, index, side);
          break;
        case BreathPhase::Exhale:
          out.add(at, CueKind::ToneExhale, index, side);
          if (offset == release_at) {
            out.add(at, CueKind::SayRelease, index, side);
            release_placed = true;
          } else if (speak && !(cycle == 1 && ctx.first_breathing)) {
            out.add(at, CueKind::SayBreatheOut, index, side);
          }
          break;
      }
      offset += phase.length;
    }
  }
  // A release point that is not an exhale onset (very short steps) still gets its word.
  if (pressure && !release_placed) out.add(start + release_at, CueKind::SayRelease, index, side);
}

}  // namespace

bool is_spoken(CueKind kind) { return kind >= CueKind::SayBreatheIn; }

std::string_view caption(CueKind kind) {
  // English, marked for the catalogs: cue_caption() translates them.
  switch (kind) {
    case CueKind::SayBreatheIn:
      // TRANSLATORS: the captions of the spoken cues, shown while the voice says them.
      return tr_noop("Breathe in");
    case CueKind::SayBreatheOut:
      return tr_noop("Breathe out");
    case CueKind::SaySwitchSides:
      return tr_noop("Switch sides");
    case CueKind::SayRelease:
      // TRANSLATORS: said at the end of a hold: let go of the pressure.
      return tr_noop("Release");
    case CueKind::SaySessionComplete:
      return tr_noop("Session complete");
    case CueKind::SayHold:
      // TRANSLATORS: a spoken cue: hold the breath.
      return tr_noop("Hold");
    case CueKind::SayTopUp:
      // TRANSLATORS: a spoken cue: a second, short breath in on top of a full one.
      return tr_noop("A little more");
    case CueKind::SayThree:
      // TRANSLATORS: the count down to the end of a hold ("Three, two, one, release").
      return tr_noop("Three");
    case CueKind::SayTwo:
      return tr_noop("Two");
    case CueKind::SayOne:
      return tr_noop("One");
    case CueKind::SayGentle:
      return tr_noop("Gently: low and slow, not big");
    case CueKind::SayBellyHand:
      return tr_noop("One hand on your belly, one on your chest");
    case CueKind::SayGoLighter:
      return tr_noop("Not easing after ten seconds? Go lighter.");
    default:
      return "";
  }
}

std::string_view cue_name(CueKind kind) {
  switch (kind) {
    case CueKind::ToneInhale:
      return "tone_inhale";
    case CueKind::ToneExhale:
      return "tone_exhale";
    case CueKind::ToneHold:
      return "tone_hold";
    case CueKind::ChimeNextStep:
      return "chime_next_step";
    case CueKind::ChimeSwitchSides:
      return "chime_switch_sides";
    case CueKind::BellEnd:
      return "bell_end";
    case CueKind::SayBreatheIn:
      return "say_breathe_in";
    case CueKind::SayBreatheOut:
      return "say_breathe_out";
    case CueKind::SaySwitchSides:
      return "say_switch_sides";
    case CueKind::SayRelease:
      return "say_release";
    case CueKind::SaySessionComplete:
      return "say_session_complete";
    case CueKind::SayHold:
      return "say_hold";
    case CueKind::SayTopUp:
      return "say_top_up";
    case CueKind::SayThree:
      return "say_three";
    case CueKind::SayTwo:
      return "say_two";
    case CueKind::SayOne:
      return "say_one";
    case CueKind::SayStepName:
      return "say_step_name";
    case CueKind::SayGentle:
      return "say_gentle";
    case CueKind::SayBellyHand:
      return "say_belly_hand";
    case CueKind::SayGoLighter:
      return "say_go_lighter";
  }
  return "";
}

std::string Timeline::cue_caption(const Cue& cue) const {
  if (cue.kind == CueKind::SayStepName) return step_heading(step(cue.step_index));
  const std::string_view words = caption(cue.kind);
  return words.empty() ? std::string() : tr(words);
}

Timeline::Timeline(std::vector<Step> steps, const PatternLookup& lookup, Duration countdown)
    : steps_(std::move(steps)), countdown_(std::max(countdown, Duration{0})) {
  if (steps_.empty()) throw std::invalid_argument("a timeline needs at least one step");
  patterns_.reserve(steps_.size());
  for (const auto& step : steps_) {
    const BreathPattern* pattern = lookup(step.pattern_id);
    if (!pattern || pattern->cycle() <= Duration{0}) {
      throw std::invalid_argument("unknown breathing pattern: " + step.pattern_id);
    }
    if (step.duration <= Duration{0}) throw std::invalid_argument("a step has no duration");
    patterns_.push_back(*pattern);
  }
  // End on a full exhale: round the last step up to a whole number of breath cycles.
  Step& last = steps_.back();
  const Duration cycle = patterns_.back().cycle();
  if (const Duration rest = last.duration % cycle; rest != Duration{0}) {
    last.duration += cycle - rest;
  }

  starts_.reserve(steps_.size() + 1);
  Duration at{0};
  for (const auto& step : steps_) {
    starts_.push_back(at);
    at += step.duration;
  }
  starts_.push_back(at);
  total_ = at;

  CueList list;
  bool breathing_seen = false;
  for (Duration tick = -countdown_; tick < Duration{0}; tick += Duration{1'000'000}) {
    list.add(tick, CueKind::ToneHold, 0, steps_.front().side);
  }
  for (int i = 0; i < step_count(); ++i) {
    const auto index = static_cast<std::size_t>(i);
    StepCueContext ctx{i, false};
    if (steps_[index].kind == StepKind::Breathing && !breathing_seen) {
      ctx.first_breathing = true;
      breathing_seen = true;
    }
    add_step_cues(list, steps_[index], patterns_[index], ctx, starts_[index],
                  steps_[index].duration);
  }
  const Side last_side = steps_.back().side;
  list.add(total_, CueKind::BellEnd, step_count() - 1, last_side);
  list.add(total_, CueKind::SaySessionComplete, step_count() - 1, last_side);
  cues_ = std::move(list.cues);
  std::stable_sort(cues_.begin(), cues_.end(), [](const Cue& a, const Cue& b) {
    return a.at != b.at ? a.at < b.at : order_of(a.kind) < order_of(b.kind);
  });
}

const Step& Timeline::step(int index) const { return steps_.at(static_cast<std::size_t>(index)); }

const BreathPattern& Timeline::pattern(int step_index) const {
  return patterns_.at(static_cast<std::size_t>(step_index));
}

Duration Timeline::step_start(int index) const {
  return starts_.at(static_cast<std::size_t>(index));
}

Duration Timeline::step_length(int index) const { return step(index).duration; }

int Timeline::step_at(Duration elapsed) const {
  const auto it = std::upper_bound(starts_.begin(), starts_.end() - 1, elapsed);
  const auto index = static_cast<int>(it - starts_.begin()) - 1;
  return std::clamp(index, 0, step_count() - 1);
}

TimelinePosition Timeline::position_at(Duration elapsed) const {
  TimelinePosition pos;
  pos.elapsed = std::clamp(elapsed, Duration{0}, total_);
  pos.countdown_left = elapsed < Duration{0} ? std::min(-elapsed, countdown_) : Duration{0};
  pos.finished = elapsed >= total_;
  pos.step_index = step_at(pos.elapsed);
  const Duration start = step_start(pos.step_index);
  const Duration length = step_length(pos.step_index);
  pos.step_elapsed = std::min(pos.elapsed - start, length);
  pos.step_remaining = length - pos.step_elapsed;
  pos.remaining = total_ - pos.elapsed;
  pos.progress = static_cast<double>(pos.elapsed.count()) / static_cast<double>(total_.count());
  pos.breath = breath_at(pattern(pos.step_index), pos.step_elapsed);
  if (pos.finished) {
    // Hold the pacer at the end of the final exhale rather than wrapping to a new inhale.
    pos.breath.phase = BreathPhase::Exhale;
    pos.breath.volume = 0;
    pos.breath.phase_fraction = 1;
  }
  return pos;
}

std::vector<Cue> Timeline::cues_between(Duration from, Duration to) const {
  if (to <= from) return {};
  const auto first = std::upper_bound(cues_.begin(), cues_.end(), from,
                                      [](Duration t, const Cue& c) { return t < c.at; });
  const auto last =
      std::upper_bound(first, cues_.end(), to, [](Duration t, const Cue& c) { return t < c.at; });
  return {first, last};
}

}  // namespace unknot::core
