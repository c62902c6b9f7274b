#include "app/builder_flow.h"

#include <algorithm>
#include <chrono>

#include "app/screens.h"
#include "app/text_util.h"

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
  open_screen(m, BuilderScreen{});
  m.scroll.offset = scroll;
  clamp_scroll(m.scroll, screen_frame(m));
  if (focus) focus_control(m, *focus);
  reveal_focus(m);
}

void keep_focus(AppModel& m, Control was) {
  if (!focus_control(m, was)) focus_control(m, partner(was));
  reveal_focus(m);
}

void edit_field(AppModel& m, std::string& text, std::size_t limit, const TextInput& input) {
  if (const auto* typed = std::get_if<TextTyped>(&input)) {
    append_typed(text, typed->text, limit);
  } else {
    erase_last_char(text);
  }
  // The caret is at the end of the text: keep the field's last line in view as it grows.
  const auto focus = focused_control(m);
  const ScreenFrame f = screen_frame(m);
  clamp_scroll(m.scroll, f);
  for (const auto& t : f.targets) {
    if (focus && t.control == *focus && t.scrolls) {
      const float tail = std::min(t.rect.h, 48.0f);
      reveal(m.scroll, f, {t.rect.x, t.rect.bottom() - tail, t.rect.w, tail});
      return;
    }
  }
}

}  // namespace unknot::app
