// Files a person names: read only when regular and small enough, written only as regular files
// or new names.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "desktop/atomic_file.h"
#include "desktop/input_file.h"

namespace unknot::platform {
namespace {

namespace fs = std::filesystem;

// A fresh folder under the temp directory, removed with what it holds.
class Folder {
 public:
  Folder() {
    std::random_device entropy;
    path_ = fs::temp_directory_path() /
            ("unknot-io-test-" + std::to_string(entropy()) + "-" + std::to_string(entropy()));
    fs::create_directory(path_);
  }
  ~Folder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  Folder(const Folder&) = delete;
  Folder& operator=(const Folder&) = delete;
  fs::path operator/(const std::string& name) const { return path_ / name; }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void write(const fs::path& file, const std::string& text) {
  std::ofstream(file, std::ios::binary) << text;
}

std::size_t entries(const fs::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace

TEST_CASE("a regular file within the limit is read whole") {
  Folder dir;
  write(dir / "a.json", "{\"a\": 1}");
  const InputFile in = read_input_file(dir / "a.json", 100, "a routine file");
  REQUIRE(in.text);
  CHECK(*in.text == "{\"a\": 1}");
  CHECK(in.size == 8);
  write(dir / "empty.json", "");
  const InputFile empty = read_input_file(dir / "empty.json", 100, "a routine file");
  REQUIRE(empty.text);
  CHECK(empty.text->empty());
}

TEST_CASE("a file over the limit is refused with its real size, not the limit plus one") {
  Folder dir;
  write(dir / "big.json", std::string(2500, 'x'));
  const InputFile in = read_input_file(dir / "big.json", 1000, "a routine file");
  CHECK_FALSE(in.text);
  CHECK(in.size == 2500);
  CHECK(in.problem == "it is 2.5 kB (2500 bytes); the most a routine file may be is 1000 bytes");
  write(dir / "edge.json", std::string(1000, 'x'));
  CHECK(read_input_file(dir / "edge.json", 1000, "a routine file").text);
}

TEST_CASE("a FIFO is refused at once, without waiting for a writer") {
  Folder dir;
  const fs::path fifo = dir / "pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // Without O_NONBLOCK the open would wait for a writer that never comes: the test would hang.
  const InputFile in = read_input_file(fifo, 1000, "a routine file");
  CHECK_FALSE(in.text);
  CHECK(in.problem == "it is a pipe (FIFO), not a file; Unknot reads only regular files");
}

TEST_CASE("a folder, a device and a missing file are refused with what they are") {
  Folder dir;
  CHECK(read_input_file(dir.path(), 1000, "a routine file").problem ==
        "it is a folder, not a file");
  CHECK(read_input_file("/dev/zero", 1000, "a routine file").problem ==
        "it is a device, not a file; Unknot reads only regular files");
  CHECK(read_input_file(dir / "none", 1000, "a routine file").problem == "there is no such file");
}

TEST_CASE("the atomic writer refuses a character device as its target and leaves it alone") {
  struct stat before {};
  REQUIRE(::stat("/dev/null", &before) == 0);
  CHECK_THROWS_WITH_AS(AtomicFile("/dev/null"),
                       "/dev/null: is a device, not a file; give the name of a new or a regular "
                       "file",
                       AtomicFileError);
  struct stat after {};
  REQUIRE(::stat("/dev/null", &after) == 0);
  CHECK(S_ISCHR(after.st_mode));
  CHECK(after.st_ino == before.st_ino);
  CHECK(after.st_rdev == before.st_rdev);
}

TEST_CASE("the atomic writer refuses a FIFO or a folder as its target and leaves nothing behind") {
  Folder dir;
  const fs::path fifo = dir / "out.csv";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  fs::create_directory(dir / "sub");
  CHECK_THROWS_AS(AtomicFile{fifo}, AtomicFileError);
  CHECK_THROWS_AS(AtomicFile{dir / "sub"}, AtomicFileError);
  CHECK(fs::is_fifo(fifo));
  CHECK(fs::is_directory(dir / "sub"));
  CHECK(entries(dir.path()) == 2);
}

TEST_CASE("a FIFO made at the target while the file is written is refused at commit") {
  Folder dir;
  const fs::path target = dir / "out.csv";
  AtomicFile file(target);
  file.write("data");
  REQUIRE(::mkfifo(target.c_str(), 0600) == 0);
  CHECK_THROWS_AS(file.commit(), AtomicFileError);
  CHECK(fs::is_fifo(target));
}

TEST_CASE("the atomic writer still replaces a regular file and a symbolic link") {
  Folder dir;
  write(dir / "old.csv", "old");
  AtomicFile file(dir / "old.csv");
  file.write("new");
  file.commit();
  std::ifstream in(dir / "old.csv");
  std::string text;
  std::getline(in, text);
  CHECK(text == "new");

  write(dir / "real.csv", "kept");
  fs::create_symlink(dir / "real.csv", dir / "link.csv");
  AtomicFile through(dir / "link.csv");
  through.write("replaced");
  through.commit();
  CHECK_FALSE(fs::is_symlink(dir / "link.csv"));
  std::ifstream real(dir / "real.csv");
  std::getline(real, text);
  CHECK(text == "kept");
}

}  // namespace unknot::platform

namespace unknot::platform {

TEST_CASE(
    "a temporary file left by a killed writer is cleared by the next write, a live one kept") {
  Folder folder;
  // A process that has ended: its pid is free (and not reused this soon).
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  REQUIRE(child > 0);
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  const fs::path stale = folder / (".out.csv.tmp-" + std::to_string(child) + "-0");
  const fs::path live = folder / (".out.csv.tmp-" + std::to_string(::getppid()) + "-3");
  const fs::path other = folder / ".other.csv.tmp-1-0";
  write(stale, "half an export");
  write(live, "being written");
  write(other, "not this target's");

  AtomicFile file(folder / "out.csv");
  file.write("a,b\n");
  file.commit();
  CHECK_FALSE(fs::exists(stale));
  CHECK(fs::exists(live));
  CHECK(fs::exists(other));
  CHECK(fs::exists(folder / "out.csv"));
}

}  // namespace unknot::platform

namespace unknot::platform {

TEST_CASE("the atomic writer overwrites bytes already written in place, and appends after them") {
  Folder dir;
  AtomicFile file(dir / "a.bin");
  file.write("header: ????, then the body");
  file.write_at(8, "1234", 4);  // a length known only at the end
  file.write(", and more");
  file.commit();
  std::ifstream in(dir / "a.bin", std::ios::binary);
  const std::string text(std::istreambuf_iterator<char>(in), {});
  CHECK(text == "header: 1234, then the body, and more");
  CHECK_THROWS_AS(file.write_at(0, "x", 1), AtomicFileError);  // closed by commit()
}

}  // namespace unknot::platform
