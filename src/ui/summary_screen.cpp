#include <algorithm>

#include "app/screens.h"
#include "app/summary_page.h"
#include "core/translate.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace unknot::ui {

void draw_summary(DrawContext& dc, const app::AppModel& m) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::summary_page_layout(m, {dc.window, app::measure_of(m), m.scroll.offset});
  {
    Clip clip(c, l.page.viewport);
    c.text_block(l.title, p.text);
    c.fill_rounded(l.card, kCardRadius, p.surface);
    c.text_block(l.before_after, p.text, Align::Center);
    c.text_block(l.change, p.text);
    c.text_block(l.time_done, p.muted);
    c.text_block(l.message, p.text);
  }
  scroll_indicator(dc, l.page.viewport, l.content_h, m.scroll.offset);
  button(dc, l.done, core::tr("Done"), ButtonStyle::Primary, dc.focused(app::ControlKind::Done));
}

}  // namespace unknot::ui
