// Settings: rows with a label and a line under it, a switch or a chevron, above the tab bar.
#include <algorithm>

#include "app/screens.h"
#include "app/settings_page.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace unknot::ui {

void draw_settings(DrawContext& dc, const app::AppModel& m) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const app::SettingsLayout l =
      app::settings_layout(m, app::Env{dc.window, app::measure_of(m), m.scroll.offset});
  {
    Clip clip(c, l.page.viewport);
    c.text_block(l.title, p.text);
    for (const auto& r : l.rows) {
      c.fill_rounded(r.row, kCardRadius, p.surface);
      c.text_block(r.label, p.text);
      c.text_block(r.detail, p.muted);
      if (r.is_switch) {
        const app::Rect t = r.accessory;
        c.fill_rounded(t, t.h / 2, r.on ? p.accent : p.surface_raised);
        c.fill_circle({r.on ? t.right() - t.h / 2 : t.x + t.h / 2, t.center().y}, t.h / 2 - 4,
                      r.on ? p.on_accent : p.muted);
      } else {
        c.text_in("\u203A", r.accessory, Font::Title, p.muted, Align::Center);
      }
      if (dc.focused(r.control.kind, r.control.index)) focus_ring(dc, r.row, kCardRadius);
    }
    c.text_block(l.therapist_detail, p.muted);
    c.text_block(l.safety, p.muted);
  }
  scroll_indicator(dc, l.page.viewport, l.content_h, m.scroll.offset);
  draw_tab_bar(dc, app::ControlKind::Settings);
}

}  // namespace unknot::ui
