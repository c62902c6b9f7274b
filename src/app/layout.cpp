#include "app/layout.h"

#include <algorithm>
#include <cmath>

namespace unknot::app {

Rect column(Size window) {
  const float w = std::min(window.w - 2 * kMargin, kMaxColumn);
  return {snap((window.w - w) / 2), kMargin, w, window.h - 2 * kMargin};
}

}  // namespace unknot::app
