#include "core/timeline.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "core/session_run.h"
#include "support/builders.h"

namespace unknot::core {
namespace {
using namespace std::chrono_literals;
using test::at;
using test::breathing_step;
using test::pressure_step;

Timeline make(std::vector<Step> steps) { return Timeline(std::move(steps), builtin_pattern_lookup()); }

struct RunResult {
  std::vector<Cue> cues;
  std::vector<StepRecord> records;
  bool finished = false;
};

// Plays a whole timeline, advancing by `tick` until past the end.
RunResult play(const Timeline& timeline, Duration tick) {
  RunResult result;
  const Instant start = at(7s);  // any origin: the run must not depend on it
  SessionRun run(timeline, start);
  Instant now = start;
  const Instant end = start + timeline.countdown() + timeline.total() + tick;
  while (now < end) {
    now = std::min(now + tick, end);
    auto adv = run.advance(timeline, now);
    result.cues.insert(result.cues.end(), adv.cues.begin(), adv.cues.end());
    result.records.insert(result.records.end(), adv.finished.begin(), adv.finished.end());
  }
  result.finished = run.finished(timeline, now);
  return result;
}

int count(const std::vector<Cue>& cues, CueKind kind) {
  return static_cast<int>(std::count_if(cues.begin(), cues.end(), [&](const Cue& c) { return c.kind == kind; }));
}
}  // namespace

TEST_CASE("a 20-minute routine gives the same cues and a completed session with 16 ms ticks or one tick") {
  const Timeline timeline = make(test::twenty_minute_steps());
  REQUIRE(timeline.total() >= 20min);

  const RunResult fine = play(timeline, 16ms);
  const RunResult coarse = play(timeline, timeline.total() + 10s);

  CHECK(fine.finished);
  CHECK(coarse.finished);
  CHECK(fine.cues == coarse.cues);
  CHECK(fine.cues == timeline.all_cues());
  CHECK(fine.records == coarse.records);
  CHECK(fine.records.size() == static_cast<std::size_t>(timeline.step_count()));
  CHECK(fine.cues.back().kind == CueKind::SaySessionComplete);
  CHECK(count(fine.cues, CueKind::BellEnd) == 1);
  CHECK(count(fine.cues, CueKind::ChimeSwitchSides) == 8);
  CHECK(count(fine.cues, CueKind::SaySwitchSides) == 8);
}

TEST_CASE("cues between two times are the same however the interval is split") {
  const Timeline timeline = make(test::twenty_minute_steps());
  const auto whole = timeline.cues_between(-1us, timeline.total());
  std::vector<Cue> pieces;
  for (Duration t = -1us; t < timeline.total();) {
    const Duration next = std::min(t + 333'333us, timeline.total());
    const auto part = timeline.cues_between(t, next);
    pieces.insert(pieces.end(), part.begin(), part.end());
    t = next;
  }
  CHECK(pieces == whole);
  CHECK(std::is_sorted(whole.begin(), whole.end(), [](const Cue& a, const Cue& b) { return a.at < b.at; }));
}

TEST_CASE("a cue exactly at the end of an interval is included and at its start excluded") {
  const Timeline timeline = make({breathing_step(20s)});
  const auto c = timeline.cues_between(1s, 4s);  // exhale onset of extended exhale 4/6 at 4 s
  REQUIRE_FALSE(c.empty());
  CHECK(c.front().at == 4s);
  CHECK(c.front().kind == CueKind::ToneExhale);
  CHECK(timeline.cues_between(4s, 4s + kVoiceDelay - 1us).empty());
  CHECK(timeline.cues_between(4s, 4s + kVoiceDelay).front().kind == CueKind::SayBreatheOut);
}

TEST_CASE("breath tones follow every phase onset of the step's pattern") {
  const Timeline timeline = make({breathing_step(30s)});
  const auto& cues = timeline.all_cues();
  std::vector<Duration> inhales, exhales;
  for (const auto& c : cues) {
    if (c.kind == CueKind::ToneInhale) inhales.push_back(c.at);
    if (c.kind == CueKind::ToneExhale) exhales.push_back(c.at);
  }
  CHECK(inhales == std::vector<Duration>{0s, 10s, 20s});
  CHECK(exhales == std::vector<Duration>{4s, 14s, 24s});
}

TEST_CASE("voice guidance speaks the first two breaths of a step and then lets the tones carry it") {
  const Timeline timeline = make({breathing_step(20s), breathing_step(60s)});
  const auto second = timeline.cues_between(20s - 1us, 80s);
  CHECK(count(second, CueKind::SayBreatheIn) == 2);
  CHECK(count(second, CueKind::SayBreatheOut) == 2);
  CHECK(count(second, CueKind::ToneInhale) == 5);  // the step's first inhale is its chime
}

TEST_CASE("the first breathing block reminds to breathe gently on its second breath") {
  const Timeline timeline = make({breathing_step(30s), breathing_step(30s)});
  const auto gentle = timeline.cues_between(10s - 1us, 10s + kVoiceDelay);
  REQUIRE(gentle.size() == 2);
  CHECK(gentle[1].kind == CueKind::SayGentle);
  CHECK(count(timeline.all_cues(), CueKind::SayGentle) == 1);
  CHECK(timeline.cue_caption(gentle[1]) == "Gently: low and slow, not big");
}

TEST_CASE("a pressure step is announced by side and muscle and counts three, two, one to release") {
  const Timeline timeline = make({breathing_step(20s), pressure_step("upper_trapezius", Side::Left, 45s),
                                  breathing_step(20s)});
  const auto step = timeline.cues_between(20s - 1us, 65s);
  REQUIRE(step.size() > 3);
  CHECK(step[0].kind == CueKind::ChimeNextStep);
  CHECK(step[1].kind == CueKind::SayStepName);
  CHECK(timeline.cue_caption(step[1]) == "Left upper_trapezius");
  std::vector<CueKind> countdown;
  for (const auto& c : step) {
    if (c.kind == CueKind::SayThree || c.kind == CueKind::SayTwo || c.kind == CueKind::SayOne ||
        c.kind == CueKind::SayRelease) {
      countdown.push_back(c.kind);
    }
  }
  CHECK(countdown == std::vector<CueKind>{CueKind::SayThree, CueKind::SayTwo, CueKind::SayOne, CueKind::SayRelease});
  CHECK(count(step, CueKind::SayBreatheIn) == 1);  // the announcement replaces the first
}

TEST_CASE("holds and top-ups are named for the first breaths") {
  const Timeline box = make({breathing_step(10s), breathing_step(64s, "box_4")});
  CHECK(count(box.cues_between(10s - 1us, 74s), CueKind::SayHold) == 4);
  const Timeline sigh = make({breathing_step(10s), breathing_step(36s, "cyclic_sigh")});
  CHECK(count(sigh.cues_between(10s - 1us, 46s), CueKind::SayTopUp) == 2);
}

TEST_CASE("belly breathing opens with where to put the hands") {
  const Timeline timeline = make({breathing_step(30s, "diaphragmatic")});
  const auto first = timeline.cues_between(-1us, kVoiceDelay);
  REQUIRE(first.size() == 2);
  CHECK(first[1].kind == CueKind::SayBellyHand);
}

TEST_CASE("the second side of a mirrored muscle starts with the switch-sides chime and words") {
  const Timeline timeline = make({pressure_step("upper_trapezius", Side::Left, 45s),
                                  pressure_step("upper_trapezius", Side::Right, 45s, true)});
  const auto at_switch = timeline.cues_between(45s - 1us, 45s + kVoiceDelay);
  REQUIRE(at_switch.size() == 2);
  CHECK(at_switch[0].kind == CueKind::ChimeSwitchSides);
  CHECK(at_switch[0].at == 45s);
  CHECK(at_switch[1].kind == CueKind::SaySwitchSides);
  CHECK(at_switch[1].at == 45s + kVoiceDelay);  // the words follow the chime
  CHECK(at_switch[1].side == Side::Right);
}

TEST_CASE("a new muscle starts with the next-step chime") {
  const Timeline timeline = make({breathing_step(20s), pressure_step("levator", Side::Left, 30s)});
  const auto start = timeline.cues_between(20s - 1us, 20s);
  REQUIRE_FALSE(start.empty());
  CHECK(start.front().kind == CueKind::ChimeNextStep);
  CHECK(count(start, CueKind::ToneInhale) == 0);
}

TEST_CASE(
    "the 10-second rule is said once per muscle, on its first side, where the hold has room") {
  const Timeline timeline = make({pressure_step("upper_trapezius", Side::Left, 45s),
                                  pressure_step("upper_trapezius", Side::Right, 45s, true),
                                  pressure_step("levator", Side::Left, 30s)});
  std::vector<Cue> said;
  for (const auto& c : timeline.all_cues()) {
    if (c.kind == CueKind::SayGoLighter) said.push_back(c);
  }
  // Extended exhale 4/6: the breath words stop after two cycles, so the first silent inhale is
  // at 20 s; it ends (20 + 6 s) before "three" at 31 s. The second side is not told again, and
  // the 30 s hold has no room before its countdown.
  REQUIRE(said.size() == 1);
  CHECK(said[0].at == 20s + kVoiceDelay);
  CHECK(said[0].step_index == 0);
  CHECK(timeline.cue_caption(said[0]) == "Not easing after ten seconds? Go lighter.");
  CHECK(count(timeline.cues_between(20s - 1us, 30s), CueKind::SayBreatheIn) == 0);
}

TEST_CASE("each pressure step says release on its last exhale that leaves time to ease off") {
  const Timeline timeline =
      make({pressure_step("upper_trapezius", Side::Left, 45s), breathing_step(20s)});
  std::vector<Duration> releases;
  for (const auto& c : timeline.all_cues()) {
    if (c.kind == CueKind::SayRelease) releases.push_back(c.at);
  }
  // Extended exhale 4/6: exhales at 4, 14, 24, 34, 44 s; 44 s leaves only 1 s, so 34 s.
  CHECK(releases == std::vector<Duration>{34s + kVoiceDelay});
}

TEST_CASE("a session always ends after a full exhale") {
  const Timeline timeline = make({breathing_step(20s), breathing_step(25s)});
  CHECK(timeline.total() == 50s);  // 25 s rounded up to three 10 s cycles
  CHECK(timeline.step_length(1) == 30s);
  const auto end = timeline.position_at(timeline.total());
  CHECK(end.finished);
  CHECK(end.breath.phase == BreathPhase::Exhale);
}

TEST_CASE("the position gives the step, time left in it, and overall progress") {
  const Timeline timeline = make({breathing_step(20s), pressure_step("m", Side::Left, 40s),
                                  breathing_step(20s)});
  const auto pos = timeline.position_at(35s);
  CHECK(pos.step_index == 1);
  CHECK(pos.step_elapsed == 15s);
  CHECK(pos.step_remaining == 25s);
  CHECK(pos.remaining == 45s);
  CHECK(pos.progress == doctest::Approx(35.0 / 80.0));
  CHECK_FALSE(pos.finished);
  CHECK(timeline.position_at(-3s).elapsed == 0s);
  CHECK(timeline.position_at(2h).step_index == 2);
}

TEST_CASE("a timeline refuses an empty step list or an unknown pattern") {
  CHECK_THROWS(make({}));
  CHECK_THROWS(make({breathing_step(20s, "nope")}));
}

TEST_CASE("every cue kind has a stable name and spoken kinds have captions") {
  for (int k = 0; k < kCueKindCount; ++k) {
    const auto kind = static_cast<CueKind>(k);
    CHECK_FALSE(cue_name(kind).empty());
    CHECK(caption(kind).empty() == (!is_spoken(kind) || kind == CueKind::SayStepName));
  }
  CHECK(caption(CueKind::SaySwitchSides) == "Switch sides");
}

}  // namespace unknot::core

namespace unknot::core {
TEST_CASE("a three-second countdown ticks each second before the first step") {
  const Timeline timeline(std::vector<Step>{test::breathing_step(20s)}, builtin_pattern_lookup());
  const auto ticks = timeline.cues_between(-4s, -1us);
  REQUIRE(ticks.size() == 3);
  CHECK(ticks[0].at == -3s);
  CHECK(ticks[2].at == -1s);
  for (const auto& c : ticks) CHECK(c.kind == CueKind::ToneHold);
  const auto pos = timeline.position_at(-2500ms);
  CHECK(pos.countdown_left == 2500ms);
  CHECK(pos.elapsed == 0s);
  CHECK(timeline.position_at(0s).countdown_left == 0s);
}
}  // namespace unknot::core
