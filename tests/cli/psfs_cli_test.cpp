// The PSFS and the check-in's day rule as `unknot history`, `unknot export --csv` and
// `unknot report` show them, from one data set.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/export_csv.h"
#include "cli/history.h"
#include "cli/report_html.h"
#include "storage/session_store.h"
#include "storage/temp_dir.h"

namespace unknot::cli {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;
using storage::testing::read_bytes;
using storage::testing::TempDir;
namespace fs = std::filesystem;

// Sunday evening, UTC; with --weeks 4 the period is 2026-11-02 .. 2026-11-29.
constexpr core::UnixSeconds kNow{sys_days{2026y / November / 29} + 20h};

storage::PsfsRow rating(int slot, std::string activity, int value, core::UnixSeconds at) {
  storage::PsfsRow row;
  row.slot = slot;
  row.activity = std::move(activity);
  row.value = value;
  row.recorded_at = at;
  row.utc_offset_min = 60;
  return row;
}

// Three PSFS sittings two weeks apart (the first before the 4-week period) at UTC+1, and a daily
// rating given at 09:00 local on Monday 2026-11-23 about Sunday, the day before.
void fill(const fs::path& data_dir) {
  auto store = storage::SessionStore::open(data_dir / "unknot.db");
  const core::UnixSeconds first{sys_days{2026y / October / 26} + 18h};
  store.add_psfs(std::vector{rating(1, "Reaching up", 2, first), rating(2, "Driving", 5, first)});
  store.add_psfs(std::vector{rating(1, "Reaching up", 4, first + days{14}),
                             rating(2, "Driving", 6, first + days{14})});
  store.add_psfs(std::vector{rating(1, "reaching up", 7, first + days{28}),
                             rating(2, "Driving", 4, first + days{28})});
  const core::UnixSeconds morning{sys_days{2026y / November / 23} + 8h};
  store.add_checkin(storage::CheckinKind::DailyPain, 6, morning, 60, "",
                    sys_days{2026y / November / 22});
}

std::string history(const fs::path& data_dir, bool json) {
  HistoryOptions options;
  options.data_dir = data_dir;
  options.json = json;
  options.fallback_utc_offset_min = 0;
  options.now = kNow;
  std::ostringstream out, err;
  REQUIRE(run_history(options, out, err) == 0);
  return out.str();
}

}  // namespace

TEST_CASE("history --json lists each PSFS activity first to latest with the MDC and every rating") {
  TempDir dir;
  fill(dir.path());
  const auto root = nlohmann::json::parse(history(dir.path(), true));
  const auto& psfs = root.at("psfs");
  CHECK(psfs.at("mdc_points") == 2);
  CHECK(psfs.at("mdc_source").get<std::string>().find("Moseng") != std::string::npos);
  const auto& activities = psfs.at("activities");
  REQUIRE(activities.size() == 2);
  CHECK(activities[0].at("activity") == "Reaching up");
  CHECK(activities[0].at("first_day") == "2026-10-26");
  CHECK(activities[0].at("first") == 2);
  CHECK(activities[0].at("latest_day") == "2026-11-23");
  CHECK(activities[0].at("latest") == 7);
  CHECK(activities[0].at("change") == 5);
  CHECK(activities[0].at("passes_mdc") == true);
  CHECK(activities[1].at("activity") == "Driving");
  CHECK(activities[1].at("change") == -1);
  CHECK(activities[1].at("passes_mdc") == false);
  // The ratings of the period only: the sittings of 11-09 and 11-23.
  const auto& ratings = psfs.at("ratings");
  REQUIRE(ratings.size() == 4);
  CHECK(ratings[0] ==
        nlohmann::json{
            {"day", "2026-11-09"}, {"slot", 1}, {"activity", "Reaching up"}, {"value", 4}});
  CHECK(ratings[3].at("value") == 4);
}

TEST_CASE("history text shows each PSFS activity with its change against the MDC") {
  TempDir dir;
  fill(dir.path());
  const std::string text = history(dir.path(), false);
  CHECK(
      text.find("  Reaching up\n    2 on 2026-10-26 -> 7 on 2026-11-23: +5, more than the MDC\n") !=
      std::string::npos);
  CHECK(text.find("  Driving\n    5 on 2026-10-26 -> 4 on 2026-11-23: -1, within the MDC\n") !=
        std::string::npos);
  CHECK(text.find("Moseng et al. 2013") != std::string::npos);
}

TEST_CASE("a daily rating given before noon counts on the day before everywhere") {
  TempDir dir;
  fill(dir.path());
  const auto root = nlohmann::json::parse(history(dir.path(), true));
  // Monday morning's rating is about Sunday: it counts in the week of 2026-11-16, not 11-23.
  int found = 0;
  for (const auto& week : root.at("weeks")) {
    if (week.at("week_start") == "2026-11-16") {
      CHECK(week.at("days_rated") == 1);
      CHECK(week.at("worst") == 6);
      ++found;
    }
    if (week.at("week_start") == "2026-11-23") {
      CHECK(week.at("days_rated") == 0);
      ++found;
    }
  }
  CHECK(found == 2);
  const fs::path csv = dir.file("out.csv");
  std::ostringstream out, err;
  REQUIRE(run_export_csv({csv, dir.path(), 0}, out, err) == 0);
  const std::string bytes = read_bytes(csv);
  CHECK(bytes.find("checkin,1,daily_pain,,2026-11-23T08:00:00Z,2026-11-23 09:00,,,,,6,,,,,,"
                   "2026-11-22,\r\n") != std::string::npos);
}

TEST_CASE("the CSV has one psfs row per rating with its activity, local time and day") {
  TempDir dir;
  fill(dir.path());
  const fs::path csv = dir.file("out.csv");
  std::ostringstream out, err;
  REQUIRE(run_export_csv({csv, dir.path(), 0}, out, err) == 0);
  CHECK(out.str().find("6 PSFS ratings") != std::string::npos);
  const std::string bytes = read_bytes(csv);
  CHECK(bytes.find("psfs,1,psfs,,2026-10-26T18:00:00Z,2026-10-26 19:00,,,,,2,,,,,,2026-10-26,"
                   "Reaching up\r\n") != std::string::npos);
  CHECK(bytes.find(",2026-11-23,reaching up\r\n") != std::string::npos);
}

TEST_CASE("the report has a PSFS section with the change, the MDC's source and a history table") {
  TempDir dir;
  fill(dir.path());
  ReportOptions options;
  options.data_dir = dir.path();
  options.out = dir.file("report.html");
  options.weeks = 4;
  options.fallback_utc_offset_min = 0;
  options.now = kNow;
  std::ostringstream out, err;
  REQUIRE(run_report_html(options, out, err) == 0);
  const std::string html = read_bytes(dir.file("report.html"));
  CHECK(html.find("Patient-Specific Functional Scale (PSFS)") != std::string::npos);
  CHECK(html.find("Moseng et al. 2013") != std::string::npos);
  CHECK(html.find(R"(<tr><td>Reaching up</td><td data-label="First">2 (2026-10-26)</td>)"
                  R"(<td data-label="Latest">7 (2026-11-23)</td><td data-label="Change">+5 )"
                  "(<strong>more able</strong>, beyond the MDC)</td></tr>") != std::string::npos);
  CHECK(html.find(R"(<td data-label="Change">-1 (within the MDC)</td>)") != std::string::npos);
  CHECK(html.find("<h3>PSFS history</h3>") != std::string::npos);
  // Each value named with its activity, for a phone's cards.
  CHECK(html.find(R"(<tr><td>2026-11-09</td><td class="n" data-label="Reaching up">4</td>)"
                  R"(<td class="n" data-label="Driving">6</td></tr>)") != std::string::npos);
  CHECK(html.find(R"(<tr><td>2026-11-23</td><td class="n" data-label="Reaching up">7</td>)"
                  R"(<td class="n" data-label="Driving">4</td></tr>)") != std::string::npos);
}

TEST_CASE("without PSFS ratings the report has no PSFS section and the JSON an empty list") {
  TempDir dir;
  { auto store = storage::SessionStore::open(dir.file("unknot.db")); }
  const auto root = nlohmann::json::parse(history(dir.path(), true));
  CHECK(root.at("psfs").at("activities").empty());
  CHECK(history(dir.path(), false).find("PSFS") == std::string::npos);
}

}  // namespace unknot::cli
