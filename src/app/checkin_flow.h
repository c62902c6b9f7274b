// The daily check-in and the Patient Global Impression of Change (domain.md §4.1, §4.4), as part
// of the state machine. Private to app; pure.
#pragma once

#include <vector>

#include "app/actions.h"
#include "app/effects.h"
#include "app/model.h"

namespace unknot::app {

// Opens today's check-in if nothing else is on screen.
void on_checkin_due(AppModel& m, const CheckinDue& due);
// Handles the check-in's controls; false when the check-in is not open.
bool on_checkin_activated(AppModel& m, const Activated& a, std::vector<Effect>& fx);

}  // namespace unknot::app
