// The one dispatcher over the Screen variant: every operation of the screen contract
// (app/screen_frame.h) is visited here, once, for whichever screen is open. Pure std + core.
#pragma once

#include <optional>
#include <vector>

#include "app/model.h"
#include "app/screen_frame.h"
#include "app/text_field.h"

namespace unknot::app {

// The text measure the model was given, or the estimate when it has none yet.
const TextMeasure& measure_of(const AppModel& m);
// The window, measure and scroll the layouts of the open screen use.
Env env_of(const AppModel& m);

// The open screen, measured: its targets in focus order and what scrolls.
ScreenFrame screen_frame(const AppModel& m);
ScreenFrame screen_frame(const AppModel& m, Size window);

// Opens a screen and puts the focus on its primary control. Scrolling restarts at the top
// unless the same screen opens again (a changed state of it).
void open_screen(AppModel& m, Screen screen);

void screen_activate(Step& st, Control c);
void screen_back(Step& st);
void screen_scroll(Step& st, float dy);
void screen_text(Step& st, const TextInput& t);
Control screen_primary(const AppModel& m);

// Puts the focus on `c` if it is an enabled target of the open screen; false if it is not.
bool focus_control(AppModel& m, Control c);

// Scrolls the open screen by dy within its content (the scroll operation most screens use).
void scroll_content(AppModel& m, float dy);
// Keeps the focused target in view if it scrolls.
void reveal_focus(AppModel& m);

// Enabled targets of the open screen in focus order.
std::vector<Control> controls(const AppModel& model);
// The control that has focus when the current screen opens (Enter alone walks the main path).
Control primary_control(const AppModel& model);
// The focused control, if the screen has any.
std::optional<Control> focused_control(const AppModel& model);
// True while a text field (a target of role Field) has focus: typing goes there.
bool editing_text(const AppModel& model);
// The focused text field and where it is, on a screen with fields (app/text_field.h).
std::optional<FieldRef> focused_field(const AppModel& model);
// The text field (a Role::Field target) under a point, if any.
std::optional<Control> field_at(const AppModel& model, Size window, Point p);
// Whether the focused field's caret shows at `now` (false with no field focused), and how long
// until that changes while it blinks.
bool caret_visible(const AppModel& model, core::Instant now);
std::optional<core::Duration> caret_changes_in(const AppModel& model, core::Instant now);
// True while something moves on screen (a running session, content coasting after a fling):
// the shell draws every frame then, and otherwise waits for events.
bool animating(const AppModel& model);

// The enabled targets that can be pressed now, each with its visible rect (a scrolling one
// clipped to the viewport; one scrolled out of view is left out).
std::vector<Target> hits(const AppModel& model, Size window);
// Where the control is drawn now (its visible part), if it can be pressed: what a test clicks.
std::optional<Rect> target_rect(const AppModel& model, Size window, Control control);
// The enabled target under a point (its visible part, for scrolling ones), if any.
std::optional<Control> hit_test(const AppModel& model, Size window, Point p);

}  // namespace unknot::app
