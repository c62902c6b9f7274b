// Notes on behaviour the header leaves open:
// - Pregnancy removes the abdomen, the lower leg, the foot and the thigh (the deep leg work
//   domain.md §2.5 warns about); buttock and hip muscles stay.
// - Neck work, for whiplash, is a head-and-neck muscle lying on the neck or under the skull
//   (its location zones): upper trapezius, levator scapulae, suboccipitals, SCM; the jaw and
//   temple stay. §2.5 names suboccipital work; the other neck muscles are left out too, to be
//   careful with an unstable neck.
// - Active cancer (§2.5, "other cautions", unverified) is handled modestly: no pressure unless a
//   clinician has cleared it. A therapist's homework file is that clearance; it still plays at
//   light pressure. Breathing steps always stay.
// - With no tools allowed (blood thinners, a bleeding disorder), a routine's own `tool` that
//   names one becomes "Your hands only", so its page does not ask for a ball any more.
// - Several flags can hit one step: it is removed if any rule removes it; otherwise each change
//   applies, one entry per kind, the flags behind it named together.
#include "core/health_profile.h"

#include <algorithm>
#include <cctype>

#include "core/content_language.h"
#include "core/list_text.h"
#include "core/translate.h"

namespace unknot::core {
namespace {

// What each flag changes, as apply_profile does it (domain.md §2.5, §6.2). The ids are what the
// store keeps: never rename one.
// The label, detail and summary are English, marked for the catalogs: shown through tr().
constexpr std::array<ProfileFlagInfo, kProfileFlagCount> kFlags{{
    {"anticoagulants", tr_noop("Blood thinners (for example warfarin or heparin)"),
     tr_noop("Light pressure only (3/10) and no ball or tool: fingertips or hands where they reach "
             "the muscle, otherwise the point is left out"),
     // TRANSLATORS: a health profile answer in a few words, for a summary and the clinician's
     // report.
     tr_noop("Blood thinners"), &HealthProfile::anticoagulants},
    {"pregnant", tr_noop("Pregnant"), tr_noop("No leg or abdomen work, no breath holds"),
     tr_noop("Pregnant"), &HealthProfile::pregnant},
    {"varicose_veins", tr_noop("Varicose veins"), tr_noop("No pressure on the lower leg"),
     tr_noop("Varicose veins"), &HealthProfile::varicose_veins},
    {"seizures", tr_noop("Seizures"), tr_noop("No breath holds"), tr_noop("Seizures"),
     &HealthProfile::seizures},
    {"heart_disease", tr_noop("Heart disease"), tr_noop("No breath holds"),
     tr_noop("Heart disease"), &HealthProfile::heart_disease},
    {"pain_blunting",
     tr_noop("Pain-blunting medicines: painkillers, anti-inflammatories (such as ibuprofen) or "
             "muscle relaxants"),
     tr_noop("They can hide how hard you press: lighter pressure (4/10)"),
     tr_noop("Pain-blunting medicines"), &HealthProfile::pain_blunting},
    {"corticosteroids", tr_noop("Long-term steroid tablets (corticosteroids)"),
     tr_noop("They can weaken tissue over time: lighter pressure (4/10)"),
     tr_noop("Long-term steroids"), &HealthProfile::corticosteroids},
    {"bleeding_disorder", tr_noop("A bleeding disorder"),
     tr_noop("Light pressure only (3/10) and no ball or tool, as with blood thinners"),
     tr_noop("Bleeding disorder"), &HealthProfile::bleeding_disorder},
    {"osteoporosis", tr_noop("Osteoporosis (thin or fragile bones)"),
     tr_noop("Lighter pressure (4/10), and no ball near a bony point such as a rib or the side of "
             "the hip"),
     tr_noop("Osteoporosis"), &HealthProfile::osteoporosis},
    {"reduced_sensation", tr_noop("Diabetes, or reduced feeling or numbness in some areas"),
     tr_noop("Lighter pressure (4/10) and no work on the feet; keep off any area that feels numb"),
     tr_noop("Reduced feeling"), &HealthProfile::reduced_sensation},
    {"active_cancer", tr_noop("Active cancer"),
     tr_noop("No pressure work until your clinician has cleared it: only a therapist's homework "
             "plays, at light pressure (3/10). Breathing stays"),
     tr_noop("Active cancer"), &HealthProfile::active_cancer},
    {"whiplash", tr_noop("Recent whiplash, or a neck that feels unstable"),
     tr_noop("No work on the neck or under the skull"), tr_noop("Recent whiplash"),
     &HealthProfile::whiplash},
}};

bool pattern_has_hold(const PatternLookup& lookup, const std::string& id) {
  const BreathPattern* p = lookup ? lookup(id) : find_builtin_pattern(id);
  return p != nullptr && p->has_hold();
}

std::string holdless_pattern(const std::string& id) {
  return id.rfind("box_4", 0) == 0 ? "box_4_no_hold" : "extended_exhale_4_6";
}

bool leg_or_abdomen(const MuscleInfo& m) {
  return m.area == BodyArea::Abdomen || m.area == BodyArea::LowerLeg || m.area == BodyArea::Foot ||
         m.region == "Thigh";
}

bool on_neck(const MuscleInfo& m) {
  if (m.area != BodyArea::HeadNeck) return false;
  return std::any_of(m.location_zones.begin(), m.location_zones.end(), [](const std::string& z) {
    return z.find("neck") != std::string::npos || z.find("skull") != std::string::npos;
  });
}

// Why a pressure step is removed outright, or empty when it is not.
std::string removal(const MuscleInfo* muscle, const HealthProfile& p, RoutineSource source) {
  const bool homework = source == RoutineSource::Homework;
  if (muscle != nullptr) {
    if (muscle->therapist_only && !homework) {
      // TRANSLATORS: why a step of a routine was left out, in its list of changes.
      return tr("Skipped: this muscle is worked only when a therapist's homework prescribes it");
    }
    if (p.pregnant && leg_or_abdomen(*muscle)) {
      return tr("Skipped: no leg or abdomen work in pregnancy");
    }
    if (p.varicose_veins && muscle->area == BodyArea::LowerLeg) {
      return tr("Skipped: no lower-leg pressure with varicose veins");
    }
    if (p.reduced_sensation && muscle->area == BodyArea::Foot) {
      return tr("Skipped: no foot work with reduced feeling, which can hide a bruise or a sore");
    }
    if (p.whiplash && on_neck(*muscle)) {
      return tr("Skipped: no neck work after a recent whiplash or with an unstable neck");
    }
  }
  if (p.active_cancer && !homework) {
    return tr(
        "Skipped: with active cancer, press only once your clinician has cleared it; a "
        "therapist's homework file counts as that clearance");
  }
  return {};
}

struct Cap {
  int target = 10;
  std::vector<std::string> because;  // in the current language
};

// The lowest pressure cap the profile sets, and every flag that sets one.
Cap pressure_cap(const HealthProfile& p) {
  Cap cap;
  const auto add = [&](bool on, int target, const char* name) {
    if (!on) return;
    cap.target = std::min(cap.target, target);
    cap.because.push_back(tr(name));
  };
  // TRANSLATORS: a health condition named in a reason for lighter pressure ("Light pressure
  // (3/10) with blood thinners and osteoporosis").
  add(p.anticoagulants, kLightPressure, tr_noop("blood thinners"));
  add(p.bleeding_disorder, kLightPressure, tr_noop("a bleeding disorder"));
  add(p.active_cancer, kLightPressure, tr_noop("active cancer"));
  add(p.pain_blunting, kLighterPressure, tr_noop("pain-blunting medicines"));
  add(p.corticosteroids, kLighterPressure, tr_noop("long-term steroids"));
  add(p.osteoporosis, kLighterPressure, tr_noop("osteoporosis"));
  add(p.reduced_sensation, kLighterPressure, tr_noop("reduced feeling"));
  return cap;
}

}  // namespace

const std::array<ProfileFlagInfo, kProfileFlagCount>& profile_flags() { return kFlags; }

std::vector<const ProfileFlagInfo*> flags_in_force(const HealthProfile& profile) {
  std::vector<const ProfileFlagInfo*> set;
  for (const ProfileFlagInfo& flag : kFlags)
    if (profile.*flag.field) set.push_back(&flag);
  return set;
}

bool uses_tool(std::string_view tool) {
  std::string lower(tool);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (std::string_view word : {"ball", "roller", "cane", "tool", "massager", "gun"}) {
    if (lower.find(word) != std::string::npos) return true;
  }
  return false;
}

SafeRoutine apply_profile(const Routine& routine, const HealthProfile& profile,
                          const MuscleLibrary& library, const PatternLookup& lookup,
                          RoutineSource source, std::span<const PressureEase> eases) {
  SafeRoutine out;
  out.routine = routine;
  out.routine.steps.clear();
  const bool no_holds = profile.pregnant || profile.seizures || profile.heart_disease;
  // TRANSLATORS: why a step's breathing changed to a pattern without holds.
  const std::string hold_reason = profile.pregnant   ? tr("No breath holds with pregnancy")
                                  : profile.seizures ? tr("No breath holds with a seizure disorder")
                                                     : tr("No breath holds with heart disease");
  std::vector<std::string> no_tools;
  if (profile.anticoagulants) no_tools.push_back(tr("blood thinners"));
  if (profile.bleeding_disorder) no_tools.push_back(tr("a bleeding disorder"));
  const Cap cap = pressure_cap(profile);
  for (std::size_t i = 0; i < routine.steps.size(); ++i) {
    StepSpec step = routine.steps[i];
    const int index = static_cast<int>(i);
    const MuscleInfo* muscle = step.muscle.empty() ? nullptr : library.find(step.muscle);
    if (step.kind == StepKind::Pressure) {
      if (const std::string removed = removal(muscle, profile, source); !removed.empty()) {
        out.changes.push_back({index, StepChange::Kind::Removed, step.title, removed});
        continue;
      }
      // A tool where none may be used: the hands instead, or nothing (domain.md §6.2, §2.5).
      std::string tool_reason;
      if (uses_tool(step.tool)) {
        if (!no_tools.empty()) {
          tool_reason =
              // TRANSLATORS: why a ball or tool may not be used, completing "this point needs a
              // ball or tool ({reason})"; {conditions} as "blood thinners and a bleeding disorder".
              fill(tr("no ball or tool with {conditions}"), {{"conditions", and_list(no_tools)}});
        } else if (profile.osteoporosis && muscle != nullptr && !muscle->near_bone.empty()) {
          tool_reason =
              // TRANSLATORS: {bone} is a bony point from the muscle library, as "the lowest
              // (floating) rib".
              fill(tr("no ball near {bone} with osteoporosis"), {{"bone", muscle->near_bone}});
        }
      }
      if (!tool_reason.empty()) {
        if (muscle == nullptr || !muscle->hands) {
          out.changes.push_back({index, StepChange::Kind::Removed, step.title,
                                 fill(tr("Skipped: this point needs a ball or tool ({reason})"),
                                      {{"reason", tool_reason}})});
          continue;
        }
        step.tool = muscle->hands->tool;
        step.posture = muscle->hands->posture;
        step.instruction = muscle->hands->instruction;
        out.changes.push_back(
            {index, StepChange::Kind::HandsInstead, step.title,
             // TRANSLATORS: {tool} is the hands technique used instead, as "Pincer grip with the
             // other hand"; {reason} as "no ball or tool with blood thinners".
             fill(tr("{tool} instead of a ball or tool ({reason})"),
                  {{"tool", tool_text(step.tool)}, {"reason", tool_reason}})});
      }
      if (step.pressure_target > cap.target) {
        step.pressure_target = cap.target;
        const std::string target = std::to_string(cap.target);
        const std::string because = and_list(cap.because);
        out.changes.push_back({index, StepChange::Kind::Softened, step.title,
                               cap.target == kLightPressure
                                   // TRANSLATORS: why a step's pressure is capped: {target} out of
                                   // 10, {conditions} as "blood thinners and osteoporosis".
                                   ? fill(tr("Light pressure ({target}/10) with {conditions}"),
                                          {{"target", target}, {"conditions", because}})
                                   : fill(tr("Lighter pressure ({target}/10) with {conditions}"),
                                          {{"target", target}, {"conditions", because}})});
      }
      if (const PressureEase* ease = find_ease(eases, step.muscle)) {
        const int was = step.pressure_target;
        step.pressure_target = eased_target(was, *ease);
        if (step.pressure_target < was) {
          out.changes.push_back({index, StepChange::Kind::Softened, step.title,
                                 ease_reason(*ease, was, step.pressure_target)});
        }
      }
    }
    if (no_holds && pattern_has_hold(lookup, step.pattern_id)) {
      step.pattern_id = holdless_pattern(step.pattern_id);
      out.changes.push_back({index, StepChange::Kind::BreathingChanged, step.title, hold_reason});
    }
    out.routine.steps.push_back(std::move(step));
  }
  // Every step that needed a tool has gone to the hands or been left out: the routine's own
  // "what you need" must not still ask for a ball.
  // In the current language: it names no tool for the rules above to read.
  if (!no_tools.empty() && uses_tool(out.routine.tool)) out.routine.tool = tr("Your hands only");
  return out;
}

}  // namespace unknot::core
