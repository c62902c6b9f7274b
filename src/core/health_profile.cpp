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

namespace unknot::core {
namespace {

// What each flag changes, as apply_profile does it (domain.md §2.5, §6.2). The ids are what the
// store keeps: never rename one.
constexpr std::array<ProfileFlagInfo, kProfileFlagCount> kFlags{{
    {"anticoagulants", "Blood thinners (for example warfarin or heparin)",
     "Light pressure only (3/10) and no ball or tool: fingertips or hands where they reach the "
     "muscle, otherwise the point is left out",
     "Blood thinners", &HealthProfile::anticoagulants},
    {"pregnant", "Pregnant", "No leg or abdomen work, no breath holds", "Pregnant",
     &HealthProfile::pregnant},
    {"varicose_veins", "Varicose veins", "No pressure on the lower leg", "Varicose veins",
     &HealthProfile::varicose_veins},
    {"seizures", "Seizures", "No breath holds", "Seizures", &HealthProfile::seizures},
    {"heart_disease", "Heart disease", "No breath holds", "Heart disease",
     &HealthProfile::heart_disease},
    {"pain_blunting",
     "Pain-blunting medicines: painkillers, anti-inflammatories (such as ibuprofen) or muscle "
     "relaxants",
     "They can hide how hard you press: lighter pressure (4/10)", "Pain-blunting medicines",
     &HealthProfile::pain_blunting},
    {"corticosteroids", "Long-term steroid tablets (corticosteroids)",
     "They can weaken tissue over time: lighter pressure (4/10)", "Long-term steroids",
     &HealthProfile::corticosteroids},
    {"bleeding_disorder", "A bleeding disorder",
     "Light pressure only (3/10) and no ball or tool, as with blood thinners", "Bleeding disorder",
     &HealthProfile::bleeding_disorder},
    {"osteoporosis", "Osteoporosis (thin or fragile bones)",
     "Lighter pressure (4/10), and no ball near a bony point such as a rib or the side of the hip",
     "Osteoporosis", &HealthProfile::osteoporosis},
    {"reduced_sensation", "Diabetes, or reduced feeling or numbness in some areas",
     "Lighter pressure (4/10) and no work on the feet; keep off any area that feels numb",
     "Reduced feeling", &HealthProfile::reduced_sensation},
    {"active_cancer", "Active cancer",
     "No pressure work until your clinician has cleared it: only a therapist's homework plays, at "
     "light pressure (3/10). Breathing stays",
     "Active cancer", &HealthProfile::active_cancer},
    {"whiplash", "Recent whiplash, or a neck that feels unstable",
     "No work on the neck or under the skull", "Recent whiplash", &HealthProfile::whiplash},
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

// "a", "a and b", "a, b and c".
std::string joined(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

// Why a pressure step is removed outright, or empty when it is not.
std::string removal(const MuscleInfo* muscle, const HealthProfile& p, RoutineSource source) {
  const bool homework = source == RoutineSource::Homework;
  if (muscle != nullptr) {
    if (muscle->therapist_only && !homework) {
      return "Skipped: this muscle is worked only when a therapist's homework prescribes it";
    }
    if (p.pregnant && leg_or_abdomen(*muscle)) {
      return "Skipped: no leg or abdomen work in pregnancy";
    }
    if (p.varicose_veins && muscle->area == BodyArea::LowerLeg) {
      return "Skipped: no lower-leg pressure with varicose veins";
    }
    if (p.reduced_sensation && muscle->area == BodyArea::Foot) {
      return "Skipped: no foot work with reduced feeling, which can hide a bruise or a sore";
    }
    if (p.whiplash && on_neck(*muscle)) {
      return "Skipped: no neck work after a recent whiplash or with an unstable neck";
    }
  }
  if (p.active_cancer && !homework) {
    return "Skipped: with active cancer, press only once your clinician has cleared it; a "
           "therapist's homework file counts as that clearance";
  }
  return {};
}

struct Cap {
  int target = 10;
  std::vector<std::string_view> because;
};

// The lowest pressure cap the profile sets, and every flag that sets one.
Cap pressure_cap(const HealthProfile& p) {
  Cap cap;
  const auto add = [&](bool on, int target, std::string_view name) {
    if (!on) return;
    cap.target = std::min(cap.target, target);
    cap.because.push_back(name);
  };
  add(p.anticoagulants, kLightPressure, "blood thinners");
  add(p.bleeding_disorder, kLightPressure, "a bleeding disorder");
  add(p.active_cancer, kLightPressure, "active cancer");
  add(p.pain_blunting, kLighterPressure, "pain-blunting medicines");
  add(p.corticosteroids, kLighterPressure, "long-term steroids");
  add(p.osteoporosis, kLighterPressure, "osteoporosis");
  add(p.reduced_sensation, kLighterPressure, "reduced feeling");
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
  const std::string hold_reason = profile.pregnant   ? "pregnancy"
                                  : profile.seizures ? "a seizure disorder"
                                                     : "heart disease";
  std::vector<std::string_view> no_tools;
  if (profile.anticoagulants) no_tools.push_back("blood thinners");
  if (profile.bleeding_disorder) no_tools.push_back("a bleeding disorder");
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
          tool_reason = "no ball or tool with " + joined(no_tools);
        } else if (profile.osteoporosis && muscle != nullptr && !muscle->near_bone.empty()) {
          tool_reason = "no ball near " + muscle->near_bone + " with osteoporosis";
        }
      }
      if (!tool_reason.empty()) {
        if (muscle == nullptr || !muscle->hands) {
          out.changes.push_back({index, StepChange::Kind::Removed, step.title,
                                 "Skipped: this point needs a ball or tool (" + tool_reason + ")"});
          continue;
        }
        step.tool = muscle->hands->tool;
        step.posture = muscle->hands->posture;
        step.instruction = muscle->hands->instruction;
        out.changes.push_back({index, StepChange::Kind::HandsInstead, step.title,
                               step.tool + " instead of a ball or tool (" + tool_reason + ")"});
      }
      if (step.pressure_target > cap.target) {
        step.pressure_target = cap.target;
        const std::string level = cap.target == kLightPressure ? "Light" : "Lighter";
        out.changes.push_back({index, StepChange::Kind::Softened, step.title,
                               level + " pressure (" + std::to_string(cap.target) + "/10) with " +
                                   joined(cap.because)});
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
      out.changes.push_back({index, StepChange::Kind::BreathingChanged, step.title,
                             "No breath holds with " + hold_reason});
    }
    out.routine.steps.push_back(std::move(step));
  }
  // Every step that needed a tool has gone to the hands or been left out: the routine's own
  // "what you need" must not still ask for a ball.
  if (!no_tools.empty() && uses_tool(out.routine.tool)) out.routine.tool = "Your hands only";
  return out;
}

}  // namespace unknot::core
