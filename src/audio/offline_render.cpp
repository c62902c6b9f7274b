#include "audio/offline_render.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <numbers>
#include <stdexcept>

#include "audio/cue_renderer.h"

namespace unknot::audio {
namespace {

// Blocks the size a sound card asks for; any size gives the same samples.
constexpr int kBlockFrames = 4096;
// After the last cue's tail: time for the breath tone's and the bed's fades to land, then a
// short fade so a player never ends on a non-zero sample.
constexpr double kBreathToneTailSeconds = 0.4;
constexpr double kBedTailSeconds = 2.2;
constexpr double kEndFadeSeconds = 0.05;

std::int64_t seconds_to_frames(double seconds, int rate_hz) {
  return static_cast<std::int64_t>(std::llround(seconds * rate_hz));
}

// Keeps every sample, for render_session.
class KeepAll final : public SampleSink {
 public:
  explicit KeepAll(std::vector<float>& samples) : samples_(samples) {}
  void begin(std::int64_t frames, int) override {
    samples_.reserve(static_cast<std::size_t>(2 * frames));
  }
  void write(std::span<const float> interleaved) override {
    samples_.insert(samples_.end(), interleaved.begin(), interleaved.end());
  }

 private:
  std::vector<float>& samples_;
};

}  // namespace

RenderedSession render_session(const core::Timeline& timeline, const core::SoundSettings& settings,
                               std::span<const NamedClip> sounds, int rate_hz) {
  std::vector<float> samples;
  KeepAll keep(samples);
  RenderedSession out = render_session_to(timeline, settings, sounds, rate_hz, keep);
  out.samples = std::move(samples);
  return out;
}

RenderedSession render_session_to(const core::Timeline& timeline,
                                  const core::SoundSettings& settings,
                                  std::span<const NamedClip> sounds, int rate_hz, SampleSink& sink,
                                  unsigned layers) {
  if (rate_hz <= 0) throw std::invalid_argument("render_session needs a positive sample rate");
  auto renderer = std::make_unique<CueRenderer>(rate_hz);
  for (const NamedClip& sound : sounds) renderer->set_clip(sound.name, sound.clip);
  renderer->set_settings(settings);
  renderer->set_solo(layers);
  // The renderer shares ownership of the live session's timeline; here the caller owns it
  // for longer than this call, so a non-owning pointer is enough.
  renderer->load(std::shared_ptr<const core::Timeline>(std::shared_ptr<void>(), &timeline));

  RenderedSession out;
  out.rate_hz = rate_hz;
  out.master_gain_db = renderer->master_gain_db();
  out.predicted_lufs = renderer->predicted_loudness();
  // Frame 0 is the first countdown cue: timeline frame -countdown (frame_of_time rounds a
  // negative time towards zero, so this is that same frame).
  out.origin_frame = -core::frame_of_time(-timeline.countdown(), rate_hz);
  const core::Instant origin{core::time_of_frame(out.origin_frame, rate_hz)};
  renderer->set_clock(core::PlaybackClock{true, origin, {}});

  const std::int64_t total_end = out.origin_frame + core::frame_of_time(timeline.total(), rate_hz);
  std::int64_t end = total_end;
  if (settings.breath_gain() > 0) {
    end = std::max(end, total_end + seconds_to_frames(kBreathToneTailSeconds, rate_hz));
  }
  if (settings.ambient_gain() > 0) {
    end = std::max(end, total_end + seconds_to_frames(kBedTailSeconds, rate_hz));
  }
  const std::vector<core::Cue>& cues = timeline.all_cues();
  std::vector<bool> placed(cues.size(), false);
  for (const ScheduledCue& entry : renderer->schedule()) {
    if (entry.clip == nullptr || entry.clip->empty()) continue;
    const float gain = core::is_spoken(entry.kind) ? settings.voice_gain() : settings.tone_gain();
    if (gain <= 0) continue;
    end = std::max(end, out.origin_frame + entry.frame + entry.clip->frames());
    if (placed[entry.cue_index]) continue;  // the muscle name after a side word
    placed[entry.cue_index] = true;
    const core::Cue& cue = cues[entry.cue_index];
    out.cues.push_back({cue, timeline.cue_caption(cue), static_cast<double>(entry.frame) / rate_hz,
                        out.origin_frame + entry.frame});
  }
  std::stable_sort(out.cues.begin(), out.cues.end(),
                   [](const PlacedCue& a, const PlacedCue& b) { return a.frame < b.frame; });

  const std::int64_t fade = seconds_to_frames(kEndFadeSeconds, rate_hz);
  end += fade;
  sink.begin(end, rate_hz);
  std::vector<float> block(2 * static_cast<std::size_t>(kBlockFrames));
  for (std::int64_t frame = 0; frame < end; frame += kBlockFrames) {
    const auto count = static_cast<int>(std::min<std::int64_t>(kBlockFrames, end - frame));
    std::fill(block.begin(), block.end(), 0.0F);
    renderer->render(frame, block.data(), count);
    // Raised-cosine fade over the last frames: only the bed or the breath tone can still be
    // sounding there, and cutting either would end the file with a click.
    for (std::int64_t f = std::max(frame, end - fade); f < frame + count; ++f) {
      const std::int64_t i = end - 1 - f;  // frames from the very end
      const double x = static_cast<double>(i) / static_cast<double>(fade);
      const auto gain = static_cast<float>(0.5 - 0.5 * std::cos(std::numbers::pi * x));
      block[static_cast<std::size_t>(2 * (f - frame))] *= gain;
      block[static_cast<std::size_t>(2 * (f - frame) + 1)] *= gain;
    }
    sink.write(std::span<const float>(block.data(), 2 * static_cast<std::size_t>(count)));
  }
  return out;
}

RenderedSession render_session(const core::Timeline& timeline, const core::SoundSettings& settings,
                               const VoiceBank& voices, int rate_hz) {
  const std::vector<NamedClip> sounds = prepare_sounds(voices, rate_hz, settings.sound_set);
  return render_session(timeline, settings, sounds, rate_hz);
}

}  // namespace unknot::audio
