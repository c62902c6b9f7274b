// "Too intense" and "stop" during a pressure step (domain.md §6.3, §6.4): easing shortens the
// hold with a lighter prompt, stopping skips every hold of that muscle, and both are logged.
#include <doctest/doctest.h>

#include "app/app_builders.h"
#include "app/player_page.h"
#include "app/session_flow.h"
#include "app/view.h"

namespace unknot::test {
namespace {

using namespace std::chrono_literals;
using app::ControlKind;

// small_routine: 3 s countdown, "Settle in" 2 breaths (20 s), upper trapezius left and right
// (30 s each), "Let it go" (20 s). The left hold runs 20..50 s after the countdown.
Driver playing() {
  Driver d;
  d.press(ControlKind::RoutineCard, 0).start().press(ControlKind::PainValue, 6);
  d.press(ControlKind::Confirm);
  return d;
}

void run_to(Driver& d, std::chrono::milliseconds to, std::chrono::milliseconds from = 0ms) {
  for (auto t = from; t <= to; t += 16ms) d.tick(t);
}

bool offered(const Driver& d, ControlKind kind) {
  const auto list = app::controls(d.model);
  return std::find(list.begin(), list.end(), app::Control{kind, 0}) != list.end();
}

// Opens "Too intense?" and answers it.
void answer(Driver& d, ControlKind kind, int index = 0) {
  d.press(ControlKind::TooIntense, 0);
  REQUIRE(std::get<app::PlayerScreen>(d.model.screen).asking_intensity);
  d.press(kind, index);
}

TEST_CASE(
    "too intense? is offered on pressure holds only, in place of Skip, and pauses while open") {
  Driver d = playing();
  run_to(d, 10s);
  CHECK_FALSE(offered(d, ControlKind::TooIntense));
  CHECK(offered(d, ControlKind::Skip));
  d.press(ControlKind::TooIntense);
  CHECK_FALSE(std::get<app::PlayerScreen>(d.model.screen).asking_intensity);
  run_to(d, 25s, 10s);
  CHECK(offered(d, ControlKind::TooIntense));
  CHECK_FALSE(offered(d, ControlKind::Skip));
  d.press(ControlKind::TooIntense);
  CHECK(d.model.session->run.paused());
  CHECK(app::focused_control(d.model) == app::Control{ControlKind::TooIntense, 1});  // "Ease off"
  const auto list = app::controls(d.model);
  CHECK(list.size() == 5);  // ease, stop the point, stop the session, skip, keep going
  // Escape keeps going, unpaused, with nothing logged.
  d(app::BackPressed{});
  CHECK_FALSE(std::get<app::PlayerScreen>(d.model.screen).asking_intensity);
  CHECK_FALSE(d.model.session->run.paused());
  CHECK(d.all<app::RecordFeedback>().empty());
}

TEST_CASE("skip this hold, from the question, skips without a report") {
  Driver d = playing();
  d(app::SessionRecordStarted{3});
  run_to(d, 25s);
  answer(d, ControlKind::Skip);
  CHECK_FALSE(d.model.session->run.paused());
  CHECK(d.all<app::RecordFeedback>().empty());
  REQUIRE(d.all<app::RecordStep>().size() == 2);
  CHECK(d.all<app::RecordStep>()[1].skipped);
}

TEST_CASE("too intense eases the hold: lighter prompt, ends within 10 s, logged once") {
  Driver d = playing();
  run_to(d, 28s);  // 5 s into the left hold
  answer(d, ControlKind::TooIntense, 1);
  CHECK_FALSE(offered(d, ControlKind::StopPoint));
  auto v = app::player_view(d.model);
  CHECK(v.eased);
  CHECK(v.pressure.find("3/10") != std::string::npos);
  CHECK(v.step_left == "0:10 left");
  // Logged when storage answers with the session's id.
  CHECK(d.all<app::RecordFeedback>().empty());
  d(app::SessionRecordStarted{9});
  REQUIRE(d.all<app::RecordFeedback>().size() == 1);
  const auto f = d.all<app::RecordFeedback>()[0];
  CHECK(f.session_id == 9);
  CHECK(f.kind == app::FeedbackKind::TooIntense);
  CHECK(f.step_index == 1);
  CHECK(f.side == core::Side::Left);
  CHECK(f.muscle == "upper_trapezius");
  run_to(d, 38s + 100ms, 28s);
  v = app::player_view(d.model);
  CHECK(v.heading == "Right upper trapezius");
  CHECK_FALSE(v.eased);
  const auto steps = d.all<app::RecordStep>();
  REQUIRE(steps.size() == 2);
  CHECK(steps[1].skipped);
  CHECK(steps[1].actual >= 14s);
  CHECK(steps[1].actual < 16s);
}

TEST_CASE("stop ends this hold and every later hold of the same muscle, and is logged") {
  Driver d = playing();
  d(app::SessionRecordStarted{5});
  run_to(d, 25s);
  answer(d, ControlKind::StopPoint);
  REQUIRE(d.all<app::RecordFeedback>().size() == 1);
  CHECK(d.all<app::RecordFeedback>()[0].kind == app::FeedbackKind::Stopped);
  CHECK(app::player_view(d.model).caption.find("therapist") != std::string::npos);
  // The right side's hold is skipped as soon as it begins: the session goes on to the close.
  run_to(d, 27s, 25s);
  CHECK(app::player_view(d.model).heading == "Let it go");
  const auto steps = d.all<app::RecordStep>();
  REQUIRE(steps.size() == 3);
  CHECK(steps[1].skipped);
  CHECK(steps[2].skipped);
  CHECK(steps[2].side == core::Side::Right);
  CHECK(d.all<app::RecordFeedback>().size() == 1);  // the skipped right side is not a new report
}

TEST_CASE(
    "easing a hold that was paused before the question resumes it, so the shorter hold ends") {
  Driver d = playing();
  run_to(d, 30s);
  d.press(ControlKind::Pause);
  REQUIRE(d.model.session->run.paused());
  answer(d, ControlKind::TooIntense, 1);
  CHECK_FALSE(d.model.session->run.paused());
}

}  // namespace
app::PlayerScreen asking() {
  app::PlayerScreen s;
  s.asking_intensity = true;
  return s;
}

TEST_CASE("during a hold the question offers dizziness too: stopping for it ends everything") {
  Driver d = playing();
  d(app::SessionRecordStarted{3});
  run_to(d, 25s);
  const auto q = app::player_question(d.model, asking());
  REQUIRE(q);
  CHECK(q->body.find("dizzy") != std::string_view::npos);
  CHECK(q->body.find("chest pain") != std::string_view::npos);
  CHECK(q->body.find("rises as you hold") != std::string_view::npos);
  CHECK(q->body.find("10 seconds") != std::string_view::npos);
  answer(d, ControlKind::StopUnwell);
  REQUIRE(std::holds_alternative<app::SummaryScreen>(d.model.screen));  // no pain question now
  CHECK(d.model.session->stopped_unwell);
  CHECK(d.all<app::AbandonSessionRecord>().size() == 1);
  const auto v = app::summary_view(d.model);
  CHECK(v.title == "Session stopped");
  CHECK(v.message.find("urgent medical help") != std::string::npos);
}

TEST_CASE("stop this point, from the question, covers pain rising in a steady hold") {
  Driver d = playing();
  d(app::SessionRecordStarted{3});
  run_to(d, 25s);
  answer(d, ControlKind::StopPoint);
  REQUIRE(std::holds_alternative<app::PlayerScreen>(d.model.screen));  // the session goes on
  REQUIRE(d.all<app::RecordFeedback>().size() == 1);
  CHECK(d.all<app::RecordFeedback>()[0].kind == app::FeedbackKind::Stopped);
}

}  // namespace unknot::test
