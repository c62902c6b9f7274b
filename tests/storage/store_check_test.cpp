#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <string>

#include "storage/db_files.h"
#include "storage/session_store.h"
#include "storage/temp_dir.h"
#include "support/storage_faults.h"

namespace unknot::storage {
namespace {
using namespace testing;

template <typename Error>
std::string thrown(const auto& action) {
  try {
    action();
  } catch (const Error& error) {
    return error.what();
  } catch (const std::exception& other) {
    FAIL("another error: " << other.what());
  }
  FAIL("expected an error");
  return {};
}

}  // namespace

TEST_CASE("a new database is stamped with Unknot's application id") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  { SessionStore::open(file); }
  CHECK(application_id_of(file) == kApplicationId);
}

TEST_CASE("another program's SQLite file is refused by every open and left byte-identical") {
  TempDir dir;
  const auto file = dir.file("other.db");
  make_foreign_db(file, 0x4D4F5A31);
  const std::string before = read_bytes(file);
  const auto mtime = mtime_ns(file);

  const std::string message = thrown<ForeignDatabase>([&] { SessionStore::open(file); });
  CHECK(message.find(file.string()) != std::string::npos);
  CHECK(message.find("not an Unknot database") != std::string::npos);
  CHECK(message.find("0x4D4F5A31") != std::string::npos);
  thrown<ForeignDatabase>([&] { SessionStore::open_read_only(file); });
  CHECK(read_bytes(file) == before);
  CHECK(mtime_ns(file) == mtime);
}

TEST_CASE("a file with application id 0 and tables that are not Unknot's is refused untouched") {
  TempDir dir;
  const auto file = dir.file("other.db");
  make_foreign_db(file, 0);
  const std::string before = read_bytes(file);

  const std::string message = thrown<ForeignDatabase>([&] { SessionStore::open(file); });
  CHECK(message.find("\"notes\"") != std::string::npos);
  thrown<ForeignDatabase>([&] { SessionStore::open_read_only(file); });
  CHECK(read_bytes(file) == before);
}

TEST_CASE("an Unknot database from before application_id is stamped and keeps its sessions") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  make_unstamped_db(file, 3);
  REQUIRE(application_id_of(file) == 0);

  const SessionStore store = SessionStore::open(file);
  CHECK(store.schema_version() == latest_schema_version());
  CHECK(store.all_sessions().size() == 1);
  CHECK(application_id_of(file) == kApplicationId);
}

TEST_CASE("a database damaged in the middle is refused by open and read-only open, unwritten") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  make_filled_db(file);
  REQUIRE(dir.path() / "unknot.db" == file);
  REQUIRE(entry_count(dir.path()) == 1);  // closed cleanly: no -wal left to hide the damage
  damage_middle(file);
  const std::string before = read_bytes(file);

  const std::string message = thrown<DamagedDatabase>([&] { SessionStore::open(file); });
  CHECK(message.find(file.string()) != std::string::npos);
  CHECK(message.find("damaged") != std::string::npos);
  CHECK(message.find("unknot restore") != std::string::npos);
  const std::string full =
      thrown<DamagedDatabase>([&] { SessionStore::open(file, IntegrityCheck::Full); });
  // integrity_check lists its findings a line each; the message stays one line, of a sane length.
  CHECK(full.find('\n') == std::string::npos);
  CHECK(full.size() < file.string().size() + 600);
  thrown<DamagedDatabase>([&] { SessionStore::open_read_only(file); });
  CHECK(read_bytes(file) == before);
}

TEST_CASE("a truncated file or a zeroed header is damage too, said with what to do") {
  for (const bool truncate : {true, false}) {
    CAPTURE(truncate);
    TempDir dir;
    const auto file = dir.file("unknot.db");
    make_filled_db(file, 500);
    std::string bytes = read_bytes(file);
    if (truncate) {
      bytes.resize(bytes.size() / 2);
    } else {
      std::fill(bytes.begin(), bytes.begin() + 100, '\0');
    }
    std::filesystem::resize_file(file, 0);
    {
      std::ofstream out(file, std::ios::binary);
      out << bytes;
    }
    const std::string message = thrown<DamagedDatabase>([&] { SessionStore::open(file); });
    CHECK(message.find("damaged") != std::string::npos);
    CHECK(message.find("unknot restore") != std::string::npos);
    thrown<DamagedDatabase>([&] { SessionStore::open_read_only(file); });
    CHECK(read_bytes(file) == bytes);
  }
}

TEST_CASE("an undamaged filled database passes both checks") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  make_filled_db(file, 500);
  CHECK(SessionStore::open(file, IntegrityCheck::Full).all_sessions().size() == 500);
  CHECK(SessionStore::open_read_only(file).all_sessions().size() == 500);
}

TEST_CASE("read-only open leaves the file's bytes, mtime and folder as they were") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  make_filled_db(file, 50);
  const std::string before = read_bytes(file);
  const auto mtime = mtime_ns(file);
  {
    SessionStore store = SessionStore::open_read_only(file);
    CHECK(store.all_sessions().size() == 50);
    CHECK(store.weekly_target() == std::nullopt);
    CHECK_THROWS_AS(store.save_weekly_target(4), StorageError);
  }
  CHECK(read_bytes(file) == before);
  CHECK(mtime_ns(file) == mtime);
  CHECK(entry_count(dir.path()) == 1);
}

TEST_CASE("read-only open of a missing file says there is no history and creates nothing") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  const std::string message = thrown<NoDatabase>([&] { SessionStore::open_read_only(file); });
  CHECK(message.find("no Unknot history") != std::string::npos);
  CHECK(entry_count(dir.path()) == 0);
}

TEST_CASE("read-only open reads an older schema as a current one without upgrading the file") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  make_unstamped_db(file, 2);
  const std::string before = read_bytes(file);
  const SessionStore store = SessionStore::open_read_only(file);
  CHECK(store.schema_version() == latest_schema_version());
  REQUIRE(store.all_sessions().size() == 1);
  CHECK(store.all_sessions()[0].routine_id == "neck");
  CHECK(read_bytes(file) == before);
}

TEST_CASE("read-only open sees what a live writer committed to its WAL") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  SessionStore writer = SessionStore::open(file);
  writer.save_weekly_target(3);
  const SessionStore reader = SessionStore::open_read_only(file);
  CHECK(reader.weekly_target() == 3);
}

}  // namespace unknot::storage

namespace unknot::storage {

TEST_CASE("a write refused for lack of space says in plain words that the disk is full") {
  Database db = Database::open_in_memory();
  db.execute("CREATE TABLE t (x BLOB)", "making a table");
  // The page limit stands in for a full disk: SQLite answers SQLITE_FULL either way.
  db.execute("PRAGMA max_page_count = 3", "limiting the size");
  Statement insert(db, "INSERT INTO t VALUES (zeroblob(100000))", "saving step 2");
  try {
    insert.run();
    FAIL("expected DiskFull");
  } catch (const DiskFull& error) {
    const std::string message = error.what();
    CHECK(message.find("saving step 2: The disk is full") != std::string::npos);
  }
}

TEST_CASE("writes refused by a full or read-only disk are told apart, and both can wait") {
  TempDir dir;
  unknot::testing::StorageFaults faults;
  SessionStore store = SessionStore::open(dir.file("unknot.db"));
  const std::int64_t id = store.begin_session({"neck", {}, 5, "", std::nullopt}, 0);
  faults.make_read_only();
  CHECK_THROWS_AS(store.record_step(id, {0, "upper_trapezius", core::Side::Left, {}, {}, false}),
                  ReadOnlyStorage);
  CHECK_THROWS_WITH_AS(store.complete_session(id, {}), doctest::Contains("read-only"), CannotWrite);
  faults.fill_disk();
  CHECK_THROWS_AS(store.complete_session(id, {}), DiskFull);
  faults.clear();
  store.record_step(id, {0, "upper_trapezius", core::Side::Left, {}, {}, false});
  store.complete_session(id, {});
  CHECK(store.steps(id).size() == 1);
  CHECK(store.session(id)->status == SessionStatus::Completed);
}

}  // namespace unknot::storage
