// Notes on behaviour the header leaves open:
// - Choosing a zone keeps the picks: a person may pick muscles from several zones (a sore
//   temple and a stiff neck) into one routine. Switching the view keeps the chosen zone and its
//   list; the zone is highlighted only on its own view.
// - A fifth pick is refused with a short message saying why (one routine holds up to four
//   muscles, so it stays 10-15 minutes).
// - A built routine replaces one with the same id in the catalog (building the same muscles
//   again gives the same routine), and its screen offers Save until it is saved.
#include "app/bodymap_flow.h"

#include <algorithm>

#include "app/bodymap_layout.h"
#include "app/breathe_flow.h"
#include "app/update.h"
#include "core/routine_builder.h"

namespace unknot::app {
namespace {

Size window_of(const AppModel& m) { return {m.window_w, m.window_h}; }

void show_toast(AppModel& m, std::string text) {
  m.toast = std::move(text);
  m.toast_until = m.wall_now + std::chrono::seconds{5};
}

int zone_index(const core::BodyMap& map, std::string_view id) {
  const auto* z = map.find(id);
  return z == nullptr ? -1 : static_cast<int>(z - map.zones.data());
}

void build(AppModel& m, const BodyMapScreen& s) {
  if (!m.library || s.selected.empty() || static_cast<int>(s.selected.size()) > kMaxPicks) return;
  const core::PatternLookup lookup = [&m](std::string_view id) { return find_pattern(m, id); };
  core::BuildRequest request;
  request.muscle_ids = s.selected;
  const core::BuildResult result = core::build_routine(request, *m.library, lookup);
  if (!result.routine) {
    show_toast(m, result.problem.empty() ? "This routine can't be built" : result.problem);
    return;
  }
  CatalogEntry entry;
  try {
    entry = make_catalog_entry(*result.routine, lookup);
  } catch (const std::exception& e) {
    show_toast(m, std::string("This routine can't be played: ") + e.what());
    return;
  }
  entry.built = true;
  int index = find_routine(m, entry.routine.id);
  if (index >= 0) {
    entry.last = m.catalog[static_cast<std::size_t>(index)].last;
    m.catalog[static_cast<std::size_t>(index)] = std::move(entry);
  } else {
    m.catalog.push_back(std::move(entry));
    index = static_cast<int>(m.catalog.size()) - 1;
  }
  RoutineScreen page{index};
  page.map = s;  // Back returns to the map with these picks
  open_screen(m, page);
}

void on_map(AppModel& m, BodyMapScreen& s, const Activated& a) {
  const int i = a.control.index;
  switch (a.control.kind) {
    case ControlKind::BodyView:
      if (i == 0 || i == 1) s.view = static_cast<core::BodyView>(i);
      break;
    case ControlKind::BodyZone:
      if (m.body_map && i >= 0 && i < static_cast<int>(m.body_map->zones.size())) {
        const core::BodyZone& zone = m.body_map->zones[static_cast<std::size_t>(i)];
        if (zone.id != s.zone) s.scroll = 0;
        s.zone = zone.id;
        s.view = zone.view;
      }
      break;
    case ControlKind::MuscleToggle: {
      const auto rows = bodymap_rows(m, s);
      if (i < 0 || i >= static_cast<int>(rows.size())) break;
      const std::string& id = rows[static_cast<std::size_t>(i)]->id;
      const auto it = std::find(s.selected.begin(), s.selected.end(), id);
      if (it != s.selected.end()) {
        s.selected.erase(it);
      } else if (static_cast<int>(s.selected.size()) >= kMaxPicks) {
        show_toast(m, "Up to 4 muscles make one routine. Unpick one to add another.");
      } else {
        s.selected.push_back(id);
      }
      break;
    }
    default: break;
  }
}

}  // namespace

std::vector<int> view_zones(const core::BodyMap& map, core::BodyView view) {
  std::vector<int> out;
  for (std::size_t i = 0; i < map.zones.size(); ++i) {
    if (map.zones[i].view == view) out.push_back(static_cast<int>(i));
  }
  return out;
}

std::vector<const core::MuscleInfo*> bodymap_rows(const AppModel& m, const BodyMapScreen& s) {
  if (!m.library || s.zone.empty()) return {};
  return m.library->referring_to(s.zone, m.therapist_mode);
}

int focus_zone(const AppModel& m, const BodyMapScreen& s) {
  if (!m.body_map) return -1;
  const int chosen = zone_index(*m.body_map, s.zone);
  if (chosen >= 0 && m.body_map->zones[static_cast<std::size_t>(chosen)].view == s.view) return chosen;
  const auto zones = view_zones(*m.body_map, s.view);
  return zones.empty() ? -1 : zones.front();
}

std::optional<int> zone_step(const AppModel& m, int delta) {
  const auto* s = std::get_if<BodyMapScreen>(&m.screen);
  if (s == nullptr || !m.body_map) return std::nullopt;
  const auto zones = view_zones(*m.body_map, s->view);
  if (zones.empty()) return std::nullopt;
  const int n = static_cast<int>(zones.size());
  const auto it = std::find(zones.begin(), zones.end(), zone_index(*m.body_map, s->zone));
  if (it == zones.end()) return delta >= 0 ? zones.front() : zones.back();
  const int at = static_cast<int>(it - zones.begin());
  return zones[static_cast<std::size_t>(((at + delta) % n + n) % n)];
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

bool on_bodymap_activated(AppModel& m, const Activated& a, std::vector<Effect>& fx) {
  const ControlKind kind = a.control.kind;
  if (auto* s = std::get_if<BodyMapScreen>(&m.screen)) {
    BodyMapScreen copy = *s;
    switch (kind) {
      case ControlKind::Back: open_screen(m, HomeScreen{}); return true;
      case ControlKind::MuscleInfo: {
        const auto rows = bodymap_rows(m, copy);
        const int i = a.control.index;
        if (i >= 0 && i < static_cast<int>(rows.size())) {
          open_screen(m, MuscleScreen{rows[static_cast<std::size_t>(i)]->id, copy, 0});
        }
        return true;
      }
      case ControlKind::BuildRoutine: build(m, copy); return true;
      default: break;
    }
    on_map(m, copy, a);
    if (auto* still = std::get_if<BodyMapScreen>(&m.screen)) {
      *still = copy;
      const auto n = static_cast<int>(controls(m).size());
      m.focus = std::clamp(m.focus, 0, std::max(0, n - 1));
      on_bodymap_scrolled(m, 0);
    }
    return true;
  }
  if (auto* ms = std::get_if<MuscleScreen>(&m.screen)) {
    if (kind == ControlKind::Back) {
      const BodyMapScreen back = ms->back_to;
      const std::string muscle = ms->muscle;
      open_screen(m, back);
      // Focus returns to the row's details button the person left from.
      const auto rows = bodymap_rows(m, back);
      for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows[i]->id != muscle) continue;
        const auto list = controls(m);
        const auto it = std::find(list.begin(), list.end(), Control{ControlKind::MuscleInfo, static_cast<int>(i)});
        if (it != list.end()) m.focus = static_cast<int>(it - list.begin());
      }
      bodymap_focus_into_view(m);
    }
    return true;
  }
  return false;
}

bool on_bodymap_back(AppModel& m, std::vector<Effect>& fx) {
  if (std::holds_alternative<BodyMapScreen>(m.screen) || std::holds_alternative<MuscleScreen>(m.screen)) {
    on_bodymap_activated(m, Activated{{ControlKind::Back, 0}}, fx);
    return true;
  }
  return false;
}

void on_bodymap_scrolled(AppModel& m, float dy) {
  const Size window = window_of(m);
  if (auto* s = std::get_if<BodyMapScreen>(&m.screen)) {
    const int rows = static_cast<int>(bodymap_rows(m, *s).size());
    s->scroll = std::clamp(s->scroll + dy, 0.0f, bodymap_max_scroll(window, rows));
  } else if (auto* ms = std::get_if<MuscleScreen>(&m.screen)) {
    const core::MuscleInfo* muscle = m.library ? m.library->find(ms->muscle) : nullptr;
    const float max = muscle ? muscle_max_scroll(window, *muscle) : 0.0f;
    ms->scroll = std::clamp(ms->scroll + dy, 0.0f, max);
  }
}

void bodymap_focus_into_view(AppModel& m) {
  const auto focus = focused_control(m);
  if (!focus) return;
  const Size window = window_of(m);
  // Moves `scroll` so `r` (laid out at that scroll) lies inside [top, bottom].
  const auto reveal = [](float& scroll, Rect r, float top, float bottom) {
    if (r.y < top) scroll -= top - r.y;
    else if (r.bottom() > bottom) scroll += r.bottom() - bottom;
  };
  if (auto* s = std::get_if<BodyMapScreen>(&m.screen)) {
    const int rows = static_cast<int>(bodymap_rows(m, *s).size());
    if ((focus->kind != ControlKind::MuscleToggle && focus->kind != ControlKind::MuscleInfo) ||
        focus->index < 0 || focus->index >= rows) {
      return;
    }
    const auto l = bodymap_layout(window, rows, s->scroll);
    reveal(s->scroll, l.rows[static_cast<std::size_t>(focus->index)], l.viewport.y + 4, l.viewport.bottom() - 4);
  } else {
    return;
  }
  on_bodymap_scrolled(m, 0);
}

bool bodymap_controls(const AppModel& m, std::vector<Control>& list) {
  const auto add = [&list](ControlKind kind, int index = 0) { list.push_back({kind, index}); };
  if (const auto* s = std::get_if<BodyMapScreen>(&m.screen)) {
    add(ControlKind::Back);
    if (!m.body_map) return true;
    add(ControlKind::BodyView, 0);
    add(ControlKind::BodyView, 1);
    if (const int zone = focus_zone(m, *s); zone >= 0) add(ControlKind::BodyZone, zone);
    const int rows = static_cast<int>(bodymap_rows(m, *s).size());
    for (int i = 0; i < rows; ++i) {
      add(ControlKind::MuscleToggle, i);
      add(ControlKind::MuscleInfo, i);
    }
    add(ControlKind::BuildRoutine);
    return true;
  }
  if (std::holds_alternative<MuscleScreen>(m.screen)) {
    add(ControlKind::Back);
    return true;
  }
  return false;
}

std::optional<Control> bodymap_primary(const AppModel& m) {
  if (const auto* s = std::get_if<BodyMapScreen>(&m.screen)) {
    if (!m.body_map) return Control{ControlKind::Back, 0};
    if (!s->selected.empty()) return Control{ControlKind::BuildRoutine, 0};
    if (!s->zone.empty() && !bodymap_rows(m, *s).empty()) return Control{ControlKind::MuscleToggle, 0};
    if (const int zone = focus_zone(m, *s); zone >= 0) return Control{ControlKind::BodyZone, zone};
    return Control{ControlKind::Back, 0};
  }
  if (std::holds_alternative<MuscleScreen>(m.screen)) return Control{ControlKind::Back, 0};
  return std::nullopt;
}

}  // namespace unknot::app
