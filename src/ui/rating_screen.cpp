#include <algorithm>

#include "app/rating_page.h"
#include "app/screens.h"
#include "core/translate.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace unknot::ui {

void draw_rating(DrawContext& dc, const app::AppModel& m, const app::RatingScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::rating_page_layout(m, s, {dc.window, app::measure_of(m), m.scroll.offset});
  if (l.back.w > 0) back_button(dc, l.back, dc.focused(app::ControlKind::Back));
  if (l.skip.w > 0) {
    button(dc, l.skip, core::tr("Skip"), ButtonStyle::Quiet, dc.focused(app::ControlKind::Skip, 0));
  }
  {
    Clip clip(c, l.page.viewport);
    c.text_block(l.moment, p.muted);
    c.text_block(l.title, p.text);
    c.text_block(l.anchors, p.muted);
    for (int v = 0; v <= 10; ++v) {
      const app::Rect cell = l.values[static_cast<std::size_t>(v)];
      const bool selected = s.pain == v;
      c.fill_rounded(cell, 14, selected ? pain_color(v) : p.surface);
      // The selected number sits on its pain colour; dark text reads on every step of the scale.
      const Color ink = selected ? Color{0x14, 0x1E, 0x24, 255} : p.text;
      c.number_in(std::to_string(v), cell, Font::Heading, ink, Align::Center);
      if (dc.focused(app::ControlKind::PainValue, v)) focus_ring(dc, cell, 14);
    }
    c.text_block(l.region_label, p.text);
    for (std::size_t i = 0; i < l.regions.size(); ++i) {
      const app::Rect chip = l.regions[i];
      const bool on = s.region == static_cast<int>(i);
      c.fill_rounded(chip, std::min(chip.h / 2, 24.0f), on ? p.accent : p.surface);
      c.text_block(l.region_names[i], on ? p.on_accent : p.text, Align::Center);
      if (dc.focused(app::ControlKind::Region, static_cast<int>(i)))
        focus_ring(dc, chip, std::min(chip.h / 2, 24.0f));
    }
  }
  scroll_indicator(dc, l.page.viewport, l.content_h, m.scroll.offset);
  c.text_block(l.hint, p.caution_text, Align::Center);
  button(dc, l.confirm,
         s.moment == app::RatingMoment::Before ? core::tr("Continue") : core::tr("Save"),
         ButtonStyle::Primary, dc.focused(app::ControlKind::Confirm), s.pain.has_value());
  if (s.confirming_skip) {
    const std::string rate = core::tr("Rate it"), leave = core::tr("Leave");
    dialog(dc, l.dialog,
           {rate, leave, {app::ControlKind::EndCancel, 0}, {app::ControlKind::Skip, 1}, false});
  }
}

}  // namespace unknot::ui
