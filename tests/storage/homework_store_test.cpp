#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "core/homework.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/session_store.h"
#include "storage/temp_dir.h"

namespace unknot::storage {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;
using testing::error_text;
using testing::TempDir;

constexpr core::UnixSeconds kFirst{sys_days{2026y / November / 28} + 9h};
constexpr core::UnixSeconds kLater = kFirst + 3h;

core::Homework homework(int revision) {
  core::Homework hw;
  hw.id = "sam-lee-neck";
  hw.revision = revision;
  hw.routine.id = "neck_home";
  hw.routine.title = "Neck at home";
  return hw;
}

std::string file_text(int revision) {
  return "{\"format\": \"unknot-homework\", \"revision\": " + std::to_string(revision) + "}";
}

int count_rows(SessionStore& store) { return static_cast<int>(store.homework().size()); }

}  // namespace

TEST_CASE("importing the same file twice stores one row and reports Unchanged") {
  SessionStore store = SessionStore::open_in_memory();
  CHECK(store.import_homework(homework(1), file_text(1), kFirst) == ImportOutcome::Added);
  CHECK(store.import_homework(homework(1), file_text(1), kLater) == ImportOutcome::Unchanged);
  CHECK(count_rows(store) == 1);
  const auto stored = store.homework("sam-lee-neck");
  REQUIRE(stored.has_value());
  CHECK(stored->revision == 1);
  CHECK(stored->file_json == file_text(1));
  CHECK(stored->imported_at == kFirst);
  CHECK(stored->updated_at == kFirst);
}

TEST_CASE("a higher revision updates the row, a lower one is refused and the newer stays") {
  SessionStore store = SessionStore::open_in_memory();
  REQUIRE(store.import_homework(homework(1), file_text(1), kFirst) == ImportOutcome::Added);
  CHECK(store.import_homework(homework(2), file_text(2), kLater) == ImportOutcome::Updated);
  CHECK(store.import_homework(homework(1), file_text(1), kLater + 1h) ==
        ImportOutcome::OlderRefused);
  const auto stored = store.homework("sam-lee-neck");
  REQUIRE(stored.has_value());
  CHECK(stored->revision == 2);
  CHECK(stored->file_json == file_text(2));
  CHECK(stored->imported_at == kFirst);
  CHECK(stored->updated_at == kLater);
  CHECK(count_rows(store) == 1);
}

TEST_CASE("the same revision with other text replaces the stored text") {
  SessionStore store = SessionStore::open_in_memory();
  REQUIRE(store.import_homework(homework(3), file_text(3), kFirst) == ImportOutcome::Added);
  CHECK(store.import_homework(homework(3), file_text(3) + "\n", kLater) == ImportOutcome::Updated);
  CHECK(store.homework("sam-lee-neck")->file_json == file_text(3) + "\n");
}

TEST_CASE("homework lists every stored homework, newest update first, and remove takes one out") {
  SessionStore store = SessionStore::open_in_memory();
  core::Homework other = homework(1);
  other.id = "jaw";
  store.import_homework(homework(1), file_text(1), kFirst);
  store.import_homework(other, file_text(1), kLater);
  auto all = store.homework();
  REQUIRE(all.size() == 2);
  CHECK(all[0].id == "jaw");
  CHECK(all[1].id == "sam-lee-neck");
  store.remove_homework("jaw");
  store.remove_homework("jaw");  // a repeated remove is harmless
  all = store.homework();
  REQUIRE(all.size() == 1);
  CHECK(all[0].id == "sam-lee-neck");
  CHECK_FALSE(store.homework("jaw").has_value());
}

TEST_CASE("sessions played from homework keep their routine_id after the homework is removed") {
  SessionStore store = SessionStore::open_in_memory();
  store.import_homework(homework(1), file_text(1), kFirst);
  const auto id = store.begin_session({core::homework_routine_id("sam-lee-neck"), kLater, 5, ""});
  store.remove_homework("sam-lee-neck");
  CHECK(store.session(id)->routine_id == "homework:sam-lee-neck");
}

TEST_CASE("an empty file, a bad id or a bad revision is refused and nothing is stored") {
  SessionStore store = SessionStore::open_in_memory();
  CHECK(error_text([&] { store.import_homework(homework(1), "", kFirst); }).find("empty") !=
        std::string::npos);
  core::Homework bad_id = homework(1);
  bad_id.id = "Not An Id";
  CHECK(error_text([&] {
          store.import_homework(bad_id, file_text(1), kFirst);
        }).find("homework_id_syntax") != std::string::npos);
  CHECK(error_text([&] {
          store.import_homework(homework(0), file_text(0), kFirst);
        }).find("homework_revision_range") != std::string::npos);
  CHECK(count_rows(store) == 0);
}

TEST_CASE("opening a version 3 file migrates it to version 4 and keeps its data") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  {
    Database db = Database::open_file(file);
    migrate(db, app_migrations().first(3));
    REQUIRE(user_version(db) == 3);
    db.execute(
        "INSERT INTO sessions (id, routine_id, started_at, ended_at, status, pain_before, "
        "pain_after, region, resume_step, note, utc_offset_min) VALUES (7, 'neck_release', "
        "'2026-11-25T08:00:00Z', '2026-11-25T08:12:00Z', 'completed', 6, 2, 'Neck', 1, 'ok', 60); "
        "INSERT INTO checkins (kind, value, recorded_at, utc_offset_min) VALUES "
        "('daily_pain', 4, '2026-11-25T20:00:00Z', 60)",
        "writing a version 3 file");
  }
  SessionStore store = SessionStore::open(file);
  CHECK(store.schema_version() == latest_schema_version());
  const auto row = store.session(7);
  REQUIRE(row.has_value());
  CHECK(row->note == "ok");
  CHECK(row->utc_offset_min == 60);
  CHECK(store.checkins(core::UnixSeconds::min(), core::UnixSeconds::max()).size() == 1);
  CHECK(store.import_homework(homework(1), file_text(1), kFirst) == ImportOutcome::Added);
}

}  // namespace unknot::storage
