#include "desktop/window_fit.h"

#include <algorithm>
#include <cmath>

namespace unknot::platform {
namespace {

int scaled(int dp, float scale) {
  return static_cast<int>(std::lround(static_cast<float>(dp) * scale));
}

}  // namespace

WindowFit fit_window(PointSize requested_dp, float scale, std::optional<PointSize> usable) {
  // `!(scale > 0)` also catches NaN.
  if (!(scale > 0) || !std::isfinite(scale)) scale = 1;
  PointSize size{std::max(1, scaled(requested_dp.w, scale)),
                 std::max(1, scaled(requested_dp.h, scale))};
  if (usable && usable->w > 0 && usable->h > 0) {
    size.w = std::min(size.w, std::max(1, usable->w - kDecorationPt.w));
    size.h = std::min(size.h, std::max(1, usable->h - kDecorationPt.h));
  }
  const PointSize minimum{std::min(size.w, scaled(kMinWindowDp.w, scale)),
                          std::min(size.h, scaled(kMinWindowDp.h, scale))};
  return {size, minimum};
}

}  // namespace unknot::platform
