// Sound benchmark: what a listener gets from every built-in routine and three breathing
// patterns, rendered offline through the same CueRenderer the app plays with. Prints, per
// session: integrated loudness (EBU R128) and true peak of the default mix, how far the words
// stand over everything else while they sound, the master stage's gain; then the loudness
// spread of the voice clips, how much of the breath tone's and the beds' energy a small
// speaker plays (300 Hz - 3 kHz), how far apart the sound sets' inhale, exhale and hold are
// (spectral centroid, pitch contour), and speed and peak memory of a 2-hour render.
// Targets: -16 +-1 LUFS, true peak <= -1 dBTP, words >= 8 dB over the rest, clip spread
// <= 2 LU, >= 300x real time and <= 64 MB for 2 hours.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <complex>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <sstream>
#include <string>
#include <vector>

#include "audio/cue_renderer.h"
#include "audio/loudness.h"
#include "audio/offline_render.h"
#include "audio/synth.h"
#include "audio/voice_bank.h"
#include "core/breathing_session.h"
#include "core/routine_parser.h"

namespace {

namespace fs = std::filesystem;
using namespace unknot;
using Clock = std::chrono::steady_clock;

constexpr int kRate = 48000;

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

core::Timeline pattern_session(const char* id, int minutes) {
  const core::BreathPattern& pattern = *core::find_builtin_pattern(id);
  const auto breaths = static_cast<int>(std::chrono::minutes(minutes) / pattern.cycle());
  return core::Timeline(core::breathing_steps(pattern, breaths), core::builtin_pattern_lookup());
}

// Keeps interleaved samples (short sessions only).
class Keep final : public audio::SampleSink {
 public:
  std::vector<float> samples;
  void begin(std::int64_t frames, int) override {
    samples.reserve(static_cast<std::size_t>(2 * frames));
  }
  void write(std::span<const float> block) override {
    samples.insert(samples.end(), block.begin(), block.end());
  }
};

// Measures as it goes, keeping nothing.
class Measure final : public audio::SampleSink {
 public:
  audio::LoudnessMeter meter{kRate};
  std::int64_t frames = 0;
  void begin(std::int64_t, int) override {}
  void write(std::span<const float> block) override {
    meter.add(block);
    frames += static_cast<std::int64_t>(block.size() / 2);
  }
};

// Counts the frames and keeps nothing (for timing the render alone).
class Discard final : public audio::SampleSink {
 public:
  std::int64_t frames = 0;
  void begin(std::int64_t, int) override {}
  void write(std::span<const float> block) override {
    frames += static_cast<std::int64_t>(block.size() / 2);
  }
};

// K-weighted energy of `samples` over the given frame intervals.
double weighted_energy(const std::vector<float>& samples,
                       const std::vector<std::pair<std::int64_t, std::int64_t>>& spans) {
  audio::KWeighting left(kRate);
  audio::KWeighting right(kRate);
  std::vector<bool> inside(samples.size() / 2, false);
  for (const auto& [from, to] : spans) {
    for (std::int64_t f = std::max<std::int64_t>(0, from);
         f < std::min<std::int64_t>(to, static_cast<std::int64_t>(inside.size())); ++f) {
      inside[static_cast<std::size_t>(f)] = true;
    }
  }
  double sum = 0;
  std::int64_t count = 0;
  for (std::size_t f = 0; f < inside.size(); ++f) {
    const double l = left.process(samples[2 * f]);
    const double r = right.process(samples[2 * f + 1]);
    if (inside[f]) {
      sum += l * l + r * r;
      ++count;
    }
  }
  return count == 0 ? 0.0 : sum / static_cast<double>(count);
}

double db(double energy_ratio) { return 10.0 * std::log10(energy_ratio); }

// A small-speaker stand-in: second-order high pass at 300 Hz, low pass at 3 kHz.
struct Biquad {
  double b0, b1, b2, a1, a2, z1 = 0, z2 = 0;
  double run(double x) {
    const double y = b0 * x + z1;
    z1 = b1 * x - a1 * y + z2;
    z2 = b2 * x - a2 * y;
    return y;
  }
};
Biquad butterworth(double hz, bool high) {
  const double k = std::tan(std::numbers::pi * hz / kRate);
  const double q = std::numbers::sqrt2 / 2;
  const double norm = 1 / (1 + k / q + k * k);
  Biquad f{};
  if (high) {
    f.b0 = norm;
    f.b1 = -2 * norm;
    f.b2 = norm;
  } else {
    f.b0 = k * k * norm;
    f.b1 = 2 * f.b0;
    f.b2 = f.b0;
  }
  f.a1 = 2 * (k * k - 1) * norm;
  f.a2 = (1 - k / q + k * k) * norm;
  return f;
}

struct Band {
  double fraction = 0;  // of the energy that passes 300 Hz - 3 kHz
  double level_db = 0;  // RMS of what passes, dBFS
};
Band speaker_band(const std::vector<float>& samples) {
  Biquad hp = butterworth(300, true);
  Biquad lp = butterworth(3000, false);
  double all = 0;
  double band = 0;
  for (std::size_t i = 0; i < samples.size(); i += 2) {
    const double x = samples[i];
    const double y = lp.run(hp.run(x));
    all += x * x;
    band += y * y;
  }
  const double n = static_cast<double>(samples.size() / 2);
  return {all > 0 ? band / all : 0, 10 * std::log10(std::max(1e-20, band / n))};
}

// Spectral centroid (Hz) of a mono clip, from a Hann-windowed DFT over its first 0.5 s.
double centroid(const audio::Clip& clip) {
  const std::int64_t n = std::min<std::int64_t>(clip.frames(), kRate / 2);
  double weighted = 0;
  double total = 0;
  for (int bin = 1; bin < 400; ++bin) {  // 0 - 4 kHz in 10 Hz steps
    const double hz = bin * 10.0;
    std::complex<double> sum = 0;
    for (std::int64_t i = 0; i < n; ++i) {
      const double w = 0.5 - 0.5 * std::cos(2 * std::numbers::pi * static_cast<double>(i) /
                                            static_cast<double>(n));
      const double phase = 2 * std::numbers::pi * hz * static_cast<double>(i) / kRate;
      sum += clip.sample(i, 0) * w * std::complex<double>(std::cos(phase), -std::sin(phase));
    }
    const double power = std::norm(sum);
    weighted += power * hz;
    total += power;
  }
  return total > 0 ? weighted / total : 0;
}

// Dominant frequency (Hz) of 100 ms of a clip from `at`, from its zero crossings: these tones
// are ruled by one partial, so the crossings follow its pitch as it glides.
double pitch_at(const audio::Clip& clip, std::int64_t at) {
  const std::int64_t n = kRate / 10;
  if (at + n >= clip.frames()) return 0;
  int crossings = 0;
  for (std::int64_t i = at + 1; i < at + n; ++i) {
    if ((clip.sample(i - 1, 0) < 0) != (clip.sample(i, 0) < 0)) ++crossings;
  }
  return crossings / 2.0 / 0.1;
}

std::size_t peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<std::size_t>(usage.ru_maxrss) / 1024;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path assets = fs::path(UNKNOT_SOURCE_DIR) / "assets";
  if (argc > 2 && std::string(argv[1]) == "--assets") assets = argv[2];
  std::vector<std::string> problems;
  const audio::VoiceBank voices = audio::VoiceBank::load(assets / "audio", &problems);
  for (const auto& p : problems) std::fprintf(stderr, "warning: %s\n", p.c_str());
  bool met = true;

  // First, before anything else is held: a two-hour render (resonance 6, breath tone and ocean
  // on), measured as it streams, for its speed and the process's peak memory.
  const std::vector<audio::NamedClip> long_sounds = audio::prepare_sounds(voices, kRate);
  const core::Timeline long_one = pattern_session("resonance_6", 120);
  core::SoundSettings all;
  all.breath_tone = true;
  all.ambient = core::AmbientKind::Ocean;
  Discard discard;
  const auto start = Clock::now();
  const std::clock_t cpu_start = std::clock();
  audio::render_session_to(long_one, all, long_sounds, kRate, discard);
  const double long_seconds = std::chrono::duration<double>(Clock::now() - start).count();
  const double long_cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  const std::size_t long_rss = peak_rss_mb();
  Measure long_meter;
  audio::render_session_to(long_one, all, long_sounds, kRate, long_meter);

  struct Session {
    std::string name;
    core::Timeline timeline;
  };
  std::vector<Session> sessions;
  for (const char* id : {"neck_tension_headache", "jaw_temple", "low_back_hips"}) {
    sessions.push_back(
        {id, core::Timeline(routine_steps(assets / "routines" / (std::string(id) + ".json")),
                            core::builtin_pattern_lookup())});
  }
  for (const char* id : {"resonance_6", "box_4", "cyclic_sigh"}) {
    sessions.push_back({std::string(id) + " 10 min", pattern_session(id, 10)});
  }

  std::printf("Sessions, default sound (chimes, voice and tones, no breath tone or bed), %d Hz\n",
              kRate);
  std::printf("%-24s %9s %9s %9s %11s %8s\n", "session", "LUFS", "dBTP", "master dB", "words over",
              "length");
  std::printf("%-24s %9s %9s %9s %11s %8s\n", "", "(-16+-1)", "(<=-1)", "", "rest (>=8)", "");
  const std::vector<audio::NamedClip> sounds = audio::prepare_sounds(voices, kRate);
  for (const Session& s : sessions) {
    const core::SoundSettings defaults;
    Keep full;
    const audio::RenderedSession placed =
        audio::render_session_to(s.timeline, defaults, sounds, kRate, full);
    audio::LoudnessMeter meter(kRate);
    meter.add(full.samples);
    Keep words;
    audio::render_session_to(s.timeline, defaults, sounds, kRate, words, audio::kLayerVoice);
    Keep rest;
    audio::render_session_to(s.timeline, defaults, sounds, kRate, rest,
                             audio::kAllLayers & ~unsigned{audio::kLayerVoice});
    // Where words sound: each spoken clip from its onset to its end, from the schedule.
    audio::CueRenderer renderer(kRate);
    for (const auto& sound : sounds) renderer.set_clip(sound.name, sound.clip);
    renderer.load(std::shared_ptr<const core::Timeline>(std::shared_ptr<void>(), &s.timeline));
    std::vector<std::pair<std::int64_t, std::int64_t>> spans;
    for (const auto& entry : renderer.schedule()) {
      if (!core::is_spoken(entry.kind) || entry.clip == nullptr) continue;
      spans.emplace_back(placed.origin_frame + entry.frame,
                         placed.origin_frame + entry.frame + entry.clip->frames());
    }
    const double over = db(weighted_energy(words.samples, spans) /
                           std::max(1e-20, weighted_energy(rest.samples, spans)));
    const double lufs = meter.integrated();
    const double tp = 20 * std::log10(meter.true_peak());
    met = met && std::abs(lufs + 16) <= 1 && tp <= -1 && over >= 8;
    std::printf("%-24s %9.1f %9.1f %+9.1f %11.1f %7.1fm\n", s.name.c_str(), lufs, tp,
                placed.master_gain_db, over,
                static_cast<double>(full.samples.size() / 2) / kRate / 60);
  }

  std::printf("\nOther layers on the neck routine (master stage re-levels when layers change)\n");
  std::printf("%-34s %9s %9s %9s\n", "settings", "LUFS", "dBTP", "master dB");
  struct Variant {
    const char* name;
    core::SoundSettings settings;
  };
  std::vector<Variant> variants;
  {
    core::SoundSettings s;
    s.voice_muted = true;
    variants.push_back({"tones only (--no-voice)", s});
    s = {};
    s.tones_muted = true;
    variants.push_back({"voice only (--no-tones)", s});
    s = {};
    s.breath_tone = true;
    variants.push_back({"+ breath tone", s});
    s.ambient = core::AmbientKind::BrownNoise;
    variants.push_back({"+ breath tone + brown noise", s});
    s.ambient = core::AmbientKind::Ocean;
    variants.push_back({"+ breath tone + ocean", s});
    s = {};
    s.sound_set = core::SoundSet::Bowls;
    variants.push_back({"bowls", s});
    s.sound_set = core::SoundSet::Pads;
    variants.push_back({"pads", s});
  }
  for (const Variant& v : variants) {
    const std::vector<audio::NamedClip> set_sounds =
        audio::prepare_sounds(voices, kRate, v.settings.sound_set);
    Measure m;
    const audio::RenderedSession r =
        audio::render_session_to(sessions[0].timeline, v.settings, set_sounds, kRate, m);
    const double lufs = m.meter.integrated();
    const double tp = 20 * std::log10(m.meter.true_peak());
    met = met && std::abs(lufs + 16) <= 1 && tp <= -1;
    std::printf("%-34s %9.1f %9.1f %+9.1f\n", v.name, lufs, tp, r.master_gain_db);
  }

  // Loudness of every levelled voice clip.
  double lo = 1e9;
  double hi = -1e9;
  std::string lo_name;
  std::string hi_name;
  int voice_clips = 0;
  for (const std::string& name : voices.names()) {
    const double l = audio::clip_loudness(audio::prepare_voice(voices, name, kRate));
    ++voice_clips;
    if (l < lo) lo = l, lo_name = name;
    if (l > hi) hi = l, hi_name = name;
  }
  met = met && hi - lo <= 2;
  std::printf(
      "\nVoice clips    %d levelled: %.1f (%s) to %.1f LUFS (%s), spread %.1f LU (target <= 2)\n",
      voice_clips, lo, lo_name.c_str(), hi, hi_name.c_str(), hi - lo);

  std::printf("\nSmall speakers: energy in 300 Hz - 3 kHz (2nd-order band pass), 2 minutes each\n");
  const core::Timeline two = pattern_session("resonance_6", 2);
  for (const auto& [name, layer, ambient] :
       {std::tuple{"breath tone", audio::kLayerBreath, core::AmbientKind::Off},
        std::tuple{"brown noise", audio::kLayerAmbient, core::AmbientKind::BrownNoise},
        std::tuple{"ocean", audio::kLayerAmbient, core::AmbientKind::Ocean}}) {
    core::SoundSettings s;
    s.breath_tone = layer == audio::kLayerBreath;
    s.ambient = ambient;
    Keep k;
    audio::render_session_to(two, s, sounds, kRate, k, layer);
    const Band band = speaker_band(k.samples);
    std::printf("  %-12s %5.1f %% of its energy, band level %6.1f dBFS RMS\n", name,
                100 * band.fraction, band.level_db);
  }

  std::printf(
      "\nPhases by ear: spectral centroid and pitch glide of each set's in, out and hold\n");
  std::printf("%-7s %-6s %7s %10s %16s\n", "set", "sound", "length", "centroid",
              "pitch start->end");
  for (const core::SoundSet set :
       {core::SoundSet::Chimes, core::SoundSet::Bowls, core::SoundSet::Pads}) {
    double c[3];
    double glide[3];
    int k = 0;
    for (const core::CueKind kind :
         {core::CueKind::ToneInhale, core::CueKind::ToneExhale, core::CueKind::ToneHold}) {
      const audio::Clip clip = audio::synthesize_tone(kind, kRate, set);
      c[k] = centroid(clip);
      const double p0 = pitch_at(clip, kRate / 20);
      const double p1 =
          pitch_at(clip, std::min<std::int64_t>(clip.frames() - kRate / 10 - 1, kRate * 6 / 10));
      glide[k] = p0 > 0 && p1 > 0 ? 12 * std::log2(p1 / p0) : 0;
      std::printf("%-7s %-6s %6.2fs %8.0f Hz %7.0f->%4.0f Hz (%+5.1f st)\n",
                  std::string(core::sound_set_name(set)).c_str(),
                  k == 0   ? "in"
                  : k == 1 ? "out"
                           : "hold",
                  static_cast<double>(clip.frames()) / kRate, c[k], p0, p1, glide[k]);
      ++k;
    }
    std::printf(
        "        in vs out: centroid x%.2f, glides %+.1f vs %+.1f st; hold centroid %.0f Hz, "
        "%.2fs\n",
        c[0] / c[1], glide[0], glide[1], c[2],
        static_cast<double>(audio::synthesize_tone(core::CueKind::ToneHold, kRate, set).frames()) /
            kRate);
  }

  std::printf(
      "\nTwo-hour render (resonance 6, breath tone and ocean on), measured as it streams\n");
  const double speed = static_cast<double>(discard.frames) / kRate / long_seconds;
  std::printf(
      "  %.1f min of audio in %.2f s = %.0fx real time (target >= 300x); CPU %.2f s = %.0fx\n",
      static_cast<double>(discard.frames) / kRate / 60, long_seconds,
      static_cast<double>(discard.frames) / kRate / long_seconds, long_cpu,
      static_cast<double>(discard.frames) / kRate / long_cpu);
  (void)speed;
  // On a machine doing nothing else wall time is CPU time; under load only CPU time is fair.
  met = met && static_cast<double>(discard.frames) / kRate / long_cpu >= 300 && long_rss <= 64;
  std::printf("  peak memory of the process by then %zu MB (target <= 64 MB)\n", long_rss);
  std::printf("  loudness %.1f LUFS, true peak %.1f dBTP\n", long_meter.meter.integrated(),
              20 * std::log10(long_meter.meter.true_peak()));
  std::printf("%s\n", met ? "all targets met" : "TARGET MISSED");
  return 0;
}
