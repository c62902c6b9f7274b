// "Where does it hurt?" as part of the state machine: Home's card, the library and map arriving,
// and the muscle of the session's step (the body map and muscle screens are modules of their own:
// body_map_page.h, muscle_page.h). Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actions.h"
#include "app/effects.h"
#include "app/model.h"

namespace unknot::app {

// Indices into map.zones of the zones drawn on a view, in map order (the keyboard's order).
std::vector<int> view_zones(const core::BodyMap& map, core::BodyView view);
// The view that holds a muscle's location zones (front when it has none on the map).
core::BodyView muscle_view(const core::BodyMap& map, const core::MuscleInfo& muscle);
// The muscle of the pressure step playing now, when the library knows it.
const core::MuscleInfo* session_muscle(const AppModel& m);

void on_library_loaded(AppModel& m, const LibraryLoaded& loaded);

}  // namespace unknot::app
