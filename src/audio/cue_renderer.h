// Mixes a session's sound into a stereo float stream: its cues at exact frames, the optional
// breath tone and ambient bed, at the person's volumes. Pure std (no SDL), so the live
// post-mix callback and the offline render share one implementation.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "audio/ambient_bed.h"
#include "audio/breath_tone.h"
#include "audio/clip.h"
#include "audio/gain_ramp.h"
#include "core/session_run.h"
#include "core/sound_settings.h"
#include "core/timeline.h"

namespace unknot::audio {

struct ScheduledCue {
  std::int64_t frame = 0;  // onset in timeline frames (frame_of_time(cue.at, rate))
  core::CueKind kind = core::CueKind::ToneInhale;
  core::Side side = core::Side::None;
  const Clip* clip = nullptr;  // what plays (a step announcement is two entries: side, muscle)
  std::size_t cue_index = 0;   // position of the cue in the loaded list
};

class CueRenderer {
 public:
  // Frames per control period: the breath tone's level is set once per period of device
  // frames and glides across it.
  static constexpr int kControlFrames = 256;
  // Gap between the side word and the muscle name of a step announcement.
  static constexpr double kStepNameGapSeconds = 0.08;

  explicit CueRenderer(int rate_hz, std::uint64_t seed = 1);
  // Sounding voices point at this renderer's clips, so it stays where it was built.
  CueRenderer(const CueRenderer&) = delete;
  CueRenderer& operator=(const CueRenderer&) = delete;

  int rate() const { return rate_hz_; }
  // A named sound: a cue kind's core::cue_name, or "side_left" / "side_right" /
  // "muscle_<id>" for step announcements. Mono (panned as it plays) or stereo, at rate()
  // (else std::invalid_argument); an empty clip is silent. Set clips before load(): cues are
  // matched to clips there, and a voice playing a replaced clip is cut.
  void set_clip(std::string_view name, Clip clip);
  void set_clip(core::CueKind kind, Clip clip) { set_clip(core::cue_name(kind), std::move(clip)); }
  const Clip& clip(std::string_view name) const;  // an empty clip if none
  const Clip& clip(core::CueKind kind) const { return clip(core::cue_name(kind)); }

  // Volumes, mutes, side panning, breath tone and ambient bed. Level changes glide over
  // tens of milliseconds; panning applies to cues that start afterwards.
  void set_settings(const core::SoundSettings& settings);
  const core::SoundSettings& settings() const { return settings_; }

  // Replaces the schedule with the timeline's cues and follows it for the breath tone; a step
  // announcement becomes the side word then, kStepNameGapSeconds later, the muscle name (the
  // muscle alone without a side; nothing if the muscle has no clip). Voices already sounding
  // finish naturally. The new schedule waits paused at its start until the next set_clock,
  // so a previous session's clock never marks its first cues as past: load, then set_clock.
  // The ambient bed fades in.
  void load(std::shared_ptr<const core::Timeline> timeline);
  // The same for bare cues (tests): no breath tone, and step announcements stay silent.
  void load(const std::vector<core::Cue>& cues);
  // Drops the schedule; sounding cues finish, the breath tone and the bed fade out.
  void clear();
  const std::vector<ScheduledCue>& schedule() const { return schedule_; }

  // Maps device frames to timeline frames: while playing, timeline frame = device frame -
  // frame_of_time(origin); paused, no new cue starts. Cues before the clock's current position
  // (a skip) never play; the cue cursor never moves back, so no cue plays twice.
  void set_clock(const core::PlaybackClock& clock);
  // The same, for a clock the caller made at device frame `made_at` (its now()). If rendering
  // has already passed that frame, the cues from there on still play, at once, instead of
  // being taken for skipped: a late update costs timing, never a cue.
  void set_clock(const core::PlaybackClock& clock, std::int64_t made_at);

  // Adds (mixes) into out[0 .. 2*frames) the cues whose onsets fall in device frames
  // [first_frame, first_frame + frames), the tails of cues started earlier, the breath tone
  // and the bed, then clamps to [-1, 1]. Does not allocate; call with consecutive ranges.
  // The output does not depend on how a range is split into calls.
  void render(std::int64_t first_frame, float* out, int frames);

  // Something is sounding or fading (a cue, the breath tone or the bed).
  bool audible() const;

 private:
  enum class Group { Voice, Tone };
  struct Voice {
    const Clip* clip = nullptr;
    std::int64_t position = 0;  // next frame of the clip to play
    int delay = 0;              // frames into the current block before it starts
    float pan_left = 1;
    float pan_right = 1;
    Group group = Group::Tone;
  };
  void reset_schedule();
  void add_cue(const core::Cue& cue, std::size_t index, const core::Timeline* timeline);
  std::int64_t current_timeline_frame() const;
  void seek_to(std::int64_t frame);
  void start_voice(const ScheduledCue& cue, int delay);
  // Sets the breath tone's and the bed's targets for the control period starting at `frame`.
  void begin_control_period(std::int64_t frame);
  void render_piece(std::int64_t first_frame, float* out, int frames, int position);
  void mix_voices(float* out, int frames, const float* voice_gains, const float* tone_gains);

  int rate_hz_;
  std::map<std::string, Clip, std::less<>> clips_;
  core::SoundSettings settings_;
  std::shared_ptr<const core::Timeline> timeline_;
  bool session_loaded_ = false;
  std::vector<ScheduledCue> schedule_;
  std::size_t next_cue_ = 0;
  core::PlaybackClock clock_;
  std::int64_t origin_frame_ = 0;
  // Timeline frames <= this have been scheduled. Countdown cues have negative frames, so
  // "nothing yet" is the lowest value rather than -1.
  static constexpr std::int64_t kBeforeEverything = std::numeric_limits<std::int64_t>::min();
  std::int64_t last_timeline_frame_ = kBeforeEverything;
  std::int64_t next_device_frame_ = 0;             // where the last render() ended
  std::int64_t period_start_ = kBeforeEverything;  // current control period (device frames)
  std::vector<Voice> voices_;  // reserved up front; no allocation while rendering
  GainRamp voice_gain_;
  GainRamp tone_gain_;
  std::array<float, kControlFrames> voice_gains_{};
  std::array<float, kControlFrames> tone_gains_{};
  BreathTone breath_;
  AmbientBed bed_;
};

}  // namespace unknot::audio
