// The live audio device (SDL_mixer): plays a session's cues from the post-mix callback and
// counts frames, which is the session clock. Falls back to SDL's dummy driver without a device.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "core/session_run.h"
#include "core/time.h"
#include "core/timeline.h"

namespace unknot::audio {

class AudioEngine {
 public:
  // Initialises SDL audio and SDL_mixer (float stereo; rate read back with Mix_QuerySpec),
  // loads the spoken cues (<cue_name>.ogg) from audio_dir and synthesises the tones. If no real
  // device opens, retries with the dummy driver and sets using_dummy(); `warning` receives why.
  // Returns nullptr only if even the dummy driver fails. The device starts paused.
  static std::unique_ptr<AudioEngine> open(const std::filesystem::path& audio_dir,
                                           std::string* warning);
  ~AudioEngine();
  AudioEngine(const AudioEngine&) = delete;
  AudioEngine& operator=(const AudioEngine&) = delete;

  int rate() const;
  bool using_dummy() const;
  // Frames the callback has mixed since the device opened.
  std::int64_t frames() const;
  // The session clock: frames() as time, smoothed between callbacks so animation is even;
  // never runs backwards.
  core::Instant now() const;

  // Runs or pauses the device; paused, the callback (and the clock) stop, so idle costs no CPU.
  void set_running(bool running);
  bool running() const;

  // Schedules a session's cues / follows its clock; both take the audio lock so the callback
  // never sees half an update.
  void load(const core::Timeline& timeline);
  void sync(const core::PlaybackClock& clock);
  void clear();

 private:
  struct Impl;
  explicit AudioEngine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace unknot::audio
