#include "app/layout.h"

#include <algorithm>
#include <cmath>

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

}  // namespace unknot::app
