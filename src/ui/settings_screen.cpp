// Settings: rows with a label and a line under it, a switch or a chevron; the Display card (theme
// choices, text size, reduce motion, high contrast); above the tab bar.
#include <algorithm>

#include "app/screens.h"
#include "app/settings_page.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace unknot::ui {
namespace {

void draw_row(DrawContext& dc, const app::SettingsRowLayout& r) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  c.fill_rounded(r.row, kCardRadius, p.surface);
  c.text_block(r.label, p.text);
  c.text_block(r.detail, p.muted);
  if (r.is_switch) {
    const app::Rect t = r.accessory;
    c.fill_rounded(t, t.h / 2, r.on ? p.accent : p.surface_raised);
    if (!r.on) c.stroke_rounded(t, t.h / 2, 1.5f, p.outline);
    c.fill_circle({r.on ? t.right() - t.h / 2 : t.x + t.h / 2, t.center().y}, t.h / 2 - 4,
                  r.on ? p.on_accent : p.muted);
  } else {
    c.text_in("\u203A", r.accessory, Font::Title, p.muted, Align::Center);
  }
  if (dc.focused(r.control.kind, r.control.index)) focus_ring(dc, r.row, kCardRadius);
}

// A card of choices (the language, the theme), the chosen one filled.
void draw_choices(DrawContext& dc, app::Rect card, const app::TextBlock& label,
                  const app::TextBlock& detail, const std::vector<app::ChoiceLayout>& choices) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  c.fill_rounded(card, kCardRadius, p.surface);
  c.text_block(label, p.text);
  c.text_block(detail, p.muted);
  for (const auto& choice : choices) {
    const float radius = std::min(kButtonRadius, choice.rect.h / 2);
    if (choice.chosen) {
      c.fill_rounded(choice.rect, radius, p.accent);
    } else {
      c.fill_rounded(choice.rect, radius, p.surface_raised);
      c.stroke_rounded(choice.rect, radius, 1.5f, p.outline);
    }
    c.text_block(choice.label, choice.chosen ? p.on_accent : p.text, Align::Center);
    if (dc.focused(choice.control.kind, choice.control.index)) focus_ring(dc, choice.rect, radius);
  }
}

void draw_text_size(DrawContext& dc, const app::TextSizeLayout& ts) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  c.fill_rounded(ts.card, kCardRadius, p.surface);
  c.text_block(ts.label, p.text);
  c.text_block(ts.value, p.text);
  c.text_block(ts.detail, p.muted);
  button(dc, ts.smaller, "\u2212", ButtonStyle::Secondary, dc.focused(ts.smaller_kind, 0),
         ts.can_smaller);
  button(dc, ts.larger, "+", ButtonStyle::Secondary, dc.focused(ts.larger_kind, 0), ts.can_larger);
}

}  // namespace

void draw_settings(DrawContext& dc, const app::AppModel& m) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const app::SettingsLayout l =
      app::settings_layout(m, app::Env{dc.window, app::measure_of(m), m.scroll.offset});
  {
    Clip clip(c, l.page.viewport);
    c.text_block(l.title, p.text);
    for (const auto& r : l.rows) draw_row(dc, r);
    c.text_block(l.display_heading, p.text);
    draw_choices(dc, l.language_card, l.language_label, l.language_detail, l.languages);
    draw_choices(dc, l.theme_card, l.theme_label, l.theme_detail, l.themes);
    draw_text_size(dc, l.text_size);
    for (const auto& r : l.comfort) draw_row(dc, r);
    c.text_block(l.checkin_heading, p.text);
    for (const auto& r : l.reminder) draw_row(dc, r);
    if (l.reminder_time) draw_text_size(dc, *l.reminder_time);
    for (const auto& r : l.care) draw_row(dc, r);
    c.text_block(l.therapist_detail, p.muted);
    c.text_block(l.safety, p.muted);
  }
  scroll_indicator(dc, l.page.viewport, l.content_h, m.scroll.offset);
  draw_tab_bar(dc, app::ControlKind::Settings);
}

}  // namespace unknot::ui
