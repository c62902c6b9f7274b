#include "core/custom_pattern.h"

#include <algorithm>
#include <cmath>

namespace unknot::core {
namespace {

constexpr Duration sec(int s) { return Duration{static_cast<Duration::rep>(s) * 1'000'000}; }

std::string seconds_text(Duration d) {
  return tenths_text(d.count() / 100'000) + " s";
}

void check_phase(std::vector<DraftProblem>& out, const char* field, const char* label, Duration d,
                 Duration low, Duration high) {
  if (d < low || d > high) {
    out.push_back({field, std::string(label) + " must be between " + seconds_text(low) + " and " +
                              seconds_text(high) + " (got " + seconds_text(d) + ")"});
  } else if (d.count() % kPhaseStep.count() != 0) {
    out.push_back({field, std::string(label) + " must be in half-second steps (got " +
                              std::to_string(static_cast<double>(d.count()) / 1e6) + " s)"});
  }
}

Duration round_to_step(double seconds) {
  const auto steps = std::lround(seconds * 2.0);
  return Duration{static_cast<Duration::rep>(steps) * kPhaseStep.count()};
}

}  // namespace

std::vector<DraftProblem> validate(const PatternDraft& d) {
  std::vector<DraftProblem> out;
  const auto is_space = [](char c) { return c == ' ' || c == '\t'; };
  const bool blank = std::all_of(d.name.begin(), d.name.end(), is_space);
  // Count characters, not bytes, so accented names get the same room.
  const auto chars = std::count_if(d.name.begin(), d.name.end(),
                                   [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
  if (blank) {
    out.push_back({"name", "give the pattern a name"});
  } else if (chars > 40) {
    out.push_back({"name", "the name may be at most 40 characters (got " + std::to_string(chars) + ")"});
  }
  check_phase(out, "inhale", "Breathing in", d.inhale, sec(1), sec(15));
  check_phase(out, "hold_full", "The hold after breathing in", d.hold_full, sec(0), sec(20));
  check_phase(out, "exhale", "Breathing out", d.exhale, sec(1), sec(20));
  check_phase(out, "hold_empty", "The hold after breathing out", d.hold_empty, sec(0), sec(20));
  if (const Duration cycle = d.inhale + d.hold_full + d.exhale + d.hold_empty; cycle > sec(60)) {
    out.push_back({"exhale", "one whole breath may last at most 60 s (got " + seconds_text(cycle) + ")"});
  }
  return out;
}

PatternDraft draft_from_rate(std::string name, double breaths_per_minute, double inhale_share) {
  const double rate = std::clamp(breaths_per_minute, 2.0, 12.0);
  const double share = std::clamp(inhale_share, 0.2, 0.8);
  const double cycle = 60.0 / rate;
  PatternDraft d;
  d.name = std::move(name);
  d.inhale = std::max(kPhaseStep * 2, round_to_step(cycle * share));
  d.exhale = std::max(kPhaseStep * 2, round_to_step(cycle) - d.inhale);
  return d;
}

BreathPattern to_pattern(const PatternDraft& d, std::string id) {
  BreathPattern p;
  p.id = std::move(id);
  p.name = d.name;
  p.custom = true;
  p.summary = "Your own pattern.";
  p.phases.push_back({BreathPhase::Inhale, d.inhale});
  if (d.hold_full > Duration{0}) p.phases.push_back({BreathPhase::HoldFull, d.hold_full});
  p.phases.push_back({BreathPhase::Exhale, d.exhale});
  if (d.hold_empty > Duration{0}) p.phases.push_back({BreathPhase::HoldEmpty, d.hold_empty});
  p.default_length = std::chrono::minutes(5);
  if (p.has_hold()) {
    p.cautions.push_back(
        "Includes breath holds: skip holds if you are pregnant, have heart disease, epilepsy, "
        "severe lung disease or panic disorder.");
  }
  return p;
}

PatternDraft to_draft(const BreathPattern& p) {
  PatternDraft d;
  d.name = p.name;
  d.inhale = d.exhale = Duration{0};
  for (const auto& phase : p.phases) {
    switch (phase.phase) {
      case BreathPhase::Inhale:
      case BreathPhase::TopUp: d.inhale += phase.length; break;
      case BreathPhase::HoldFull: d.hold_full += phase.length; break;
      case BreathPhase::Exhale: d.exhale += phase.length; break;
      case BreathPhase::HoldEmpty: d.hold_empty += phase.length; break;
    }
  }
  return d;
}

}  // namespace unknot::core
