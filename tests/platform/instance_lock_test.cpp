#include "desktop/instance_lock.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace unknot::platform {
namespace {

struct Folder {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("unknot-lock-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter()));
  Folder() { std::filesystem::create_directories(path); }
  ~Folder() { std::filesystem::remove_all(path); }
  static int& counter() {
    static int n = 0;
    return n;
  }
};

}  // namespace

TEST_CASE("a second lock on the same data folder is refused while the first is held") {
  Folder folder;
  auto first = InstanceLock::try_acquire(folder.path);
  REQUIRE(first.has_value());
  CHECK_FALSE(InstanceLock::try_acquire(folder.path).has_value());
  first.reset();
  CHECK(InstanceLock::try_acquire(folder.path).has_value());
}

TEST_CASE("locks on different data folders do not conflict") {
  Folder a, b;
  auto lock_a = InstanceLock::try_acquire(a.path);
  auto lock_b = InstanceLock::try_acquire(b.path);
  CHECK(lock_a.has_value());
  CHECK(lock_b.has_value());
}

TEST_CASE("a lock released cleanly is not reported unclean, one left marked running is") {
  Folder folder;
  {
    auto lock = InstanceLock::try_acquire(folder.path);
    REQUIRE(lock.has_value());
    CHECK_FALSE(lock->previous_run_unclean());
  }
  CHECK_FALSE(InstanceLock::try_acquire(folder.path)->previous_run_unclean());
  // What a crashed holder leaves: the marker written while it ran, and no flock.
  std::ofstream(folder.path / kLockFileName) << "running\n";
  auto after_crash = InstanceLock::try_acquire(folder.path);
  REQUIRE(after_crash.has_value());
  CHECK(after_crash->previous_run_unclean());
}

TEST_CASE("the lock file is private to its owner") {
  Folder folder;
  auto lock = InstanceLock::try_acquire(folder.path);
  REQUIRE(lock.has_value());
  const auto perms = std::filesystem::status(lock->file()).permissions();
  CHECK((perms & (std::filesystem::perms::group_all | std::filesystem::perms::others_all)) ==
        std::filesystem::perms::none);
}

}  // namespace unknot::platform
