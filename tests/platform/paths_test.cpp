#include "desktop/paths.h"

#include <doctest/doctest.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace unknot::platform {
namespace fs = std::filesystem;

TEST_CASE("the data folder follows XDG rules, ignores an empty XDG_DATA_HOME, and is private") {
  const fs::path home = fs::temp_directory_path() / ("unknot-home-" + std::to_string(::getpid()));
  fs::remove_all(home);
  fs::create_directories(home);
  ::setenv("HOME", home.c_str(), 1);
  ::setenv("XDG_DATA_HOME", "", 1);
  const fs::path dir = default_data_dir();
  CHECK(fs::equivalent(dir, home / ".local" / "share" / "unknot"));
  CHECK((fs::status(dir).permissions() & fs::perms::all) == fs::perms::owner_all);
  fs::remove_all(home);
}

TEST_CASE("a data folder given on the command line is created and made private") {
  const fs::path base = fs::temp_directory_path() / ("unknot-dir-" + std::to_string(::getpid()));
  fs::remove_all(base);
  ensure_private_dir(base / "a" / "b");
  CHECK(fs::is_directory(base / "a" / "b"));
  CHECK((fs::status(base / "a" / "b").permissions() & fs::perms::all) == fs::perms::owner_all);
  fs::remove_all(base);
}

TEST_CASE("making the data folder private takes rights from others, never gives any back") {
  const fs::path base = fs::temp_directory_path() / ("unknot-mode-" + std::to_string(::getpid()));
  fs::remove_all(base);
  fs::create_directories(base);
  fs::permissions(base, fs::perms::owner_all | fs::perms::group_read | fs::perms::others_exec);
  ensure_private_dir(base);
  CHECK((fs::status(base).permissions() & fs::perms::all) == fs::perms::owner_all);
  // A folder the person made read-only stays so.
  fs::permissions(base, fs::perms::owner_read | fs::perms::owner_exec);
  ensure_private_dir(base);
  CHECK((fs::status(base).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_exec));
  fs::permissions(base, fs::perms::owner_all);
  fs::remove_all(base);
}

TEST_CASE("a data folder that cannot be created is refused with its name") {
  const fs::path file = fs::temp_directory_path() / ("unknot-file-" + std::to_string(::getpid()));
  if (std::FILE* f = std::fopen(file.c_str(), "w")) std::fclose(f);
  std::string message;
  try {
    ensure_private_dir(file / "sub");
  } catch (const std::runtime_error& e) {
    message = e.what();
  }
  CHECK(message.find(file.string()) != std::string::npos);
  fs::remove(file);
}

}  // namespace unknot::platform
