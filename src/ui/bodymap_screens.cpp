// "Where does it hurt?": the body map with its muscle list, a muscle's details, and the body
// figure they (and the session screen) draw. The figure is built from anti-aliased ellipses and
// capsules in dp, so it stays crisp at any density; its colours come from the palette, so both
// themes work: teal where a muscle lies, sand where its pain commonly spreads.
#include <algorithm>
#include <cmath>

#include "app/body_map_page.h"
#include "app/bodymap_layout.h"
#include "app/muscle_page.h"
#include "app/screens.h"
#include "core/translate.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace unknot::ui {
namespace {

bool contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

Color body_color(const Palette& p) { return mix(p.surface_raised, p.outline, 0.22f); }

struct FigureBox {
  app::Rect box;
  app::FigureWindow window;
  float k;  // dp per figure unit
  app::Point at(float x, float y) const {
    return {box.x + (x - window.x) * k, box.y + (y - window.y) * k};
  }
};

void fill_shape(Canvas& c, const FigureBox& f, const core::BodyShape& s, float grow, Color color) {
  if (s.to) {
    c.fill_capsule(f.at(s.x, s.y), f.at(s.to->first, s.to->second), s.rx * f.k + grow, color);
  } else {
    c.fill_ellipse(f.at(s.x, s.y), s.rx * f.k + grow, s.ry * f.k + grow, color);
  }
}

void stroke_shape(Canvas& c, const FigureBox& f, const core::BodyShape& s, float width,
                  Color color) {
  if (s.to) {
    c.stroke_capsule(f.at(s.x, s.y), f.at(s.to->first, s.to->second), s.rx * f.k, width, color);
  } else {
    c.stroke_ellipse(f.at(s.x, s.y), s.rx * f.k, s.ry * f.k, width, color);
  }
}

// A union of shapes with an outline around the union only: every outline first, then every
// fill over them, so outlines inside the union are covered.
void outlined_union(Canvas& c, const FigureBox& f, const std::vector<core::BodyShape>& shapes,
                    float width, Color line, Color fill) {
  if (width > 0) {
    for (const auto& s : shapes) stroke_shape(c, f, s, width, line);
  }
  for (const auto& s : shapes) fill_shape(c, f, s, 0, fill);
}

// A tick for a picked row.
void check_mark(Canvas& c, app::Point center, float size, Color color) {
  c.stroke_polyline({{center.x - size * 0.45f, center.y + size * 0.02f},
                     {center.x - size * 0.12f, center.y + size * 0.32f},
                     {center.x + size * 0.45f, center.y - size * 0.32f}},
                    2.5f, color);
}

// Dots and their meanings, as laid out.
void legend(DrawContext& dc, const std::vector<app::FigureLegendItem>& items) {
  const Palette& p = dc.palette;
  for (const auto& item : items) {
    dc.canvas.fill_circle(item.dot, 5,
                          item.spread ? mix(body_color(p), p.exhale, 0.78f) : p.inhale);
    dc.canvas.text_block(item.text, p.muted);
  }
}

app::Env env_at(const DrawContext& dc, const app::AppModel& m) {
  return {dc.window, app::measure_of(m), m.scroll.offset};
}

float clamped_scroll(const app::AppModel& m, app::Rect viewport, float content_h) {
  return std::clamp(m.scroll.offset, 0.0f, std::max(0.0f, content_h - viewport.h));
}

}  // namespace

void draw_body_figure(DrawContext& dc, const core::BodyMap& map, core::BodyView view, app::Rect box,
                      const FigureShading& shading, app::FigureWindow window) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const FigureBox f{box, window, box.w / window.w};
  const Color body = body_color(p);
  const bool small = box.h < 160;
  const auto& outline = view == core::BodyView::Front ? map.front_outline : map.back_outline;
  outlined_union(c, f, outline, small ? 1.0f : 1.5f, p.outline.with_alpha(small ? 150 : 120), body);

  const Color zone_line = mix(body, p.outline, 0.3f);
  const Color soft = mix(body, p.exhale, 0.78f);
  const Color strong = p.inhale;
  const Color chosen = p.exhale;
  // Plain zones first, then where pain spreads, then where the muscle lies, then the chosen
  // zone, so the strongest meaning is always on top.
  for (int pass = 0; pass < 4; ++pass) {
    for (const auto& zone : map.zones) {
      if (zone.view != view) continue;
      const bool is_chosen = zone.id == shading.chosen;
      const bool is_location = contains(shading.location, zone.id);
      const bool is_referral = contains(shading.referral, zone.id);
      const int level = is_chosen ? 3 : is_location ? 2 : is_referral ? 1 : 0;
      if (level != pass) continue;
      if (level == 0) {
        if (shading.zone_outlines) outlined_union(c, f, zone.shapes, 1, zone_line, body);
        continue;
      }
      const Color fill = level == 3 ? chosen : level == 2 ? strong : soft;
      const float ring = level == 3 ? 2.0f : 0.0f;
      outlined_union(c, f, zone.shapes, ring, p.text, fill);
    }
  }
}

void draw_body_map(DrawContext& dc, const app::AppModel& m, const app::BodyMapScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::body_map_layout(m, s, env_at(dc, m));
  back_button(dc, l.back, dc.focused(app::ControlKind::Back));
  const float scroll = clamped_scroll(m, l.page.viewport, l.content_h);
  {
    Clip clip(c, l.page.viewport);
    c.text_block(l.title, p.text);
    if (!m.body_map || !m.library) {
      c.text_block(l.empty, p.muted);
      return;
    }
    const core::BodyMap& map = *m.body_map;

    // The view toggle.
    const auto chip = [&](app::Rect r, std::string_view label, bool on, app::Control control) {
      c.fill_rounded(r, r.h / 2, on ? p.accent : p.surface);
      if (!on) c.stroke_rounded(r, r.h / 2, 1, p.outline.with_alpha(90));
      c.text_in(label, r.inset(6), Font::Caption, on ? p.on_accent : p.text, Align::Center);
      if (dc.focus && *dc.focus == control) focus_ring(dc, r, r.h / 2);
    };
    // TRANSLATORS: the body figure's views (short chip labels): the front, the back, the head
    // enlarged.
    chip(l.front, core::trc("body view", "Front"), s.view == core::BodyView::Front,
         {app::ControlKind::BodyView, 0});
    chip(l.back_view, core::trc("body view", "Back"), s.view == core::BodyView::Back,
         {app::ControlKind::BodyView, 1});
    chip(l.head, core::trc("body view", "Head"), s.head, {app::ControlKind::BodyView, 2});

    // The figure: the chosen place, and the picked (and focused) muscles on its side. The
    // close-up shows its part of the figure only, framed.
    const FigureShading shading = app::map_shading(m, s, dc.focus);
    if (s.head) {
      c.fill_rounded(l.figure, 16, p.surface);
      const app::Rect v = l.page.viewport;
      const float top = std::max(v.y, l.figure.y), bottom = std::min(v.bottom(), l.figure.bottom());
      if (bottom > top) {
        c.set_clip({l.figure.x, top, l.figure.w, bottom - top});
        draw_body_figure(dc, map, s.view, l.figure, shading, l.window);
        c.set_clip(v);
      }
      c.stroke_rounded(l.figure, 16, 1, p.outline.with_alpha(90));
    } else {
      draw_body_figure(dc, map, s.view, l.figure, shading, l.window);
    }
    if (dc.focus && dc.focus->kind == app::ControlKind::BodyZone) focus_ring(dc, l.figure, 12);

    // Beside the figure: the place, where it is shown, what to do next, the legend.
    c.text_block(l.place, p.text);
    c.text_block(l.shown_on, p.caution_text);
    c.text_block(l.status, p.muted);
    legend(dc, l.legend);

    // The muscle list.
    c.text_block(l.list_title, p.text);
    c.text_block(l.empty, p.muted);
    const auto rows = app::bodymap_rows(m, s);
    for (std::size_t i = 0; i < l.rows.size() && i < rows.size(); ++i) {
      const auto& r = l.rows[i];
      if (!r.row.intersects(l.page.viewport)) continue;
      const bool picked = contains(s.selected, rows[i]->id);
      c.fill_rounded(r.row, 16, p.surface);
      const app::Point box_center{r.row.x + 28, r.row.center().y};
      if (picked) {
        c.fill_circle(box_center, 13, p.accent);
        check_mark(c, box_center, 14, p.on_accent);
      } else {
        c.stroke_arc(box_center, 12, 2, 0, 1, p.outline);
      }
      c.text_block(r.name, p.text);
      c.text_block(r.detail, p.muted);
      c.stroke_arc(r.info.center(), 13, 1.5f, 0, 1, p.outline);
      c.text_in("i", {r.info.center().x - 12, r.info.center().y - 12, 24, 24}, Font::BodyStrong,
                p.text, Align::Center);
      if (dc.focused(app::ControlKind::MuscleToggle, static_cast<int>(i)))
        focus_ring(dc, r.toggle, 16);
      if (dc.focused(app::ControlKind::MuscleInfo, static_cast<int>(i))) {
        focus_ring(dc, r.info.inset(4), r.info.w / 2 - 4);
      }
    }
  }
  scroll_indicator(dc, l.page.viewport, l.content_h, scroll);
  if (l.toast_card.h > 0) {
    c.fill_rounded(l.toast_card, 14, p.surface_raised);
    c.stroke_rounded(l.toast_card, 14, 1, p.outline.with_alpha(110));
    c.text_block(l.toast, p.text, Align::Center);
  }
  if (l.build.w > 0) {
    // TRANSLATORS: the button's label with {n}, how many muscles are picked.
    const std::string picked = core::tr("Build routine ({n})");
    const std::string build = s.selected.empty()
                                  ? core::tr("Build routine")
                                  : core::fill(picked, {{"n", std::to_string(s.selected.size())}});
    button(dc, l.build, build, ButtonStyle::Primary, dc.focused(app::ControlKind::BuildRoutine),
           !s.selected.empty());
  }
}

void draw_muscle(DrawContext& dc, const app::AppModel& m, const app::MuscleScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::muscle_page_layout(m, s, env_at(dc, m));
  back_button(dc, l.back, dc.focused(app::ControlKind::Back));
  const core::MuscleInfo* muscle = m.library ? m.library->find(s.muscle) : nullptr;
  {
    Clip clip(c, l.page.viewport);
    c.text_block(l.title, p.text);
    if (muscle != nullptr && m.body_map && l.front_figure.h > 0) {
      FigureShading shading = app::muscle_shading(*muscle, core::Side::None);
      shading.zone_outlines = false;
      draw_body_figure(dc, *m.body_map, core::BodyView::Front, l.front_figure, shading);
      draw_body_figure(dc, *m.body_map, core::BodyView::Back, l.back_figure, shading);
      c.text_block(l.front_label, p.muted, Align::Center);
      c.text_block(l.back_label, p.muted, Align::Center);
      legend(dc, l.legend);
    }
    for (const auto& b : l.blocks) {
      if (!b.box.intersects(l.page.viewport)) continue;
      c.text_block(b, b.font == Font::Caption ? p.muted : p.text);
    }
  }
  scroll_indicator(dc, l.page.viewport, l.content_h,
                   clamped_scroll(m, l.page.viewport, l.content_h));
}

}  // namespace unknot::ui
