// "Where does it hurt?" as part of the state machine: Home's card, the body map (front and back
// views, zones, the muscles that commonly refer pain to the chosen zone, up to four picks),
// a muscle's details, building a routine from the picks and saving it, and the figure on the
// session screen. Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actions.h"
#include "app/effects.h"
#include "app/model.h"

namespace unknot::app {

inline constexpr int kMaxPicks = 4;  // muscles in one built routine (core::build_routine)

// Indices into map.zones of the zones drawn on a view, in map order (the keyboard's order).
std::vector<int> view_zones(const core::BodyMap& map, core::BodyView view);
// The muscles listed under the map for its chosen zone, in library order; therapist-only ones
// only in therapist mode. Empty before a zone is chosen or without a library.
std::vector<const core::MuscleInfo*> bodymap_rows(const AppModel& m, const BodyMapScreen& s);
// The zone the keyboard moves to from the chosen one (delta +1 / -1, wrapping within the
// view); the first (or last) zone of the view when none of it is chosen yet.
std::optional<int> zone_step(const AppModel& m, int delta);
// The zone the figure's focus stands for: the chosen zone when it is on the view shown, else
// the view's first zone; -1 without a map.
int focus_zone(const AppModel& m, const BodyMapScreen& s);
// The view that holds a muscle's location zones (front when it has none on the map).
core::BodyView muscle_view(const core::BodyMap& map, const core::MuscleInfo& muscle);
// The muscle of the pressure step playing now, when the library knows it.
const core::MuscleInfo* session_muscle(const AppModel& m);

void on_library_loaded(AppModel& m, const LibraryLoaded& loaded);
// Handles Home's card and the controls of the body map and muscle screens, and Save on a
// built routine; false when the control is not one of theirs.
bool on_bodymap_activated(AppModel& m, const Activated& a, std::vector<Effect>& fx);
// Escape on those screens; false when not one of theirs.
bool on_bodymap_back(AppModel& m, std::vector<Effect>& fx);
// Scrolls Home, the muscle list and the muscle details (dy 0 re-clamps after a resize).
void on_bodymap_scrolled(AppModel& m, float dy);
// Keeps the focused card or row in view.
void bodymap_focus_into_view(AppModel& m);
// Adds the controls of these screens in focus order; false when not one of theirs.
bool bodymap_controls(const AppModel& m, std::vector<Control>& list);
std::optional<Control> bodymap_primary(const AppModel& m);

}  // namespace unknot::app
