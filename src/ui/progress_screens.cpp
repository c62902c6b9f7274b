// The Progress (trends), History and entry screens and the bottom tab bar. Charts are drawn with
// the canvas' anti-aliased shapes in dp, so they stay crisp at any density; every colour comes
// from the palette (or the pain gradient), so both themes work.
#include <algorithm>
#include <cmath>

#include "app/progress_flow.h"
#include "app/progress_layout.h"
#include "app/trends_view.h"
#include "app/view.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace unknot::ui {
namespace {

constexpr float kTickGutter = 28;  // room for the y-axis numbers
constexpr float kAxisBand = 30;    // room for the x-axis dates, clear of the "0" beside the axis
constexpr float kPlotTop = 8;

bool visible(app::Rect r, app::Rect viewport) { return r.h > 0 && r.intersects(viewport); }

Color relief_color(const Palette& p) { return p.inhale; }
Color worse_color() { return pain_color(9); }

void chip(DrawContext& dc, app::Rect r, std::string_view label, bool on, app::Control control) {
  const Palette& p = dc.palette;
  dc.canvas.fill_rounded(r, r.h / 2, on ? p.accent : p.surface);
  if (!on) dc.canvas.stroke_rounded(r, r.h / 2, 1, p.outline.with_alpha(90));
  dc.canvas.text_in(label, r.inset(8), Font::Caption, on ? p.on_accent : p.text, Align::Center);
  if (dc.focus && *dc.focus == control) focus_ring(dc, r, r.h / 2);
}

void card(DrawContext& dc, app::Rect r) { dc.canvas.fill_rounded(r, kCardRadius, dc.palette.surface); }

// The plotting area inside a chart rect: y numbers on the left (and right), dates below.
app::Rect plot_area(app::Rect plot, bool right_scale) {
  return {plot.x + kTickGutter, plot.y + kPlotTop, plot.w - kTickGutter - (right_scale ? kTickGutter : 8),
          plot.h - kPlotTop - kAxisBand};
}

struct Scale {
  app::Rect area;
  int day_count = 1;
  float x(double day) const {
    return area.x + static_cast<float>(day / std::max(day_count, 1)) * area.w;
  }
  float y(double pain) const { return area.bottom() - static_cast<float>(std::clamp(pain, 0.0, 10.0) / 10.0) * area.h; }
};

void pain_grid(DrawContext& dc, const Scale& s, app::Rect plot) {
  const Palette& p = dc.palette;
  for (int pain : {0, 5, 10}) {
    const float y = s.y(pain);
    dc.canvas.stroke_line({s.area.x, y}, {s.area.right(), y}, 1, p.outline.with_alpha(pain == 0 ? 140 : 60));
    dc.canvas.number_in(std::to_string(pain), {plot.x, y - app::kCaptionLine / 2, kTickGutter - 6, app::kCaptionLine},
                        Font::Caption, p.muted, Align::Right);
  }
}

void time_axis(DrawContext& dc, const Scale& s, const std::vector<app::AxisLabel>& labels, app::Rect plot) {
  const Palette& p = dc.palette;
  float last_right = -1e9f;
  for (const auto& label : labels) {
    const float x = s.x(label.x);
    if (x < s.area.x - 0.5f) continue;
    const float w = dc.canvas.text_width(label.text, Font::Caption);
    if (x < last_right + 12 || x + w > plot.right()) continue;
    dc.canvas.stroke_line({x, s.area.bottom()}, {x, s.area.bottom() + 6}, 1, p.outline.with_alpha(140));
    dc.canvas.text(label.text, {x, s.area.bottom() + 11}, Font::Caption, p.muted);
    last_right = x + w;
  }
}

void legend_mark(DrawContext& dc, app::LegendMark mark, app::Rect r) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const app::Point mid = r.center();
  switch (mark) {
    case app::LegendMark::Dot: c.fill_circle(mid, 3.5f, p.muted); break;
    case app::LegendMark::Line: c.stroke_line({r.x, mid.y}, {r.right(), mid.y}, 2, p.accent); break;
    case app::LegendMark::Segment: c.stroke_line({r.x, mid.y}, {r.right(), mid.y}, 3, p.exhale); break;
    case app::LegendMark::Dashed: c.stroke_dashed({r.x, mid.y}, {r.right(), mid.y}, 2, 3, 3, p.exhale.with_alpha(170)); break;
    case app::LegendMark::Bar: c.fill_rounded({mid.x - 5, r.y + 3, 10, r.h - 6}, 2, p.hold.with_alpha(110)); break;
    case app::LegendMark::Target: c.stroke_dashed({r.x, mid.y}, {r.right(), mid.y}, 1.5f, 5, 3, p.muted); break;
    case app::LegendMark::Relief: c.stroke_line({mid.x, r.y + 2}, {mid.x, r.bottom() - 2}, 3, relief_color(p)); break;
    case app::LegendMark::Worse: c.stroke_line({mid.x, r.y + 2}, {mid.x, r.bottom() - 2}, 3, worse_color()); break;
    case app::LegendMark::Same: c.fill_circle(mid, 3.5f, p.hold); break;
    case app::LegendMark::BeforeAfter:
      c.stroke_arc({mid.x - 5, mid.y}, 3, 1.5f, 0, 1, p.muted);
      c.fill_circle({mid.x + 5, mid.y}, 3, p.muted);
      break;
  }
}

void legend(DrawContext& dc, const std::vector<app::LegendItem>& items, app::Rect r, int columns) {
  const float col_w = (r.w - 8 * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto row = static_cast<float>(i / static_cast<std::size_t>(columns));
    const auto col = static_cast<float>(i % static_cast<std::size_t>(columns));
    const app::Rect cell{r.x + col * (col_w + 8), r.y + row * (app::kCaptionLine + 4), col_w, app::kCaptionLine};
    legend_mark(dc, items[i].mark, {cell.x, cell.y, 20, cell.h});
    dc.canvas.text_in(items[i].text, {cell.x + 28, cell.y, cell.w - 28, cell.h}, Font::Caption, dc.palette.muted,
                      Align::Left);
  }
}

void centred_message(DrawContext& dc, app::Rect area, const std::string& text) {
  const float h = dc.canvas.wrapped_line_count(text, area.w - 16, Font::Caption) > 1 ? 2 * app::kCaptionLine : app::kCaptionLine;
  dc.canvas.text_wrapped(text, {area.x + 8, area.center().y - h / 2, area.w - 16, h}, Font::Caption, dc.palette.muted,
                         Align::Center, 2);
}

void pain_chart(DrawContext& dc, const app::TrendsView& v, app::Rect plot) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const app::PainChartView& chart = v.pain;
  const Scale s{plot_area(plot, true), chart.day_count};
  // Sessions use the lower 40 % of the plot on their own right-hand scale, so the bars sit
  // under the pain marks instead of covering them.
  const float bar_h = s.area.h * 0.4f;
  const auto bar_y = [&](double n) {
    return s.area.bottom() - static_cast<float>(std::clamp(n / std::max(chart.bar_max, 1), 0.0, 1.0)) * bar_h;
  };
  // Sessions first, so the pain marks sit on top.
  for (const auto& bar : chart.bars) {
    if (bar.completed <= 0) continue;
    const float x0 = s.x(bar.x0), x1 = s.x(bar.x1);
    const float w = std::clamp((x1 - x0) * 0.56f, 2.0f, 18.0f);
    const float top = bar_y(bar.completed);
    c.fill_rounded({(x0 + x1) / 2 - w / 2, top, w, s.area.bottom() - top}, std::min(3.0f, w / 2), p.hold.with_alpha(60));
  }
  pain_grid(dc, s, plot);
  // Right-hand scale: sessions a week.
  const app::Rect right{s.area.right() + 6, 0, kTickGutter - 6, app::kCaptionLine};
  c.number_in("0", {right.x, bar_y(0) - app::kCaptionLine / 2, right.w, right.h}, Font::Caption, p.muted, Align::Left);
  c.number_in(std::to_string(chart.bar_max), {right.x, bar_y(chart.bar_max) - app::kCaptionLine / 2, right.w, right.h},
              Font::Caption, p.muted, Align::Left);
  if (chart.target > 0) {
    const float y = bar_y(chart.target);
    c.stroke_dashed({s.area.x, y}, {s.area.right(), y}, 1.5f, 5, 3, p.muted);
  }
  for (const auto& week : chart.weeks) {
    const float x0 = s.x(week.x0) + 3, x1 = s.x(week.x1) - 3;
    if (x1 <= x0) continue;
    if (week.not_enough) {
      c.stroke_dashed({x0, s.area.y + 2}, {x1, s.area.y + 2}, 2, 3, 3, p.exhale.with_alpha(170));
    } else if (week.mean && !chart.aggregated) {
      c.stroke_line({x0, s.y(*week.mean)}, {x1, s.y(*week.mean)}, 3, p.exhale);
    }
  }
  for (const auto& segment : chart.rolling) {
    std::vector<app::Point> pts;
    for (const auto& pt : segment) pts.push_back({s.x(pt.x), s.y(pt.y)});
    if (pts.size() == 1) c.fill_circle(pts[0], 1.5f, p.accent);
    c.stroke_polyline(pts, 2, p.accent);
  }
  const float radius = chart.points.size() > 60 ? 2.5f : 3.5f;
  for (const auto& pt : chart.points) {
    c.fill_circle({s.x(pt.x), s.y(pt.y)}, radius, p.muted);
  }
  time_axis(dc, s, chart.x_labels, plot);
  if (!v.loaded) centred_message(dc, s.area, "Loading your record…");
  else if (!chart.empty.empty()) centred_message(dc, s.area, chart.empty);
}

void sessions_chart(DrawContext& dc, const app::TrendsView& v, app::Rect plot) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const app::SessionsChartView& chart = v.sessions;
  const Scale s{plot_area(plot, false), chart.day_count};
  pain_grid(dc, s, plot);
  const float per_day = s.area.w / static_cast<float>(std::max(chart.day_count, 1));
  const float width = chart.aggregated ? 3.0f : std::clamp(per_day * 0.45f, 1.5f, 3.0f);
  const float dot = std::clamp(width + 0.5f, 2.0f, 3.5f);
  for (const auto& mark : chart.marks) {
    const float x = s.x(mark.x);
    const float y0 = s.y(mark.before), y1 = s.y(mark.after);
    const double diff = mark.before - mark.after;
    const Color color = diff > 0.05 ? relief_color(p) : diff < -0.05 ? worse_color() : p.hold;
    if (std::abs(y1 - y0) > 0.5f) c.stroke_line({x, y0}, {x, y1}, width, color.with_alpha(200));
    c.stroke_arc({x, y0}, dot, 1.25f, 0, 1, color);
    c.fill_circle({x, y1}, dot, color);
  }
  time_axis(dc, s, chart.x_labels, plot);
  if (!v.loaded) centred_message(dc, s.area, "Loading your record…");
  else if (!chart.empty.empty()) centred_message(dc, s.area, chart.empty);
}

void change_card(DrawContext& dc, const app::TrendsView& v, const app::TrendsLayout& l) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const app::ChangeCardLayout& k = l.change_parts;
  const app::ChangeView& cv = v.change;
  card(dc, l.change);
  c.text_in("Pain vs your baseline", k.title, Font::Heading, p.text, Align::Left);
  c.text_in("Baseline", k.baseline_label, Font::Caption, p.muted, Align::Left);
  c.text_in("Latest weekly mean", k.current_label, Font::Caption, p.muted, Align::Left);
  c.number_in(v.loaded ? cv.baseline_value : "–", k.baseline_value, Font::Title, p.text, Align::Left);
  c.number_in(v.loaded ? cv.current_value : "–", k.current_value, Font::Title, p.text, Align::Left);
  c.text_wrapped(cv.baseline_caption, k.baseline_caption, Font::Caption, p.muted, Align::Left, 2);
  c.text_wrapped(cv.current_caption, k.current_caption, Font::Caption, p.muted, Align::Left, 2);
  const std::string change = v.loaded ? cv.change : "Loading…";
  c.text_wrapped(change, k.change, Font::BodyStrong, p.text, Align::Left,
                 std::max(1, static_cast<int>(std::lround(k.change.h / app::kBodyLine))));
  if (!cv.band.empty()) c.text_in(cv.band, k.band, Font::Body, p.text, Align::Left);
  if (k.reference_lines > 0) c.text_wrapped(cv.reference, k.reference, Font::Caption, p.muted, Align::Left, k.reference_lines);
  if (k.note_lines > 0) c.text_wrapped(cv.note, k.note, Font::Caption, p.muted, Align::Left, k.note_lines);
}

void tab(DrawContext& dc, app::Rect r, std::string_view label, bool active, app::ControlKind kind) {
  const Palette& p = dc.palette;
  const float w = std::min(r.w - 4, 96.0f);
  const app::Rect pill{r.center().x - w / 2, r.y + 10, w, r.h - 20};
  if (active) dc.canvas.fill_rounded(pill, pill.h / 2, p.accent.with_alpha(48));
  dc.canvas.text_in(label, pill, active ? Font::BodyStrong : Font::Body, active ? p.text : p.muted, Align::Center);
  if (dc.focused(kind)) focus_ring(dc, pill, pill.h / 2);
}

// The last lines of `text` that fit `lines` lines at `width`: the end stays in view while typing.
std::string tail_that_fits(const Canvas& c, const std::string& text, float width, int lines) {
  if (c.wrapped_line_count(text, width, Font::Body) <= lines) return text;
  std::size_t lo = 0, hi = text.size();
  while (lo < hi) {
    std::size_t mid = (lo + hi) / 2;
    while (mid < text.size() && (static_cast<unsigned char>(text[mid]) & 0xC0) == 0x80) ++mid;
    if (mid >= hi) break;
    if (c.wrapped_line_count("…" + text.substr(mid), width, Font::Body) <= lines) hi = mid;
    else lo = mid + 1;
  }
  while (hi < text.size() && (static_cast<unsigned char>(text[hi]) & 0xC0) == 0x80) ++hi;
  return "…" + text.substr(hi);
}

}  // namespace

void draw_tab_bar(DrawContext& dc, app::ControlKind active) {
  const Palette& p = dc.palette;
  const auto l = app::tab_bar_layout(dc.window);
  dc.canvas.fill_rect(l.bar, p.surface);
  dc.canvas.fill_rect({l.bar.x, l.bar.y, l.bar.w, 1}, p.outline.with_alpha(70));
  tab(dc, l.home, "Home", active == app::ControlKind::TabHome, app::ControlKind::TabHome);
  tab(dc, l.progress, "Progress", active == app::ControlKind::TabProgress, app::ControlKind::TabProgress);
  tab(dc, l.history, "History", active == app::ControlKind::TabHistory, app::ControlKind::TabHistory);
  tab(dc, l.settings, "Settings", active == app::ControlKind::Settings, app::ControlKind::Settings);
}

void draw_trends(DrawContext& dc, const app::AppModel& m, const app::TrendsScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const app::TrendsView v = app::trends_view(m, s);
  const app::TrendsLayout l = app::trends_layout(dc.window, v, s.scroll);
  const app::Rect vp = l.viewport;
  {
    // Cards end above the toast while it shows.
    const Clip clip(c, m.toast.empty() ? vp : app::Rect{vp.x, vp.y, vp.w, std::max(0.0f, l.toast.y - vp.y)});
    const char* periods[] = {"4 weeks", "12 weeks", "All"};
    for (int i = 0; i < 3; ++i) {
      const app::Rect r = l.periods[static_cast<std::size_t>(i)];
      if (visible(r, vp)) chip(dc, r, periods[i], static_cast<int>(s.period) == i, {app::ControlKind::Period, i});
    }
    for (std::size_t i = 0; i < l.regions.size(); ++i) {
      if (!visible(l.regions[i], vp)) continue;
      const bool on = i == 0 ? s.region.empty() : s.region == v.regions[i - 1];
      chip(dc, l.regions[i], i == 0 ? std::string("All regions") : v.regions[i - 1], on,
           {app::ControlKind::RegionFilter, static_cast<int>(i)});
    }
    const char* sides[] = {"Both sides", "Left", "Right"};
    for (std::size_t i = 0; i < l.sides.size(); ++i) {
      if (visible(l.sides[i], vp)) {
        chip(dc, l.sides[i], sides[i], static_cast<std::size_t>(s.side) == i, {app::ControlKind::SideFilter, static_cast<int>(i)});
      }
    }
    if (visible(l.filter_note, vp)) {
      c.text_wrapped(v.filter_note, l.filter_note, Font::Caption, p.muted, Align::Left,
                     static_cast<int>(std::lround(l.filter_note.h / app::kCaptionLine)));
    }
    if (visible(l.change, vp)) change_card(dc, v, l);
    if (visible(l.streak, vp)) {
      card(dc, l.streak);
      c.text_wrapped(v.loaded ? v.streak : "", l.streak.inset(16).inset(0), Font::Body, p.text, Align::Left,
                     l.streak_lines);
    }
    if (visible(l.pain.card, vp)) {
      card(dc, l.pain.card);
      c.text_in("Pain and practice", l.pain.title, Font::Heading, p.text, Align::Left);
      pain_chart(dc, v, l.pain.plot);
      legend(dc, v.pain.legend, l.pain.legend, l.pain.legend_columns);
      c.fill_rect({l.target_row.x + 16, l.target_row.y, l.target_row.w - 32, 1}, p.outline.with_alpha(60));
      c.text_in(v.target_label, l.target_label, Font::Body, p.text, Align::Left);
      if (v.target_prescribed) {
        // The therapist's schedule sets the target: shown, not adjustable.
        c.text_in(v.target_value, {l.target_down.x, l.target_down.y, l.target_up.right() - l.target_down.x, l.target_down.h},
                  Font::BodyStrong, p.text, Align::Right);
      } else {
        button(dc, l.target_down, "\u2212", ButtonStyle::Secondary, dc.focused(app::ControlKind::TargetDown),
               m.weekly_target > 1);
        c.text_in(v.target_value, l.target_value, Font::BodyStrong, p.text, Align::Center);
        button(dc, l.target_up, "+", ButtonStyle::Secondary, dc.focused(app::ControlKind::TargetUp),
               m.weekly_target < app::kMaxWeeklyTarget);
      }
    }
    if (visible(l.sessions.card, vp)) {
      card(dc, l.sessions.card);
      c.text_in("Before and after sessions", l.sessions.title, Font::Heading, p.text, Align::Left);
      sessions_chart(dc, v, l.sessions.plot);
      legend(dc, v.sessions.legend, l.sessions.legend, l.sessions.legend_columns);
      const std::string& first = v.sessions.empty.empty() ? v.sessions.summary : v.sessions.empty;
      if (l.sessions_summary.h > 0) {
        c.text_wrapped(v.loaded ? first : "", l.sessions_summary, Font::Caption, p.text, Align::Left,
                       static_cast<int>(std::lround(l.sessions_summary.h / app::kCaptionLine)));
      }
      for (std::size_t i = 0; i < l.sessions_weekly.size(); ++i) {
        c.text_in(v.sessions.weekly[i], l.sessions_weekly[i], Font::Caption, p.muted, Align::Left);
      }
      if (l.sessions_caveat.h > 0) {
        c.text_wrapped(v.sessions.caveat, l.sessions_caveat, Font::Caption, p.muted, Align::Left,
                       static_cast<int>(std::lround(l.sessions_caveat.h / app::kCaptionLine)));
      }
    }
    if (!v.left_right.empty() && visible(l.left_right.card, vp)) {
      card(dc, l.left_right.card);
      c.text_in("Left vs right", l.left_right.title, Font::Heading, p.text, Align::Left);
      const app::Rect head = l.left_right.legend;
      const float half = head.w / 2;
      c.text_in("Left", {head.x, head.y, half - 8, head.h}, Font::Caption, p.muted, Align::Left);
      c.text_in("Right", {head.x + half, head.y, half, head.h}, Font::Caption, p.muted, Align::Left);
      for (std::size_t i = 0; i < v.left_right.size(); ++i) {
        const app::Rect r = l.left_right_rows[i];
        const auto& row = v.left_right[i];
        c.text_in(row.region, {r.x, r.y, r.w, app::kBodyLine}, Font::BodyStrong, p.text, Align::Left);
        c.number_in(row.left, {r.x, r.y + app::kBodyLine, half - 8, app::kBodyLine}, Font::Body, p.text, Align::Left);
        c.number_in(row.right, {r.x + half, r.y + app::kBodyLine, half, app::kBodyLine}, Font::Body, p.text, Align::Left);
      }
      c.text_wrapped(v.left_right_note, l.left_right.note, Font::Caption, p.muted, Align::Left,
                     static_cast<int>(std::lround(l.left_right.note.h / app::kCaptionLine)));
    }
    if (visible(l.dose.card, vp)) {
      card(dc, l.dose.card);
      c.text_in("Pressure by muscle", l.dose.title, Font::Heading, p.text, Align::Left);
      if (v.dose.empty()) {
        c.text_wrapped(v.loaded ? v.dose_empty : "Loading…", l.dose.plot, Font::Caption, p.muted, Align::Left, 2);
      }
      for (std::size_t i = 0; i < v.dose.size(); ++i) {
        const app::Rect r = l.dose_rows[i];
        const auto& row = v.dose[i];
        const float value_w = std::min(r.w / 2, c.text_width(row.value, Font::Caption) + 2);
        c.text_in(row.value, {r.right() - value_w, r.y, value_w, app::kCaptionLine}, Font::Caption, p.muted, Align::Right);
        c.text_in(row.label, {r.x, r.y, r.w - value_w - 8, app::kCaptionLine}, Font::Caption, p.text, Align::Left);
        const app::Rect track{r.x, r.y + app::kCaptionLine + 4, r.w, 8};
        c.fill_rounded(track, 4, p.surface_raised);
        const float w = v.dose_max > 0 ? static_cast<float>(row.minutes / v.dose_max) * track.w : 0;
        if (w >= 1) c.fill_rounded({track.x, track.y, std::max(w, 8.0f), track.h}, 4, p.exhale);
      }
      if (l.dose.note.h > 0) {
        c.text_wrapped(v.dose_note, l.dose.note, Font::Caption, p.muted, Align::Left,
                       static_cast<int>(std::lround(l.dose.note.h / app::kCaptionLine)));
      }
    }
  }
  // The header band last, so cards slide under it.
  c.fill_rect({0, 0, dc.window.w, vp.y}, p.background);
  c.text_in("Progress", l.title, Font::Title, p.text, Align::Left);
  button(dc, l.share, "Share report", ButtonStyle::Quiet, dc.focused(app::ControlKind::ShareReport));
  if (!m.toast.empty()) {
    c.fill_rounded(l.toast, 16, p.text);
    const app::Rect inner = l.toast.inset(10);
    const int lines = std::min(2, c.wrapped_line_count(m.toast, inner.w, Font::Caption));
    const float h = static_cast<float>(lines) * app::kCaptionLine;
    c.text_wrapped(m.toast, {inner.x, inner.center().y - h / 2, inner.w, h}, Font::Caption, p.background,
                   Align::Center, 2);
  }
  draw_tab_bar(dc, app::ControlKind::TabProgress);
}

void draw_history(DrawContext& dc, const app::AppModel& m, const app::HistoryScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto& entries = m.history.entries;
  const auto l = app::history_layout(dc.window, static_cast<int>(entries.size()), s.scroll);
  const app::Rect vp = l.viewport;
  const bool undo = app::undo_showing(m);
  {
    // Rows end above the undo bar while it shows.
    const Clip clip(c, undo ? app::Rect{vp.x, vp.y, vp.w, std::max(0.0f, l.undo_bar.y - vp.y)} : vp);
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const app::Rect row = l.rows[i];
      if (!visible(row, vp)) continue;
      const app::HistoryRowView rv = app::history_row_view(m, entries[i]);
      c.fill_rounded(row, 16, p.surface);
      const app::Rect in{row.x + 16, row.y + 12, row.w - 32, row.h - 24};
      const float status_w = c.text_width(rv.status, Font::Caption) + 2;
      c.text_in(rv.status, {in.right() - status_w, in.y, status_w, app::kCaptionLine}, Font::Caption, p.muted, Align::Right);
      c.text_in(rv.date, {in.x, in.y, in.w - status_w - 8, app::kCaptionLine}, Font::Caption, p.muted, Align::Left);
      const float y2 = in.y + app::kCaptionLine + 2;
      const bool rated = entries[i].before || entries[i].after;
      const Font ratings_font = rated ? Font::Heading : Font::Caption;
      const float ratings_w = c.text_width(rv.ratings, ratings_font) + 2;
      c.number_in(rv.ratings, {in.right() - ratings_w, y2, ratings_w, app::kBodyLine}, ratings_font, rated ? p.text : p.muted,
                  Align::Right);
      c.text_in(rv.title, {in.x, y2, in.w - ratings_w - 12, app::kBodyLine}, Font::BodyStrong, p.text, Align::Left);
      const std::string meta = rv.note.empty() ? rv.minutes : rv.minutes + " · " + rv.note;
      c.text_in(meta, {in.x, y2 + app::kBodyLine + 2, in.w, app::kCaptionLine}, Font::Caption, p.muted, Align::Left);
      if (dc.focused(app::ControlKind::HistoryRow, static_cast<int>(i))) focus_ring(dc, row, 16);
    }
    if (!entries.empty() && visible(l.footer, vp)) {
      const char* text = m.history.more || m.history.loading ? "Loading older sessions…" : "That is everything so far";
      c.text_in(text, l.footer, Font::Caption, p.muted, Align::Center);
    }
  }
  if (entries.empty()) {
    if (!m.history.loaded) {
      c.text_in("Loading…", {l.empty.x, l.empty.y, l.empty.w, app::kBodyLine}, Font::Body, p.muted, Align::Left);
    } else {
      c.text_in("No sessions yet", {l.empty.x, l.empty.y, l.empty.w, app::kHeadingLine}, Font::Heading, p.text, Align::Left);
      c.text_wrapped("Sessions you do appear here, newest first. Open one to change its ratings or note.",
                     {l.empty.x, l.empty.y + app::kHeadingLine + 8, l.empty.w, app::kBodyLine * 3}, Font::Body, p.muted,
                     Align::Left, 3);
    }
  }
  c.fill_rect({0, 0, dc.window.w, vp.y}, p.background);
  c.text_in("History", l.title, Font::Title, p.text, Align::Left);
  if (undo) {
    c.fill_rounded(l.undo_bar, 16, p.text);
    const Font label_font = c.text_width(m.undo->label, Font::Body) <= l.undo_label.w ? Font::Body : Font::Caption;
    c.text_in(m.undo->label, l.undo_label, label_font, p.background, Align::Left);
    c.stroke_rounded(l.undo, kButtonRadius, 1.5f, p.background);
    c.text_in("Undo", l.undo.inset(8), Font::Button, p.background, Align::Center);
    if (dc.focused(app::ControlKind::Undo)) focus_ring(dc, l.undo, kButtonRadius);
  }
  draw_tab_bar(dc, app::ControlKind::TabHistory);
}

void draw_entry(DrawContext& dc, const app::AppModel& m, const app::EntryScreen& e) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::entry_layout(dc.window);
  const app::HistoryRowView rv = app::history_row_view(m, e.entry);
  back_button(dc, l.back, dc.focused(app::ControlKind::Back));
  button(dc, l.remove, "Delete", ButtonStyle::Quiet, dc.focused(app::ControlKind::Delete));
  // A long routine title steps down to the heading size rather than losing its end.
  c.text_in(rv.title, l.title, c.text_width(rv.title, Font::Title) <= l.title.w ? Font::Title : Font::Heading, p.text,
            Align::Left);
  c.text_in(rv.date + " · " + rv.minutes, l.meta, Font::Body, p.muted, Align::Left);
  c.text_in(e.entry.region.empty() ? rv.status : rv.status + " · " + e.entry.region, l.status, Font::Caption, p.muted,
            Align::Left);
  const auto stepper = [&](const app::StepperRow& r, const char* label, const std::optional<int>& value, int index) {
    c.text_in(label, r.label, Font::Body, p.text, Align::Left);
    button(dc, r.down, "\u2212", ButtonStyle::Secondary, dc.focused(app::ControlKind::RatingDown, index),
           !value || *value > 0);
    if (value) {
      c.fill_circle({r.value.center().x - 22, r.value.center().y}, 5, pain_color(*value));
      c.number_in(std::to_string(*value), {r.value.x + 16, r.value.y, r.value.w - 16, r.value.h}, Font::Heading, p.text,
                  Align::Center);
    } else {
      c.text_in("–", r.value, Font::Heading, p.muted, Align::Center);
    }
    button(dc, r.up, "+", ButtonStyle::Secondary, dc.focused(app::ControlKind::RatingUp, index), !value || *value < 10);
  };
  stepper(l.before, "Pain before", e.before, 0);
  stepper(l.after, "Pain after", e.after, 1);
  c.text_in("Note", l.note_label, Font::Caption, p.muted, Align::Left);
  const bool editing = dc.focused(app::ControlKind::NoteField);
  c.fill_rounded(l.note_field, 12, p.surface);
  c.stroke_rounded(l.note_field, 12, editing ? 2.0f : 1.0f, editing ? p.accent : p.outline);
  const app::Rect text_box = l.note_field.inset(12);
  const int lines = std::max(1, static_cast<int>(std::floor(text_box.h / app::kBodyLine)));
  if (e.note.empty() && !editing) {
    c.text_in("How did it feel? (optional)", {text_box.x, text_box.y, text_box.w, app::kBodyLine}, Font::Body, p.muted,
              Align::Left);
  } else {
    const std::string shown = tail_that_fits(c, e.note + (editing ? "|" : ""), text_box.w, lines);
    c.text_wrapped(shown, text_box, Font::Body, p.text, Align::Left, lines);
  }
  button(dc, l.save, "Save", ButtonStyle::Primary, dc.focused(app::ControlKind::Save), e.dirty());
  if (e.confirming_delete) {
    dialog(dc, l.dialog, {"Delete session?", "It leaves your record and charts; you can undo it for a moment.",
                          "Keep", "Delete", {app::ControlKind::EndCancel, 0}, {app::ControlKind::Delete, 1}});
  }
}

}  // namespace unknot::ui
