#include <algorithm>

#include "app/routine_page.h"
#include "app/screens.h"
#include "core/translate.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace unknot::ui {

void draw_routine(DrawContext& dc, const app::AppModel& m, const app::RoutineScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const app::Env env{dc.window, app::measure_of(m), m.scroll.offset};
  const auto l = app::routine_page_layout(m, s, env);
  back_button(dc, l.back, dc.focused(app::ControlKind::Back));
  if (s.routine < 0 || s.routine >= static_cast<int>(m.catalog.size())) return;
  const app::CatalogEntry& entry = m.catalog[static_cast<std::size_t>(s.routine)];
  if (l.sources.w > 0) {
    button(dc, l.sources, core::tr("Sources"), ButtonStyle::Quiet,
           dc.focused(app::ControlKind::RoutineSources));
  }
  if (l.save.w > 0) {
    if (entry.built) {
      button(dc, l.save, entry.saved ? core::tr("Saved") : core::tr("Save"), ButtonStyle::Quiet,
             dc.focused(app::ControlKind::SaveRoutine), !entry.saved);
    } else {
      button(dc, l.save, core::tr("Calendar"), ButtonStyle::Quiet,
             dc.focused(app::ControlKind::AddToCalendar));
    }
  }
  {
    Clip clip(c, l.page.viewport);
    c.text_block(l.title, p.text);
    c.text_block(l.meta, p.muted);
    c.text_block(l.summary, p.text);
    if (l.changes_card.h > 0) {
      c.fill_rounded(l.changes_card, 16, p.caution.with_alpha(40));
      c.text_block(l.changes_heading, p.text);
      for (const auto& b : l.changes) c.text_block(b, p.text);
    }
    c.text_block(l.nothing_left, p.text);
    c.text_block(l.steps_heading, p.text);
    for (const auto& row : l.steps) {
      c.text_block(row.number, p.muted);
      c.text_block(row.title, p.text);
      c.text_block(row.detail, p.muted, Align::Right);
    }
    if (l.cautions_card.h > 0) {
      c.fill_rounded(l.cautions_card, 16, p.caution.with_alpha(28));
      c.text_block(l.cautions_heading, p.caution_text);
      for (const auto& b : l.cautions) c.text_block(b, p.text);
    }
  }
  scroll_indicator(dc, l.page.viewport, l.content_h, m.scroll.offset);
  if (l.start.w > 0)
    button(dc, l.start, core::tr("Start"), ButtonStyle::Primary,
           dc.focused(app::ControlKind::Start));
}

}  // namespace unknot::ui
