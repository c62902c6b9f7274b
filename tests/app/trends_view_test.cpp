#include "app/trends_view.h"

#include <doctest/doctest.h>

#include "app/app_builders.h"
#include "app/bodymap_layout.h"
#include "app/progress_builders.h"
#include "app/progress_flow.h"
#include "app/screens.h"
#include "app/tab_bar.h"
#include "app/trends_page.h"

namespace unknot::app {
namespace {
using namespace std::chrono_literals;

const core::Day kToday = test::day_of(2026, 11, 25);  // a Wednesday

AppModel model_with(core::HistoryInput input) {
  AppModel m = test::catalog_model();
  m.progress = ProgressData{std::move(input), kToday};
  return m;
}

TrendsScreen screen(TrendsPeriod period, std::string region = "",
                    core::Side side = core::Side::None) {
  return TrendsScreen{period, std::move(region), side};
}

core::HistorySession rated_session(core::Day day, std::string region, int before, int after,
                                   std::vector<core::MuscleDose> doses,
                                   core::Side side = core::Side::None) {
  core::HistorySession s;
  s.sample.day = day;
  s.sample.region = std::move(region);
  s.sample.before = before;
  s.sample.after = after;
  s.sample.side = side;
  s.sample.planned = 10min;
  s.sample.done = 10min;
  s.sample.doses = std::move(doses);
  s.completed_status = true;
  return s;
}

}  // namespace

TEST_CASE("the change card shows the same figures as the history report") {
  const AppModel m = test::with_progress(test::catalog_model(), kToday, 84);
  const auto v = trends_view(m, screen(TrendsPeriod::Weeks12));
  const auto report = core::build_history_report(m.progress->input, kToday, 12, m.weekly_target);
  REQUIRE(report.change);
  REQUIRE(report.baseline);
  CHECK(v.loaded);
  CHECK(v.change.enough);
  CHECK(v.change.baseline_value == one_decimal(report.baseline->mean));
  CHECK(v.change.current_value == one_decimal(*report.current->mean));
  CHECK(v.change.change.find(one_decimal(std::abs(report.change->raw_points)) +
                             " points less pain") == 0);
  CHECK(v.change.change.find("% lower)") != std::string::npos);
  REQUIRE(report.change->band);
  CHECK(v.change.band.size() == core::band_label(*report.change->band).size());
  CHECK(v.change.reference.find("2 points") != std::string::npos);
  // The weekly bars use the report's counts.
  REQUIRE(v.pain.bars.size() == report.week_rows.size());
  for (std::size_t i = 0; i < v.pain.bars.size(); ++i) {
    CHECK(v.pain.bars[i].completed == doctest::Approx(report.week_rows[i].sessions_completed));
  }
  CHECK(v.pain.day_count == 84);
  CHECK_FALSE(v.pain.aggregated);
  CHECK(v.pain.legend.front().text == "Daily rating");
}

TEST_CASE("the percent is hidden when the baseline is below 3, and the raw change stays") {
  core::HistoryInput in;
  const core::Day start = kToday - std::chrono::days{27};
  for (int i = 0; i < 28; ++i) in.ratings.push_back({start + std::chrono::days{i}, i < 7 ? 2 : 0});
  const auto v = trends_view(model_with(in), screen(TrendsPeriod::Weeks4));
  CHECK(v.change.enough);
  CHECK(v.change.baseline_value == "2.0");
  CHECK(v.change.change == "2.0 points less pain");
  CHECK(v.change.band.empty());
  CHECK(v.change.note.find("percent is not shown") != std::string::npos);
}

TEST_CASE("not enough data: the baseline needs 4 rated days, a week needs 4 for its mean") {
  core::HistoryInput in;
  in.ratings = {
      {kToday - std::chrono::days{2}, 5}, {kToday - std::chrono::days{1}, 6}, {kToday, 4}};
  auto v = trends_view(model_with(in), screen(TrendsPeriod::Weeks4));
  CHECK_FALSE(v.change.enough);
  CHECK(v.change.change == "Not enough data yet");
  CHECK(v.change.note.find("3 rated days") != std::string::npos);
  CHECK(v.change.baseline_value == "–");
  // The week with 3 days is marked, never given a mean.
  REQUIRE(v.pain.weeks.size() == 1);
  CHECK(v.pain.weeks[0].not_enough);
  CHECK_FALSE(v.pain.weeks[0].mean);
  CHECK(v.pain.points.size() == 3);

  v = trends_view(model_with({}), screen(TrendsPeriod::Weeks4));
  CHECK(v.change.change == "Not enough data yet");
  CHECK_FALSE(v.pain.empty.empty());
  CHECK_FALSE(v.sessions.empty.empty());
  CHECK_FALSE(v.dose_empty.empty());
  CHECK(v.streak.find("No streak") == 0);

  const auto loading = trends_view(test::catalog_model(), screen(TrendsPeriod::Weeks4));
  CHECK_FALSE(loading.loaded);
}

TEST_CASE(
    "region and side filters apply to sessions, left vs right and dose, never to daily pain") {
  core::HistoryInput in;
  const core::Day d = kToday - std::chrono::days{3};
  in.sessions.push_back(rated_session(d, "Neck", 6, 3, {{"upper_trapezius", core::Side::Left, 60s}},
                                      core::Side::Left));
  in.sessions.push_back(rated_session(
      d, "Neck", 5, 4, {{"upper_trapezius", core::Side::Right, 120s}}, core::Side::Right));
  in.sessions.push_back(rated_session(d, "Jaw", 4, 4, {{"masseter", core::Side::None, 180s}}));
  for (int i = 0; i < 10; ++i) in.ratings.push_back({kToday - std::chrono::days{i}, 5});
  const AppModel m = model_with(in);

  const auto all = trends_view(m, screen(TrendsPeriod::Weeks4));
  CHECK(all.has_sides);
  CHECK(all.filter_note.empty());
  CHECK(all.sessions.marks.size() == 3);
  REQUIRE(all.left_right.size() == 1);
  CHECK(all.left_right[0].region == "Neck");
  CHECK(all.left_right[0].left == "6.0 → 3.0 (1)");
  CHECK(all.left_right[0].right == "5.0 → 4.0 (1)");
  REQUIRE(all.dose.size() == 3);
  CHECK(all.dose[0].label == "Masseter");  // the most minutes first
  CHECK(all.dose[1].label == "Right upper trapezius");
  CHECK(all.dose[0].value == "3 min · 0.7 a week");  // 0.75, cut toward zero

  const auto neck = trends_view(m, screen(TrendsPeriod::Weeks4, "Neck"));
  CHECK_FALSE(neck.filter_note.empty());
  CHECK(neck.sessions.marks.size() == 2);
  CHECK(neck.dose.size() == 2);
  // Daily pain and the session bars are whole-body.
  CHECK(neck.pain.points.size() == all.pain.points.size());
  CHECK(neck.pain.bars.back().completed == all.pain.bars.back().completed);
  CHECK(neck.change.current_value == all.change.current_value);

  const auto left = trends_view(m, screen(TrendsPeriod::Weeks4, "", core::Side::Left));
  REQUIRE(left.sessions.marks.size() == 1);
  CHECK(left.sessions.marks[0].before == 6);
  REQUIRE(left.dose.size() == 1);
  CHECK(left.dose[0].label == "Left upper trapezius");
  CHECK(left.left_right.empty());
  CHECK(left.sessions.summary == "On average 3.0 points lower right after a session (1 session).");

  const auto none = trends_view(m, screen(TrendsPeriod::Weeks4, "Low back"));
  CHECK(none.sessions.marks.empty());
  CHECK(none.sessions.empty.find("for this filter") != std::string::npos);
}

TEST_CASE(
    "long periods show weekly dots, grouped weeks and grouped sessions, with bounded counts") {
  const AppModel years = test::with_progress(test::catalog_model(), kToday, 3650);
  const auto v = trends_view(years, screen(TrendsPeriod::All));
  CHECK(v.pain.aggregated);
  CHECK(v.pain.weeks_per_point > 1);
  CHECK(v.pain.points.size() <= 53);
  CHECK(v.pain.bars.size() <= 53);
  std::size_t line = 0;
  for (const auto& segment : v.pain.rolling) line += segment.size();
  CHECK(line <= 53);
  CHECK(v.pain.legend.front().text.find("one dot each") != std::string::npos);
  CHECK(v.sessions.aggregated);
  CHECK(v.sessions.marks.size() <= 41);
  CHECK(v.sessions.caveat.find("mean of") != std::string::npos);
  CHECK(v.pain.x_labels.size() <= 12);  // one a year
  CHECK(v.pain.x_labels.back().text == "2026");

  // Just over 120 days: one dot per week, each a weekly mean.
  const AppModel months = test::with_progress(test::catalog_model(), kToday, 150);
  const auto w = trends_view(months, screen(TrendsPeriod::All));
  CHECK(w.pain.aggregated);
  CHECK(w.pain.weeks_per_point == 1);
  CHECK(w.pain.legend.front().text == "Weekly mean, one dot a week");
  const auto report =
      core::build_history_report(months.progress->input, kToday, 0, months.weekly_target);
  std::size_t with_mean = 0;
  for (const auto& row : report.week_rows) with_mean += row.mean ? 1u : 0u;
  CHECK(w.pain.points.size() == with_mean);
}

TEST_CASE("the streak is framed gently and the target reads in sessions") {
  core::HistoryInput in;
  for (int i = 0; i < 10; ++i) {
    if (i != 4)
      in.sessions.push_back(rated_session(kToday - std::chrono::days{i}, "Neck", 5, 4, {}));
  }
  AppModel m = model_with(in);
  m.weekly_target = 1;
  const auto v = trends_view(m, screen(TrendsPeriod::Weeks4));
  CHECK(v.streak ==
        "Practised on 9 of 10 days in your current streak. A missed day is fine: the streak "
        "allows a grace day.");
  CHECK(v.target_value == "1 session");
  // Cut toward zero, never across a threshold: 1.96 is not 2.0, -1.25 not -1.3.
  CHECK(one_decimal(-1.25) == "\u22121.2");
  CHECK(one_decimal(1.96) == "1.9");
  CHECK(one_decimal(-0.97) == "\u22120.9");
  CHECK(one_decimal(2.0 - 1e-13) == "2.0");
  CHECK(short_date(kToday) == "25 Nov");
}

TEST_CASE("Progress shows adherence against the target and a calm word when pain worsens") {
  core::HistoryInput in;
  for (int i = 0; i < 7; ++i)
    in.ratings.push_back({test::day_of(2026, 11, 2) + std::chrono::days{i}, 4});
  for (int i = 0; i < 4; ++i)
    in.ratings.push_back({test::day_of(2026, 11, 16) + std::chrono::days{i}, 7});
  // Monday to today (Wednesday): target 5 x 3 / 7 → 2 due; the third session counts no more.
  for (int i = 0; i < 3; ++i) {
    auto s = rated_session(test::day_of(2026, 11, 23) + std::chrono::days{i}, "Neck", 5, 4, {});
    s.completed_status = false;  // ended early, but at 100 % of the whole plan
    s.planned_known = true;
    in.sessions.push_back(s);
  }
  AppModel m = model_with(in);
  const auto v = trends_view(m, screen(TrendsPeriod::Weeks4));
  CHECK(v.adherence.rfind("Adherence 100 % (2 of 2)", 0) == 0);
  CHECK(v.adherence.find("since 23 Nov") != std::string::npos);
  CHECK(v.change.change == "3.0 points more pain (75% higher)");
  CHECK(v.change.escalation.find("check with your clinician") != std::string::npos);
  REQUIRE(v.pain.bars.size() == 4);
  CHECK(v.pain.bars[3].completed == doctest::Approx(3));  // counted whatever the stored status

  // Laid out whole above the figures at a phone's width, the words wrapped, never cut.
  const Env env{Size{360, 640}, measure_of(m), 0};
  const TrendsLayout l = trends_layout(m, screen(TrendsPeriod::Weeks4), v, env);
  REQUIRE(l.escalation_card.h > 0);
  CHECK(l.escalation.lines.size() >= 2);
  CHECK(l.escalation.box.bottom() <= l.escalation_card.bottom());
  CHECK(l.escalation_card.bottom() <= l.change.card.y);
  CHECK(l.adherence.box.bottom() <= l.streak.box.y);

  // Without the worsening there is no card.
  in.ratings.resize(7);
  for (int i = 0; i < 4; ++i)
    in.ratings.push_back({test::day_of(2026, 11, 16) + std::chrono::days{i}, 3});
  const AppModel calm = model_with(in);
  const auto cv = trends_view(calm, screen(TrendsPeriod::Weeks4));
  CHECK(cv.change.escalation.empty());
  CHECK(trends_layout(calm, screen(TrendsPeriod::Weeks4), cv, env).escalation_card.h == 0);
}

TEST_CASE(
    "the progress hits match the controls: filters only when they apply, nothing outside the "
    "list") {
  AppModel m = test::with_progress(test::catalog_model(), kToday, 84);
  m.screen = screen(TrendsPeriod::Weeks12);
  const Size window{360, 640};
  const auto count = [&](const AppModel& model, ControlKind kind) {
    int n = 0;
    for (const auto& h : hits(model, window)) n += h.control.kind == kind;
    return n;
  };
  CHECK(count(m, ControlKind::ShareReport) == 1);
  CHECK(count(m, ControlKind::Period) == 3);
  CHECK(count(m, ControlKind::RegionFilter) == static_cast<int>(trends_regions(m).size()) + 1);
  CHECK(count(m, ControlKind::SideFilter) == 3);
  CHECK(count(m, ControlKind::TabProgress) == 1);
  // Scrolled to the end, the chips have left the list and take no taps.
  m.window_w = window.w;
  m.window_h = window.h;
  m.scroll.offset = 1e7f;
  CHECK(count(m, ControlKind::Period) == 0);
  const ScreenFrame l = screen_frame(m, window);
  for (const auto& h : hits(m, window)) {
    if (h.control.kind == ControlKind::TabHome || h.control.kind == ControlKind::TabProgress ||
        h.control.kind == ControlKind::TabHistory || h.control.kind == ControlKind::Settings ||
        h.control.kind == ControlKind::ShareReport)
      continue;
    CHECK(h.rect.y >= l.viewport.y);
    CHECK(h.rect.bottom() <= l.viewport.bottom());
  }

  AppModel plain = test::with_progress(test::catalog_model(), kToday, 84, false);
  plain.screen = screen(TrendsPeriod::Weeks12);
  CHECK(count(plain, ControlKind::SideFilter) == 0);

  // Home's cards end above the tab bar (scrolled to the end when they don't all fit).
  AppModel home = test::catalog_model();
  home.catalog.push_back(home.catalog.front());  // three routines: more than fit at 360x640
  home.scroll.offset = 1e7f;
  const auto last = target_rect(
      home, {360, 640}, {ControlKind::RoutineCard, static_cast<int>(home.catalog.size()) - 1});
  REQUIRE(last);
  CHECK(last->bottom() <= 640 - kTabBarHeight);
  CHECK(count(home, ControlKind::TabHistory) == 1);
}

}  // namespace unknot::app
