// What a listener gets from the shipped sounds: words never overlap each other or the end bell,
// repeated steps say "second round", each layer mutes on its own, the tones duck under words,
// the master stage levels a session to -16 LUFS with peaks under -1 dBTP (and predicts that
// gain the same way every time), clip edges rise out of silence, clips share one loudness,
// and the sound sets keep in, out and hold apart.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "audio/cue_renderer.h"
#include "audio/loudness.h"
#include "audio/offline_render.h"
#include "audio/synth.h"
#include "audio/voice_bank.h"
#include "audio_test_support.h"
#include "core/breathing_session.h"
#include "core/routine_parser.h"

namespace unknot::audio {
namespace {

using testing::KeepSamples;
using testing::shipped_audio;
using testing::source_dir;

constexpr int kRate = 24000;  // enough for levels and timing, and quick

const VoiceBank& voices() {
  static const VoiceBank bank = VoiceBank::load(shipped_audio(), nullptr);
  return bank;
}

const std::vector<NamedClip>& sounds(core::SoundSet set = core::SoundSet::Chimes) {
  static std::vector<NamedClip> by_set[core::kSoundSetCount];
  auto& s = by_set[static_cast<int>(set)];
  if (s.empty()) s = prepare_sounds(voices(), kRate, set);
  return s;
}

std::shared_ptr<const core::Timeline> routine(const std::string& id) {
  const auto file = source_dir() / "assets" / "routines" / (id + ".json");
  std::ifstream in(file);
  std::ostringstream text;
  text << in.rdbuf();
  const auto lookup = core::builtin_pattern_lookup();
  const auto parsed = core::parse_routine(text.str(), file.string(), lookup);
  REQUIRE(parsed.routine);
  return std::make_shared<const core::Timeline>(core::expand(*parsed.routine, lookup), lookup);
}

std::shared_ptr<const core::Timeline> pattern(const std::string& id, int breaths) {
  return std::make_shared<const core::Timeline>(
      core::breathing_steps(*core::find_builtin_pattern(id), breaths),
      core::builtin_pattern_lookup());
}

std::vector<std::shared_ptr<const core::Timeline>> every_session() {
  std::vector<std::shared_ptr<const core::Timeline>> all;
  for (const char* id : {"neck_tension_headache", "jaw_temple", "low_back_hips"}) {
    all.push_back(routine(id));
  }
  for (const core::BreathPattern& p : core::builtin_patterns()) all.push_back(pattern(p.id, 12));
  return all;
}

std::unique_ptr<CueRenderer> loaded(std::shared_ptr<const core::Timeline> timeline,
                                    const core::SoundSettings& settings = {},
                                    core::SoundSet set = core::SoundSet::Chimes) {
  auto renderer = std::make_unique<CueRenderer>(kRate);
  for (const NamedClip& s : sounds(set)) renderer->set_clip(s.name, s.clip);
  renderer->set_settings(settings);
  renderer->load(std::move(timeline));
  return renderer;
}

std::vector<float> render(const core::Timeline& timeline, const core::SoundSettings& settings,
                          unsigned layers = kAllLayers) {
  KeepSamples keep;
  render_session_to(timeline, settings, sounds(settings.sound_set), kRate, keep, layers);
  return keep.samples;
}

double energy(const std::vector<float>& samples) {
  double sum = 0;
  for (const float x : samples) sum += static_cast<double>(x) * x;
  return sum;
}

}  // namespace

TEST_CASE("no two words overlap, and no word sounds over the end bell, in any built-in session") {
  for (const auto& timeline : every_session()) {
    const auto renderer = loaded(timeline);
    std::int64_t word_end = std::numeric_limits<std::int64_t>::min();
    const ScheduledCue* bell = nullptr;
    int words = 0;
    for (const ScheduledCue& cue : renderer->schedule()) {
      if (cue.clip == nullptr || cue.clip->empty()) continue;
      if (cue.kind == core::CueKind::BellEnd) bell = &cue;
      if (!core::is_spoken(cue.kind)) continue;
      ++words;
      CAPTURE(core::cue_name(cue.kind));
      CAPTURE(cue.frame);
      CHECK(cue.frame >= word_end);   // starts after the previous word has ended
      CHECK(cue.frame >= cue.asked);  // never earlier than the timeline asked
      word_end = std::max(word_end, cue.frame + cue.clip->frames());
    }
    CHECK(words > 0);
    REQUIRE(bell != nullptr);
    CHECK(bell->frame >= word_end);
    CHECK(bell->frame >= core::frame_of_time(timeline->total(), kRate));
  }
}

TEST_CASE("a repeated step's announcement ends with the words \"second round\"") {
  const auto timeline = routine("neck_tension_headache");
  const auto renderer = loaded(timeline);
  const Clip& round = renderer->clip("step_second_round");
  REQUIRE_FALSE(round.empty());
  // Said once per repeated step, with its announcement (a mirrored second side is announced
  // by "switch sides" instead).
  int repeated = 0;
  for (int i = 0; i < timeline->step_count(); ++i) {
    const core::Step& step = timeline->step(i);
    if (step.title.ends_with(", second round") && !step.switches_sides) ++repeated;
  }
  REQUIRE(repeated > 0);
  int said = 0;
  for (const ScheduledCue& cue : renderer->schedule()) {
    if (cue.clip != &round) continue;
    ++said;
    const core::Cue& source = timeline->all_cues()[cue.cue_index];
    CHECK(source.kind == core::CueKind::SayStepName);
    CHECK(timeline->cue_caption(source).ends_with(", second round"));
  }
  CHECK(said == repeated);
}

TEST_CASE("each layer mutes on its own: the breath tone plays with the tones muted") {
  const auto timeline = pattern("resonance_6", 3);
  core::SoundSettings breath_only;
  breath_only.breath_tone = true;
  breath_only.tones_muted = true;
  breath_only.voice_muted = true;
  CHECK(energy(render(*timeline, breath_only)) > 0);
  core::SoundSettings tones_only;
  tones_only.voice_muted = true;
  const double tones = energy(render(*timeline, tones_only, kLayerTones));
  CHECK(tones > 0);
  // Muting the voice leaves the tones (and turning the breath tone off leaves them too).
  core::SoundSettings no_breath = tones_only;
  no_breath.breath_tone = false;
  CHECK(energy(render(*timeline, no_breath, kLayerTones)) == doctest::Approx(tones));
  core::SoundSettings voice_muted;
  voice_muted.voice_muted = true;
  CHECK(energy(render(*timeline, voice_muted, kLayerVoice)) == 0);
  core::SoundSettings tones_muted;
  tones_muted.tones_muted = true;
  CHECK(energy(render(*timeline, tones_muted, kLayerTones)) == 0);
  CHECK(energy(render(*timeline, tones_muted, kLayerVoice)) > 0);
}

TEST_CASE("while a word sounds the tones under it are 9 dB down") {
  const auto timeline = routine("jaw_temple");
  core::SoundSettings settings;
  const auto renderer = loaded(timeline, settings);
  const std::vector<float> with_words = render(*timeline, settings, kLayerTones);
  // The same tones with no words to duck for (the master gain differs: compare ratios).
  core::SoundSettings silent_voice = settings;
  silent_voice.voice_muted = true;
  const std::vector<float> without = render(*timeline, silent_voice, kLayerTones);
  // (Without words the end bell rings at the session's end, so that render is shorter.)
  REQUIRE(with_words.size() >= without.size());
  const double master_ratio = std::pow(10.0, (loaded(timeline, settings)->master_gain_db() -
                                              loaded(timeline, silent_voice)->master_gain_db()) /
                                                 20.0);
  const std::int64_t origin = core::frame_of_time(timeline->countdown(), kRate);
  int checked = 0;
  for (const ScheduledCue& cue : renderer->schedule()) {
    if (!core::is_spoken(cue.kind) || cue.clip == nullptr || cue.clip->frames() < kRate / 4)
      continue;
    // "Session complete": the bell waits for it, so only the render without words has a
    // tone there.
    if (cue.kind == core::CueKind::SaySessionComplete) continue;
    // The middle of the word: well past the ducking's 30 ms.
    const std::int64_t from = origin + cue.frame + kRate / 10;
    const std::int64_t to = std::min(origin + cue.frame + cue.clip->frames() - kRate / 20,
                                     static_cast<std::int64_t>(without.size() / 2));
    double a = 0;
    double b = 0;
    for (std::int64_t f = from; f < to; ++f) {
      a += static_cast<double>(with_words[static_cast<std::size_t>(2 * f)]) *
           with_words[static_cast<std::size_t>(2 * f)];
      b += static_cast<double>(without[static_cast<std::size_t>(2 * f)]) *
           without[static_cast<std::size_t>(2 * f)];
    }
    if (b < 1e-9) continue;  // no tone under this word
    CAPTURE(cue.frame);
    CHECK(10 * std::log10(a / b) - 20 * std::log10(master_ratio) ==
          doctest::Approx(-9.0).epsilon(0.05));
    ++checked;
  }
  CHECK(checked > 5);
}

TEST_CASE("the master stage levels a session to -16 LUFS with true peaks under -1 dBTP") {
  for (const auto& timeline : {routine("neck_tension_headache"), routine("low_back_hips"),
                               pattern("cyclic_sigh", 40), pattern("box_4", 20)}) {
    for (const core::SoundSet set : {core::SoundSet::Chimes, core::SoundSet::Pads}) {
      core::SoundSettings settings;
      settings.sound_set = set;
      LoudnessMeter meter(kRate);
      meter.add(render(*timeline, settings));
      CAPTURE(timeline->total().count());
      CAPTURE(core::sound_set_name(set));
      CHECK(meter.integrated() == doctest::Approx(-16.0).epsilon(1.0 / 16));
      CHECK(20 * std::log10(meter.true_peak()) <= -1.0);
    }
  }
}

TEST_CASE("the master gain is predicted the same way every time, and follows the layers") {
  const auto timeline = routine("jaw_temple");
  const double gain = loaded(timeline)->master_gain_db();
  CHECK(loaded(timeline)->master_gain_db() == gain);
  CHECK(std::abs(gain) < CueRenderer::kMaxMasterDb);
  // Volumes move one layer from the levelled default; they do not re-level the whole.
  core::SoundSettings quieter;
  quieter.voice_volume = 0.5F;
  CHECK(loaded(timeline, quieter)->master_gain_db() == gain);
  // Without the words the session is quieter, so the master gain rises.
  core::SoundSettings tones_only;
  tones_only.voice_muted = true;
  CHECK(loaded(timeline, tones_only)->master_gain_db() > gain + 1);
  // Mid-session, muting re-levels too.
  auto renderer = loaded(timeline);
  renderer->set_settings(tones_only);
  CHECK(renderer->master_gain_db() == loaded(timeline, tones_only)->master_gain_db());
}

TEST_CASE("every prepared clip rises out of and falls back into silence without a step") {
  const double threshold = std::pow(10.0, -70.0 / 20.0);
  for (const core::SoundSet set :
       {core::SoundSet::Chimes, core::SoundSet::Bowls, core::SoundSet::Pads}) {
    for (const NamedClip& sound : sounds(set)) {
      if (sound.clip.empty()) continue;
      CAPTURE(sound.name);
      for (int c = 0; c < sound.clip.channels(); ++c) {
        CHECK(std::abs(sound.clip.sample(0, c)) <= threshold);
        CHECK(std::abs(sound.clip.sample(sound.clip.frames() - 1, c)) <= threshold);
      }
    }
  }
}

TEST_CASE("the shipped voice clips, levelled, sit within 2 LU of each other") {
  double lo = 1e9;
  double hi = -1e9;
  for (const std::string& name : voices().names()) {
    const double l = clip_loudness(prepare_voice(voices(), name, kRate));
    CAPTURE(name);
    CHECK(std::isfinite(l));
    lo = std::min(lo, l);
    hi = std::max(hi, l);
  }
  CHECK(hi - lo <= 2.0);
}

TEST_CASE("in every sound set, in rises, out falls lower and darker, and hold is short") {
  // Crossings of zero per second track the dominant pitch of these tonal sounds.
  auto crossings = [](const Clip& clip, double from_s, double to_s) {
    int n = 0;
    const auto a = static_cast<std::int64_t>(from_s * kRate);
    const auto b = std::min(clip.frames(), static_cast<std::int64_t>(to_s * kRate));
    for (std::int64_t f = a + 1; f < b; ++f) {
      if ((clip.sample(f - 1, 0) < 0) != (clip.sample(f, 0) < 0)) ++n;
    }
    return n / (static_cast<double>(b - a) / kRate) / 2;
  };
  for (const core::SoundSet set :
       {core::SoundSet::Chimes, core::SoundSet::Bowls, core::SoundSet::Pads}) {
    CAPTURE(core::sound_set_name(set));
    const Clip in = synthesize_tone(core::CueKind::ToneInhale, kRate, set);
    const Clip out = synthesize_tone(core::CueKind::ToneExhale, kRate, set);
    const Clip hold = synthesize_tone(core::CueKind::ToneHold, kRate, set);
    // Rising and falling shapes.
    CHECK(crossings(in, 0.6, 0.9) > crossings(in, 0.02, 0.12) * 1.05);
    CHECK(crossings(out, 0.6, 0.9) < crossings(out, 0.02, 0.12) / 1.05);
    // Out sits at least a fourth lower than in, throughout.
    CHECK(crossings(out, 0.02, 0.5) * 1.3 < crossings(in, 0.02, 0.5));
    // Hold is its own, short sound.
    CHECK(static_cast<double>(hold.frames()) / kRate < 0.6);
  }
}

}  // namespace unknot::audio
