#include <algorithm>

#include "app/psfs_page.h"
#include "app/screens.h"
#include "app/view.h"
#include "core/translate.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace unknot::ui {

void draw_psfs(DrawContext& dc, const app::AppModel& m, const app::PsfsScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const app::Env env{dc.window, app::measure_of(m), m.scroll.offset};
  const auto l = app::psfs_page_layout(s, env);
  button(dc, l.not_now, core::tr("Not now"), ButtonStyle::Quiet,
         dc.focused(app::ControlKind::NotToday));
  {
    Clip clip(c, l.page.viewport);
    c.text_block(l.step, p.muted);
    c.text_block(l.title, p.text);
    c.text_block(l.question, p.text);
    c.text_block(l.anchors, p.muted);
    for (std::size_t i = 0; i < l.names.size(); ++i) {
      c.text_block(l.names[i].label, p.muted);
      draw_field(dc, m, s.names[i], l.names[i].place,
                 {app::ControlKind::PsfsField, static_cast<int>(i)});
    }
    for (int v = 0; v < static_cast<int>(l.values.size()); ++v) {
      const app::Rect cell = l.values[static_cast<std::size_t>(v)];
      const bool selected = s.value == v;
      c.fill_rounded(cell, 14, selected ? p.accent : p.surface);
      c.number_in(std::to_string(v), cell, Font::Heading, selected ? p.on_accent : p.text,
                  Align::Center);
      if (dc.focused(app::ControlKind::PainValue, v)) focus_ring(dc, cell, 14);
    }
    if (l.rename) {
      button(dc, *l.rename, core::tr("Change activities"), ButtonStyle::Secondary,
             dc.focused(app::ControlKind::PsfsRename));
    }
    c.text_block(l.note, s.needs_name ? p.caution_text : p.muted);
  }
  scroll_indicator(dc, l.page.viewport, l.content_h, m.scroll.offset);
  button(dc, l.next, app::psfs_next_label(s), ButtonStyle::Primary,
         dc.focused(app::ControlKind::Confirm), s.naming || s.value.has_value());
}

}  // namespace unknot::ui
