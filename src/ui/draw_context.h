// What every screen's draw function receives: the canvas, the palette, the window size in dp
// and which control shows a focus ring. ui only; never storage or audio.
#pragma once

#include <optional>

#include "app/controls.h"
#include "app/layout.h"
#include "ui/canvas.h"
#include "ui/theme.h"

namespace unknot::ui {

struct DrawContext {
  Canvas& canvas;
  const Palette& palette;
  app::Size window;
  std::optional<app::Control> focus;  // shown only after keyboard use

  bool focused(app::ControlKind kind, int index = 0) const {
    return focus && *focus == app::Control{kind, index};
  }
};

}  // namespace unknot::ui
