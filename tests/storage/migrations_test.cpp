#include "storage/migrations.h"

#include <doctest/doctest.h>

#include <array>
#include <string>

#include "storage/temp_dir.h"

namespace unknot::storage {
namespace {
using testing::error_text;

int count_rows(Database& db, std::string_view table) {
  Statement query(db, "SELECT count(*) FROM " + std::string(table), "counting rows");
  REQUIRE(query.step());
  return query.column_int(0);
}

bool table_exists(Database& db, std::string_view table) {
  Statement query(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
                  "looking for a table");
  query.bind(1, table);
  REQUIRE(query.step());
  return query.column_int(0) == 1;
}

// Each migration leaves a row behind, so a migration that ran twice shows up as a count.
constexpr std::array kCounting{
    Migration{1, "CREATE TABLE runs (version INTEGER); INSERT INTO runs VALUES (1)"},
    Migration{2, "INSERT INTO runs VALUES (2)"},
};

}  // namespace

TEST_CASE("migrations run once each, in order, and set user_version to the last one") {
  Database db = Database::open_in_memory();
  CHECK(user_version(db) == 0);
  migrate(db, std::span(kCounting).first(1));
  CHECK(user_version(db) == 1);
  migrate(db, kCounting);
  migrate(db, kCounting);
  CHECK(user_version(db) == 2);
  CHECK(count_rows(db, "runs") == 2);
}

TEST_CASE("a failing migration is rolled back whole and the previous version stays") {
  Database db = Database::open_in_memory();
  constexpr std::array kBroken{
      kCounting[0],
      Migration{2, "CREATE TABLE half_done (x); INSERT INTO missing_table VALUES (1)"},
  };
  const std::string message = error_text([&] { migrate(db, kBroken); });
  CHECK(message.find("migrating the schema to version 2") != std::string::npos);
  CHECK(message.find("no such table: missing_table") != std::string::npos);
  CHECK(user_version(db) == 1);
  CHECK_FALSE(table_exists(db, "half_done"));
  CHECK(table_exists(db, "runs"));
}

TEST_CASE("a database newer than the known migrations is refused without being changed") {
  Database db = Database::open_in_memory();
  db.execute("PRAGMA user_version = 3", "faking a newer file");
  CHECK(error_text([&] { migrate(db, kCounting); }).find("newer") != std::string::npos);
  CHECK_THROWS_AS(refuse_newer_schema(db, kCounting), StorageError);
  CHECK(user_version(db) == 3);
  CHECK_FALSE(table_exists(db, "runs"));
}

TEST_CASE("migrations that are not numbered 1, 2, ... are refused before anything runs") {
  Database db = Database::open_in_memory();
  constexpr std::array kGap{kCounting[0], Migration{3, "SELECT 1"}};
  CHECK_THROWS_AS(migrate(db, kGap), StorageError);
  CHECK(user_version(db) == 0);
}

TEST_CASE("the app's migrations end at the version the store reports") {
  Database db = Database::open_in_memory();
  migrate(db, app_migrations());
  CHECK(user_version(db) == latest_schema_version());
  CHECK(latest_schema_version() == 8);
}

TEST_CASE("the version 1 schema refuses values its rules forbid") {
  Database db = Database::open_in_memory();
  migrate(db, app_migrations());
  db.execute(
      "INSERT INTO sessions (id, routine_id, started_at, status) "
      "VALUES (1, 'neck', '2026-11-25T13:04:05Z', 'in_progress')",
      "inserting a valid session");

  struct Forbidden {
    const char* sql;
    const char* rule;
  };
  for (const Forbidden& forbidden : {
           Forbidden{"UPDATE sessions SET pain_before = 5.5", "pain_before_range"},
           Forbidden{"UPDATE sessions SET pain_after = '7 out of 10'", "pain_after_range"},
           Forbidden{"UPDATE sessions SET pain_after = 11", "pain_after_range"},
           Forbidden{"UPDATE sessions SET status = 'paused'", "status_known"},
           Forbidden{"UPDATE sessions SET started_at = '2026-11-25 13:04'", "started_at_iso8601"},
           Forbidden{"UPDATE sessions SET ended_at = '2026-11-25T14:00:00Z'",
                     "ended_at_iff_finished"},
           Forbidden{"UPDATE sessions SET status = 'completed'", "ended_at_iff_finished"},
           Forbidden{"UPDATE sessions SET routine_id = ''", "routine_id_present"},
           Forbidden{"UPDATE sessions SET resume_step = -1", "resume_step_range"},
           Forbidden{"UPDATE sessions SET planned_ms = -1", "session_planned_ms_range"},
           Forbidden{"UPDATE sessions SET planned_ms = 2.5", "session_planned_ms_range"},
           Forbidden{"INSERT INTO session_steps (session_id, step_index, side, planned_ms, "
                     "actual_ms) VALUES (1, 0, 'both', 0, 0)",
                     "side_known"},
           Forbidden{"INSERT INTO session_steps (session_id, step_index, planned_ms, actual_ms, "
                     "skipped) VALUES (1, 0, 0, 0, 2)",
                     "skipped_flag"},
           Forbidden{"INSERT INTO session_steps (session_id, step_index, planned_ms, actual_ms) "
                     "VALUES (1, 0, 1.5, 0)",
                     "planned_ms_range"},
       }) {
    CAPTURE(forbidden.sql);
    CHECK(error_text([&] { db.execute(forbidden.sql, "breaking a rule"); }).find(forbidden.rule) !=
          std::string::npos);
  }
  CHECK(count_rows(db, "session_steps") == 0);
}

TEST_CASE("the version 2 schema refuses breathing patterns its rules forbid, naming the rule") {
  Database db = Database::open_in_memory();
  migrate(db, app_migrations());
  db.execute(
      "INSERT INTO breath_patterns (id, name, inhale_ms, hold_full_ms, exhale_ms, hold_empty_ms, "
      "created_at, updated_at) VALUES (1, 'Calm', 4000, 0, 6000, 0, '2026-11-25T13:04:05Z', "
      "'2026-11-25T13:04:05Z')",
      "inserting a valid pattern");

  struct Forbidden {
    const char* sql;
    const char* rule;
  };
  for (const Forbidden& forbidden : {
           Forbidden{"UPDATE breath_patterns SET name = ''", "name_present"},
           Forbidden{"UPDATE breath_patterns SET name = ' '", "name_present"},
           Forbidden{"UPDATE breath_patterns SET name = replace(hex(zeroblob(41)), '00', 'x')",
                     "name_length"},
           Forbidden{"UPDATE breath_patterns SET inhale_ms = 500", "inhale_ms_range"},
           Forbidden{"UPDATE breath_patterns SET inhale_ms = 15500", "inhale_ms_range"},
           Forbidden{"UPDATE breath_patterns SET inhale_ms = 4000.5", "inhale_ms_range"},
           Forbidden{"UPDATE breath_patterns SET inhale_ms = 4250", "inhale_ms_step"},
           Forbidden{"UPDATE breath_patterns SET hold_full_ms = -500", "hold_full_ms_range"},
           Forbidden{"UPDATE breath_patterns SET hold_full_ms = 100", "hold_full_ms_step"},
           Forbidden{"UPDATE breath_patterns SET exhale_ms = 20500", "exhale_ms_range"},
           Forbidden{"UPDATE breath_patterns SET exhale_ms = 6001", "exhale_ms_step"},
           Forbidden{"UPDATE breath_patterns SET hold_empty_ms = 'long'", "hold_empty_ms_range"},
           Forbidden{"UPDATE breath_patterns SET hold_empty_ms = 2750", "hold_empty_ms_step"},
           Forbidden{"UPDATE breath_patterns SET inhale_ms = 15000, hold_full_ms = 20000, "
                     "exhale_ms = 20000, hold_empty_ms = 5500",
                     "cycle_at_most_60s"},
           Forbidden{"UPDATE breath_patterns SET created_at = '2026-11-25'", "created_at_iso8601"},
           Forbidden{"UPDATE breath_patterns SET updated_at = 'now'", "updated_at_iso8601"},
           Forbidden{"UPDATE breath_patterns SET name = NULL", "NOT NULL"},
           Forbidden{"INSERT INTO settings (key, value) VALUES (NULL, '1')", "NOT NULL"},
           Forbidden{"INSERT INTO settings (key, value) VALUES ('pan_sides', NULL)", "NOT NULL"},
       }) {
    const std::string sql = forbidden.sql;  // CAPTURE shows a char* as an address
    CAPTURE(sql);
    CHECK(error_text([&] { db.execute(forbidden.sql, "breaking a rule"); }).find(forbidden.rule) !=
          std::string::npos);
  }
  db.execute(
      "UPDATE breath_patterns SET inhale_ms = 15000, hold_full_ms = 20000, "
      "exhale_ms = 20000, hold_empty_ms = 5000",
      "a whole breath of exactly 60 s is allowed");
}

}  // namespace unknot::storage
