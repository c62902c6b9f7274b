// Reports made during a step (schema 5): kept per session and step, read back by session time,
// gone with their session.
#include <doctest/doctest.h>

#include "storage/session_store.h"

namespace unknot::storage {
namespace {

using namespace std::chrono;

const core::UnixSeconds kStart{seconds(1'790'000'000)};

TEST_CASE("step reports are kept and read back in order, only for sessions in the range") {
  SessionStore store = SessionStore::open_in_memory();
  const auto first = store.begin_session({"neck", kStart, 6, "Neck"});
  const auto second = store.begin_session({"neck", kStart + days(2), 5, "Neck"});
  store.add_step_feedback({first, 2, "upper_trapezius", core::Side::Left, FeedbackKind::TooIntense, kStart + minutes(3)});
  store.add_step_feedback({first, 3, "upper_trapezius", core::Side::Right, FeedbackKind::Stopped, kStart + minutes(4)});
  store.add_step_feedback({second, 1, "levator_scapulae", core::Side::None, FeedbackKind::Stopped, kStart + days(2)});
  const auto all = store.step_feedback(kStart, kStart + days(3));
  REQUIRE(all.size() == 3);
  CHECK(all[0].kind == FeedbackKind::TooIntense);
  CHECK(all[0].side == core::Side::Left);
  CHECK(all[1].muscle == "upper_trapezius");
  CHECK(all[1].kind == FeedbackKind::Stopped);
  CHECK(all[2].session_id == second);
  CHECK(store.step_feedback(kStart + days(1), kStart + days(3)).size() == 1);
  CHECK(store.step_feedback(kStart, kStart).empty());
  CHECK(feedback_kind_text(FeedbackKind::Stopped) == "stopped");
}

TEST_CASE("a report for an unknown session is refused and nothing is kept") {
  SessionStore store = SessionStore::open_in_memory();
  CHECK_THROWS_AS(store.add_step_feedback({99, 0, "masseter", core::Side::Left, FeedbackKind::Stopped, kStart}),
                  StorageError);
  CHECK(store.step_feedback(core::UnixSeconds{}, kStart + days(1)).empty());
}

TEST_CASE("reports go with their session when it is deleted") {
  SessionStore store = SessionStore::open_in_memory();
  const auto id = store.begin_session({"neck", kStart, 6, ""});
  store.add_step_feedback({id, 0, "masseter", core::Side::Left, FeedbackKind::TooIntense, kStart});
  store.take_session(id);
  CHECK(store.step_feedback(core::UnixSeconds{}, kStart + days(1)).empty());
}

}  // namespace
}  // namespace unknot::storage
