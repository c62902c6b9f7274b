// The master stage of CueRenderer (cue_renderer.h): predicting a loaded session's loudness from
// its schedule and setting the one gain that brings it to kTargetLufs.
#include <array>
#include <cmath>
#include <limits>

#include "audio/cue_renderer.h"
#include "audio/loudness.h"

namespace unknot::audio {
namespace {

// Reference volumes for the prediction: the master stage levels the default mix, and the
// person's volumes then move each layer from there.
constexpr float kReferenceBreath = 0.8F;
constexpr float kReferenceAmbient = 0.6F;

}  // namespace

double CueRenderer::breath_power() {
  if (breath_power_ < 0) {
    // Two seconds at full level (the tone reaches it within 0.3 s), the second one measured.
    BreathTone tone(rate_hz_, kControlFrames);
    LoudnessMeter meter(rate_hz_);
    std::array<float, 2 * kControlFrames> block{};
    const int periods = 2 * rate_hz_ / kControlFrames;
    for (int p = 0; p < periods; ++p) {
      tone.begin_segment(1.0F);
      block.fill(0.0F);
      tone.render(block.data(), kControlFrames, 0, nullptr, 1.0F);
      if (p >= periods / 2) meter.add(block);
    }
    const std::vector<double> slices = meter.slices();
    double sum = 0;
    for (const double e : slices) sum += e;
    breath_power_ = slices.empty() ? 0.0 : sum / static_cast<double>(slices.size());
  }
  return breath_power_;
}

double CueRenderer::bed_power(core::AmbientKind kind) {
  double& power = kind == core::AmbientKind::Ocean ? ocean_power_ : brown_power_;
  if (power < 0) {
    // Thirty seconds after the fade-in: several ocean waves, averaged.
    AmbientBed bed(rate_hz_, 1);
    bed.set_volumes(kind == core::AmbientKind::BrownNoise ? 1.0F : 0.0F,
                    kind == core::AmbientKind::Ocean ? 1.0F : 0.0F);
    bed.set_active(true);
    LoudnessMeter meter(rate_hz_);
    std::array<float, 2 * kControlFrames> block{};
    const int periods = 32 * rate_hz_ / kControlFrames;
    for (int p = 0; p < periods; ++p) {
      block.fill(0.0F);
      bed.render(block.data(), kControlFrames);
      if (p >= 2 * rate_hz_ / kControlFrames) meter.add(block);
    }
    const std::vector<double> slices = meter.slices();
    double sum = 0;
    for (const double e : slices) sum += e;
    power = slices.empty() ? 0.0 : sum / static_cast<double>(slices.size());
  }
  return power;
}

double CueRenderer::predict(const core::SoundSettings& reference) {
  // Weighted energy per 100 ms slice of the session as the mix will play it: the clips at
  // their onsets, tones and everything under the words ducked where a word sounds, the breath
  // tone following the lungs and the bed at its average. Sources add as uncorrelated energy.
  const int per_slice = slice_frames(rate_hz_);
  const std::int64_t start = -core::frame_of_time(timeline_->countdown(), rate_hz_);
  std::int64_t end = core::frame_of_time(timeline_->total(), rate_hz_);
  for (const ScheduledCue& cue : schedule_) {
    if (cue.clip) end = std::max(end, cue.frame + cue.clip->frames());
  }
  const auto count = static_cast<std::size_t>((end - start) / per_slice + 1);
  std::vector<double> words(count, 0.0);
  std::vector<double> under(count, 0.0);
  std::vector<bool> ducked(count, false);
  const double voice = reference.voice_gain();
  const double tone = reference.tone_gain();
  for (const ScheduledCue& cue : schedule_) {
    if (cue.clip == nullptr || cue.clip->empty()) continue;
    const bool spoken = core::is_spoken(cue.kind);
    const double gain = spoken ? voice : tone;
    if (gain <= 0) continue;
    const std::vector<double>& slices = slices_of(cue.clip);
    const auto first = static_cast<std::size_t>((cue.frame - start) / per_slice);
    for (std::size_t i = 0; i < slices.size() && first + i < count; ++i) {
      (spoken ? words : under)[first + i] += gain * gain * slices[i];
      if (spoken) ducked[first + i] = true;
    }
  }
  const double breath = reference.breath_gain();
  if (breath > 0) {
    const double power = breath_power() * breath * breath;
    for (std::size_t i = 0; i < count; ++i) {
      const std::int64_t frame = start + static_cast<std::int64_t>(i) * per_slice + per_slice / 2;
      const core::Duration at = core::time_of_frame(frame, rate_hz_);
      if (at < core::Duration{0} || at >= timeline_->total()) continue;
      const double level =
          kBreathFloor + (1.0 - kBreathFloor) * timeline_->position_at(at).breath.volume;
      under[i] += power * level * level;
    }
  }
  const double ambient = reference.ambient_gain();
  if (ambient > 0) {
    const double power = bed_power(reference.ambient) * ambient * ambient;
    const std::int64_t bed_end = core::frame_of_time(timeline_->total(), rate_hz_);
    for (std::size_t i = 0; i < count; ++i) {
      if (start + static_cast<std::int64_t>(i) * per_slice < bed_end) under[i] += power;
    }
  }
  const double duck = std::pow(10.0, kDuckDb / 10.0);
  std::vector<double> mix(count);
  for (std::size_t i = 0; i < count; ++i) mix[i] = words[i] + (ducked[i] ? duck : 1.0) * under[i];
  return gated_loudness(mix);
}

void CueRenderer::update_master() {
  // The reference: default volumes for every layer that is on, so moving a slider changes
  // that layer's level while muting or adding a layer re-levels the whole.
  core::SoundSettings reference = settings_;
  reference.voice_volume = 1;
  reference.tone_volume = 1;
  reference.breath_volume = kReferenceBreath;
  reference.ambient_volume = kReferenceAmbient;
  if (reference == predicted_for_) return;
  predicted_for_ = reference;
  predicted_lufs_ = predict(reference);
  master_db_ = std::isfinite(predicted_lufs_)
                   ? std::clamp(kTargetLufs - predicted_lufs_, -kMaxMasterDb, kMaxMasterDb)
                   : 0.0;
  const float gain = db_to_gain(master_db_);
  // Before anything sounds the gain is simply set, so a render starts at its level.
  if (voices_.empty() && breath_.silent() && bed_.silent()) {
    master_.reset(gain);
  } else {
    master_.set_target(gain);
  }
}

}  // namespace unknot::audio
