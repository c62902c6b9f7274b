#include "input_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/input_text.h"

namespace unknot::platform {
namespace {

// Closes the descriptor on every return.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string kind_problem(mode_t mode) {
  if (S_ISDIR(mode)) return "it is a folder, not a file";
  if (S_ISFIFO(mode)) return "it is a pipe (FIFO), not a file; Unknot reads only regular files";
  if (S_ISCHR(mode) || S_ISBLK(mode))
    return "it is a device, not a file; Unknot reads only regular files";
  if (S_ISSOCK(mode)) return "it is a socket, not a file; Unknot reads only regular files";
  return "it is not a regular file; Unknot reads only regular files";
}

}  // namespace

InputFile read_input_file(const std::filesystem::path& file, std::uintmax_t max_bytes,
                          std::string_view what) {
  InputFile out;
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever if none
  // comes. It changes nothing for the regular files that are read afterwards.
  const Fd fd(::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) {
    out.problem = errno == ENOENT ? std::string("there is no such file")
                                  : std::string("cannot open it: ") + std::strerror(errno);
    return out;
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    out.problem = std::string("cannot read it: ") + std::strerror(errno);
    return out;
  }
  if (!S_ISREG(st.st_mode)) {
    out.problem = kind_problem(st.st_mode);
    return out;
  }
  out.size = static_cast<std::uintmax_t>(st.st_size);
  if (out.size > max_bytes) {
    out.problem = "it " + core::too_large_text(out.size, what, max_bytes);
    return out;
  }
  std::string text(static_cast<std::size_t>(out.size) + 1, '\0');
  std::size_t used = 0;
  for (;;) {
    if (used == text.size()) {
      // The file grew after fstat: read on, but never past the limit plus one byte.
      if (text.size() > max_bytes) break;
      text.resize(static_cast<std::size_t>(
          std::min<std::uintmax_t>(max_bytes + 1, std::max<std::size_t>(text.size() * 2, 4096))));
    }
    const ::ssize_t n = ::read(fd.get(), text.data() + used, text.size() - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      out.problem = std::string("cannot read it: ") + std::strerror(errno);
      return out;
    }
    if (n == 0) break;
    used += static_cast<std::size_t>(n);
  }
  if (used > max_bytes) {
    out.problem = "it grew past " + core::limit_text(max_bytes) + " while it was read; the most " +
                  std::string(what) + " may be is " + core::limit_text(max_bytes);
    return out;
  }
  text.resize(used);
  out.text = std::move(text);
  return out;
}

}  // namespace unknot::platform
