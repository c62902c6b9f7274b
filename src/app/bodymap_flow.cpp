#include "app/bodymap_flow.h"

#include <algorithm>

#include "app/bodymap_layout.h"
#include "app/care_flow.h"
#include "app/screens.h"
#include "app/update.h"

namespace unknot::app {
std::vector<int> view_zones(const core::BodyMap& map, core::BodyView view) {
  std::vector<int> out;
  for (std::size_t i = 0; i < map.zones.size(); ++i) {
    if (map.zones[i].view == view) out.push_back(static_cast<int>(i));
  }
  return out;
}

core::BodyView muscle_view(const core::BodyMap& map, const core::MuscleInfo& muscle) {
  for (const auto& id : muscle.location_zones) {
    if (const auto* z = map.find(id)) return z->view;
  }
  return core::BodyView::Front;
}

const core::MuscleInfo* session_muscle(const AppModel& m) {
  if (!m.session || m.session->breathing() || !m.library) return nullptr;
  const ActiveSession& s = *m.session;
  const core::Timeline& t = *s.timeline;
  if (t.step_count() == 0) return nullptr;
  const auto pos = t.position_at(s.run.elapsed(m.session_now));
  const core::Step& step = t.step(pos.step_index);
  if (step.kind != core::StepKind::Pressure) return nullptr;
  return m.library->find(step.muscle);
}

void on_library_loaded(AppModel& m, const LibraryLoaded& loaded) {
  m.library = loaded.library;
  m.body_map = loaded.map;
  // The profile's rules by body area and the therapist-only muscles need the library.
  apply_profile_to_catalog(m);
}

}  // namespace unknot::app
