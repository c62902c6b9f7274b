#include "core/breath.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/translate.h"

namespace unknot::core {
namespace {

constexpr Duration s(double seconds) { return Duration{static_cast<Duration::rep>(seconds * 1e6)}; }

struct Preset {
  const char* id;
  const char* name;
  const char* summary;
  std::vector<PhaseSpec> phases;
  const char* suits;
  std::vector<std::string> cautions;
  const char* source;
  Duration default_length;
  int max_breaths = 0;
  int max_breaths_first_month = 0;
  std::vector<std::string> cues = {};
};

BreathPattern make(Preset p) {
  BreathPattern b;
  b.id = p.id;
  b.name = p.name;
  b.summary = p.summary;
  b.phases = std::move(p.phases);
  b.suits = p.suits;
  b.cautions = std::move(p.cautions);
  b.cues = std::move(p.cues);
  b.source = p.source;
  b.default_length = p.default_length;
  b.max_breaths = p.max_breaths;
  b.max_breaths_first_month = p.max_breaths_first_month;
  return b;
}

constexpr BreathPhase kIn = BreathPhase::Inhale;
constexpr BreathPhase kOut = BreathPhase::Exhale;
// The texts a person reads are English here, marked for the catalogs, and translated where
// they are shown (translated_pattern(), pattern_name()); the sources are citations and stay as
// written.
const char* const kGentle = tr_noop(
    "Breathe gently, low and slow, not big: if you feel light-headed, breathe less deeply.");
const char* const kHoldCaution = tr_noop(
    "Includes breath holds: skip it if you are pregnant, have heart disease or high blood "
    "pressure, epilepsy, severe lung disease or panic disorder. Sit or lie down; never in "
    "water or driving.");

const std::vector<BreathPattern>& presets() {
  using std::chrono::minutes;
  // Timings, lengths and limits from domain.md §1.0-1.6; cyclic sigh seconds are its suggested
  // default [D]. Claims stay modest.
  static const std::vector<BreathPattern> kPresets = {
      make({"resonance_6",
            // TRANSLATORS: the name of a breathing pattern: breathing at 6 breaths a minute.
            tr_noop("Resonance 6 per minute"),
            tr_noop("Slow, even breathing at about 6 breaths a minute; it may help you settle."),
            {{kIn, s(5)}, {kOut, s(5)}},
            tr_noop("Stress and general relaxation; a calm base for longer practice."),
            {kGentle},
            "Lehrer & Vaschillo: 0.1 Hz is about 6 breaths a minute [1]",
            minutes(10)}),
      make({"resonance_5_5",
            tr_noop("Resonance 5.5 per minute"),
            tr_noop("A slightly slower even rhythm that suits some people better than 6."),
            {{kIn, s(5.5)}, {kOut, s(5.5)}},
            tr_noop("People for whom 6 a minute feels a little quick."),
            {kGentle},
            "5.5 breaths a minute is a common individual rate [8]",
            minutes(10)}),
      make({"coherent_5",
            tr_noop("Coherent 5 per minute"),
            tr_noop("Six seconds in, six seconds out."),
            {{kIn, s(6)}, {kOut, s(6)}},
            tr_noop("Daily practice of 20 minutes, once slow breathing feels easy."),
            {kGentle},
            "Coherent Breathing, 6 s / 6 s [18]",
            minutes(20)}),
      make({"extended_exhale_4_6",
            // TRANSLATORS: the name of a breathing pattern: 4 seconds in, 6 seconds out.
            tr_noop("Extended exhale 4/6"),
            tr_noop("A longer out-breath; no holds, so it pairs well with pressure."),
            {{kIn, s(4)}, {kOut, s(6)}},
            tr_noop("Beginners, and breathing while pressing on a sore spot."),
            {},
            "Longer exhales: more relaxation at 6 a minute [9]",
            minutes(5)}),
      make({"extended_exhale_3_7",
            tr_noop("Extended exhale 3/7"),
            tr_noop("A short in-breath and a long, easy out-breath."),
            {{kIn, s(3)}, {kOut, s(7)}},
            tr_noop("Winding down; the out-breath is where the body lets go."),
            {},
            "An inhale-to-exhale ratio of 0.42 at 6 a minute [9]",
            minutes(5)}),
      make({"extended_exhale_4_8",
            tr_noop("Extended exhale 4/8"),
            tr_noop("Four seconds in, eight out: 5 breaths a minute."),
            {{kIn, s(4)}, {kOut, s(8)}},
            tr_noop("People who find 4/6 easy and want a slower rhythm."),
            {},
            "Longer exhales [9]; the 4/8 split is a suggestion [D]",
            minutes(5)}),
      make({"box_4",
            // TRANSLATORS: the name of a breathing pattern: in, hold, out and hold, 4 seconds each.
            tr_noop("Box 4-4-4-4"),
            tr_noop("Equal in, hold, out, hold."),
            {{kIn, s(4)},
             {BreathPhase::HoldFull, s(4)},
             {kOut, s(4)},
             {BreathPhase::HoldEmpty, s(4)}},
            tr_noop("A focus reset before a stressful task."),
            {kHoldCaution},
            "Box breathing arm of Balban et al. 2023, 5 minutes a day [10]",
            minutes(5)}),
      make({"box_4_no_hold",
            tr_noop("Box without holds 4-4"),
            tr_noop("The box rhythm with the holds left out: four in, four out."),
            {{kIn, s(4)}, {kOut, s(4)}},
            tr_noop("Anyone who should not hold their breath."),
            {},
            "No-hold variant of box breathing [15][19] [D]",
            minutes(5)}),
      make({"relax_478",
            tr_noop("4-7-8 relaxing breath"),
            tr_noop("Breathe out fully, then in for 4, hold for 7, out for 8."),
            {{kIn, s(4)}, {BreathPhase::HoldFull, s(7)}, {kOut, s(8)}},
            tr_noop("Settling at bedtime; the ratio matters more than the seconds."),
            {kHoldCaution, tr_noop("Light-headedness is common at first. Four breaths at a time "
                                   "for the first month, then up to eight.")},
            "Andrew Weil's Relaxing Breath [14]",
            s(76),
            8,
            4,
            {tr_noop("Tip of the tongue on the ridge behind your upper front teeth."),
             tr_noop("Breathe out through the mouth, in quietly through the nose.")}}),
      make({"cyclic_sigh",
            tr_noop("Cyclic sighing"),
            tr_noop("Two in-breaths through the nose, then a long sigh out through the mouth."),
            {{kIn, s(2)}, {BreathPhase::TopUp, s(1)}, {kOut, s(6)}},
            tr_noop("Quick calming, 5 minutes a day, and before or after massage."),
            {},
            "Balban et al. 2023: cyclic sighing, 5 minutes a day [10]",
            minutes(5),
            0,
            0,
            {tr_noop("In through the nose, a second short sniff to top up, then a slow sigh "
                     "out.")}}),
      make({"diaphragmatic",
            tr_noop("Belly breathing"),
            tr_noop("Slow breaths that move the belly, not the chest."),
            {{kIn, s(4)}, {kOut, s(6)}},
            tr_noop("Learning to breathe low; practise lying down first."),
            {},
            "HealthLinkBC diaphragmatic breathing, about 10 minutes [16]",
            minutes(10),
            0,
            0,
            {tr_noop("One hand on your belly, one on your chest."),
             tr_noop("Your belly rises on the in-breath; your chest stays quiet."),
             tr_noop("Breathe out slowly through softly pursed lips.")}}),
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

double BreathPattern::rate_per_minute() const {
  const auto us = cycle().count();
  return us > 0 ? 60e6 / static_cast<double>(us) : 0.0;
}

BreathPattern slowed(const BreathPattern& pattern) {
  BreathPattern out = pattern;
  out.id = pattern.id + "_slower";
  out.name = pattern.name + ", slower";
  for (auto& phase : out.phases) {
    // 25 % longer, in half-second steps, and at least half a second longer.
    const auto half_steps = (phase.length.count() * 5 / 4 + 250'000) / 500'000;
    phase.length = std::max(Duration{half_steps * 500'000}, phase.length + Duration{500'000});
  }
  return out;
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

  const bool has_top_up =
      std::any_of(pattern.phases.begin(), pattern.phases.end(),
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
        case BreathPhase::TopUp:
          point.volume = volume + (1.0 - volume) * e;
          break;
        case BreathPhase::Exhale:
          point.volume = volume * (1.0 - e);
          break;
        case BreathPhase::HoldFull:
        case BreathPhase::HoldEmpty:
          point.volume = volume;
          break;
      }
      return point;
    }
    in_cycle -= phase.length;
    switch (phase.phase) {
      case BreathPhase::Inhale:
        volume = has_top_up ? kTopUpBase : 1.0;
        break;
      case BreathPhase::TopUp:
        volume = 1.0;
        break;
      case BreathPhase::Exhale:
        volume = 0.0;
        break;
      case BreathPhase::HoldFull:
      case BreathPhase::HoldEmpty:
        break;
    }
  }
  return point;
}

std::string phase_word(BreathPhase phase) {
  switch (phase) {
    case BreathPhase::Inhale:
      // TRANSLATORS: the word under the breathing pacer for each phase of a breath; keep it short.
      return trc("breath phase", "Breathe in");
    case BreathPhase::TopUp:
      // TRANSLATORS: a second, short breath in on top of a full one (cyclic sighing).
      return trc("breath phase", "Top up");
    case BreathPhase::HoldFull:
      // TRANSLATORS: holding the breath, in or out.
      return trc("breath phase", "Hold");
    case BreathPhase::Exhale:
      return trc("breath phase", "Breathe out");
    case BreathPhase::HoldEmpty:
      // TRANSLATORS: the pause with empty lungs before the next breath in.
      return trc("breath phase", "Rest");
  }
  return "";
}

namespace {

constexpr std::string_view kSlowerSuffix = ", slower";

}  // namespace

std::string pattern_name(const BreathPattern& pattern) {
  std::string_view name = pattern.name;
  const bool slower = pattern.id.ends_with("_slower") && name.ends_with(kSlowerSuffix);
  if (slower) name.remove_suffix(kSlowerSuffix.size());
  std::string shown = pattern.custom ? std::string(name) : tr(name);
  // TRANSLATORS: a breathing pattern slowed down for someone who felt dizzy ({name} is the
  // pattern's own name: "Extended exhale 4/6, slower").
  if (slower) shown = fill(tr("{name}, slower"), {{"name", shown}});
  return shown;
}

BreathPattern translated_pattern(const BreathPattern& pattern) {
  BreathPattern out = pattern;
  out.name = pattern_name(pattern);
  if (!out.summary.empty()) out.summary = tr(out.summary);
  if (!out.suits.empty()) out.suits = tr(out.suits);
  for (std::string& caution : out.cautions) caution = tr(caution);
  for (std::string& cue : out.cues) cue = tr(cue);
  return out;
}

}  // namespace unknot::core
