#include "storage/database.h"

#include <doctest/doctest.h>

#include "storage/temp_dir.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

namespace unknot::storage {
namespace {
using testing::error_text;

Database table_db() {
  Database db = Database::open_in_memory();
  db.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT)", "creating t");
  return db;
}

int count_rows(Database& db) {
  Statement query(db, "SELECT count(*) FROM t", "counting");
  REQUIRE(query.step());
  return query.column_int(0);
}

}  // namespace

TEST_CASE("a statement binds and reads back integers, doubles, text and NULL") {
  Database db = table_db();
  Statement insert(db, "INSERT INTO t (i, r, s) VALUES (?1, ?2, ?3)", "inserting");
  insert.bind(1, std::int64_t{1} << 40);
  insert.bind(2, 2.5);
  insert.bind(3, std::string_view{"héllo"});
  insert.run();
  insert.reset();
  insert.bind(1, std::optional<int>{});
  insert.bind(2, std::nullopt);
  insert.bind(3, std::optional<std::string>{});
  insert.run();
  insert.reset();
  insert.bind(1, -7);
  insert.run();  // reset cleared the bindings, so r and s are NULL

  Statement query(db, "SELECT i, r, s FROM t ORDER BY rowid", "reading");
  REQUIRE(query.step());
  CHECK(query.column_int64(0) == std::int64_t{1} << 40);
  CHECK(query.column_double(1) == 2.5);
  CHECK(query.column_text(2) == "héllo");
  REQUIRE(query.step());
  CHECK(query.is_null(0));
  CHECK_FALSE(query.column_optional_int(0).has_value());
  CHECK_FALSE(query.column_optional_int64(0).has_value());
  CHECK_FALSE(query.column_optional_double(1).has_value());
  CHECK_FALSE(query.column_optional_text(2).has_value());
  REQUIRE(query.step());
  CHECK(query.column_int(0) == -7);
  CHECK(query.column_optional_int(0) == -7);
  CHECK(query.is_null(1));
  CHECK(query.is_null(2));
  CHECK_FALSE(query.step());
}

TEST_CASE("an empty string is stored as empty text, never as NULL") {
  Database db = table_db();
  Statement insert(db, "INSERT INTO t (s) VALUES (?1)", "inserting");
  insert.bind(1, std::string_view{});
  insert.run();
  Statement query(db, "SELECT s FROM t", "reading");
  REQUIRE(query.step());
  CHECK_FALSE(query.is_null(0));
  CHECK(query.column_optional_text(0) == std::string{});
}

TEST_CASE("reading NULL or an oversized integer through a plain getter throws") {
  Database db = table_db();
  db.execute("INSERT INTO t (i) VALUES (NULL), (5000000000)", "inserting");
  Statement query(db, "SELECT i FROM t ORDER BY rowid", "reading i");
  REQUIRE(query.step());
  CHECK(error_text([&] { query.column_int64(0); }).find("column i is NULL") != std::string::npos);
  CHECK_THROWS_AS(query.column_text(0), StorageError);
  REQUIRE(query.step());
  CHECK(error_text([&] { query.column_int(0); }).find("does not fit") != std::string::npos);
  CHECK(query.column_int64(0) == 5'000'000'000);
}

TEST_CASE("an error names the database, what was being done and SQLite's message") {
  Database db = table_db();
  const std::string message =
      error_text([&] { Statement(db, "SELECT nope FROM t", "reading the nope column"); });
  CHECK(message.find(":memory:: reading the nope column: ") == 0);
  CHECK(message.find("no such column: nope") != std::string::npos);
}

TEST_CASE("SQL text holding more than one statement is refused") {
  Database db = table_db();
  CHECK(error_text([&] {
          Statement(db, "DELETE FROM t; DROP TABLE t", "cleaning");
        }).find("exactly one statement") != std::string::npos);
  CHECK_THROWS_AS(Statement(db, "  ", "nothing"), StorageError);
  Statement trailing(db, "SELECT 1;\n  ", "selecting with trailing space");
  CHECK(trailing.step());
}

TEST_CASE("a transaction that is never committed is rolled back when it goes out of scope") {
  Database db = table_db();
  {
    Transaction transaction(db, "inserting");
    db.execute("INSERT INTO t (i) VALUES (1)", "inserting");
  }
  CHECK(count_rows(db) == 0);
}

TEST_CASE("a transaction left by an exception rolls back everything it did") {
  Database db = table_db();
  db.execute("CREATE TABLE u (x INTEGER NOT NULL)", "creating u");
  CHECK_THROWS_AS(
      [&] {
        Transaction transaction(db, "inserting");
        db.execute("INSERT INTO t (i) VALUES (1)", "inserting into t");
        db.execute("INSERT INTO u (x) VALUES (NULL)", "inserting into u");
        transaction.commit();
      }(),
      StorageError);
  CHECK(count_rows(db) == 0);
  // The connection is usable again: no transaction was left open.
  Transaction next(db, "inserting again");
  next.commit();
}

TEST_CASE("a committed transaction keeps its changes") {
  Database db = table_db();
  {
    Transaction transaction(db, "inserting");
    db.execute("INSERT INTO t (i) VALUES (1)", "inserting");
    transaction.commit();
  }
  CHECK(count_rows(db) == 1);
}

TEST_CASE("every connection enforces foreign keys") {
  Database db = Database::open_in_memory();
  db.execute(
      "CREATE TABLE p (id INTEGER PRIMARY KEY); "
      "CREATE TABLE c (p_id INTEGER NOT NULL REFERENCES p (id))",
      "creating tables");
  CHECK(error_text([&] {
          db.execute("INSERT INTO c VALUES (1)", "inserting an orphan");
        }).find("FOREIGN KEY constraint failed") != std::string::npos);
}

TEST_CASE("changes and last_insert_rowid report the latest write") {
  Database db = table_db();
  db.execute("INSERT INTO t (i) VALUES (1), (2), (3)", "inserting");
  CHECK(db.last_insert_rowid() == 3);
  db.execute("UPDATE t SET i = 0 WHERE i > 1", "updating");
  CHECK(db.changes() == 2);
}

}  // namespace unknot::storage
