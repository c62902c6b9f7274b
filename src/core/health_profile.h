// The health profile (domain.md §2.5, §6.2) and what it does to a routine: steps removed,
// softened, moved from a tool to the hands, or given breathing without holds, each change with a
// reason the person can read. Also keeps therapist-only muscles to a therapist's homework. Pure.
#pragma once

#include <array>
#include <span>
#include <string>
#include <vector>

#include "core/dose.h"
#include "core/muscle_library.h"
#include "core/routine.h"

namespace unknot::core {

// Answers that change what the library offers (domain.md §2.5, §6.2).
struct HealthProfile {
  bool anticoagulants = false;     // blood thinners: light pressure only, no tools
  bool pregnant = false;           // no leg or abdomen work, no breath holds
  bool varicose_veins = false;     // skip the lower leg
  bool seizures = false;           // no breath holds
  bool heart_disease = false;      // no breath holds
  bool pain_blunting = false;      // NSAIDs, muscle relaxants, analgesics: lighter pressure
  bool corticosteroids = false;    // long-term: weaker connective tissue, lighter pressure
  bool bleeding_disorder = false;  // light pressure only, no tools
  bool osteoporosis = false;       // lighter pressure, no tool near a bony point
  bool reduced_sensation = false;  // diabetes or neuropathy: lighter pressure, no foot work
  bool active_cancer = false;      // pressure work only from a therapist's homework, light
  bool whiplash = false;           // recent whiplash or an unstable neck: no neck work
  friend bool operator==(const HealthProfile&, const HealthProfile&) = default;
};

// One flag as people read it, in the order the profile page asks: the stable id the store
// keeps ("anticoagulants"), the question's label, what it changes (as apply_profile does it),
// and the few words a summary or the clinician report uses. The texts are English (marked with
// tr_noop): show each through core::tr (core/translate.h).
struct ProfileFlagInfo {
  std::string_view id, label, detail, summary;
  bool HealthProfile::*field = nullptr;
};
inline constexpr std::size_t kProfileFlagCount = 12;
const std::array<ProfileFlagInfo, kProfileFlagCount>& profile_flags();
// The flags set in `profile`, in profile_flags() order.
std::vector<const ProfileFlagInfo*> flags_in_force(const HealthProfile& profile);

inline constexpr int kLightPressure = 3;    // "light pressure only" (blood thinners, bleeding)
inline constexpr int kLighterPressure = 4;  // "lighter" or "reduced" pressure (§2.5 medicines)

struct StepChange {
  enum class Kind { Removed, Softened, HandsInstead, BreathingChanged };
  int step = 0;  // index of the authored step in the original routine
  Kind kind = Kind::Removed;
  std::string title;   // the step's title, e.g. "Gastrocnemius"
  std::string reason;  // "Skipped: no leg or abdomen work in pregnancy", in the current language
};

struct SafeRoutine {
  Routine routine;                  // what will be played
  std::vector<StepChange> changes;  // in step order; empty when nothing changed
};

// Where a routine came from: a therapist's homework file (which may prescribe therapist-only
// muscles, and counts as a clinician's clearance with active cancer) or anything else (built
// in, built on the body map, opened from a file, the builder's Try).
enum class RoutineSource { Own, Homework };

// True when a step's tool text names a ball, roller, cane or other tool ("Ball against a wall,
// or a pincer grip" does; "Fingertips" and "Pincer grip with the other hand" do not).
bool uses_tool(std::string_view tool);

// Removes or softens the steps that conflict with the profile. Per pressure step, in order:
// - removed: a therapist-only muscle outside homework; leg or abdomen in pregnancy; the lower
//   leg with varicose veins; the foot with reduced sensation; the neck after whiplash; any
//   pressure with active cancer outside homework;
// - a step that uses a tool where none may be used (blood thinners, a bleeding disorder; near a
//   bony point with osteoporosis) moves to the muscle's hands technique, or is removed when the
//   library has none;
// - the pressure target is capped at the lowest cap any flag sets (one change naming them all);
// - then lowered further where the person reported soreness or bruising (`eases`, core/dose.h),
//   with its own change naming the reaction.
// Rules on where a muscle lies need the library; a muscle missing from it meets only the tool
// rule, the caps and the breathing rule. A pattern with holds becomes one without: box → box
// without holds, others → extended exhale 4/6. When every step goes, the routine has no steps
// left; the changes say why, and the caller offers no Start.
SafeRoutine apply_profile(const Routine& routine, const HealthProfile& profile,
                          const MuscleLibrary& library, const PatternLookup& lookup,
                          RoutineSource source, std::span<const PressureEase> eases = {});

}  // namespace unknot::core
