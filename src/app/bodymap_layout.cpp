#include "app/bodymap_layout.h"

#include <algorithm>
#include <cmath>

#include "app/progress_layout.h"

namespace unknot::app {
namespace {

float grid(float v) { return std::round(v * 2.0f) / 2.0f; }

}  // namespace

Rect player_figure(Size window) {
  // Beside the pacer, against the column's right edge: as tall as fits clear of the pacer's
  // halo, centred on it when there is room, else in the corner below (or above) it, where the
  // circle curves away.
  const PlayerLayout p = player_layout(window);
  const Rect col = column(window);
  const float top = p.pressure.bottom() + kSmallGap;
  const float bottom = p.caption.y - kSmallGap;
  const float clear = p.pacer_radius + 14;
  const auto fits = [&](Rect r) {
    const float nx = std::clamp(p.pacer_center.x, r.x, r.right());
    const float ny = std::clamp(p.pacer_center.y, r.y, r.bottom());
    return std::hypot(nx - p.pacer_center.x, ny - p.pacer_center.y) >= clear;
  };
  for (float h = std::min(200.0f, bottom - top); h >= 64; h -= 2) {
    const float w = figure_width(h);
    const float x = col.right() - w;
    for (const float y : {p.pacer_center.y - h / 2, bottom - h, top}) {
      const Rect r{x, y, w, h};
      if (r.y >= top && r.bottom() <= bottom && fits(r))
        return {grid(r.x), grid(r.y), grid(w), grid(h)};
    }
  }
  return {};
}

float home_max_scroll(const AppModel& m, Size window) {
  AppModel top = m;
  top.screen = HomeScreen{};
  const auto l = home_layout(top, window);
  return std::max(0.0f, l.content_h - (window.h - kTabBarHeight - (l.viewport.y + 6)));
}

}  // namespace unknot::app
