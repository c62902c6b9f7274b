#include "audio/cue_renderer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>

#include "audio/loudness.h"

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

// Ducking: down over 30 ms, starting that long before a word so its first syllable is already
// clear; back up over 350 ms after it, slow enough not to pump.
constexpr double kDuckAttackSeconds = 0.03;
constexpr double kDuckReleaseSeconds = 0.35;
// The master gain glides over a second when the layers change mid-session.
constexpr double kMasterGlideSeconds = 1.0;

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
const std::vector<double> kNoSlices{};

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
      breath_gain_(1, static_cast<float>(1.0 / (kGainGlideSeconds * rate_hz))),
      duck_(1, 1),
      master_(1, static_cast<float>(1.0 / (kMasterGlideSeconds * rate_hz))),
      breath_(rate_hz, kControlFrames),
      bed_(rate_hz, seed),
      limiter_(rate_hz, kCeiling),
      predicted_lufs_(-std::numeric_limits<double>::infinity()) {
  const double depth = 1.0 - db_to_gain(kDuckDb);
  duck_attack_step_ = static_cast<float>(depth / (kDuckAttackSeconds * rate_hz));
  duck_release_step_ = static_cast<float>(depth / (kDuckReleaseSeconds * rate_hz));
  voices_.reserve(kMaxVoices);
  set_settings(settings_);
}

void CueRenderer::set_clip(std::string_view name, Clip clip) {
  if (!clip.empty() && clip.rate_hz() != rate_hz_) {
    throw std::invalid_argument("clip sample rate differs from the renderer's");
  }
  auto it = clips_.find(name);
  if (it == clips_.end()) it = clips_.emplace(std::string(name), Sound{}).first;
  // A clip still sounding would dangle if replaced; callers set clips before playing.
  std::erase_if(voices_, [&](const Voice& v) { return v.clip == &it->second.clip; });
  it->second.slices = clip_slices(clip);
  it->second.clip = std::move(clip);
  // A new sound set changes what a loaded session sounds like: predict it again.
  if (timeline_) {
    predicted_for_.voice_volume = -1;
    update_master();
  }
}

const Clip& CueRenderer::clip(std::string_view name) const {
  const auto it = clips_.find(name);
  return it == clips_.end() ? kNoClip : it->second.clip;
}

const std::vector<double>& CueRenderer::slices_of(const Clip* clip) const {
  // Clips live in their map nodes; a schedule entry's pointer leads back to its slices.
  for (const auto& entry : clips_) {
    if (&entry.second.clip == clip) return entry.second.slices;
  }
  return kNoSlices;
}

void CueRenderer::set_settings(const core::SoundSettings& settings) {
  settings_ = settings;
  // With nothing sounding there is nothing to glide from, and an offline render must start
  // at its levels from its first frame.
  if (voices_.empty() && breath_.silent()) {
    voice_gain_.reset(settings.voice_gain());
    tone_gain_.reset(settings.tone_gain());
    breath_gain_.reset(settings.breath_gain());
  } else {
    voice_gain_.set_target(settings.voice_gain());
    tone_gain_.set_target(settings.tone_gain());
    breath_gain_.set_target(settings.breath_gain());
  }
  const float ambient = settings.ambient_gain();
  bed_.set_volumes(settings.ambient == core::AmbientKind::BrownNoise ? ambient : 0.0F,
                   settings.ambient == core::AmbientKind::Ocean ? ambient : 0.0F);
  if (session_loaded_) place_bells();
  if (timeline_) update_master();
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
        {frame, cue.kind, cue.side, it == clips_.end() ? nullptr : &it->second.clip, index, frame});
    return;
  }
  // The announcement's words depend on the step; without its muscle's clip the caption
  // alone carries it (a side word on its own would only puzzle).
  if (timeline == nullptr) return;
  const core::Step& step = timeline->step(cue.step_index);
  const Clip& muscle = clip(muscle_clip_name(step.muscle));
  if (step.muscle.empty() || muscle.empty()) return;
  const std::int64_t gap = std::lround(kStepNameGapSeconds * rate_hz_);
  std::int64_t at = frame;
  const auto say = [&](const Clip& words) {
    if (words.empty()) return;
    schedule_.push_back({at, cue.kind, cue.side, &words, index, frame});
    at += words.frames() + gap;
  };
  const Clip* side = step.side == core::Side::None
                         ? nullptr
                         : &clip(side_clip_name(step.side == core::Side::Left));
  // The caption of a repeated step ends in ", second round": the voice says it too.
  const std::string_view round = round_clip_name(step.title, round_words_);
  if (side != nullptr && !side_after_muscle_) say(*side);
  say(muscle);
  if (!round.empty()) say(clip(round));
  if (side != nullptr && side_after_muscle_) say(*side);
}

void CueRenderer::resolve_overlaps() {
  const auto by_frame = [](const ScheduledCue& a, const ScheduledCue& b) {
    return a.frame < b.frame;
  };
  std::stable_sort(schedule_.begin(), schedule_.end(), by_frame);
  const std::int64_t gap = std::lround(kStepNameGapSeconds * rate_hz_);
  // Words in the order they were asked for; one due before the last has ended waits.
  std::int64_t free_from = std::numeric_limits<std::int64_t>::min();
  std::int64_t last_word_end = std::numeric_limits<std::int64_t>::min();
  for (ScheduledCue& entry : schedule_) {
    if (!core::is_spoken(entry.kind) || entry.clip == nullptr || entry.clip->empty()) continue;
    entry.frame = std::max(entry.frame, free_from);
    free_from = entry.frame + entry.clip->frames() + gap;
    last_word_end = std::max(last_word_end, entry.frame + entry.clip->frames());
  }
  (void)last_word_end;
  std::stable_sort(schedule_.begin(), schedule_.end(), by_frame);
  place_bells();
}

void CueRenderer::place_bells() {
  // The end bell rings once the last words have been said, so they never sound over it; with
  // the voice muted it rings when the session ends. Only a bell not yet started moves.
  const std::int64_t gap = std::lround(kStepNameGapSeconds * rate_hz_);
  bool moved = false;
  for (std::size_t i = next_cue_; i < schedule_.size(); ++i) {
    ScheduledCue& bell = schedule_[i];
    if (bell.kind != core::CueKind::BellEnd || bell.clip == nullptr) continue;
    const std::int64_t was = bell.frame;
    bell.frame = bell.asked;
    if (settings_.voice_gain() > 0) {
      for (const ScheduledCue& word : schedule_) {
        if (!core::is_spoken(word.kind) || word.clip == nullptr || word.clip->empty()) continue;
        const std::int64_t word_end = word.frame + word.clip->frames();
        if (word.frame < bell.frame + bell.clip->frames() && word_end + gap > bell.frame) {
          bell.frame = word_end + gap;
        }
      }
    }
    moved = moved || bell.frame != was;
  }
  if (moved) {
    std::stable_sort(
        schedule_.begin() + static_cast<std::ptrdiff_t>(next_cue_), schedule_.end(),
        [](const ScheduledCue& a, const ScheduledCue& b) { return a.frame < b.frame; });
  }
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
  resolve_overlaps();
  session_loaded_ = true;
  bed_.set_active(true);
  predicted_for_ = {};
  predicted_for_.voice_volume = -1;  // nothing predicted yet
  update_master();
}

void CueRenderer::load(const std::vector<core::Cue>& cues) {
  timeline_.reset();
  reset_schedule();
  schedule_.reserve(cues.size());
  for (std::size_t i = 0; i < cues.size(); ++i) add_cue(cues[i], i, nullptr);
  resolve_overlaps();
  session_loaded_ = true;
  bed_.set_active(true);
  predicted_lufs_ = -std::numeric_limits<double>::infinity();
  master_db_ = 0;
  master_.set_target(1);
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

  // Everything under the voice ducks while a word sounds, and from just before a word is due.
  bool word = false;
  if (settings_.voice_gain() > 0) {
    for (const Voice& v : voices_) word = word || v.group == Group::Voice;
    if (!word && clock_.playing) {
      const std::int64_t lead =
          frame - origin_frame_ + kControlFrames + std::lround(kDuckAttackSeconds * rate_hz_);
      for (std::size_t i = next_cue_; i < schedule_.size() && schedule_[i].frame < lead; ++i) {
        const ScheduledCue& cue = schedule_[i];
        if (core::is_spoken(cue.kind) && cue.clip != nullptr && !cue.clip->empty()) word = true;
      }
    }
  }
  const float target = word ? db_to_gain(kDuckDb) : 1.0F;
  duck_ = GainRamp(duck_.value(), target < duck_.value() ? duck_attack_step_ : duck_release_step_);
  duck_.set_target(target);
}

void CueRenderer::mix_voices(float* voice_bus, float* under_bus, int frames,
                             const float* voice_gains, const float* tone_gains) {
  // Voices stay in start order (erase below is stable) so each sample is summed in the same
  // order whatever the block size, which keeps renders in any blocking byte-identical.
  for (Voice& voice : voices_) {
    const std::int64_t left_in_clip = voice.clip->frames() - voice.position;
    const auto count = static_cast<int>(std::min<std::int64_t>(frames - voice.delay, left_in_clip));
    const bool spoken = voice.group == Group::Voice;
    float* dst = (spoken ? voice_bus : under_bus) + 2 * voice.delay;
    const float* gains = spoken ? voice_gains : tone_gains;
    const float gain = spoken ? voice_gain_.value() : tone_gain_.value();
    const bool heard = (solo_ & (spoken ? kLayerVoice : kLayerTones)) != 0;
    if (heard && (gains || gain != 0)) {
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
  const float* breath_gains = breath_gain_.settled() ? nullptr : breath_gains_.data();
  if (voice_gains) voice_gain_.fill(voice_gains_.data(), frames);
  if (tone_gains) tone_gain_.fill(tone_gains_.data(), frames);
  if (breath_gains) breath_gain_.fill(breath_gains_.data(), frames);
  const auto samples = static_cast<std::size_t>(2 * frames);
  std::fill_n(voice_bus_.begin(), samples, 0.0F);
  std::fill_n(under_bus_.begin(), samples, 0.0F);
  mix_voices(voice_bus_.data(), under_bus_.data(), frames, voice_gains, tone_gains);
  if ((solo_ & kLayerBreath) != 0) {
    breath_.render(under_bus_.data(), frames, position, breath_gains, breath_gain_.value());
  } else {
    // Kept running, unheard, so a solo render stays in step with the full mix.
    std::array<float, 2 * kControlFrames> unheard{};
    breath_.render(unheard.data(), frames, position, breath_gains, breath_gain_.value());
  }
  if ((solo_ & kLayerAmbient) != 0) {
    bed_.render(under_bus_.data(), frames);
  } else {
    std::array<float, 2 * kControlFrames> unheard{};
    bed_.render(unheard.data(), frames);
  }
  // Under the words, ducked; then the master gain.
  const float* words = voice_bus_.data();
  const float* under = under_bus_.data();
  for (int i = 0; i < frames; ++i) {
    const float duck = duck_.next();
    const float master = master_.next();
    out[2 * i] = (words[2 * i] + duck * under[2 * i]) * master;
    out[2 * i + 1] = (words[2 * i + 1] + duck * under[2 * i + 1]) * master;
  }
}

void CueRenderer::render_internal(std::int64_t first_frame, float* out, int frames) {
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
  if (frames > 0) next_device_frame_ = first_frame + frames;
}

void CueRenderer::render(std::int64_t first_frame, float* out, int frames) {
  const int ahead = limiter_.latency();
  if (!primed_) {
    // The frames the limiter holds back when output starts: rendered now, so that output
    // frame f is the mix of frame f and nothing at the start is lost.
    primed_ = true;
    for (int done = 0; done < ahead;) {
      const int count = std::min(ahead - done, kControlFrames);
      render_internal(first_frame + done, mix_.data(), count);
      limiter_.process(mix_.data(), limited_.data(), count);
      done += count;
    }
  }
  for (int done = 0; done < frames;) {
    const int count = std::min(frames - done, kControlFrames);
    render_internal(first_frame + ahead + done, mix_.data(), count);
    limiter_.process(mix_.data(), limited_.data(), count);
    float* dst = out + 2 * done;
    const float* limited = limited_.data();
    for (int i = 0; i < 2 * count; ++i) dst[i] = std::clamp(dst[i] + limited[i], -1.0F, 1.0F);
    done += count;
  }
}

bool CueRenderer::audible() const {
  // A cue still to come while the clock runs counts too: a preview asked for 50 ms ahead must
  // not let the device close before its first sound.
  const bool due = clock_.playing && next_cue_ < schedule_.size();
  return due || !voices_.empty() || !breath_.silent() || !bed_.silent() || !limiter_.empty();
}

}  // namespace unknot::audio
