#include "core/haptics.h"

#include <algorithm>

namespace unknot::core {
namespace {

using std::chrono::milliseconds;

HapticPulse pulse(int at_ms, int length_ms, float strength, CueKind kind) {
  return {milliseconds(at_ms), length_ms, strength, kind, 0};
}

bool felt(const Cue& cue) { return cue.at >= Duration{0} && !haptic_shape(cue.kind).empty(); }

}  // namespace

std::vector<HapticPulse> haptic_shape(CueKind kind) {
  switch (kind) {
    // Rising: each pulse longer and stronger than the one before.
    case CueKind::ToneInhale:
      return {pulse(0, 80, 0.15f, kind), pulse(220, 110, 0.25f, kind),
              pulse(470, 140, 0.35f, kind)};
    // Falling: the same three steps the other way round.
    case CueKind::ToneExhale:
      return {pulse(0, 140, 0.35f, kind), pulse(250, 110, 0.25f, kind),
              pulse(470, 80, 0.15f, kind)};
    case CueKind::ToneHold:
      return {pulse(0, 50, 0.2f, kind)};
    case CueKind::ChimeNextStep:
      return {pulse(0, 350, 0.4f, kind), pulse(500, 350, 0.4f, kind)};
    case CueKind::ChimeSwitchSides:
      return {pulse(0, 60, 0.4f, kind), pulse(180, 60, 0.4f, kind)};
    case CueKind::BellEnd:
      return {pulse(0, 400, 0.4f, kind), pulse(600, 400, 0.4f, kind), pulse(1200, 400, 0.4f, kind)};
    default:
      return {};
  }
}

std::vector<HapticPulse> haptic_pulses(std::span<const Cue> cues, std::size_t index) {
  if (index >= cues.size() || !felt(cues[index])) return {};
  const Cue& cue = cues[index];
  std::optional<Duration> next;
  for (std::size_t i = index + 1; i < cues.size(); ++i) {
    if (felt(cues[i])) {
      next = cues[i].at;
      break;
    }
  }
  std::vector<HapticPulse> out;
  for (HapticPulse p : haptic_shape(cue.kind)) {
    p.at += cue.at;
    p.cue_index = static_cast<int>(index);
    if (next && p.end() + kHapticGap > *next) break;  // shapes are in time order
    out.push_back(p);
  }
  return out;
}

std::vector<HapticPulse> haptic_pulses_for(std::span<const Cue> cues, const Cue& fired) {
  const auto [first, last] = std::equal_range(
      cues.begin(), cues.end(), fired, [](const Cue& a, const Cue& b) { return a.at < b.at; });
  const auto found = std::find(first, last, fired);
  if (found == last) return {};
  return haptic_pulses(cues, static_cast<std::size_t>(found - cues.begin()));
}

std::vector<HapticPulse> haptic_pattern(std::span<const Cue> cues) {
  std::vector<HapticPulse> out;
  for (std::size_t i = 0; i < cues.size(); ++i) {
    const auto pulses = haptic_pulses(cues, i);
    out.insert(out.end(), pulses.begin(), pulses.end());
  }
  return out;
}

void HapticQueue::add(std::span<const HapticPulse> pulses) {
  if (pulses.empty()) return;
  const Duration first = pulses.front().at;
  std::erase_if(waiting_, [first](const HapticPulse& p) { return p.end() > first; });
  waiting_.insert(waiting_.end(), pulses.begin(), pulses.end());
  std::stable_sort(waiting_.begin(), waiting_.end(),
                   [](const HapticPulse& a, const HapticPulse& b) { return a.at < b.at; });
}

std::optional<Duration> HapticQueue::next_at() const {
  if (waiting_.empty()) return std::nullopt;
  return waiting_.front().at;
}

std::vector<HapticPulse> HapticQueue::take_due(Duration elapsed) {
  std::vector<HapticPulse> due;
  auto it = waiting_.begin();
  for (; it != waiting_.end() && it->at <= elapsed; ++it) {
    const Duration left = it->end() - elapsed;
    if (left < kShortestPulse) continue;
    HapticPulse p = *it;
    p.length_ms = static_cast<int>(std::chrono::duration_cast<milliseconds>(left).count());
    due.push_back(p);
  }
  waiting_.erase(waiting_.begin(), it);
  return due;
}

}  // namespace unknot::core
