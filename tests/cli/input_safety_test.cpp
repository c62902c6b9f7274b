// What the CLI does with hostile input: special files refused at once, sizes and encodings
// explained, long names cut, and every path or piece of file text escaped for the terminal.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/export_csv.h"
#include "cli/homework_commands.h"
#include "storage/session_store.h"
#include "storage/temp_dir.h"

namespace unknot::cli {
namespace {

namespace fs = std::filesystem;
using storage::testing::TempDir;

const fs::path kAssets = fs::path(UNKNOT_TEST_DATA_DIR) / ".." / ".." / "assets";

struct Run {
  int code = 0;
  std::string out;
  std::string err;
};

Run check(const fs::path& file) {
  CheckOptions options;
  options.file = file;
  options.assets_dir = kAssets;
  std::ostringstream out, err;
  Run run;
  run.code = run_check(options, out, err);
  run.out = out.str();
  run.err = err.str();
  return run;
}

Run import(const fs::path& file, const fs::path& data_dir) {
  ImportOptions options;
  options.file = file;
  options.data_dir = data_dir;
  options.assets_dir = kAssets;
  std::ostringstream out, err;
  Run run;
  run.code = run_import(options, out, err);
  run.out = out.str();
  run.err = err.str();
  return run;
}

void write(const fs::path& file, const std::string& text) {
  std::ofstream(file, std::ios::binary) << text;
}

bool has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

bool has_control(const std::string& text) {
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if ((b < 0x20 && c != '\n') || b == 0x7F) return true;
  }
  return false;
}

// A breathing routine with one more member in its step, named `name` as written in JSON.
std::string routine_with_member(const std::string& json_name) {
  return "{\"format_version\": 1, \"id\": \"r\", \"title\": \"T\", \"steps\": [{\"type\": "
         "\"breathing\", \"title\": \"B\", \"pattern\": \"extended_exhale_4_6\", \"duration_s\": "
         "60, \"" +
         json_name + "\": 1}]}";
}

}  // namespace

TEST_CASE("check prints a field name holding escape codes escaped, never raw") {
  TempDir dir;
  const fs::path file = dir.file("esc.json");
  write(file, routine_with_member("ti\\u001b[2J\\u001b]0;owned\\u0007tle"));
  const Run run = check(file);
  CHECK(run.code == 1);
  CHECK(has(run.err, "\\x1b[2J"));
  CHECK(has(run.err, "\\x07"));
  CHECK_FALSE(has_control(run.err));
  CHECK_FALSE(has_control(run.out));
}

TEST_CASE("a file name holding escape codes is printed escaped by check and import") {
  TempDir dir;
  const fs::path file = dir.file("bad\x1b]0;title\x07.unknot");
  write(file, "{\"format\": \"unknot-homework\"");
  const Run checked = check(file);
  CHECK(checked.code == 1);
  CHECK(has(checked.err, "bad\\x1b]0;title\\x07.unknot"));
  CHECK_FALSE(has_control(checked.err));
  const Run imported = import(file, dir.path() / "data");
  CHECK(imported.code == 1);
  CHECK(has(imported.err, "bad\\x1b]0;title\\x07.unknot"));
  CHECK_FALSE(has_control(imported.err));
}

TEST_CASE("import prints a homework field name holding escape codes escaped") {
  TempDir dir;
  const fs::path file = dir.file("hw.unknot");
  write(file, "{\"format\": \"unknot-homework\", \"x\\u001b[31my\": 1}");
  const Run run = import(file, dir.path() / "data");
  CHECK(run.code == 1);
  CHECK(has(run.err, "x\\x1b[31my"));
  CHECK_FALSE(has_control(run.err));
}

TEST_CASE("a FIFO given to check or import is refused at once, without waiting for a writer") {
  TempDir dir;
  const fs::path fifo = dir.file("pipe.unknot");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // Opening a FIFO for reading blocks until a writer comes; none ever does here, so a reader
  // that blocked would hang this test instead of passing it.
  const Run checked = check(fifo);
  CHECK(checked.code == 1);
  CHECK(has(checked.err, "it is a pipe (FIFO), not a file"));
  const Run imported = import(fifo, dir.path() / "data");
  CHECK(imported.code == 1);
  CHECK(has(imported.err, "it is a pipe (FIFO), not a file"));
  CHECK_FALSE(fs::exists(dir.path() / "data" / "unknot.db"));
}

TEST_CASE("a folder or a device given to check is refused with what it is") {
  TempDir dir;
  const Run folder = check(dir.path());
  CHECK(folder.code == 1);
  CHECK(has(folder.err, "it is a folder, not a file"));
  const Run device = check("/dev/zero");
  CHECK(device.code == 1);
  CHECK(has(device.err, "it is a device, not a file"));
  const Run missing = check(dir.file("nothing.json"));
  CHECK(missing.code == 1);
  CHECK(has(missing.err, "there is no such file"));
}

TEST_CASE("a file over 1 MiB is refused with its real size") {
  TempDir dir;
  const fs::path file = dir.file("big.json");
  write(file, std::string(4'200'000, ' '));
  const Run run = check(file);
  CHECK(run.code == 1);
  CHECK(has(run.err,
            "it is 4.2 MB (4200000 bytes); the most a routine or homework file may be "
            "is 1 MiB"));
  const fs::path homework = dir.file("big.unknot");
  write(homework, std::string(1024 * 1024 + 1, ' '));
  const Run hw = check(homework);
  CHECK(has(hw.err, "it is 1.0 MB (1048577 bytes); the most a homework file may be is 1 MiB"));
}

TEST_CASE("a UTF-16 file is named as such by check") {
  TempDir dir;
  const fs::path file = dir.file("utf16.json");
  write(file, std::string("\xFF\xFE{\0}\0", 6));
  const Run run = check(file);
  CHECK(run.code == 1);
  CHECK(has(run.err, "the file is saved as UTF-16; save it as UTF-8"));
}

TEST_CASE("a megabyte-long unknown field name is cut in check's short report") {
  TempDir dir;
  const fs::path file = dir.file("long.json");
  write(file, routine_with_member(std::string(1000 * 1000, 'k')));
  const Run run = check(file);
  CHECK(run.code == 1);
  CHECK(run.err.size() < 1000);
  CHECK(has(run.err, "(1000000 characters)"));
}

TEST_CASE("past 200 problems check counts every one of them") {
  TempDir dir;
  std::string members;
  for (int i = 0; i < 420; ++i) members += "\"unknown_" + std::to_string(i) + "\": 1, ";
  const fs::path file = dir.file("many.json");
  write(file, "{" + members +
                  "\"format_version\": 1, \"id\": \"r\", \"title\": \"T\", "
                  "\"steps\": [{\"type\": \"breathing\", \"title\": \"B\", \"pattern\": "
                  "\"extended_exhale_4_6\", \"duration_s\": 60}]}");
  const Run run = check(file);
  CHECK(run.code == 1);
  CHECK(has(run.err, "\u2026 and 220 more (420 in all)"));
  CHECK(has(run.err, "\n420 problems found\n"));
}

TEST_CASE("export refuses a FIFO or a folder as its target and leaves it as it was") {
  TempDir dir;
  storage::SessionStore::open(dir.file("unknot.db"));
  const fs::path fifo = dir.file("out.csv");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  fs::create_directory(dir.path() / "sub");
  const auto entries = [&] {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++n;
    return n;
  };
  const std::size_t before = entries();
  for (const fs::path& target : {fifo, dir.path() / "sub"}) {
    ExportOptions options;
    options.csv = target;
    options.data_dir = dir.path();
    options.fallback_utc_offset_min = 0;
    std::ostringstream out, err;
    CHECK(run_export_csv(options, out, err) == 1);
    CHECK(has(err.str(), "cannot write"));
    CHECK(has(err.str(), "give the name of a new or a regular file"));
  }
  CHECK(fs::is_fifo(fifo));
  CHECK(fs::is_directory(dir.path() / "sub"));
  CHECK(entries() == before);  // no temporary file left beside them either
}

}  // namespace unknot::cli
