#include "core/routine_validation.h"

#include <charconv>
#include <chrono>
#include <cmath>
#include <map>
#include <utility>

#include "core/number_text.h"
#include "core/routine_parser.h"
#include "core/translate.h"

namespace unknot::core {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

// Limits, documented in README "Routine files". Text limits follow what fits the screens: a
// step title is a heading, an instruction at most two lines on a phone.
constexpr std::size_t kMaxTitleChars = 80;
constexpr std::size_t kMaxSummaryChars = 400;
constexpr std::size_t kMaxToolChars = 80;
constexpr std::size_t kMaxRegions = 10;
constexpr std::size_t kMaxRegionChars = 40;
constexpr std::size_t kMaxCautions = 20;
constexpr std::size_t kMaxSources = 30;
constexpr std::size_t kMaxListTextChars = 300;
constexpr std::size_t kMaxSteps = 60;
constexpr std::size_t kMaxStepTitleChars = 60;
constexpr std::size_t kMaxInstructionChars = 200;
constexpr std::size_t kMaxPostureChars = 120;
constexpr std::size_t kMaxReferralChars = 160;
constexpr std::size_t kMaxPatternIdChars = 64;
constexpr std::int64_t kMinBreathingSeconds = 5;
constexpr std::int64_t kMaxBreathingSeconds = 1800;
constexpr std::int64_t kMaxBreaths = 200;
// domain.md §6.5: a hold is 20-90 s and a point gets at most 3 holds, which also keeps it
// under the "about 5 minutes per point" there (3 x 90 s).
constexpr std::int64_t kMinHoldSeconds = 20;
constexpr std::int64_t kMaxHoldSeconds = 90;
constexpr int kMaxHoldsPerPoint = 3;
// domain.md §2.3 and §6.5: 1-3 reps of a hold with about 30 s of rest between them.
constexpr std::int64_t kMaxReps = kMaxHoldsPerPoint;
constexpr std::int64_t kMaxRestSeconds = 60;
constexpr Duration kDefaultRest = 30s;
// domain.md §2.2: target 5-6/10, never above 7.
constexpr std::int64_t kMaxPressure = 7;
// domain.md §1.3: Weil advises at most four 4-7-8 breaths at a time.
constexpr std::string_view kRelax478Id = "relax_478";
constexpr int kMaxRelax478Breaths = 4;
constexpr Duration kMaxRoutineLength = 60min;

constexpr std::string_view kRoutineFields[] = {
    "format_version", "id", "title", "summary", "tool", "regions", "cautions", "sources", "steps"};
constexpr std::string_view kStepFields[] = {
    "type",     "title",    "muscle",  "sides",      "tool",    "posture", "instruction",
    "referral", "pressure", "pattern", "duration_s", "breaths", "reps",    "rest_s"};
constexpr std::string_view kPressureOnlyFields[] = {"muscle",   "sides", "tool",  "referral",
                                                    "pressure", "reps",  "rest_s"};
constexpr std::string_view kStepTypes[] = {"breathing", "pressure"};
constexpr std::string_view kSideNames[] = {"none", "left", "right", "both"};

// `text` (a number written with '.') with the language's decimal separator.
std::string local_number(std::string text) {
  if (const std::size_t dot = text.find('.'); dot != std::string::npos) {
    // TRANSLATORS: the decimal separator, as in 13.5 min: "," in Spanish.
    text.replace(dot, 1, trc("decimal separator", "."));
  }
  return text;
}

// "4.5 s"
std::string seconds_text(Duration d) {
  // TRANSLATORS: a length in seconds ("4.5 s"); keep the unit short.
  return fill(tr("{n} s"), {{"n", local_number(shortest_text(to_seconds(d)))}});
}

// "61 min 30 s"
std::string minutes_text(Duration d) {
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(d);
  // TRANSLATORS: a length in whole minutes and seconds, as "61 min 30 s" ({seconds} holds its
  // unit).
  return fill(tr("{minutes} min {seconds}"), {{"minutes", std::to_string(minutes.count())},
                                              {"seconds", seconds_text(d - minutes)}});
}

std::string known_patterns(const PatternLookup& lookup) {
  std::string out;
  for (const BreathPattern& p : builtin_patterns()) {
    if (!lookup(p.id)) continue;
    if (!out.empty()) out += ", ";
    out += p.id;
  }
  return out;
}

Sides sides_from(std::string_view name) {
  if (name == "left") return Sides::Left;
  if (name == "right") return Sides::Right;
  if (name == "both") return Sides::Both;
  return Sides::None;
}

// The pattern named by the step, or the pressure default; nullptr after logging a problem.
const BreathPattern* read_pattern(FieldReader& r, StepKind kind, const PatternLookup& lookup,
                                  std::string& id_out) {
  const Need need = kind == StepKind::Breathing ? Need::Required : Need::Optional;
  auto id = r.text("pattern", need, kMaxPatternIdChars);
  if (!id && r.has("pattern")) return nullptr;
  id_out = id ? *id : std::string(kPressurePatternId);
  const BreathPattern* pattern = id ? lookup(*id) : nullptr;
  if (!id) {
    if (kind == StepKind::Breathing) return nullptr;  // already reported as missing
    pattern = lookup(kPressurePatternId);
  } else if (!pattern) {
    r.log().at_value(
        r.field("pattern"),
        // TRANSLATORS: {id} is the pattern id the file names; {patterns} lists the ids known.
        fill(tr("unknown breathing pattern \"{id}\"; known patterns: {patterns}"),
             {{"id", *id}, {"patterns", known_patterns(lookup)}}));
    return nullptr;
  }
  // domain.md §1.7: a breath hold under pressure turns into bracing, the opposite of release.
  if (pattern && kind == StepKind::Pressure && pattern->has_hold()) {
    r.log().at_value(
        r.field("pattern"),
        // TRANSLATORS: {id} is the pattern id the file names, {suggestion} one without holds.
        fill(tr("pressure steps cannot use \"{id}\": it holds the breath, and "
                "holding the breath under pressure makes you brace; use a pattern "
                "without holds, such as {suggestion}"),
             {{"id", id_out}, {"suggestion", kPressurePatternId}}));
    return nullptr;
  }
  return pattern;
}

// Reads duration_s or breaths and checks the played length against the step kind's limits.
std::optional<Duration> read_length(FieldReader& r, StepKind kind, const BreathPattern* pattern,
                                    std::string_view pattern_id, StepSpec& spec) {
  const bool has_duration = r.has("duration_s");
  const bool has_breaths = r.has("breaths");
  if (has_duration && has_breaths) {
    // TRANSLATORS: duration_s and breaths are field names of a routine file: keep them as they are.
    r.log().at_key(r.field("breaths"), tr("give either duration_s or breaths, not both"));
    return std::nullopt;
  }
  if (!has_duration && !has_breaths) {
    r.log().at_value(r.pointer(),
                     tr("needs a length: give \"duration_s\" (seconds) or \"breaths\" (a count)"));
    return std::nullopt;
  }
  const bool pressure = kind == StepKind::Pressure;
  const std::int64_t min_s = pressure ? kMinHoldSeconds : kMinBreathingSeconds;
  const std::int64_t max_s = pressure ? kMaxHoldSeconds : kMaxBreathingSeconds;
  const std::string limits =
      // TRANSLATORS: what a step's length may be, completing "must be ..." ({min} and {max} are
      // seconds).
      fill(pressure ? tr("between {min} and {max} seconds for a pressure hold")
                    : tr("between {min} and {max} seconds"),
           {{"min", std::to_string(min_s)}, {"max", std::to_string(max_s)}});
  Duration length{};
  std::string field;
  if (has_duration) {
    field = r.field("duration_s");
    auto seconds = r.whole_number("duration_s", Need::Required, min_s, max_s, limits);
    if (!seconds) return std::nullopt;
    spec.duration = std::chrono::seconds(*seconds);
    length = *spec.duration;
  } else {
    field = r.field("breaths");
    auto breaths = r.whole_number(
        "breaths", Need::Required, 1, kMaxBreaths,
        // TRANSLATORS: what a count may be, completing "must be ..." ({max} is a number).
        fill(tr("between 1 and {max}"), {{"max", std::to_string(kMaxBreaths)}}));
    if (!breaths) return std::nullopt;
    spec.breaths = static_cast<int>(*breaths);
    if (!pattern) return std::nullopt;
    length = pattern->cycle() * *breaths;
    if (length < std::chrono::seconds(min_s) || length > std::chrono::seconds(max_s)) {
      // TRANSLATORS: {n} breaths of the pattern {pattern} (its id) last {length} ("61 s");
      // {limits} as "between 5 and 1800 seconds".
      r.log().at_value(field, fill(trn("{n} breaths of {pattern} last {length}; a step must last "
                                       "{limits}",
                                       "{n} breaths of {pattern} last {length}; a step must last "
                                       "{limits}",
                                       static_cast<std::uint64_t>(*breaths)),
                                   {{"n", std::to_string(*breaths)},
                                    {"pattern", pattern_id},
                                    {"length", seconds_text(length)},
                                    {"limits", limits}}));
      return std::nullopt;
    }
  }
  if (pattern && pattern_id == kRelax478Id && length > pattern->cycle() * kMaxRelax478Breaths) {
    r.log().at_value(field,
                     // TRANSLATORS: relax_478 is a pattern's id; {n} breaths last {length}.
                     fill(tr("relax_478 is limited to {n} breaths ({length}) at a time, as "
                             "its author advises"),
                          {{"n", std::to_string(kMaxRelax478Breaths)},
                           {"length", seconds_text(pattern->cycle() * kMaxRelax478Breaths)}}));
    return std::nullopt;
  }
  return length;
}

// reps and rest_s of a pressure step: 1-3 holds per side, resting 0-60 s (default 30 s) between.
void read_reps(FieldReader& r, StepSpec& spec) {
  const bool has_reps = r.has("reps");
  const auto reps = r.whole_number(
      "reps", Need::Optional, 1, kMaxReps,
      // TRANSLATORS: completing "must be ..."; {max} and {most} are counts.
      fill(tr("between 1 and {max} holds per side: press one point at most {most} times"),
           {{"max", std::to_string(kMaxReps)}, {"most", std::to_string(kMaxHoldsPerPoint)}}));
  spec.reps = static_cast<int>(reps.value_or(1));
  if (!r.has("rest_s")) {
    spec.rest = spec.reps > 1 ? kDefaultRest : Duration{0};
    return;
  }
  // With one hold there is nothing to rest between; a stray rest_s usually means a forgotten reps.
  if (spec.reps == 1 && (!has_reps || reps)) {
    r.log().at_key(
        r.field("rest_s"),
        // TRANSLATORS: rest_s and reps are field names of a routine file: keep them as they are.
        tr("rest_s is the rest between reps, and this step has one rep; remove it, or "
           "give \"reps\": 2 or 3"));
    return;
  }
  const auto rest = r.whole_number("rest_s", Need::Optional, 0, kMaxRestSeconds,
                                   // TRANSLATORS: completing "must be ..."; {max} is seconds.
                                   fill(tr("between 0 and {max} seconds of rest between reps"),
                                        {{"max", std::to_string(kMaxRestSeconds)}}));
  spec.rest = std::chrono::seconds(rest.value_or(0));
}

// The step, when every one of its fields is valid; `length_out` is its played length per side.
std::optional<StepSpec> read_step(const json& value, const std::string& pointer, ProblemLog& log,
                                  const PatternLookup& lookup, Duration& length_out) {
  if (!value.is_object()) {
    log.at_value(pointer, fill(tr("each step must be an object {{ ... }} (got {value})"),
                               {{"value", describe(value)}}));
    return std::nullopt;
  }
  const std::size_t problems_before = log.count();
  FieldReader r(value, pointer, log);
  r.reject_unknown(kStepFields);
  StepSpec spec;
  spec.title = r.text("title", Need::Required, kMaxStepTitleChars).value_or("");
  const auto type = r.choice("type", Need::Required, kStepTypes);
  const bool pressure = type && *type == "pressure";
  spec.instruction =
      r.text("instruction", pressure ? Need::Required : Need::Optional, kMaxInstructionChars)
          .value_or("");
  spec.posture = r.text("posture", Need::Optional, kMaxPostureChars).value_or("");
  if (!type) return std::nullopt;  // without a kind, the remaining rules cannot apply

  spec.kind = pressure ? StepKind::Pressure : StepKind::Breathing;
  if (pressure) {
    spec.muscle = r.identifier("muscle", Need::Required).value_or("");
    spec.sides = sides_from(r.choice("sides", Need::Required, kSideNames).value_or("none"));
    spec.pressure_target =
        static_cast<int>(r.whole_number("pressure", Need::Required, 1, kMaxPressure,
                                        tr("between 1 and 7 out of 10: aim for 5-6, never above 7"))
                             .value_or(0));
    spec.tool = r.text("tool", Need::Optional, kMaxToolChars).value_or("");
    spec.referral = r.text("referral", Need::Optional, kMaxReferralChars).value_or("");
    read_reps(r, spec);
  } else {
    for (std::string_view key : kPressureOnlyFields) {
      // TRANSLATORS: {field} is a field name of a routine file, as "muscle".
      r.reject(key, fill(tr("only pressure steps have \"{field}\"; remove it, or make this a "
                            "pressure step"),
                         {{"field", key}}));
    }
  }
  const BreathPattern* pattern = read_pattern(r, spec.kind, lookup, spec.pattern_id);
  const auto length = read_length(r, spec.kind, pattern, spec.pattern_id, spec);
  if (!length || log.count() != problems_before) return std::nullopt;
  // Per side: every rep's hold and the rests between them.
  length_out = *length * spec.reps + spec.rest * (spec.reps - 1);
  return spec;
}

// "upper_trapezius (left side)": the muscle id as the file writes it.
std::string point_name(const std::string& muscle, Side side) {
  if (side == Side::None) return muscle;
  // TRANSLATORS: {muscle} is a muscle's id as a routine file writes it, as "upper_trapezius".
  return fill(side == Side::Left ? tr("{muscle} (left side)") : tr("{muscle} (right side)"),
              {{"muscle", muscle}});
}

// domain.md §6.5 counts per point: a "both" step presses each side once.
void check_holds_per_point(const std::vector<StepSpec>& steps,
                           const std::vector<std::string>& placed, ProblemLog& log) {
  std::map<std::pair<std::string, Side>, int> holds;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const StepSpec& s = steps[i];
    if (s.kind != StepKind::Pressure) continue;
    std::vector<Side> sides;
    if (s.sides == Sides::None) sides = {Side::None};
    if (s.sides == Sides::Left || s.sides == Sides::Both) sides.push_back(Side::Left);
    if (s.sides == Sides::Right || s.sides == Sides::Both) sides.push_back(Side::Right);
    for (Side side : sides) {
      // Only the first excess is reported: one problem per point is enough to act on.
      int& count = holds[{s.muscle, side}];
      const int before = count;
      count += s.reps;
      if (before > kMaxHoldsPerPoint || count <= kMaxHoldsPerPoint) continue;
      const std::string point = point_name(s.muscle, side);
      const std::string most = std::to_string(kMaxHoldsPerPoint);
      if (s.reps == 1) {
        log.at_value(
            pointer_append(placed[i], "muscle"),
            // TRANSLATORS: {n} counts the holds on one point ({point}) so far; {most} is the limit.
            fill(tr("this is hold {n} on {point}; press one point at most {most} times "
                    "per routine"),
                 {{"n", std::to_string(count)}, {"point", point}, {"most", most}}));
      } else {
        log.at_value(pointer_append(placed[i], "muscle"),
                     // TRANSLATORS: the step's {reps} reps make {n} holds on one point ({point}) so
                     // far; {most} is the limit.
                     fill(tr("with its {reps} reps this step makes {n} holds on {point}; press one "
                             "point at most {most} times per routine"),
                          {{"reps", std::to_string(s.reps)},
                           {"n", std::to_string(count)},
                           {"point", point},
                           {"most", most}}));
      }
    }
  }
}

}  // namespace

Routine validate_routine(const json& root, ProblemLog& log, const PatternLookup& lookup,
                         std::string_view pointer) {
  Routine routine;
  if (!root.is_object()) {
    log.at_value(
        std::string(pointer),
        fill(pointer.empty() ? tr("a routine file must hold one JSON object {{ ... }} (got "
                                  "{value})")
                             : tr("the routine must be one JSON object {{ ... }} (got "
                                  "{value})"),
             {{"value", describe(root)}}));
    return routine;
  }
  FieldReader r(root, std::string(pointer), log);
  // A newer file may use fields this version does not know: one clear problem beats a list of
  // confusing ones.
  if (const auto it = root.find("format_version");
      it != root.end() && it->is_number() && it->get<double>() > kRoutineFormatVersion &&
      std::floor(it->get<double>()) == it->get<double>()) {
    log.at_value(
        r.field("format_version"),
        // TRANSLATORS: {format} is the file's format number, {version} the newest this app reads.
        fill(tr("this file needs a newer version of Unknot (format {format}; this app "
                "reads up to {version})"),
             {{"format", describe(*it)}, {"version", std::to_string(kRoutineFormatVersion)}}),
        tr("update Unknot to open it"));
    return routine;
  }
  const std::string versions =
      kRoutineFormatVersion == 1
          // TRANSLATORS: completing "must be ..." for a file's format number.
          ? tr("equal to 1")
          : fill(tr("between 1 and {max}"), {{"max", std::to_string(kRoutineFormatVersion)}});
  r.reject_unknown(kRoutineFields);
  auto version =
      r.whole_number("format_version", Need::Required, 1, kRoutineFormatVersion, versions);
  routine.format_version = static_cast<int>(version.value_or(kRoutineFormatVersion));
  routine.id = r.identifier("id", Need::Required).value_or("");
  routine.title = r.text("title", Need::Required, kMaxTitleChars).value_or("");
  routine.summary = r.text("summary", Need::Optional, kMaxSummaryChars).value_or("");
  routine.tool = r.text("tool", Need::Optional, kMaxToolChars).value_or("");
  routine.regions = r.text_list("regions", Need::Optional, kMaxRegions, kMaxRegionChars)
                        .value_or(std::vector<std::string>{});
  routine.cautions = r.text_list("cautions", Need::Optional, kMaxCautions, kMaxListTextChars)
                         .value_or(std::vector<std::string>{});
  routine.sources = r.text_list("sources", Need::Optional, kMaxSources, kMaxListTextChars)
                        .value_or(std::vector<std::string>{});

  const json* steps = r.array("steps", Need::Required, 1, kMaxSteps);
  if (!steps) return routine;
  std::vector<std::string> placed;  // pointer of each step in routine.steps
  Duration total{};
  bool all_steps_read = true;
  const std::string steps_pointer = r.field("steps");
  for (std::size_t i = 0; i < steps->size(); ++i) {
    const std::string step_pointer = pointer_append(steps_pointer, i);
    Duration length{};
    auto spec = read_step((*steps)[i], step_pointer, log, lookup, length);
    total += length * (spec && spec->sides == Sides::Both ? 2 : 1);
    if (!spec) {
      all_steps_read = false;
      continue;
    }
    routine.steps.push_back(std::move(*spec));
    placed.push_back(step_pointer);
  }
  check_holds_per_point(routine.steps, placed, log);
  if (all_steps_read && total > kMaxRoutineLength) {
    // TRANSLATORS: {length} as "61 min 30 s".
    log.at_value(steps_pointer, fill(tr("the routine lasts {length} in all; a routine may last at "
                                        "most 60 minutes"),
                                     {{"length", minutes_text(total)}}));
  }
  return routine;
}

}  // namespace unknot::core
