#include "storage/database.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <limits>
#include <system_error>
#include <utility>

#include "core/translate.h"
#include "storage/session_store.h"
#include "storage/store_check.h"

namespace unknot::storage {
namespace {

// Long enough to ride out another process's short write (a CLI export, a second instance),
// short enough that a wedged lock surfaces as an error instead of a frozen UI.
constexpr int kBusyTimeoutMs = 3000;

[[noreturn]] void throw_error(std::string_view name, std::string_view doing,
                              std::string_view message) {
  std::string text;
  text.reserve(name.size() + doing.size() + message.size() + 4);
  text.append(name).append(": ").append(doing).append(": ").append(message);
  throw StorageError(text);
}

// SQLite would create a missing file with 0644 & ~umask; health data must not be readable by
// other users, and creating it ourselves with O_EXCL leaves no window where it is.
void create_private_file_if_missing(const std::filesystem::path& file) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
  if (fd >= 0) {
    ::close(fd);
    return;
  }
  const int error = errno;
  if (error == EEXIST) return;
  // TRANSLATORS: what the record was doing when it failed, in a storage error ("<file>:
  // creating the database file: <what went wrong>").
  throw_error(file.string(), core::tr("creating the database file"),
              std::generic_category().message(error));
}

sqlite3* open_handle(const std::string& name, int flags = SQLITE_OPEN_READWRITE,
                     const std::string& uri = {}) {
  // No SQLITE_OPEN_CREATE: a file has been created with the right mode by now, and if it
  // vanished we want an error, not a new file with SQLite's default mode.
  sqlite3* handle = nullptr;
  const int rc = sqlite3_open_v2(uri.empty() ? name.c_str() : uri.c_str(), &handle, flags, nullptr);
  if (rc != SQLITE_OK) {
    const std::string message = handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc);
    sqlite3_close_v2(handle);
    throw_error(name, core::tr("opening the database"), message);
  }
  return handle;
}

// A file: URI for `file` with every byte outside the unreserved set (and '/') percent-encoded,
// so that '?', '#' or '%' in a folder name cannot be read as URI syntax.
std::string file_uri(const std::filesystem::path& file, std::string_view query) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const std::string path = std::filesystem::absolute(file).string();
  std::string uri = "file:";
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
      uri += c;
    } else {
      uri += '%';
      uri += kHex[byte >> 4];
      uri += kHex[byte & 0x0F];
    }
  }
  uri.append("?").append(query);
  return uri;
}

void configure_read_only(Database& db) {
  sqlite3_busy_timeout(db.handle(), kBusyTimeoutMs);
  db.execute("SELECT count(*) FROM sqlite_master", core::tr("opening the database"));
}

void configure(Database& db) {
  sqlite3_busy_timeout(db.handle(), kBusyTimeoutMs);
  // Reading the schema is what makes SQLite look at the file; doing it first means a file that
  // is not a database fails here, before any pragma could write to it.
  db.execute("SELECT count(*) FROM sqlite_master", core::tr("opening the database"));
  // SQLite silently falls back to read-only for a write-protected file; saving would then fail
  // mid-session, so refuse it now.
  if (sqlite3_db_readonly(db.handle(), "main") == 1) {
    throw_error(db.name(), core::tr("opening the database"), core::tr("the file is read-only"));
  }
  // In WAL mode NORMAL never corrupts; a power cut may only lose the last few commits.
  db.execute("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON",
             core::tr("configuring the connection"));
}

}  // namespace

Database::Database(sqlite3* handle, std::string name) : handle_(handle), name_(std::move(name)) {}

Database Database::open_file(const std::filesystem::path& file) {
  create_private_file_if_missing(file);
  std::string name = file.string();
  sqlite3* handle = open_handle(name);
  Database db(handle, std::move(name));
  configure(db);
  return db;
}

Database Database::open_read_only(const std::filesystem::path& file) {
  std::string name = file.string();
  // Without a -wal file every committed page is in the main file and no connection is writing
  // through a WAL index. Immutable needs no -shm file and takes no locks, so a read-only folder
  // or a full disk cannot stop it. With a -wal file a writer may be live (or crashed): read
  // through the WAL as an ordinary reader so nothing it committed is missed.
  // A -journal is a rollback journal a crashed writer left, which a reader must see applied.
  std::error_code ec;
  const bool shared =
      std::filesystem::exists(name + "-wal", ec) || std::filesystem::exists(name + "-journal", ec);
  const std::string uri = file_uri(file, shared ? "mode=ro" : "immutable=1");
  sqlite3* handle = open_handle(name, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, uri);
  Database db(handle, std::move(name));
  configure_read_only(db);
  return db;
}

Database Database::open_in_memory() {
  Database db(open_handle(":memory:"), ":memory:");
  configure(db);
  return db;
}

Database::Database(Database&& other) noexcept
    : handle_(std::exchange(other.handle_, nullptr)), name_(std::move(other.name_)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    close();
    handle_ = std::exchange(other.handle_, nullptr);
    name_ = std::move(other.name_);
  }
  return *this;
}

Database::~Database() { close(); }

void Database::close() noexcept {
  // close_v2 defers the close until stray statements are finalized instead of failing.
  if (handle_) sqlite3_close_v2(handle_);
  handle_ = nullptr;
}

std::string Database::enable_wal() {
  const std::string doing = core::tr("switching to write-ahead logging");
  Statement pragma(*this, "PRAGMA journal_mode=WAL", doing);
  if (!pragma.step()) fail(doing);
  return pragma.column_text(0);
}

void Database::execute(std::string_view sql, std::string_view doing) {
  const std::string text(sql);  // sqlite3_exec wants a terminated string
  if (sqlite3_exec(handle_, text.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail(doing);
}

void Database::copy_into(Database& target, std::string_view doing) {
  sqlite3_backup* backup = sqlite3_backup_init(target.handle_, "main", handle_, "main");
  if (backup == nullptr) target.fail(doing);
  // One step copies every page under one read transaction: a consistent snapshot, and in WAL
  // mode the app's writers are not blocked while it runs.
  const int step_rc = sqlite3_backup_step(backup, -1);
  const int finish_rc = sqlite3_backup_finish(backup);
  if (step_rc != SQLITE_DONE || finish_rc != SQLITE_OK) {
    const int rc = step_rc != SQLITE_DONE ? step_rc : finish_rc;
    throw_error(name_, doing, sqlite3_errstr(rc));
  }
}

int Database::error_code() const { return sqlite3_errcode(handle_) & 0xFF; }

bool Database::read_only() const { return sqlite3_db_readonly(handle_, "main") == 1; }

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(handle_); }

std::int64_t Database::changes() const { return sqlite3_changes(handle_); }

void Database::fail(std::string_view doing) const {
  // SQLITE_CORRUPT (pages that do not add up) or SQLITE_NOTADB (no SQLite header where one must
  // be): the file is damaged, whatever was being done; it is said so, with what to do.
  if (const int code = sqlite3_errcode(handle_) & 0xFF;
      code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    throw_damaged(name_, std::string(doing) + ": " + sqlite3_errmsg(handle_));
  // SQLite says "database or disk is full", or for some writes only "disk I/O error" with
  // ENOSPC underneath; either way the person needs to hear that the disk is full.
  if (sqlite3_errcode(handle_) == SQLITE_FULL || sqlite3_system_errno(handle_) == ENOSPC) {
    throw DiskFull(name_ + ": " + std::string(doing) + ": " +
                   // TRANSLATORS: {error} is SQLite's own English words.
                   core::fill(core::tr("The disk is full: free some space so Unknot can save "
                                       "({error})"),
                              {{"error", sqlite3_errmsg(handle_)}}));
  }
  if ((sqlite3_errcode(handle_) & 0xFF) == SQLITE_READONLY ||
      sqlite3_system_errno(handle_) == EROFS) {
    throw ReadOnlyStorage(name_ + ": " + std::string(doing) + ": " +
                          core::fill(core::tr("The data folder cannot be written to (it is "
                                              "read-only) ({error})"),
                                     {{"error", sqlite3_errmsg(handle_)}}));
  }
  throw_error(name_, doing, sqlite3_errmsg(handle_));
}

Statement::Statement(Database& db, std::string_view sql, std::string doing)
    : db_(&db), doing_(std::move(doing)) {
  if (sql.size() >= static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    throw_error(db.name(), doing_, "SQL text too long");
  }
  const char* tail = nullptr;
  if (sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &handle_, &tail) !=
      SQLITE_OK) {
    db.fail(doing_);
  }
  // A second statement in the text would be silently ignored; that is always a bug.
  const std::string_view rest = sql.substr(static_cast<std::size_t>(tail - sql.data()));
  if (handle_ == nullptr || rest.find_first_not_of(" \t\r\n") != std::string_view::npos) {
    sqlite3_finalize(handle_);
    handle_ = nullptr;
    throw_error(db.name(), doing_, "SQL must hold exactly one statement");
  }
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_),
      handle_(std::exchange(other.handle_, nullptr)),
      doing_(std::move(other.doing_)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(handle_);
    db_ = other.db_;
    handle_ = std::exchange(other.handle_, nullptr);
    doing_ = std::move(other.doing_);
  }
  return *this;
}

Statement::~Statement() { sqlite3_finalize(handle_); }

void Statement::check_bind(int rc, int index) {
  if (rc == SQLITE_OK) return;
  db_->fail(doing_ + " (binding parameter " + std::to_string(index) + ")");
}

void Statement::bind(int index, std::int64_t value) {
  check_bind(sqlite3_bind_int64(handle_, index, value), index);
}

void Statement::bind(int index, int value) {
  check_bind(sqlite3_bind_int(handle_, index, value), index);
}

void Statement::bind(int index, double value) {
  check_bind(sqlite3_bind_double(handle_, index, value), index);
}

void Statement::bind(int index, std::string_view value) {
  // A default-constructed view has a null data(), which SQLite would store as NULL, not ''.
  const char* data = value.data() ? value.data() : "";
  check_bind(sqlite3_bind_text64(handle_, index, data, value.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
             index);
}

void Statement::bind(int index, std::nullopt_t) {
  check_bind(sqlite3_bind_null(handle_, index), index);
}

bool Statement::step() {
  const int rc = sqlite3_step(handle_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_->fail(doing_);
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() {
  // reset() repeats the error of a failed step(), which step() has already thrown.
  sqlite3_reset(handle_);
  sqlite3_clear_bindings(handle_);
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(handle_, column) == SQLITE_NULL;
}

void Statement::fail_column(int column, std::string_view problem) const {
  const char* column_name = sqlite3_column_name(handle_, column);
  throw_error(
      db_->name(), doing_,
      core::fill(problem, {{"column", column_name ? column_name : std::to_string(column)}}));
}

void Statement::require_not_null(int column) const {
  // TRANSLATORS: a storage error about a damaged record: {column} is a column's name.
  if (is_null(column)) fail_column(column, core::tr("column {column} is NULL"));
}

std::int64_t Statement::column_int64(int column) const {
  require_not_null(column);
  return sqlite3_column_int64(handle_, column);
}

int Statement::column_int(int column) const {
  const std::int64_t value = column_int64(column);
  if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max()) {
    fail_column(column, core::tr("column {column} does not fit in an int"));
  }
  return static_cast<int>(value);
}

double Statement::column_double(int column) const {
  require_not_null(column);
  return sqlite3_column_double(handle_, column);
}

std::string Statement::column_text(int column) const {
  require_not_null(column);
  // SQLite's rule: fetch the text first, then its length.
  const unsigned char* text = sqlite3_column_text(handle_, column);
  if (text == nullptr) db_->fail(doing_);  // out of memory converting to text
  const int bytes = sqlite3_column_bytes(handle_, column);
  return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(bytes));
}

std::optional<std::int64_t> Statement::column_optional_int64(int column) const {
  if (is_null(column)) return std::nullopt;
  return column_int64(column);
}

std::optional<int> Statement::column_optional_int(int column) const {
  if (is_null(column)) return std::nullopt;
  return column_int(column);
}

std::optional<double> Statement::column_optional_double(int column) const {
  if (is_null(column)) return std::nullopt;
  return column_double(column);
}

std::optional<std::string> Statement::column_optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return column_text(column);
}

// IMMEDIATE takes the write lock up front: a deferred transaction that later tries to write
// can fail with SQLITE_BUSY without the busy timeout ever being consulted.
Transaction::Transaction(Database& db, std::string doing) : db_(db), doing_(std::move(doing)) {
  db_.execute("BEGIN IMMEDIATE", doing_);
}

Transaction::~Transaction() {
  // Some errors (disk full, I/O) already rolled back; a second ROLLBACK would only fail.
  if (open_ && sqlite3_get_autocommit(db_.handle()) == 0) {
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

void Transaction::commit() {
  db_.execute("COMMIT", doing_);
  open_ = false;
}

ReadSnapshot::ReadSnapshot(Database& db, std::string_view doing) : db_(db) {
  db_.execute("BEGIN DEFERRED", doing);
}

ReadSnapshot::~ReadSnapshot() {
  // Ending a read-only transaction cannot lose anything; a failure here has nothing to report.
  if (sqlite3_get_autocommit(db_.handle()) == 0) {
    sqlite3_exec(db_.handle(), "COMMIT", nullptr, nullptr, nullptr);
  }
}

}  // namespace unknot::storage
