#include "core/muscle_library.h"

#include <algorithm>
#include <array>
#include <exception>
#include <map>
#include <nlohmann/json.hpp>
#include <span>
#include <utility>

#include "core/json_fields.h"
#include "core/json_locator.h"
#include "core/routine_validation.h"

namespace unknot::core {
namespace {

using nlohmann::json;

// The shipped library is about 20 kB; anything near this is not a muscle library.
constexpr std::size_t kMaxMuscles = 100;
// Text limits follow the routine format, so every field fits the step it becomes.
constexpr std::size_t kMaxNameChars = 40;    // step titles allow 60: room for ", second round"
constexpr std::size_t kMaxRegionChars = 40;  // a routine's region
constexpr std::size_t kMaxWhereChars = 300;
constexpr std::size_t kMaxReferralChars = 160;    // a step's referral
constexpr std::size_t kMaxToolChars = 80;         // a step's tool
constexpr std::size_t kMaxPostureChars = 120;     // a step's posture
constexpr std::size_t kMaxInstructionChars = 90;  // two lines on a phone, for closed eyes
constexpr std::size_t kMaxZones = 20;
constexpr std::size_t kMaxListItems = 8;
constexpr std::size_t kMaxListTextChars = 300;
// domain.md §6.3 and §6.5.
constexpr std::int64_t kMinHold = 20;
constexpr std::int64_t kMaxHold = 90;
constexpr std::int64_t kMaxPressure = 7;

constexpr std::string_view kRootFields[] = {"format_version", "muscles"};
constexpr std::string_view kMuscleFields[] = {
    "id",          "name",           "region",         "area",     "where",
    "referral",    "referral_zones", "location_zones", "tool",     "posture",
    "instruction", "hold_seconds",   "pressure",       "sided",    "therapist_only",
    "cautions",    "sources",        "hands",          "near_bone"};
constexpr std::string_view kHandsFields[] = {"tool", "posture", "instruction"};
constexpr std::size_t kMaxBoneChars = 60;  // ends a reason: "... near the lowest (floating) rib"
constexpr std::array<std::string_view, 8> kAreaNames = {
    "head_neck", "shoulder_arm", "chest", "back", "abdomen", "hip_thigh", "lower_leg", "foot"};

// "[json.exception.parse_error.101] parse error at line 1, column 8: syntax error ..." ->
// "syntax error ...": the position is printed our way, in characters.

std::optional<bool> read_flag(FieldReader& r, const json& object, std::string_view key) {
  const auto it = object.find(std::string(key));
  if (it == object.end()) {
    // Through the reader, so a misspelt name already suggested is not reported twice.
    (void)r.array(key, Need::Required, 0, 0);
    return std::nullopt;
  }
  if (!it->is_boolean()) {
    r.log().at_value(r.field(key), "must be true or false (got " + describe(*it) + ")");
    return std::nullopt;
  }
  return it->get<bool>();
}

bool is_zone_id(const std::string& s) {
  return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::optional<std::vector<std::string>> read_zones(FieldReader& r, std::string_view key) {
  const json* items = r.array(key, Need::Required, 1, kMaxZones);
  if (!items) return std::nullopt;
  std::vector<std::string> out;
  bool ok = true;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const json& item = (*items)[i];
    const std::string where = pointer_append(r.field(key), i);
    if (!item.is_string() || !is_zone_id(item.get_ref<const std::string&>())) {
      r.log().at_value(where,
                       "must be a body map zone id: 1-64 characters from a-z, 0-9 and _ (got " +
                           describe(item) + ")");
      ok = false;
      continue;
    }
    const auto& id = item.get_ref<const std::string&>();
    if (std::find(out.begin(), out.end(), id) != out.end()) {
      r.log().at_value(where, "zone \"" + id + "\" is listed twice; keep one");
      ok = false;
      continue;
    }
    out.push_back(id);
  }
  if (!ok) return std::nullopt;
  return out;
}

// "hands": { "tool", "posture", "instruction" }, each as the muscle's own; absent is fine.
std::optional<HandsTechnique> read_hands(FieldReader& r) {
  if (!r.has("hands")) return std::nullopt;
  const json& value = r.object().at("hands");
  if (!value.is_object()) {
    r.log().at_value(r.field("hands"),
                     "must be an object { \"tool\", \"posture\", \"instruction\" } (got " +
                         describe(value) + ")");
    return std::nullopt;
  }
  FieldReader h(value, r.field("hands"), r.log());
  h.reject_unknown(kHandsFields);
  HandsTechnique t;
  t.tool = h.text("tool", Need::Required, kMaxToolChars).value_or("");
  t.posture = h.text("posture", Need::Required, kMaxPostureChars).value_or("");
  t.instruction = h.text("instruction", Need::Required, kMaxInstructionChars).value_or("");
  return t;
}

std::optional<MuscleInfo> read_muscle(const json& value, const std::string& pointer,
                                      ProblemLog& log) {
  if (!value.is_object()) {
    log.at_value(pointer, "each muscle must be an object { ... } (got " + describe(value) + ")");
    return std::nullopt;
  }
  const std::size_t before = log.count();
  FieldReader r(value, pointer, log);
  r.reject_unknown(kMuscleFields);
  MuscleInfo m;
  m.id = r.identifier("id", Need::Required).value_or("");
  m.name = r.text("name", Need::Required, kMaxNameChars).value_or("");
  m.region = r.text("region", Need::Required, kMaxRegionChars).value_or("");
  if (auto area = r.choice("area", Need::Required, kAreaNames)) {
    const auto at = std::find(kAreaNames.begin(), kAreaNames.end(), *area);
    m.area = static_cast<BodyArea>(at - kAreaNames.begin());
  }
  m.where = r.text("where", Need::Required, kMaxWhereChars).value_or("");
  m.referral = r.text("referral", Need::Required, kMaxReferralChars).value_or("");
  m.referral_zones = read_zones(r, "referral_zones").value_or(std::vector<std::string>{});
  m.location_zones = read_zones(r, "location_zones").value_or(std::vector<std::string>{});
  m.tool = r.text("tool", Need::Required, kMaxToolChars).value_or("");
  m.posture = r.text("posture", Need::Required, kMaxPostureChars).value_or("");
  m.instruction = r.text("instruction", Need::Required, kMaxInstructionChars).value_or("");
  m.hold_seconds = static_cast<int>(r.whole_number("hold_seconds", Need::Required, kMinHold,
                                                   kMaxHold, "between 20 and 90 seconds for a hold")
                                        .value_or(45));
  m.pressure =
      static_cast<int>(r.whole_number("pressure", Need::Required, 1, kMaxPressure,
                                      "between 1 and 7 out of 10: aim for 5-6, never above 7")
                           .value_or(5));
  m.sided = read_flag(r, value, "sided").value_or(true);
  m.therapist_only = read_flag(r, value, "therapist_only").value_or(false);
  m.hands = read_hands(r);
  m.near_bone = r.text("near_bone", Need::Optional, kMaxBoneChars).value_or("");
  m.cautions = r.text_list("cautions", Need::Required, kMaxListItems, kMaxListTextChars)
                   .value_or(std::vector<std::string>{});
  m.sources = r.text_list("sources", Need::Required, kMaxListItems, kMaxListTextChars)
                  .value_or(std::vector<std::string>{});
  if (r.has("sources") && value["sources"].is_array() && value["sources"].empty()) {
    log.at_value(r.field("sources"), "must cite at least one source from domain.md section 7");
  }
  if (log.count() != before) return std::nullopt;
  return m;
}

MuscleLibraryParseResult parse_checked(std::string_view text, std::string_view file) {
  MuscleLibraryParseResult result;
  const auto document = read_json_document(text, file, "a muscle library", result.problems);
  if (!document) return result;
  const JsonLocator locator(text);
  ProblemLog log(file, locator);
  for (const auto& [pointer, where] : locator.duplicate_keys()) {
    log.at(pointer, where, "this field appears more than once in the same object; keep one");
  }
  MuscleLibrary library;
  if (!document->is_object()) {
    log.at_value(
        "", "a muscle library must hold one JSON object { ... } (got " + describe(*document) + ")");
    result.problems = log.take();
    return result;
  }
  FieldReader r(*document, "", log);
  r.reject_unknown(kRootFields);
  (void)r.whole_number("format_version", Need::Required, kMuscleLibraryFormatVersion,
                       kMuscleLibraryFormatVersion,
                       "equal to " + std::to_string(kMuscleLibraryFormatVersion));
  if (const json* muscles = r.array("muscles", Need::Required, 1, kMaxMuscles)) {
    std::map<std::string, std::string> seen;  // id -> pointer of its first muscle
    for (std::size_t i = 0; i < muscles->size(); ++i) {
      const std::string pointer = pointer_append("/muscles", i);
      auto muscle = read_muscle((*muscles)[i], pointer, log);
      const json& raw = (*muscles)[i];
      // Duplicates are checked even when the rest of the muscle has problems.
      if (raw.is_object() && raw.contains("id") && raw["id"].is_string()) {
        const auto& id = raw["id"].get_ref<const std::string&>();
        if (const auto [it, fresh] = seen.emplace(id, pointer); !fresh) {
          log.at_value(pointer + "/id", "muscle id \"" + id + "\" is already used by " +
                                            it->second + "; ids must be unique");
          continue;
        }
      }
      if (muscle) library.muscles.push_back(std::move(*muscle));
    }
  }
  result.problems = log.take();
  if (result.problems.empty()) result.library = std::move(library);
  return result;
}

}  // namespace

const MuscleInfo* MuscleLibrary::find(std::string_view id) const {
  const auto it =
      std::find_if(muscles.begin(), muscles.end(), [&](const MuscleInfo& m) { return m.id == id; });
  return it == muscles.end() ? nullptr : &*it;
}

std::vector<const MuscleInfo*> MuscleLibrary::referring_to(std::string_view zone_id,
                                                           bool include_therapist_only) const {
  std::vector<const MuscleInfo*> out;
  for (const MuscleInfo& m : muscles) {
    if (m.therapist_only && !include_therapist_only) continue;
    if (std::find(m.referral_zones.begin(), m.referral_zones.end(), zone_id) !=
        m.referral_zones.end()) {
      out.push_back(&m);
    }
  }
  return out;
}

std::vector<std::string> zones_missing_from_map(const MuscleLibrary& library, const BodyMap& map) {
  std::vector<std::string> out;
  for (const MuscleInfo& m : library.muscles) {
    for (const auto* zones : {&m.referral_zones, &m.location_zones}) {
      for (const std::string& zone : *zones) {
        if (!map.find(zone)) out.push_back(m.id + ": " + zone);
      }
    }
  }
  return out;
}

std::string readable_muscle_id(std::string_view id) {
  std::string name(id);
  for (char& c : name)
    if (c == '_') c = ' ';
  if (!name.empty() && name[0] >= 'a' && name[0] <= 'z')
    name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return name;
}

std::string_view area_name(BodyArea area) { return kAreaNames[static_cast<std::size_t>(area)]; }

MuscleLibraryParseResult parse_muscle_library(std::string_view text, std::string_view file) {
  try {
    return parse_checked(text, file);
  } catch (const std::exception& e) {
    MuscleLibraryParseResult result;
    result.problems.push_back(
        {std::string(file), 0, 0, "", std::string("could not read the muscles: ") + e.what()});
    return result;
  } catch (...) {
    MuscleLibraryParseResult result;
    result.problems.push_back({std::string(file), 0, 0, "", "could not read the muscles"});
    return result;
  }
}

}  // namespace unknot::core
