#include "cli/export_csv.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <sstream>
#include <string>
#include <vector>

#include "storage/session_store.h"
#include "storage/temp_dir.h"

namespace unknot::cli {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;
using storage::testing::entry_count;
using storage::testing::read_bytes;
using storage::testing::TempDir;

constexpr core::UnixSeconds kMorning{sys_days{2026y / November / 25} + 8h + 30min};
constexpr std::string_view kHeader =
    "record,id,kind,status,started_utc,started_local,ended_utc,ended_local,pain_before,"
    "pain_after,value,region,minutes_done,steps_done,steps_skipped,note,day,activity\r\n";

struct Run {
  int code = 0;
  std::string out;
  std::string err;
};

Run run(const ExportOptions& options) {
  std::ostringstream out;
  std::ostringstream err;
  Run result;
  result.code = run_export_csv(options, out, err);
  result.out = out.str();
  result.err = err.str();
  return result;
}

// The lines of `csv` split at CRLF; fails the test unless the text ends with a CRLF.
std::vector<std::string> crlf_lines(const std::string& csv) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end = csv.find("\r\n"); end != std::string::npos;
       end = csv.find("\r\n", start)) {
    lines.push_back(csv.substr(start, end - start));
    start = end + 2;
  }
  CHECK(start == csv.size());
  return lines;
}

// A data folder holding one completed, rated session with a note and two steps (one skipped),
// one session from before offsets were kept, and two check-ins.
void fill(const std::filesystem::path& data_dir) {
  auto store = storage::SessionStore::open(data_dir / "unknot.db");
  const auto neck = store.begin_session({"neck_release", kMorning, 6, "Neck"}, 60);
  store.record_step(neck, {0, "upper_trapezius", core::Side::Left, 90s, 90s, false});
  store.record_step(neck, {1, "upper_trapezius", core::Side::Right, 90s, 0s, true});
  store.complete_session(neck, kMorning + 12min);
  store.set_pain_after(neck, 3);
  store.set_session_note(neck, "tight, \"sharp\" on the left\nbetter after; ça va");
  store.begin_session({"breathe:resonance_6", kMorning + 24h, {}, ""});
  store.add_checkin(storage::CheckinKind::DailyPain, 5, kMorning + 2h, -300, "");
  store.add_checkin(storage::CheckinKind::Pgic, 2, kMorning + 3h, 0, "much, much better");
}

}  // namespace

TEST_CASE("a field with a comma, quote, CR or LF is quoted with inner quotes doubled") {
  CHECK(csv_field("plain text") == "plain text");
  CHECK(csv_field("") == "");
  CHECK(csv_field("ça va, merci") == "\"ça va, merci\"");
  CHECK(csv_field("a \"sharp\" pain") == "\"a \"\"sharp\"\" pain\"");
  CHECK(csv_field("line one\nline two") == "\"line one\nline two\"");
  CHECK(csv_field("carriage\rreturn") == "\"carriage\rreturn\"");
  CHECK(csv_field("naïve, 痛み") == "\"naïve, 痛み\"");
}

TEST_CASE("export writes a header and one CRLF row per session and check-in and says so") {
  TempDir dir;
  fill(dir.path());
  const auto csv = dir.file("out.csv");
  const Run result = run({csv, dir.path(), 120});
  CHECK(result.code == 0);
  CHECK(result.err.empty());
  CHECK(result.out == "Wrote 2 sessions, 2 check-ins and 0 PSFS ratings to " + csv.string() + "\n");

  const std::string bytes = read_bytes(csv);
  REQUIRE(bytes.starts_with(kHeader));
  const auto lines = crlf_lines(bytes);
  // The note's LF stays inside its quoted field, so it is not a CRLF row break.
  REQUIRE(lines.size() == 5);
  CHECK(lines[1] ==
        "session,1,neck_release,completed,2026-11-25T08:30:00Z,2026-11-25 09:30,"
        "2026-11-25T08:42:00Z,2026-11-25 09:42,6,3,,Neck,1.5,1,1,"
        "\"tight, \"\"sharp\"\" on the left\nbetter after; ça va\",2026-11-25,");
  // No offset was stored with this session: the fallback offset (+2 h here) is used.
  CHECK(lines[2] ==
        "session,2,breathe:resonance_6,in_progress,2026-11-26T08:30:00Z,2026-11-26 10:30,,,,,,,"
        "0.0,0,0,,2026-11-26,");
  CHECK(lines[3] ==
        "checkin,1,daily_pain,,2026-11-25T10:30:00Z,2026-11-25 05:30,,,,,5,,,,,,2026-11-25,");
  CHECK(lines[4] ==
        "checkin,2,pgic,,2026-11-25T11:30:00Z,2026-11-25 11:30,,,,,2,,,,,\"much, much better\","
        "2026-11-25,");
}

TEST_CASE("a local time is written on the day of the row's own offset, across midnight") {
  TempDir dir;
  {
    auto store = storage::SessionStore::open(dir.file("unknot.db"));
    store.add_checkin(storage::CheckinKind::DailyPain, 7, kMorning, -600, "");
    store.add_checkin(storage::CheckinKind::DailyPain, 1, kMorning + 16h, 345, "");
  }
  REQUIRE(run({dir.file("out.csv"), dir.path(), 0}).code == 0);
  const auto lines = crlf_lines(read_bytes(dir.file("out.csv")));
  REQUIRE(lines.size() == 3);
  CHECK(lines[1].find(",2026-11-25T08:30:00Z,2026-11-24 22:30,") != std::string::npos);
  CHECK(lines[2].find(",2026-11-26T00:30:00Z,2026-11-26 06:15,") != std::string::npos);
}

TEST_CASE("a session across the spring-forward change ends at a time that existed") {
  // Berlin: clocks go from 02:00 CET to 03:00 CEST at 01:00 UTC on 29 March 2026.
  const char* saved = std::getenv("TZ");
  const std::string before = saved != nullptr ? saved : "";
  ::setenv("TZ", "Europe/Berlin", 1);
  ::tzset();
  TempDir dir;
  {
    auto store = storage::SessionStore::open(dir.file("unknot.db"));
    const core::UnixSeconds start{sys_days{2026y / March / 29} + 50min};  // 01:50 CET
    const auto id = store.begin_session({"neck_release", start, 6, "Neck"}, 60);
    store.complete_session(id, start + 15min);  // 01:05 UTC: 03:05 CEST
  }
  const int code = run({dir.file("out.csv"), dir.path(), 0}).code;
  if (saved != nullptr) {
    ::setenv("TZ", before.c_str(), 1);
  } else {
    ::unsetenv("TZ");
  }
  ::tzset();
  REQUIRE(code == 0);
  const auto lines = crlf_lines(read_bytes(dir.file("out.csv")));
  REQUIRE(lines.size() == 2);
  CHECK(lines[1].find(",2026-03-29T00:50:00Z,2026-03-29 01:50,") != std::string::npos);
  CHECK(lines[1].find(",2026-03-29T01:05:00Z,2026-03-29 03:05,") != std::string::npos);
}

TEST_CASE("an empty database exports only the header") {
  TempDir dir;
  { storage::SessionStore::open(dir.file("unknot.db")); }
  const Run result = run({dir.file("out.csv"), dir.path(), 0});
  CHECK(result.code == 0);
  CHECK(result.out.starts_with("Wrote 0 sessions, 0 check-ins and 0 PSFS ratings to "));
  CHECK(read_bytes(dir.file("out.csv")) == kHeader);
}

TEST_CASE("export into a folder that does not exist fails with exit 1 naming the file") {
  TempDir dir;
  fill(dir.path());
  const auto csv = dir.path() / "missing" / "out.csv";
  const Run result = run({csv, dir.path(), 0});
  CHECK(result.code == 1);
  CHECK(result.out.empty());
  CHECK(result.err.find("cannot write " + csv.string()) != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.path() / "missing"));
}

TEST_CASE("a failed export leaves no temporary file behind and keeps what was there") {
  TempDir dir;
  fill(dir.path());
  const auto out_dir = dir.path() / "out";
  std::filesystem::create_directories(out_dir / "taken.csv" / "inside");
  // The target is a folder that is not empty, so the final rename must fail.
  const Run result = run({out_dir / "taken.csv", dir.path(), 0});
  CHECK(result.code == 1);
  CHECK(result.err.find((out_dir / "taken.csv").string()) != std::string::npos);
  CHECK(entry_count(out_dir) == 1);
  CHECK(entry_count(out_dir / "taken.csv") == 1);
}

TEST_CASE("export from a folder without a database fails with exit 1 and creates nothing") {
  TempDir dir;
  const auto csv = dir.file("out.csv");
  const Run result = run({csv, dir.path() / "nowhere", 0});
  CHECK(result.code == 1);
  CHECK(result.err.find("no Unknot database at") != std::string::npos);
  CHECK(result.err.find(csv.string()) != std::string::npos);
  CHECK(entry_count(dir.path()) == 0);
}

TEST_CASE("export changes nothing in the database it reads") {
  TempDir dir;
  fill(dir.path());
  const auto before = storage::SessionStore::open(dir.file("unknot.db")).all_sessions().size();
  REQUIRE(run({dir.file("out.csv"), dir.path(), 0}).code == 0);
  auto store = storage::SessionStore::open(dir.file("unknot.db"));
  CHECK(store.all_sessions().size() == before);
  CHECK(store.checkins(core::UnixSeconds::min(), core::UnixSeconds::max()).size() == 2);
  CHECK(store.session(1)->note == "tight, \"sharp\" on the left\nbetter after; ça va");
}

}  // namespace unknot::cli
