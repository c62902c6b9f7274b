// Moving between the therapist's homework builder pages (therapist mode only): the routine page
// opens from Settings, and the step, picker and schedule pages return to it as it was. Pure std +
// core.
#pragma once

#include <optional>

#include "app/actions.h"
#include "app/model.h"
#include "app/screen_frame.h"

namespace unknot::app {

// Opens the routine page scrolled to `scroll` dp, with the focus on `focus` (or on its primary
// control) kept in view.
void open_builder(AppModel& m, float scroll = 0, std::optional<Control> focus = std::nullopt);

// After a change on the open page, keeps the focus on `was` (the control focused before it: a
// tap elsewhere leaves the focus where it was); when `was` is disabled now (a + at its
// maximum), on its partner (the − beside it), so the focus never jumps down the page.
void keep_focus(AppModel& m, Control was);

// Enter in a one-line builder field (or Ctrl+Enter in the note): the focus goes on to the next
// control, as Tab takes it (a field reached so selects its text).
void move_on(Step& st);

}  // namespace unknot::app
