#include "storage/session_store.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/temp_dir.h"

namespace unknot::storage {
namespace {
using testing::error_text;

using namespace std::chrono;
using namespace std::chrono_literals;
using testing::TempDir;

constexpr core::UnixSeconds kMorning{sys_days{2026y / November / 25} + 13h + 4min + 5s};

NewSession neck_session(core::UnixSeconds started_at, std::optional<int> pain_before = 6) {
  return NewSession{"neck_release", started_at, pain_before, "Neck"};
}

StepRow pressure_step(int index, core::Side side, bool skipped = false) {
  return StepRow{index, "upper_trapezius", side, 90s, 87'500ms, skipped};
}

int count_rows(Database& db, std::string_view table) {
  Statement query(db, "SELECT count(*) FROM " + std::string(table), "counting rows");
  REQUIRE(query.step());
  return query.column_int(0);
}

unsigned permission_bits(const std::filesystem::path& file) {
  struct stat info {};
  REQUIRE(::stat(file.c_str(), &info) == 0);
  return info.st_mode & 0777u;
}

}  // namespace

TEST_CASE("opening a new or empty file migrates it to the latest schema with all its tables") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  SUBCASE("no file yet") {}
  SUBCASE("a zero-byte file") { testing::write_bytes(file, ""); }

  CHECK(SessionStore::open(file).schema_version() == latest_schema_version());

  Database db = Database::open_file(file);
  Statement tables(db,
                   "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master "
                   "WHERE name NOT LIKE 'sqlite_%' ORDER BY name)",
                   "listing the schema");
  REQUIRE(tables.step());
  CHECK(tables.column_text(0) ==
        "breath_patterns checkins checkins_by_kind dose_checks dose_reactions homework "
        "psfs_ratings safety_events safety_events_at session_feedback session_steps sessions "
        "sessions_by_routine sessions_by_start sessions_by_status settings step_feedback");
}

TEST_CASE("reopening an existing database keeps its data and does not run migrations again") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  std::int64_t id = 0;
  {
    SessionStore store = SessionStore::open(file);
    id = store.begin_session(neck_session(kMorning));
  }
  // The migrations create their tables without IF NOT EXISTS, so running one again would throw.
  SessionStore store = SessionStore::open(file);
  CHECK(store.schema_version() == latest_schema_version());
  REQUIRE(store.session(id).has_value());
  CHECK(store.session(id)->routine_id == "neck_release");
}

TEST_CASE("opening a version 1 file migrates it to the latest and keeps its sessions and steps") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  {
    Database v1 = Database::open_file(file);
    v1.enable_wal();
    migrate(v1, app_migrations().first(1));
    REQUIRE(user_version(v1) == 1);
    v1.execute(
        "INSERT INTO sessions (id, routine_id, started_at, ended_at, status, pain_before, "
        "pain_after, region, resume_step) VALUES (7, 'neck_release', '2026-11-25T13:04:05Z', "
        "'2026-11-25T13:16:05Z', 'completed', 6, 2, 'Neck', 1); "
        "INSERT INTO session_steps (session_id, step_index, muscle, side, planned_ms, actual_ms) "
        "VALUES (7, 0, 'upper_trapezius', 'left', 90000, 87500)",
        "writing a version 1 session");
  }

  SessionStore store = SessionStore::open(file);
  CHECK(store.schema_version() == latest_schema_version());
  const auto row = store.session(7);
  REQUIRE(row.has_value());
  CHECK(row->routine_id == "neck_release");
  CHECK(row->started_at == kMorning);
  CHECK(row->ended_at == kMorning + 12min);
  CHECK(row->status == SessionStatus::Completed);
  CHECK(row->pain_before == 6);
  CHECK(row->pain_after == 2);
  CHECK(row->region == "Neck");
  CHECK_FALSE(row->planned_total.has_value());  // not known before version 6
  const auto steps = store.steps(7);
  REQUIRE(steps.size() == 1);
  CHECK(steps[0].side == core::Side::Left);
  CHECK(steps[0].actual == 87'500ms);
  CHECK(store.recent_sessions(10).size() == 1);

  CHECK(store.custom_patterns().empty());
  CHECK(store.sound_settings() == core::SoundSettings{});
  core::PatternDraft draft;
  draft.name = "Slow";
  const std::int64_t pattern = store.save_pattern(std::nullopt, draft, kMorning);
  REQUIRE(store.custom_patterns().size() == 1);
  CHECK(store.custom_patterns()[0].id == pattern);
}

TEST_CASE("a session and its steps come back exactly as they were stored") {
  SessionStore store = SessionStore::open_in_memory();
  const std::int64_t id = store.begin_session(neck_session(kMorning, 7));
  const StepRow breathing{0, "", core::Side::None, 60s, 60s, false};
  const StepRow left = pressure_step(1, core::Side::Left);
  const StepRow right = pressure_step(2, core::Side::Right, true);
  store.record_step(id, breathing);
  store.record_step(id, left);
  store.record_step(id, right);
  store.complete_session(id, kMorning + 12min);
  store.set_pain_after(id, 3);

  const auto row = store.session(id);
  REQUIRE(row.has_value());
  CHECK(row->id == id);
  CHECK(row->routine_id == "neck_release");
  CHECK(row->started_at == kMorning);
  CHECK(row->ended_at == kMorning + 12min);
  CHECK(row->status == SessionStatus::Completed);
  CHECK(row->pain_before == 7);
  CHECK(row->pain_after == 3);
  CHECK(row->region == "Neck");
  CHECK(row->resume_step == 3);

  const auto steps = store.steps(id);
  REQUIRE(steps.size() == 3);
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const StepRow& expected = i == 0 ? breathing : i == 1 ? left : right;
    CAPTURE(i);
    CHECK(steps[i].step_index == expected.step_index);
    CHECK(steps[i].muscle == expected.muscle);
    CHECK(steps[i].side == expected.side);
    CHECK(steps[i].planned == expected.planned);
    CHECK(steps[i].actual == expected.actual);
    CHECK(steps[i].skipped == expected.skipped);
  }
}

TEST_CASE("the whole session's planned time is kept from its start, also when it ends early") {
  SessionStore store = SessionStore::open_in_memory();
  NewSession planned = neck_session(kMorning, 5);
  planned.planned_total = 10min;
  const std::int64_t id = store.begin_session(planned);
  store.record_step(id, {0, "", core::Side::None, 60s, 60s, false});
  store.abandon_session(id, kMorning + 2min);
  CHECK(store.session(id)->planned_total == 10min);
  // The steps recorded cover only what was reached; the row keeps the whole plan.
  CHECK(store.sessions_with_steps()[0].row.planned_total == 10min);
  const std::int64_t unknown = store.begin_session(neck_session(kMorning + 1h, 5));
  CHECK_FALSE(store.session(unknown)->planned_total.has_value());
}

TEST_CASE("a session with no pain rating and no region is stored with NULL and empty text") {
  SessionStore store = SessionStore::open_in_memory();
  const std::int64_t id = store.begin_session(NewSession{"neck_release", kMorning, {}, ""});
  const auto row = store.session(id);
  REQUIRE(row.has_value());
  CHECK_FALSE(row->pain_before.has_value());
  CHECK_FALSE(row->pain_after.has_value());
  CHECK_FALSE(row->ended_at.has_value());
  CHECK(row->region.empty());
  CHECK(row->resume_step == 0);
  CHECK(store.steps(id).empty());
}

TEST_CASE("a pain rating before the session outside 0 to 10 is rejected and nothing is stored") {
  SessionStore store = SessionStore::open_in_memory();
  int pain = 0;
  SUBCASE("-1") { pain = -1; }
  SUBCASE("11") { pain = 11; }
  const std::string message =
      error_text([&] { store.begin_session(neck_session(kMorning, pain)); });
  CHECK(message.find("pain_before_range") != std::string::npos);
  CHECK(message.find("starting a session of routine 'neck_release'") != std::string::npos);
  CHECK_FALSE(store.find_interrupted().has_value());
  CHECK_FALSE(store.session(1).has_value());
}

TEST_CASE("a pain rating after the session outside 0 to 10 is rejected and none is stored") {
  SessionStore store = SessionStore::open_in_memory();
  const std::int64_t id = store.begin_session(neck_session(kMorning));
  store.complete_session(id, kMorning + 10min);
  int pain = 0;
  SUBCASE("-1") { pain = -1; }
  SUBCASE("11") { pain = 11; }
  CHECK(error_text([&] { store.set_pain_after(id, pain); }).find("pain_after_range") !=
        std::string::npos);
  CHECK_FALSE(store.session(id)->pain_after.has_value());
  CHECK_FALSE(store.last_rated(std::nullopt).has_value());
}

TEST_CASE("an interrupted session is found after closing and reopening the file") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  std::int64_t interrupted = 0;
  {
    SessionStore store = SessionStore::open(file);
    const std::int64_t finished = store.begin_session(neck_session(kMorning - 24h));
    store.complete_session(finished, kMorning - 23h);
    interrupted = store.begin_session(neck_session(kMorning));
    store.record_step(interrupted, pressure_step(0, core::Side::Left));
    store.record_step(interrupted, pressure_step(1, core::Side::Right));
  }
  SessionStore store = SessionStore::open(file);
  const auto found = store.find_interrupted();
  REQUIRE(found.has_value());
  CHECK(found->id == interrupted);
  CHECK(found->status == SessionStatus::InProgress);
  CHECK(found->resume_step == 2);
  CHECK(store.steps(interrupted).size() == 2);
}

TEST_CASE("a session saved by a process that then dies without closing the file is found") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // _exit skips every destructor, so the connection is never closed and the WAL never
    // checkpointed: what a crash or a kill from the OS leaves behind.
    try {
      SessionStore store = SessionStore::open(file);
      const std::int64_t id = store.begin_session(neck_session(kMorning));
      store.record_step(id, pressure_step(0, core::Side::Left));
      ::_exit(0);
    } catch (...) {
      ::_exit(1);
    }
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);

  SessionStore store = SessionStore::open(file);
  const auto found = store.find_interrupted();
  REQUIRE(found.has_value());
  CHECK(found->resume_step == 1);
  CHECK(store.steps(found->id).size() == 1);
}

TEST_CASE("find_interrupted returns the newest in-progress session and ignores finished ones") {
  SessionStore store = SessionStore::open_in_memory();
  CHECK_FALSE(store.find_interrupted().has_value());
  const std::int64_t older = store.begin_session(neck_session(kMorning - 2h));
  const std::int64_t newer = store.begin_session(neck_session(kMorning - 1h));
  const std::int64_t finished = store.begin_session(neck_session(kMorning));
  store.abandon_session(finished, kMorning + 1min);
  CHECK(store.find_interrupted()->id == newer);
  store.abandon_session(newer, kMorning + 2min);
  CHECK(store.find_interrupted()->id == older);
  store.complete_session(older, kMorning + 3min);
  CHECK_FALSE(store.find_interrupted().has_value());
}

TEST_CASE(
    "last_rated returns the newest completed session with both ratings, per routine if asked") {
  SessionStore store = SessionStore::open_in_memory();
  const auto finish_rated = [&store](NewSession session, std::optional<int> after) {
    const std::int64_t id = store.begin_session(session);
    store.complete_session(id, session.started_at + 10min);
    if (after) store.set_pain_after(id, *after);
    return id;
  };
  const std::int64_t neck = finish_rated(neck_session(kMorning - 3h), 2);
  const std::int64_t back = finish_rated(NewSession{"low_back", kMorning - 2h, 5, "Lower back"}, 4);
  finish_rated(neck_session(kMorning - 1h), std::nullopt);        // no rating after
  finish_rated(neck_session(kMorning - 30min, std::nullopt), 1);  // no rating before
  const std::int64_t abandoned = store.begin_session(neck_session(kMorning));
  store.set_pain_after(abandoned, 0);
  store.abandon_session(abandoned, kMorning + 1min);  // rated but not completed

  CHECK(store.last_rated(std::nullopt)->id == back);
  CHECK(store.last_rated("neck_release")->id == neck);
  CHECK(store.last_rated("low_back")->pain_after == 4);
  CHECK_FALSE(store.last_rated("unknown_routine").has_value());
}

TEST_CASE("first_session_started is the earliest start of any session of that routine only") {
  SessionStore store = SessionStore::open_in_memory();
  CHECK_FALSE(store.first_session_started("breathe:relax_478").has_value());

  const auto breathe = [&store](std::string routine_id, core::UnixSeconds started_at) {
    return store.begin_session(NewSession{std::move(routine_id), started_at, std::nullopt, ""});
  };
  const std::int64_t abandoned = breathe("breathe:relax_478", kMorning - 72h);
  store.abandon_session(abandoned, kMorning - 72h + 1min);
  const std::int64_t completed = breathe("breathe:relax_478", kMorning - 24h);
  store.complete_session(completed, kMorning - 24h + 2min);
  breathe("breathe:relax_478", kMorning);  // still in progress
  breathe("breathe:box_4", kMorning - 30 * 24h);
  breathe("breathe:relax_478_long", kMorning - 40 * 24h);

  CHECK(store.first_session_started("breathe:relax_478") == kMorning - 72h);
  CHECK(store.first_session_started("breathe:box_4") == kMorning - 30 * 24h);
  CHECK_FALSE(store.first_session_started("breathe:relax").has_value());
  CHECK_FALSE(store.first_session_started("").has_value());
}

TEST_CASE("recent_sessions lists sessions of every routine newest first and at most limit") {
  SessionStore store = SessionStore::open_in_memory();
  CHECK(store.recent_sessions(5).empty());

  const std::int64_t oldest = store.begin_session(neck_session(kMorning - 3h));
  store.complete_session(oldest, kMorning - 3h + 10min);
  const std::int64_t newest = store.begin_session(neck_session(kMorning));
  const std::int64_t middle =
      store.begin_session(NewSession{"breathe:box_4", kMorning - 2h, std::nullopt, ""});
  store.abandon_session(middle, kMorning - 2h + 1min);
  // Same start as `newest` but a later id: the later id counts as newer.
  const std::int64_t tie = store.begin_session(neck_session(kMorning));

  const auto ids = [&store](int limit) {
    std::vector<std::int64_t> out;
    for (const SessionRow& row : store.recent_sessions(limit)) out.push_back(row.id);
    return out;
  };
  CHECK(ids(10) == std::vector<std::int64_t>{tie, newest, middle, oldest});
  CHECK(ids(4) == std::vector<std::int64_t>{tie, newest, middle, oldest});
  CHECK(ids(2) == std::vector<std::int64_t>{tie, newest});
  CHECK(ids(0).empty());
  CHECK(ids(-1).empty());

  const auto rows = store.recent_sessions(4);
  REQUIRE(rows.size() == 4);
  CHECK(rows[2].routine_id == "breathe:box_4");
  CHECK(rows[2].status == SessionStatus::Abandoned);
  CHECK(rows[3].ended_at == kMorning - 3h + 10min);
}

TEST_CASE("recording a step twice replaces it and resume_step never moves backwards") {
  SessionStore store = SessionStore::open_in_memory();
  const std::int64_t id = store.begin_session(neck_session(kMorning));
  store.record_step(id, pressure_step(0, core::Side::Left));
  store.record_step(id, pressure_step(1, core::Side::Left));
  store.record_step(id, pressure_step(0, core::Side::Right, true));

  const auto steps = store.steps(id);
  REQUIRE(steps.size() == 2);
  CHECK(steps[0].side == core::Side::Right);
  CHECK(steps[0].skipped);
  CHECK(store.session(id)->resume_step == 2);
}

TEST_CASE("recording a step for a session that does not exist fails and stores nothing") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  SessionStore store = SessionStore::open(file);
  const std::string message = error_text([&] { store.record_step(42, pressure_step(0, {})); });
  CHECK(message.find("saving step 0 of session 42") != std::string::npos);
  CHECK(message.find("no such session") != std::string::npos);
  Database db = Database::open_file(file);
  CHECK(count_rows(db, "session_steps") == 0);
}

TEST_CASE("a step that breaks a schema rule leaves resume_step where it was") {
  SessionStore store = SessionStore::open_in_memory();
  const std::int64_t id = store.begin_session(neck_session(kMorning));
  store.record_step(id, pressure_step(0, core::Side::Left));
  StepRow negative = pressure_step(1, core::Side::Left);
  negative.actual = -1s;
  CHECK(error_text([&] { store.record_step(id, negative); }).find("actual_ms_range") !=
        std::string::npos);
  CHECK(store.session(id)->resume_step == 1);
  CHECK(store.steps(id).size() == 1);
}

TEST_CASE("a finished session cannot be completed or abandoned again") {
  SessionStore store = SessionStore::open_in_memory();
  const std::int64_t id = store.begin_session(neck_session(kMorning));
  store.complete_session(id, kMorning + 10min);
  CHECK(error_text([&] {
          store.abandon_session(id, kMorning + 11min);
        }).find("already completed") != std::string::npos);
  CHECK(error_text([&] {
          store.complete_session(id, kMorning + 11min);
        }).find("already completed") != std::string::npos);
  CHECK(error_text([&] { store.complete_session(99, kMorning); }).find("no such session") !=
        std::string::npos);
  CHECK(store.session(id)->ended_at == kMorning + 10min);
}

TEST_CASE("deleting a session deletes its steps") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  SessionStore store = SessionStore::open(file);
  const std::int64_t id = store.begin_session(neck_session(kMorning));
  store.record_step(id, pressure_step(0, core::Side::Left));
  Database db = Database::open_file(file);
  db.execute("DELETE FROM sessions", "deleting sessions");
  CHECK(count_rows(db, "session_steps") == 0);
}

TEST_CASE("the database file and its write-ahead log are readable and writable by the owner only") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  // With no umask at all, only the mode we ask for can keep others out.
  const mode_t saved_umask = ::umask(0);
  SessionStore store = SessionStore::open(file);
  ::umask(saved_umask);
  store.begin_session(neck_session(kMorning));

  CHECK(permission_bits(file) == 0600u);
  auto wal = file;
  wal += "-wal";
  REQUIRE(std::filesystem::exists(wal));  // also proves the file is in WAL mode
  CHECK(permission_bits(wal) == 0600u);
  auto shm = file;
  shm += "-shm";
  REQUIRE(std::filesystem::exists(shm));
  CHECK(permission_bits(shm) == 0600u);
}

TEST_CASE("opening a file in a folder that does not exist fails and names the file") {
  TempDir dir;
  const auto file = dir.file("missing") / "unknot.db";
  const std::string message = error_text([&] { SessionStore::open(file); });
  CHECK(message.find(file.string()) != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(file.parent_path()));
}

TEST_CASE(
    "a file that is not a SQLite database is refused by name and left byte for byte as it was") {
  TempDir dir;
  const auto file = dir.file("notes.db");
  std::string garbage;
  SUBCASE("a page of noise") {
    for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 7919 + 13) % 256);
  }
  SUBCASE("a short text file") { garbage = "shopping list: tennis ball, foam roller\n"; }
  testing::write_bytes(file, garbage);

  const std::string message = error_text([&] { SessionStore::open(file); });
  CHECK(message.find(file.string()) != std::string::npos);
  CHECK(message.find("not a database") != std::string::npos);
  CHECK(testing::read_bytes(file) == garbage);
  CHECK(testing::entry_count(dir.path()) == 1);
}

TEST_CASE("a database written by a newer version of the app is refused and left unchanged") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  {
    Database future = Database::open_file(file);
    const std::string newer = std::to_string(latest_schema_version() + 1);
    // A newer Unknot stamps its files as this one does.
    future.execute("CREATE TABLE from_the_future (x); PRAGMA user_version = " + newer +
                       "; PRAGMA application_id = " + std::to_string(kApplicationId),
                   "faking a newer schema");
  }
  const std::string before = testing::read_bytes(file);

  const std::string message = error_text([&] { SessionStore::open(file); });
  CHECK(message.find(file.string()) != std::string::npos);
  CHECK(message.find("schema version " + std::to_string(latest_schema_version() + 1)) !=
        std::string::npos);
  CHECK(message.find("newer") != std::string::npos);
  CHECK(testing::read_bytes(file) == before);
  CHECK(testing::entry_count(dir.path()) == 1);
}

TEST_CASE("a timestamp beyond year 9999 is refused rather than stored out of order") {
  const core::UnixSeconds far{sys_days{10000y / January / 1}};
  SessionStore store = SessionStore::open_in_memory();
  CHECK(error_text([&] { store.begin_session(neck_session(far)); }).find("outside years") !=
        std::string::npos);
  CHECK_FALSE(store.find_interrupted().has_value());
}

}  // namespace unknot::storage
