// A full or read-only disk, met by the real app: SQLite's writes fail as on a disk out of space
// or remounted read-only (support/storage_faults.h) while the session plays. Nothing the person did
// is lost: it is kept in memory, written when there is room, or kept in a file for the next start.
#include "support/storage_faults.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <fstream>

#include "e2e/e2e_support.h"
#include "shell/held_records.h"
#include "storage/temp_dir.h"

namespace unknot {
namespace {
using namespace e2e;

// From Home to the first step of the short routine, rating 6 before.
void start_session(shell::AppShell& shell) {
  start_first_routine(shell);
  REQUIRE(std::holds_alternative<app::PlayerScreen>(shell.model().screen));
}

// Plays to the end and rates 2 after (Save).
void finish_session(shell::AppShell& shell) {
  REQUIRE(run_until<app::RatingScreen>(shell));
  click(shell, app::Control{app::ControlKind::PainValue, 2});
  key(shell, SDLK_RETURN);
  REQUIRE(std::holds_alternative<app::SummaryScreen>(shell.model().screen));
}

// The only session stored, completed with its ratings and every step.
void check_stored_session(const fs::path& data) {
  auto store = storage::SessionStore::open_read_only(data / "unknot.db");
  const auto rows = store.recent_sessions(10);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].status == storage::SessionStatus::Completed);
  CHECK(rows[0].pain_before == 6);
  CHECK(rows[0].pain_after == 2);
  CHECK(rows[0].ended_at.has_value());
  CHECK(store.steps(rows[0].id).size() == 4);
}

}  // namespace

TEST_CASE("a disk that fills mid-session: the session plays on, says so, and saves it all later") {
  testing::StorageFaults disk;
  Environment env;
  {
    shell::AppShell shell(env.options());
    start_session(shell);
    const std::int64_t id = shell.model().session->session_id;
    REQUIRE(id > 0);
    disk.fill_disk();
    REQUIRE(run_until<app::RatingScreen>(shell));  // every step played, none stored
    CHECK(disk.writes_refused() > 0);
    CHECK(shell.model().notice.find("The disk is full") != std::string::npos);
    CHECK(shell.model().notice.find("kept") != std::string::npos);
    disk.clear();  // room again: the next write takes what waited first
    finish_session(shell);
  }
  check_stored_session(env.dir / "data");
}

TEST_CASE("a data folder that turns read-only mid-session: the session plays on and is kept") {
  testing::StorageFaults disk;
  Environment env;
  {
    shell::AppShell shell(env.options());
    start_session(shell);
    disk.make_read_only();
    REQUIRE(run_until<app::RatingScreen>(shell));
    CHECK(shell.model().notice.find("read-only") != std::string::npos);
    CHECK(shell.model().notice.find("kept") != std::string::npos);
    disk.clear();
    finish_session(shell);
  }
  check_stored_session(env.dir / "data");
}

TEST_CASE("a session begun on a full disk runs, and is stored whole once there is room") {
  testing::StorageFaults disk;
  Environment env;
  {
    shell::AppShell shell(env.options());
    disk.fill_disk();
    start_session(shell);
    // The session has a provisional id until its row can be written.
    CHECK(shell.model().session->session_id < 0);
    REQUIRE(run_until<app::RatingScreen>(shell));
    disk.clear();
    finish_session(shell);
  }
  check_stored_session(env.dir / "data");
}

TEST_CASE("still full at closing: the session waits in a private file and the next start adds it") {
  testing::StorageFaults disk;
  Environment env;
  const fs::path data = env.dir / "data";
  {
    shell::AppShell shell(env.options());
    disk.fill_disk();
    start_session(shell);
    finish_session(shell);
  }  // closed with the disk still full
  const auto files = shell::held_record_files(data);
  REQUIRE(files.size() == 1);
  struct stat st {};
  REQUIRE(::stat(files[0].c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(storage::SessionStore::open_read_only(data / "unknot.db").recent_sessions(10).empty());

  // Read twice (as if the app stopped between storing it and removing the file): stored once.
  const fs::path copy = env.dir / "copy.json";
  fs::copy_file(files[0], copy);
  disk.clear();
  {
    shell::AppShell shell(env.options());
    CHECK(shell.model().notice.empty());
  }
  CHECK(shell::held_record_files(data).empty());
  fs::rename(copy, data / files[0].filename());
  { shell::AppShell shell(env.options()); }
  CHECK(shell::held_record_files(data).empty());
  check_stored_session(data);
}

TEST_CASE("held records read back as written, and a damaged file is named and kept") {
  std::vector<shell::HeldRecord> held{
      {app::BeginSessionRecord{"neck", core::UnixSeconds{std::chrono::seconds{1'700'000'000}}, 6,
                               "Neck", std::chrono::seconds{90}},
       -1},
      {app::RecordStep{-1, 0, "upper_trapezius", core::Side::Left, std::chrono::seconds{45},
                       std::chrono::seconds{44}, false}},
      {app::RecordFeedback{-1, 0, "upper_trapezius", core::Side::Left, app::FeedbackKind::Stopped,
                           core::UnixSeconds{std::chrono::seconds{1'700'000'030}}}},
      {app::CompleteSessionRecord{-1, core::UnixSeconds{std::chrono::seconds{1'700'000'100}}}},
      {app::SavePainAfter{-1, 3}},
  };
  const std::string text = shell::held_records_json(held, {}, "/data");
  const shell::HeldFile read = shell::parse_held_records(text);
  CHECK(read.data_dir == "/data");
  REQUIRE(read.records.size() == held.size());
  CHECK(shell::held_records_json(read.records, {}, read.data_dir) == text);
  CHECK(std::get<app::RecordFeedback>(read.records[2].effect).kind == app::FeedbackKind::Stopped);
  CHECK(read.records[0].provisional_id == -1);

  storage::testing::TempDir dir;
  auto store = storage::SessionStore::open(dir.file("unknot.db"));
  const fs::path file = dir.path() / "unsaved-session-20261204-120000.json";
  std::ofstream(file) << text.substr(0, text.size() / 2);
  const std::string name = file.string();
  CHECK_THROWS_WITH_AS(shell::replay_held_records(store, "/data", file),
                       doctest::Contains(name.c_str()), std::runtime_error);
  CHECK(fs::exists(file));
}

}  // namespace unknot
