#include "app/builder_flow.h"

#include <algorithm>

#include "app/builder_page.h"
#include "app/screens.h"

namespace unknot::app {
namespace {

// The other half of a pair (− and +, Up and Down): where the focus goes when one of them is
// disabled under it.
Control partner(Control c) {
  switch (c.kind) {
    case ControlKind::BuilderDown:
      return {ControlKind::BuilderUp, c.index};
    case ControlKind::BuilderUp:
      return {ControlKind::BuilderDown, c.index};
    case ControlKind::MoveStepUp:
      return {ControlKind::MoveStepDown, c.index};
    case ControlKind::MoveStepDown:
      return {ControlKind::MoveStepUp, c.index};
    default:
      return c;
  }
}

}  // namespace

void open_builder(AppModel& m, float scroll, std::optional<Control> focus) {
  open_screen(m, builder_screen(m.homework_draft));
  m.scroll.offset = scroll;
  clamp_scroll(m.scroll, screen_frame(m));
  if (focus) focus_control(m, *focus);
  reveal_focus(m);
}

void keep_focus(AppModel& m, Control was) {
  if (!focus_control(m, was)) focus_control(m, partner(was));
  reveal_focus(m);
}

void move_on(Step& st) {
  AppModel& m = st.m;
  const auto n = static_cast<int>(controls(m).size());
  if (n == 0) return;
  m.focus = (m.focus + 1) % n;
  reveal_focus(m);
  if (focused_field(m)) screen_text(st, FieldFocused{});
}

}  // namespace unknot::app
