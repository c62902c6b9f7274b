// One Unknot per data folder: a lock file held with flock(LOCK_EX | LOCK_NB) for as long as the
// app (or a CLI command that writes) runs, which also remembers whether the last holder ended
// cleanly. POSIX only; depends on std.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>

namespace unknot::platform {

// The lock file's name inside the data folder.
inline constexpr const char* kLockFileName = "unknot.lock";

class InstanceLock {
 public:
  // Takes `<dir>/unknot.lock` (created 0600), or returns nullopt when another holder has it:
  // another process, or another open of the same file in this process (flock locks belong to
  // an open file description). Throws std::runtime_error naming the file if it cannot be
  // opened at all. The folder must exist.
  static std::optional<InstanceLock> try_acquire(const std::filesystem::path& dir);

  InstanceLock(InstanceLock&& other) noexcept;
  InstanceLock& operator=(InstanceLock&& other) noexcept;
  InstanceLock(const InstanceLock&) = delete;
  InstanceLock& operator=(const InstanceLock&) = delete;
  // Marks the end as clean and releases the lock.
  ~InstanceLock();

  // True when the previous holder never released the lock cleanly (it crashed, was killed or
  // lost power): its database deserves a full integrity check.
  bool previous_run_unclean() const { return previous_unclean_; }
  const std::filesystem::path& file() const { return file_; }

 private:
  InstanceLock(int fd, std::filesystem::path file, bool previous_unclean);
  void release() noexcept;

  int fd_ = -1;
  std::filesystem::path file_;
  bool previous_unclean_ = false;
};

}  // namespace unknot::platform
