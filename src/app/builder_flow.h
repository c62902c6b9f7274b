// Moving between the therapist's homework builder pages (therapist mode only): the routine page
// opens from Settings, and the step, picker and schedule pages return to it as it was. Also the
// builder fields' typing. Pure std + core.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

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

// Typing or Backspace in a builder field holding `text`, at most `limit` characters: line
// breaks become spaces. Keeps the field's end, where the caret is, in view.
void edit_field(AppModel& m, std::string& text, std::size_t limit, const TextInput& input);

}  // namespace unknot::app
