#include "app/view.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace unknot::ui {

void draw_summary(DrawContext& dc, const app::AppModel& m) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::summary_layout(dc.window);
  const app::SummaryView v = app::summary_view(m);
  c.text_in(v.title, l.title, Font::Title, p.text, Align::Left);
  c.fill_rounded(l.before_after, kCardRadius, p.surface);
  c.number_in(v.before_after, l.before_after, Font::Display, p.text, Align::Center);
  c.text_in(v.change, l.change, Font::Heading, p.text, Align::Left);
  c.text_in(v.time_done, l.time_done, Font::Body, p.muted, Align::Left);
  const int lines = std::max(1, static_cast<int>(l.message.h / app::kBodyLine));
  c.text_wrapped(v.message, l.message, Font::Body, p.text, Align::Left, lines);
  button(dc, l.done, "Done", ButtonStyle::Primary, dc.focused(app::ControlKind::Done));
}

}  // namespace unknot::ui
