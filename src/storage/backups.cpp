// Notes on behaviour the header leaves open:
// - "At most once a day" is the file name: a day whose backup exists is never copied again, so
//   the first completed session of a day is what that day's backup holds.
// - Pruning goes by the date in the name, never by mtime, so a restored or touched file does
//   not jump the queue; files that do not match the pattern are never deleted.
// - Each rename is followed by an fsync of the folder, so after a power cut the name points at
//   either the old file or the whole new one.
#include "storage/backups.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <regex>
#include <system_error>

#include "core/translate.h"
#include "storage/database.h"
#include "storage/store_check.h"

namespace unknot::storage {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const fs::path& file, std::string_view doing, const std::string& why) {
  throw StorageError(file.string() + ": " + std::string(doing) + ": " + why);
}

void sync_path(const fs::path& path, int flags, std::string_view doing) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) fail(path, doing, std::generic_category().message(errno));
  const int rc = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (rc != 0) fail(path, doing, std::generic_category().message(error));
}

void rename_durably(const fs::path& from, const fs::path& to, std::string_view doing) {
  if (::rename(from.c_str(), to.c_str()) != 0) {
    fail(to, doing, std::generic_category().message(errno));
  }
  sync_path(to.parent_path(), O_RDONLY | O_DIRECTORY, doing);
}

void make_private_dir(const fs::path& dir) {
  if (::mkdir(dir.c_str(), S_IRWXU) != 0 && errno != EEXIST) {
    const int error = errno;
    // TRANSLATORS: what was being done when a backup failed ("<file>: making the backups
    // folder: <what went wrong>").
    fail(dir, core::tr("making the backups folder"), std::generic_category().message(error));
  }
  ::chmod(dir.c_str(), S_IRWXU);
}

void remove_quietly(const fs::path& file) {
  std::error_code ignored;
  fs::remove(file, ignored);
}

// unknot-YYYY-MM-DD.db → YYYY-MM-DD, or empty for any other name.
std::string backup_date(const fs::path& file) {
  static const std::regex kName(R"(unknot-(\d{4}-\d{2}-\d{2})\.db)");
  std::smatch match;
  const std::string name = file.filename().string();
  return std::regex_match(name, match, kName) ? match[1].str() : std::string();
}

// Checks a finished copy as thoroughly as an open would, reading it only.
void check_copy(const fs::path& file) {
  Database db = Database::open_read_only(file);
  if (check_ownership(db) != Ownership::Ours) {
    throw ForeignDatabase(file.string() + ": " + core::tr("not a backup of an Unknot database"));
  }
  check_integrity(db, IntegrityCheck::Quick);
}

std::optional<std::int64_t> session_count(const fs::path& file) {
  try {
    Database db = Database::open_read_only(file);
    Statement count(db, "SELECT count(*) FROM sessions", core::tr("counting sessions"));
    if (!count.step()) return std::nullopt;
    return count.column_int64(0);
  } catch (const StorageError&) {
    return std::nullopt;
  }
}

void prune(const fs::path& dir) {
  std::vector<fs::path> dated;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (!backup_date(entry.path()).empty()) dated.push_back(entry.path());
  }
  if (dated.size() <= kBackupsKept) return;
  // The dates are ISO, so name order is date order.
  std::sort(dated.begin(), dated.end());
  for (std::size_t i = 0; i + kBackupsKept < dated.size(); ++i) remove_quietly(dated[i]);
}

// A damaged file is labelled so, to be found again; any other is just replaced.
std::string_view aside_label(const fs::path& database) {
  try {
    Database db = Database::open_read_only(database);
    check_integrity(db, IntegrityCheck::Quick);
  } catch (const DamagedDatabase&) {
    return "damaged";
  } catch (const StorageError&) {
  }
  return "replaced";
}

}  // namespace

fs::path backups_dir(const fs::path& data_dir) { return data_dir / "backups"; }

std::vector<BackupInfo> list_backups(const fs::path& data_dir) {
  std::vector<BackupInfo> list;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(backups_dir(data_dir), ec)) {
    std::string date = backup_date(entry.path());
    if (date.empty()) continue;
    BackupInfo info;
    info.file = entry.path();
    info.date = std::move(date);
    info.bytes = entry.file_size(ec);
    info.sessions = session_count(entry.path());
    list.push_back(std::move(info));
  }
  std::sort(list.begin(), list.end(),
            [](const BackupInfo& a, const BackupInfo& b) { return a.date > b.date; });
  return list;
}

std::optional<fs::path> backup_daily(const SessionStore& store, const fs::path& data_dir,
                                     std::string_view today) {
  const fs::path dir = backups_dir(data_dir);
  const fs::path target = dir / ("unknot-" + std::string(today) + ".db");
  if (backup_date(target).empty()) {
    const std::string doing = core::tr("making a backup");
    // TRANSLATORS: YYYY-MM-DD is how a backup's day is written in its name: keep it as it is.
    fail(target, doing, core::tr("the day is not YYYY-MM-DD"));
  }
  std::error_code ec;
  if (fs::exists(target, ec)) return std::nullopt;
  make_private_dir(dir);
  const fs::path temporary = dir / (".unknot-" + std::string(today) + ".db.partial");
  // A copy a crash left half-written is worthless, and its journal would confuse the next one.
  remove_quietly(temporary);
  remove_quietly(fs::path(temporary.string() + "-journal"));
  try {
    store.copy_to(temporary);
    check_copy(temporary);
    const std::string doing = core::tr("making a backup");
    sync_path(temporary, O_RDONLY, doing);
    rename_durably(temporary, target, doing);
  } catch (...) {
    remove_quietly(temporary);
    throw;
  }
  prune(dir);
  return target;
}

fs::path set_aside(const fs::path& database, std::string_view label, std::string_view stamp) {
  fs::path aside = database;
  aside += "." + std::string(label) + "-" + std::string(stamp);
  std::error_code ec;
  // Two in one second: count on rather than overwrite.
  for (int n = 2; fs::exists(aside, ec); ++n) {
    aside = database;
    aside += "." + std::string(label) + "-" + std::string(stamp) + "-" + std::to_string(n);
  }
  const fs::path wal(database.string() + "-wal");
  const std::string doing = core::tr("setting aside");
  if (fs::exists(wal, ec)) rename_durably(wal, fs::path(aside.string() + "-wal"), doing);
  rename_durably(database, aside, doing);
  ::chmod(aside.c_str(), S_IRUSR | S_IWUSR);
  // The -shm file only indexes the -wal; SQLite rebuilds it from the -wal when needed.
  remove_quietly(fs::path(database.string() + "-shm"));
  return aside;
}

Restored restore_backup(const fs::path& data_dir, const fs::path& backup, std::string_view stamp) {
  check_copy(backup);
  const fs::path database = data_dir / kDatabaseFileName;
  const fs::path temporary = data_dir / ".unknot.db.restoring";
  remove_quietly(temporary);
  std::error_code ec;
  fs::copy_file(backup, temporary, fs::copy_options::overwrite_existing, ec);
  if (ec) fail(temporary, core::tr("copying the backup"), ec.message());
  ::chmod(temporary.c_str(), S_IRUSR | S_IWUSR);
  Restored restored{backup, std::nullopt};
  try {
    sync_path(temporary, O_RDONLY, core::tr("copying the backup"));
    if (fs::exists(database, ec)) {
      restored.aside = set_aside(database, aside_label(database), stamp);
    }
    rename_durably(temporary, database, core::tr("putting the backup in place"));
  } catch (...) {
    remove_quietly(temporary);
    throw;
  }
  return restored;
}

}  // namespace unknot::storage
