#include "ui/screens.h"
#include "ui/widgets.h"

namespace unknot::ui {

void draw_rating(DrawContext& dc, const app::AppModel& m, const app::RatingScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const core::Routine& r = m.catalog.at(static_cast<std::size_t>(s.routine)).routine;
  const bool before = s.moment == app::RatingMoment::Before;
  const int regions = before ? static_cast<int>(r.regions.size()) : 0;
  const auto l = app::rating_layout(dc.window, s.moment, regions);

  if (before) back_button(dc, l.back, dc.focused(app::ControlKind::Back));
  // The question and its anchors stay word for word the same before and after (domain.md §4.3).
  const float label_x = before ? l.back.right() + 4 : l.title.x;
  c.text_in(before ? "Before you start" : "After the session",
            {label_x, l.title.y - app::kTarget + 12, l.title.right() - label_x, app::kTarget - 24},
            Font::Caption, p.muted, Align::Left);
  c.text_in("Pain right now", l.title, Font::Title, p.text, Align::Left);
  c.text_wrapped("0 = no pain, 10 = worst pain you can imagine", l.anchors, Font::Body, p.muted,
                 Align::Left, 2);

  for (int v = 0; v <= 10; ++v) {
    const app::Rect cell = l.values[static_cast<std::size_t>(v)];
    const bool selected = s.pain == v;
    if (selected) {
      c.fill_rounded(cell, 14, pain_color(v));
    } else {
      c.fill_rounded(cell, 14, p.surface);
    }
    // The selected number sits on its pain colour; dark text reads on every step of the scale.
    const Color ink = selected ? Color{0x14, 0x1E, 0x24, 255} : p.text;
    c.number_in(std::to_string(v), cell, Font::Heading, ink, Align::Center);
    if (dc.focused(app::ControlKind::PainValue, v)) focus_ring(dc, cell, 14);
  }

  if (before && regions > 0) {
    c.text_in("Where does it hurt most? (optional)", l.region_label, Font::Body, p.text, Align::Left);
    for (int i = 0; i < regions; ++i) {
      const app::Rect chip = l.regions[static_cast<std::size_t>(i)];
      const bool on = s.region == i;
      c.fill_rounded(chip, chip.h / 2, on ? p.accent : p.surface);
      c.text_in(r.regions[static_cast<std::size_t>(i)], chip.inset(12), Font::Body,
                on ? p.on_accent : p.text, Align::Center);
      if (dc.focused(app::ControlKind::Region, i)) focus_ring(dc, chip, chip.h / 2);
    }
  }
  if (s.needs_value_hint) {
    c.text_in("Choose a number from 0 to 10 first", l.hint, Font::Caption, p.caution_text, Align::Center);
  }
  button(dc, l.confirm, before ? "Continue" : "Save", ButtonStyle::Primary,
         dc.focused(app::ControlKind::Confirm), s.pain.has_value());
}

}  // namespace unknot::ui
