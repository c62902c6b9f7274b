// Notes on behaviour the header leaves open:
// - Pregnancy removes the abdomen, the lower leg, the foot and the thigh (the deep leg work
//   domain.md §2.5 warns about); buttock and hip muscles stay.
// - Several flags can hit one step: it is removed if any rule removes it; otherwise each
//   softening applies and the reasons are joined.
#include "core/safety.h"

#include <algorithm>

namespace unknot::core {
namespace {

constexpr std::array<RedFlagQuestion, kRedFlagQuestions> kQuestions{{
    {"fever", "Do you have a fever, or feel generally unwell?"},
    {"calf", "Is a calf swollen, red or warm?"},
    {"chest", "Do you have new chest pain or breathlessness?"},
    {"bladder", "New bladder or bowel trouble, or numbness around the groin?"},
    {"weakness", "Is weakness or numbness in an arm or leg getting worse?"},
    {"injury", "Have you had an injury or surgery where you would press, recently?"},
    {"weight", "Unexplained weight loss, or a past cancer and this pain is new?"},
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

}  // namespace

const std::array<RedFlagQuestion, kRedFlagQuestions>& red_flag_questions() { return kQuestions; }

std::string_view red_flag_advice() {
  return "Please don't start a session today. What you answered can have causes that need a "
         "clinician's attention, so see your doctor or therapist first. If it is sudden or "
         "severe, get urgent care.";
}

bool screen_due(std::optional<UnixSeconds> last_passed, UnixSeconds now) {
  if (!last_passed) return true;
  return now < *last_passed || now - *last_passed >= kScreenInterval;
}

SafeRoutine apply_profile(const Routine& routine, const HealthProfile& profile,
                          const MuscleLibrary& library, const PatternLookup& lookup) {
  SafeRoutine out;
  out.routine = routine;
  out.routine.steps.clear();
  const bool no_holds = profile.pregnant || profile.seizures || profile.heart_disease;
  const std::string hold_reason = profile.pregnant ? "pregnancy"
                                  : profile.seizures ? "a seizure disorder"
                                                     : "heart disease";
  for (std::size_t i = 0; i < routine.steps.size(); ++i) {
    StepSpec step = routine.steps[i];
    const int index = static_cast<int>(i);
    const MuscleInfo* muscle = step.muscle.empty() ? nullptr : library.find(step.muscle);
    if (muscle != nullptr) {
      std::string removed;
      if (profile.pregnant && leg_or_abdomen(*muscle)) {
        removed = "Skipped: no leg or abdomen work in pregnancy";
      } else if (profile.varicose_veins && muscle->area == BodyArea::LowerLeg) {
        removed = "Skipped: no lower-leg pressure with varicose veins";
      }
      if (!removed.empty()) {
        out.changes.push_back({index, StepChange::Kind::Removed, step.title, removed});
        continue;
      }
      if (profile.anticoagulants && step.pressure_target > kLightPressure) {
        step.pressure_target = kLightPressure;
        out.changes.push_back({index, StepChange::Kind::Softened, step.title,
                               "Light pressure (3/10) with blood thinners"});
      }
    }
    if (no_holds && pattern_has_hold(lookup, step.pattern_id)) {
      step.pattern_id = holdless_pattern(step.pattern_id);
      out.changes.push_back({index, StepChange::Kind::BreathingChanged, step.title,
                             "No breath holds with " + hold_reason});
    }
    out.routine.steps.push_back(std::move(step));
  }
  return out;
}

}  // namespace unknot::core
