// What SessionStore checks before it uses a file: that it is Unknot's (application_id, tables)
// and that its pages are sound (quick_check / integrity_check). Internal to storage/; depends on
// storage/database.h only. Every check only reads.
#pragma once

#include "storage/database.h"

namespace unknot::storage {

enum class Ownership {
  New,            // no tables and user_version 0: a file to create the schema in
  Ours,           // application_id is kApplicationId
  OursUnstamped,  // application_id 0 with Unknot's tables and a user_version: from before the id
};

// Throws ForeignDatabase (naming the file and saying it was left untouched) for another
// program's file. Reads only.
Ownership check_ownership(Database& db);

// Runs PRAGMA quick_check or integrity_check; throws DamagedDatabase naming the file, the first
// problem found and what to do. SQLITE_CORRUPT from any read here counts as damage too.
void check_integrity(Database& db, IntegrityCheck check);

// Throws DamagedDatabase for `file`: names it, what SQLite found (one line, cut to a sentence)
// and what to do. Used for failed checks and for SQLite's own SQLITE_CORRUPT / SQLITE_NOTADB.
[[noreturn]] void throw_damaged(const std::string& file, const std::string& found);

// Sets PRAGMA application_id to kApplicationId (a write to the file header).
void stamp_application_id(Database& db);

}  // namespace unknot::storage
