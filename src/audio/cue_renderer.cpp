#include "audio/cue_renderer.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace unknot::audio {
namespace {

// Enough for every cue of a dense moment (a chime, a word and a bell tail) many times over;
// reserved once so the audio thread never allocates.
constexpr std::size_t kMaxVoices = 32;

// A step's side is heard as a gentle lean, not a hard pan: with eyes closed it hints which
// side is working without making one ear carry the whole session.
constexpr double kSidePan = 0.3;

struct PanGains {
  float left = 1;
  float right = 1;
};

// Equal-power pan law scaled so the centre is unity: a centred cue keeps the level the
// clip was mastered at, and a leaning cue keeps the same loudness.
PanGains pan_gains(core::Side side) {
  if (side == core::Side::None) return {};
  const double pan = side == core::Side::Left ? -kSidePan : kSidePan;
  const double angle = (pan + 1.0) * std::numbers::pi / 4.0;
  return {static_cast<float>(std::numbers::sqrt2 * std::cos(angle)),
          static_cast<float>(std::numbers::sqrt2 * std::sin(angle))};
}

std::size_t index_of(core::CueKind kind) { return static_cast<std::size_t>(kind); }

}  // namespace

CueRenderer::CueRenderer(int rate_hz) : rate_hz_(rate_hz) {
  if (rate_hz <= 0) throw std::invalid_argument("CueRenderer needs a positive sample rate");
  voices_.reserve(kMaxVoices);
}

void CueRenderer::set_clip(core::CueKind kind, Clip clip) {
  if (!clip.empty() && clip.rate_hz != rate_hz_) {
    throw std::invalid_argument("clip sample rate differs from the renderer's");
  }
  if (clip.samples.size() % 2 != 0) throw std::invalid_argument("clip is not stereo");
  // A clip still sounding would dangle if replaced; callers set clips before playing.
  std::erase_if(voices_, [&](const Voice& v) { return v.clip == &clips_[index_of(kind)]; });
  clips_[index_of(kind)] = std::move(clip);
}

const Clip& CueRenderer::clip(core::CueKind kind) const { return clips_[index_of(kind)]; }

void CueRenderer::load(const std::vector<core::Cue>& cues) {
  schedule_.clear();
  schedule_.reserve(cues.size());
  for (const core::Cue& cue : cues) {
    schedule_.push_back({core::frame_of_time(cue.at, rate_hz_), cue.kind, cue.side});
  }
  // Cues arrive in onset order from the timeline; keep that order (stable) if they do not.
  std::stable_sort(schedule_.begin(), schedule_.end(),
                   [](const ScheduledCue& a, const ScheduledCue& b) { return a.frame < b.frame; });
  // A new schedule must not inherit the previous session's clock, or its early cues would be
  // taken as already past; it waits, paused at its start, for set_clock.
  clock_ = core::PlaybackClock{};
  origin_frame_ = 0;
  next_cue_ = 0;
  last_timeline_frame_ = kBeforeEverything;
}

void CueRenderer::clear() { load({}); }

std::int64_t CueRenderer::current_timeline_frame() const {
  return clock_.playing ? next_device_frame_ - origin_frame_
                        : core::frame_of_time(clock_.frozen, rate_hz_);
}

void CueRenderer::seek_to(std::int64_t frame) {
  last_timeline_frame_ = std::max(last_timeline_frame_, frame - 1);
  while (next_cue_ < schedule_.size() && schedule_[next_cue_].frame <= last_timeline_frame_) {
    ++next_cue_;
  }
}

void CueRenderer::set_clock(const core::PlaybackClock& clock) {
  set_clock(clock, next_device_frame_);
}

void CueRenderer::set_clock(const core::PlaybackClock& clock, std::int64_t made_at) {
  clock_ = clock;
  origin_frame_ = core::frame_of_time(clock.origin.time_since_epoch(), rate_hz_);
  // Everything before the new position counts as passed: a skip jumps over its cues, and
  // because seek_to never moves back, a resume cannot replay a cue that already started.
  // The position is where the caller stood, if the device has run on since.
  const std::int64_t position = clock.playing
                                    ? std::min(next_device_frame_, made_at) - origin_frame_
                                    : current_timeline_frame();
  seek_to(position);
}

void CueRenderer::start_voice(const ScheduledCue& cue, int delay) {
  const Clip& sound = clips_[index_of(cue.kind)];
  if (sound.empty()) return;
  // Out of voices: the oldest is the quietest (furthest into its decay), so it gives way.
  if (voices_.size() == voices_.capacity()) voices_.erase(voices_.begin());
  const PanGains gains = pan_gains(cue.side);
  voices_.push_back({&sound, 0, delay, gains.left, gains.right});
}

void CueRenderer::render(std::int64_t first_frame, float* out, int frames) {
  if (frames <= 0) return;
  if (clock_.playing) {
    const std::int64_t timeline_start = first_frame - origin_frame_;
    const std::int64_t timeline_end = timeline_start + frames;
    while (next_cue_ < schedule_.size() && schedule_[next_cue_].frame < timeline_end) {
      const ScheduledCue& cue = schedule_[next_cue_++];
      // Only a caller that skipped device frames can leave an onset behind the block; the
      // cue then starts at once rather than vanish.
      const auto delay = static_cast<int>(std::max<std::int64_t>(0, cue.frame - timeline_start));
      start_voice(cue, delay);
    }
    last_timeline_frame_ = std::max(last_timeline_frame_, timeline_end - 1);
  }

  // Voices stay in start order (erase below is stable) so each sample is summed in the same
  // order whatever the block size, which keeps renders in any blocking byte-identical.
  for (Voice& voice : voices_) {
    const std::int64_t left_in_clip = voice.clip->frames() - voice.position;
    const auto count = static_cast<int>(std::min<std::int64_t>(frames - voice.delay, left_in_clip));
    const float* src = voice.clip->samples.data() + 2 * voice.position;
    float* dst = out + 2 * voice.delay;
    for (int i = 0; i < count; ++i) {
      dst[2 * i] += src[2 * i] * voice.gain_left;
      dst[2 * i + 1] += src[2 * i + 1] * voice.gain_right;
    }
    voice.position += count;
    voice.delay = 0;
  }
  std::erase_if(voices_, [](const Voice& v) { return v.position >= v.clip->frames(); });

  for (int i = 0; i < 2 * frames; ++i) out[i] = std::clamp(out[i], -1.0F, 1.0F);
  next_device_frame_ = first_frame + frames;
}

}  // namespace unknot::audio
