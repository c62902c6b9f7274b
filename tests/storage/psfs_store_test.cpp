#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

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

constexpr core::UnixSeconds kMorning{sys_days{2026y / November / 25} + 8h};
constexpr core::Day kYesterday = sys_days{2026y / November / 24};

PsfsRow rating(int slot, std::string activity, int value, core::UnixSeconds at = kMorning) {
  PsfsRow row;
  row.slot = slot;
  row.activity = std::move(activity);
  row.value = value;
  row.recorded_at = at;
  row.utc_offset_min = 60;
  return row;
}

}  // namespace

TEST_CASE("a PSFS sitting comes back with each activity, slot, value, time, offset and source") {
  SessionStore store = SessionStore::open_in_memory();
  CHECK(store.latest_psfs().empty());
  std::vector<PsfsRow> first{rating(1, "Reaching up", 3), rating(2, "Driving", 5)};
  first[1].from_homework = true;
  const auto ids = store.add_psfs(first);
  REQUIRE(ids.size() == 2);
  CHECK(ids[0] > 0);
  CHECK(ids[1] > ids[0]);
  store.add_psfs(std::vector{rating(1, "Reaching up", 6, kMorning + days{14})});
  const auto all = store.psfs_ratings();
  REQUIRE(all.size() == 3);
  CHECK(all[0].id == ids[0]);
  CHECK(all[0].activity == "Reaching up");
  CHECK(all[0].value == 3);
  CHECK(all[0].utc_offset_min == 60);
  CHECK_FALSE(all[0].from_homework);
  CHECK(all[1].slot == 2);
  CHECK(all[1].from_homework);
  CHECK(all[2].recorded_at == kMorning + days{14});
  const auto latest = store.latest_psfs();
  REQUIRE(latest.size() == 1);
  CHECK(latest[0].value == 6);
}

TEST_CASE("a bad PSFS rating stores nothing of its sitting and says what is wrong") {
  SessionStore store = SessionStore::open_in_memory();
  CHECK(error_text([&] {
          store.add_psfs(std::vector{rating(1, "Walking", 4), rating(2, "  ", 4)});
        }).find("activity 2: an activity needs a name") != std::string::npos);
  CHECK(error_text([&] {
          store.add_psfs(std::vector{rating(1, "Walking", 4), rating(2, "Lifting", 11)});
        }).find("psfs_value_range") != std::string::npos);
  CHECK(error_text([&] {
          store.add_psfs(std::vector{rating(1, "Walking", 4), rating(1, "Lifting", 3)});
        }).find("UNIQUE") != std::string::npos);
  CHECK(store.psfs_ratings().empty());
}

TEST_CASE(
    "the version 7 schema refuses PSFS rows and check-in days its rules forbid, naming "
    "the rule") {
  Database db = Database::open_in_memory();
  migrate(db, app_migrations());
  struct Forbidden {
    const char* sql;
    const char* rule;
  };
  constexpr const char* kInsert =
      "INSERT INTO psfs_ratings (slot, activity, value, recorded_at, utc_offset_min, source) "
      "VALUES ";
  for (const Forbidden& forbidden : {
           Forbidden{"(4, 'Walking', 3, '2026-11-25T08:00:00Z', 0, 'person')", "psfs_slot_range"},
           Forbidden{"(1, 'Walking', 3.5, '2026-11-25T08:00:00Z', 0, 'person')",
                     "psfs_value_range"},
           Forbidden{"(1, ' ', 3, '2026-11-25T08:00:00Z', 0, 'person')", "psfs_activity_present"},
           Forbidden{"(1, printf('%.61c', 'x'), 3, '2026-11-25T08:00:00Z', 0, 'person')",
                     "psfs_activity_length"},
           Forbidden{"(1, 'Walking', 3, '2026-11-25 08:00', 0, 'person')",
                     "psfs_recorded_at_iso8601"},
           Forbidden{"(1, 'Walking', 3, '2026-11-25T08:00:00Z', 900, 'person')",
                     "psfs_utc_offset_range"},
           Forbidden{"(1, 'Walking', 3, '2026-11-25T08:00:00Z', 0, 'doctor')", "psfs_source_known"},
       }) {
    CAPTURE(forbidden.sql);
    CHECK(error_text([&] {
            db.execute(std::string(kInsert) + forbidden.sql, "breaking a rule");
          }).find(forbidden.rule) != std::string::npos);
  }
  for (const char* day : {"'2026-02-30'", "'2026-11-5'", "20261125"}) {
    CAPTURE(day);
    CHECK(error_text([&] {
            db.execute(std::string("INSERT INTO checkins (kind, value, recorded_at, "
                                   "utc_offset_min, rated_day) VALUES ('daily_pain', 3, "
                                   "'2026-11-25T08:00:00Z', 0, ") +
                           day + ")",
                       "breaking a rule");
          }).find("checkin_rated_day_date") != std::string::npos);
  }
}

TEST_CASE("a daily rating keeps the day it is filed on, and one without a day reads none") {
  SessionStore store = SessionStore::open_in_memory();
  store.add_checkin(CheckinKind::DailyPain, 4, kMorning, 60, "", kYesterday);
  store.add_checkin(CheckinKind::Pgic, 2, kMorning + 1s, 60, "");
  CheckinRow bulk;
  bulk.value = 5;
  bulk.recorded_at = kMorning + 2s;
  bulk.day = kYesterday - days{1};
  store.add_checkins(std::vector{bulk});
  const auto rows = store.checkins(core::UnixSeconds::min(), core::UnixSeconds::max());
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].day == kYesterday);
  CHECK_FALSE(rows[1].day.has_value());
  CHECK(rows[2].day == kYesterday - days{1});
}

TEST_CASE("a version 6 file migrates to 7 keeping its check-ins, which have no day") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  {
    Database db = Database::open_file(file);
    migrate(db, app_migrations().first(6));
    db.execute(
        "INSERT INTO checkins (kind, value, recorded_at, utc_offset_min) VALUES "
        "('daily_pain', 6, '2026-11-25T08:00:00Z', 60)",
        "writing an old check-in");
  }
  SessionStore store = SessionStore::open(file);
  CHECK(store.schema_version() == latest_schema_version());
  const auto rows = store.checkins(core::UnixSeconds::min(), core::UnixSeconds::max());
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].value == 6);
  CHECK_FALSE(rows[0].day.has_value());
  CHECK(store.psfs_ratings().empty());
}

TEST_CASE("the check-in reminder time round-trips, off included, also after reopening") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  {
    SessionStore store = SessionStore::open(file);
    CHECK_FALSE(store.checkin_reminder_minute().has_value());
    store.save_checkin_reminder_minute(19 * 60 + 30);
    CHECK(store.checkin_reminder_minute() == 19 * 60 + 30);
  }
  {
    SessionStore store = SessionStore::open(file);
    CHECK(store.checkin_reminder_minute() == 19 * 60 + 30);
    store.save_checkin_reminder_minute(0);
    CHECK(store.checkin_reminder_minute() == 0);
    store.save_checkin_reminder_minute(std::nullopt);
    CHECK_FALSE(store.checkin_reminder_minute().has_value());
    CHECK(error_text([&] { store.save_checkin_reminder_minute(1440); }).find("0 to 1439") !=
          std::string::npos);
    // A damaged value reads as off rather than stopping the app.
    store.set_setting("checkin_reminder_minute", "25:00");
    CHECK_FALSE(store.checkin_reminder_minute().has_value());
  }
}

}  // namespace unknot::storage
