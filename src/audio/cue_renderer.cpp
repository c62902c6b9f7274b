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

// Volume changes glide over this long: quick enough to follow a slider, slow enough that a
// mute in the middle of a word fades instead of clicking.
constexpr double kGainGlideSeconds = 0.05;

// At empty lungs the breath tone still hums faintly, so it is one continuous sound that
// swells and settles rather than a series of separate notes.
constexpr float kBreathFloor = 0.15F;

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

int checked_rate(int rate_hz) {
  if (rate_hz <= 0) throw std::invalid_argument("CueRenderer needs a positive sample rate");
  return rate_hz;
}

std::int64_t floor_to_period(std::int64_t frame) {
  const std::int64_t period = CueRenderer::kControlFrames;
  const std::int64_t q = frame / period;
  return (frame % period < 0 ? q - 1 : q) * period;
}

const Clip kNoClip{};

// Adds `count` frames of `clip`, from frame `from`, into the interleaved stereo `dst`, each
// channel scaled by its pan times the group gain: per frame from `gains` while the gain
// glides, else the settled `gain`. A mono clip feeds both channels, so panning happens here.
// pan * gain is formed exactly as in the settled branch, so a sample's value does not depend
// on which branch a block boundary put it in.
template <int Channels>
void mix_clip(const Clip& clip, std::int64_t from, int count, float pan_left, float pan_right,
              const float* gains, float gain, float* dst) {
  const std::int16_t* src = clip.stored().data() + Channels * from;
  constexpr int kRight = Channels - 1;  // the right channel's offset within a stored frame
  if (gains) {
    for (int i = 0; i < count; ++i) {
      dst[2 * i] += from_clip_sample(src[Channels * i]) * (pan_left * gains[i]);
      dst[2 * i + 1] += from_clip_sample(src[Channels * i + kRight]) * (pan_right * gains[i]);
    }
  } else {
    const float left = pan_left * gain;
    const float right = pan_right * gain;
    for (int i = 0; i < count; ++i) {
      dst[2 * i] += from_clip_sample(src[Channels * i]) * left;
      dst[2 * i + 1] += from_clip_sample(src[Channels * i + kRight]) * right;
    }
  }
}

}  // namespace

CueRenderer::CueRenderer(int rate_hz, std::uint64_t seed)
    : rate_hz_(checked_rate(rate_hz)),
      voice_gain_(1, static_cast<float>(1.0 / (kGainGlideSeconds * rate_hz))),
      tone_gain_(1, static_cast<float>(1.0 / (kGainGlideSeconds * rate_hz))),
      breath_(rate_hz, kControlFrames),
      bed_(rate_hz, seed) {
  voices_.reserve(kMaxVoices);
  set_settings(settings_);
}

void CueRenderer::set_clip(std::string_view name, Clip clip) {
  if (!clip.empty() && clip.rate_hz() != rate_hz_) {
    throw std::invalid_argument("clip sample rate differs from the renderer's");
  }
  auto it = clips_.find(name);
  if (it == clips_.end()) it = clips_.emplace(std::string(name), Clip{}).first;
  // A clip still sounding would dangle if replaced; callers set clips before playing.
  std::erase_if(voices_, [&](const Voice& v) { return v.clip == &it->second; });
  it->second = std::move(clip);
}

const Clip& CueRenderer::clip(std::string_view name) const {
  const auto it = clips_.find(name);
  return it == clips_.end() ? kNoClip : it->second;
}

void CueRenderer::set_settings(const core::SoundSettings& settings) {
  settings_ = settings;
  // With nothing sounding there is nothing to glide from, and an offline render must start
  // at its levels from its first frame.
  if (voices_.empty() && breath_.silent()) {
    voice_gain_.reset(settings.voice_gain());
    tone_gain_.reset(settings.tone_gain());
  } else {
    voice_gain_.set_target(settings.voice_gain());
    tone_gain_.set_target(settings.tone_gain());
  }
  const float ambient = settings.ambient_gain();
  bed_.set_volumes(settings.ambient == core::AmbientKind::BrownNoise ? ambient : 0.0F,
                   settings.ambient == core::AmbientKind::Ocean ? ambient : 0.0F);
}

void CueRenderer::reset_schedule() {
  schedule_.clear();
  // A new schedule must not inherit the previous session's clock, or its early cues would be
  // taken as already past; it waits, paused at its start, for set_clock.
  clock_ = core::PlaybackClock{};
  origin_frame_ = 0;
  next_cue_ = 0;
  last_timeline_frame_ = kBeforeEverything;
}

void CueRenderer::add_cue(const core::Cue& cue, std::size_t index, const core::Timeline* timeline) {
  const std::int64_t frame = core::frame_of_time(cue.at, rate_hz_);
  if (cue.kind != core::CueKind::SayStepName) {
    const auto it = clips_.find(core::cue_name(cue.kind));
    schedule_.push_back(
        {frame, cue.kind, cue.side, it == clips_.end() ? nullptr : &it->second, index});
    return;
  }
  // The announcement's words depend on the step; without its muscle's clip the caption
  // alone carries it (a side word on its own would only puzzle).
  if (timeline == nullptr) return;
  const core::Step& step = timeline->step(cue.step_index);
  const Clip& muscle = clip(muscle_clip_name(step.muscle));
  if (step.muscle.empty() || muscle.empty()) return;
  std::int64_t at = frame;
  if (step.side != core::Side::None) {
    const Clip& word = clip(side_clip_name(step.side == core::Side::Left));
    if (!word.empty()) {
      schedule_.push_back({at, cue.kind, cue.side, &word, index});
      at += word.frames() + std::lround(kStepNameGapSeconds * rate_hz_);
    }
  }
  schedule_.push_back({at, cue.kind, cue.side, &muscle, index});
}

void CueRenderer::load(std::shared_ptr<const core::Timeline> timeline) {
  timeline_ = std::move(timeline);
  reset_schedule();
  if (timeline_) {
    const std::vector<core::Cue>& cues = timeline_->all_cues();
    schedule_.reserve(cues.size() + 16);
    for (std::size_t i = 0; i < cues.size(); ++i) add_cue(cues[i], i, timeline_.get());
  }
  // Cues arrive in onset order; a muscle name placed after its side word may pass a later
  // cue, and stable sorting keeps everything else in the timeline's order.
  std::stable_sort(schedule_.begin(), schedule_.end(),
                   [](const ScheduledCue& a, const ScheduledCue& b) { return a.frame < b.frame; });
  session_loaded_ = true;
  bed_.set_active(true);
}

void CueRenderer::load(const std::vector<core::Cue>& cues) {
  timeline_.reset();
  reset_schedule();
  schedule_.reserve(cues.size());
  for (std::size_t i = 0; i < cues.size(); ++i) add_cue(cues[i], i, nullptr);
  std::stable_sort(schedule_.begin(), schedule_.end(),
                   [](const ScheduledCue& a, const ScheduledCue& b) { return a.frame < b.frame; });
  session_loaded_ = true;
  bed_.set_active(true);
}

void CueRenderer::clear() {
  timeline_.reset();
  reset_schedule();
  session_loaded_ = false;
  bed_.set_active(false);
}

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
  if (cue.clip == nullptr || cue.clip->empty()) return;
  // Out of voices: the oldest is the quietest (furthest into its decay), so it gives way.
  if (voices_.size() == voices_.capacity()) voices_.erase(voices_.begin());
  const PanGains pan = settings_.pan_sides ? pan_gains(cue.side) : PanGains{};
  const Group group = core::is_spoken(cue.kind) ? Group::Voice : Group::Tone;
  voices_.push_back({cue.clip, 0, delay, pan.left, pan.right, group});
}

void CueRenderer::begin_control_period(std::int64_t frame) {
  // The breath tone glides to the lung volume at the start of the period (lagging the pacer
  // by at most one period, 5 ms, so it never sounds before the countdown ends); it is silent
  // while paused, during the countdown and once the session is over.
  float level = 0;
  if (timeline_ && settings_.breath_tone && clock_.playing) {
    const core::Duration at = core::time_of_frame(frame - origin_frame_, rate_hz_);
    if (at >= core::Duration{0} && at < timeline_->total()) {
      const double volume = timeline_->position_at(at).breath.volume;
      level = kBreathFloor + (1.0F - kBreathFloor) * static_cast<float>(volume);
    }
  }
  breath_.begin_segment(level);

  // The bed fades out when the session reaches its end, under the closing bell.
  bool active = session_loaded_;
  if (active && timeline_) {
    const std::int64_t now =
        clock_.playing ? frame - origin_frame_ : core::frame_of_time(clock_.frozen, rate_hz_);
    active = now < core::frame_of_time(timeline_->total(), rate_hz_);
  }
  bed_.set_active(active);
}

void CueRenderer::mix_voices(float* out, int frames, const float* voice_gains,
                             const float* tone_gains) {
  // Voices stay in start order (erase below is stable) so each sample is summed in the same
  // order whatever the block size, which keeps renders in any blocking byte-identical.
  for (Voice& voice : voices_) {
    const std::int64_t left_in_clip = voice.clip->frames() - voice.position;
    const auto count = static_cast<int>(std::min<std::int64_t>(frames - voice.delay, left_in_clip));
    float* dst = out + 2 * voice.delay;
    const float* gains = voice.group == Group::Voice ? voice_gains : tone_gains;
    const float gain = voice.group == Group::Voice ? voice_gain_.value() : tone_gain_.value();
    if (gains || gain != 0) {
      if (voice.clip->channels() == 1) {
        mix_clip<1>(*voice.clip, voice.position, count, voice.pan_left, voice.pan_right,
                    gains ? gains + voice.delay : nullptr, gain, dst);
      } else {
        mix_clip<2>(*voice.clip, voice.position, count, voice.pan_left, voice.pan_right,
                    gains ? gains + voice.delay : nullptr, gain, dst);
      }
    }
    voice.position += count;
    voice.delay = 0;
  }
  std::erase_if(voices_, [](const Voice& v) { return v.position >= v.clip->frames(); });
}

void CueRenderer::render_piece(std::int64_t first_frame, float* out, int frames, int position) {
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
  // A gliding group gain is computed per frame; a settled one is a plain number (null here).
  const float* voice_gains = voice_gain_.settled() ? nullptr : voice_gains_.data();
  const float* tone_gains = tone_gain_.settled() ? nullptr : tone_gains_.data();
  if (voice_gains) voice_gain_.fill(voice_gains_.data(), frames);
  if (tone_gains) tone_gain_.fill(tone_gains_.data(), frames);
  mix_voices(out, frames, voice_gains, tone_gains);
  breath_.render(out, frames, position, tone_gains, tone_gain_.value());
  bed_.render(out, frames);
}

void CueRenderer::render(std::int64_t first_frame, float* out, int frames) {
  for (int done = 0; done < frames;) {
    const std::int64_t frame = first_frame + done;
    const std::int64_t period = floor_to_period(frame);
    if (period != period_start_) {
      begin_control_period(period);
      period_start_ = period;
    }
    const auto position = static_cast<int>(frame - period);
    const int count = std::min(frames - done, kControlFrames - position);
    render_piece(frame, out + 2 * done, count, position);
    done += count;
  }
  for (int i = 0; i < 2 * frames; ++i) out[i] = std::clamp(out[i], -1.0F, 1.0F);
  if (frames > 0) next_device_frame_ = first_frame + frames;
}

bool CueRenderer::audible() const {
  return !voices_.empty() || !breath_.silent() || !bed_.silent();
}

}  // namespace unknot::audio
