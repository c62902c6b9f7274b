// The desktop window's size: the requested dp size at the interface scale, kept within the
// display's usable area. Pure std; the shell asks SDL for the bounds.
#pragma once

#include <optional>

namespace unknot::platform {

struct PointSize {
  int w = 0, h = 0;
  friend bool operator==(const PointSize&, const PointSize&) = default;
};

// The smallest the person may make the window, in dp, before scaling.
inline constexpr PointSize kMinWindowDp{320, 480};
// Room left for the window's own title bar and borders, in points: usable bounds exclude panels
// and docks, not the decorations the window manager adds around our client area.
inline constexpr PointSize kDecorationPt{32, 64};

struct WindowFit {
  PointSize size;     // the window's client area in points
  PointSize minimum;  // for SDL_SetWindowMinimumSize, never larger than `size`
};

// `requested_dp` (each side > 0) times `scale` (points per dp, > 0; anything else counts as 1),
// each side shrunk to fit `usable` (the display's usable bounds in points) less kDecorationPt.
// The window keeps at least 1 point a side. With no usable bounds known, nothing is shrunk.
// The content's dp size is then size / scale: a scaled window that had to shrink scrolls.
WindowFit fit_window(PointSize requested_dp, float scale, std::optional<PointSize> usable);

}  // namespace unknot::platform
