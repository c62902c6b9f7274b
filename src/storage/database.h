// RAII over the SQLite C API: Database (one connection), Statement (one prepared statement),
// Transaction (rolls back unless committed). Internal to storage/; depends on std and SQLite only
// (session_store.h is included for StorageError alone). Never used by core, app or ui.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "storage/session_store.h"  // StorageError

struct sqlite3;
struct sqlite3_stmt;

namespace unknot::storage {

// One open connection with the per-connection pragmas applied (synchronous=NORMAL,
// foreign_keys=ON, a busy timeout). Every failure throws StorageError naming the file.
class Database {
 public:
  // Opens `file` read-write. A missing file is first created empty with mode 0600 (SQLite gives
  // its -wal and -shm files the same mode). An existing file that is not a SQLite database is
  // refused and left untouched. The parent folder must exist.
  static Database open_file(const std::filesystem::path& file);
  // Opens an existing `file` for reading only: nothing is created, migrated or written, and the
  // file keeps its bytes and modification time. When no -wal file lies beside it (no writer has
  // it open), the file is opened as immutable, so this works in a read-only folder and on a full
  // disk, where SQLite could not create its -shm index. Throws StorageError naming the file.
  static Database open_read_only(const std::filesystem::path& file);
  // A private in-memory database that vanishes when closed.
  static Database open_in_memory();

  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // Switches a file database to write-ahead logging; returns the journal mode now in force
  // ("wal", or "memory" for an in-memory database). This writes to the file header.
  std::string enable_wal();

  // Runs one or more ;-separated statements that take no parameters (DDL, pragmas).
  // `doing` describes the work for error messages, e.g. "creating schema v1".
  void execute(std::string_view sql, std::string_view doing);

  // Copies every page of this database into `target` with SQLite's online backup API, replacing
  // what `target` held. Other connections may keep writing meanwhile; the copy is one snapshot.
  void copy_into(Database& target, std::string_view doing);

  // SQLite's primary result code for the latest failure on this connection (SQLITE_CORRUPT …).
  int error_code() const;
  bool read_only() const;

  std::int64_t last_insert_rowid() const;
  // Rows changed by the most recent INSERT, UPDATE or DELETE.
  std::int64_t changes() const;
  // The file path, or ":memory:".
  const std::string& name() const { return name_; }

  // Throws StorageError "<doing> in <name>: <SQLite's latest message>".
  [[noreturn]] void fail(std::string_view doing) const;

  sqlite3* handle() const { return handle_; }

 private:
  Database(sqlite3* handle, std::string name);
  void close() noexcept;

  sqlite3* handle_ = nullptr;
  std::string name_;
};

// A prepared statement. Parameter indexes start at 1 (SQLite's rule), column indexes at 0.
class Statement {
 public:
  // `doing` describes the work for error messages, e.g. "saving step 3 of session 12".
  Statement(Database& db, std::string_view sql, std::string doing);
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  void bind(int index, std::int64_t value);
  void bind(int index, int value);
  void bind(int index, double value);
  void bind(int index, std::string_view value);  // copied: the view may die before step()
  void bind(int index, std::nullopt_t);
  template <typename T>
  void bind(int index, const std::optional<T>& value) {
    if (value) {
      bind(index, *value);
    } else {
      bind(index, std::nullopt);
    }
  }

  // Advances; true when a row is available, false when the statement has finished.
  bool step();
  // Steps a statement that must not return rows (INSERT, UPDATE, DELETE).
  void run();
  // Makes the statement runnable again and clears every binding.
  void reset();

  bool is_null(int column) const;
  // These throw StorageError when the value is NULL or (for int) does not fit.
  std::int64_t column_int64(int column) const;
  int column_int(int column) const;
  double column_double(int column) const;
  std::string column_text(int column) const;
  // NULL becomes nullopt.
  std::optional<std::int64_t> column_optional_int64(int column) const;
  std::optional<int> column_optional_int(int column) const;
  std::optional<double> column_optional_double(int column) const;
  std::optional<std::string> column_optional_text(int column) const;

 private:
  void check_bind(int rc, int index);
  void require_not_null(int column) const;
  [[noreturn]] void fail_column(int column, std::string_view problem) const;

  Database* db_ = nullptr;
  sqlite3_stmt* handle_ = nullptr;
  std::string doing_;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() succeeded.
class Transaction {
 public:
  Transaction(Database& db, std::string doing);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  void commit();

 private:
  Database& db_;
  std::string doing_;
  bool open_ = true;
};

// BEGIN (deferred) on construction and COMMIT on destruction: the reads in between see one
// snapshot of the file, however other connections write meanwhile. Takes no write lock, so it
// suits read-only work; nothing it does needs rolling back.
class ReadSnapshot {
 public:
  ReadSnapshot(Database& db, std::string_view doing);
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;
  ~ReadSnapshot();

 private:
  Database& db_;
};

}  // namespace unknot::storage
