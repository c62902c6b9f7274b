// The built-in content (assets/routines, assets/muscles.json, assets/body_map.json) in the current
// language. The loaders translate what they read, in place, each time they read it: a routine of
// Unknot's own, the muscle library and the body map. Never a therapist's homework nor a routine a
// person built and kept: those are their words. Pure std.
//
// Each text is looked up with core::trc in a context made from ids, never from positions, by the
// rule below; scripts/content_messages.py makes the same contexts for the catalogs (change both
// together):
//   routine <id>: title | summary | caution
//   routine <id>, step <muscle id>: title | posture | instruction | referral   (a pressure step)
//   routine <id>, breathing step: title | posture | instruction
//   muscle <id>: name | where | referral | posture | instruction | near bone | caution
//   muscle <id>: hands posture | hands instruction
//   body map: place <zone id>
// Two texts in one context are told apart by their English (a routine's cautions; a muscle's
// step that comes twice).
//
// Tools and regions are NOT translated in place: the safety rules read the tool texts ("ball",
// "roller": health_profile.cpp) and a muscle's region ("Thigh"), and a session's region is kept
// in the record and compared there. They stay in English and are shown through tool_text and
// region_text, in one shared context each ("tool", "body region").
#pragma once

#include <string>
#include <string_view>

#include "core/body_map.h"
#include "core/muscle_library.h"
#include "core/routine.h"

namespace unknot::core {

inline constexpr std::string_view kToolContext = "tool";
inline constexpr std::string_view kBodyRegionContext = "body region";

// The contexts of the rule above. `field` is one of the names listed there ("title", "near bone").
std::string routine_context(std::string_view routine_id, std::string_view field);
std::string step_context(std::string_view routine_id, const StepSpec& step, std::string_view field);
std::string muscle_context(std::string_view muscle_id, std::string_view field);
std::string place_context(std::string_view zone_id);

// A tool text ("Ball against a wall") or a region ("Neck") of the content, as shown: the
// translation when the catalog has one, else the text as it is (a therapist's own words stay).
std::string tool_text(std::string_view english);
std::string region_text(std::string_view english);

// A built-in routine (assets/routines) in the current language: title, summary, cautions, and
// each step's title, posture, instruction and referral. Ids, tools, regions and sources stay.
void translate_builtin_routine(Routine& routine);
// The muscle library: names, where, referral, posture, instruction, near bone, cautions and the
// hands technique's posture and instruction. Ids, zones, tools, regions and sources stay.
void translate_muscle_library(MuscleLibrary& library);
// The body map: each place's label.
void translate_body_map(BodyMap& map);

}  // namespace unknot::core
