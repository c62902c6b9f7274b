// Notes on behaviour the header leaves open:
// - The file holds "running" while locked and is emptied on a clean release. flock vanishes
//   with the process however it ends, so the text is what tells a crash from a clean exit.
// - The file is never deleted: unlinking a lock file lets a third process lock a new inode
//   while the second still holds the old one.
#include "desktop/instance_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <system_error>
#include <utility>

namespace unknot::platform {
namespace {

constexpr std::string_view kRunning = "running\n";

[[noreturn]] void fail(const std::filesystem::path& file, std::string_view doing, int error) {
  throw std::runtime_error(file.string() + ": " + std::string(doing) + ": " +
                           std::generic_category().message(error));
}

}  // namespace

InstanceLock::InstanceLock(int fd, std::filesystem::path file, bool previous_unclean)
    : fd_(fd), file_(std::move(file)), previous_unclean_(previous_unclean) {}

std::optional<InstanceLock> InstanceLock::try_acquire(const std::filesystem::path& dir) {
  std::filesystem::path file = dir / kLockFileName;
  const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, S_IRUSR | S_IWUSR);
  if (fd < 0) fail(file, "opening the lock file", errno);
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    ::close(fd);
    if (error == EWOULDBLOCK) return std::nullopt;
    fail(file, "locking", error);
  }
  char head[16] = {};
  const ssize_t got = ::pread(fd, head, sizeof head, 0);
  const bool unclean = got > 0 && std::string_view(head, static_cast<std::size_t>(got))
                                      .starts_with(kRunning.substr(0, kRunning.size() - 1));
  // A full disk may refuse even these few bytes; the lock itself still holds, and the only
  // loss is that a later crash would be checked less thoroughly.
  if (::ftruncate(fd, 0) == 0) {
    [[maybe_unused]] const ssize_t put = ::pwrite(fd, kRunning.data(), kRunning.size(), 0);
  }
  return InstanceLock(fd, std::move(file), unclean);
}

InstanceLock::InstanceLock(InstanceLock&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      file_(std::move(other.file_)),
      previous_unclean_(other.previous_unclean_) {}

InstanceLock& InstanceLock::operator=(InstanceLock&& other) noexcept {
  if (this != &other) {
    release();
    fd_ = std::exchange(other.fd_, -1);
    file_ = std::move(other.file_);
    previous_unclean_ = other.previous_unclean_;
  }
  return *this;
}

InstanceLock::~InstanceLock() { release(); }

void InstanceLock::release() noexcept {
  if (fd_ < 0) return;
  [[maybe_unused]] const int truncated = ::ftruncate(fd_, 0);
  ::close(fd_);  // closing the last descriptor of the description drops the flock
  fd_ = -1;
}

}  // namespace unknot::platform
