// The live audio device (SDL_mixer): plays a session's cues from the post-mix callback and
// counts frames, which is the session clock. Falls back to SDL's dummy driver without a device.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "core/session_run.h"
#include "core/sound_settings.h"
#include "core/time.h"
#include "core/timeline.h"

namespace unknot::audio {

class AudioEngine {
 public:
  // Initialises SDL audio and SDL_mixer (float stereo; rate read back with Mix_QuerySpec),
  // loads the voice clips (every <name>.ogg: spoken cues, side words, muscle names) from
  // audio_dir and synthesises the tones; missing spoken cues are named in `warning`. If no real
  // device opens, retries with the dummy driver and sets using_dummy(); `warning` receives why.
  // Returns nullptr only if even the dummy driver fails. The device is opened once to learn
  // its rate and closed again until set_running(true).
  static std::unique_ptr<AudioEngine> open(const std::filesystem::path& audio_dir,
                                           std::string* warning);
  ~AudioEngine();
  AudioEngine(const AudioEngine&) = delete;
  AudioEngine& operator=(const AudioEngine&) = delete;

  int rate() const;
  bool using_dummy() const;
  // Frames the callback has mixed while the engine ran, across every stop and start.
  std::int64_t frames() const;
  // The session clock: frames() as time, smoothed between callbacks so animation is even;
  // never runs backwards.
  core::Instant now() const;
  // The last callback's frame count and when it was published, in nanoseconds of the
  // performance counter: the raw audio clock, for measuring how closely now() follows it.
  void clock_anchor(std::int64_t& frames, std::int64_t& time_ns) const;

  // Opens and runs the device (at the same rate as before) or closes it. Stopped, there is no
  // audio thread at all, so an idle app never wakes; the clock stops and continues from where
  // it stopped. If the device has gone, runs on the dummy driver and says so in `warning`
  // (cleared otherwise); if even that fails, stays stopped.
  void set_running(bool running, std::string* warning = nullptr);
  bool running() const;

  // Schedules a session's cues (and follows its breath for the breath tone) / follows its
  // clock / drops it, letting sounding cues finish and the bed fade. Each takes the audio lock
  // so the callback never sees half an update. The engine keeps the timeline alive.
  void load(std::shared_ptr<const core::Timeline> timeline);
  void sync(const core::PlaybackClock& clock);
  void clear();
  // Applies volumes, mutes, panning, breath tone, ambient bed and sound set; level changes
  // glide (a new sound set's tones replace the old ones).
  void set_settings(const core::SoundSettings& settings);
  // Plays a sound set's inhale, exhale and hold, a couple of seconds apart, over whatever is
  // playing (the Sound screen's preview). The device must be running to hear it.
  void preview(core::SoundSet set);

  // Something was still sounding or fading at the end of the last callback (a cue's tail,
  // the breath tone, the bed). Pausing the device cuts whatever sounds, so a caller that can
  // wait (a session cleared, the bed fading) pauses once this turns false.
  bool audible() const;

 private:
  struct Impl;
  explicit AudioEngine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace unknot::audio
