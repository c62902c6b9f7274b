#include "core/breath.h"

#include <doctest/doctest.h>

#include "support/builders.h"

namespace unknot::core {
namespace {
using namespace std::chrono_literals;

const BreathPattern& pattern(std::string_view id) {
  const BreathPattern* p = find_builtin_pattern(id);
  REQUIRE(p != nullptr);
  return *p;
}
}  // namespace

TEST_CASE("the built-in presets have the cycle lengths of domain.md §1.0") {
  CHECK(pattern("resonance_6").cycle() == 10s);
  CHECK(pattern("resonance_5_5").cycle() == 11s);
  CHECK(pattern("coherent_5").cycle() == 12s);
  CHECK(pattern("extended_exhale_4_6").cycle() == 10s);
  CHECK(pattern("extended_exhale_3_7").cycle() == 10s);
  CHECK(pattern("box_4").cycle() == 16s);
  CHECK(pattern("relax_478").cycle() == 19s);
  CHECK(pattern("cyclic_sigh").cycle() == 9s);
  CHECK(find_builtin_pattern("no_such_pattern") == nullptr);
}

TEST_CASE("only the patterns with holds report having a hold") {
  CHECK(pattern("box_4").has_hold());
  CHECK(pattern("relax_478").has_hold());
  CHECK_FALSE(pattern("extended_exhale_4_6").has_hold());
  CHECK_FALSE(pattern(kPressurePatternId).has_hold());
}

TEST_CASE("box breathing walks inhale, hold, exhale, hold at four-second boundaries") {
  const auto& box = pattern("box_4");
  CHECK(breath_at(box, 0s).phase == BreathPhase::Inhale);
  CHECK(breath_at(box, 3999ms).phase == BreathPhase::Inhale);
  CHECK(breath_at(box, 4s).phase == BreathPhase::HoldFull);
  CHECK(breath_at(box, 8s).phase == BreathPhase::Exhale);
  CHECK(breath_at(box, 12s).phase == BreathPhase::HoldEmpty);
  const auto next = breath_at(box, 16s);
  CHECK(next.phase == BreathPhase::Inhale);
  CHECK(next.cycle == 1);
  CHECK(breath_at(box, 10s).phase_elapsed == 2s);
  CHECK(breath_at(box, 10s).phase_fraction == doctest::Approx(0.5));
}

TEST_CASE("the pacer volume rises through the inhale, holds, and falls through the exhale") {
  const auto& box = pattern("box_4");
  CHECK(breath_at(box, 0s).volume == doctest::Approx(0.0));
  CHECK(breath_at(box, 2s).volume == doctest::Approx(0.5));
  CHECK(breath_at(box, 1s).volume < breath_at(box, 3s).volume);
  CHECK(breath_at(box, 6s).volume == doctest::Approx(1.0));
  CHECK(breath_at(box, 9s).volume > breath_at(box, 11s).volume);
  CHECK(breath_at(box, 14s).volume == doctest::Approx(0.0));
}

TEST_CASE("cyclic sighing tops up from a partly filled chest to full before the long exhale") {
  const auto& sigh = pattern("cyclic_sigh");
  const auto top_up = breath_at(sigh, 2s);
  CHECK(top_up.phase == BreathPhase::TopUp);
  CHECK(top_up.volume == doctest::Approx(0.8));
  CHECK(breath_at(sigh, 3s).phase == BreathPhase::Exhale);
  CHECK(breath_at(sigh, 3s).volume == doctest::Approx(1.0));
}

TEST_CASE("negative elapsed time is treated as the start of the pattern") {
  const auto p = breath_at(pattern("resonance_6"), -5s);
  CHECK(p.cycle == 0);
  CHECK(p.phase == BreathPhase::Inhale);
  CHECK(p.phase_elapsed == 0s);
}

TEST_CASE("each phase has a short word for the screen and the voice") {
  CHECK(phase_word(BreathPhase::Inhale) == "Breathe in");
  CHECK(phase_word(BreathPhase::Exhale) == "Breathe out");
  CHECK(phase_word(BreathPhase::HoldFull) == "Hold");
}

}  // namespace unknot::core
