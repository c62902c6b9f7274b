#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "storage/database.h"
#include "storage/session_store.h"
#include "storage/temp_dir.h"

namespace unknot::storage {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;
using testing::error_text;
using testing::TempDir;

constexpr core::UnixSeconds kMorning{sys_days{2026y / November / 25} + 8h};

StepRow step(int index, std::string muscle, core::Side side, core::Duration planned,
             core::Duration actual, bool skipped = false) {
  return StepRow{index, std::move(muscle), side, planned, actual, skipped};
}

// A finished session of `routine` started at `at`, with its steps.
SessionRecord record(std::string routine, core::UnixSeconds at, std::vector<StepRow> steps = {}) {
  SessionRecord r;
  r.row.routine_id = std::move(routine);
  r.row.started_at = at;
  r.row.ended_at = at + 12min;
  r.row.status = SessionStatus::Completed;
  r.row.pain_before = 6;
  r.row.pain_after = 3;
  r.row.region = "Neck";
  r.row.resume_step = static_cast<int>(steps.size());
  r.row.note = "felt <better> & \"looser\" — grüß";
  r.row.utc_offset_min = 60;
  r.steps = std::move(steps);
  return r;
}

std::int64_t session_with_steps(SessionStore& store, core::UnixSeconds at, int steps) {
  const std::int64_t id = store.begin_session({"neck_release", at, 5, "Neck", 5min}, 60);
  for (int i = 0; i < steps; ++i) {
    store.record_step(id, step(i, "upper_trapezius", i % 2 ? core::Side::Right : core::Side::Left,
                               30s + seconds{i}, 20s + seconds{i}, i == 2));
  }
  return id;
}

void check_same_row(const SessionRow& a, const SessionRow& b) {
  CHECK(a.id == b.id);
  CHECK(a.routine_id == b.routine_id);
  CHECK(a.started_at == b.started_at);
  CHECK(a.ended_at == b.ended_at);
  CHECK(a.status == b.status);
  CHECK(a.pain_before == b.pain_before);
  CHECK(a.pain_after == b.pain_after);
  CHECK(a.region == b.region);
  CHECK(a.resume_step == b.resume_step);
  CHECK(a.note == b.note);
  CHECK(a.utc_offset_min == b.utc_offset_min);
  CHECK(a.planned_total == b.planned_total);
}

void check_same_steps(const std::vector<StepRow>& a, const std::vector<StepRow>& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].step_index == b[i].step_index);
    CHECK(a[i].muscle == b[i].muscle);
    CHECK(a[i].side == b[i].side);
    CHECK(a[i].planned == b[i].planned);
    CHECK(a[i].actual == b[i].actual);
    CHECK(a[i].skipped == b[i].skipped);
  }
}

std::vector<std::int64_t> ids(const std::vector<SessionSummary>& rows) {
  std::vector<std::int64_t> out;
  for (const auto& summary : rows) out.push_back(summary.row.id);
  return out;
}

// Every detail of EXPLAIN QUERY PLAN for `sql`, joined by " | ".
std::string query_plan(Database& db, const std::string& sql) {
  Statement plan(db, "EXPLAIN QUERY PLAN " + sql, "explaining a query");
  std::string text;
  while (plan.step()) text += plan.column_text(3) + " | ";
  return text;
}

}  // namespace

TEST_CASE("sessions_with_steps lists sessions oldest first with their steps and sums") {
  SessionStore store = SessionStore::open_in_memory();
  CHECK(store.sessions_with_steps().empty());

  const std::int64_t late = session_with_steps(store, kMorning + 2h, 3);
  const std::int64_t early = session_with_steps(store, kMorning, 2);
  const std::int64_t none = session_with_steps(store, kMorning + 1h, 0);
  // Same start as `late` with a higher id: comes after it.
  const std::int64_t tie = session_with_steps(store, kMorning + 2h, 1);
  store.complete_session(late, kMorning + 2h + 10min);
  store.set_session_note(early, "left side tight");

  const auto all = store.sessions_with_steps();
  CHECK(ids(all) == std::vector<std::int64_t>{early, none, late, tie});
  for (const auto& summary : all) {
    check_same_row(summary.row, *store.session(summary.row.id));
    check_same_steps(summary.steps, store.steps(summary.row.id));
    core::Duration planned{}, done{};
    for (const auto& s : summary.steps) {
      planned += s.planned;
      done += s.actual;
    }
    CHECK(summary.planned == planned);
    CHECK(summary.done == done);
  }
  CHECK(all[0].row.note == "left side tight");
  CHECK(all[1].steps.empty());
  CHECK(all[1].planned == core::Duration::zero());
  REQUIRE(all[2].steps.size() == 3);
  CHECK(all[2].planned == 30s + 31s + 32s);
  CHECK(all[2].done == 20s + 21s + 22s);
  CHECK(all[2].steps[2].skipped);
  CHECK(all[2].row.status == SessionStatus::Completed);

  SUBCASE("from is inclusive and keeps only later sessions with their own steps") {
    const auto later = store.sessions_with_steps(kMorning + 1h);
    CHECK(ids(later) == std::vector<std::int64_t>{none, late, tie});
    CHECK(later[1].steps.size() == 3);
    CHECK(later[2].steps.size() == 1);
    CHECK(ids(store.sessions_with_steps(kMorning + 2h + 1s)).empty());
  }
  SUBCASE("from beyond the years a timestamp can hold means all or nothing") {
    CHECK(ids(store.sessions_with_steps(core::UnixSeconds::min())) == ids(all));
    CHECK(store.sessions_with_steps(core::UnixSeconds::max()).empty());
  }
}

TEST_CASE("sessions_with_steps' queries read the steps without a per-session query or a sort") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  SessionStore store = SessionStore::open(file);
  for (int i = 0; i < 30; ++i) session_with_steps(store, kMorning + hours{i}, 3);
  // The step queries as session_store_bulk.cpp runs them: every step in one table scan, or the
  // steps of the sessions since `from` through the UNIQUE index; never a temporary sort.
  Database db = Database::open_file(file);
  const std::string columns =
      "SELECT session_id, step_index, muscle, side, planned_ms, actual_ms, skipped FROM "
      "session_steps";
  const std::string all_plan = query_plan(db, columns);
  CHECK(all_plan.find("SCAN session_steps") != std::string::npos);
  const std::string since_plan =
      query_plan(db, columns +
                         " WHERE session_id IN (SELECT id FROM sessions WHERE started_at >= "
                         "'2026-11-25T00:00:00Z')");
  CHECK(since_plan.find("sqlite_autoindex_session_steps_1 (session_id=?)") != std::string::npos);
  CHECK(since_plan.find("TEMP B-TREE") == std::string::npos);
  const std::string sessions_plan = query_plan(
      db,
      "SELECT id FROM sessions WHERE started_at >= '2026-11-25T00:00:00Z' ORDER BY started_at, "
      "id");
  CHECK(sessions_plan.find("sessions_by_start") != std::string::npos);
  CHECK(sessions_plan.find("TEMP B-TREE") == std::string::npos);
  const auto all = store.sessions_with_steps(kMorning + 10h);
  CHECK(all.size() == 20);
  for (const auto& summary : all) CHECK(summary.steps.size() == 3);
}

TEST_CASE("sessions_with_steps gives each session's steps by index whatever the saving order") {
  SessionStore store = SessionStore::open_in_memory();
  const std::int64_t first = store.begin_session({"jaw_temple", kMorning, 4, "Jaw"});
  const std::int64_t second = store.begin_session({"jaw_temple", kMorning + 1h, 4, "Jaw"});
  // Interleaved and out of order, as retries and two sessions in flight can leave them.
  store.record_step(first, step(2, "masseter", core::Side::Left, 30s, 30s));
  store.record_step(second, step(1, "temporalis", core::Side::Right, 45s, 45s));
  store.record_step(first, step(0, "temporalis", core::Side::Left, 60s, 60s));
  store.record_step(second, step(0, "masseter", core::Side::Right, 90s, 80s));
  store.record_step(first, step(1, "masseter", core::Side::Right, 30s, 15s, true));
  const auto all = store.sessions_with_steps();
  REQUIRE(all.size() == 2);
  check_same_steps(all[0].steps, store.steps(first));
  check_same_steps(all[1].steps, store.steps(second));
  CHECK(all[0].steps[0].step_index == 0);
  CHECK(all[0].steps[2].step_index == 2);
  CHECK(all[0].planned == 120s);
  CHECK(all[0].done == 105s);
  CHECK(all[1].done == 125s);
}

TEST_CASE("history_page walks every session newest first, page by page, without gaps") {
  SessionStore store = SessionStore::open_in_memory();
  CHECK(store.history_page(std::nullopt, 10).empty());
  std::vector<std::int64_t> expected;
  // Pairs of sessions share a start, so pages must split ties by id.
  for (int i = 0; i < 7; ++i) {
    expected.push_back(session_with_steps(store, kMorning + hours{i / 2}, i % 4));
  }
  std::reverse(expected.begin(), expected.end());
  std::sort(expected.begin(), expected.end(), [&](std::int64_t a, std::int64_t b) {
    const auto ra = *store.session(a);
    const auto rb = *store.session(b);
    return std::pair(ra.started_at, a) > std::pair(rb.started_at, b);
  });

  std::vector<std::int64_t> walked;
  std::optional<std::pair<core::UnixSeconds, std::int64_t>> cursor;
  int pages = 0;
  while (true) {
    const auto page = store.history_page(cursor, 3);
    if (page.empty()) break;
    CHECK(page.size() <= 3);
    ++pages;
    for (const auto& summary : page) {
      walked.push_back(summary.row.id);
      CHECK(summary.steps.empty());
      core::Duration planned{}, done{};
      for (const auto& s : store.steps(summary.row.id)) {
        planned += s.planned;
        done += s.actual;
      }
      CHECK(summary.planned == planned);
      CHECK(summary.done == done);
      check_same_row(summary.row, *store.session(summary.row.id));
    }
    cursor = std::pair(page.back().row.started_at, page.back().row.id);
  }
  CHECK(walked == expected);
  CHECK(pages == 3);
  CHECK(store.history_page(std::nullopt, 0).empty());
  CHECK(store.history_page(std::nullopt, -1).empty());
  CHECK(store.history_page(std::pair(core::UnixSeconds::min(), std::int64_t{1}), 5).empty());
  CHECK(ids(store.history_page(std::pair(core::UnixSeconds::max(), std::int64_t{0}), 100)) ==
        expected);
}

TEST_CASE("history_page's query walks sessions_by_start instead of sorting the table") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  { SessionStore::open(file); }
  Database db = Database::open_file(file);
  // The store's own text (session_store_bulk.cpp), with the sums' subqueries.
  const std::string plan = query_plan(
      db,
      "SELECT id, (SELECT coalesce(sum(planned_ms), 0) FROM session_steps WHERE session_id = "
      "sessions.id) FROM sessions WHERE started_at <= '2026-11-25T08:00:00Z' AND (started_at < "
      "'2026-11-25T08:00:00Z' OR id < 5) ORDER BY started_at DESC, id DESC LIMIT 40");
  CHECK(plan.find("sessions_by_start (started_at<?)") != std::string::npos);
  CHECK(plan.find("TEMP B-TREE") == std::string::npos);
  CHECK(plan.find("sqlite_autoindex_session_steps_1 (session_id=?)") != std::string::npos);
}

TEST_CASE("set_ratings and update_entry change ratings and note, or nothing on an error") {
  SessionStore store = SessionStore::open_in_memory();
  const std::int64_t id = session_with_steps(store, kMorning, 1);
  store.set_session_note(id, "before the edit");

  store.set_ratings(id, 7, 2);
  CHECK(store.session(id)->pain_before == 7);
  CHECK(store.session(id)->pain_after == 2);
  store.set_ratings(id, std::nullopt, 0);
  CHECK(store.session(id)->pain_before == std::nullopt);
  CHECK(store.session(id)->pain_after == 0);

  store.update_entry(id, 10, 4, "after the edit — ok");
  auto row = *store.session(id);
  CHECK(row.pain_before == 10);
  CHECK(row.pain_after == 4);
  CHECK(row.note == "after the edit — ok");

  CHECK(error_text([&] { store.set_ratings(id, 11, 2); }).find("pain before 11 is outside 0..10") !=
        std::string::npos);
  CHECK(error_text([&] {
          store.update_entry(id, 3, -1, "lost");
        }).find("pain after -1 is outside 0..10") != std::string::npos);
  CHECK(error_text([&] { store.update_entry(id + 100, 3, 1, "lost"); }).find("no such session") !=
        std::string::npos);
  CHECK(error_text([&] { store.set_ratings(id + 100, 3, 1); }).find("no such session") !=
        std::string::npos);
  row = *store.session(id);
  CHECK(row.pain_before == 10);
  CHECK(row.pain_after == 4);
  CHECK(row.note == "after the edit — ok");
}

TEST_CASE("take_session removes a session with its steps and restore_session puts it back") {
  SessionStore store = SessionStore::open_in_memory();
  const std::int64_t keep = session_with_steps(store, kMorning, 2);
  const std::int64_t id = session_with_steps(store, kMorning + 1h, 3);
  store.complete_session(id, kMorning + 1h + 9min);
  store.update_entry(id, 6, 3, "note <&> \"quoted\" ümlaut");
  const SessionRow before = *store.session(id);
  const std::vector<StepRow> steps_before = store.steps(id);

  const SessionRecord taken = store.take_session(id);
  CHECK(taken.row.planned_total == 5min);
  check_same_row(taken.row, before);
  check_same_steps(taken.steps, steps_before);
  CHECK_FALSE(store.session(id).has_value());
  CHECK(store.steps(id).empty());
  CHECK(ids(store.sessions_with_steps()) == std::vector<std::int64_t>{keep});
  CHECK(error_text([&] { store.take_session(id); }).find("no such session") != std::string::npos);

  store.restore_session(taken);
  check_same_row(*store.session(id), before);
  check_same_steps(store.steps(id), steps_before);
  CHECK(ids(store.sessions_with_steps()) == std::vector<std::int64_t>{keep, id});

  // The id is taken now: nothing changes.
  SessionRecord other = taken;
  other.row.note = "a different note";
  CHECK(error_text([&] { store.restore_session(other); }).find("the id is taken") !=
        std::string::npos);
  CHECK(store.session(id)->note == before.note);
  CHECK(store.steps(keep).size() == 2);
}

TEST_CASE("insert_sessions stores every record with fresh ids in one transaction") {
  SessionStore store = SessionStore::open_in_memory();
  const std::int64_t existing = session_with_steps(store, kMorning - 24h, 1);
  std::vector<SessionRecord> records{
      record("neck_release", kMorning,
             {step(0, "upper_trapezius", core::Side::Left, 45s, 45s),
              step(1, "upper_trapezius", core::Side::Right, 45s, 12'500ms, true)}),
      record("breathe:box_4", kMorning + 10h, {step(0, "", core::Side::None, 300s, 300s)}),
      record("jaw_temple", kMorning + 5h),
  };
  records[0].row.id = existing;  // ignored
  records[2].row.status = SessionStatus::Abandoned;
  records[2].row.pain_after.reset();
  records[2].row.utc_offset_min.reset();
  store.insert_sessions(records);

  const auto all = store.sessions_with_steps();
  REQUIRE(all.size() == 4);
  CHECK(all[0].row.id == existing);
  CHECK(all[1].row.routine_id == "neck_release");
  CHECK(all[2].row.routine_id == "jaw_temple");
  CHECK(all[3].row.routine_id == "breathe:box_4");
  for (std::size_t i = 1; i < all.size(); ++i) CHECK(all[i].row.id > existing);
  SessionRow expected = records[0].row;
  expected.id = all[1].row.id;
  check_same_row(all[1].row, expected);
  check_same_steps(all[1].steps, records[0].steps);
  CHECK(all[1].done == 57'500ms);
  CHECK(all[2].row.status == SessionStatus::Abandoned);
  CHECK(all[2].row.utc_offset_min == std::nullopt);
  store.insert_sessions({});
  CHECK(store.sessions_with_steps().size() == 4);
}

TEST_CASE("a bad record makes insert_sessions store nothing and names the record") {
  SessionStore store = SessionStore::open_in_memory();
  std::vector<SessionRecord> records{
      record("neck_release", kMorning, {step(0, "masseter", core::Side::Left, 30s, 30s)}),
      record("neck_release", kMorning + 1h),
      record("neck_release", kMorning + 2h),
  };
  std::string expected;
  SUBCASE("a pain rating outside 0..10") {
    records[1].row.pain_before = 11;
    expected = "record 1 of 3: CHECK constraint failed: pain_before_range";
  }
  SUBCASE("an empty routine id") {
    records[2].row.routine_id.clear();
    expected = "record 2 of 3: CHECK constraint failed: routine_id_present";
  }
  SUBCASE("a finished session without an end") {
    records[1].row.ended_at.reset();
    expected = "record 1 of 3: CHECK constraint failed: ended_at_iff_finished";
  }
  SUBCASE("an offset beyond 14 hours") {
    records[2].row.utc_offset_min = 900;
    expected = "record 2 of 3: CHECK constraint failed: session_utc_offset_range";
  }
  SUBCASE("a step index given twice") {
    records[1].steps = {step(0, "masseter", core::Side::Left, 30s, 30s),
                        step(0, "masseter", core::Side::Right, 30s, 30s)};
    expected = "record 1 of 3: UNIQUE constraint failed";
  }
  SUBCASE("a start beyond year 9999") {
    records[1].row.started_at = core::UnixSeconds::max();
    expected = "record 1 of 3: timestamp";
  }
  const std::string message = error_text([&] { store.insert_sessions(records); });
  CHECK_MESSAGE(message.find(expected) != std::string::npos, message);
  CHECK(message.find("inserting 3 sessions") != std::string::npos);
  CHECK(store.sessions_with_steps().empty());
  CHECK(store.steps(1).empty());
}

TEST_CASE("add_checkins stores every row in one transaction, or none with a bad row") {
  SessionStore store = SessionStore::open_in_memory();
  std::vector<CheckinRow> rows{
      {0, CheckinKind::DailyPain, 4, kMorning, 60, "stiff", std::nullopt},
      {0, CheckinKind::Pgic, 2, kMorning + 1h, 120, "", std::nullopt},
      {0, CheckinKind::DailyPain, 5, kMorning - 24h, 60, "<&>", std::nullopt},
  };
  SUBCASE("good rows") {
    store.add_checkins(rows);
    const auto stored = store.checkins(core::UnixSeconds::min(), core::UnixSeconds::max());
    REQUIRE(stored.size() == 3);
    CHECK(stored[0].value == 5);
    CHECK(stored[0].note == "<&>");
    CHECK(stored[1].kind == CheckinKind::DailyPain);
    CHECK(stored[1].utc_offset_min == 60);
    CHECK(stored[2].kind == CheckinKind::Pgic);
    CHECK(stored[2].utc_offset_min == 120);
    CHECK(stored[0].id > 0);
  }
  SUBCASE("a PGIC answer outside 1..7") {
    rows[1].value = 0;
    const std::string message = error_text([&] { store.add_checkins(rows); });
    CHECK_MESSAGE(message.find("row 1 of 3: CHECK constraint failed: checkin_value_range") !=
                      std::string::npos,
                  message);
    CHECK(store.checkins(core::UnixSeconds::min(), core::UnixSeconds::max()).empty());
  }
}

}  // namespace unknot::storage
