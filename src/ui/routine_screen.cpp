#include "app/view.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace unknot::ui {

void draw_routine(DrawContext& dc, const app::AppModel& m, const app::RoutineScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::routine_layout(dc.window);
  const app::CatalogEntry& entry = m.catalog.at(static_cast<std::size_t>(s.routine));
  const core::Routine& r = entry.routine;

  back_button(dc, l.back, dc.focused(app::ControlKind::Back));
  c.text_wrapped(r.title, l.title, Font::Title, p.text, Align::Left, 2);
  std::string meta = app::format_minutes(entry.timeline->total());
  if (!r.tool.empty()) meta += " · " + r.tool;
  c.text_in(meta, l.meta, Font::Body, p.muted, Align::Left);
  c.text_wrapped(r.summary, l.summary, Font::Body, p.text, Align::Left, 3);

  c.text_in("Steps", l.steps_label, Font::Heading, p.text, Align::Left);
  const auto lines = app::step_lines(r, core::builtin_pattern_lookup());
  const float row = app::kBodyLine + 10;
  const int fit = static_cast<int>(l.steps.h / row);
  const int count = static_cast<int>(lines.size());
  const int shown = count <= fit ? count : std::max(0, fit - 1);
  for (int i = 0; i < shown; ++i) {
    const float y = l.steps.y + static_cast<float>(i) * row;
    c.number_in(std::to_string(i + 1), {l.steps.x, y, 24, app::kBodyLine}, Font::BodyStrong, p.muted,
                Align::Left);
    c.text_in(lines[static_cast<std::size_t>(i)], {l.steps.x + 28, y, l.steps.w - 28, app::kBodyLine},
              Font::Body, p.text, Align::Left);
  }
  if (shown < count) {
    c.text_in("+ " + std::to_string(count - shown) + " more",
              {l.steps.x + 28, l.steps.y + static_cast<float>(shown) * row, l.steps.w - 28, app::kBodyLine},
              Font::Body, p.muted, Align::Left);
  }
  if (!r.cautions.empty()) {
    c.text_wrapped("Caution: " + r.cautions.front(), l.cautions, Font::Caption, p.caution_text,
                   Align::Left, 2);
  }
  button(dc, l.start, "Start", ButtonStyle::Primary, dc.focused(app::ControlKind::Start));
}

}  // namespace unknot::ui
