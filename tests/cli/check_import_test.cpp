#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/homework_commands.h"
#include "storage/session_store.h"
#include "storage/temp_dir.h"

namespace unknot::cli {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;
using storage::testing::TempDir;

constexpr core::UnixSeconds kNow{sys_days{2026y / November / 28} + 9h};

const std::filesystem::path kData = UNKNOT_TEST_DATA_DIR;
const std::filesystem::path kAssets = kData / ".." / ".." / "assets";

struct Run {
  int code = 0;
  std::string out;
  std::string err;
};

Run check(const std::filesystem::path& file) {
  CheckOptions options;
  options.file = file;
  options.assets_dir = kAssets;
  std::ostringstream out;
  std::ostringstream err;
  Run run;
  run.code = run_check(options, out, err);
  run.out = out.str();
  run.err = err.str();
  return run;
}

Run import(const std::filesystem::path& file, const std::filesystem::path& data_dir) {
  ImportOptions options;
  options.file = file;
  options.data_dir = data_dir;
  options.assets_dir = kAssets;
  options.now = kNow;
  std::ostringstream out;
  std::ostringstream err;
  Run run;
  run.code = run_import(options, out, err);
  run.out = out.str();
  run.err = err.str();
  return run;
}

bool has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("check summarises a valid homework file and exits 0") {
  const Run run = check(kData / "homework" / "neck_home.unknot");
  INFO(run.out << run.err);
  CHECK(run.code == 0);
  CHECK(has(run.out, "a valid homework file"));
  CHECK(has(run.out, "Routine:   Neck and shoulders at home (neck_home)"));
  CHECK(has(run.out, "Steps:     3 (9 played)"));
  CHECK(has(run.out, "Time:      6 min 10 s"));
  CHECK(has(run.out, "Therapist: Sam Lee"));
  CHECK(has(
      run.out,
      "Schedule:  Mon, Wed, Fri \u00b7 1 a day \u00b7 30 Nov \u2013 27 Dec 2026 (12 sessions)"));
  CHECK(has(run.out, "Upper trapezius"));
  CHECK(has(run.out, "Note:      Gentle pressure;"));
}

TEST_CASE("check summarises a valid routine file and exits 0") {
  const Run run = check(kAssets / "routines" / "neck_tension_headache.json");
  INFO(run.out << run.err);
  CHECK(run.code == 0);
  CHECK(has(run.out, "a valid routine file"));
  CHECK(has(run.out, "Time:      11 min 42 s"));
}

TEST_CASE("check prints every problem with position and hints, and exits 1") {
  const Run run = check(kData / "homework" / "bad.unknot");
  CHECK(run.code == 1);
  CHECK(run.out.empty());
  const std::string file = (kData / "homework" / "bad.unknot").string();
  CHECK(has(run.err, file + ":35:19: /routine/steps/2/muscle: unknown muscle \"levator_scapula\""));
  CHECK(has(run.err, "did you mean levator_scapulae"));
  CHECK(has(run.err, file + ":48:12: /prescription/end: contradictory dates"));
  CHECK(has(run.err, "\n  hint: "));
  CHECK(has(run.err, "2 problems found"));
}

TEST_CASE("check refuses a file from a newer Unknot with one clear message") {
  const Run run = check(kData / "homework" / "newer_format.unknot");
  CHECK(run.code == 1);
  CHECK(has(run.err,
            ":3:21: /format_version: made by a newer Unknot (format 2); this version "
            "reads format 1 \u2014 update Unknot"));
  CHECK(has(run.err, "1 problem found"));
}

TEST_CASE("check of a missing file exits 1 naming it") {
  const Run run = check(kData / "homework" / "missing.unknot");
  CHECK(run.code == 1);
  CHECK(has(run.err, "unknot check: cannot read"));
}

TEST_CASE("import adds, then says already imported, updates to a new revision, refuses an older") {
  TempDir dir;
  const auto data = dir.path() / "data";
  Run run = import(kData / "homework" / "neck_home.unknot", data);
  INFO(run.out << run.err);
  CHECK(run.code == 0);
  CHECK(has(run.out,
            "Added homework \u201cNeck and shoulders at home\u201d (sam-lee-neck-2026-11, "
            "revision 1) from Sam Lee"));

  run = import(kData / "homework" / "neck_home.unknot", data);
  CHECK(run.code == 0);
  CHECK(has(run.out, "Already imported"));

  run = import(kData / "homework" / "neck_home_r2.unknot", data);
  CHECK(run.code == 0);
  CHECK(has(run.out,
            "Updated homework \u201cNeck and shoulders at home\u201d "
            "(sam-lee-neck-2026-11) to revision 2"));

  run = import(kData / "homework" / "neck_home.unknot", data);
  CHECK(run.code == 1);
  CHECK(has(run.err, "refused"));
  CHECK(has(run.err, "revision 2 is already imported"));

  auto store = storage::SessionStore::open(data / "unknot.db");
  const auto all = store.homework();
  REQUIRE(all.size() == 1);
  CHECK(all[0].revision == 2);
}

TEST_CASE("import refuses invalid, newer-format and routine files and stores nothing") {
  TempDir dir;
  const auto data = dir.path() / "data";
  Run run = import(kData / "homework" / "bad.unknot", data);
  CHECK(run.code == 1);
  CHECK(has(run.err, "contradictory dates"));
  CHECK(has(run.err, "nothing was imported"));
  run = import(kData / "homework" / "newer_format.unknot", data);
  CHECK(run.code == 1);
  CHECK(has(run.err, "made by a newer Unknot"));
  run = import(kAssets / "routines" / "jaw_temple.json", data);
  CHECK(run.code == 1);
  CHECK(has(run.err, "is not a homework file"));
  CHECK_FALSE(std::filesystem::exists(data / "unknot.db"));
}

TEST_CASE("calendar writes the schedule as an .ics file") {
  TempDir dir;
  CalendarOptions options;
  options.file = kData / "homework" / "neck_home.unknot";
  options.out = dir.path() / "neck.ics";
  options.assets_dir = kAssets;
  std::ostringstream out;
  std::ostringstream err;
  CHECK(run_calendar(options, out, err) == 0);
  const std::string ics = storage::testing::read_bytes(options.out);
  CHECK(ics.starts_with("BEGIN:VCALENDAR\r\n"));
  CHECK(has(ics, "RRULE:FREQ=WEEKLY;WKST=MO;BYDAY=MO,WE,FR;UNTIL=20261227T235959\r\n"));
  CHECK(has(out.str(), "neck.ics"));
  options.file = kAssets / "routines" / "jaw_temple.json";
  CHECK(run_calendar(options, out, err) == 1);
  CHECK(has(err.str(), "not a homework file"));
}

}  // namespace unknot::cli
