// Test helpers that make database files in states the store must handle: an Unknot file with
// enough pages to damage one in the middle, the damage itself, another program's file, and an
// Unknot file from before application_id. Uses the storage internals directly.
#pragma once

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/session_store.h"

namespace unknot::storage::testing {

// An Unknot database with `sessions` completed sessions (about 400 bytes each), closed cleanly.
inline void make_filled_db(const std::filesystem::path& file, int sessions = 2000) {
  { SessionStore::open(file); }
  Database db = Database::open_file(file);
  db.execute(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
          std::to_string(sessions) +
          ") INSERT INTO sessions (routine_id, started_at, ended_at, status, region) "
          "SELECT 'routine-' || i, '2026-01-01T08:00:00Z', '2026-01-01T08:20:00Z', 'completed', "
          "hex(zeroblob(180)) FROM n",
      "filling the test database");
}

// Overwrites 4 KiB in the middle of `file` (page-aligned) with a byte pattern no page has.
inline void damage_middle(const std::filesystem::path& file) {
  const auto size = std::filesystem::file_size(file);
  const auto offset = static_cast<std::streamoff>((size / 2) / 4096 * 4096);
  std::fstream out(file, std::ios::binary | std::ios::in | std::ios::out);
  out.seekp(offset);
  const std::string junk(4096, '\xA5');
  out.write(junk.data(), static_cast<std::streamsize>(junk.size()));
}

// A SQLite file of another program: its own application_id (unless 0) and its own table.
inline void make_foreign_db(const std::filesystem::path& file, std::uint32_t application_id) {
  Database db = Database::open_file(file);
  db.execute(
      "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); "
      "INSERT INTO notes (body) VALUES ('not yours'); PRAGMA user_version = 3",
      "making another program's file");
  if (application_id != 0) {
    db.execute(
        "PRAGMA application_id = " + std::to_string(static_cast<std::int32_t>(application_id)),
        "stamping another program's id");
  }
}

// An Unknot database as versions before application_id wrote it: schema `version`, id 0.
inline void make_unstamped_db(const std::filesystem::path& file, int version) {
  Database db = Database::open_file(file);
  db.enable_wal();
  migrate(db, app_migrations().first(static_cast<std::size_t>(version)));
  db.execute(
      "INSERT INTO sessions (routine_id, started_at, ended_at, status) VALUES "
      "('neck', '2026-03-01T08:00:00Z', '2026-03-01T08:20:00Z', 'completed')",
      "adding a session");
}

inline std::int64_t application_id_of(const std::filesystem::path& file) {
  Database db = Database::open_file(file);
  Statement pragma(db, "PRAGMA application_id", "reading the id");
  pragma.step();
  return pragma.column_int64(0);
}

// Modification time in nanoseconds, to prove a read left the file alone.
inline std::int64_t mtime_ns(const std::filesystem::path& file) {
  struct stat info {};
  ::stat(file.c_str(), &info);
  return std::int64_t{info.st_mtim.tv_sec} * 1'000'000'000 + info.st_mtim.tv_nsec;
}

}  // namespace unknot::storage::testing
