#include "atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace unknot::platform {
namespace {

// Outputs are regular files or new names. Renaming over a device, a FIFO or a socket would
// replace it (as root, /dev/full itself); a folder cannot be replaced. A symbolic link is
// replaced, not followed, like any file.
void refuse_special_target(const std::filesystem::path& target) {
  struct stat st {};
  if (::lstat(target.c_str(), &st) != 0 || S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)) return;
  std::string kind = "is not a regular file";
  if (S_ISDIR(st.st_mode)) kind = "is a folder";
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) kind = "is a device, not a file";
  if (S_ISFIFO(st.st_mode)) kind = "is a pipe (FIFO), not a file";
  if (S_ISSOCK(st.st_mode)) kind = "is a socket, not a file";
  throw AtomicFileError(target, kind + "; give the name of a new or a regular file");
}

}  // namespace

// Temporary files of this target left by a process that no longer runs (killed mid-write):
// ".<name>.tmp-<pid>-<n>" whose <pid> is gone. Never another live writer's.
static void remove_stale_temps(const std::filesystem::path& target) {
  const std::string prefix = "." + target.filename().string() + ".tmp-";
  std::error_code ec;
  const auto folder =
      target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(prefix)) continue;
    const std::string rest = name.substr(prefix.size());
    const std::size_t dash = rest.find('-');
    if (dash == 0 || dash == std::string::npos ||
        rest.find_first_not_of("0123456789-") != std::string::npos)
      continue;
    const long pid = std::strtol(rest.substr(0, dash).c_str(), nullptr, 10);
    if (pid <= 0 || pid == ::getpid()) continue;
    if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
      std::error_code ignored;
      std::filesystem::remove(entry.path(), ignored);
    }
  }
}

AtomicFile::AtomicFile(std::filesystem::path target, unsigned mode) : target_(std::move(target)) {
  refuse_special_target(target_);
  static std::atomic<unsigned> counter{0};
  // Hidden and beside the target, so the rename stays on one file system; unique per process
  // and call, and O_EXCL never reuses anything already there. Appended piece by piece: GCC 12
  // misreports a chain of string + as overlapping copies.
  std::string name = ".";
  name += target_.filename().string();
  name += ".tmp-";
  name += std::to_string(::getpid());
  name += '-';
  name += std::to_string(counter++);
  temp_ = target_.parent_path() / name;
  remove_stale_temps(target_);
  fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, static_cast<mode_t>(mode));
  if (fd_ < 0)
    throw AtomicFileError(target_, std::string("cannot create: ") + std::strerror(errno));
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_) ::unlink(temp_.c_str());
}

void AtomicFile::write(const void* data, std::size_t size) {
  const auto* bytes = static_cast<const unsigned char*>(data);
  while (size > 0) {
    const ::ssize_t n = ::write(fd_, bytes, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0)
      throw AtomicFileError(target_, std::string("cannot write: ") + std::strerror(errno));
    bytes += n;
    size -= static_cast<std::size_t>(n);
  }
}

void AtomicFile::write_at(std::uint64_t offset, const void* data, std::size_t size) {
  const auto* bytes = static_cast<const unsigned char*>(data);
  while (size > 0) {
    const ::ssize_t n = ::pwrite(fd_, bytes, size, static_cast<::off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0)
      throw AtomicFileError(target_, std::string("cannot write: ") + std::strerror(errno));
    bytes += n;
    offset += static_cast<std::uint64_t>(n);
    size -= static_cast<std::size_t>(n);
  }
}

void AtomicFile::commit() {
  // Checked again: something may have been made at the target while the file was written.
  refuse_special_target(target_);
  // On the disk before the rename, so a crash right after cannot leave an empty file in place.
  if (::fsync(fd_) != 0)
    throw AtomicFileError(target_, std::string("cannot write: ") + std::strerror(errno));
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0)
    throw AtomicFileError(target_, std::string("cannot write: ") + std::strerror(errno));
  if (::rename(temp_.c_str(), target_.c_str()) != 0) {
    throw AtomicFileError(target_, std::string("cannot replace: ") + std::strerror(errno));
  }
  committed_ = true;
}

}  // namespace unknot::platform
