#include "app/view.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace unknot::ui {

void draw_checkin(DrawContext& dc, const app::CheckinScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::checkin_layout(dc.window);
  button(dc, l.not_today, s.pgic_step ? "Skip" : "Not today", ButtonStyle::Quiet,
         dc.focused(app::ControlKind::NotToday));
  if (s.pgic_step) {
    c.text_in("Overall change", {l.title.x, l.title.y, l.title.w, app::kTitleLine}, Font::Title, p.text,
              Align::Left);
    c.text_in("Since you started with Unknot", {l.title.x, l.title.y + app::kTitleLine + app::kSmallGap, l.title.w, app::kBodyLine},
              Font::Body, p.muted, Align::Left);
    for (int i = 1; i <= 7; ++i) {
      const app::Rect r = l.options[static_cast<std::size_t>(i - 1)];
      const bool on = s.value == i;
      c.fill_rounded(r, 14, on ? p.accent : p.surface);
      c.text_in(app::pgic_label(i), r.inset(16), Font::Body, on ? p.on_accent : p.text, Align::Left);
      if (dc.focused(app::ControlKind::PgicOption, i)) focus_ring(dc, r, 14);
    }
  } else {
    c.text_wrapped("Average pain over the last 24 hours", l.title, Font::Title, p.text, Align::Left, 2);
    c.text_wrapped("0 = no pain, 10 = worst pain you can imagine", l.subtitle, Font::Body, p.muted,
                   Align::Left, 2);
    for (int v = 0; v <= 10; ++v) {
      const app::Rect cell = l.values[static_cast<std::size_t>(v)];
      const bool selected = s.value == v;
      c.fill_rounded(cell, 14, selected ? pain_color(v) : p.surface);
      c.number_in(std::to_string(v), cell, Font::Heading, selected ? Color{0x14, 0x1E, 0x24, 255} : p.text,
                  Align::Center);
      if (dc.focused(app::ControlKind::PainValue, v)) focus_ring(dc, cell, 14);
    }
  }
  button(dc, l.confirm, "Save", ButtonStyle::Primary, dc.focused(app::ControlKind::Confirm), s.value.has_value());
}

}  // namespace unknot::ui
