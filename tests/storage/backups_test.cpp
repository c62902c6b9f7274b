#include "storage/backups.h"

#include <doctest/doctest.h>

#include <string>

#include "storage/db_files.h"
#include "storage/temp_dir.h"

namespace unknot::storage {
namespace {
using namespace testing;
namespace fs = std::filesystem;

bool private_to_owner(const fs::path& path) {
  const auto perms = fs::status(path).permissions();
  return (perms & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none;
}

std::string day(int n) {
  std::string text = "2026-11-" + std::string(n < 10 ? "0" : "") + std::to_string(n);
  return text;
}

}  // namespace

TEST_CASE("a daily backup is written once a day into a private backups folder") {
  TempDir dir;
  make_filled_db(dir.file("unknot.db"), 20);
  SessionStore store = SessionStore::open(dir.file("unknot.db"));

  const auto first = backup_daily(store, dir.path(), "2026-11-02");
  REQUIRE(first.has_value());
  CHECK(*first == dir.path() / "backups" / "unknot-2026-11-02.db");
  CHECK(private_to_owner(dir.path() / "backups"));
  CHECK(private_to_owner(*first));
  CHECK(SessionStore::open_read_only(*first).all_sessions().size() == 20);

  const std::string bytes = read_bytes(*first);
  store.begin_session({"neck", core::UnixSeconds{std::chrono::seconds{1'790'000'000}}, 4, "", {}});
  CHECK_FALSE(backup_daily(store, dir.path(), "2026-11-02").has_value());
  CHECK(read_bytes(*first) == bytes);  // the same day: left alone

  const auto next = backup_daily(store, dir.path(), "2026-11-03");
  REQUIRE(next.has_value());
  CHECK(SessionStore::open_read_only(*next).all_sessions().size() == 21);
  CHECK(entry_count(dir.path() / "backups") == 2);  // no temporary left
}

TEST_CASE("backups are pruned to the newest seven, listed newest first with their sessions") {
  TempDir dir;
  make_filled_db(dir.file("unknot.db"), 5);
  SessionStore store = SessionStore::open(dir.file("unknot.db"));
  write_bytes(dir.path() / "notes.txt", "mine");
  for (int d = 1; d <= 9; ++d) REQUIRE(backup_daily(store, dir.path(), day(d)).has_value());
  write_bytes(dir.path() / "backups" / "keep-me.txt", "not a backup");

  const auto list = list_backups(dir.path());
  REQUIRE(list.size() == kBackupsKept);
  CHECK(list.front().date == day(9));
  CHECK(list.back().date == day(3));
  CHECK(list.front().sessions == 5);
  CHECK(list.front().bytes == fs::file_size(list.front().file));
  CHECK(fs::exists(dir.path() / "backups" / "keep-me.txt"));
}

TEST_CASE("a damaged database is restored from the latest backup and kept aside, not deleted") {
  TempDir dir;
  const auto database = dir.file("unknot.db");
  make_filled_db(database);
  {
    SessionStore store = SessionStore::open(database);
    REQUIRE(backup_daily(store, dir.path(), "2026-11-02").has_value());
  }
  damage_middle(database);
  const std::string damaged_bytes = read_bytes(database);
  REQUIRE_THROWS_AS(SessionStore::open(database), DamagedDatabase);

  const auto list = list_backups(dir.path());
  REQUIRE(list.size() == 1);
  const Restored restored = restore_backup(dir.path(), list.front().file, "20261103-091500");
  REQUIRE(restored.aside.has_value());
  CHECK(*restored.aside == dir.path() / "unknot.db.damaged-20261103-091500");
  CHECK(read_bytes(*restored.aside) == damaged_bytes);
  CHECK(private_to_owner(*restored.aside));
  CHECK(SessionStore::open(database).all_sessions().size() == 2000);
  CHECK(fs::exists(list.front().file));  // the backup stays for another time
}

TEST_CASE("a damaged backup is refused and the current database is left in place") {
  TempDir dir;
  const auto database = dir.file("unknot.db");
  make_filled_db(database);
  {
    SessionStore store = SessionStore::open(database);
    REQUIRE(backup_daily(store, dir.path(), "2026-11-02").has_value());
  }
  const auto backup = list_backups(dir.path()).front().file;
  damage_middle(backup);
  const std::string current = read_bytes(database);
  CHECK_THROWS_AS(restore_backup(dir.path(), backup, "20261103-091500"), DamagedDatabase);
  CHECK(read_bytes(database) == current);
  CHECK(list_backups(dir.path()).size() == 1);
}

TEST_CASE("setting a file aside twice in one second keeps both") {
  TempDir dir;
  write_bytes(dir.file("unknot.db"), "one");
  const auto first = set_aside(dir.file("unknot.db"), "damaged", "20261103-091500");
  write_bytes(dir.file("unknot.db"), "two");
  const auto second = set_aside(dir.file("unknot.db"), "damaged", "20261103-091500");
  CHECK(first != second);
  CHECK(read_bytes(first) == "one");
  CHECK(read_bytes(second) == "two");
}

}  // namespace unknot::storage
