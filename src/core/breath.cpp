#include "core/breath.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace unknot::core {
namespace {


constexpr Duration s(double seconds) { return Duration{static_cast<Duration::rep>(seconds * 1e6)}; }

const std::vector<BreathPattern>& presets() {
  // Timings from domain.md §1.0; cyclic sigh seconds are the suggested default there [D].
  static const std::vector<BreathPattern> kPresets = {
      {"resonance_6", "Resonance 6 per minute",
       "Slow, even breathing at about 6 breaths a minute; may help you settle.",
       {{BreathPhase::Inhale, s(5)}, {BreathPhase::Exhale, s(5)}}},
      {"resonance_5_5", "Resonance 5.5 per minute",
       "A slightly slower even rhythm that suits some people better than 6.",
       {{BreathPhase::Inhale, s(5.5)}, {BreathPhase::Exhale, s(5.5)}}},
      {"coherent_5", "Coherent 5 per minute", "Six seconds in, six seconds out.",
       {{BreathPhase::Inhale, s(6)}, {BreathPhase::Exhale, s(6)}}},
      {"extended_exhale_4_6", "Extended exhale 4/6",
       "A longer out-breath; no holds, so it pairs well with pressure.",
       {{BreathPhase::Inhale, s(4)}, {BreathPhase::Exhale, s(6)}}},
      {"extended_exhale_3_7", "Extended exhale 3/7",
       "A short in-breath and a long, easy out-breath.",
       {{BreathPhase::Inhale, s(3)}, {BreathPhase::Exhale, s(7)}}},
      {"box_4", "Box 4-4-4-4", "Equal in, hold, out, hold; includes breath holds.",
       {{BreathPhase::Inhale, s(4)},
        {BreathPhase::HoldFull, s(4)},
        {BreathPhase::Exhale, s(4)},
        {BreathPhase::HoldEmpty, s(4)}}},
      {"relax_478", "4-7-8 relaxing breath", "In for 4, hold for 7, out for 8; includes a hold.",
       {{BreathPhase::Inhale, s(4)}, {BreathPhase::HoldFull, s(7)}, {BreathPhase::Exhale, s(8)}}},
      {"cyclic_sigh", "Cyclic sighing",
       "Two in-breaths through the nose, then a long sigh out through the mouth.",
       {{BreathPhase::Inhale, s(2)}, {BreathPhase::TopUp, s(1)}, {BreathPhase::Exhale, s(6)}}},
  };
  return kPresets;
}

double ease_in_out(double t) { return 0.5 - 0.5 * std::cos(std::numbers::pi * t); }

// Lung volume at the start of a phase, walking the cycle: inhale fills, exhale empties. A
// top-up after an inhale starts from a partly filled chest, so the first inhale only reaches
// kTopUpBase.
constexpr double kTopUpBase = 0.8;

}  // namespace

Duration BreathPattern::cycle() const {
  Duration total{};
  for (const auto& p : phases) total += p.length;
  return total;
}

bool BreathPattern::has_hold() const {
  return std::any_of(phases.begin(), phases.end(), [](const PhaseSpec& p) {
    return p.phase == BreathPhase::HoldFull || p.phase == BreathPhase::HoldEmpty;
  });
}

std::span<const BreathPattern> builtin_patterns() { return presets(); }

const BreathPattern* find_builtin_pattern(std::string_view id) {
  for (const auto& p : presets()) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

BreathPoint breath_at(const BreathPattern& pattern, Duration elapsed) {
  BreathPoint point;
  const Duration cycle = pattern.cycle();
  if (pattern.phases.empty() || cycle <= Duration{0}) return point;
  if (elapsed < Duration{0}) elapsed = Duration{0};
  point.cycle = static_cast<int>(elapsed / cycle);
  Duration in_cycle = elapsed % cycle;

  const bool has_top_up = std::any_of(pattern.phases.begin(), pattern.phases.end(),
                                      [](const PhaseSpec& p) { return p.phase == BreathPhase::TopUp; });
  double volume = 0;  // at the start of the current phase
  for (std::size_t i = 0; i < pattern.phases.size(); ++i) {
    const auto& phase = pattern.phases[i];
    const bool last = i + 1 == pattern.phases.size();
    if (in_cycle < phase.length || last) {
      const Duration within = std::min(in_cycle, phase.length);
      point.phase_index = static_cast<int>(i);
      point.phase = phase.phase;
      point.phase_elapsed = within;
      point.phase_length = phase.length;
      point.phase_fraction =
          static_cast<double>(within.count()) / static_cast<double>(phase.length.count());
      const double e = ease_in_out(point.phase_fraction);
      switch (phase.phase) {
        case BreathPhase::Inhale: {
          const double top = has_top_up ? kTopUpBase : 1.0;
          point.volume = volume + (top - volume) * e;
          break;
        }
        case BreathPhase::TopUp: point.volume = volume + (1.0 - volume) * e; break;
        case BreathPhase::Exhale: point.volume = volume * (1.0 - e); break;
        case BreathPhase::HoldFull:
        case BreathPhase::HoldEmpty: point.volume = volume; break;
      }
      return point;
    }
    in_cycle -= phase.length;
    switch (phase.phase) {
      case BreathPhase::Inhale: volume = has_top_up ? kTopUpBase : 1.0; break;
      case BreathPhase::TopUp: volume = 1.0; break;
      case BreathPhase::Exhale: volume = 0.0; break;
      case BreathPhase::HoldFull:
      case BreathPhase::HoldEmpty: break;
    }
  }
  return point;
}

std::string_view phase_word(BreathPhase phase) {
  switch (phase) {
    case BreathPhase::Inhale: return "Breathe in";
    case BreathPhase::TopUp: return "Top up";
    case BreathPhase::HoldFull: return "Hold";
    case BreathPhase::Exhale: return "Breathe out";
    case BreathPhase::HoldEmpty: return "Rest";
  }
  return "";
}

}  // namespace unknot::core
