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
constexpr core::UnixSeconds kEverFrom = core::UnixSeconds::min();
constexpr core::UnixSeconds kEverTo = core::UnixSeconds::max();

std::vector<std::int64_t> ids(const std::vector<CheckinRow>& rows) {
  std::vector<std::int64_t> result;
  for (const auto& row : rows) result.push_back(row.id);
  return result;
}

// A file at schema `version` holding one finished session (id 7) with a step.
void write_old_file(const std::filesystem::path& file, int version) {
  Database db = Database::open_file(file);
  db.enable_wal();
  migrate(db, app_migrations().first(static_cast<std::size_t>(version)));
  REQUIRE(user_version(db) == version);
  db.execute(
      "INSERT INTO sessions (id, routine_id, started_at, ended_at, status, pain_before, "
      "pain_after, region, resume_step) VALUES (7, 'neck_release', '2026-11-25T08:00:00Z', "
      "'2026-11-25T08:12:00Z', 'completed', 6, 2, 'Neck', 1); "
      "INSERT INTO session_steps (session_id, step_index, muscle, side, planned_ms, actual_ms) "
      "VALUES (7, 0, 'upper_trapezius', 'left', 90000, 87500)",
      "writing an old session");
}

}  // namespace

TEST_CASE("a check-in comes back with its kind, value, time, offset and note") {
  SessionStore store = SessionStore::open_in_memory();
  const auto id = store.add_checkin(CheckinKind::Pgic, 3, kMorning, -300, "better, I think");
  CHECK(id > 0);
  const auto rows = store.checkins(kEverFrom, kEverTo);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].id == id);
  CHECK(rows[0].kind == CheckinKind::Pgic);
  CHECK(rows[0].value == 3);
  CHECK(rows[0].recorded_at == kMorning);
  CHECK(rows[0].utc_offset_min == -300);
  CHECK(rows[0].note == "better, I think");
}

TEST_CASE("a check-in value outside its kind's range is rejected and nothing is stored") {
  SessionStore store = SessionStore::open_in_memory();
  CHECK(store.add_checkin(CheckinKind::DailyPain, 0, kMorning, 0, "") > 0);
  CHECK(store.add_checkin(CheckinKind::DailyPain, 10, kMorning, 0, "") > 0);
  CHECK(store.add_checkin(CheckinKind::Pgic, 1, kMorning, 0, "") > 0);
  CHECK(store.add_checkin(CheckinKind::Pgic, 7, kMorning, 0, "") > 0);
  for (const auto& [kind_, value_] :
       {std::pair{CheckinKind::DailyPain, -1}, std::pair{CheckinKind::DailyPain, 11},
        std::pair{CheckinKind::Pgic, 0}, std::pair{CheckinKind::Pgic, 8}}) {
    // Named again: clang 14 cannot capture a structured binding in a lambda.
    const auto& kind = kind_;
    const auto& value = value_;
    CAPTURE(value);
    CHECK(error_text([&] {
            store.add_checkin(kind, value, kMorning, 0, "");
          }).find("checkin_value_range") != std::string::npos);
  }
  CHECK(error_text([&] {
          store.add_checkin(CheckinKind::Pgic, 4, kMorning, 841, "");
        }).find("checkin_utc_offset_range") != std::string::npos);
  CHECK(store.checkins(kEverFrom, kEverTo).size() == 4);
}

TEST_CASE("check-ins are listed oldest first within a half-open range, ties by id") {
  SessionStore store = SessionStore::open_in_memory();
  const auto late = store.add_checkin(CheckinKind::DailyPain, 4, kMorning + 48h, 60, "");
  const auto first = store.add_checkin(CheckinKind::DailyPain, 5, kMorning, 60, "");
  const auto same_time = store.add_checkin(CheckinKind::Pgic, 2, kMorning, 60, "");
  const auto next_day = store.add_checkin(CheckinKind::DailyPain, 3, kMorning + 24h, 60, "");

  CHECK(ids(store.checkins(kEverFrom, kEverTo)) ==
        std::vector<std::int64_t>{first, same_time, next_day, late});
  CHECK(ids(store.checkins(kMorning, kMorning + 48h)) ==
        std::vector<std::int64_t>{first, same_time, next_day});
  CHECK(ids(store.checkins(kMorning + 1s, kMorning + 24h + 1s)) ==
        std::vector<std::int64_t>{next_day});
  CHECK(store.checkins(kMorning + 24h, kMorning).empty());
  CHECK(store.checkins(kMorning, kMorning).empty());
}

TEST_CASE("a session note is saved, replaced and cleared, and starts empty") {
  SessionStore store = SessionStore::open_in_memory();
  const auto id = store.begin_session({"neck_release", kMorning, 6, "Neck"}, 120);
  CHECK(store.session(id)->note.empty());
  CHECK(store.session(id)->utc_offset_min == 120);
  store.set_session_note(id, "tight after driving, \"sharp\" on the left");
  CHECK(store.session(id)->note == "tight after driving, \"sharp\" on the left");
  store.set_session_note(id, "");
  CHECK(store.session(id)->note.empty());
  CHECK(error_text([&] { store.set_session_note(id + 1, "x"); }).find("no such session") !=
        std::string::npos);
}

TEST_CASE("all_sessions lists every session oldest first whatever its status") {
  SessionStore store = SessionStore::open_in_memory();
  const auto later = store.begin_session({"neck_release", kMorning + 1h, 6, "Neck"});
  const auto earlier = store.begin_session({"breathe:resonance_6", kMorning, {}, ""});
  store.abandon_session(earlier, kMorning + 5min);
  const auto rows = store.all_sessions();
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].id == earlier);
  CHECK(rows[0].status == SessionStatus::Abandoned);
  CHECK(rows[1].id == later);
  CHECK_FALSE(rows[1].utc_offset_min.has_value());
}

TEST_CASE("opening a version 1 or 2 file migrates it to the latest version and keeps its data") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  int version = 0;
  SUBCASE("from version 1") { version = 1; }
  SUBCASE("from version 2") { version = 2; }
  CAPTURE(version);
  write_old_file(file, version);

  SessionStore store = SessionStore::open(file);
  CHECK(store.schema_version() == latest_schema_version());
  const auto row = store.session(7);
  REQUIRE(row.has_value());
  CHECK(row->routine_id == "neck_release");
  CHECK(row->status == SessionStatus::Completed);
  CHECK(row->pain_before == 6);
  CHECK(row->pain_after == 2);
  CHECK(row->note.empty());
  CHECK_FALSE(row->utc_offset_min.has_value());
  CHECK(store.steps(7).size() == 1);
  store.set_session_note(7, "old session, new note");
  CHECK(store.session(7)->note == "old session, new note");
  CHECK(store.add_checkin(CheckinKind::DailyPain, 5, kMorning, 0, "") > 0);
}

TEST_CASE("the version 3 schema refuses check-ins and offsets its rules forbid, naming the rule") {
  Database db = Database::open_in_memory();
  migrate(db, app_migrations());
  struct Forbidden {
    const char* sql;
    const char* rule;
  };
  for (const Forbidden& forbidden : {
           Forbidden{"INSERT INTO checkins (kind, value, recorded_at, utc_offset_min) "
                     "VALUES ('weekly', 3, '2026-11-25T08:00:00Z', 0)",
                     "checkin_kind_known"},
           Forbidden{"INSERT INTO checkins (kind, value, recorded_at, utc_offset_min) "
                     "VALUES ('pgic', 2.5, '2026-11-25T08:00:00Z', 0)",
                     "checkin_value_range"},
           Forbidden{"INSERT INTO checkins (kind, value, recorded_at, utc_offset_min) "
                     "VALUES ('daily_pain', 3, '2026-11-25 08:00', 0)",
                     "recorded_at_iso8601"},
           Forbidden{"INSERT INTO sessions (routine_id, started_at, status, utc_offset_min) "
                     "VALUES ('neck', '2026-11-25T08:00:00Z', 'in_progress', -900)",
                     "session_utc_offset_range"},
       }) {
    CAPTURE(forbidden.sql);
    CHECK(error_text([&] { db.execute(forbidden.sql, "breaking a rule"); }).find(forbidden.rule) !=
          std::string::npos);
  }
}

}  // namespace unknot::storage
