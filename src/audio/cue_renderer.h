// Mixes a session's sound into a stereo float stream: its cues at exact frames, the optional
// breath tone and ambient bed, at the person's volumes. Words come first: the schedule never
// lets two voices or a voice and the end bell overlap, and while a word sounds the tones,
// breath tone and bed duck by 9 dB. A master stage then brings the session to -16 LUFS
// (predicted from the schedule when it loads, so the gain is known before the first sample
// and is the same live and offline) and a look-ahead limiter keeps peaks under -1.3 dBFS (true
// peak about -1 dBTP); the renderer runs ahead of its output by the limiter's look-ahead, so a
// cue still leaves it at exactly its frame. Pure std (no SDL), so the live post-mix callback
// and the offline render share one implementation.
#pragma once

#include <array>
#include <cmath>
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
#include "audio/limiter.h"
#include "core/session_run.h"
#include "core/sound_settings.h"
#include "core/timeline.h"

namespace unknot::audio {

struct ScheduledCue {
  std::int64_t frame = 0;  // onset in timeline frames (frame_of_time(cue.at, rate))
  core::CueKind kind = core::CueKind::ToneInhale;
  core::Side side = core::Side::None;
  const Clip* clip = nullptr;  // what plays (a step announcement is two or three entries: side,
                               // muscle and, for a repeated step, "second round")
  std::size_t cue_index = 0;   // position of the cue in the loaded list
  std::int64_t asked = 0;      // the timeline's onset; `frame` is later if a voice was in the way
};

// Layers of the mix, for analysis renders that keep only some (CueRenderer::set_solo).
enum Layer : unsigned {
  kLayerVoice = 1U << 0U,
  kLayerTones = 1U << 1U,
  kLayerBreath = 1U << 2U,
  kLayerAmbient = 1U << 3U,
  kAllLayers = 0xFU,
};

class CueRenderer {
 public:
  // Frames per control period: the breath tone's level is set once per period of device
  // frames and glides across it.
  static constexpr int kControlFrames = 256;
  // Gap between the side word and the muscle name of a step announcement, and the least gap
  // between any two spoken clips (a word due sooner waits).
  static constexpr double kStepNameGapSeconds = 0.08;
  // Loudness the master stage brings a session to, and how far its gain may go either way.
  static constexpr double kTargetLufs = -16.0;
  static constexpr double kMaxMasterDb = 12.0;
  // Tones, breath tone and bed sit this much lower while a word sounds.
  static constexpr double kDuckDb = -9.0;
  // Largest sample (and midpoint between samples) the limiter lets through: -1.3 dBFS.
  static constexpr float kCeiling = 0.861F;

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
  // How the voice set's round words read at the end of a step title (set before load()).
  void set_round_words(RoundWords words) { round_words_ = std::move(words); }
  // Whether a step's announcement says the muscle before the side, as its heading reads in the
  // voice's language ("Trapecio superior, lado izquierdo"); English says the side first.
  void set_side_after_muscle(bool after) { side_after_muscle_ = after; }
  const Clip& clip(core::CueKind kind) const { return clip(core::cue_name(kind)); }

  // Volumes, mutes, side panning, breath tone and ambient bed. Level changes glide over
  // tens of milliseconds; panning applies to cues that start afterwards.
  void set_settings(const core::SoundSettings& settings);
  const core::SoundSettings& settings() const { return settings_; }

  // Replaces the schedule with the timeline's cues and follows it for the breath tone; a step
  // announcement becomes the side word then, kStepNameGapSeconds later, the muscle name (the
  // muscle alone without a side; nothing if the muscle has no clip), then "second round" or
  // "third round" for a repeated step. A spoken clip due before the previous one has ended
  // (plus the gap) waits for it, and the end bell waits for the last words. Voices already
  // sounding finish naturally. The new schedule waits paused at its start until the next set_clock,
  // so a previous session's clock never marks its first cues as past: load, then set_clock.
  // The ambient bed fades in.
  void load(std::shared_ptr<const core::Timeline> timeline);
  // The same for bare cues (tests): no breath tone, step announcements stay silent, and the
  // master gain stays at unity (there is no session to predict).
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

  // Something is sounding or fading (a cue, the breath tone, the bed or the limiter's delay),
  // or a cue is still to come while the clock runs.
  bool audible() const;

  // The session's loudness predicted from the schedule at reference volumes (the defaults,
  // with the layers that are on), in LUFS; -inf without a timeline. The master gain (dB) is
  // kTargetLufs minus it, within +-kMaxMasterDb; 0 without a timeline. Deterministic: the same
  // clips, timeline and settings give the same gain.
  double predicted_loudness() const { return predicted_lufs_; }
  double master_gain_db() const { return master_db_; }
  // Frames the renderer runs ahead of its output (the limiter's look-ahead).
  int latency() const { return limiter_.latency(); }
  // For analysis: only the given layers reach the output; ducking, master gain and timing
  // are computed as for the full mix. kAllLayers (the default) is the normal mix.
  void set_solo(unsigned layers) { solo_ = layers; }

 private:
  // At empty lungs the breath tone still hums faintly, so it is one continuous sound that
  // swells and settles rather than a series of separate notes.
  static constexpr float kBreathFloor = 0.15F;
  static float db_to_gain(double db) { return static_cast<float>(std::pow(10.0, db / 20.0)); }
  enum class Group { Voice, Tone };
  struct Sound {
    Clip clip;
    std::vector<double> slices;  // loudness slices (loudness.h), for predicting a session
  };
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
  void render_internal(std::int64_t first_frame, float* out, int frames);
  void render_piece(std::int64_t first_frame, float* out, int frames, int position);
  void mix_voices(float* voice_bus, float* under_bus, int frames, const float* voice_gains,
                  const float* tone_gains);
  void resolve_overlaps();
  void place_bells();
  void update_master();
  double predict(const core::SoundSettings& reference);
  const std::vector<double>& slices_of(const Clip* clip) const;
  double breath_power();
  double bed_power(core::AmbientKind kind);

  int rate_hz_;
  std::map<std::string, Sound, std::less<>> clips_;
  RoundWords round_words_;
  bool side_after_muscle_ = false;
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
  GainRamp breath_gain_;
  GainRamp duck_;
  float duck_attack_step_ = 1;
  float duck_release_step_ = 1;
  GainRamp master_;
  std::array<float, kControlFrames> voice_gains_{};
  std::array<float, kControlFrames> tone_gains_{};
  std::array<float, kControlFrames> breath_gains_{};
  std::array<float, 2 * kControlFrames> voice_bus_{};
  std::array<float, 2 * kControlFrames> under_bus_{};
  std::array<float, 2 * kControlFrames> mix_{};
  std::array<float, 2 * kControlFrames> limited_{};
  BreathTone breath_;
  AmbientBed bed_;
  PeakLimiter limiter_;
  bool primed_ = false;
  unsigned solo_ = kAllLayers;
  double predicted_lufs_;
  double master_db_ = 0;
  core::SoundSettings predicted_for_;  // the reference the prediction was made for
  // Measured once when first needed: weighted power of the breath tone at full level, and of
  // each bed at unity volume (loudness.h energies).
  double breath_power_ = -1;
  double brown_power_ = -1;
  double ocean_power_ = -1;
};

}  // namespace unknot::audio
