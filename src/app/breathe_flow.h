// The breathing coach and sound settings part of the state machine: the pattern list, a
// pattern's page, the pattern editor and the sound screen. Private to app; pure.
#pragma once

#include <vector>

#include "app/actions.h"
#include "app/effects.h"
#include "app/model.h"
#include "app/screens.h"

namespace unknot::app {


// Handles a control of the breathing and sound screens.
// Returns false when the control is not one of theirs.
bool on_breathe_activated(AppModel& m, const Activated& a, std::vector<Effect>& fx);
// Escape on those screens; false when not one of theirs.
bool on_breathe_back(AppModel& m, std::vector<Effect>& fx);
void on_text(AppModel& m, const TextTyped& t);
void on_erase(AppModel& m);
void on_scrolled(AppModel& m, float dy);
// Keeps the focused row of a scrolling list in view.
void scroll_focus_into_view(AppModel& m);
// Whole breaths offered for the pattern page's length, within the pattern's limits.
int planned_breaths(const AppModel& m, const PatternScreen& s);

}  // namespace unknot::app
