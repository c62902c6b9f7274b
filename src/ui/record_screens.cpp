// The record's recovery pages (app/record_pages.h): the damaged record's screen and Settings ›
// Backups, drawn from one list of parts. ui only.
#include <algorithm>

#include "app/record_pages.h"
#include "app/screens.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace unknot::ui {
namespace {

void draw_button_part(DrawContext& dc, const app::RecordPart& b, bool at_foot) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const float radius = std::min(kButtonRadius, b.box.h / 2);
  Color text = p.text;
  if (b.strong) {
    c.fill_rounded(b.box, radius, p.accent);
    text = p.on_accent;
  } else if (at_foot) {
    c.fill_rounded(b.box, radius, p.surface_raised);
  } else {
    c.stroke_rounded(b.box, radius, 1.5f, p.outline);
  }
  c.text_block(b.text, text, Align::Center);
  if (dc.focused(b.control.kind, b.control.index)) focus_ring(dc, b.box, radius);
}

void draw_row(DrawContext& dc, const app::RecordPart& r) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  c.fill_rounded(r.box, kCardRadius, p.surface);
  c.text_block(r.text, p.text);
  c.text_block(r.detail, p.muted);
  const app::Rect acc{r.box.right() - 20 - 24, r.box.center().y - 12, 24, 24};
  if (r.role == app::Role::Option) {
    // A choice of one: a ring, filled in the accent when chosen.
    if (r.chosen) {
      c.stroke_rounded(r.box, kCardRadius, 2, p.accent);
      c.fill_circle(acc.center(), 12, p.accent);
      c.fill_circle(acc.center(), 5, p.on_accent);
    } else {
      c.stroke_rounded(acc, 12, 1.5f, p.outline);
    }
  } else {
    c.text_in("\u203A", {r.box.right() - 44, r.box.y, 32, r.box.h}, Font::Title, p.muted,
              Align::Center);
  }
  if (dc.focused(r.control.kind, r.control.index)) focus_ring(dc, r.box, kCardRadius);
}

void draw_record_page(DrawContext& dc, const app::AppModel& m, const app::RecordPageLayout& l) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  if (l.back.w > 0) back_button(dc, l.back, dc.focused(app::ControlKind::Back));
  {
    Clip clip(c, l.page.viewport);
    c.text_block(l.title, p.text);
    for (const auto& part : l.parts) {
      switch (part.kind) {
        case app::RecordPart::Kind::Text:
          c.text_block(part.text, p.text);
          break;
        case app::RecordPart::Kind::Note:
          c.text_block(part.text, p.muted);
          break;
        case app::RecordPart::Kind::Failure:
          c.fill_rounded(part.box, kCardRadius, p.surface);
          c.stroke_rounded(part.box, kCardRadius, 2, p.caution);
          c.text_block(part.text, p.text);
          break;
        case app::RecordPart::Kind::Row:
          draw_row(dc, part);
          break;
        case app::RecordPart::Kind::Button:
          draw_button_part(dc, part, false);
          break;
      }
    }
  }
  scroll_indicator(dc, l.page.viewport, l.content_h, m.scroll.offset);
  for (const auto& b : l.bottom) draw_button_part(dc, b, true);
}

}  // namespace

void draw_damaged(DrawContext& dc, const app::AppModel& m, const app::DamagedScreen& s) {
  draw_record_page(dc, m,
                   app::record_page_layout(m, s, {dc.window, app::measure_of(m), m.scroll.offset}));
}

void draw_backups(DrawContext& dc, const app::AppModel& m, const app::BackupsScreen& s) {
  draw_record_page(dc, m,
                   app::record_page_layout(m, s, {dc.window, app::measure_of(m), m.scroll.offset}));
}

}  // namespace unknot::ui
