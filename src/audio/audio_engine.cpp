#include "audio/audio_engine.h"

#include <SDL.h>
#include <SDL_mixer.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <optional>
#include <string_view>
#include <vector>

#include "audio/cue_renderer.h"
#include "audio/voice_bank.h"

namespace unknot::audio {
namespace {

constexpr int kWantedRate = 48000;
#ifdef __EMSCRIPTEN__
// The browser's audio callback runs on the page's main thread (SDL 2.26 uses a
// ScriptProcessorNode), where every call has a fixed cost besides the samples: ~46 ms at
// 44.1 kHz halves the calls a session makes. The picture does not wait for it (now() moves on
// with the wall clock between callbacks) and a tap's sound is still well under 0.1 s late.
constexpr int kChunkFrames = 2048;
#else
// ~21 ms at 48 kHz: small enough that sound and picture feel together, large enough that a
// busy desktop does not underrun.
constexpr int kChunkFrames = 1024;
#endif
// The callback renders through a private buffer of whole float objects (the stream is raw
// bytes); longer streams are handled in pieces.
constexpr int kScratchFrames = 2048;
// SDL2 keeps at most 16 open devices; ids are small integers starting at 1.
constexpr SDL_AudioDeviceID kMaxDeviceId = 32;

struct OpenDevice {
  int rate = 0;
  SDL_AudioDeviceID id = 0;
};

bool device_open(SDL_AudioDeviceID id) { return SDL_GetAudioDeviceStatus(id) != SDL_AUDIO_STOPPED; }

// SDL_mixer 2.6 neither exposes its device id nor offers Mix_PauseAudio / Mix_LockAudio (2.8
// does), yet locking the device is what keeps the callback from seeing half an update.
// Opening turns exactly one new device id from stopped to playing, and that id is the mixer's.
// `rate` 0 takes the device's preferred rate; otherwise exactly that rate (SDL converts). The
// device is left paused. The audio subsystem must be initialised.
std::optional<OpenDevice> open_mixer(int rate, std::string& why) {
  std::array<bool, kMaxDeviceId + 1> was_open{};
  for (SDL_AudioDeviceID id = 1; id <= kMaxDeviceId; ++id) was_open[id] = device_open(id);

  // Only the rate may differ: SDL converts format and channel count for us, so the post-mix
  // stream is always interleaved stereo float.
  if (Mix_OpenAudioDevice(rate > 0 ? rate : kWantedRate, AUDIO_F32SYS, 2, kChunkFrames, nullptr,
                          rate > 0 ? 0 : SDL_AUDIO_ALLOW_FREQUENCY_CHANGE) != 0) {
    why = SDL_GetError();
    return std::nullopt;
  }
  OpenDevice result;
  Uint16 format = 0;
  int channels = 0;
  const bool spec_ok = Mix_QuerySpec(&result.rate, &format, &channels) != 0 &&
                       format == AUDIO_F32SYS && channels == 2 && result.rate > 0 &&
                       (rate == 0 || result.rate == rate);
  for (SDL_AudioDeviceID id = 1; id <= kMaxDeviceId && result.id == 0; ++id) {
    if (!was_open[id] && device_open(id)) result.id = id;
  }
  if (!spec_ok || result.id == 0) {
    why = spec_ok ? "could not identify the mixer's audio device" : "device is not float stereo";
    Mix_CloseAudio();
    return std::nullopt;
  }
  SDL_PauseAudioDevice(result.id, 1);
  return result;
}

// Opens the mixer on the configured driver, or else on SDL's dummy driver, whose clock still
// runs in real time so a session can be followed by its captions. `why` says why the real
// device failed; empty if it opened.
std::optional<OpenDevice> open_mixer_or_dummy(int rate, std::string& why, std::string& why_dummy) {
  std::optional<OpenDevice> device;
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) == 0) {
    device = open_mixer(rate, why);
    if (device) return device;
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
  } else {
    why = SDL_GetError();
  }
  SDL_setenv("SDL_AUDIODRIVER", "dummy", 1);
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
    why_dummy = SDL_GetError();
    return std::nullopt;
  }
  device = open_mixer(rate, why_dummy);
  if (!device) SDL_QuitSubSystem(SDL_INIT_AUDIO);
  return device;
}

bool on_dummy_driver() {
  const char* driver = SDL_GetCurrentAudioDriver();
  return driver != nullptr && std::string_view(driver) == "dummy";
}

class DeviceLock {
 public:
  // A closed device (id 0) has no callback to keep out.
  explicit DeviceLock(SDL_AudioDeviceID id) : id_(id) {
    if (id_ != 0) SDL_LockAudioDevice(id_);
  }
  ~DeviceLock() {
    if (id_ != 0) SDL_UnlockAudioDevice(id_);
  }
  DeviceLock(const DeviceLock&) = delete;
  DeviceLock& operator=(const DeviceLock&) = delete;

 private:
  SDL_AudioDeviceID id_;
};

}  // namespace

struct AudioEngine::Impl {
  Impl(int device_rate, bool on_dummy)
      : rate(device_rate), dummy(on_dummy), renderer(device_rate), preview(device_rate, 2) {}

  // Opens the device again at the same rate, or the dummy driver if it is gone; the callback
  // starts at once. False only if even the dummy driver fails.
  bool open_device(std::string& warning) {
    std::string why;
    std::string why_dummy;
    const std::optional<OpenDevice> device = open_mixer_or_dummy(rate, why, why_dummy);
    if (!device) {
      warning = "No audio (" + why + "), and the dummy driver failed: " + why_dummy;
      return false;
    }
    if (!why.empty())
      warning = "The audio device is gone (" + why + "); playing silently, with captions only.";
    dummy = on_dummy_driver();
    device_id = device->id;
    // Registered after opening: the post-mix hook takes the mixer's device lock.
    Mix_SetPostMix(&Impl::post_mix, this);
    SDL_PauseAudioDevice(device_id, 0);
    return true;
  }

  // Closing the device ends its thread: a paused SDL device still wakes every buffer to write
  // silence, and an idle app should not wake at all.
  void close_device() {
    if (device_id == 0) return;
    Mix_SetPostMix(nullptr, nullptr);
    Mix_CloseAudio();  // joins the audio thread, so no callback runs after this
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    device_id = 0;
  }

  // The callback is the clock's only writer while the device runs; set_running writes only
  // while it is paused. A sequence lock lets now() read frames and their time stamp as a
  // consistent pair without ever making the audio thread wait.
  void publish(std::int64_t new_frames, std::int64_t counter) {
    const std::uint64_t seq = anchor_seq.load(std::memory_order_relaxed);
    anchor_seq.store(seq + 1, std::memory_order_relaxed);
    // Release stores (rather than a fence, which ThreadSanitizer cannot follow): a reader
    // that sees either new value also sees the odd sequence number stored before it.
    frames.store(new_frames, std::memory_order_release);
    anchor_counter.store(counter, std::memory_order_release);
    anchor_seq.store(seq + 2, std::memory_order_release);
  }

  void read_anchor(std::int64_t& frames_out, std::int64_t& counter_out) const {
    for (;;) {
      const std::uint64_t before = anchor_seq.load(std::memory_order_acquire);
      frames_out = frames.load(std::memory_order_acquire);
      counter_out = anchor_counter.load(std::memory_order_acquire);
      if (before % 2 == 0 && anchor_seq.load(std::memory_order_relaxed) == before) return;
    }
  }

  static void SDLCALL post_mix(void* user, Uint8* stream, int len) {
    auto& self = *static_cast<Impl*>(user);
    constexpr auto kFrameBytes = static_cast<int>(2 * sizeof(float));
    const int total = len / kFrameBytes;
    const std::int64_t first = self.frames.load(std::memory_order_relaxed);
    for (int done = 0; done < total;) {
      const int count = std::min(total - done, kScratchFrames);
      const auto bytes = static_cast<std::size_t>(count * kFrameBytes);
      Uint8* piece = stream + done * kFrameBytes;
      std::memcpy(self.scratch.data(), piece, bytes);
      self.renderer.render(first + done, self.scratch.data(), count);
      self.preview.render(first + done, self.scratch.data(), count);
      std::memcpy(piece, self.scratch.data(), bytes);
      done += count;
    }
    self.buffer_frames.store(total, std::memory_order_relaxed);
    self.audible.store(self.renderer.audible() || self.preview.audible(),
                       std::memory_order_relaxed);
    self.publish(first + total, static_cast<std::int64_t>(SDL_GetPerformanceCounter()));
  }

  const int rate;
  SDL_AudioDeviceID device_id = 0;  // 0 while closed; only the main thread changes it
  bool dummy;
  const std::int64_t counter_hz = static_cast<std::int64_t>(SDL_GetPerformanceFrequency());
  CueRenderer renderer;
  CueRenderer preview;  // the Sound screen's sound-set previews, mixed over the session
  core::SoundSet sound_set = core::SoundSet::Chimes;  // whose tones `renderer` holds
  VoiceBank muscle_names;  // decoded, mono at the recording rate; clips made per routine
  std::array<float, 2 * kScratchFrames> scratch{};
  std::atomic<std::int64_t> frames{0};
  std::atomic<std::int64_t> anchor_counter{0};
  std::atomic<std::uint64_t> anchor_seq{0};
  std::atomic<std::int64_t> buffer_frames{kChunkFrames};
  std::atomic<bool> running{false};
  std::atomic<bool> audible{false};
  mutable std::atomic<std::int64_t> latest_now{0};  // frames; keeps now() monotonic
};

std::unique_ptr<AudioEngine> AudioEngine::open(const std::filesystem::path& audio_dir,
                                               std::string* warning) {
  // Decoding, resampling and synthesis take a while in a debug build, and an opened device
  // (even paused) keeps producing silence, so the sounds are made before opening, at the rate
  // we will most likely get.
  std::vector<std::string> problems;
  VoiceBank voices = VoiceBank::load(audio_dir, &problems);
  // Muscle names are most of the recorded voice; keep them compact (mono, as recorded) and make
  // playable clips only for the muscles of the routine being played (see load()).
  VoiceBank muscle_names = voices.take_prefixed("muscle_");
  std::vector<NamedClip> sounds = prepare_sounds(voices, kWantedRate);

  std::vector<std::string> notes;
  std::string why;
  std::string why_dummy;
  // Opened once to learn the rate and that a device works, then closed until a session runs.
  const std::optional<OpenDevice> device = open_mixer_or_dummy(0, why, why_dummy);
  if (!device) {
    if (warning) *warning = "No audio (" + why + "), and the dummy driver failed: " + why_dummy;
    return nullptr;
  }
  if (!why.empty()) {
    notes.push_back("No audio device (" + why + "); playing silently, with captions only.");
  }
  const bool dummy = on_dummy_driver();
  Mix_CloseAudio();
  SDL_QuitSubSystem(SDL_INIT_AUDIO);

  auto impl = std::make_unique<Impl>(device->rate, dummy);
  impl->muscle_names = std::move(muscle_names);
  if (impl->rate != kWantedRate) sounds = prepare_sounds(voices, impl->rate);
  for (NamedClip& sound : sounds) impl->renderer.set_clip(sound.name, std::move(sound.clip));
  // A set in another language says a repeated step's round in its own words, as its titles do.
  const auto words = read_voice_words(audio_dir);
  RoundWords rounds;
  if (const auto it = words.find("step_second_round"); it != words.end())
    rounds.second = it->second;
  if (const auto it = words.find("step_third_round"); it != words.end()) rounds.third = it->second;
  impl->renderer.set_round_words(std::move(rounds));
  if (const auto it = words.find("announce"); it != words.end())
    impl->renderer.set_side_after_muscle(it->second == "muscle side");
  std::vector<std::string> missing = missing_voices(voices);
  missing.insert(missing.end(), problems.begin(), problems.end());
  if (!missing.empty()) {
    std::string note = "Voice cues not loaded from " + audio_dir.string() + ": ";
    for (std::size_t i = 0; i < missing.size(); ++i) note += (i ? ", " : "") + missing[i];
    notes.push_back(note + "; their captions still show.");
  }
  if (warning) {
    warning->clear();
    for (const std::string& note : notes) *warning += (warning->empty() ? "" : "\n") + note;
  }
  return std::unique_ptr<AudioEngine>(new AudioEngine(std::move(impl)));
}

AudioEngine::AudioEngine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

AudioEngine::~AudioEngine() { impl_->close_device(); }

int AudioEngine::rate() const { return impl_->rate; }

bool AudioEngine::using_dummy() const { return impl_->dummy; }

std::int64_t AudioEngine::frames() const { return impl_->frames.load(std::memory_order_acquire); }

core::Instant AudioEngine::now() const {
  std::int64_t frames = 0;
  std::int64_t counter = 0;
  impl_->read_anchor(frames, counter);
  std::int64_t estimate = frames;
  if (impl_->running.load(std::memory_order_acquire)) {
    // Callbacks arrive a buffer at a time; between them, advance with the wall clock so a
    // 60 fps animation moves evenly, but never past the end of the buffer being played.
    const auto since = static_cast<std::int64_t>(SDL_GetPerformanceCounter()) - counter;
    const std::int64_t ticks = std::clamp<std::int64_t>(since, 0, impl_->counter_hz);
    estimate = frames + ticks * impl_->rate / impl_->counter_hz;
    estimate = std::min(estimate, frames + impl_->buffer_frames.load(std::memory_order_relaxed));
  }
  std::int64_t latest = impl_->latest_now.load(std::memory_order_relaxed);
  while (estimate > latest &&
         !impl_->latest_now.compare_exchange_weak(latest, estimate, std::memory_order_relaxed)) {
  }
  return core::Instant{core::time_of_frame(std::max(estimate, latest), impl_->rate)};
}

void AudioEngine::clock_anchor(std::int64_t& frames, std::int64_t& time_ns) const {
  std::int64_t counter = 0;
  impl_->read_anchor(frames, counter);
  // Split the conversion so large counter values cannot overflow.
  const std::int64_t hz = impl_->counter_hz;
  time_ns = counter / hz * 1'000'000'000 + counter % hz * 1'000'000'000 / hz;
}

void AudioEngine::set_running(bool running, std::string* warning) {
  if (running == impl_->running.load(std::memory_order_relaxed)) return;
  if (running) {
    // Restart interpolation from now, not from the last callback before the stop.
    impl_->publish(impl_->frames.load(std::memory_order_relaxed),
                   static_cast<std::int64_t>(SDL_GetPerformanceCounter()));
    std::string why;
    if (!impl_->open_device(why)) {
      if (warning) *warning = why;
      return;  // no clock can run: the session stays where it is
    }
    impl_->running.store(true, std::memory_order_release);
    if (warning) *warning = why;
  } else {
    impl_->close_device();
    impl_->running.store(false, std::memory_order_release);
  }
}

bool AudioEngine::running() const { return impl_->running.load(std::memory_order_acquire); }

void AudioEngine::load(std::shared_ptr<const core::Timeline> timeline) {
  // Resample this routine's muscle names before taking the lock, so the callback never waits.
  std::vector<NamedClip> names;
  if (timeline) {
    for (int i = 0; i < timeline->step_count(); ++i) {
      const std::string name = muscle_clip_name(timeline->step(i).muscle);
      const bool have = std::any_of(names.begin(), names.end(),
                                    [&](const NamedClip& c) { return c.name == name; });
      if (timeline->step(i).muscle.empty() || have || !impl_->muscle_names.has(name) ||
          !impl_->renderer.clip(name).empty()) {
        continue;
      }
      names.push_back({name, prepare_voice(impl_->muscle_names, name, impl_->rate)});
    }
  }
  const DeviceLock lock(impl_->device_id);
  for (NamedClip& n : names) impl_->renderer.set_clip(n.name, std::move(n.clip));
  impl_->renderer.load(std::move(timeline));
}

void AudioEngine::sync(const core::PlaybackClock& clock) {
  // The caller built this clock from a now() it read earlier, at most the latest one handed
  // out; if the callback has mixed past that since, the cues in between still sound.
  const std::int64_t made_at = impl_->latest_now.load(std::memory_order_relaxed);
  const DeviceLock lock(impl_->device_id);
  impl_->renderer.set_clock(clock, made_at);
}

void AudioEngine::clear() {
  const DeviceLock lock(impl_->device_id);
  impl_->renderer.clear();
}

void AudioEngine::set_settings(const core::SoundSettings& settings) {
  // Another sound set's tones are made before taking the lock, so the callback never waits.
  std::vector<NamedClip> tones;
  if (settings.sound_set != impl_->sound_set)
    tones = prepare_tones(impl_->rate, settings.sound_set);
  impl_->sound_set = settings.sound_set;
  const DeviceLock lock(impl_->device_id);
  for (NamedClip& tone : tones) impl_->renderer.set_clip(tone.name, std::move(tone.clip));
  impl_->renderer.set_settings(settings);
  // A preview is asked for to be heard: it plays even with the tones muted (as in "vibration
  // only"), at their volume or, if that is zero, at full.
  core::SoundSettings heard = settings;
  heard.tones_muted = false;
  if (heard.tone_volume <= 0) heard.tone_volume = 1;
  // Only the set's tones: no bed or breath tone of its own under the session's.
  heard.ambient = core::AmbientKind::Off;
  heard.breath_tone = false;
  impl_->preview.set_settings(heard);
}

void AudioEngine::preview(core::SoundSet set) {
  std::vector<NamedClip> tones = prepare_tones(impl_->rate, set);
  // In, out, hold: the three sounds a person most needs to tell apart, each given room.
  const std::vector<core::Cue> cues = {
      {core::Duration{0}, core::CueKind::ToneInhale, 0, core::Side::None},
      {core::Duration{2'200'000}, core::CueKind::ToneExhale, 0, core::Side::None},
      {core::Duration{4'600'000}, core::CueKind::ToneHold, 0, core::Side::None}};
  // From 50 ms after the frame mixed last, read with the device locked: the callback cannot
  // run on past it before the preview is in place, however late this thread is scheduled
  // (a first sound started late would run into the second, with no quiet between them).
  const DeviceLock lock(impl_->device_id);
  const std::int64_t now = impl_->frames.load(std::memory_order_relaxed);
  const std::int64_t from = now + impl_->rate / 20;
  for (NamedClip& tone : tones) impl_->preview.set_clip(tone.name, std::move(tone.clip));
  impl_->preview.load(cues);
  impl_->preview.set_clock(
      core::PlaybackClock{true, core::Instant{core::time_of_frame(from, impl_->rate)}, {}}, now);
  impl_->audible.store(true, std::memory_order_relaxed);
}

bool AudioEngine::audible() const { return impl_->audible.load(std::memory_order_relaxed); }

}  // namespace unknot::audio
