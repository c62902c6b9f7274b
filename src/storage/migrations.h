// Numbered schema migrations keyed on PRAGMA user_version, each applied in its own transaction.
// Internal to storage/; depends on storage/database.h only.
#pragma once

#include <span>
#include <string_view>

#include "storage/database.h"

namespace unknot::storage {

// One step of the schema: running `sql` on a version-(version-1) database makes it `version`.
struct Migration {
  int version = 0;
  std::string_view sql;
};

// The app's migrations, versions 1, 2, … in order. Never edit a shipped entry: append a new one.
std::span<const Migration> app_migrations();

// The newest schema version this app understands (the last entry of app_migrations()).
int latest_schema_version();

// PRAGMA user_version of the main database; 0 for a new, empty file.
int user_version(Database& db);

// Throws StorageError if the file's user_version is above the last of `migrations`: it was
// written by a newer app, and this one must neither read nor change it. Only reads.
void refuse_newer_schema(Database& db, std::span<const Migration> migrations);

// Applies, in order, every migration above the file's user_version; each one and its
// user_version bump commit together, so a failure leaves the previous version intact.
// Throws StorageError on failure, on a newer file, or if `migrations` is not numbered 1, 2, ….
void migrate(Database& db, std::span<const Migration> migrations);

}  // namespace unknot::storage
