// The Progress charts' axes: the sessions scale at its real scale with the weekly target on it,
// weeks with too few ratings marked off the 10 line, and messages clear of every gridline.
#include "app/trends_chart.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "app/app_builders.h"
#include "app/progress_builders.h"

namespace unknot::app {
namespace {

const core::Day kToday = test::day_of(2026, 11, 25);
const Rect kPlot{24, 100, 560, 216};

TrendsView view_of(AppModel m, int target, TrendsPeriod period = TrendsPeriod::Weeks12) {
  m.weekly_target = target;
  return trends_view(m, TrendsScreen{period, "", core::Side::None});
}

// No gridline passes through `r`.
bool clear_of_grid(Rect r, const PlotGeometry& g) {
  return std::none_of(g.grid.begin(), g.grid.end(),
                      [&](const AxisTick& t) { return t.y >= r.y - 1 && t.y <= r.bottom() + 1; });
}

}  // namespace

TEST_CASE("the sessions scale is labelled at its real scale and the target line reads against it") {
  const AppModel data = test::with_progress(test::catalog_model(), kToday, 84);
  for (int target : {1, 3, 5, 7, 12, 21}) {
    CAPTURE(target);
    const TrendsView v = view_of(data, target);
    const PlotGeometry g = pain_plot(estimated_text(), v.pain, true, kPlot);
    REQUIRE(g.sessions.size() >= 2);
    // Linear from 0 at the foot of the area to bar_max at the top of the bar band.
    CHECK(g.bar_y(0) == doctest::Approx(g.area.bottom()));
    CHECK(g.bar_y(g.bar_max) == doctest::Approx(g.bars_top));
    const float per_session = (g.area.bottom() - g.bars_top) / static_cast<float>(g.bar_max);
    for (const auto& t : g.sessions) {
      CAPTURE(t.value);
      CHECK(t.text == std::to_string(static_cast<int>(t.value)));
      CHECK(t.y == doctest::Approx(g.area.bottom() - per_session * static_cast<float>(t.value)));
      CHECK(t.label.x >= g.area.right());
      CHECK(t.label.right() <= kPlot.right() + 0.5f);
    }
    // Numbers never sit on each other.
    for (std::size_t i = 1; i < g.sessions.size(); ++i) {
      CHECK_FALSE(g.sessions[i].label.intersects(g.sessions[i - 1].label));
    }
    // The dashed target line is at a tick that says the legend's number.
    REQUIRE(g.target_y >= 0);
    const auto it = std::find_if(g.sessions.begin(), g.sessions.end(),
                                 [&](const AxisTick& t) { return t.value == target; });
    REQUIRE(it != g.sessions.end());
    CHECK(it->y == doctest::Approx(g.target_y));
    CHECK(it->text == std::to_string(target));
    const auto legend =
        std::find_if(v.pain.legend.begin(), v.pain.legend.end(),
                     [](const LegendItem& i) { return i.mark == LegendMark::Target; });
    REQUIRE(legend != v.pain.legend.end());
    CHECK(legend->text.find("Weekly target: " + std::to_string(target) + " session") == 0);
    // The scale reaches at least the target, and its top is labelled or is the target.
    CHECK(g.bar_max >= target);
  }
}

TEST_CASE("weeks rated on fewer than 4 days are marked above the 10 line, not on it") {
  core::HistoryInput input;
  // Three weeks back: every day rated; this week: two days only.
  for (int i = 14; i < 21; ++i) input.ratings.push_back({kToday - std::chrono::days{i}, 6});
  input.ratings.push_back({kToday - std::chrono::days{1}, 4});
  input.ratings.push_back({kToday, 3});
  AppModel m = test::catalog_model();
  m.progress = ProgressData{std::move(input), kToday};
  const TrendsView v = view_of(m, 5, TrendsPeriod::Weeks4);
  REQUIRE(std::any_of(v.pain.weeks.begin(), v.pain.weeks.end(),
                      [](const PainWeekMark& w) { return w.not_enough; }));
  const PlotGeometry g = pain_plot(estimated_text(), v.pain, true, kPlot);
  const float ten = g.y(10);
  CHECK(g.sparse_y < ten - 4);  // clear of the 10 line (the marks are 2 dp thick)
  CHECK(g.sparse_y > kPlot.y);  // still inside the chart
  for (const auto& t : g.grid) CHECK(std::abs(t.y - g.sparse_y) > 4);
}

TEST_CASE("a chart's message sits between gridlines, never on one") {
  AppModel m = test::catalog_model();
  m.progress = ProgressData{{}, kToday};
  for (float w : {240.0f, 330.0f, 560.0f, 900.0f}) {
    CAPTURE(w);
    const TrendsView v = view_of(m, 5, TrendsPeriod::Weeks4);
    REQUIRE_FALSE(v.pain.empty.empty());
    const Rect plot{24, 100, w, 216};
    const PlotGeometry pain = pain_plot(estimated_text(), v.pain, true, plot);
    REQUIRE_FALSE(pain.message.empty());
    CHECK(clear_of_grid(pain.message.box, pain));
    CHECK(pain.message.box.y >= pain.area.y);
    const PlotGeometry loading = pain_plot(estimated_text(), v.pain, false, plot);
    CHECK(clear_of_grid(loading.message.box, loading));
    const PlotGeometry sessions =
        sessions_plot(estimated_text(), v.sessions, true, {24, 100, w, 184});
    REQUIRE_FALSE(sessions.message.empty());
    CHECK(clear_of_grid(sessions.message.box, sessions));
  }
}

}  // namespace unknot::app
