// Mixes a session's cues into a stereo float stream at exact frames. Pure std (no SDL), so the
// live post-mix callback and an offline render share one implementation.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <vector>

#include "audio/clip.h"
#include "core/session_run.h"
#include "core/timeline.h"

namespace unknot::audio {

struct ScheduledCue {
  std::int64_t frame = 0;  // onset in timeline frames (frame_of_time(cue.at, rate))
  core::CueKind kind = core::CueKind::ToneInhale;
  core::Side side = core::Side::None;
};

class CueRenderer {
 public:
  explicit CueRenderer(int rate_hz);
  // Sounding voices point at this renderer's clips, so it stays where it was built.
  CueRenderer(const CueRenderer&) = delete;
  CueRenderer& operator=(const CueRenderer&) = delete;

  int rate() const { return rate_hz_; }
  // The sound for one cue kind; the clip must be stereo at rate() (else std::invalid_argument).
  // An empty clip is silent. Set clips before rendering: a voice playing the old clip is cut.
  void set_clip(core::CueKind kind, Clip clip);
  const Clip& clip(core::CueKind kind) const;

  // Replaces the schedule with these cues (converted to frames). Voices already sounding
  // finish naturally. The new schedule waits paused at its start until the next set_clock,
  // so a previous session's clock never marks its first cues as past: load, then set_clock.
  void load(const std::vector<core::Cue>& cues);
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
  // [first_frame, first_frame + frames), and the tails of cues started earlier. Does not
  // allocate; call with consecutive ranges.
  void render(std::int64_t first_frame, float* out, int frames);

 private:
  struct Voice {
    const Clip* clip = nullptr;
    std::int64_t position = 0;  // next frame of the clip to play
    int delay = 0;              // frames into the current block before it starts
    float gain_left = 1;
    float gain_right = 1;
  };
  // Timeline frame that the next rendered device frame maps to (frozen while paused).
  std::int64_t current_timeline_frame() const;
  // Moves next_cue_ forward to the first cue at or after `frame`; never backwards, so a cue
  // that has started is never started again.
  void seek_to(std::int64_t frame);
  void start_voice(const ScheduledCue& cue, int delay);

  int rate_hz_;
  std::array<Clip, core::kCueKindCount> clips_;
  std::vector<ScheduledCue> schedule_;
  std::size_t next_cue_ = 0;
  core::PlaybackClock clock_;
  std::int64_t origin_frame_ = 0;
  // Timeline frames <= this have been scheduled. Countdown cues have negative frames, so
  // "nothing yet" is the lowest value rather than -1.
  static constexpr std::int64_t kBeforeEverything = std::numeric_limits<std::int64_t>::min();
  std::int64_t last_timeline_frame_ = kBeforeEverything;
  std::int64_t next_device_frame_ = 0;  // where the last render() ended
  std::vector<Voice> voices_;           // reserved up front; no allocation while rendering
};

}  // namespace unknot::audio
