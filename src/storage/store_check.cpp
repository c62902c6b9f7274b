// Notes on behaviour the header leaves open:
// - Unknot's tables are the ones its migrations create; a file with application_id 0 counts as
//   ours only if it has a user_version, a sessions table, and no table outside that list, so a
//   stranger's file that merely happens to have a "sessions" table is still refused.
// - SQLite reports some damage as errors of the check itself (SQLITE_CORRUPT, SQLITE_NOTADB on a
//   page past the header); those are damage as well, not a failure to check.
#include "storage/store_check.h"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <vector>

#include "core/input_text.h"
#include "core/translate.h"
#include "storage/migrations.h"

namespace unknot::storage {
namespace {

constexpr std::array<std::string_view, 11> kUnknotTables = {
    "sessions",    "session_steps",  "breath_patterns", "settings",
    "checkins",    "homework",       "step_feedback",   "psfs_ratings",
    "dose_checks", "dose_reactions", "safety_events"};

// TRANSLATORS: after a message that the record is damaged. `unknot restore` and `unknot
// restore --list` are commands: keep them as they are.
constexpr const char* kWhatToDo = core::tr_noop(
    "Nothing was written to it. Run `unknot restore` to go back to the latest backup "
    "(`unknot restore --list` shows them; the damaged file is kept aside), or move the file "
    "away to start a new record");

std::uint32_t application_id(Database& db) {
  const std::string doing = core::tr("reading the application id");
  Statement pragma(db, "PRAGMA application_id", doing);
  if (!pragma.step()) db.fail(doing);
  return static_cast<std::uint32_t>(pragma.column_int64(0));
}

std::vector<std::string> table_names(Database& db) {
  Statement query(db,
                  "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                  "'sqlite\\_%' ESCAPE '\\' ORDER BY name",
                  core::tr("listing the tables"));
  std::vector<std::string> names;
  while (query.step()) names.push_back(query.column_text(0));
  return names;
}

std::string hex(std::uint32_t value) {
  char text[16];
  std::snprintf(text, sizeof text, "0x%08X", value);
  return text;
}

[[noreturn]] void foreign(const Database& db, const std::string& why) {
  throw ForeignDatabase(db.name() + ": " +
                        // TRANSLATORS: {why} says how the file differs, as "it holds a table
                        // "orders"". --data-dir is a command-line option: keep it as it is.
                        core::fill(core::tr("this is not an Unknot database ({why}); it was left "
                                            "untouched. Choose another --data-dir, or move the "
                                            "file away to start a new record"),
                                   {{"why", why}}));
}

[[noreturn]] void damaged(const Database& db, const std::string& found) {
  throw_damaged(db.name(), found);
}

bool is_damage_code(int code) { return code == SQLITE_CORRUPT || code == SQLITE_NOTADB; }

}  // namespace

void throw_damaged(const std::string& file, const std::string& found) {
  // integrity_check reports one problem a line ("*** in database main ***\nPage 5: ..."): the
  // message stays one line, and a sentence long.
  std::string said = found;
  std::replace(said.begin(), said.end(), '\n', ' ');
  throw DamagedDatabase(
      file + ": " +
      // TRANSLATORS: {found} is SQLite's own English words; {what_to_do} the advice that follows.
      core::fill(core::tr("the database is damaged (SQLite's check found: "
                          "{found}). {what_to_do}"),
                 {{"found", core::cut_text(said, 160)}, {"what_to_do", core::tr(kWhatToDo)}}));
}

Ownership check_ownership(Database& db) {
  try {
    const std::uint32_t id = application_id(db);
    if (id == kApplicationId) return Ownership::Ours;
    if (id != 0)
      // TRANSLATORS: why a file is not Unknot's: {id} is a number as 0x12345678.
      foreign(db, core::fill(core::tr("it belongs to another program, application id {id}"),
                             {{"id", hex(id)}}));
    const std::vector<std::string> tables = table_names(db);
    const int version = user_version(db);
    if (tables.empty() && version == 0) return Ownership::New;
    const bool has_sessions = std::find(tables.begin(), tables.end(), "sessions") != tables.end();
    const auto stranger = std::find_if(tables.begin(), tables.end(), [](const std::string& name) {
      return std::find(std::begin(kUnknotTables), std::end(kUnknotTables), name) ==
             std::end(kUnknotTables);
    });
    if (version >= 1 && has_sessions && stranger == tables.end()) return Ownership::OursUnstamped;
    if (stranger != tables.end())
      // TRANSLATORS: why a file is not Unknot's: {table} is a table's name in it.
      foreign(db, core::fill(core::tr("it holds a table \"{table}\""), {{"table", *stranger}}));
    foreign(db, core::tr("it has no Unknot schema"));
  } catch (const RefusedDatabase&) {
    throw;
  } catch (const StorageError& error) {
    if (is_damage_code(db.error_code())) damaged(db, error.what());
    throw;
  }
}

void check_integrity(Database& db, IntegrityCheck check) {
  const char* sql =
      check == IntegrityCheck::Quick ? "PRAGMA quick_check(1)" : "PRAGMA integrity_check(1)";
  std::string found;
  try {
    const std::string doing = core::tr("checking the database");
    Statement pragma(db, sql, doing);
    if (!pragma.step()) db.fail(doing);
    found = pragma.column_text(0);
  } catch (const StorageError& error) {
    if (is_damage_code(db.error_code())) damaged(db, error.what());
    throw;
  }
  if (found != "ok") damaged(db, found);
}

void stamp_application_id(Database& db) {
  // PRAGMA takes no bound parameters; the id is our own constant.
  db.execute("PRAGMA application_id = " + std::to_string(static_cast<std::int32_t>(kApplicationId)),
             core::tr("marking the file as Unknot's"));
}

}  // namespace unknot::storage
