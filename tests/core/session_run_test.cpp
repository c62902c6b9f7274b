#include "core/session_run.h"

#include <doctest/doctest.h>

#include "support/builders.h"

namespace unknot::core {
namespace {
using namespace std::chrono_literals;
using test::at;
using test::breathing_step;
using test::pressure_step;

Timeline three_steps() {
  return Timeline({breathing_step(20s), pressure_step("m", Side::Left, 40s),
                   pressure_step("m", Side::Right, 40s, true)},
                  builtin_pattern_lookup());
}
}  // namespace

TEST_CASE("time paused does not count toward the session") {
  const Timeline t = three_steps();
  SessionRun run(t, at(100s), 0s);
  run.pause(at(110s));
  CHECK(run.paused());
  CHECK(run.elapsed(at(500s)) == 10s);
  run.resume(at(500s));
  CHECK(run.elapsed(at(505s)) == 15s);
  CHECK(run.clock().elapsed_at(at(505s)) == 15s);
}

TEST_CASE("no cues come due while paused and none are lost after resuming") {
  const Timeline t = three_steps();
  SessionRun run(t, at(0s), 0s);
  (void)run.advance(t, at(3s));
  run.pause(at(3s));
  CHECK(run.advance(t, at(60s)).cues.empty());
  run.resume(at(60s));
  const auto adv = run.advance(t, at(62s));  // timeline 5 s: the 4 s exhale cues
  REQUIRE_FALSE(adv.cues.empty());
  CHECK(adv.cues.front().at == 4s);
}

TEST_CASE("skipping a step records it as skipped with the time it played and starts the next") {
  const Timeline t = three_steps();
  SessionRun run(t, at(0s), 0s);
  (void)run.advance(t, at(25s));
  const auto records = run.skip_step(t, at(32s));
  REQUIRE(records.size() == 1);
  CHECK(records[0].step_index == 1);
  CHECK(records[0].skipped);
  CHECK(records[0].actual == 12s);
  CHECK(records[0].planned == 40s);
  CHECK(run.elapsed(at(32s)) == 60s);
  const auto adv = run.advance(t, at(32s) + kVoiceDelay);
  REQUIRE(adv.cues.size() >= 2);
  CHECK(adv.cues[0].kind == CueKind::ChimeSwitchSides);
  CHECK(adv.cues[1].kind == CueKind::SaySwitchSides);
}

TEST_CASE("cues inside a skipped stretch never play") {
  const Timeline t = three_steps();
  SessionRun run(t, at(0s), 0s);
  (void)run.advance(t, at(21s));
  (void)run.skip_step(t, at(21s));
  const auto adv = run.advance(t, at(21s));
  for (const auto& c : adv.cues) CHECK(c.at == 60s);
}

TEST_CASE("skipping while paused moves to the next step and stays paused") {
  const Timeline t = three_steps();
  SessionRun run(t, at(0s), 0s);
  run.pause(at(5s));
  const auto records = run.skip_step(t, at(9s));
  REQUIRE(records.size() == 1);
  CHECK(records[0].step_index == 0);
  CHECK(records[0].actual == 5s);
  CHECK(run.paused());
  CHECK(run.elapsed(at(30s)) == 20s);
}

TEST_CASE("skipping the last step finishes the session with the end cues") {
  const Timeline t = three_steps();
  SessionRun run(t, at(0s), 0s);
  (void)run.advance(t, at(70s));
  const auto records = run.skip_step(t, at(70s));
  CHECK(records.back().step_index == 2);
  const auto adv = run.advance(t, at(70s));
  REQUIRE_FALSE(adv.cues.empty());
  CHECK(adv.cues.back().kind == CueKind::SaySessionComplete);
  CHECK(run.finished(t, at(70s)));
  CHECK(run.skip_step(t, at(71s)).empty());
}

TEST_CASE("steps finishing together in one late advance are all recorded in order") {
  const Timeline t = three_steps();
  SessionRun run(t, at(0s), 0s);
  const auto adv = run.advance(t, at(61s));
  REQUIRE(adv.finished.size() == 2);
  CHECK(adv.finished[0].step_index == 0);
  CHECK(adv.finished[1].step_index == 1);
  CHECK_FALSE(adv.finished[1].skipped);
}

TEST_CASE("a resumed session starts at the given step and records only from there") {
  const Timeline t = three_steps();
  SessionRun run(t, at(1000s), t.step_start(2));
  CHECK(run.elapsed(at(1000s)) == 60s);
  const auto first = run.advance(t, at(1000s));
  REQUIRE_FALSE(first.cues.empty());
  CHECK(first.cues.front().at == 60s);
  const auto adv = run.advance(t, at(1100s));
  REQUIRE(adv.finished.size() == 1);
  CHECK(adv.finished[0].step_index == 2);
}

}  // namespace unknot::core

namespace unknot::core {
TEST_CASE("a new run starts with the countdown and cannot skip during it") {
  const Timeline t = three_steps();
  SessionRun run(t, at(50s));
  CHECK(run.counting_down(at(51s)));
  CHECK(run.elapsed(at(51s)) == -2s);
  CHECK(run.skip_step(t, at(51s)).empty());
  CHECK_FALSE(run.counting_down(at(53s)));
  CHECK(run.elapsed(at(53s)) == 0s);
}
}  // namespace unknot::core
