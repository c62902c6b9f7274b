// The older per-flow dispatchers, still serving the screens that have not yet moved to a module
// of their own (listed in screens.cpp). Private to app; removed with the last of them.
#pragma once

#include <vector>

#include "app/layout.h"
#include "app/model.h"
#include "app/screen_frame.h"

namespace unknot::app {

std::vector<Control> legacy_controls(const AppModel& m);                 // focus.cpp
Control legacy_primary(const AppModel& m);                               // focus.cpp
std::vector<Hit> legacy_hits(const AppModel& m, Size window);            // layout.cpp
void legacy_activate(AppModel& m, const Activated& a, std::vector<Effect>& fx);  // update.cpp
void legacy_back(AppModel& m, std::vector<Effect>& fx);                  // update.cpp
void legacy_scroll(AppModel& m, float dy, std::vector<Effect>& fx);      // update.cpp
void legacy_text(AppModel& m, const TextInput& t);                       // update.cpp

}  // namespace unknot::app
