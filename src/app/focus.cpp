#include <algorithm>

#include "app/bodymap_flow.h"
#include "app/builder_flow.h"
#include "app/care_flow.h"
#include "app/legacy_screens.h"
#include "app/progress_flow.h"
#include "app/screens.h"
#include "app/session_flow.h"

namespace unknot::app {

std::vector<Control> legacy_controls(const AppModel& m) {
  std::vector<Control> list;
  const auto add = [&list](ControlKind kind, int index = 0) { list.push_back({kind, index}); };
  if (builder_controls(m, list)) return list;
  if (const auto* r = std::get_if<RatingScreen>(&m.screen)) {
    if (r->moment == RatingMoment::Before) add(ControlKind::Back);
    for (int v = 0; v <= 10; ++v) add(ControlKind::PainValue, v);
    if (r->moment == RatingMoment::Before) {
      const auto& regions = m.catalog.at(static_cast<std::size_t>(r->routine)).routine.regions;
      for (int i = 0; i < static_cast<int>(regions.size()); ++i) add(ControlKind::Region, i);
    }
    add(ControlKind::Confirm);
  } else if (std::holds_alternative<SummaryScreen>(m.screen)) {
    add(ControlKind::Done);
  } else if (std::holds_alternative<ResumeScreen>(m.screen)) {
    add(ControlKind::ResumeSession);
    add(ControlKind::CloseSession);
  } else if (std::holds_alternative<ErrorScreen>(m.screen)) {
    add(ControlKind::Dismiss);
  }
  return list;
}

Control legacy_primary(const AppModel& m) {
  if (const auto primary = builder_primary(m)) return *primary;
  if (std::holds_alternative<RatingScreen>(m.screen)) return {ControlKind::Confirm, 0};
  if (std::holds_alternative<SummaryScreen>(m.screen)) return {ControlKind::Done, 0};
  if (std::holds_alternative<ResumeScreen>(m.screen)) return {ControlKind::ResumeSession, 0};
  return {ControlKind::Dismiss, 0};
}

}  // namespace unknot::app
