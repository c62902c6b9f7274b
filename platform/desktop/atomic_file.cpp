#include "atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

namespace unknot::platform {

AtomicFile::AtomicFile(std::filesystem::path target, unsigned mode) : target_(std::move(target)) {
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
  fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, static_cast<mode_t>(mode));
  if (fd_ < 0) throw AtomicFileError(target_, std::string("cannot create: ") + std::strerror(errno));
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
    if (n <= 0) throw AtomicFileError(target_, std::string("cannot write: ") + std::strerror(errno));
    bytes += n;
    size -= static_cast<std::size_t>(n);
  }
}

void AtomicFile::commit() {
  // On the disk before the rename, so a crash right after cannot leave an empty file in place.
  if (::fsync(fd_) != 0) throw AtomicFileError(target_, std::string("cannot write: ") + std::strerror(errno));
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) throw AtomicFileError(target_, std::string("cannot write: ") + std::strerror(errno));
  if (::rename(temp_.c_str(), target_.c_str()) != 0) {
    throw AtomicFileError(target_, std::string("cannot replace: ") + std::strerror(errno));
  }
  committed_ = true;
}

}  // namespace unknot::platform
