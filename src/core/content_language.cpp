#include "core/content_language.h"

#include <cctype>

#include "core/translate.h"

namespace unknot::core {
namespace {

// `text` in the current language, looked up in `context`; an empty text stays empty.
void translate(std::string& text, std::string_view context) {
  if (!text.empty()) text = trc(context, text);
}

void translate_all(std::vector<std::string>& texts, std::string_view context) {
  for (std::string& text : texts) translate(text, context);
}

std::string joined(std::string_view owner, std::string_view field) {
  std::string out;
  out.reserve(owner.size() + 2 + field.size());
  out.append(owner).append(": ").append(field);
  return out;
}

}  // namespace

std::string routine_context(std::string_view routine_id, std::string_view field) {
  return joined("routine " + std::string(routine_id), field);
}

std::string step_context(std::string_view routine_id, const StepSpec& step,
                         std::string_view field) {
  std::string owner = "routine " + std::string(routine_id);
  if (step.kind == StepKind::Pressure && !step.muscle.empty()) {
    owner += ", step " + step.muscle;
  } else {
    owner += ", breathing step";
  }
  return joined(owner, field);
}

std::string muscle_context(std::string_view muscle_id, std::string_view field) {
  return joined("muscle " + std::string(muscle_id), field);
}

std::string place_context(std::string_view zone_id) {
  return "body map: place " + std::string(zone_id);
}

std::string tool_text(std::string_view english) {
  if (english.empty()) return {};
  const std::string whole = trc(kToolContext, english);
  if (whole != english || english.find(", ") == std::string_view::npos) return whole;
  // A routine built of several muscles lists their tools: "Ball against a wall, fingertips".
  std::string out;
  for (std::size_t at = 0; at <= english.size();) {
    std::size_t end = english.find(", ", at);
    if (end == std::string_view::npos) end = english.size();
    std::string part(english.substr(at, end - at));
    // Listed after the first, a tool is lower-cased ("fingertips"); the catalog has "Fingertips".
    std::string looked = trc(kToolContext, part);
    if (looked == part && !part.empty() && std::islower(static_cast<unsigned char>(part[0]))) {
      std::string capital = part;
      capital[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(capital[0])));
      const std::string found = trc(kToolContext, capital);
      if (found != capital) {
        looked = found;
        if (!out.empty() && !looked.empty() && static_cast<unsigned char>(looked[0]) < 0x80)
          looked[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(looked[0])));
      }
    }
    out += (out.empty() ? "" : ", ") + looked;
    at = end + 2;
  }
  return out;
}

std::string region_text(std::string_view english) {
  return english.empty() ? std::string() : trc(kBodyRegionContext, english);
}

void translate_builtin_routine(Routine& routine) {
  const std::string& id = routine.id;
  translate(routine.title, routine_context(id, "title"));
  translate(routine.summary, routine_context(id, "summary"));
  translate_all(routine.cautions, routine_context(id, "caution"));
  for (StepSpec& step : routine.steps) {
    translate(step.title, step_context(id, step, "title"));
    translate(step.posture, step_context(id, step, "posture"));
    translate(step.instruction, step_context(id, step, "instruction"));
    translate(step.referral, step_context(id, step, "referral"));
  }
}

void translate_muscle_library(MuscleLibrary& library) {
  for (MuscleInfo& m : library.muscles) {
    const std::string& id = m.id;
    translate(m.name, muscle_context(id, "name"));
    translate(m.where, muscle_context(id, "where"));
    translate(m.referral, muscle_context(id, "referral"));
    translate(m.posture, muscle_context(id, "posture"));
    translate(m.instruction, muscle_context(id, "instruction"));
    translate(m.near_bone, muscle_context(id, "near bone"));
    translate_all(m.cautions, muscle_context(id, "caution"));
    if (m.hands) {
      translate(m.hands->posture, muscle_context(id, "hands posture"));
      translate(m.hands->instruction, muscle_context(id, "hands instruction"));
    }
  }
}

void translate_body_map(BodyMap& map) {
  for (BodyZone& zone : map.zones) translate(zone.label, place_context(zone.id));
}

}  // namespace unknot::core
