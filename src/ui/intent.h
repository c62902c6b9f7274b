// Translates SDL events into app actions at the boundary (rxi/lite style): taps, clicks and
// keys become plain values. ui only; the only place key codes are interpreted.
#pragma once

#include <SDL.h>

#include <optional>

#include "app/actions.h"
#include "app/layout.h"
#include "app/model.h"

namespace unknot::ui {

// window: the window in dp; px_per_dp converts mouse coordinates (which SDL gives in window
// points) — pass the ratio of window points to dp.
std::optional<app::Action> intent(const SDL_Event& e, const app::AppModel& m, app::Size window,
                                  float points_per_dp);

}  // namespace unknot::ui
