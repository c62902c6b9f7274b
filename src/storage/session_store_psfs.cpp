// The store's PSFS ratings (schema 7): one row per activity rated, the rows of one sitting
// sharing recorded_at. Part of SessionStore (session_store.h); SQLite only through
// storage/database.h.
#include <string>
#include <vector>

#include "core/psfs.h"
#include "core/translate.h"
#include "storage/database.h"
#include "storage/session_store.h"
#include "storage/store_codec.h"

namespace unknot::storage {
namespace {

using codec::parse_time;
using codec::timestamp_text;

constexpr std::string_view kColumns =
    "id, slot, activity, value, recorded_at, utc_offset_min, source";

std::vector<PsfsRow> read_rows(const Database& db, Statement& query, const std::string& doing) {
  std::vector<PsfsRow> rows;
  while (query.step()) {
    PsfsRow row;
    row.id = query.column_int64(0);
    row.slot = query.column_int(1);
    row.activity = query.column_text(2);
    row.value = query.column_int(3);
    row.recorded_at = parse_time(db, doing, query.column_text(4));
    row.utc_offset_min = query.column_int(5);
    row.from_homework = query.column_text(6) == "homework";
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

std::vector<std::int64_t> SessionStore::add_psfs(std::span<const PsfsRow> rows) {
  std::vector<std::int64_t> ids;
  if (rows.empty()) return ids;
  const std::string doing =
      // TRANSLATORS: the PSFS is a functional scale: up to three activities, each rated 0-10.
      core::fill(core::trn("saving {n} PSFS ratings", "saving {n} PSFS ratings", rows.size()),
                 {{"n", std::to_string(rows.size())}});
  // The schema checks these too; core's sentence says what is wrong in words.
  for (const PsfsRow& row : rows) {
    if (const auto problem = core::psfs_activity_problem(row.activity)) {
      throw StorageError(
          db_->name() + ": " + doing + ": " +
          // TRANSLATORS: {slot} is the activity's place in the list (1-3), {problem} what is wrong.
          core::fill(core::tr("activity {slot}: {problem}"),
                     {{"slot", std::to_string(row.slot)}, {"problem", *problem}}));
    }
  }
  Transaction transaction(*db_, doing);
  Statement insert(*db_,
                   "INSERT INTO psfs_ratings (slot, activity, value, recorded_at, utc_offset_min, "
                   "source) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                   doing);
  for (const PsfsRow& row : rows) {
    insert.reset();
    insert.bind(1, row.slot);
    insert.bind(2, row.activity);
    insert.bind(3, row.value);
    insert.bind(4, timestamp_text(*db_, row.recorded_at, doing));
    insert.bind(5, row.utc_offset_min);
    insert.bind(6, std::string_view(row.from_homework ? "homework" : "person"));
    insert.run();
    ids.push_back(db_->last_insert_rowid());
  }
  transaction.commit();
  return ids;
}

std::vector<PsfsRow> SessionStore::psfs_ratings() const {
  const std::string doing = core::tr("reading the PSFS ratings");
  Statement query(
      *db_, "SELECT " + std::string(kColumns) + " FROM psfs_ratings ORDER BY recorded_at, slot, id",
      doing);
  return read_rows(*db_, query, doing);
}

std::vector<PsfsRow> SessionStore::latest_psfs() const {
  const std::string doing = core::tr("reading the latest PSFS ratings");
  Statement query(*db_,
                  "SELECT " + std::string(kColumns) +
                      " FROM psfs_ratings WHERE recorded_at = "
                      "(SELECT max(recorded_at) FROM psfs_ratings) ORDER BY slot, id",
                  doing);
  return read_rows(*db_, query, doing);
}

}  // namespace unknot::storage
