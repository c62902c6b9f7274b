// Notes on behaviour the header leaves open:
// - The figure takes about half the height between the header and Build routine (never less
//   than 180 dp, never more than 380), so the list below it shows at least two rows at 360×640.
// - Zones are small (a temple is a few dp across), so a tap that lands on no zone chooses the
//   nearest zone within 6 figure units (about a fingertip on a phone-sized figure).
// - Text boxes on the muscle screen get as many lines as an estimate of the text's width needs
//   (0.55 of the font size per character, generous for Inter and DejaVu), like Progress.
#include "app/bodymap_layout.h"
#include "app/text_util.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "app/bodymap_flow.h"

namespace unknot::app {
namespace {

float grid(float v) { return std::round(v * 2.0f) / 2.0f; }

constexpr float kBodyPx = 17;
constexpr float kCaptionPx = 14;
constexpr float kTapReach = 6;  // figure units


Rect back_button_of(Rect col) { return {col.x - 12, col.y - 12, kTarget, kTarget}; }

void add_clipped(std::vector<Hit>& out, Control control, Rect r, Rect viewport) {
  const float top = std::max(r.y, viewport.y), bottom = std::min(r.bottom(), viewport.bottom());
  if (bottom - top < 1 || !r.intersects(viewport)) return;
  out.push_back({control, {r.x, top, r.w, bottom - top}});
}

// How far a point lies outside a shape, in figure units (0 or less: inside).
float distance_outside(const core::BodyShape& s, float px, float py) {
  if (s.to) {
    const float ax = s.x, ay = s.y, bx = s.to->first, by = s.to->second;
    const float dx = bx - ax, dy = by - ay;
    const float len2 = dx * dx + dy * dy;
    const float t = len2 > 0 ? std::clamp(((px - ax) * dx + (py - ay) * dy) / len2, 0.0f, 1.0f) : 0.0f;
    return std::hypot(px - (ax + t * dx), py - (ay + t * dy)) - s.rx;
  }
  const float rx = std::max(s.rx, 0.01f), ry = std::max(s.ry, 0.01f);
  const float nx = (px - s.x) / rx, ny = (py - s.y) / ry;
  const float k = std::hypot(nx, ny);
  // Scaled radial distance: exact on circles, close enough on the map's gentle ellipses.
  return (k - 1) * std::min(rx, ry);
}

}  // namespace

BodyMapLayout bodymap_layout(Size window, int rows, float scroll) {
  BodyMapLayout l;
  const Rect col = column(window);
  l.back = back_button_of(col);
  l.title = {col.x + 44, col.y - 1, col.w - 44, kHeadingLine};
  l.build = {col.x, col.bottom() - kButtonHeight, col.w, kButtonHeight};
  const float top = col.y + kHeadingLine + kGap;
  const float avail = l.build.y - kGap - top;
  const float fig_h = grid(std::clamp(avail * 0.5f, 180.0f, 380.0f));
  const float fig_w = grid(figure_width(fig_h));
  l.figure = {col.x, top, fig_w, fig_h};

  // Beside the figure: the view toggle, the chosen zone, a line of status, the legend.
  const float side_x = grid(col.x + fig_w + kGap);
  const float side_w = col.right() - side_x;
  const float chip_w = std::min(96.0f, (side_w - kSmallGap) / 2);
  l.front = {side_x, top, chip_w, kTarget};
  l.back_view = {grid(side_x + chip_w + kSmallGap), top, chip_w, kTarget};
  float y = top + kTarget + kGap;
  l.zone_label = {side_x, y, side_w, kHeadingLine * 2};
  y += kHeadingLine * 2 + kSmallGap;
  // Up to three lines of status, the legend under them (within the figure's height).
  const float legend_h = kCaptionLine * 2 + 4;
  const float status_room = std::max(0.0f, l.figure.bottom() - legend_h - kGap - y);
  l.status = {side_x, y, side_w, std::min(3.0f, std::floor(status_room / kCaptionLine)) * kCaptionLine};
  l.legend = {side_x, grid(l.status.bottom() + kGap), side_w, legend_h};

  const float list_top = l.figure.bottom() + kGap;
  l.viewport = {col.x - 8, list_top - 4, col.w + 16, std::max(0.0f, l.build.y - kSmallGap - (list_top - 4))};
  float ry = list_top - scroll;
  l.list_title = {col.x, grid(ry), col.w, kHeadingLine};
  ry += kHeadingLine + kSmallGap;
  l.empty = {col.x, grid(ry), col.w, kBodyLine * 3};
  for (int i = 0; i < rows; ++i) {
    const Rect row{col.x, grid(ry), col.w, kMuscleRow};
    l.rows.push_back(row);
    l.toggles.push_back({row.x, row.y, row.w - kTarget - kSmallGap, row.h});
    l.infos.push_back({row.right() - kTarget, row.y + (row.h - kTarget) / 2, kTarget, kTarget});
    ry += kMuscleRow + kSmallGap;
  }
  if (rows == 0) ry += l.empty.h;
  l.content_h = ry + scroll - list_top + 4;
  l.toast = {col.x, l.build.y - kSmallGap - 44, col.w, 44};
  return l;
}

float bodymap_max_scroll(Size window, int rows) {
  const auto l = bodymap_layout(window, rows, 0);
  return std::max(0.0f, l.content_h - l.viewport.h);
}

std::optional<Point> figure_point(Rect figure, Point p) {
  if (!figure.contains(p) || figure.w <= 0 || figure.h <= 0) return std::nullopt;
  return Point{(p.x - figure.x) / figure.w * kFigureUnitsW, (p.y - figure.y) / figure.h * kFigureUnitsH};
}

MuscleLayout muscle_layout(Size window, const core::MuscleInfo& muscle, float scroll) {
  MuscleLayout l;
  const Rect col = column(window);
  l.back = back_button_of(col);
  l.title = {col.x, col.y + kTarget, col.w, kTitleLine};
  const float top = l.title.bottom() + kGap;
  l.viewport = {col.x - 8, top, col.w + 16, std::max(0.0f, col.bottom() + kMargin - top)};
  float y = top - scroll;
  // Two small figures, front and back, with the legend beside them (below on a narrow column).
  float fig_h = std::clamp(window.h * 0.28f, 168.0f, 240.0f);
  const float fig_w = grid(figure_width(fig_h));
  l.front_figure = {col.x, grid(y), fig_w, fig_h};
  l.back_figure = {grid(col.x + fig_w + kSmallGap), grid(y), fig_w, fig_h};
  l.front_label = {l.front_figure.x, grid(y + fig_h + 4), fig_w, kCaptionLine};
  l.back_label = {l.back_figure.x, l.front_label.y, fig_w, kCaptionLine};
  fig_h += 4 + kCaptionLine;
  const float side_x = l.back_figure.right() + kGap;
  const float legend_h = kCaptionLine * 4 + 8;
  if (col.right() - side_x >= 120) {
    l.legend = {side_x, grid(y + fig_h - legend_h), col.right() - side_x, legend_h};
    y += fig_h + kGap;
  } else {
    y += fig_h + kSmallGap;
    l.legend = {col.x, grid(y), col.w, kCaptionLine * 2 + 4};
    y += l.legend.h + kGap;
  }

  const auto block = [&](MuscleText::Style style, std::string text, float gap_after) {
    if (text.empty()) return;
    MuscleText b;
    b.style = style;
    const float px = style == MuscleText::Style::Caption ? kCaptionPx : kBodyPx;
    const float line = style == MuscleText::Style::Heading ? kHeadingLine
                       : style == MuscleText::Style::Caption ? kCaptionLine
                                                            : kBodyLine;
    b.lines = style == MuscleText::Style::Heading ? 1 : estimated_lines(text, col.w, px);
    b.box = {col.x, grid(y), col.w, line * static_cast<float>(b.lines)};
    b.text = std::move(text);
    y += b.box.h + gap_after;
    l.blocks.push_back(std::move(b));
  };
  using S = MuscleText::Style;
  block(S::Heading, "Where to find it", 4);
  block(S::Body, muscle.where, kGap);
  block(S::Heading, "Where its pain may spread", 4);
  block(S::Body, muscle.referral, kGap);
  block(S::Heading, "Tool and posture", 4);
  std::string tool = muscle.tool;
  if (!muscle.posture.empty()) tool += (tool.empty() ? "" : " · ") + muscle.posture;
  block(S::Body, tool, 4);
  block(S::Body, muscle.instruction, kGap);
  block(S::Heading, "Hold and pressure", 4);
  block(S::Body,
        std::to_string(muscle.hold_seconds) + " s" + (muscle.sided ? " on each side" : "") +
            " · pressure " + std::to_string(muscle.pressure) + " of 10, never above 7",
        kGap);
  if (!muscle.cautions.empty()) {
    block(S::Heading, "Cautions", 4);
    for (const auto& c : muscle.cautions) block(S::Body, c, kSmallGap);
    y += kSmallGap;
  }
  if (!muscle.sources.empty()) {
    block(S::Heading, "Sources", 4);
    for (const auto& s : muscle.sources) block(S::Caption, s, 4);
  }
  l.content_h = y + scroll - top + kMargin;
  return l;
}

float muscle_max_scroll(Size window, const core::MuscleInfo& muscle) {
  const auto l = muscle_layout(window, muscle, 0);
  return std::max(0.0f, l.content_h - l.viewport.h);
}

}

bool bodymap_hits(const AppModel& m, Size window, std::vector<Hit>& out) {
  if (const auto* s = std::get_if<BodyMapScreen>(&m.screen)) {
    const auto rows = bodymap_rows(m, *s);
    const auto l = bodymap_layout(window, static_cast<int>(rows.size()), s->scroll);
    out.push_back({{ControlKind::Back, 0}, l.back});
    if (!m.body_map) return true;
    out.push_back({{ControlKind::BodyView, 0}, l.front});
    out.push_back({{ControlKind::BodyView, 1}, l.back_view});
    for (std::size_t i = 0; i < rows.size(); ++i) {
      add_clipped(out, {ControlKind::MuscleToggle, static_cast<int>(i)}, l.toggles[i], l.viewport);
      add_clipped(out, {ControlKind::MuscleInfo, static_cast<int>(i)}, l.infos[i], l.viewport);
    }
    out.push_back({{ControlKind::BuildRoutine, 0}, l.build});
    return true;
  }
  if (std::holds_alternative<MuscleScreen>(m.screen)) {
    out.push_back({{ControlKind::Back, 0}, muscle_layout(window, {}, 0).back});
    return true;
  }
  return false;
}

std::optional<Control> bodymap_figure_hit(const AppModel& m, Size window, Point p) {
  const auto* s = std::get_if<BodyMapScreen>(&m.screen);
  if (s == nullptr || !m.body_map) return std::nullopt;
  const auto l = bodymap_layout(window, 0, 0);
  const auto fp = figure_point(l.figure, p);
  if (!fp) return std::nullopt;
  const core::BodyMap& map = *m.body_map;
  if (const auto* zone = map.zone_at(s->view, fp->x, fp->y)) {
    return Control{ControlKind::BodyZone, static_cast<int>(zone - map.zones.data())};
  }
  int best = -1;
  float best_d = kTapReach;
  for (int i : view_zones(map, s->view)) {
    for (const auto& shape : map.zones[static_cast<std::size_t>(i)].shapes) {
      const float d = distance_outside(shape, fp->x, fp->y);
      if (d < best_d) {
        best_d = d;
        best = i;
      }
    }
  }
  if (best < 0) return std::nullopt;
  return Control{ControlKind::BodyZone, best};
}

}  // namespace unknot::app
