#include "support/storage_faults.h"

#include <sqlite3.h>

#include <stdexcept>

namespace unknot::testing {
namespace {

sqlite3_vfs* g_real = nullptr;  // the VFS wrapped
sqlite3_vfs g_vfs{};
sqlite3_io_methods g_methods{};
int g_failure = SQLITE_OK;  // what a write answers now
int g_refused = 0;

// Each open file: ours first, the real VFS's file right after it.
struct File {
  sqlite3_file base;
  sqlite3_file* real;
};

sqlite3_file* real(sqlite3_file* f) { return reinterpret_cast<File*>(f)->real; }

int x_close(sqlite3_file* f) { return real(f)->pMethods->xClose(real(f)); }
int x_read(sqlite3_file* f, void* buffer, int amount, sqlite3_int64 offset) {
  return real(f)->pMethods->xRead(real(f), buffer, amount, offset);
}
int x_write(sqlite3_file* f, const void* buffer, int amount, sqlite3_int64 offset) {
  if (g_failure != SQLITE_OK) {
    ++g_refused;
    return g_failure;
  }
  return real(f)->pMethods->xWrite(real(f), buffer, amount, offset);
}
int x_truncate(sqlite3_file* f, sqlite3_int64 size) {
  return real(f)->pMethods->xTruncate(real(f), size);
}
int x_sync(sqlite3_file* f, int flags) { return real(f)->pMethods->xSync(real(f), flags); }
int x_file_size(sqlite3_file* f, sqlite3_int64* size) {
  return real(f)->pMethods->xFileSize(real(f), size);
}
int x_lock(sqlite3_file* f, int level) { return real(f)->pMethods->xLock(real(f), level); }
int x_unlock(sqlite3_file* f, int level) { return real(f)->pMethods->xUnlock(real(f), level); }
int x_check_reserved_lock(sqlite3_file* f, int* out) {
  return real(f)->pMethods->xCheckReservedLock(real(f), out);
}
int x_file_control(sqlite3_file* f, int op, void* arg) {
  return real(f)->pMethods->xFileControl(real(f), op, arg);
}
int x_sector_size(sqlite3_file* f) { return real(f)->pMethods->xSectorSize(real(f)); }
int x_device_characteristics(sqlite3_file* f) {
  return real(f)->pMethods->xDeviceCharacteristics(real(f));
}
int x_shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
  // Growing the WAL index takes space too.
  if (g_failure != SQLITE_OK && extend) {
    ++g_refused;
    return g_failure;
  }
  return real(f)->pMethods->xShmMap(real(f), page, size, extend, out);
}
int x_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
  return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
}
void x_shm_barrier(sqlite3_file* f) { real(f)->pMethods->xShmBarrier(real(f)); }
int x_shm_unmap(sqlite3_file* f, int remove) {
  return real(f)->pMethods->xShmUnmap(real(f), remove);
}
int x_fetch(sqlite3_file* f, sqlite3_int64 offset, int amount, void** out) {
  return real(f)->pMethods->xFetch(real(f), offset, amount, out);
}
int x_unfetch(sqlite3_file* f, sqlite3_int64 offset, void* page) {
  return real(f)->pMethods->xUnfetch(real(f), offset, page);
}

int x_open(sqlite3_vfs*, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  auto* file = reinterpret_cast<File*>(f);
  file->real = reinterpret_cast<sqlite3_file*>(file + 1);
  const int rc = g_real->xOpen(g_real, name, file->real, flags, out_flags);
  // SQLite calls xClose only on a file whose pMethods is set.
  file->base.pMethods = file->real->pMethods ? &g_methods : nullptr;
  if (file->real->pMethods && g_methods.iVersion > file->real->pMethods->iVersion)
    g_methods.iVersion = file->real->pMethods->iVersion;
  return rc;
}

}  // namespace

StorageFaults::StorageFaults() {
  if (g_real) throw std::logic_error("one StorageFaults at a time");
  g_real = sqlite3_vfs_find(nullptr);
  g_vfs = *g_real;
  g_vfs.zName = "unknot-storage-faults";
  g_vfs.szOsFile = static_cast<int>(sizeof(File)) + g_real->szOsFile;
  g_vfs.xOpen = x_open;
  g_methods = {3,
               x_close,
               x_read,
               x_write,
               x_truncate,
               x_sync,
               x_file_size,
               x_lock,
               x_unlock,
               x_check_reserved_lock,
               x_file_control,
               x_sector_size,
               x_device_characteristics,
               x_shm_map,
               x_shm_lock,
               x_shm_barrier,
               x_shm_unmap,
               x_fetch,
               x_unfetch};
  g_failure = SQLITE_OK;
  g_refused = 0;
  sqlite3_vfs_register(&g_vfs, 1);
}

StorageFaults::~StorageFaults() {
  sqlite3_vfs_unregister(&g_vfs);
  sqlite3_vfs_register(g_real, 1);
  g_real = nullptr;
  g_failure = SQLITE_OK;
}

void StorageFaults::fill_disk() { g_failure = SQLITE_FULL; }
void StorageFaults::make_read_only() { g_failure = SQLITE_READONLY; }
void StorageFaults::clear() { g_failure = SQLITE_OK; }
int StorageFaults::writes_refused() const { return g_refused; }

}  // namespace unknot::testing
