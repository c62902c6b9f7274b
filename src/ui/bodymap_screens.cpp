// "Where does it hurt?": the body map with its muscle list, a muscle's details, and the body
// figure they (and the session screen) draw. The figure is built from anti-aliased ellipses and
// capsules in dp, so it stays crisp at any density; its colours come from the palette, so both
// themes work: teal where a muscle lies, sand where its pain commonly spreads.
#include <algorithm>
#include <cmath>

#include "app/bodymap_flow.h"
#include "app/bodymap_layout.h"
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
  float k;  // dp per figure unit
  app::Point at(float x, float y) const { return {box.x + x * k, box.y + y * k}; }
};

void fill_shape(Canvas& c, const FigureBox& f, const core::BodyShape& s, float grow, Color color) {
  if (s.to) {
    c.fill_capsule(f.at(s.x, s.y), f.at(s.to->first, s.to->second), s.rx * f.k + grow, color);
  } else {
    c.fill_ellipse(f.at(s.x, s.y), s.rx * f.k + grow, s.ry * f.k + grow, color);
  }
}

void stroke_shape(Canvas& c, const FigureBox& f, const core::BodyShape& s, float width, Color color) {
  if (s.to) {
    c.stroke_capsule(f.at(s.x, s.y), f.at(s.to->first, s.to->second), s.rx * f.k, width, color);
  } else {
    c.stroke_ellipse(f.at(s.x, s.y), s.rx * f.k, s.ry * f.k, width, color);
  }
}

// A union of shapes with an outline around the union only: every outline first, then every
// fill over them, so outlines inside the union are covered.
void outlined_union(Canvas& c, const FigureBox& f, const std::vector<core::BodyShape>& shapes, float width,
                    Color line, Color fill) {
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

void toast(DrawContext& dc, const app::AppModel& m, app::Rect r) {
  if (m.toast.empty() || m.wall_now >= m.toast_until) return;
  dc.canvas.fill_rounded(r, 14, dc.palette.surface_raised);
  dc.canvas.stroke_rounded(r, 14, 1, dc.palette.outline.with_alpha(110));
  dc.canvas.text_wrapped(m.toast, {r.x + 16, r.y + (r.h - 2 * app::kCaptionLine) / 2, r.w - 32, 2 * app::kCaptionLine},
                         Font::Caption, dc.palette.text, Align::Center, 2);
}

// Two legend entries: a dot and its meaning.
void legend(DrawContext& dc, app::Rect r, bool muscle, bool spread, std::string_view muscle_text,
            std::string_view spread_text) {
  const Palette& p = dc.palette;
  float y = r.y;
  const auto item = [&](Color color, std::string_view text) {
    dc.canvas.fill_circle({r.x + 6, y + app::kCaptionLine / 2}, 5, color);
    const float h = dc.canvas.text_wrapped(text, {r.x + 18, y, r.w - 18, r.bottom() - y}, Font::Caption, p.muted,
                                           Align::Left, 2);
    y += std::max(h, app::kCaptionLine) + 4;
  };
  if (muscle) item(p.inhale, muscle_text);
  if (spread) item(mix(body_color(p), p.exhale, 0.78f), spread_text);
}

// The ids of a muscle's zones, added to the shading.
void shade_muscle(FigureShading& s, const core::MuscleInfo& muscle) {
  s.location.insert(s.location.end(), muscle.location_zones.begin(), muscle.location_zones.end());
  s.referral.insert(s.referral.end(), muscle.referral_zones.begin(), muscle.referral_zones.end());
}

}  // namespace

void draw_body_figure(DrawContext& dc, const core::BodyMap& map, core::BodyView view, app::Rect box,
                      const FigureShading& shading) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const FigureBox f{box, box.w / app::kFigureUnitsW};
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
  const auto rows = app::bodymap_rows(m, s);
  const auto l = app::bodymap_layout(dc.window, static_cast<int>(rows.size()), s.scroll);
  back_button(dc, l.back, dc.focused(app::ControlKind::Back));
  c.text_in("Where does it hurt?", l.title, Font::Heading, p.text, Align::Left);
  if (!m.body_map || !m.library) {
    c.text_wrapped("The body map could not be loaded, so it can't be shown. The routines on Home still work.",
                   {l.figure.x, l.figure.y, dc.window.w - 2 * l.figure.x, app::kBodyLine * 3}, Font::Body, p.muted,
                   Align::Left, 3);
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
  chip(l.front, "Front", s.view == core::BodyView::Front, {app::ControlKind::BodyView, 0});
  chip(l.back_view, "Back", s.view == core::BodyView::Back, {app::ControlKind::BodyView, 1});

  // The figure: the chosen zone, and the picked (and focused) muscles shaded.
  FigureShading shading;
  shading.chosen = s.zone;
  std::optional<int> focused_row;
  if (dc.focus && (dc.focus->kind == app::ControlKind::MuscleToggle || dc.focus->kind == app::ControlKind::MuscleInfo)) {
    focused_row = dc.focus->index;
  }
  for (const auto& id : s.selected) {
    if (const auto* muscle = m.library->find(id)) shade_muscle(shading, *muscle);
  }
  if (focused_row && *focused_row >= 0 && *focused_row < static_cast<int>(rows.size())) {
    shade_muscle(shading, *rows[static_cast<std::size_t>(*focused_row)]);
  }
  draw_body_figure(dc, map, s.view, l.figure, shading);
  if (dc.focus && dc.focus->kind == app::ControlKind::BodyZone) focus_ring(dc, l.figure, 12);

  // Beside the figure: the chosen zone and what to do next.
  const core::BodyZone* zone = map.find(s.zone);
  if (zone != nullptr) {
    c.text_wrapped(zone->label, l.zone_label, Font::Heading, p.text, Align::Left, 2);
  } else {
    c.text_wrapped("Tap where it hurts", l.zone_label, Font::Heading, p.text, Align::Left, 2);
  }
  std::string status;
  if (zone == nullptr) {
    status = "Muscles that commonly send pain there are listed below.";
  } else {
    if (zone->view != s.view) status = std::string("Shown on the ") + (zone->view == core::BodyView::Front ? "front. " : "back. ");
    if (rows.empty()) {
      status += "No muscle in the library is known to refer pain here.";
    } else if (s.selected.empty()) {
      status += "Pick up to 4 muscles for a routine.";
    }
  }
  if (!s.selected.empty()) {
    status += (status.empty() ? "" : " ") + std::to_string(s.selected.size()) + " of 4 picked.";
  }
  const int status_lines = static_cast<int>(l.status.h / app::kCaptionLine);
  if (status_lines > 0) c.text_wrapped(status, l.status, Font::Caption, p.muted, Align::Left, status_lines);
  const bool any_muscle = !shading.location.empty() || !shading.referral.empty();
  if (any_muscle) legend(dc, l.legend, !shading.location.empty(), !shading.referral.empty(), "The muscle", "Its pain spreads");

  // The muscle list.
  {
    const Clip clip(c, l.viewport);
    if (zone != nullptr && !rows.empty()) {
      c.text_in("May refer pain here", l.list_title, Font::Heading, p.text, Align::Left);
    }
    if (rows.empty()) {
      const std::string_view empty = zone == nullptr
          ? "Choose a place on the figure. The arrow keys move between places when the figure has focus."
          : "Try a place nearby, or the other view.";
      c.text_wrapped(empty, l.empty, Font::Body, p.muted, Align::Left, 3);
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const app::Rect row = l.rows[i];
      if (!row.intersects(l.viewport)) continue;
      const core::MuscleInfo& muscle = *rows[i];
      const bool picked = contains(s.selected, muscle.id);
      c.fill_rounded(row, 16, p.surface);
      // The pick box.
      const app::Point box_center{row.x + 28, row.center().y};
      if (picked) {
        c.fill_circle(box_center, 13, p.accent);
        check_mark(c, box_center, 14, p.on_accent);
      } else {
        c.stroke_arc(box_center, 12, 2, 0, 1, p.outline);
      }
      const app::Rect text{row.x + 52, row.y + 10, l.toggles[i].right() - row.x - 60, app::kBodyLine};
      c.text_in(muscle.name, text, Font::BodyStrong, p.text, Align::Left);
      std::string detail = muscle.region;
      if (!muscle.tool.empty()) detail += (detail.empty() ? "" : " · ") + muscle.tool;
      c.text_in(detail, {text.x, text.bottom() + 2, text.w, app::kCaptionLine}, Font::Caption, p.muted, Align::Left);
      // The details button.
      const app::Rect info = l.infos[i];
      c.stroke_arc(info.center(), 13, 1.5f, 0, 1, p.outline);
      c.text_in("i", {info.center().x - 12, info.center().y - 12, 24, 24}, Font::BodyStrong, p.text, Align::Center);
      if (dc.focused(app::ControlKind::MuscleToggle, static_cast<int>(i))) focus_ring(dc, l.toggles[i], 16);
      if (dc.focused(app::ControlKind::MuscleInfo, static_cast<int>(i))) focus_ring(dc, info.inset(4), info.w / 2 - 4);
    }
  }
  toast(dc, m, l.toast);
  const std::string build = s.selected.empty() ? "Build routine" : "Build routine (" + std::to_string(s.selected.size()) + ")";
  button(dc, l.build, build, ButtonStyle::Primary, dc.focused(app::ControlKind::BuildRoutine), !s.selected.empty());
}

void draw_muscle(DrawContext& dc, const app::AppModel& m, const app::MuscleScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const core::MuscleInfo* muscle = m.library ? m.library->find(s.muscle) : nullptr;
  const core::MuscleInfo empty;
  const auto l = app::muscle_layout(dc.window, muscle ? *muscle : empty, s.scroll);
  back_button(dc, l.back, dc.focused(app::ControlKind::Back));
  if (muscle == nullptr) {
    c.text_in("Muscle not found", l.title, Font::Title, p.text, Align::Left);
    return;
  }
  c.text_in(muscle->name, l.title, Font::Title, p.text, Align::Left);
  const Clip clip(c, l.viewport);
  if (m.body_map) {
    FigureShading shading;
    shading.zone_outlines = false;
    shade_muscle(shading, *muscle);
    draw_body_figure(dc, *m.body_map, core::BodyView::Front, l.front_figure, shading);
    draw_body_figure(dc, *m.body_map, core::BodyView::Back, l.back_figure, shading);
    c.text_in("Front", l.front_label, Font::Caption, p.muted, Align::Center);
    c.text_in("Back", l.back_label, Font::Caption, p.muted, Align::Center);
    legend(dc, l.legend, true, true, "Where the muscle lies", "Where its pain may spread");
  }
  for (const auto& b : l.blocks) {
    if (!b.box.intersects(l.viewport)) continue;
    switch (b.style) {
      case app::MuscleText::Style::Heading: c.text_in(b.text, b.box, Font::Heading, p.text, Align::Left); break;
      case app::MuscleText::Style::Body: c.text_wrapped(b.text, b.box, Font::Body, p.text, Align::Left, b.lines); break;
      case app::MuscleText::Style::Caption: c.text_wrapped(b.text, b.box, Font::Caption, p.muted, Align::Left, b.lines); break;
    }
  }
}

}  // namespace unknot::ui
