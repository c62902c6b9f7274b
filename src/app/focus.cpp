// The older dispatchers' focus order and primary control, for the screens still on them (the
// therapist's builder). Private to app.
#include "app/builder_flow.h"
#include "app/legacy_screens.h"

namespace unknot::app {

std::vector<Control> legacy_controls(const AppModel& m) {
  std::vector<Control> list;
  builder_controls(m, list);
  return list;
}

Control legacy_primary(const AppModel& m) {
  if (const auto primary = builder_primary(m)) return *primary;
  return {ControlKind::Back, 0};
}

}  // namespace unknot::app
