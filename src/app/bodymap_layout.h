// Where the small body figure goes on the session screen, and Home's scroll limit, in dp, as
// pure functions of the window size (same rules as layout.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/layout.h"
#include "app/model.h"

namespace unknot::app {

// The body map's figure box is 100 × 220 figure units per view (core/body_map.h).
inline constexpr float kFigureUnitsW = 100;
inline constexpr float kFigureUnitsH = 220;

// A figure box of height h, as wide as the figure's aspect ratio asks.
inline float figure_width(float h) { return h * kFigureUnitsW / kFigureUnitsH; }

}  // namespace unknot::app
