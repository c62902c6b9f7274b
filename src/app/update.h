// The pure state machine: update(model, action) -> the next model and the effects to perform.
// Never does I/O or reads a clock. Depends on std and core only.
#pragma once

#include <vector>

#include "app/actions.h"
#include "app/effects.h"
#include "app/model.h"
#include "app/screens.h"

namespace unknot::app {

struct Transition {
  AppModel model;
  std::vector<Effect> effects;
};

Transition update(AppModel model, const Action& action);

}  // namespace unknot::app
