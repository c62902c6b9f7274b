// Reading a file a person names (a routine, a homework file, an asset) with bounded work: only
// regular files, refused before reading when too large, never blocking on a FIFO or device. POSIX.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace unknot::platform {

struct InputFile {
  std::optional<std::string> text;  // the whole file, when it could be read
  // Otherwise why not, as a clause to follow "<path>: ": "it is a folder, not a file", "there
  // is no such file", "it is 4.2 MB (4404019 bytes); the most a routine file may be is 1 MiB".
  std::string problem;
  std::uintmax_t size = 0;  // the file's size as the system reports it, when it was found
};

// Reads `file` when it is a regular file of at most `max_bytes` bytes. `what` names the kind of
// file in the size message ("a routine file"). A FIFO, device, socket or folder is refused at
// once, without waiting for a writer; at most max_bytes + 1 bytes are ever read, even from a file
// that grows while it is read. Never throws std::system_error; may throw std::bad_alloc.
InputFile read_input_file(const std::filesystem::path& file, std::uintmax_t max_bytes,
                          std::string_view what);

}  // namespace unknot::platform
