// Notes on behaviour the header leaves open:
// - "Today" is Progress's local day when loaded, else the clock's day at the machine's offset.
#include "app/builder_draft.h"

#include <algorithm>
#include <cmath>

#include "core/content_language.h"
#include "core/translate.h"

namespace unknot::app {

using namespace std::chrono;

core::Day builder_today(const AppModel& m) {
  return m.progress ? m.progress->today : core::local_day(m.wall_now, minutes{m.utc_offset_min});
}

double cycle_seconds(const std::string& pattern_id) {
  const auto* p = core::find_builtin_pattern(pattern_id);
  return p ? std::max(1.0, core::to_seconds(p->cycle())) : 10.0;
}

int min_breaths(const std::string& pattern_id) {
  return static_cast<int>(std::ceil(kMinHoldSeconds / cycle_seconds(pattern_id) - 1e-9));
}
int max_breaths(const std::string& pattern_id) {
  return static_cast<int>(std::floor(kMaxHoldSeconds / cycle_seconds(pattern_id) + 1e-9));
}

int hold_seconds(const core::StepSpec& s) {
  if (s.duration) return static_cast<int>(duration_cast<seconds>(*s.duration).count());
  return static_cast<int>(std::lround(s.breaths.value_or(1) * cycle_seconds(s.pattern_id)));
}

void set_seconds(core::StepSpec& s, int secs) {
  secs =
      std::clamp((secs + kHoldStep / 2) / kHoldStep * kHoldStep, kMinHoldSeconds, kMaxHoldSeconds);
  s.duration = seconds{secs};
  s.breaths.reset();
}

void set_breaths(core::StepSpec& s, int breaths) {
  s.breaths = std::clamp(breaths, min_breaths(s.pattern_id), max_breaths(s.pattern_id));
  s.duration.reset();
}

namespace {

// The pattern after (or before) `id` in `list`, going round.
std::string cycle_pattern(const std::vector<const core::BreathPattern*>& list,
                          const std::string& id, int delta) {
  if (list.empty()) return id;
  const auto n = static_cast<int>(list.size());
  int at = 0;
  for (int i = 0; i < n; ++i) {
    if (list[static_cast<std::size_t>(i)]->id == id) at = i;
  }
  return list[static_cast<std::size_t>(((at + delta) % n + n) % n)]->id;
}

template <class T, class Nudge>
bool changes(const T& value, Nudge nudge) {
  T next = value;
  nudge(next);
  return !(next == value);
}

}  // namespace

void nudge_block(HomeworkDraft& d, BuilderValue v, int delta) {
  switch (v) {
    case BuilderValue::SettleMinutes:
      d.settle_minutes = std::clamp(d.settle_minutes + delta, 1, kMaxBlockMinutes);
      break;
    case BuilderValue::CloseMinutes:
      d.close_minutes = std::clamp(d.close_minutes + delta, 1, kMaxBlockMinutes);
      break;
    case BuilderValue::SettlePattern:
      d.settle_pattern = cycle_pattern(block_patterns(), d.settle_pattern, delta);
      break;
    case BuilderValue::ClosePattern:
      d.close_pattern = cycle_pattern(block_patterns(), d.close_pattern, delta);
      break;
    default:
      break;
  }
}

void nudge_step(core::StepSpec& s, BuilderValue v, int delta) {
  switch (v) {
    case BuilderValue::Hold:
      if (s.breaths) {
        set_breaths(s, *s.breaths + delta);
      } else {
        set_seconds(s, hold_seconds(s) / kHoldStep * kHoldStep + delta * kHoldStep);
      }
      break;
    case BuilderValue::Reps:
      s.reps = std::clamp(s.reps + delta, 1, kMaxReps);
      if (s.reps == 1) {
        s.rest = {};
      } else if (s.rest == core::Duration{} && delta > 0) {
        s.rest = seconds{kDefaultRestSeconds};
      }
      break;
    case BuilderValue::Rest:
      if (s.reps > 1) {
        const auto rest = static_cast<int>(duration_cast<seconds>(s.rest).count());
        s.rest = seconds{std::clamp(rest / 5 * 5 + delta * 5, 0, kMaxRestSeconds)};
      }
      break;
    case BuilderValue::Pressure:
      s.pressure_target = std::clamp(s.pressure_target + delta, 1, kMaxPressure);
      break;
    case BuilderValue::StepPattern:
      s.pattern_id = cycle_pattern(hold_patterns(), s.pattern_id, delta);
      if (s.breaths) set_breaths(s, *s.breaths);
      break;
    default:
      break;
  }
}

void nudge_plan(HomeworkDraft& d, core::Day today, BuilderValue v, int delta) {
  switch (v) {
    case BuilderValue::TimesPerDay:
      d.times_per_day = std::clamp(d.times_per_day + delta, 1, kMaxTimesPerDay);
      break;
    case BuilderValue::Weeks:
      d.weeks = std::clamp(d.weeks + delta, 1, kMaxWeeks);
      break;
    case BuilderValue::StartDay:
    case BuilderValue::StartWeek: {
      const int step = v == BuilderValue::StartWeek ? 7 : 1;
      const core::Day start = d.start.value_or(today) + days{delta * step};
      d.start = std::clamp(start, today, today + days{kMaxStartDays});
      break;
    }
    default:
      break;
  }
}

bool block_can(const HomeworkDraft& d, BuilderValue v, int delta) {
  return changes(d, [&](HomeworkDraft& x) { nudge_block(x, v, delta); });
}

bool step_can(const core::StepSpec& s, BuilderValue v, int delta) {
  return changes(s, [&](core::StepSpec& x) { nudge_step(x, v, delta); });
}

bool plan_can(const HomeworkDraft& d, core::Day today, BuilderValue v, int delta) {
  // An unset start is today: moving it to today is no change.
  HomeworkDraft from = d;
  from.start = d.start.value_or(today);
  return changes(from, [&](HomeworkDraft& x) { nudge_plan(x, today, v, delta); });
}

namespace {

// "Step 2 (Upper trapezius)" for a problem's JSON pointer: the part of the draft it is about.
std::string problem_place(const HomeworkDraft& d, std::string_view field) {
  constexpr std::string_view kSteps = "/routine/steps/";
  if (field.starts_with(kSteps)) {
    std::size_t k = 0;
    std::size_t i = kSteps.size();
    for (; i < field.size() && field[i] >= '0' && field[i] <= '9'; ++i)
      k = k * 10 + static_cast<std::size_t>(field[i] - '0');
    // TRANSLATORS: the breathing block that opens the homework routine (a heading).
    if (k == 0) return core::trc("breathing block", "Breathing in");
    // TRANSLATORS: the breathing block that closes the homework routine (a heading).
    if (k > d.steps.size()) return core::trc("breathing block", "Breathing out");
    // TRANSLATORS: a pressure step of the homework: {n} its number, {muscle} its muscle.
    return core::fill(core::tr("Step {n} ({muscle})"),
                      {{"n", std::to_string(k)}, {"muscle", d.steps[k - 1].title}});
  }
  // TRANSLATORS: the parts of a homework draft a problem can be about (before its sentence).
  if (field == "/routine/title") return core::trc("homework part", "Title");
  if (field.starts_with("/routine")) return core::trc("homework part", "Routine");
  if (field == "/prescription/days") return core::trc("homework part", "Days");
  if (field.starts_with("/prescription/therapist")) return core::trc("homework part", "Therapist");
  if (field.starts_with("/prescription/note")) return core::trc("homework part", "Note");
  if (field.starts_with("/prescription")) return core::trc("homework part", "Schedule");
  return "";
}

// A problem as a sentence naming its place: "Step 2 (Upper trapezius): …".
std::string problem_text(const HomeworkDraft& d, std::string_view field,
                         const std::string& message) {
  const std::string place = problem_place(d, field);
  if (place.empty()) return message;
  // TRANSLATORS: a problem with the homework draft: {place} is the part ("Title", "Step 2
  // (Upper trapezius)"), {problem} what is wrong.
  return core::fill(core::trc("homework problem", "{place}: {problem}"),
                    {{"place", place}, {"problem", message}});
}

}  // namespace

std::vector<const core::BreathPattern*> block_patterns() {
  std::vector<const core::BreathPattern*> out;
  for (const auto& p : core::builtin_patterns()) {
    if (p.max_breaths == 0) out.push_back(&p);
  }
  return out;
}

std::vector<const core::BreathPattern*> hold_patterns() {
  std::vector<const core::BreathPattern*> out;
  for (const auto& p : core::builtin_patterns()) {
    if (p.max_breaths == 0 && !p.has_hold()) out.push_back(&p);
  }
  return out;
}

core::StepSpec step_for(const core::MuscleInfo& muscle) {
  core::StepSpec s;
  s.kind = core::StepKind::Pressure;
  s.muscle = muscle.id;
  s.title = muscle.name;
  s.sides = muscle.sided ? core::Sides::Both : core::Sides::None;
  s.tool = muscle.tool;
  s.posture = muscle.posture;
  s.instruction = muscle.instruction;
  s.referral = muscle.referral;
  s.pattern_id = std::string(core::kPressurePatternId);
  set_seconds(s, muscle.hold_seconds);
  s.pressure_target = std::clamp(muscle.pressure, 1, kMaxPressure);
  return s;
}

std::string breaths_text(int breaths) {
  const auto count = static_cast<std::uint64_t>(std::max(0, breaths));
  // TRANSLATORS: a hold's length in breaths.
  return core::fill(core::trn("{n} breath", "{n} breaths", count),
                    {{"n", std::to_string(breaths)}});
}

std::string seconds_text(int seconds) {
  // TRANSLATORS: seconds, as in "45 s" (the symbol stays "s" in most languages).
  return core::fill(core::trc("unit", "{n} s"), {{"n", std::to_string(seconds)}});
}

std::string supervised_text(const std::string& detail) {
  // TRANSLATORS: a muscle that only a therapist's homework may include; {detail} is its dose.
  return core::fill(core::tr("Supervised · {detail}"), {{"detail", detail}});
}

std::string step_dose_text(const core::StepSpec& s) {
  std::string sides;
  switch (s.sides) {
    case core::Sides::Both:
      sides = core::tr("Both sides");
      break;
    case core::Sides::Left:
      sides = core::trc("side", "Left");
      break;
    case core::Sides::Right:
      sides = core::trc("side", "Right");
      break;
    case core::Sides::None:
      // TRANSLATORS: a step on the body's midline (neither side).
      sides = core::trc("side", "Midline");
      break;
  }
  std::string hold = s.breaths ? breaths_text(*s.breaths) : seconds_text(hold_seconds(s));
  if (s.reps > 1) hold = std::to_string(s.reps) + " \u00D7 " + hold;
  return sides + " \u00B7 " + hold + " \u00B7 " + std::to_string(s.pressure_target) + "/10";
}

core::Day draft_start(const AppModel& m) {
  return m.homework_draft.start.value_or(builder_today(m));
}

core::Day draft_end(const AppModel& m) {
  return draft_start(m) + days{7 * m.homework_draft.weeks - 1};
}

core::Homework draft_homework(const AppModel& m) {
  const HomeworkDraft& d = m.homework_draft;
  core::Homework h;
  h.id = d.id;
  h.revision = std::max(1, d.revision);
  core::Routine& r = h.routine;
  r.id = d.id.empty() ? "hw-draft" : d.id;
  r.title = d.title;
  // The routine's texts are written into the exported file in the therapist's language.
  r.summary = d.therapist.empty()
                  ? core::tr("A home programme from your therapist.")
                  // TRANSLATORS: {therapist} is the therapist's name as they typed it.
                  : core::fill(core::tr("A home programme from {therapist}."),
                               {{"therapist", d.therapist}});
  r.cautions.push_back(
      core::tr("Aim for 5-6 out of 10 and never above 7. Stop if it turns sharp, electric, "
               "burning, numb or tingling."));
  const auto add_unique = [](std::vector<std::string>& to, const std::string& s, std::size_t most) {
    if (!s.empty() && to.size() < most && std::find(to.begin(), to.end(), s) == to.end())
      to.push_back(s);
  };
  for (const auto& step : d.steps) {
    const core::MuscleInfo* info = m.library ? m.library->find(step.muscle) : nullptr;
    if (info == nullptr) continue;
    add_unique(r.regions, info->region, 10);
    for (const auto& c : info->cautions) add_unique(r.cautions, c, 20);
    for (const auto& s : info->sources) add_unique(r.sources, s, 30);
  }
  core::StepSpec settle;
  settle.kind = core::StepKind::Breathing;
  // TRANSLATORS: the title and spoken instruction of the homework's opening breathing block.
  settle.title = core::tr("Settle in");
  settle.instruction = core::tr("Breathe gently, low and slow.");
  settle.pattern_id = d.settle_pattern;
  settle.duration = minutes{d.settle_minutes};
  r.steps.push_back(settle);
  for (const auto& step : d.steps) r.steps.push_back(step);
  core::StepSpec close;
  close.kind = core::StepKind::Breathing;
  // TRANSLATORS: the title and spoken instruction of the homework's closing breathing block.
  close.title = core::tr("Let it settle");
  close.instruction = core::tr("Let your breath find its own pace.");
  close.pattern_id = d.close_pattern;
  close.duration = minutes{d.close_minutes};
  r.steps.push_back(close);
  core::HomeworkPrescription& p = h.prescription;
  p.times_per_day = d.times_per_day;
  p.days = d.days;
  p.start = draft_start(m);
  p.end = draft_end(m);
  p.therapist = d.therapist;
  p.note = d.note;
  return h;
}

core::Duration draft_length(const AppModel& m) {
  const core::Homework h = draft_homework(m);
  return core::total_duration(core::expand(h.routine, core::builtin_pattern_lookup()));
}

std::vector<std::string> draft_problems(const AppModel& m) {
  const HomeworkDraft& d = m.homework_draft;
  std::vector<std::string> out;
  if (d.steps.empty())
    out.push_back(core::tr("Add at least one muscle: homework needs a pressure step."));
  core::Homework h = draft_homework(m);
  if (h.id.empty()) h.id = "hw-check";
  try {
    const auto parsed =
        core::parse_homework(core::homework_json(h), "homework", core::builtin_pattern_lookup(),
                             m.library && !m.library->muscles.empty() ? m.library.get() : nullptr);
    for (const auto& p : parsed.problems) out.push_back(problem_text(d, p.field, p.message));
  } catch (const std::exception& e) {
    // TRANSLATORS: {error} is a technical reason, in English.
    const std::string problem = core::tr("Could not check the homework: {error}");
    out.push_back(core::fill(problem, {{"error", e.what()}}));
  }
  return out;
}

std::vector<PickRow> builder_pick_rows(const AppModel& m) {
  std::vector<PickRow> out;
  if (!m.library) return out;
  std::vector<std::string> regions;
  for (const auto& muscle : m.library->muscles) {
    if (std::find(regions.begin(), regions.end(), muscle.region) == regions.end())
      regions.push_back(muscle.region);
  }
  for (const auto& region : regions) {
    bool first = true;
    for (const auto& muscle : m.library->muscles) {
      if (muscle.region != region) continue;
      std::string heading;
      if (first && region.empty()) {
        // TRANSLATORS: the heading of muscles without a region.
        heading = core::trc("region", "Other");
      } else if (first) {
        heading = core::region_text(region);
      }
      out.push_back({heading, &muscle});
      first = false;
    }
  }
  return out;
}

}  // namespace unknot::app
