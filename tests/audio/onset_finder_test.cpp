// The analysis the timing tests and the benchmark rely on: it must see a sound one frame early
// or late even where sounds overlap, or "0 frames of error" would prove nothing.
#include "audio/onset_finder.h"

#include <doctest/doctest.h>

#include <vector>

#include "audio/ambient_bed.h"
#include "audio/synth.h"
#include "audio/voice_bank.h"
#include "audio_test_support.h"

namespace unknot::audio {
namespace {

using namespace testing;
constexpr int kRate = 48000;

void mix(std::vector<float>& out, const Clip& clip, std::int64_t at, float left, float right) {
  for (std::int64_t i = 0; i < clip.frames() && at + i < frame_count(out); ++i) {
    out[static_cast<std::size_t>(2 * (at + i))] += left * clip.sample(i, 0);
    out[static_cast<std::size_t>(2 * (at + i) + 1)] += right * clip.sample(i, 1);
  }
}

}  // namespace

TEST_CASE("overlapping sounds are each found at their frame, even one frame off where expected") {
  const VoiceBank voices = VoiceBank::load(shipped_audio(), nullptr);
  const Clip chime = synthesize_tone(core::CueKind::ToneInhale, kRate);
  const Clip top_up = synthesize_tone(core::CueKind::ToneInhale, kRate);
  const Clip exhale = synthesize_tone(core::CueKind::ToneExhale, kRate);
  const Clip bell = synthesize_tone(core::CueKind::BellEnd, kRate);
  const Clip words = voices.clip("say_breathe_in", kRate);
  const Clip complete = voices.clip("say_session_complete", kRate);

  std::vector<float> recording(2 * 8 * kRate, 0.0F);
  // A soft bed under everything.
  AmbientBed bed(kRate, 3);
  bed.set_volumes(1.0F, 0.0F);
  bed.set_active(true);
  bed.render(recording.data(), 8 * kRate);
  // Where each sound really is, and where the search is told to look.
  struct Placed {
    const Clip* clip;
    std::int64_t actual;
    std::int64_t expected;
    float left;
    float right;
  };
  const std::vector<Placed> placed = {
      {&chime, 1000, 1000, 1.0F, 1.0F},
      {&words, 1000 + 7200, 1000 + 7201, 1.2F, 0.8F},  // one frame early
      {&top_up, 97'000, 96'999, 0.5F, 0.5F},           // one frame late, quieter
      {&exhale, 145'000, 145'000, 1.0F, 1.0F},         // while the top-up still rings
      {&bell, 240'000, 240'005, 0.9F, 1.1F},           // five frames early
      {&complete, 240'000, 240'000, 1.0F, 1.0F},       // on the same frame as the bell
  };
  std::vector<SoundToFind> search;
  for (const Placed& p : placed) {
    mix(recording, *p.clip, p.actual, p.left, p.right);
    search.push_back({p.clip, p.expected});
  }
  const std::vector<std::int64_t> found = find_onsets(recording, search, 50, 2400);
  for (std::size_t i = 0; i < placed.size(); ++i) {
    CAPTURE(i);
    CHECK(found[i] == placed[i].actual);
  }
  // Alone, a sound is found directly too.
  CHECK(find_onset(recording, chime, 1003, 20, 2400) == 1000);
}

}  // namespace unknot::audio
