// The pure state machine: update(model, action) -> the next model and the effects to perform.
// Never does I/O or reads a clock. Depends on std and core only.
#pragma once

#include <vector>

#include "app/actions.h"
#include "app/effects.h"
#include "app/model.h"

namespace unknot::app {

struct Transition {
  AppModel model;
  std::vector<Effect> effects;
};

Transition update(AppModel model, const Action& action);

// Controls of the current screen in focus order (Tab order).
std::vector<Control> controls(const AppModel& model);
// The control that has focus when the current screen opens (Enter alone walks the main path).
Control primary_control(const AppModel& model);
// The focused control, if the screen has any.
std::optional<Control> focused_control(const AppModel& model);

// True while a text field has focus (a pattern's name, an entry's note): typing goes there.
bool editing_text(const AppModel& model);

// True while something moves on screen (a running session): the shell draws every frame then,
// and otherwise waits for events.
bool animating(const AppModel& model);

// A catalog entry for a parsed routine (expands it into a timeline). Throws
// std::invalid_argument if a step cannot be played.
CatalogEntry make_catalog_entry(core::Routine routine, const core::PatternLookup& lookup);

}  // namespace unknot::app
