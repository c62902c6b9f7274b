// Storage that fails as a real disk does, through SQLite's own write path: while the disk is
// "full" every write SQLite makes (database, journal or WAL) fails with SQLITE_FULL, and while it
// is "read-only" with SQLITE_READONLY. It wraps the default VFS for the life of the object;
// databases opened meanwhile use it.
#pragma once

namespace unknot::testing {

class StorageFaults {
 public:
  StorageFaults();  // installs the wrapping VFS as SQLite's default; writes work at first
  ~StorageFaults();
  StorageFaults(const StorageFaults&) = delete;
  StorageFaults& operator=(const StorageFaults&) = delete;

  void fill_disk();            // from now on writes fail for lack of space
  void make_read_only();       // from now on writes fail as on a read-only disk
  void clear();                // writes work again
  int writes_refused() const;  // since construction
};

}  // namespace unknot::testing
