#include "app/bodymap_flow.h"

#include <algorithm>

#include "app/bodymap_layout.h"
#include "app/screens.h"
#include "app/update.h"

namespace unknot::app {
namespace {

Size window_of(const AppModel& m) { return {m.window_w, m.window_h}; }

}  // namespace

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
}

bool on_bodymap_activated(AppModel& m, const Activated& a, std::vector<Effect>&) {
  if (!std::holds_alternative<HomeScreen>(m.screen) || a.control.kind != ControlKind::WhereItHurts)
    return false;
  open_screen(m, BodyMapScreen{});
  return true;
}

void on_bodymap_scrolled(AppModel& m, float dy) {
  const Size window = window_of(m);
  if (auto* s = std::get_if<BodyMapScreen>(&m.screen)) {
  }
}

void bodymap_focus_into_view(AppModel& m) {
  const auto focus = focused_control(m);
  if (!focus) return;
  const Size window = window_of(m);
  // Moves `scroll` so `r` (laid out at that scroll) lies inside [top, bottom].
  const auto reveal = [](float& scroll, Rect r, float top, float bottom) {
    if (r.y < top)
      scroll -= top - r.y;
    else if (r.bottom() > bottom)
      scroll += r.bottom() - bottom;
  };
  if (auto* s = std::get_if<BodyMapScreen>(&m.screen)) {
  } else {
    return;
  }
  on_bodymap_scrolled(m, 0);
}

}  // namespace unknot::app
