// The offline render (render-audio, the benchmark): every cue at exactly its frame, checked
// from the samples themselves, and the person's sound settings applied to the right groups.
#include "audio/offline_render.h"

#include <doctest/doctest.h>

#include <cstring>
#include <map>
#include <string>

#include "audio/onset_finder.h"
#include "audio/synth.h"
#include "audio_test_support.h"

namespace unknot::audio {
namespace {

using namespace testing;
constexpr int kRate = 48000;

core::Step breathing(const std::string& pattern, int seconds) {
  core::Step s = make_step(core::StepKind::Breathing, core::Side::None, false, seconds);
  s.pattern_id = pattern;
  return s;
}

// Every spoken kind and every tone: belly-hand and "gently" reminders, a step announcement on
// each side, "three, two, one, release", holds (box breathing) and a top-up (cyclic sighing).
core::Timeline varied_timeline() {
  return core::Timeline(
      {breathing("diaphragmatic", 20),
       // Long enough for the 10-second rule before its countdown.
       make_step(core::StepKind::Pressure, core::Side::Left, false, 45, "levator_scapulae"),
       make_step(core::StepKind::Pressure, core::Side::Right, true, 30, "levator_scapulae"),
       make_step(core::StepKind::Pressure, core::Side::None, false, 30, "suboccipitals"),
       breathing("box_4", 32), breathing("cyclic_sigh", 18)},
      core::builtin_pattern_lookup());
}

const VoiceBank& shipped_voices() {
  static const VoiceBank bank = VoiceBank::load(shipped_audio(), nullptr);
  return bank;
}

// Resampling every voice takes a moment in a debug build; the tests share one set.
const std::vector<NamedClip>& shipped_sounds() {
  static const std::vector<NamedClip> sounds = prepare_sounds(shipped_voices(), kRate);
  return sounds;
}

// The sound a placed cue starts with: its kind's clip, or a step announcement's first word.
const Clip& first_sound(const std::map<std::string, Clip>& sounds, const core::Timeline& timeline,
                        const core::Cue& cue) {
  if (cue.kind != core::CueKind::SayStepName)
    return sounds.at(std::string(core::cue_name(cue.kind)));
  const core::Step& step = timeline.step(cue.step_index);
  if (step.side == core::Side::None) return sounds.at(muscle_clip_name(step.muscle));
  return sounds.at(std::string(side_clip_name(step.side == core::Side::Left)));
}

std::map<std::string, Clip> sounds_by_name() {
  std::map<std::string, Clip> out;
  for (const NamedClip& sound : shipped_sounds()) out[sound.name] = sound.clip;
  return out;
}

}  // namespace

TEST_CASE("an offline render puts every cue at exactly its frame, as the samples show") {
  const core::Timeline timeline = varied_timeline();
  const core::SoundSettings defaults;
  const RenderedSession render = render_session(timeline, defaults, shipped_sounds(), kRate);
  const auto sounds = sounds_by_name();

  std::map<core::CueKind, int> kinds_seen;
  REQUIRE(render.cues.size() > 40);
  std::vector<SoundToFind> words;
  std::vector<const PlacedCue*> word_cues;
  std::vector<SoundToFind> tones;
  std::vector<const PlacedCue*> tone_cues;
  for (const PlacedCue& placed : render.cues) {
    CAPTURE(std::string(core::cue_name(placed.cue.kind)));
    ++kinds_seen[placed.cue.kind];
    // The list agrees with the timeline: a tone exactly; a word, or the end bell, when it
    // is due or, if a word is still sounding then, a little after.
    const std::int64_t asked = render.origin_frame + core::frame_of_time(placed.cue.at, kRate);
    if (core::is_spoken(placed.cue.kind) || placed.cue.kind == core::CueKind::BellEnd) {
      CHECK(placed.frame >= asked);
      CHECK(placed.frame < asked + 3 * kRate);
    } else {
      CHECK(placed.frame == asked);
    }
    CHECK(placed.caption == timeline.cue_caption(placed.cue));
    if (core::is_spoken(placed.cue.kind)) {
      words.push_back({&first_sound(sounds, timeline, placed.cue), placed.frame});
      word_cues.push_back(&placed);
    }
  }
  // ...and the audio agrees with the list: the best match of each cue's own sound within
  // +-50 frames is exactly there, not a frame either side. Words are looked for in the voice
  // layer and tones in a render without words (ducking under words reshapes a tone's level,
  // which would blur the match, not its timing).
  KeepSamples voice_layer;
  render_session_to(timeline, defaults, shipped_sounds(), kRate, voice_layer, kLayerVoice);
  core::SoundSettings no_words;
  no_words.voice_muted = true;
  const RenderedSession tone_render = render_session(timeline, no_words, shipped_sounds(), kRate);
  // (There the end bell rings as the session ends, with no words to wait for: its own list.)
  for (const PlacedCue& placed : tone_render.cues) {
    tones.push_back({&first_sound(sounds, timeline, placed.cue), placed.frame});
    tone_cues.push_back(&placed);
  }
  for (const auto& [search_, placed_, samples_] :
       {std::tuple{&words, &word_cues,
                   static_cast<const std::vector<float>*>(&voice_layer.samples)},
        std::tuple{&tones, &tone_cues, &tone_render.samples}}) {
    // Named again: clang 14 cannot capture a structured binding in a lambda (CAPTURE is one).
    const auto* search = search_;
    const auto* placed = placed_;
    const auto* samples = samples_;
    const std::vector<std::int64_t> found = find_onsets(*samples, *search, 50, 2400);
    for (std::size_t i = 0; i < found.size(); ++i) {
      CAPTURE(std::string(core::cue_name((*placed)[i]->cue.kind)));
      CAPTURE((*placed)[i]->seconds);
      CHECK(found[i] == (*placed)[i]->frame);
    }
  }
  // Every kind of cue was among them.
  CHECK(kinds_seen.size() == static_cast<std::size_t>(core::kCueKindCount));
}

TEST_CASE("with voices muted each tone rises out of exact silence at its frame") {
  const auto timeline = small_timeline(10, 20);
  core::SoundSettings tones_only;
  tones_only.voice_muted = true;
  const RenderedSession render = render_session(*timeline, tones_only, shipped_sounds(), kRate);
  std::vector<std::int64_t> expected;
  for (const PlacedCue& placed : render.cues) {
    CHECK_FALSE(core::is_spoken(placed.cue.kind));
    expected.push_back(placed.frame + first_audible_frame(prepared_tone(placed.cue.kind, kRate)));
  }
  CHECK(silence_onsets(render.samples, kRate / 20) == expected);
}

TEST_CASE("an offline render runs from the first countdown tick to the end of the bell") {
  const auto timeline = small_timeline(10, 20);
  const RenderedSession render =
      render_session(*timeline, core::SoundSettings{}, shipped_sounds(), kRate);
  CHECK(render.rate_hz == kRate);
  CHECK(render.origin_frame == 3 * kRate);
  REQUIRE_FALSE(render.cues.empty());
  CHECK(render.cues.front().frame == 0);
  CHECK(render.cues.front().seconds == doctest::Approx(-3.0));
  // The bell rings at the end, or once the last words have been said.
  const PlacedCue& bell = render.cues.back().cue.kind == core::CueKind::BellEnd
                              ? render.cues.back()
                              : render.cues[render.cues.size() - 2];
  REQUIRE(bell.cue.kind == core::CueKind::BellEnd);
  CHECK(bell.frame >= render.origin_frame + core::frame_of_time(timeline->total(), kRate));
  const std::int64_t bell_end = bell.frame + prepared_tone(core::CueKind::BellEnd, kRate).frames();
  CHECK(render.frames() >= bell_end);
  CHECK(render.frames() <= bell_end + kRate / 10);
  CHECK(peak_of(render.samples, render.frames() - 10, render.frames()) == 0.0F);
}

TEST_CASE("voice and tone volumes scale exactly their own cues") {
  // Volumes move a layer from the levelled default; the master gain and the ducking stay as
  // they are, so each layer of the mix is exactly the other's, scaled. (Both under the
  // limiter's ceiling, which at full volume may catch a word's peak.)
  const auto timeline = small_timeline(10, 20);
  core::SoundSettings defaults;
  defaults.voice_volume = 0.5F;
  defaults.tone_volume = 0.5F;
  core::SoundSettings mixed;
  mixed.voice_volume = 0.25F;
  mixed.tone_volume = 0.125F;
  auto layer = [&](const core::SoundSettings& settings, unsigned which) {
    KeepSamples keep;
    render_session_to(*timeline, settings, shipped_sounds(), kRate, keep, which);
    return keep.samples;
  };
  for (const auto& [which, scale] : {std::pair{kLayerVoice, 0.5F}, std::pair{kLayerTones, 0.25F}}) {
    const std::vector<float> full = layer(defaults, which);
    const std::vector<float> scaled = layer(mixed, which);
    REQUIRE(full.size() == scaled.size());
    CHECK(peak_of(full, 0, frame_count(full)) > 0.1F);
    float worst = 0;
    for (std::size_t i = 0; i < full.size(); ++i) {
      worst = std::max(worst, std::abs(scaled[i] - scale * full[i]));
    }
    CHECK(worst < 1e-6F);
  }
  // A muted group's cues are not listed as placed.
  core::SoundSettings voices_only;
  voices_only.tones_muted = true;
  const auto v = render_session(*timeline, voices_only, shipped_sounds(), kRate);
  for (const PlacedCue& placed : v.cues) CHECK(core::is_spoken(placed.cue.kind));
}

TEST_CASE("an offline render with the breath tone and the ocean bed is the same every time") {
  const auto timeline = small_timeline(10, 10);
  core::SoundSettings settings;
  settings.breath_tone = true;
  settings.ambient = core::AmbientKind::Ocean;
  const auto a = render_session(*timeline, settings, shipped_sounds(), kRate);
  const auto b = render_session(*timeline, settings, shipped_sounds(), kRate);
  REQUIRE(a.samples.size() == b.samples.size());
  CHECK(std::memcmp(a.samples.data(), b.samples.data(), a.samples.size() * sizeof(float)) == 0);
  // The bed's 2 s fade-out fits before the end, which itself fades to zero.
  CHECK(a.frames() >= a.origin_frame + core::frame_of_time(timeline->total(), kRate) + 2 * kRate);
  CHECK(a.samples[a.samples.size() - 1] == 0.0F);
}

}  // namespace unknot::audio
