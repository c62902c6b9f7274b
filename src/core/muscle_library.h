// The muscles Unknot knows (domain.md §3) as data: where to find each, where its pain commonly
// refers, tool and posture, default hold and pressure, cautions, sources, and where it sits on
// the body map. Loaded from assets/muscles.json. Pure: takes text, does no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/body_map.h"
#include "core/routine_parser.h"

namespace unknot::core {

inline constexpr int kMuscleLibraryFormatVersion = 1;

// Body parts the safety rules act on (domain.md §2.5, §6.2).
enum class BodyArea { HeadNeck, ShoulderArm, Chest, Back, Abdomen, HipThigh, LowerLeg, Foot };

// A way to work a muscle with the fingertips or hands alone (domain.md §2.4: thumb, fingers,
// pincer grip), offered when the usual technique needs a ball or tool and the health profile
// rules tools out (§6.2: blood thinners mean no tools).
struct HandsTechnique {
  std::string tool;         // "Pincer grip with the other hand"
  std::string posture;      // "Sitting, shoulders relaxed"
  std::string instruction;  // one line, as a step's
};

struct MuscleInfo {
  std::string id;      // "upper_trapezius": the step's `muscle` id
  std::string name;    // "Upper trapezius"
  std::string region;  // "Neck": the routine region it belongs to
  BodyArea area = BodyArea::HeadNeck;
  std::string where;     // how to find it, one or two sentences
  std::string referral;  // "Commonly refers pain up the side of the neck to the temple ..."
  std::vector<std::string> referral_zones;  // body map zone ids where its pain commonly refers
  std::vector<std::string> location_zones;  // body map zone ids where the muscle itself lies
  std::string tool;                         // "Ball against a wall"
  std::string posture;                      // "Standing, back to the wall"
  std::string instruction;                  // one line for the step, written for closed eyes
  int hold_seconds = 45;                    // default hold, 20..90
  int pressure = 5;                         // default target on 0-10, 1..7
  bool sided = true;  // has a left and a right (false: midline, e.g. suboccipitals)
  // Off by default: played only from a therapist's homework file that prescribes it (SCM,
  // iliopsoas; domain.md §2.5, §3).
  bool therapist_only = false;
  std::optional<HandsTechnique> hands;  // absent: the muscle is worked with a tool only
  // The bony point a tool here presses close to, e.g. "the lowest (floating) rib"; empty when
  // none. With osteoporosis a tool is not used here (domain.md §2.5: no hard pressure over bone).
  std::string near_bone;
  std::vector<std::string> cautions;
  std::vector<std::string> sources;  // citations from domain.md §7, e.g. "[38a] NAMTPT ..."
};

struct MuscleLibrary {
  std::vector<MuscleInfo> muscles;  // in file order
  const MuscleInfo* find(std::string_view id) const;
  // Muscles whose referral zones include `zone_id`, in file order; therapist-only ones only
  // when `include_therapist_only`.
  std::vector<const MuscleInfo*> referring_to(std::string_view zone_id,
                                              bool include_therapist_only) const;
};

struct MuscleLibraryParseResult {
  std::optional<MuscleLibrary> library;  // set only when problems is empty
  std::vector<ParseProblem> problems;
};

// "masseter: jaw_lft" for every zone id of the library that the map lacks; empty when all exist.
std::vector<std::string> zones_missing_from_map(const MuscleLibrary& library, const BodyMap& map);

// A muscle id made readable when the library cannot name it: "upper_trapezius" → "Upper
// trapezius".
std::string readable_muscle_id(std::string_view id);

// "head_neck" .. "foot", as written in muscles.json.
std::string_view area_name(BodyArea area);

// Parses assets/muscles.json; every problem with file, line, column and field. Never throws.
MuscleLibraryParseResult parse_muscle_library(std::string_view text, std::string_view file);

}  // namespace unknot::core
