#include <algorithm>

#include "app/checkin_page.h"
#include "app/screens.h"
#include "app/view.h"
#include "core/translate.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace unknot::ui {

void draw_checkin(DrawContext& dc, const app::AppModel& m, const app::CheckinScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const app::Env env{dc.window, app::measure_of(m), m.scroll.offset};
  const auto l = app::checkin_page_layout(s, env);
  button(dc, l.not_today, s.pgic_step ? core::tr("Skip") : core::tr("Not today"),
         ButtonStyle::Quiet, dc.focused(app::ControlKind::NotToday));
  {
    Clip clip(c, l.page.viewport);
    c.text_block(l.title, p.text);
    c.text_block(l.subtitle, p.muted);
    for (int i = 1; i <= static_cast<int>(l.options.size()); ++i) {
      const auto& o = l.options[static_cast<std::size_t>(i - 1)];
      const bool on = s.value == i;
      c.fill_rounded(o.box, 14, on ? p.accent : p.surface);
      c.text_block(o.label, on ? p.on_accent : p.text);
      if (dc.focused(app::ControlKind::PgicOption, i)) focus_ring(dc, o.box, 14);
    }
    for (int v = 0; v < static_cast<int>(l.values.size()); ++v) {
      const app::Rect cell = l.values[static_cast<std::size_t>(v)];
      const bool selected = s.value == v;
      c.fill_rounded(cell, 14, selected ? pain_color(v) : p.surface);
      c.number_in(std::to_string(v), cell, Font::Heading,
                  selected ? Color{0x14, 0x1E, 0x24, 255} : p.text, Align::Center);
      if (dc.focused(app::ControlKind::PainValue, v)) focus_ring(dc, cell, 14);
    }
  }
  scroll_indicator(dc, l.page.viewport, l.content_h, m.scroll.offset);
  button(dc, l.save, core::tr("Save"), ButtonStyle::Primary, dc.focused(app::ControlKind::Confirm),
         s.value.has_value());
}

}  // namespace unknot::ui
