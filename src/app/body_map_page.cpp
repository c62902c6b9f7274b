// Notes on behaviour the header leaves open:
// - Choosing a zone keeps the picks: a person may pick muscles from several zones (a sore
//   temple and a stiff neck) into one routine. Switching the view keeps the chosen zone and its
//   list; the zone is outlined only where it is drawn, and a line says which view shows it.
// - The figure shades muscles on the chosen place's side only (a sore left temple lights the
//   left temporalis); a midline place (the back of the neck) shades both sides.
// - "Head" is a close-up of the view's head and neck, two and a half times larger, so the ear
//   and the eye can be tapped; a tap that lands on no zone chooses the nearest within 6 figure
//   units (2.4 in the close-up: about a fingertip either way).
// - A fifth pick is refused with a short message saying why (one routine holds up to four
//   muscles, so it stays 10-15 minutes).
#include "app/body_map_page.h"

#include <algorithm>
#include <cmath>

#include "app/bodymap_flow.h"
#include "app/care_flow.h"
#include "app/screens.h"
#include "core/content_language.h"
#include "core/routine_builder.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

constexpr const char* kTitle = core::tr_noop("Where does it hurt?");  // the page's heading

constexpr float kGap = 16;
constexpr float kSmallGap = 8;
constexpr float kTapReach = 6;  // figure units on the whole figure
constexpr float kMinRow = 64;

bool ends_with(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

std::vector<std::string> on_side(const std::vector<std::string>& ids, core::Side side) {
  if (side == core::Side::None) return ids;
  std::vector<std::string> out;
  for (const auto& id : ids) {
    const core::Side z = zone_side(id);
    if (z == core::Side::None || z == side) out.push_back(id);
  }
  return out;
}

void add_shading(FigureShading& into, const FigureShading& from) {
  into.location.insert(into.location.end(), from.location.begin(), from.location.end());
  into.referral.insert(into.referral.end(), from.referral.begin(), from.referral.end());
}

int zone_index(const core::BodyMap& map, std::string_view id) {
  const auto* z = map.find(id);
  return z == nullptr ? -1 : static_cast<int>(z - map.zones.data());
}

// Whether every shape of the zone has its centre inside the head's close-up.
bool in_head(const core::BodyZone& z) {
  const auto inside = [](float x, float y) {
    return x >= kHeadWindow.x && x <= kHeadWindow.x + kHeadWindow.w && y >= kHeadWindow.y &&
           y <= kHeadWindow.y + kHeadWindowH;
  };
  return std::all_of(z.shapes.begin(), z.shapes.end(), [&](const core::BodyShape& s) {
    return inside(s.x, s.y) && (!s.to || inside(s.to->first, s.to->second));
  });
}

// How far a point lies outside a shape, in figure units (0 or less: inside).
float distance_outside(const core::BodyShape& s, float px, float py) {
  if (s.to) {
    const float ax = s.x, ay = s.y, bx = s.to->first, by = s.to->second;
    const float dx = bx - ax, dy = by - ay;
    const float len2 = dx * dx + dy * dy;
    const float t =
        len2 > 0 ? std::clamp(((px - ax) * dx + (py - ay) * dy) / len2, 0.0f, 1.0f) : 0.0f;
    return std::hypot(px - (ax + t * dx), py - (ay + t * dy)) - s.rx;
  }
  const float rx = std::max(s.rx, 0.01f), ry = std::max(s.ry, 0.01f);
  const float k = std::hypot((px - s.x) / rx, (py - s.y) / ry);
  // Scaled radial distance: exact on circles, close enough on the map's gentle ellipses.
  return (k - 1) * std::min(rx, ry);
}

void show_toast(AppModel& m, std::string text) {
  m.toast = std::move(text);
  m.toast_until = m.wall_now + std::chrono::seconds{5};
}

std::string status_text(const BodyMapScreen& s, const core::BodyZone* zone, std::size_t rows) {
  std::string status;
  if (zone == nullptr) {
    status = core::tr("Muscles that commonly send pain there are listed below.");
  } else if (rows == 0) {
    status = core::tr("No muscle in the library is known to refer pain here.");
  } else if (s.selected.empty()) {
    status = core::tr("Pick up to 4 muscles for a routine.");
  }
  if (!s.selected.empty()) {
    // TRANSLATORS: {n} muscles picked of the 4 a routine may hold.
    const std::string of_four = core::tr("{n} of 4 picked.");
    const std::string picked = core::fill(of_four, {{"n", std::to_string(s.selected.size())}});
    status += (status.empty() ? "" : " ") + picked;
  }
  return status;
}

BodyMapPageLayout layout_at(const AppModel& m, const BodyMapScreen& s, const Env& env, float dy,
                            const FigureShading& shading) {
  BodyMapPageLayout l;
  const bool loaded = m.body_map && m.library;
  l.page = page_frame(env.window, loaded);
  l.back = {l.page.top_bar.x - 12, l.page.top_bar.y, 48, 48};
  const Rect col = l.page.column;
  const float top = l.page.viewport.y + kSmallGap - dy;
  const float left_w = l.page.wide ? std::min(440.0f, std::floor((col.w - 2 * kGap) / 2)) : col.w;
  Flow f{env.text, col.x, left_w, top};
  l.title = f.add(core::tr(kTitle), Font::Title, 12);
  if (!loaded) {
    l.empty = f.add(core::tr("The body map could not be loaded, so it can't be shown. The "
                             "routines on Home still work."),
                    Font::Body, kGap);
    l.content_h = f.y + dy - l.page.viewport.y;
    return l;
  }
  l.build = l.page.bottom;
  const core::BodyMap& map = *m.body_map;
  const core::BodyZone* zone = map.find(s.zone);
  const auto rows = bodymap_rows(m, s);

  // The view toggle.
  const Rect chips = f.take(48, kGap);
  const float chip_w = std::min(120.0f, std::floor((left_w - 2 * kSmallGap) / 3));
  l.front = {chips.x, chips.y, chip_w, 48};
  l.back_view = {l.front.right() + kSmallGap, chips.y, chip_w, 48};
  l.head = {l.back_view.right() + kSmallGap, chips.y, chip_w, 48};

  // The figure, and beside it (or under it) the place and what to do next.
  bool beside = false;
  if (s.head) {
    const float w = std::min(left_w, 360.0f);
    l.figure = {f.x, f.y, w, std::round(w * kHeadWindowH / kHeadWindow.w)};
    l.window = kHeadWindow;
  } else {
    const float h = std::round(std::clamp(l.page.viewport.h * 0.5f, 200.0f, 360.0f));
    l.figure = {f.x, f.y, std::round(h * 100 / 220), h};
    l.window = kWholeFigure;
    beside = left_w - l.figure.w - kGap >= 150;
  }
  Flow side = beside
                  ? Flow{env.text, l.figure.right() + kGap, left_w - l.figure.w - kGap, l.figure.y}
                  : Flow{env.text, f.x, left_w, l.figure.bottom() + kGap};
  l.place =
      side.add(zone != nullptr ? zone->label : core::tr("Tap where it hurts"), Font::Heading, 4);
  if (zone != nullptr && zone->view != s.view) {
    // TRANSLATORS: the chosen place is drawn on the other view of the body figure.
    l.shown_on = side.add(zone->view == core::BodyView::Front ? core::tr("Shown on the front")
                                                              : core::tr("Shown on the back"),
                          Font::Caption, 4);
  }
  l.status = side.add(status_text(s, zone, rows.size()), Font::Caption, 12);
  const auto legend = [&](bool spread, std::string_view text) {
    FigureLegendItem item;
    item.spread = spread;
    item.text = text_block(env.text, text, Font::Caption, side.x + 18, side.y, side.w - 18);
    item.dot = {side.x + 6, side.y + env.text.line_height(Font::Caption) / 2};
    side.y = item.text.box.bottom() + 4;
    l.legend.push_back(std::move(item));
  };
  // TRANSLATORS: the figure's legend: where the muscle lies, and where its pain spreads.
  if (!shading.location.empty()) legend(false, core::tr("The muscle"));
  if (!shading.referral.empty()) legend(true, core::tr("Its pain spreads"));
  f.y = std::max(l.figure.bottom(), side.y) + kGap;

  // The muscle list: under the figure on a phone, beside it on a desktop.
  Flow list =
      l.page.wide ? Flow{env.text, col.x + left_w + 2 * kGap, col.w - left_w - 2 * kGap, top} : f;
  if (zone != nullptr && !rows.empty())
    l.list_title = list.add(core::tr("May refer pain here"), Font::Heading, kSmallGap);
  if (rows.empty()) {
    l.empty = list.add(zone == nullptr
                           ? core::tr("Choose a place on the figure. The arrow keys move between "
                                      "places when the figure has focus.")
                           : core::tr("Try a place nearby, or the other view."),
                       Font::Body, kGap);
  }
  for (const core::MuscleInfo* muscle : rows) {
    MuscleRowLayout r;
    const float text_x = list.x + 52;
    const float text_w = list.w - 52 - 48 - kSmallGap - 8;
    r.name = text_block(env.text, muscle->name, Font::BodyStrong, text_x, list.y + 10, text_w);
    std::string detail = core::region_text(muscle->region);
    if (!muscle->tool.empty())
      detail += (detail.empty() ? "" : " · ") + core::tool_text(muscle->tool);
    r.detail = text_block(env.text, detail, Font::Caption, text_x, r.name.box.bottom() + 2, text_w);
    const float h = std::max(kMinRow, r.detail.box.bottom() + 10 - list.y);
    r.row = list.take(h, kSmallGap);
    const float spare = h - (r.detail.box.bottom() + 10 - r.row.y);
    r.name.box.y += spare / 2;
    r.detail.box.y += spare / 2;
    r.toggle = {r.row.x, r.row.y, r.row.w - 48 - kSmallGap, h};
    r.info = {r.row.right() - 48, r.row.y + (h - 48) / 2, 48, 48};
    l.rows.push_back(std::move(r));
  }
  l.content_h = std::max(f.y, list.y + kSmallGap) + dy - l.page.viewport.y;

  // A short message floats over the foot of the list for a few seconds.
  if (!m.toast.empty() && m.wall_now < m.toast_until) {
    const float w = l.build.w;
    l.toast = text_block(env.text, m.toast, Font::Caption, l.build.x + 16, 0, w - 32);
    const float h = l.toast.box.h + 24;
    l.toast_card = {l.build.x, l.build.y - kSmallGap - h, w, h};
    l.toast.box.y = l.toast_card.y + 12;
  }
  return l;
}

void build(AppModel& m, const BodyMapScreen& s) {
  if (!m.library || s.selected.empty() || static_cast<int>(s.selected.size()) > kMaxPicks) return;
  const core::PatternLookup lookup = [&m](std::string_view id) { return find_pattern(m, id); };
  core::BuildRequest request;
  request.muscle_ids = s.selected;
  const core::BuildResult result = core::build_routine(request, *m.library, lookup);
  if (!result.routine) {
    show_toast(m,
               result.problem.empty() ? core::tr("This routine can't be built") : result.problem);
    return;
  }
  CatalogEntry entry;
  try {
    entry = make_catalog_entry(*result.routine, lookup);
  } catch (const std::exception& e) {
    // TRANSLATORS: {error} is a technical reason, in English.
    const std::string problem = core::tr("This routine can't be played: {error}");
    show_toast(m, core::fill(problem, {{"error", e.what()}}));
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
  apply_profile_to_catalog(m);
  RoutineScreen page{index, std::nullopt};
  page.map = s;  // Back returns to the map with these picks
  open_screen(m, page);
}

}  // namespace

core::Side zone_side(std::string_view id) {
  if (ends_with(id, "_left")) return core::Side::Left;
  if (ends_with(id, "_right")) return core::Side::Right;
  return core::Side::None;
}

FigureShading muscle_shading(const core::MuscleInfo& muscle, core::Side side) {
  FigureShading s;
  s.location = on_side(muscle.location_zones, side);
  s.referral = on_side(muscle.referral_zones, side);
  return s;
}

FigureShading session_shading(const AppModel& m) {
  const core::MuscleInfo* muscle = session_muscle(m);
  if (muscle == nullptr) return {};
  const ActiveSession& s = *m.session;
  const auto pos = s.timeline->position_at(s.run.elapsed(m.session_now));
  FigureShading shading = muscle_shading(*muscle, s.timeline->step(pos.step_index).side);
  shading.zone_outlines = false;
  return shading;
}

FigureShading map_shading(const AppModel& m, const BodyMapScreen& s, std::optional<Control> focus) {
  FigureShading shading;
  shading.chosen = s.zone;
  if (!m.library) return shading;
  const core::Side side = zone_side(s.zone);
  for (const auto& id : s.selected) {
    if (const auto* muscle = m.library->find(id))
      add_shading(shading, muscle_shading(*muscle, side));
  }
  if (focus &&
      (focus->kind == ControlKind::MuscleToggle || focus->kind == ControlKind::MuscleInfo)) {
    const auto rows = bodymap_rows(m, s);
    if (focus->index >= 0 && focus->index < static_cast<int>(rows.size())) {
      add_shading(shading, muscle_shading(*rows[static_cast<std::size_t>(focus->index)], side));
    }
  }
  return shading;
}

BodyMapPageLayout body_map_layout(const AppModel& m, const BodyMapScreen& s, const Env& env) {
  const FigureShading shading = map_shading(m, s, std::nullopt);
  BodyMapPageLayout l = layout_at(m, s, env, 0, shading);
  const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.page.viewport.h));
  return dy > 0 ? layout_at(m, s, env, dy, shading) : l;
}

std::vector<int> shown_zones(const core::BodyMap& map, const BodyMapScreen& s) {
  std::vector<int> out;
  for (std::size_t i = 0; i < map.zones.size(); ++i) {
    const core::BodyZone& z = map.zones[i];
    if (z.view == s.view && (!s.head || in_head(z))) out.push_back(static_cast<int>(i));
  }
  return out;
}

std::vector<const core::MuscleInfo*> bodymap_rows(const AppModel& m, const BodyMapScreen& s) {
  if (!m.library || s.zone.empty()) return {};
  // Therapist mode does not unlock them for the person's own routines: only homework does.
  return m.library->referring_to(s.zone, false);
}

int focus_zone(const AppModel& m, const BodyMapScreen& s) {
  if (!m.body_map) return -1;
  const auto zones = shown_zones(*m.body_map, s);
  const int chosen = zone_index(*m.body_map, s.zone);
  if (std::find(zones.begin(), zones.end(), chosen) != zones.end()) return chosen;
  return zones.empty() ? -1 : zones.front();
}

std::optional<int> zone_step(const AppModel& m, int delta) {
  const auto* s = std::get_if<BodyMapScreen>(&m.screen);
  if (s == nullptr || !m.body_map) return std::nullopt;
  const auto zones = shown_zones(*m.body_map, *s);
  if (zones.empty()) return std::nullopt;
  const int n = static_cast<int>(zones.size());
  const auto it = std::find(zones.begin(), zones.end(), zone_index(*m.body_map, s->zone));
  if (it == zones.end()) return delta >= 0 ? zones.front() : zones.back();
  const int at = static_cast<int>(it - zones.begin());
  return zones[static_cast<std::size_t>(((at + delta) % n + n) % n)];
}

std::optional<Control> bodymap_figure_hit(const AppModel& m, Size window, Point p) {
  const auto* s = std::get_if<BodyMapScreen>(&m.screen);
  if (s == nullptr || !m.body_map || !m.library) return std::nullopt;
  const Env env{window, measure_of(m), m.scroll.offset};
  const auto l = body_map_layout(m, *s, env);
  if (!l.figure.contains(p) || !l.page.viewport.contains(p) || l.figure.w <= 0) return std::nullopt;
  const float k = l.figure.w / l.window.w;  // dp per figure unit
  const float fx = l.window.x + (p.x - l.figure.x) / k, fy = l.window.y + (p.y - l.figure.y) / k;
  const core::BodyMap& map = *m.body_map;
  const auto zones = shown_zones(map, *s);
  if (const auto* zone = map.zone_at(s->view, fx, fy)) {
    const int i = static_cast<int>(zone - map.zones.data());
    if (std::find(zones.begin(), zones.end(), i) != zones.end())
      return Control{ControlKind::BodyZone, i};
  }
  int best = -1;
  float best_d = kTapReach * l.window.w / kWholeFigure.w;
  for (int i : zones) {
    for (const auto& shape : map.zones[static_cast<std::size_t>(i)].shapes) {
      const float d = distance_outside(shape, fx, fy);
      if (d < best_d) {
        best_d = d;
        best = i;
      }
    }
  }
  if (best < 0) return std::nullopt;
  return Control{ControlKind::BodyZone, best};
}

ScreenFrame frame(const AppModel& m, const BodyMapScreen& s, const Env& env) {
  const auto l = body_map_layout(m, s, env);
  ScreenFrame f;
  f.title = core::tr(kTitle);
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  add_target(f, {ControlKind::Back, 0}, l.back, core::trc("button", "Back"));
  if (l.build.w <= 0) return f;
  // TRANSLATORS: spoken names of the body figure's views: the front, the back, the head enlarged.
  add_scrolling(f, {ControlKind::BodyView, 0}, l.front, core::trc("body view", "Front"),
                Role::Option);
  add_scrolling(f, {ControlKind::BodyView, 1}, l.back_view, core::tr("Back view"), Role::Option);
  add_scrolling(f, {ControlKind::BodyView, 2}, l.head, core::tr("Head close-up"), Role::Toggle);
  if (const int zone = focus_zone(m, s); zone >= 0) {
    add_scrolling(f, {ControlKind::BodyZone, zone}, l.figure,
                  m.body_map->zones[static_cast<std::size_t>(zone)].label, Role::Zone);
  }
  const auto rows = bodymap_rows(m, s);
  for (std::size_t i = 0; i < l.rows.size() && i < rows.size(); ++i) {
    const int index = static_cast<int>(i);
    add_scrolling(f, {ControlKind::MuscleToggle, index}, l.rows[i].toggle, rows[i]->name,
                  Role::Toggle);
    // TRANSLATORS: the spoken name of a muscle's details button.
    const std::string about = core::tr("About {muscle}");
    add_scrolling(f, {ControlKind::MuscleInfo, index}, l.rows[i].info,
                  core::fill(about, {{"muscle", rows[i]->name}}));
  }
  add_target(f, {ControlKind::BuildRoutine, 0}, l.build, core::tr("Build routine"), Role::Button,
             !s.selected.empty());
  return f;
}

Control primary(const AppModel& m, const BodyMapScreen& s) {
  if (!m.body_map || !m.library) return {ControlKind::Back, 0};
  if (!s.selected.empty()) return {ControlKind::BuildRoutine, 0};
  if (!s.zone.empty() && !bodymap_rows(m, s).empty()) return {ControlKind::MuscleToggle, 0};
  if (const int zone = focus_zone(m, s); zone >= 0) return {ControlKind::BodyZone, zone};
  return {ControlKind::Back, 0};
}

void activate(Step& st, BodyMapScreen& s, Control c) {
  AppModel& m = st.m;
  const int i = c.index;
  switch (c.kind) {
    case ControlKind::Back:
      back(st, s);
      return;
    case ControlKind::MuscleInfo: {
      const auto rows = bodymap_rows(m, s);
      if (i >= 0 && i < static_cast<int>(rows.size())) {
        open_screen(m, MuscleScreen{rows[static_cast<std::size_t>(i)]->id, s});
      }
      return;
    }
    case ControlKind::BuildRoutine: {
      const BodyMapScreen picks = s;
      build(m, picks);
      return;
    }
    case ControlKind::BodyView:
      if (i == 0 || i == 1) s.view = static_cast<core::BodyView>(i);
      if (i == 2) s.head = !s.head;
      break;
    case ControlKind::BodyZone:
      if (m.body_map && i >= 0 && i < static_cast<int>(m.body_map->zones.size())) {
        const core::BodyZone& zone = m.body_map->zones[static_cast<std::size_t>(i)];
        s.zone = zone.id;
        s.view = zone.view;
        if (!in_head(zone)) s.head = false;
      }
      break;
    case ControlKind::MuscleToggle: {
      const auto rows = bodymap_rows(m, s);
      if (i < 0 || i >= static_cast<int>(rows.size())) return;
      const std::string& id = rows[static_cast<std::size_t>(i)]->id;
      const auto it = std::find(s.selected.begin(), s.selected.end(), id);
      if (it != s.selected.end()) {
        s.selected.erase(it);
      } else if (static_cast<int>(s.selected.size()) >= kMaxPicks) {
        show_toast(m, core::tr("Up to 4 muscles make one routine. Unpick one to add another."));
      } else {
        s.selected.push_back(id);
      }
      break;
    }
    default:
      return;
  }
  // The list and the targets changed: keep the focus and the scroll within them.
  const auto n = static_cast<int>(controls(m).size());
  m.focus = std::clamp(m.focus, 0, std::max(0, n - 1));
  clamp_scroll(m.scroll, screen_frame(m));
}

void back(Step& st, BodyMapScreen&) { open_screen(st.m, HomeScreen{}); }

void scroll(Step& st, BodyMapScreen&, float dy) { scroll_content(st.m, dy); }

void text_input(Step&, BodyMapScreen&, const TextInput&) {}

}  // namespace unknot::app
