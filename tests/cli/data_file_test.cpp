// The CLI against data files it must not harm: another program's SQLite file, a damaged
// database, a read-only one, and a folder the app holds open.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <sstream>
#include <string>

#include "cli/export_csv.h"
#include "cli/history.h"
#include "cli/homework_commands.h"
#include "cli/report_html.h"
#include "cli/restore.h"
#include "desktop/instance_lock.h"
#include "storage/backups.h"
#include "storage/db_files.h"
#include "storage/temp_dir.h"

namespace unknot::cli {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;
using namespace std::chrono_literals;
using namespace storage::testing;

constexpr core::UnixSeconds kNow{sys_days{2026y / November / 28} + 9h};
const fs::path kData = UNKNOT_TEST_DATA_DIR;
const fs::path kAssets = kData / ".." / ".." / "assets";
const fs::path kHomework = kData / "homework" / "neck_home.unknot";

struct Run {
  int code = 0;
  std::string out;
  std::string err;
};

template <typename Options, typename Command>
Run run(const Options& options, Command command) {
  std::ostringstream out, err;
  Run r;
  r.code = command(options, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

Run history(const fs::path& dir) {
  HistoryOptions o;
  o.data_dir = dir;
  o.now = kNow;
  o.fallback_utc_offset_min = 0;
  return run(o, run_history);
}

Run export_csv(const fs::path& dir, const fs::path& csv) {
  ExportOptions o;
  o.data_dir = dir;
  o.csv = csv;
  o.fallback_utc_offset_min = 0;
  return run(o, run_export_csv);
}

Run report(const fs::path& dir, const fs::path& html) {
  ReportOptions o;
  o.data_dir = dir;
  o.out = html;
  o.assets_dir = kAssets;
  o.now = kNow;
  o.fallback_utc_offset_min = 0;
  return run(o, run_report_html);
}

Run import(const fs::path& dir) {
  ImportOptions o;
  o.file = kHomework;
  o.data_dir = dir;
  o.assets_dir = kAssets;
  o.now = kNow;
  return run(o, run_import);
}

Run restore(const fs::path& dir, std::string which = {}, bool list = false) {
  RestoreOptions o;
  o.data_dir = dir;
  o.which = std::move(which);
  o.list = list;
  o.now = kNow;
  return run(o, run_restore);
}

bool has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("history, export and import leave another program's SQLite file byte-identical") {
  TempDir dir;
  const fs::path db = dir.file("unknot.db");
  storage::testing::make_foreign_db(db, 0x12345678);
  const std::string before = read_bytes(db);

  for (const Run& r :
       {history(dir.path()), export_csv(dir.path(), dir.file("out.csv")), import(dir.path())}) {
    INFO(r.err);
    CHECK(r.code == 1);
    CHECK(has(r.err, db.string()));
    CHECK(has(r.err, "not an Unknot database"));
  }
  CHECK(read_bytes(db) == before);
  CHECK_FALSE(fs::exists(dir.file("out.csv")));
}

TEST_CASE("history, export, report and import on a damaged database exit 1 and write nothing") {
  TempDir dir;
  const fs::path db = dir.file("unknot.db");
  make_filled_db(db);
  damage_middle(db);
  const std::string before = read_bytes(db);

  for (const Run& r : {history(dir.path()), export_csv(dir.path(), dir.file("out.csv")),
                       report(dir.path(), dir.file("r.html")), import(dir.path())}) {
    INFO(r.err);
    CHECK(r.code == 1);
    CHECK(has(r.err, db.string()));
    CHECK(has(r.err, "damaged"));
    CHECK(has(r.err, "unknot restore"));
  }
  CHECK(read_bytes(db) == before);
  CHECK_FALSE(fs::exists(dir.file("out.csv")));
  CHECK_FALSE(fs::exists(dir.file("r.html")));
}

TEST_CASE("history, export and report read a write-protected database without changing it") {
  TempDir dir;
  const fs::path data = dir.path() / "data";
  fs::create_directory(data);
  const fs::path db = data / "unknot.db";
  make_filled_db(db, 30);
  const std::string before = read_bytes(db);
  const auto mtime = mtime_ns(db);
  ::chmod(db.c_str(), 0400);
  ::chmod(data.c_str(), 0500);

  const Run h = history(data);
  const Run e = export_csv(data, dir.file("out.csv"));
  const Run r = report(data, dir.file("r.html"));
  ::chmod(data.c_str(), 0700);
  INFO(h.err << e.err << r.err);
  CHECK(h.code == 0);
  CHECK(e.code == 0);
  CHECK(has(e.out, "Wrote 30 sessions"));
  CHECK(r.code == 0);
  CHECK(read_bytes(db) == before);
  CHECK(mtime_ns(db) == mtime);
  CHECK(entry_count(data) == 1);  // no -wal, -shm or journal left beside it
}

TEST_CASE("history reads while the app holds the folder, import and restore refuse and say why") {
  TempDir dir;
  make_filled_db(dir.file("unknot.db"), 10);
  {
    storage::SessionStore store = storage::SessionStore::open(dir.file("unknot.db"));
    REQUIRE(storage::backup_daily(store, dir.path(), "2026-11-27"));
  }
  const std::string before = read_bytes(dir.file("unknot.db"));
  auto app = platform::InstanceLock::try_acquire(dir.path());
  REQUIRE(app.has_value());

  CHECK(history(dir.path()).code == 0);
  const Run i = import(dir.path());
  CHECK(i.code == 1);
  CHECK(has(i.err, "Unknot is open on " + dir.path().string()));
  const Run r = restore(dir.path());
  CHECK(r.code == 1);
  CHECK(has(r.err, "Unknot is open on " + dir.path().string()));
  CHECK(read_bytes(dir.file("unknot.db")) == before);

  app.reset();
  CHECK(import(dir.path()).code == 0);
}

TEST_CASE("restore --list shows each backup, restore puts the latest back over a damaged file") {
  TempDir dir;
  const fs::path db = dir.file("unknot.db");
  make_filled_db(db, 12);
  {
    storage::SessionStore store = storage::SessionStore::open(db);
    REQUIRE(storage::backup_daily(store, dir.path(), "2026-11-26"));
    store.begin_session({"neck", kNow, 3, "", {}});
    REQUIRE(storage::backup_daily(store, dir.path(), "2026-11-27"));
  }
  const Run listed = restore(dir.path(), "", true);
  CHECK(listed.code == 0);
  CHECK(has(listed.out, "2026-11-27  13 sessions"));
  CHECK(has(listed.out, "2026-11-26  12 sessions"));
  CHECK(listed.out.find("2026-11-27") < listed.out.find("2026-11-26"));

  make_filled_db(dir.file("big.db"));  // enough pages to damage one in the middle
  fs::rename(dir.file("big.db"), db);
  damage_middle(db);
  const std::string damaged = read_bytes(db);
  CHECK(history(dir.path()).code == 1);

  const Run r = restore(dir.path());
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(has(r.out, "unknot-2026-11-27.db"));
  CHECK(has(r.out, "kept as"));
  CHECK(history(dir.path()).code == 0);
  CHECK(storage::SessionStore::open_read_only(db).all_sessions().size() == 13);
  bool kept = false;
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    if (has(entry.path().filename().string(), "unknot.db.damaged-")) {
      kept = read_bytes(entry.path()) == damaged;
    }
  }
  CHECK(kept);

  const Run older = restore(dir.path(), "2026-11-26");
  CHECK(older.code == 0);
  CHECK(storage::SessionStore::open_read_only(db).all_sessions().size() == 12);
  CHECK(restore(dir.path(), "2026-01-01").code == 1);
}

}  // namespace unknot::cli
