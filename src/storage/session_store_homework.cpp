// The store's homework (schema 4). Part of SessionStore (session_store.h); SQLite only through
// storage/database.h.
#include <string>

#include "core/homework.h"
#include "core/translate.h"
#include "storage/database.h"
#include "storage/session_store.h"
#include "storage/store_codec.h"

namespace unknot::storage {
namespace {

using codec::parse_time;
using codec::timestamp_text;

constexpr std::string_view kHomeworkColumns = "id, revision, file_json, imported_at, updated_at";

StoredHomework read_homework(const Database& db, const Statement& query, const std::string& doing) {
  StoredHomework stored;
  stored.id = query.column_text(0);
  stored.revision = query.column_int(1);
  stored.file_json = query.column_text(2);
  stored.imported_at = parse_time(db, doing, query.column_text(3));
  stored.updated_at = parse_time(db, doing, query.column_text(4));
  return stored;
}

}  // namespace

ImportOutcome SessionStore::import_homework(const core::Homework& homework,
                                            std::string_view file_json, core::UnixSeconds now) {
  const std::string doing =
      // TRANSLATORS: {id} is the homework's id, {revision} its revision number.
      core::fill(core::tr("importing homework '{id}' revision {revision}"),
                 {{"id", homework.id}, {"revision", std::to_string(homework.revision)}});
  if (file_json.empty())
    throw StorageError(db_->name() + ": " + doing + ": " + core::tr("the file is empty"));
  const std::string timestamp = timestamp_text(*db_, now, doing);
  // One write transaction: another process importing at the same time cannot slip an older
  // revision in between the read and the write.
  Transaction transaction(*db_, doing);
  Statement query(*db_, "SELECT revision, file_json FROM homework WHERE id = ?1", doing);
  query.bind(1, homework.id);
  if (!query.step()) {
    Statement insert(*db_,
                     "INSERT INTO homework (id, revision, file_json, imported_at, updated_at) "
                     "VALUES (?1, ?2, ?3, ?4, ?4)",
                     doing);
    insert.bind(1, homework.id);
    insert.bind(2, homework.revision);
    insert.bind(3, file_json);
    insert.bind(4, timestamp);
    insert.run();
    transaction.commit();
    return ImportOutcome::Added;
  }
  const int stored_revision = query.column_int(0);
  const bool same_text = query.column_text(1) == file_json;
  query.reset();
  if (homework.revision < stored_revision) return ImportOutcome::OlderRefused;
  if (homework.revision == stored_revision && same_text) return ImportOutcome::Unchanged;
  Statement update(*db_,
                   "UPDATE homework SET revision = ?2, file_json = ?3, updated_at = ?4 "
                   "WHERE id = ?1",
                   doing);
  update.bind(1, homework.id);
  update.bind(2, homework.revision);
  update.bind(3, file_json);
  update.bind(4, timestamp);
  update.run();
  transaction.commit();
  return ImportOutcome::Updated;
}

std::vector<StoredHomework> SessionStore::homework() const {
  const std::string doing = core::tr("reading the homework");
  Statement query(
      *db_,
      "SELECT " + std::string(kHomeworkColumns) + " FROM homework ORDER BY updated_at DESC, id",
      doing);
  std::vector<StoredHomework> all;
  while (query.step()) all.push_back(read_homework(*db_, query, doing));
  return all;
}

std::optional<StoredHomework> SessionStore::homework(std::string_view id) const {
  const std::string doing = core::fill(core::tr("reading homework '{id}'"), {{"id", id}});
  Statement query(*db_, "SELECT " + std::string(kHomeworkColumns) + " FROM homework WHERE id = ?1",
                  doing);
  query.bind(1, id);
  if (!query.step()) return std::nullopt;
  return read_homework(*db_, query, doing);
}

void SessionStore::remove_homework(std::string_view id) {
  Statement remove(*db_, "DELETE FROM homework WHERE id = ?1",
                   core::fill(core::tr("removing homework '{id}'"), {{"id", id}}));
  remove.bind(1, id);
  remove.run();
}

}  // namespace unknot::storage
