// Notes on behaviour the header leaves open:
// - The right-hand scale ticks every 1, 2, 5 or 10 sessions, whichever keeps its numbers a
//   caption line apart; the weekly target always gets a tick of its own (the ticks too close to
//   it give way), so its dashed line reads against the scale as the legend's "Weekly target: N".
#include "app/trends_chart.h"

#include <algorithm>
#include <cmath>

#include "core/translate.h"

namespace unknot::app {
namespace {

constexpr float kGutter = 28;      // room for the numbers beside the area
constexpr float kTop = 8;          // above the sparse band
constexpr float kSparseBand = 14;  // for the "under 4 days rated" marks, above the 10 line
constexpr float kBarShare = 0.4f;  // sessions use the lower 40 % of the area

std::string number(double v) { return std::to_string(static_cast<long long>(std::llround(v))); }

AxisTick tick(const TextMeasure& t, double value, float y, float x, float w) {
  const float line = t.line_height(Font::Caption);
  return {value, y, number(value), {x, y - line / 2, w, line}};
}

PlotGeometry base(const TextMeasure& t, int day_count, Rect plot, bool right_scale,
                  const std::vector<AxisLabel>& labels, const std::string& message) {
  PlotGeometry g;
  // The band for the dates under the area, clear of the "0" beside the axis: 30 dp at 100 %.
  const float date_band = 12 + t.line_height(Font::Caption);
  g.day_count = std::max(day_count, 1);
  g.area = {plot.x + kGutter, plot.y + kTop + kSparseBand,
            plot.w - kGutter - (right_scale ? kGutter : 8),
            std::max(0.0f, plot.h - kTop - kSparseBand - date_band)};
  g.sparse_y = g.area.y - kSparseBand / 2 - 1;
  for (int pain : {0, 5, 10}) g.grid.push_back(tick(t, pain, g.y(pain), plot.x, kGutter - 6));
  // Dates that fit, left to right, each at least 12 dp clear of the one before.
  float last_right = -1e9f;
  for (const auto& label : labels) {
    const float x = g.x(label.x);
    const float w = t.width(label.text, Font::Caption) + 1;
    if (x < g.area.x - 0.5f || x < last_right + 12 || x + w > plot.right()) continue;
    g.dates.push_back({x, text_block(t, label.text, Font::Caption, x, g.area.bottom() + 11, w)});
    last_right = x + w;
  }
  // The message sits in the band between the 10 and the 5 lines, centred in it.
  const float band_top = g.y(10) + 4, band_bottom = g.y(5) - 4;
  g.message = text_block(t, message, Font::Caption, g.area.x + 8, band_top, g.area.w - 16);
  g.message.box.y =
      std::round(band_top + std::max(0.0f, (band_bottom - band_top - g.message.box.h) / 2));
  return g;
}

}  // namespace

float PlotGeometry::x(double day) const {
  return area.x + static_cast<float>(day / day_count) * area.w;
}
float PlotGeometry::y(double pain) const {
  return area.bottom() - static_cast<float>(std::clamp(pain, 0.0, 10.0) / 10.0) * area.h;
}
float PlotGeometry::bar_y(double n) const {
  const double f = std::clamp(n / std::max(bar_max, 1.0), 0.0, 1.0);
  return area.bottom() - static_cast<float>(f) * (area.bottom() - bars_top);
}

PlotGeometry pain_plot(const TextMeasure& t, const PainChartView& v, bool loaded, Rect plot) {
  const std::string message = !loaded ? core::tr("Loading your record…") : v.empty;
  PlotGeometry g = base(t, v.day_count, plot, true, v.x_labels, message);
  g.bar_max = std::max(v.bar_max, 1);
  g.bars_top = g.area.bottom() - g.area.h * kBarShare;
  const float x = g.area.right() + 6, w = kGutter - 6;
  const float line = t.line_height(Font::Caption);
  const float per_session = (g.area.bottom() - g.bars_top) / static_cast<float>(g.bar_max);
  int step = 1;
  for (int s : {1, 2, 5, 10, 20, 50}) {
    step = s;
    if (per_session * static_cast<float>(s) >= line) break;
  }
  for (int n = 0; n <= static_cast<int>(g.bar_max); n += step)
    g.sessions.push_back(tick(t, n, g.bar_y(n), x, w));
  // The top of the scale is labelled too, unless it crowds the tick below it.
  if (static_cast<int>(g.bar_max) % step != 0 &&
      g.bar_y(g.sessions.back().value) - g.bar_y(g.bar_max) >= line) {
    g.sessions.push_back(tick(t, g.bar_max, g.bar_y(g.bar_max), x, w));
  }
  if (v.target > 0) {
    g.target_y = g.bar_y(v.target);
    std::erase_if(g.sessions, [&](const AxisTick& k) {
      return k.value != 0 && std::abs(k.y - g.target_y) < line;
    });
    if (std::none_of(g.sessions.begin(), g.sessions.end(),
                     [&](const AxisTick& k) { return k.value == v.target; })) {
      g.sessions.push_back(tick(t, v.target, g.target_y, x, w));
    }
    std::sort(g.sessions.begin(), g.sessions.end(),
              [](const AxisTick& a, const AxisTick& b) { return a.value < b.value; });
    // A target of 1 sits a line above 0 at most; 0 then gives way to it.
    if (g.sessions.size() >= 2 && g.sessions[0].value == 0 &&
        g.sessions[1].y > g.sessions[0].y - line && g.sessions[1].value == v.target) {
      g.sessions.erase(g.sessions.begin());
    }
  }
  return g;
}

PlotGeometry sessions_plot(const TextMeasure& t, const SessionsChartView& v, bool loaded,
                           Rect plot) {
  const std::string message = !loaded ? core::tr("Loading your record…") : v.empty;
  PlotGeometry g = base(t, v.day_count, plot, false, v.x_labels, message);
  g.bars_top = g.area.bottom();
  return g;
}

}  // namespace unknot::app
