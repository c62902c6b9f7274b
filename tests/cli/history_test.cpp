#include "cli/history.h"

#include <doctest/doctest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "storage/session_store.h"
#include "storage/temp_dir.h"

namespace unknot::cli {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;
using storage::CheckinKind;
using storage::testing::TempDir;

// Sunday evening, UTC; the period's weeks start on Mondays 2026-11-02, -09, -16 and -23, and
// the week before it on 2026-10-26.
constexpr core::UnixSeconds kNow{sys_days{2026y / November / 29} + 20h};

core::UnixSeconds evening(sys_days day) { return core::UnixSeconds{day + 21h}; }

struct Run {
  int code = 0;
  std::string out;
  std::string err;
};

Run run(const std::filesystem::path& data_dir, int weeks, bool json) {
  HistoryOptions options;
  options.data_dir = data_dir;
  options.weeks = weeks;
  options.json = json;
  options.fallback_utc_offset_min = 0;
  options.now = kNow;
  std::ostringstream out;
  std::ostringstream err;
  Run result;
  result.code = run_history(options, out, err);
  result.out = out.str();
  result.err = err.str();
  return result;
}

// The line of `text` starting with `start`, or "" if there is none.
std::string line_starting(const std::string& text, const std::string& start) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(start, 0) == 0) return line;
  }
  return "";
}

void rate(storage::SessionStore& store, sys_days first, int count, int pain) {
  for (int i = 0; i < count; ++i)
    store.add_checkin(CheckinKind::DailyPain, pain, evening(first + days{i}), 0, "");
}

// Baseline 6 in the week of 2026-10-26; 3 rated days in the week of 11-09, 4 days of 4 in
// 11-16's, 4 days of 3 in 11-23's. Pressure: 2 min before the period, 1.5 + 1 min in its last
// week, beside a 5-minute breathing session. One abandoned session in the week of 11-16.
void fill(const std::filesystem::path& data_dir) {
  auto store = storage::SessionStore::open(data_dir / "unknot.db");
  rate(store, 2026y / October / 26, 7, 6);
  rate(store, 2026y / November / 9, 3, 5);
  rate(store, 2026y / November / 16, 4, 4);
  rate(store, 2026y / November / 23, 4, 3);
  store.add_checkin(CheckinKind::Pgic, 2, evening(2026y / November / 27), 0, "");

  const auto early = store.begin_session({"neck_release", evening(2026y / October / 27), 6, ""}, 0);
  store.record_step(early, {0, "upper_trapezius", core::Side::Left, 120s, 120s, false});
  store.complete_session(early, evening(2026y / October / 27) + 5min);

  const auto cut = store.begin_session({"neck_release", evening(2026y / November / 17), 5, ""}, 0);
  store.record_step(cut, {0, "upper_trapezius", core::Side::Left, 90s, 90s, false});
  store.abandon_session(cut, evening(2026y / November / 17) + 2min);

  const auto neck = store.begin_session({"neck_release", evening(2026y / November / 28), 6, ""}, 0);
  store.record_step(neck, {0, "upper_trapezius", core::Side::Left, 90s, 90s, false});
  store.record_step(neck, {1, "upper_trapezius", core::Side::Right, 90s, 60s, true});
  store.complete_session(neck, evening(2026y / November / 28) + 5min);
  store.set_pain_after(neck, 3);

  const auto breathe = store.begin_session({"breathe:resonance_6", kNow, {}, ""}, 0);
  store.record_step(breathe, {0, "", core::Side::None, 300s, 300s, false});
  store.complete_session(breathe, kNow + 5min);
}

}  // namespace

TEST_CASE("a week with 3 rated days shows a dash and a week with 4 shows its mean") {
  TempDir dir;
  fill(dir.path());
  const Run r = run(dir.path(), 4, false);
  REQUIRE(r.code == 0);
  CHECK(r.err.empty());
  CHECK(line_starting(r.out, "Unknot history, 2026-11-02 to 2026-11-29 (last 4 weeks)") != "");
  // Done of Due: the own target (the default, 5) counts in full weeks from the first session
  // (27 Oct, before the period); the abandoned session of 17 Nov did 100 % of the only step
  // recorded, but its whole plan is unknown (stored without one) and it is not counted.
  CHECK(line_starting(r.out, "2026-11-09") ==
        "2026-11-09           3     –      5     0    5         0%     –");
  CHECK(line_starting(r.out, "2026-11-16") ==
        "2026-11-16           4   4.0      4     0    5         0%     –");
  CHECK(line_starting(r.out, "2026-11-23") ==
        "2026-11-23           4   3.0      3     2    5        40%   3.0");
}

TEST_CASE("the change against the baseline carries the IMMPACT label and the 2-point reference") {
  TempDir dir;
  fill(dir.path());
  const Run r = run(dir.path(), 4, false);
  REQUIRE(r.code == 0);
  CHECK(line_starting(r.out, "  Baseline") ==
        "  Baseline      6.0  (7 days rated from 2026-10-26)");
  CHECK(line_starting(r.out, "  Latest week") == "  Latest week   3.0  (week of 2026-11-23)");
  CHECK(line_starting(r.out, "  Change") ==
        "  Change        3.0 points less pain (2 points is a clear change)");
  CHECK(r.out.find("                50% less: substantial improvement\n") != std::string::npos);
  CHECK(line_starting(r.out, "Streak") == "Streak        2 days, 2 of them practised");
  CHECK(line_starting(r.out, "Latest PGIC") == "Latest PGIC   2, much improved (2026-11-27)");
}

TEST_CASE("under a baseline of 3 the change shows points only, without percent or label") {
  TempDir dir;
  {
    auto store = storage::SessionStore::open(dir.path() / "unknot.db");
    rate(store, 2026y / November / 2, 7, 2);
    rate(store, 2026y / November / 23, 4, 1);
  }
  const Run r = run(dir.path(), 4, false);
  REQUIRE(r.code == 0);
  CHECK(line_starting(r.out, "  Change") ==
        "  Change        1.0 points less pain (2 points is a clear change)");
  CHECK(r.out.find("percent not shown: the baseline is below 3\n") != std::string::npos);
  CHECK(r.out.find("improvement") == std::string::npos);

  const auto json = nlohmann::json::parse(run(dir.path(), 4, true).out);
  CHECK(json["change"]["raw_points"] == 1.0);
  CHECK(json["change"]["percent"].is_null());
  CHECK(json["change"]["label"].is_null());
}

TEST_CASE("too few baseline days or no week with 4 rated days read as not enough data") {
  TempDir dir;
  {
    auto store = storage::SessionStore::open(dir.path() / "unknot.db");
    rate(store, 2026y / November / 23, 3, 5);
  }
  const Run r = run(dir.path(), 4, false);
  REQUIRE(r.code == 0);
  CHECK(line_starting(r.out, "  Baseline") ==
        "  Baseline      not enough data (3 of the first 7 days rated; 4 needed)");
  CHECK(line_starting(r.out, "  Latest week") ==
        "  Latest week   not enough data (no week with 4 rated days)");
  CHECK(line_starting(r.out, "  Change") == "  Change        not enough data");
  CHECK(r.out.find("  none in this period\n") != std::string::npos);
}

TEST_CASE("--weeks limits the weeks and the minutes per muscle, and 0 shows the whole history") {
  TempDir dir;
  fill(dir.path());
  const Run four = run(dir.path(), 4, false);
  CHECK(line_starting(four.out, "2026-10-26").empty());
  CHECK(line_starting(four.out, "  upper trapezius, left") ==
        "  upper trapezius, left                        3.0");
  CHECK(line_starting(four.out, "  upper trapezius, right") ==
        "  upper trapezius, right                       1.0");

  const Run one = run(dir.path(), 1, false);
  CHECK(line_starting(one.out, "Unknot history, 2026-11-23 to 2026-11-29 (last 1 week)") != "");
  CHECK(line_starting(one.out, "2026-11-16").empty());
  CHECK(line_starting(one.out, "  upper trapezius, left") ==
        "  upper trapezius, left                        1.5");
  // The baseline still comes from the first ratings, before the period.
  CHECK(line_starting(one.out, "  Baseline") ==
        "  Baseline      6.0  (7 days rated from 2026-10-26)");

  const Run all = run(dir.path(), 0, false);
  CHECK(line_starting(all.out, "Unknot history, 2026-10-26 to 2026-11-29 (all 5 weeks)") != "");
  CHECK(line_starting(all.out, "2026-10-26") != "");
  CHECK(line_starting(all.out, "  upper trapezius, left") ==
        "  upper trapezius, left                        5.0");
}

TEST_CASE("--json holds every figure under stable keys, with null where one is missing") {
  TempDir dir;
  fill(dir.path());
  const Run r = run(dir.path(), 4, true);
  REQUIRE(r.code == 0);
  const auto json = nlohmann::json::parse(r.out);
  CHECK(json["period"] ==
        nlohmann::json{{"from", "2026-11-02"}, {"to", "2026-11-29"}, {"weeks", 4}});
  CHECK(json["target_sessions_per_week"] == 5);
  CHECK(json["baseline"] == nlohmann::json{{"first_day", "2026-10-26"},
                                           {"days_rated", 7},
                                           {"mean", 6.0},
                                           {"before_assignment", false},
                                           {"assigned_on", nullptr}});
  CHECK(json["current"] ==
        nlohmann::json{{"week_start", "2026-11-23"}, {"mean", 3.0}, {"overlaps_baseline", false}});
  CHECK(json["change"]["raw_points"] == 3.0);
  CHECK(json["change"]["percent"] == 50.0);
  CHECK(json["change"]["label"] == "substantial improvement");
  CHECK(json["change"]["reaches_two_points"] == true);
  REQUIRE(json["weeks"].size() == 4);
  const auto& empty = json["weeks"][0];
  CHECK(empty["week_start"] == "2026-11-02");
  CHECK(empty["days_rated"] == 0);
  CHECK(empty["mean"].is_null());
  CHECK(empty["worst"].is_null());
  CHECK(empty["mean_drop"].is_null());
  CHECK(json["weeks"][1]["mean"].is_null());
  CHECK(json["weeks"][1]["worst"] == 5);
  CHECK(json["weeks"][2]["sessions_logged"] == 1);
  CHECK(json["weeks"][2]["sessions_completed"] == 0);
  const auto& last = json["weeks"][3];
  CHECK(last["mean"] == 3.0);
  CHECK(last["sessions_completed"] == 2);
  CHECK(last["prescribed"] == 5);
  CHECK(last["counted"] == 2);
  CHECK(last["adherence_percent"] == doctest::Approx(40.0));
  CHECK(json["adherence"]["source"] == "weekly_target");
  CHECK(json["adherence"]["prescribed"] == 20);
  CHECK(json["adherence"]["completed"] == 2);
  CHECK(json["adherence"]["percent"] == 10.0);
  CHECK(last["rated_sessions"] == 1);
  CHECK(last["mean_drop"] == 3.0);
  CHECK(json["streak"] == nlohmann::json{{"days", 2}, {"days_practised", 2}});
  CHECK(json["muscles"] == nlohmann::json::array({
                               {{"muscle", "upper_trapezius"}, {"side", "left"}, {"minutes", 3.0}},
                               {{"muscle", "upper_trapezius"}, {"side", "right"}, {"minutes", 1.0}},
                           }));
  CHECK(json["latest_pgic"]["value"] == 2);
}

TEST_CASE("an empty database gives null figures and a null PGIC in JSON") {
  TempDir dir;
  storage::SessionStore::open(dir.path() / "unknot.db");
  const auto json = nlohmann::json::parse(run(dir.path(), 4, true).out);
  CHECK(json["baseline"] == nlohmann::json{{"first_day", nullptr},
                                           {"days_rated", 0},
                                           {"mean", nullptr},
                                           {"before_assignment", false},
                                           {"assigned_on", nullptr}});
  CHECK(json["adherence"]["percent"].is_null());
  CHECK(json["escalation"].is_null());
  CHECK(json["current"]["mean"].is_null());
  CHECK(json["change"]["raw_points"].is_null());
  CHECK(json["latest_pgic"].is_null());
  CHECK(json["muscles"].empty());
}

// A baseline of 5.958 (five days of 6, one day rated 6, 6, 6 and 5) against a week of 4, and
// the mirror image: 1.958 points either way, which must never print as 2.0.
void near_two_points(const std::filesystem::path& data_dir, bool worse) {
  auto store = storage::SessionStore::open(data_dir / "unknot.db");
  const sys_days first = 2026y / October / 26;
  for (int i = 0; i < 5; ++i)
    store.add_checkin(CheckinKind::DailyPain, 6, evening(first + days{i}), 0, "");
  for (const int pain : {6, 6, 6, worse ? 7 : 5})
    store.add_checkin(CheckinKind::DailyPain, pain, evening(first + days{5}), 0, "");
  rate(store, 2026y / November / 23, 4, worse ? 8 : 4);
}

TEST_CASE("a change of 1.958 points reads 1.9 in text and JSON, never 2.0") {
  TempDir dir;
  near_two_points(dir.path(), false);
  const Run r = run(dir.path(), 4, false);
  REQUIRE(r.code == 0);
  CHECK(line_starting(r.out, "  Baseline") ==
        "  Baseline      5.9  (6 days rated from 2026-10-26)");
  CHECK(line_starting(r.out, "  Change") ==
        "  Change        1.9 points less pain (2 points is a clear change)");
  // 1.958 / 5.958 = 32.9 %: cut to 32.
  CHECK(r.out.find("                32% less: clinically important improvement\n") !=
        std::string::npos);
  const auto json = nlohmann::json::parse(run(dir.path(), 4, true).out);
  CHECK(json["baseline"]["mean"] == 5.9);
  CHECK(json["change"]["raw_points"] == 1.9);
  CHECK(json["change"]["percent"] == 32.8);
  CHECK(json["change"]["reaches_two_points"] == false);
  CHECK(json["change"]["reaches_one_point"] == true);
}

TEST_CASE("a worsening of 1.958 points reads 1.9 and, at 30 % or more, asks to check in") {
  TempDir dir;
  near_two_points(dir.path(), true);
  const Run r = run(dir.path(), 4, false);
  REQUIRE(r.code == 0);
  CHECK(line_starting(r.out, "  Change") ==
        "  Change        1.9 points more pain (2 points is a clear change)");
  CHECK(line_starting(r.out, "Check with your clinician") != "");
  const auto json = nlohmann::json::parse(run(dir.path(), 4, true).out);
  CHECK(json["change"]["raw_points"] == -1.9);
  CHECK(json["change"]["reaches_two_points"] == false);
  CHECK(json["escalation"]["reason"] == "worsening");
}

TEST_CASE("the weekly target is the app's saved one unless --target is given") {
  TempDir dir;
  fill(dir.path());
  storage::SessionStore::open(dir.path() / "unknot.db").save_weekly_target(3);
  auto json = nlohmann::json::parse(run(dir.path(), 4, true).out);
  CHECK(json["target_sessions_per_week"] == 3);
  CHECK(json["weeks"][3]["prescribed"] == 3);

  HistoryOptions options;
  options.data_dir = dir.path();
  options.json = true;
  options.target = 2;
  options.fallback_utc_offset_min = 0;
  options.now = kNow;
  std::ostringstream out, err;
  REQUIRE(run_history(options, out, err) == 0);
  json = nlohmann::json::parse(out.str());
  CHECK(json["target_sessions_per_week"] == 2);
  CHECK(json["weeks"][3]["adherence_percent"] == 100.0);
}

TEST_CASE("a data folder without a database exits 1 with a message and creates nothing") {
  TempDir dir;
  const Run r = run(dir.path() / "missing", 4, false);
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  CHECK(r.err == "unknot history: no Unknot database at " +
                     (dir.path() / "missing" / "unknot.db").string() +
                     ": there is no history here yet\n");
  CHECK_FALSE(std::filesystem::exists(dir.path() / "missing"));
}

}  // namespace unknot::cli
