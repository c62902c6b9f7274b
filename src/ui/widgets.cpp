#include "ui/widgets.h"

#include <algorithm>

#include "app/screens.h"

namespace unknot::ui {

void focus_ring(DrawContext& dc, app::Rect r, float radius) {
  // A band of the background between the control and the ring keeps the ring apart from the
  // control's own outline or fill; the ring is thicker than any outline and in its own hue.
  const app::Rect gap{r.x - 2, r.y - 2, r.w + 4, r.h + 4};
  dc.canvas.stroke_rounded(gap, radius + 2, 2, dc.palette.background);
  const app::Rect ring{r.x - 5, r.y - 5, r.w + 10, r.h + 10};
  dc.canvas.stroke_rounded(ring, radius + 5, 3, dc.palette.focus);
}

void button_label(DrawContext& dc, app::Rect r, std::string_view label, Color color) {
  // As app::button_height measures it: one line 8 dp in from each side, else lines wrapped 16 dp
  // in, centred, when the button is tall enough for them (else cut, which the page tests catch).
  Canvas& c = dc.canvas;
  if (c.text_width(label, Font::Button) > r.w - 16) {
    app::TextBlock b =
        app::text_block(c, label, Font::Button, r.x + 16, 0, std::max(0.0f, r.w - 32));
    if (b.lines.size() > 1 && b.box.h <= r.h - 8) {
      b.box.y = r.y + (r.h - b.box.h) / 2;
      c.text_block(b, color, Align::Center);
      return;
    }
  }
  c.text_in(label, r.inset(8), Font::Button, color, Align::Center);
}

void button(DrawContext& dc, app::Rect r, std::string_view label, ButtonStyle style, bool focused,
            bool enabled) {
  const Palette& p = dc.palette;
  Color fill = p.surface_raised, text = p.text;
  switch (style) {
    case ButtonStyle::Primary:
      fill = p.accent;
      text = p.on_accent;
      break;
    case ButtonStyle::Secondary:
      break;
    case ButtonStyle::Quiet:
    case ButtonStyle::Destructive:
      fill = p.background;
      text = p.text;
      break;
  }
  if (!enabled) {
    fill = p.surface_raised;
    text = p.muted;
  }
  if (style == ButtonStyle::Quiet || style == ButtonStyle::Destructive) {
    const bool stop = style == ButtonStyle::Destructive && enabled;
    dc.canvas.stroke_rounded(r, kButtonRadius, stop ? 2.0f : 1.5f, stop ? p.stop : p.outline);
  } else {
    dc.canvas.fill_rounded(r, kButtonRadius, fill);
  }
  button_label(dc, r, label, text);
  if (focused) focus_ring(dc, r, kButtonRadius);
}

void back_button(DrawContext& dc, app::Rect r, bool focused) {
  dc.canvas.text_in("\u2190", r, Font::Title, dc.palette.text, Align::Center);
  if (focused) focus_ring(dc, r.inset(4), r.w / 2 - 4);
}

void progress_bar(DrawContext& dc, app::Rect r, double fraction, Color fill) {
  const float radius = r.h / 2;
  dc.canvas.fill_rounded(r, radius, dc.palette.surface_raised);
  const float w = std::clamp(static_cast<float>(fraction), 0.0f, 1.0f) * r.w;
  if (w >= r.h) dc.canvas.fill_rounded({r.x, r.y, w, r.h}, radius, fill);
}

void dialog(DrawContext& dc, const app::DialogBox& d, const DialogAnswers& answers) {
  const Palette& p = dc.palette;
  dc.canvas.fill_rect({0, 0, dc.window.w, dc.window.h}, Color{0, 0, 0, 150});
  dc.canvas.fill_rounded(d.box, 24, p.surface);
  dc.canvas.text_block(d.title, p.text);
  dc.canvas.text_block(d.body, p.muted);
  const auto is_focused = [&dc](app::Control c) { return dc.focus && *dc.focus == c; };
  button(dc, d.cancel, answers.cancel, ButtonStyle::Secondary, is_focused(answers.cancel_control));
  button(dc, d.confirm, answers.confirm,
         answers.destructive ? ButtonStyle::Destructive : ButtonStyle::Primary,
         is_focused(answers.confirm_control));
}

void pain_dot(DrawContext& dc, app::Point center, int pain) {
  dc.canvas.fill_circle(center, 5, pain_color(pain));
}

void scroll_indicator(DrawContext& dc, app::Rect viewport, float content_h, float scroll) {
  if (viewport.h <= 0 || content_h <= viewport.h + 0.5f) return;
  const float track = viewport.h - 8;
  const float thumb = std::max(32.0f, track * viewport.h / content_h);
  const float travel = content_h - viewport.h;
  const float y = viewport.y + 4 + (track - thumb) * std::clamp(scroll / travel, 0.0f, 1.0f);
  dc.canvas.fill_rounded({viewport.right() - 6, y, 4, thumb}, 2, dc.palette.muted.with_alpha(140));
}

void draw_field(DrawContext& dc, const app::FieldLayout& l, bool focused, bool caret) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  c.fill_rounded(l.box, 12, p.surface);
  c.stroke_rounded(l.box, 12, focused ? 2.0f : 1.0f, focused ? p.accent : p.outline);
  if (focused) {
    for (const auto& r : l.selection) c.fill_rect(r, p.accent.with_alpha(90));
  }
  const std::string_view text = l.text;
  for (const auto& run : l.runs)
    c.text(text.substr(run.begin, run.end - run.begin), run.at, l.font, p.text);
  for (const auto& r : l.underline) c.fill_rect(r, p.text);
  if (focused && caret) c.fill_rect(l.caret, p.accent);
}

void draw_field(DrawContext& dc, const app::AppModel& m, const app::TextEdit& edit,
                const app::FieldPlace& place, app::Control control) {
  const auto field = app::focused_field(m);
  const bool focused = field && field->control == control;
  draw_field(dc, app::field_layout(edit, place, dc.canvas), focused,
             focused && app::caret_on(m.caret_moved_at, m.ui_now));
}

}  // namespace unknot::ui
