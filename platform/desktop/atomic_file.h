// Writing a file so that it appears complete or not at all: bytes go to a hidden temporary file
// beside the target, which commit() renames over it. Used for exports and renders. POSIX.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace unknot::platform {

// "<target>: cannot write: No space left on device"; reason() is the part after the colon.
class AtomicFileError : public std::runtime_error {
 public:
  AtomicFileError(const std::filesystem::path& target, std::string reason)
      : std::runtime_error(target.string() + ": " + reason), reason_(std::move(reason)) {}
  const std::string& reason() const { return reason_; }

 private:
  std::string reason_;
};

class AtomicFile {
 public:
  // Creates the temporary file with `mode` less the umask: by default 0600, readable by the user
  // only, since what Unknot writes is mostly health data. Throws AtomicFileError naming the
  // target.
  explicit AtomicFile(std::filesystem::path target, unsigned mode = 0600);
  // Removes the temporary file unless commit() succeeded; an existing target stays as it was.
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(const void* data, std::size_t size);
  void write(std::string_view bytes) { write(bytes.data(), bytes.size()); }
  // Overwrites bytes already written, at `offset` from the start (for a header whose contents
  // are known only at the end); write() still appends after the end.
  void write_at(std::uint64_t offset, const void* data, std::size_t size);
  // Closes and renames into place. Throws AtomicFileError; the target is then untouched.
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path temp_;
  int fd_ = -1;
  bool committed_ = false;
};

}  // namespace unknot::platform
