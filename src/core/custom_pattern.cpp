#include "core/custom_pattern.h"

#include <algorithm>
#include <cmath>

#include "core/translate.h"

namespace unknot::core {
namespace {

constexpr Duration sec(int s) { return Duration{static_cast<Duration::rep>(s) * 1'000'000}; }

// `text` (a number written with '.') with the language's decimal separator.
std::string local_number(std::string text) {
  if (const std::size_t dot = text.find('.'); dot != std::string::npos) {
    // TRANSLATORS: the decimal separator, as in 13.5 min: "," in Spanish.
    text.replace(dot, 1, trc("decimal separator", "."));
  }
  return text;
}

// "4.5 s": a length in seconds, to a tenth.
std::string seconds_text(Duration d) {
  // TRANSLATORS: a length in seconds ("4.5 s"); keep the unit short.
  return fill(tr("{n} s"), {{"n", local_number(tenths_text(d.count() / 100'000))}});
}

// What the person is told about one phase's length: `range` when it lies outside low..high,
// `steps` when it is off the half-second grid (each with {low}, {high} and {value}).
void check_phase(std::vector<DraftProblem>& out, const char* field, const std::string& range,
                 const std::string& steps, Duration d, Duration low, Duration high) {
  if (d < low || d > high) {
    out.push_back({field, fill(range, {{"low", seconds_text(low)},
                                       {"high", seconds_text(high)},
                                       {"value", seconds_text(d)}})});
  } else if (d.count() % kPhaseStep.count() != 0) {
    const std::string value = fill(
        tr("{n} s"), {{"n", local_number(std::to_string(static_cast<double>(d.count()) / 1e6))}});
    out.push_back({field, fill(steps, {{"value", value}})});
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
  const auto chars = std::count_if(d.name.begin(), d.name.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  });
  if (blank) {
    // TRANSLATORS: what is wrong with a breathing pattern the person made, under its field.
    out.push_back({"name", tr("give the pattern a name")});
  } else if (chars > 40) {
    // TRANSLATORS: {n} is the name's length in characters.
    out.push_back({"name", fill(tr("the name may be at most 40 characters (got {n})"),
                                {{"n", std::to_string(chars)}})});
  }
  // TRANSLATORS: {low}, {high} and {value} are lengths such as "1 s" and "4.5 s".
  check_phase(out, "inhale", tr("Breathing in must be between {low} and {high} (got {value})"),
              tr("Breathing in must be in half-second steps (got {value})"), d.inhale, sec(1),
              sec(15));
  check_phase(out, "hold_full",
              tr("The hold after breathing in must be between {low} and {high} (got {value})"),
              tr("The hold after breathing in must be in half-second steps (got {value})"),
              d.hold_full, sec(0), sec(20));
  check_phase(out, "exhale", tr("Breathing out must be between {low} and {high} (got {value})"),
              tr("Breathing out must be in half-second steps (got {value})"), d.exhale, sec(1),
              sec(20));
  check_phase(out, "hold_empty",
              tr("The hold after breathing out must be between {low} and {high} (got {value})"),
              tr("The hold after breathing out must be in half-second steps (got {value})"),
              d.hold_empty, sec(0), sec(20));
  if (const Duration cycle = d.inhale + d.hold_full + d.exhale + d.hold_empty; cycle > sec(60)) {
    // TRANSLATORS: {value} is the length of one breath, as "61 s".
    out.push_back({"exhale", fill(tr("one whole breath may last at most 60 s (got {value})"),
                                  {{"value", seconds_text(cycle)}})});
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
  // English, as a built-in pattern's texts: translated where shown (translated_pattern()).
  p.summary = tr_noop("Your own pattern.");
  p.phases.push_back({BreathPhase::Inhale, d.inhale});
  if (d.hold_full > Duration{0}) p.phases.push_back({BreathPhase::HoldFull, d.hold_full});
  p.phases.push_back({BreathPhase::Exhale, d.exhale});
  if (d.hold_empty > Duration{0}) p.phases.push_back({BreathPhase::HoldEmpty, d.hold_empty});
  p.default_length = std::chrono::minutes(5);
  if (p.has_hold()) {
    p.cautions.push_back(
        tr_noop("Includes breath holds: skip holds if you are pregnant, have heart disease, "
                "epilepsy, severe lung disease or panic disorder."));
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
      case BreathPhase::TopUp:
        d.inhale += phase.length;
        break;
      case BreathPhase::HoldFull:
        d.hold_full += phase.length;
        break;
      case BreathPhase::Exhale:
        d.exhale += phase.length;
        break;
      case BreathPhase::HoldEmpty:
        d.hold_empty += phase.length;
        break;
    }
  }
  return d;
}

}  // namespace unknot::core
