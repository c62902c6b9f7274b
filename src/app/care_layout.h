// Where things go on the settings screen, in dp (same rules as layout.h).
#pragma once

#include <vector>

#include "app/layout.h"
#include "app/model.h"

namespace unknot::app {

// Settings: rows for the health profile, sound and the therapist switch, and a line on the
// safety check; the tab bar at the bottom.
// In therapist mode a "Build homework" row comes under the switch (`homework`, else h = 0).
struct SettingsLayout {
  Rect title, profile, sound, therapist, homework, therapist_detail, safety;
};
SettingsLayout settings_layout(Size window, bool therapist_mode = false);

}  // namespace unknot::app
