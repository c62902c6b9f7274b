#include "core/haptics.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/breathing_session.h"
#include "core/custom_pattern.h"
#include "core/routine_parser.h"
#include "core/session_run.h"
#include "support/builders.h"

namespace unknot::core {
namespace {
using namespace std::chrono_literals;
using test::at;
using test::breathing_step;

constexpr CueKind kFeltKinds[] = {CueKind::ToneInhale,       CueKind::ToneExhale,
                                  CueKind::ToneHold,         CueKind::ChimeNextStep,
                                  CueKind::ChimeSwitchSides, CueKind::BellEnd};

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

struct NamedTimeline {
  std::string name;
  Timeline timeline;
};

// Every session the app ships: the built-in routines, and each built-in breathing pattern for
// its suggested length, also slowed down as offered to someone who feels dizzy.
std::vector<NamedTimeline> builtin_sessions() {
  std::vector<NamedTimeline> out;
  const auto dir = std::filesystem::path(UNKNOT_SOURCE_DIR) / "assets" / "routines";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    const std::string name = entry.path().filename().string();
    const auto parsed = parse_routine(read_file(entry.path()), name, builtin_pattern_lookup());
    REQUIRE_MESSAGE(parsed.routine.has_value(), name);
    out.push_back({name, Timeline(expand(*parsed.routine, builtin_pattern_lookup()),
                                  builtin_pattern_lookup())});
  }
  for (const BreathPattern& builtin : builtin_patterns()) {
    for (const BreathPattern& pattern : {builtin, slowed(builtin)}) {
      const Duration length = pattern.default_length > 0s ? pattern.default_length : 5min;
      const int breaths = static_cast<int>(length / pattern.cycle()) + 1;
      out.push_back(
          {pattern.id, Timeline(breathing_steps(pattern, breaths), [&pattern](std::string_view id) {
             return id == pattern.id ? &pattern : nullptr;
           })});
    }
  }
  return out;
}

void check_apart(const std::vector<HapticPulse>& pulses) {
  for (std::size_t i = 1; i < pulses.size(); ++i) {
    INFO("pulse " << i << " at " << pulses[i].at.count() << " us");
    CHECK(pulses[i - 1].end() + kHapticGap <= pulses[i].at);
  }
}

}  // namespace

TEST_CASE("each felt cue has a shape of its own, modest in strength and spaced to be felt apart") {
  for (const CueKind kind : kFeltKinds) {
    CAPTURE(cue_name(kind));
    const auto shape = haptic_shape(kind);
    REQUIRE_FALSE(shape.empty());
    CHECK(shape.front().at == 0s);
    check_apart(shape);
    for (const HapticPulse& p : shape) {
      CHECK(p.cue == kind);
      CHECK(p.strength > 0.0f);
      CHECK(p.strength <= kMaxHapticStrength);
      CHECK(p.length_ms >= 40);  // a motor barely spins up in less
    }
  }
  // No two shapes feel the same: they differ in count, lengths or strengths.
  for (const CueKind a : kFeltKinds) {
    for (const CueKind b : kFeltKinds) {
      if (a == b) continue;
      auto sa = haptic_shape(a), sb = haptic_shape(b);
      for (auto& p : sb) p.cue = a;
      CHECK_MESSAGE(sa != sb, cue_name(a) << " feels like " << cue_name(b));
    }
  }
  CHECK(haptic_shape(CueKind::SayBreatheIn).empty());
  CHECK(haptic_shape(CueKind::SaySessionComplete).empty());
}

TEST_CASE("in-breath rises, out-breath falls, hold taps once, steps and the end pulse long") {
  const auto in = haptic_shape(CueKind::ToneInhale);
  const auto out = haptic_shape(CueKind::ToneExhale);
  REQUIRE(in.size() == 3);
  REQUIRE(out.size() == 3);
  for (std::size_t i = 1; i < 3; ++i) {
    CHECK(in[i].strength > in[i - 1].strength);
    CHECK(in[i].length_ms > in[i - 1].length_ms);
    CHECK(out[i].strength < out[i - 1].strength);
    CHECK(out[i].length_ms < out[i - 1].length_ms);
  }
  CHECK(in.back().end() >= 500ms);
  CHECK(in.back().end() <= 700ms);
  CHECK(out.back().end() >= 500ms);
  CHECK(out.back().end() <= 700ms);

  const auto hold = haptic_shape(CueKind::ToneHold);
  REQUIRE(hold.size() == 1);
  CHECK(hold[0].length_ms <= 60);
  CHECK(hold[0].strength < in.back().strength);

  const auto next = haptic_shape(CueKind::ChimeNextStep);
  const auto sides = haptic_shape(CueKind::ChimeSwitchSides);
  const auto end = haptic_shape(CueKind::BellEnd);
  REQUIRE(next.size() == 2);
  REQUIRE(sides.size() == 2);
  REQUIRE(end.size() == 3);
  for (const auto& p : next) CHECK(p.length_ms >= 300);
  for (const auto& p : end) CHECK(p.length_ms >= 300);
  for (const auto& p : sides) CHECK(p.length_ms <= 100);
  // A new step's pulses are over before its first in-breath ends, even the shortest (1 s).
  CHECK(next.back().end() + kHapticGap <= 1s);
}

TEST_CASE("every built-in session is felt in full, with no pulse in the countdown or on another") {
  const auto sessions = builtin_sessions();
  CHECK(sessions.size() >= 3 + 2 * builtin_patterns().size());
  for (const auto& [name_, timeline_] : sessions) {
    // Named again: clang 14 cannot capture a structured binding in a lambda (CAPTURE is one).
    const auto& name = name_;
    const auto& timeline = timeline_;
    CAPTURE(name);
    const auto& cues = timeline.all_cues();
    const auto pattern = haptic_pattern(cues);
    check_apart(pattern);
    REQUIRE_FALSE(pattern.empty());
    CHECK(pattern.front().at == 0s);  // the countdown is not felt
    CHECK(pattern.front().cue == CueKind::ToneInhale);
    CHECK(pattern.back().cue == CueKind::BellEnd);
    // No cue lost a pulse to the one after it.
    std::size_t expected = 0;
    for (std::size_t i = 0; i < cues.size(); ++i) {
      if (cues[i].at < 0s) continue;
      const auto shape = haptic_shape(cues[i].kind);
      expected += shape.size();
      const auto pulses = haptic_pulses(cues, i);
      INFO("cue " << i << " " << cue_name(cues[i].kind) << " at " << to_seconds(cues[i].at));
      CHECK(pulses.size() == shape.size());
    }
    CHECK(pattern.size() == expected);
    for (const HapticPulse& p : pattern) {
      const Cue& cue = cues.at(static_cast<std::size_t>(p.cue_index));
      CHECK(cue.kind == p.cue);
      CHECK(p.at >= cue.at);
    }
  }
}

TEST_CASE("a cue that comes before another's shape is over loses the pulses that would run on") {
  const std::vector<Cue> cues{{-1s, CueKind::ToneHold},    {0s, CueKind::ToneInhale},
                              {0s, CueKind::SayBreatheIn}, {400ms, CueKind::ToneExhale},
                              {2s, CueKind::ToneHold},     {2500ms, CueKind::BellEnd}};
  CHECK(haptic_pulses(cues, 0).empty());  // countdown
  CHECK(haptic_pulses(cues, 2).empty());  // words
  CHECK(haptic_pulses(cues, 99).empty());
  // The in-breath's first pulse ends at 80 ms, the second would end at 330 ms: too close to
  // the out-breath at 400 ms.
  const auto in = haptic_pulses(cues, 1);
  REQUIRE(in.size() == 1);
  CHECK(in[0].at == 0s);
  CHECK(in[0].cue_index == 1);
  const auto out = haptic_pulses(cues, 3);
  REQUIRE(out.size() == 3);
  CHECK(out[0].at == 400ms);
  CHECK(out[2].at == 870ms);
  CHECK(out[2].cue_index == 3);
  CHECK(haptic_pulses(cues, 5).size() == 3);  // nothing after the end to make room for
  const auto all = haptic_pattern(cues);
  CHECK(all.size() == 1 + 3 + 1 + 3);
  check_apart(all);
}

TEST_CASE("the shortest custom pattern cut short at a step's end keeps its pulses apart") {
  PatternDraft draft;
  draft.name = "Quick";
  draft.inhale = 1s;
  draft.hold_full = 500ms;
  draft.exhale = 1s;
  draft.hold_empty = 500ms;
  REQUIRE(validate(draft).empty());
  const BreathPattern quick = to_pattern(draft, "custom_1");
  const BreathPattern* four_six = find_builtin_pattern("extended_exhale_4_6");
  // 3 s cycles: the first step's last out-breath starts at 40.5 s, 0.5 s before the next step.
  const Timeline timeline(
      {breathing_step(41s, "custom_1"), breathing_step(30s)},
      [&](std::string_view id) { return id == quick.id ? &quick : find_builtin_pattern(id); });
  REQUIRE(four_six != nullptr);
  const auto& cues = timeline.all_cues();
  const auto pattern = haptic_pattern(cues);
  check_apart(pattern);
  int clipped = 0;
  for (std::size_t i = 0; i < cues.size(); ++i) {
    if (cues[i].at < 0s || haptic_shape(cues[i].kind).empty()) continue;
    const auto pulses = haptic_pulses(cues, i);
    if (pulses.size() == haptic_shape(cues[i].kind).size()) continue;
    ++clipped;
    CHECK(cues[i].at == 40500ms);
    CHECK(cues[i].kind == CueKind::ToneExhale);
    CHECK(pulses.size() == 2);
  }
  CHECK(clipped == 1);
}

TEST_CASE("pulses looked up cue by cue as a session plays add up to the whole pattern") {
  const Timeline timeline(
      {breathing_step(20s), test::pressure_step("upper_trapezius", Side::Left, 30s),
       test::pressure_step("upper_trapezius", Side::Right, 30s, true),
       breathing_step(20s, "box_4")},
      builtin_pattern_lookup());
  const auto whole = haptic_pattern(timeline.all_cues());
  for (const Duration tick : {Duration{16ms}, Duration{1300ms}}) {
    CAPTURE(tick.count());
    SessionRun run(timeline, at(0s));
    std::vector<HapticPulse> felt;
    for (Instant now = at(0s); now <= at(timeline.countdown() + timeline.total() + tick);
         now += tick) {
      for (const Cue& cue : run.advance(timeline, now).cues) {
        const auto pulses = haptic_pulses_for(timeline.all_cues(), cue);
        felt.insert(felt.end(), pulses.begin(), pulses.end());
      }
    }
    CHECK(felt == whole);
  }
  const std::vector<CueKind> kinds_felt = [&] {
    std::vector<CueKind> kinds;
    for (const auto& p : whole) {
      if (kinds.empty() || kinds.back() != p.cue) kinds.push_back(p.cue);
    }
    return kinds;
  }();
  CHECK(std::find(kinds_felt.begin(), kinds_felt.end(), CueKind::ChimeNextStep) !=
        kinds_felt.end());
  CHECK(std::find(kinds_felt.begin(), kinds_felt.end(), CueKind::ChimeSwitchSides) !=
        kinds_felt.end());
  CHECK(std::find(kinds_felt.begin(), kinds_felt.end(), CueKind::ToneHold) != kinds_felt.end());
  CHECK(haptic_pulses_for(timeline.all_cues(), Cue{7s, CueKind::BellEnd}).empty());
}

TEST_CASE("the queue hands out pulses when they are due, late ones only for what is left") {
  HapticQueue queue;
  CHECK(queue.empty());
  CHECK_FALSE(queue.next_at().has_value());
  auto in = haptic_shape(CueKind::ToneInhale);  // 0 +80, 220 +110, 470 +140 ms
  for (auto& p : in) p.at += 10s;
  queue.add(in);
  CHECK(queue.next_at() == std::optional<Duration>(10s));
  CHECK(queue.take_due(9999ms).empty());

  auto due = queue.take_due(10s);
  REQUIRE(due.size() == 1);
  CHECK(due[0].length_ms == 80);
  CHECK(queue.next_at() == std::optional<Duration>(10220ms));

  // 30 ms late: the second pulse runs 80 ms so it still ends on time.
  due = queue.take_due(10250ms);
  REQUIRE(due.size() == 1);
  CHECK(due[0].at == 10220ms);
  CHECK(due[0].length_ms == 80);

  // So late that less than 20 ms of the third is left: dropped, and nothing is waiting.
  CHECK(queue.take_due(10595ms).empty());
  CHECK(queue.empty());
}

TEST_CASE("a newer cue's pulses take the place of waiting ones they would run into") {
  HapticQueue queue;
  auto out = haptic_shape(CueKind::ToneExhale);  // 0 +140, 250 +110, 470 +80 ms
  queue.add(out);
  CHECK(queue.take_due(0s).size() == 1);
  // After a skip the next step starts at 300 ms: the out-breath's pulse at 250 ms would still be
  // running then, so it goes, and so does the one at 470 ms.
  auto next = haptic_shape(CueKind::ChimeNextStep);
  for (auto& p : next) p.at += 300ms;
  queue.add(next);
  const auto due = queue.take_due(300ms);
  REQUIRE(due.size() == 1);
  CHECK(due[0].cue == CueKind::ChimeNextStep);
  CHECK(queue.next_at() == std::optional<Duration>(800ms));
  // Pulses that are over before the new ones start stay where they are.
  HapticQueue kept;
  kept.add(out);
  auto end = haptic_shape(CueKind::BellEnd);
  for (auto& p : end) p.at += 2s;
  kept.add(end);
  // At 480 ms the first two out-breath pulses are over and the third has 70 ms to run.
  const auto late = kept.take_due(480ms);
  REQUIRE(late.size() == 1);
  CHECK(late[0].length_ms == 70);
  CHECK(kept.next_at() == std::optional<Duration>(2s));
  kept.clear();
  CHECK(kept.empty());
}

}  // namespace unknot::core
