// A stand-in for a full disk that goes through SQLite's real write path: while it is full, every
// write SQLite makes (database, journal or WAL) fails as a disk out of space does (SQLITE_FULL).
// It wraps the default VFS for the life of the object; databases opened meanwhile use it.
#pragma once

namespace unknot::testing {

class FullDisk {
 public:
  FullDisk();  // installs the wrapping VFS as SQLite's default; the disk starts with room
  ~FullDisk();
  FullDisk(const FullDisk&) = delete;
  FullDisk& operator=(const FullDisk&) = delete;

  void fill();  // from now on writes fail for lack of space
  void free();  // room again
  bool full() const;
  int writes_refused() const;  // since construction
};

}  // namespace unknot::testing
