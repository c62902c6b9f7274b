// Mixes a session's cues into a stereo float stream at exact frames. Pure std (no SDL), so the
// live post-mix callback and an offline render share one implementation.
#pragma once

#include <array>
#include <cstdint>
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

  int rate() const { return rate_hz_; }
  // The sound for one cue kind; the clip must be at rate(). An empty clip is silent.
  void set_clip(core::CueKind kind, Clip clip);
  const Clip& clip(core::CueKind kind) const;

  // Replaces the schedule with these cues (converted to frames). Voices already sounding
  // finish naturally.
  void load(const std::vector<core::Cue>& cues);
  void clear();
  const std::vector<ScheduledCue>& schedule() const { return schedule_; }

  // Maps device frames to timeline frames: while playing, timeline frame = device frame -
  // frame_of_time(origin); paused, no new cue starts.
  void set_clock(const core::PlaybackClock& clock);

  // Adds (mixes) into out[0 .. 2*frames) the cues whose onsets fall in device frames
  // [first_frame, first_frame + frames), and the tails of cues started earlier. Does not
  // allocate; call with consecutive ranges.
  void render(std::int64_t first_frame, float* out, int frames);

 private:
  struct Voice {
    const Clip* clip = nullptr;
    std::int64_t position = 0;  // next frame of the clip to play
  };
  int rate_hz_;
  std::array<Clip, core::kCueKindCount> clips_;
  std::vector<ScheduledCue> schedule_;
  std::size_t next_cue_ = 0;
  core::PlaybackClock clock_;
  std::int64_t origin_frame_ = 0;
  std::int64_t last_timeline_frame_ = -1;  // timeline frames <= this have been scheduled
  std::vector<Voice> voices_;               // reserved up front; no allocation while rendering
};

}  // namespace unknot::audio
