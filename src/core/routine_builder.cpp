#include "core/routine_builder.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string_view>

#include "core/breath.h"
#include "core/list_text.h"
#include "core/translate.h"

namespace unknot::core {
namespace {

using namespace std::chrono_literals;

// domain.md §5.4: 2-5 min of breathing first (2-3 by default), 1-2 min at the end; §6.5: holds
// of 20-90 s, 30 s rest between them, at most 3 holds per point.
constexpr std::string_view kOpenPattern = "resonance_6";
constexpr std::string_view kRestPattern = kPressurePatternId;
constexpr std::string_view kClosePattern = "extended_exhale_3_7";
constexpr Duration kOpenMin = 120s;
constexpr Duration kOpenDefaultMax = 180s;
constexpr Duration kOpenMax = 300s;
constexpr Duration kCloseMin = 60s;
constexpr Duration kCloseMax = 120s;
constexpr Duration kRest = 30s;
constexpr Duration kShortRest = 20s;
constexpr int kMinHold = 20;
constexpr int kMaxHold = 90;
constexpr int kMinShortenedHold = 30;
constexpr int kMaxRounds = 3;
constexpr std::size_t kMaxIdChars = 64;
constexpr std::size_t kMaxTitleChars = 80;
constexpr std::size_t kMaxToolChars = 80;
constexpr std::size_t kMaxCautions = 20;
constexpr std::size_t kMaxSources = 30;

struct Plan {
  int rounds = 1;
  std::vector<int> holds;  // seconds per muscle
  int open_breaths = 0;
  int close_breaths = 0;
  int rest_breaths = 0;
};

struct Cycles {
  Duration open{}, rest{}, close{};
};

Duration planned_total(const Plan& plan, const std::vector<const MuscleInfo*>& muscles,
                       const Cycles& c) {
  Duration total = c.open * plan.open_breaths + c.close * plan.close_breaths;
  for (std::size_t i = 0; i < muscles.size(); ++i) {
    total += std::chrono::seconds(plan.holds[i]) * (muscles[i]->sided ? 2 : 1) * plan.rounds;
  }
  const auto holds = static_cast<int>(muscles.size()) * plan.rounds;
  total += c.rest * plan.rest_breaths * (holds - 1);
  return total;
}

int breaths_for(Duration length, Duration cycle) {
  return static_cast<int>((length + cycle - 1us) / cycle);
}

void add_unique(std::vector<std::string>& to, const std::vector<std::string>& items,
                std::size_t limit) {
  for (const std::string& item : items) {
    if (to.size() >= limit) return;
    if (std::find(to.begin(), to.end(), item) == to.end()) to.push_back(item);
  }
}

std::string lower_first(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

// The muscles' names (in the current language: the library is translated as it is read,
// core/content_language.h), every one after the first lower-cased when `lower`.
std::vector<std::string> shown_names(const std::vector<const MuscleInfo*>& muscles, bool lower) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < muscles.size(); ++i) {
    names.push_back(lower && i > 0 ? lower_first(muscles[i]->name) : muscles[i]->name);
  }
  return names;
}

// "A", "A and B", "A, B and C".
std::string joined_names(const std::vector<const MuscleInfo*>& muscles, bool lower) {
  return and_list(shown_names(muscles, lower));
}

// The title of a muscle's step in round `round` (0-based): its name alone in the first; in
// later ones "Masseter, second round", in the current language.
std::string round_title(const MuscleInfo& m, int round) {
  if (round == 0) return m.name;
  // TRANSLATORS: the title of a muscle's step when the routine goes round its muscles again
  // ({muscle} as "Masseter").
  const std::string text = round == 1 ? tr("{muscle}, second round") : tr("{muscle}, third round");
  return fill(text, {{"muscle", m.name}});
}

std::size_t chars(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool is_one_line(std::string_view s) {
  return s.find_first_not_of(' ') != std::string_view::npos &&
         std::none_of(s.begin(), s.end(), [](char c) {
           const auto b = static_cast<unsigned char>(c);
           return b < 0x20 || b == 0x7F;
         });
}

StepSpec breathing(std::string title, std::string instruction, std::string_view pattern,
                   int breaths) {
  StepSpec s;
  s.kind = StepKind::Breathing;
  s.title = std::move(title);
  s.instruction = std::move(instruction);
  s.pattern_id = std::string(pattern);
  s.breaths = breaths;
  return s;
}

// The plan: as few rounds as reach 10 minutes, breathing lengthened before holds, and never
// more than 15 minutes (shorter rests, then shorter holds). Nullopt when it cannot fit.
std::optional<Plan> make_plan(const std::vector<const MuscleInfo*>& muscles, const Cycles& c) {
  const Duration min_total = std::chrono::seconds(kMinBuiltSeconds);
  const Duration max_total = std::chrono::seconds(kMaxBuiltSeconds);
  Plan plan;
  for (const MuscleInfo* m : muscles)
    plan.holds.push_back(std::clamp(m->hold_seconds, kMinHold, kMaxHold));
  plan.open_breaths = breaths_for(kOpenMin, c.open);
  plan.close_breaths = breaths_for(kCloseMin, c.close);
  plan.rest_breaths = breaths_for(kRest, c.rest);
  // Fewest rounds that reach 10 minutes with the usual breathing lengths.
  for (plan.rounds = 1; plan.rounds < kMaxRounds; ++plan.rounds) {
    Plan longest = plan;
    longest.open_breaths = breaths_for(kOpenDefaultMax, c.open);
    longest.close_breaths = breaths_for(kCloseMax, c.close);
    if (planned_total(longest, muscles, c) >= min_total) break;
  }
  // Lengthen: the opening to 3 min, the close to 2, the opening to 5, then the holds.
  const auto grow = [&](int& breaths, Duration cycle, Duration limit) {
    while (planned_total(plan, muscles, c) < min_total && cycle * (breaths + 1) <= limit) {
      ++breaths;
    }
  };
  grow(plan.open_breaths, c.open, kOpenDefaultMax);
  grow(plan.close_breaths, c.close, kCloseMax);
  grow(plan.open_breaths, c.open, kOpenMax);
  bool grew = true;
  while (planned_total(plan, muscles, c) < min_total && grew) {
    grew = false;
    for (int& hold : plan.holds) {
      if (hold < kMaxHold && planned_total(plan, muscles, c) < min_total) {
        ++hold;
        grew = true;
      }
    }
  }
  if (planned_total(plan, muscles, c) < min_total) return std::nullopt;
  // Shorten: rests to 20 s, then the longest holds, down to 30 s.
  if (planned_total(plan, muscles, c) > max_total) {
    plan.rest_breaths = breaths_for(kShortRest, c.rest);
  }
  while (planned_total(plan, muscles, c) > max_total) {
    const auto longest = std::max_element(plan.holds.begin(), plan.holds.end());
    if (*longest <= kMinShortenedHold) return std::nullopt;
    --*longest;
  }
  return plan;
}

}  // namespace

std::string built_routine_id(const std::vector<std::string>& muscle_ids) {
  std::string joined;
  for (const std::string& id : muscle_ids) {
    if (!joined.empty()) joined += '-';
    joined += id;
  }
  const std::string readable = "custom_" + joined;
  if (readable.size() <= kMaxIdChars) return readable;
  // FNV-1a, 64 bits: stable across runs and platforms, unlike std::hash.
  std::uint64_t hash = 14695981039346656037ull;
  for (char ch : joined) {
    hash ^= static_cast<unsigned char>(ch);
    hash *= 1099511628211ull;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "custom_";
  for (int shift = 60; shift >= 0; shift -= 4) out += kHex[(hash >> shift) & 0xF];
  return out;
}

BuildResult build_routine(const BuildRequest& request, const MuscleLibrary& library,
                          const PatternLookup& lookup) {
  BuildResult result;
  const auto& ids = request.muscle_ids;
  if (ids.empty()) {
    // TRANSLATORS: why no routine could be made from the muscles the person chose.
    result.problem = tr("choose at least one muscle");
    return result;
  }
  if (ids.size() > static_cast<std::size_t>(kMaxBuiltMuscles)) {
    result.problem =
        // TRANSLATORS: {most} is the most muscles a routine may have, {n} how many were chosen.
        fill(tr("choose at most {most} muscles (got {n}); a routine stays within 15 "
                "minutes"),
             {{"most", std::to_string(kMaxBuiltMuscles)}, {"n", std::to_string(ids.size())}});
    return result;
  }
  std::vector<const MuscleInfo*> muscles;
  for (const std::string& id : ids) {
    const MuscleInfo* m = library.find(id);
    if (!m) {
      // TRANSLATORS: {id} is the muscle's id as the program knows it, as "upper_trapezius".
      result.problem = fill(tr("unknown muscle \"{id}\""), {{"id", id}});
      return result;
    }
    if (std::find(muscles.begin(), muscles.end(), m) != muscles.end()) {
      result.problem =
          fill(tr("{muscle} is chosen twice; choose each muscle once"), {{"muscle", m->name}});
      return result;
    }
    if (m->therapist_only && !request.allow_therapist_only) {
      result.problem = fill(tr("{muscle} is pressed only when a therapist has unlocked it"),
                            {{"muscle", m->name}});
      return result;
    }
    muscles.push_back(m);
  }
  if (!request.title.empty() &&
      (!is_one_line(request.title) || chars(request.title) > kMaxTitleChars)) {
    result.problem = tr("the title must be one line of at most 80 characters");
    return result;
  }
  const PatternLookup& patterns = lookup ? lookup : builtin_pattern_lookup();
  Cycles cycles;
  for (auto [id, cycle] :
       {std::pair{kOpenPattern, &cycles.open}, std::pair{kRestPattern, &cycles.rest},
        std::pair{kClosePattern, &cycles.close}}) {
    const BreathPattern* p = patterns(id);
    if (!p || p->cycle() <= Duration::zero()) {
      result.problem =
          // TRANSLATORS: {id} is a breathing pattern's id, as "resonance_6".
          fill(tr("the breathing pattern \"{id}\" is not available"), {{"id", std::string(id)}});
      return result;
    }
    *cycle = p->cycle();
  }
  const auto plan = make_plan(muscles, cycles);
  if (!plan) {
    result.problem = tr("these muscles do not fit a routine of 10 to 15 minutes");
    return result;
  }

  // The routine's texts are made in the current language, as a built-in routine's come in it
  // (core/content_language.h); its tools stay English, as every tool text does (the safety
  // rules read them), and are shown through tool_text.
  Routine r;
  r.id = built_routine_id(ids);
  r.title = request.title;
  if (r.title.empty()) {
    r.title = joined_names(muscles, true);
    if (chars(r.title) > kMaxTitleChars) {
      // TRANSLATORS: a routine's title when its muscles' names are too long to list: {muscle}
      // is the first muscle's name, {n} how many others there are.
      r.title = fill(trn("{muscle} and {n} more", "{muscle} and {n} more", muscles.size() - 1),
                     {{"muscle", muscles[0]->name}, {"n", std::to_string(muscles.size() - 1)}});
    }
  }
  // TRANSLATORS: a made routine's summary; {muscles} names them, as "upper trapezius and
  // masseter".
  r.summary = fill(tr("Holds on the {muscles}, each eased in on a slow out-breath. It may ease "
                      "tension and tenderness there."),
                   {{"muscles", lower_first(joined_names(muscles, true))}});
  for (const MuscleInfo* m : muscles) {
    if (std::find(r.regions.begin(), r.regions.end(), m->region) == r.regions.end()) {
      r.regions.push_back(m->region);
    }
    std::string tool = r.tool.empty() ? m->tool : r.tool + ", " + lower_first(m->tool);
    if (r.tool.find(m->tool) == std::string::npos && chars(tool) <= kMaxToolChars) r.tool = tool;
  }
  for (const MuscleInfo* m : muscles) add_unique(r.cautions, m->cautions, kMaxCautions);
  add_unique(r.cautions,
             {tr("Aim for 5-6 out of 10 and never above 7. If you hold your breath or brace, "
                 "ease off."),
              tr("Move off at once if you feel electric, shooting or burning pain, numbness "
                 "or tingling, or a pulse under your fingers or the ball.")},
             kMaxCautions);
  for (const MuscleInfo* m : muscles) add_unique(r.sources, m->sources, kMaxSources);
  add_unique(r.sources,
             {"[9] Van Diest 2014: a longer out-breath and relaxation",
              "[20] Breathing through pressure (practice sources)",
              "[23] Gemmell 2008: holds of 30 s to 1 min"},
             kMaxSources);

  // TRANSLATORS: the title of the breathing step that opens a routine.
  r.steps.push_back(breathing(tr("Settle in"),
                              tr("Let your shoulders drop. Breathe gently, low and slow."),
                              kOpenPattern, plan->open_breaths));
  bool first = true;
  for (int round = 0; round < plan->rounds; ++round) {
    for (std::size_t i = 0; i < muscles.size(); ++i) {
      const MuscleInfo& m = *muscles[i];
      if (!first) {
        r.steps.push_back(breathing(tr("Rest"),
                                    tr("Let go of the pressure and breathe out slowly."),
                                    kRestPattern, plan->rest_breaths));
      }
      first = false;
      StepSpec s;
      s.kind = StepKind::Pressure;
      s.muscle = m.id;
      s.title = round_title(m, round);
      s.sides = m.sided ? Sides::Both : Sides::None;
      s.tool = m.tool;
      s.posture = m.posture;
      s.instruction = m.instruction;
      s.referral = m.referral;
      s.pattern_id = std::string(kPressurePatternId);
      s.duration = std::chrono::seconds(plan->holds[i]);
      s.pressure_target = std::clamp(m.pressure, 1, 7);
      r.steps.push_back(std::move(s));
    }
  }
  // TRANSLATORS: the title of the breathing step that ends a routine.
  r.steps.push_back(breathing(tr("Close"), tr("A short breath in, then a long, easy breath out."),
                              kClosePattern, plan->close_breaths));
  result.routine = std::move(r);
  return result;
}

}  // namespace unknot::core
