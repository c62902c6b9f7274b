// Audio benchmark: renders a 30-minute guided session offline, writes it as a WAV, reads the
// WAV back and finds every cue in the audio itself (not in the cue list), then prints the
// onset error of every cue, the drift from first to last, and the render speed.
// Targets: 0 frames of error, 0 drift, at least 300x real time.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <span>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "audio/offline_render.h"
#include "audio/onset_finder.h"
#include "audio/voice_bank.h"
#include "audio/wav_file.h"
#include "core/breathing_session.h"
#include "core/routine_parser.h"

namespace {

namespace fs = std::filesystem;
using namespace unknot;
using Clock = std::chrono::steady_clock;

constexpr double kSpeedTarget = 300.0;
// How far from where it belongs a cue is looked for: far more than any plausible mistake.
constexpr int kSearchRadius = 300;
constexpr int kMatchWindow = 9600;  // the first 200 ms of each sound

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::vector<core::Step> routine_steps(const fs::path& file) {
  std::ifstream in(file);
  std::ostringstream text;
  text << in.rdbuf();
  const auto lookup = core::builtin_pattern_lookup();
  const auto parsed = core::parse_routine(text.str(), file.string(), lookup);
  if (!parsed.routine) {
    for (const auto& p : parsed.problems) std::fprintf(stderr, "%s\n", p.to_string().c_str());
    std::exit(1);
  }
  return core::expand(*parsed.routine, lookup);
}

// Resonance breathing to settle, two built-in routines, box breathing (for its holds), then
// resonance breathing again to make up the length: every tone, every spoken kind, step
// announcements on both sides.
core::Timeline session_of(const fs::path& assets, int minutes) {
  const core::BreathPattern& resonance = *core::find_builtin_pattern("resonance_6");
  std::vector<core::Step> steps = core::breathing_steps(resonance, 30);  // 5 minutes
  for (const char* id : {"neck_tension_headache", "low_back_hips"}) {
    for (core::Step& step : routine_steps(assets / "routines" / (std::string(id) + ".json"))) {
      steps.push_back(std::move(step));
    }
  }
  for (core::Step& step : core::breathing_steps(*core::find_builtin_pattern("box_4"), 8)) {
    steps.push_back(std::move(step));
  }
  const core::Duration wanted = std::chrono::minutes(minutes);
  const core::Duration have = core::total_duration(steps);
  if (have < wanted) {
    const auto breaths = static_cast<int>((wanted - have + resonance.cycle() - core::Duration{1}) /
                                          resonance.cycle());
    for (core::Step& step : core::breathing_steps(resonance, breaths))
      steps.push_back(std::move(step));
  }
  return core::Timeline(std::move(steps), core::builtin_pattern_lookup());
}

std::string clock_text(double seconds) {
  char text[32];
  const auto whole = static_cast<long long>(seconds + 0.5);
  std::snprintf(text, sizeof text, "%lld:%02lld", whole / 60, whole % 60);
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path assets = fs::path(UNKNOT_SOURCE_DIR) / "assets";
  fs::path out_wav;
  int rate = 48000;
  int minutes = 30;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--out" && has_value) {
      out_wav = argv[++i];
    } else if (arg == "--rate" && has_value) {
      rate = std::atoi(argv[++i]);
    } else if (arg == "--minutes" && has_value) {
      minutes = std::atoi(argv[++i]);
    } else if (arg == "--assets" && has_value) {
      assets = argv[++i];
    } else {
      std::fprintf(stderr, "usage: %s [--out FILE.wav] [--rate HZ] [--minutes N] [--assets DIR]\n",
                   argv[0]);
      return 2;
    }
  }
  const bool keep_wav = !out_wav.empty();
  if (!keep_wav)
    out_wav =
        fs::temp_directory_path() / ("unknot-audio-bench-" + std::to_string(::getpid()) + ".wav");

  const core::Timeline timeline = session_of(assets, minutes);
  std::vector<std::string> problems;
  auto start = Clock::now();
  const audio::VoiceBank voices = audio::VoiceBank::load(assets / "audio", &problems);
  for (const auto& p : problems) std::fprintf(stderr, "warning: %s\n", p.c_str());
  const std::vector<audio::NamedClip> sounds = audio::prepare_sounds(voices, rate);
  const double prepare_s = seconds_since(start);

  start = Clock::now();
  const audio::RenderedSession render =
      audio::render_session(timeline, core::SoundSettings{}, sounds, rate);
  const double render_s = seconds_since(start);
  const double audio_s = static_cast<double>(render.frames()) / rate;

  start = Clock::now();
  audio::write_wav(out_wav, render.samples, rate);
  const double write_s = seconds_since(start);

  // The cues are looked for in two more renders of the same session, written and read back:
  // the words alone (the voice layer of the mix) and the tones with the voice muted. Under a
  // word the tones duck, and a level change inside a tone's first 100 ms would blur the match
  // by a frame; it changes a tone's level, not its timing.
  class Keep final : public audio::SampleSink {
   public:
    std::vector<float> samples;
    void begin(std::int64_t, int) override {}
    void write(std::span<const float> block) override {
      samples.insert(samples.end(), block.begin(), block.end());
    }
  };
  Keep words_only;
  audio::render_session_to(timeline, core::SoundSettings{}, sounds, rate, words_only,
                           audio::kLayerVoice);
  core::SoundSettings no_words;
  no_words.voice_muted = true;
  const audio::RenderedSession tones_only = audio::render_session(timeline, no_words, sounds, rate);
  const fs::path words_wav = out_wav.string() + ".words.wav";
  const fs::path tones_wav = out_wav.string() + ".tones.wav";
  audio::write_wav(words_wav, words_only.samples, rate);
  audio::write_wav(tones_wav, tones_only.samples, rate);

  // Everything below works from the files: the renders are no longer consulted.
  start = Clock::now();
  std::map<std::string, const audio::Clip*> by_name;
  for (const auto& sound : sounds) by_name[sound.name] = &sound.clip;
  // Where each cue belongs: the cue list each render reports (the timeline's onsets, with a
  // word that would have overlapped the one before it moved to just after it, and the end bell
  // after the last words).
  std::vector<std::int64_t> found;
  std::vector<audio::SoundToFind> search;
  std::vector<const core::Cue*> searched;
  for (const auto& [file_, list_, spoken_] : {std::tuple{&words_wav, &render.cues, true},
                                              std::tuple{&tones_wav, &tones_only.cues, false}}) {
    const fs::path& file = *file_;
    const std::vector<audio::PlacedCue>& list = *list_;
    const bool spoken = spoken_;
    const audio::WavAudio wav = audio::read_wav(file);
    std::vector<audio::SoundToFind> here;
    for (const audio::PlacedCue& placed : list) {
      const core::Cue& cue = placed.cue;
      if (core::is_spoken(cue.kind) != spoken) continue;
      std::string name(core::cue_name(cue.kind));
      if (cue.kind == core::CueKind::SayStepName) {
        const core::Step& step = timeline.step(cue.step_index);
        name = step.side == core::Side::None
                   ? audio::muscle_clip_name(step.muscle)
                   : std::string(audio::side_clip_name(step.side == core::Side::Left));
      }
      const auto it = by_name.find(name);
      if (it == by_name.end() || it->second->empty()) continue;  // not heard, nothing to find
      here.push_back({it->second, placed.frame});
      searched.push_back(&placed.cue);
    }
    const std::vector<std::int64_t> got =
        audio::find_onsets(wav.samples, here, kSearchRadius, kMatchWindow);
    found.insert(found.end(), got.begin(), got.end());
    search.insert(search.end(), here.begin(), here.end());
  }
  fs::remove(words_wav);
  fs::remove(tones_wav);
  std::int64_t moved = 0;
  const std::int64_t origin = -core::frame_of_time(-timeline.countdown(), rate);
  for (const audio::PlacedCue& placed : render.cues) {
    if (placed.frame != origin + core::frame_of_time(placed.cue.at, rate)) ++moved;
  }
  const double analyse_s = seconds_since(start);

  std::int64_t worst = 0;
  std::map<std::int64_t, int> histogram;
  for (std::size_t i = 0; i < found.size(); ++i) {
    const std::int64_t error = found[i] - search[i].expected;
    ++histogram[error];
    if (std::llabs(error) > std::llabs(worst)) worst = error;
    if (error != 0) {
      std::printf("  off: %-22s at %8.3f s: %+lld frames\n",
                  std::string(core::cue_name(searched[i]->kind)).c_str(),
                  core::to_seconds(searched[i]->at), static_cast<long long>(error));
    }
  }
  // Words and tones each from their first cue to their last; the larger.
  std::int64_t drift = 0;
  if (!found.empty())
    drift = (found.back() - search.back().expected) - (found.front() - search.front().expected);
  const double speed = audio_s / render_s;

  std::printf("session        %s (%d steps), %s of audio at %d Hz\n",
              clock_text(core::to_seconds(timeline.total())).c_str(), timeline.step_count(),
              clock_text(audio_s).c_str(), rate);
  std::printf(
      "cues found     %zu (of %zu in the timeline; every one searched +-%d frames in the WAV)\n",
      found.size(), timeline.all_cues().size(), kSearchRadius);
  std::printf("words moved    %lld (started after the word before them ended)\n",
              static_cast<long long>(moved));
  std::printf("onset error    max |%lld| frames  (target 0)\n",
              static_cast<long long>(std::llabs(worst)));
  std::printf("drift          %+lld frames from first cue to last  (target 0)\n",
              static_cast<long long>(drift));
  for (const auto& [error, count] : histogram)
    std::printf("               %+lld frames: %d cues\n", static_cast<long long>(error), count);
  std::printf("render         %.3f s = %.0fx real time  (target >= %.0fx)\n", render_s, speed,
              kSpeedTarget);
  std::printf("prepare sounds %.3f s (decode and resample voices, synthesize tones)\n", prepare_s);
  // What the sounds hold in memory, against the interleaved stereo float they were once kept
  // as (8 bytes a frame).
  std::size_t clip_bytes = 0;
  std::size_t float_stereo_bytes = 0;
  int mono_clips = 0;
  for (const auto& sound : sounds) {
    clip_bytes += sound.clip.bytes();
    float_stereo_bytes += static_cast<std::size_t>(sound.clip.frames()) * 2 * sizeof(float);
    if (sound.clip.channels() == 1) ++mono_clips;
  }
  std::printf(
      "sound memory   %.2f MB in %zu clips at %d Hz (16-bit, %d mono); "
      "%.2f MB as stereo float\n",
      static_cast<double>(clip_bytes) / 1e6, sounds.size(), rate, mono_clips,
      static_cast<double>(float_stereo_bytes) / 1e6);
  std::printf("voice bank     %.2f MB (decoded voices, 16-bit mono at the recorded rate)\n",
              static_cast<double>(voices.bytes()) / 1e6);
  std::printf("write WAV      %.3f s (%.1f MB)\n", write_s,
              static_cast<double>(fs::file_size(out_wav)) / 1e6);
  std::printf("analyse        %.3f s\n", analyse_s);

  // The same session with every layer on, for the cost of the breath tone and the bed.
  core::SoundSettings everything;
  everything.breath_tone = true;
  everything.ambient = core::AmbientKind::Ocean;
  start = Clock::now();
  const audio::RenderedSession full = audio::render_session(timeline, everything, sounds, rate);
  const double full_s = seconds_since(start);
  std::printf("render + breath tone + ocean bed  %.3f s = %.0fx real time\n", full_s,
              static_cast<double>(full.frames()) / rate / full_s);

  if (keep_wav) {
    std::printf("kept           %s\n", out_wav.c_str());
  } else {
    fs::remove(out_wav);
  }
  const bool met = worst == 0 && drift == 0 && speed >= kSpeedTarget;
  std::printf("%s\n", met ? "all targets met" : "TARGET MISSED");
  return worst == 0 && drift == 0 ? 0 : 1;
}
