#include "app/layout.h"

#include <algorithm>
#include <cmath>

#include "app/bodymap_layout.h"
#include "app/builder_layout.h"
#include "app/care_flow.h"
#include "app/care_layout.h"
#include "app/legacy_screens.h"
#include "app/progress_flow.h"
#include "app/session_flow.h"

namespace unknot::app {

Rect column(Size window) {
  const float w = std::min(window.w - 2 * kMargin, kMaxColumn);
  return {snap((window.w - w) / 2), kMargin, w, window.h - 2 * kMargin};
}

DialogLayout dialog_layout(Size window) {
  DialogLayout d;
  const Rect col = column(window);
  const float h = 232;
  d.box = {col.x, snap(window.h / 2 - h / 2), col.w, h};
  const Rect inside = d.box.inset(kMargin);
  d.title = {inside.x, inside.y, inside.w, kTitleLine};
  d.body = {inside.x, inside.y + kTitleLine + kSmallGap, inside.w, kBodyLine * 2};
  const float bw = (inside.w - kSmallGap) / 2;
  d.cancel = {inside.x, inside.bottom() - kButtonHeight, bw, kButtonHeight};
  d.confirm = {snap(inside.x + bw + kSmallGap), inside.bottom() - kButtonHeight, bw, kButtonHeight};
  return d;
}

std::vector<Hit> legacy_hits(const AppModel& m, Size window) {
  std::vector<Hit> out;
  builder_hits(m, window, out);
  return out;
}

}  // namespace unknot::app
