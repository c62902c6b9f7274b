#include "cli/render_audio.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "audio/flac_writer.h"
#include "audio/offline_render.h"
#include "audio/ogg_writer.h"
#include "audio/voice_bank.h"
#include "audio/wav_file.h"
#include "core/breathing_session.h"
#include "core/haptics.h"
#include "core/input_text.h"
#include "core/routine_parser.h"
#include "desktop/atomic_file.h"
#include "desktop/input_file.h"
#include "desktop/paths.h"

namespace unknot::cli {
namespace {

namespace fs = std::filesystem;

constexpr int kMinRate = 8000;
constexpr int kMaxRate = 192000;
// The longest session rendered (README "render-audio"): far past any routine (60 min) and any
// sensible breathing session, and small enough that the file stays well under WAV's 4 GiB.
constexpr int kMaxMinutes = 240;
constexpr core::Duration kMaxSession = std::chrono::minutes(kMaxMinutes);
// Used when a pattern suggests no length of its own.
constexpr core::Duration kFallbackLength = std::chrono::minutes(5);

// The caller reports `error` and exits 1; thrown only inside this file.
struct Failure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::string list_routines(const fs::path& dir) {
  std::vector<std::string> ids;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".json") ids.push_back(entry.path().stem().string());
  }
  std::sort(ids.begin(), ids.end());
  std::string text;
  for (const auto& id : ids) text += (text.empty() ? "" : ", ") + id;
  return text.empty() ? "none found" : text;
}

// A path that exists, or that looks like one, is a file; anything else is a built-in id.
fs::path routine_path(const std::string& routine, const fs::path& assets) {
  const fs::path given(routine);
  std::error_code ec;
  if (fs::exists(given, ec) || given.has_parent_path() || given.extension() == ".json")
    return given;
  const fs::path builtin = assets / "routines" / (routine + ".json");
  if (assets.empty() || !fs::exists(builtin, ec)) {
    throw Failure("no routine file or built-in routine named '" + routine +
                  "' (built-in: " + list_routines(assets / "routines") + ")");
  }
  return builtin;
}

core::Timeline routine_timeline(const std::string& routine, const fs::path& assets,
                                std::ostream& err, bool& parse_failed, std::string& title) {
  const fs::path file = routine_path(routine, assets);
  // Routine files are small; a huge file is a mistake, not a routine (as in the app).
  const auto input = platform::read_input_file(file, core::kMaxRoutineFileBytes, "a routine file");
  if (!input.text) throw Failure(file.string() + ": " + input.problem);
  const core::PatternLookup lookup = core::builtin_pattern_lookup();
  const core::RoutineParseResult parsed = core::parse_routine(*input.text, file.string(), lookup);
  if (!parsed.routine) {
    for (const core::ParseProblem& problem : parsed.problems) {
      err << core::terminal_safe(problem.to_string()) << '\n';
    }
    parse_failed = true;
    throw Failure("");
  }
  title = parsed.routine->title;
  return core::Timeline(core::expand(*parsed.routine, lookup), lookup);
}

core::Timeline pattern_timeline(const RenderAudioOptions& options, std::ostream& out,
                                std::string& title) {
  const core::BreathPattern* pattern = core::find_builtin_pattern(options.pattern);
  if (pattern == nullptr) {
    std::string ids;
    for (const auto& p : core::builtin_patterns()) ids += (ids.empty() ? "" : ", ") + p.id;
    throw Failure("no breathing pattern named '" + options.pattern + "' (built-in: " + ids + ")");
  }
  title = pattern->name;
  core::BreathingLength length{core::BreathingLength::Unit::Breaths, 0};
  if (options.minutes) {
    length = {core::BreathingLength::Unit::Minutes, *options.minutes};
  } else if (options.breaths) {
    length.value = *options.breaths;
  } else {
    const core::Duration wanted =
        pattern->default_length > core::Duration{0} ? pattern->default_length : kFallbackLength;
    length.value =
        static_cast<int>((wanted + pattern->cycle() - core::Duration{1}) / pattern->cycle());
  }
  // The renderer cannot know how long someone has practised, so it keeps to the limit for
  // newcomers (4-7-8: four breaths in the first month).
  const int breaths = core::breaths_for(*pattern, length, true);
  const int for_practised = core::breaths_for(*pattern, length, false);
  if (breaths < for_practised || (options.breaths && breaths < *options.breaths)) {
    out << "note: " << pattern->name << " is limited to " << breaths
        << " breaths a session for anyone new to it\n";
  }
  return core::Timeline(core::breathing_steps(*pattern, breaths), core::builtin_pattern_lookup());
}

std::string side_name(core::Side side) {
  switch (side) {
    case core::Side::Left:
      return "left";
    case core::Side::Right:
      return "right";
    case core::Side::None:
      break;
  }
  return "none";
}

// With `vibration`, the list also gives the session's vibration pulses (core/haptics.h), which
// no audio file holds: when each starts (seconds and frame on the same scale as the cues), how
// long it runs and how strong it is, and the cue it belongs to.
void write_cue_list(const fs::path& path, const audio::RenderedSession& session,
                    std::int64_t frames, const core::Timeline& timeline, bool vibration) {
  nlohmann::ordered_json cues = nlohmann::ordered_json::array();
  for (const audio::PlacedCue& placed : session.cues) {
    cues.push_back({{"kind", std::string(core::cue_name(placed.cue.kind))},
                    {"caption", placed.caption},
                    {"seconds", placed.seconds},
                    {"frame", placed.frame},
                    {"step", placed.cue.step_index},
                    {"side", side_name(placed.cue.side)}});
  }
  nlohmann::ordered_json doc = {
      {"rate", session.rate_hz}, {"frames", frames}, {"cues", std::move(cues)}};
  if (vibration) {
    nlohmann::ordered_json haptics = nlohmann::ordered_json::array();
    for (const core::HapticPulse& pulse : core::haptic_pattern(timeline.all_cues())) {
      haptics.push_back(
          {{"seconds", core::to_seconds(pulse.at)},
           {"frame", session.origin_frame + core::frame_of_time(pulse.at, session.rate_hz)},
           {"ms", pulse.length_ms},
           {"strength", std::round(static_cast<double>(pulse.strength) * 100.0) / 100.0},
           {"cue", std::string(core::cue_name(pulse.cue))}});
    }
    doc["haptics"] = std::move(haptics);
  }
  // Beside the target and renamed over it when complete, as the WAV is; never over a device.
  try {
    platform::AtomicFile file(path, 0666);
    file.write(doc.dump(2) + "\n");
    file.commit();
  } catch (const platform::AtomicFileError& error) {
    throw Failure(path.string() + ": cannot write the cue list: " + error.reason());
  }
}

void check(const RenderAudioOptions& options) {
  if (options.routine.empty() == options.pattern.empty()) {
    throw Failure("give either --routine FILE_OR_ID or --pattern ID");
  }
  if (!options.routine.empty() && (options.minutes || options.breaths)) {
    throw Failure("--minutes and --breaths go with --pattern; a routine sets its own length");
  }
  if (options.minutes && options.breaths) throw Failure("give --minutes or --breaths, not both");
  if ((options.minutes && *options.minutes < 1) || (options.breaths && *options.breaths < 1)) {
    throw Failure("--minutes and --breaths must be at least 1");
  }
  if (options.minutes && *options.minutes > kMaxMinutes) {
    throw Failure("--minutes must be at most " + std::to_string(kMaxMinutes) + " (4 hours; got " +
                  std::to_string(*options.minutes) + ")");
  }
  if (options.out.empty()) throw Failure("--out FILE is required");
  if (options.rate_hz < kMinRate || options.rate_hz > kMaxRate) {
    throw Failure("--rate must be between 8000 and 192000");
  }
}

// Streams the render into the audio file, so memory stays the same for any length.
class FileSink : public audio::SampleSink {
 public:
  virtual void commit() = 0;
  std::int64_t frames() const { return frames_; }

 protected:
  std::int64_t frames_ = 0;
};

// Opens the writer when the length is known, at begin().
template <class Writer>
class WriterSink final : public FileSink {
 public:
  using Open = std::function<std::unique_ptr<Writer>(std::int64_t frames, int rate_hz)>;
  explicit WriterSink(Open open) : open_(std::move(open)) {}
  void begin(std::int64_t frames, int rate_hz) override {
    writer_ = open_(frames, rate_hz);
    frames_ = frames;
  }
  void write(std::span<const float> interleaved) override { writer_->write(interleaved); }
  void commit() override { writer_->commit(); }

 private:
  Open open_;
  std::unique_ptr<Writer> writer_;
};

std::unique_ptr<FileSink> make_sink(AudioFormat format, const fs::path& path,
                                    const audio::AudioTags& tags) {
  switch (format) {
    case AudioFormat::Flac:
      return std::make_unique<WriterSink<audio::FlacWriter>>([=](std::int64_t frames, int rate_hz) {
        return std::make_unique<audio::FlacWriter>(path, rate_hz, frames, tags);
      });
    case AudioFormat::Ogg:
      return std::make_unique<WriterSink<audio::OggVorbisWriter>>(
          [=](std::int64_t frames, int rate_hz) {
            return std::make_unique<audio::OggVorbisWriter>(path, rate_hz, frames, tags);
          });
    case AudioFormat::Wav:
      break;
  }
  return std::make_unique<WriterSink<audio::WavWriter>>([=](std::int64_t frames, int rate_hz) {
    return std::make_unique<audio::WavWriter>(path, rate_hz, frames);
  });
}

std::string clock_text(double seconds) {
  const auto whole = static_cast<long long>(seconds + 0.5);
  char text[32];
  std::snprintf(text, sizeof text, "%lld:%02lld", whole / 60, whole % 60);
  return text;
}

const char* format_name(AudioFormat format) {
  switch (format) {
    case AudioFormat::Flac:
      return "FLAC";
    case AudioFormat::Ogg:
      return "Ogg Vorbis";
    case AudioFormat::Wav:
      break;
  }
  return "WAV";
}

}  // namespace

AudioFormat format_for_path(const fs::path& path) {
  std::string extension = path.extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (extension == ".flac") return AudioFormat::Flac;
  if (extension == ".ogg" || extension == ".oga") return AudioFormat::Ogg;
  return AudioFormat::Wav;
}

int run_render_audio(const RenderAudioOptions& options, std::ostream& out, std::ostream& err) {
  bool parse_failed = false;
  try {
    check(options);
    const fs::path assets =
        options.assets_dir.empty() ? platform::find_assets_dir() : options.assets_dir;
    audio::AudioTags tags{"", std::string("Unknot ") + UNKNOT_VERSION};
    const core::Timeline timeline =
        options.routine.empty()
            ? pattern_timeline(options, out, tags.title)
            : routine_timeline(options.routine, assets, err, parse_failed, tags.title);
    // --breaths has no bound of its own: the length it makes is checked here.
    if (timeline.total() > kMaxSession) {
      throw Failure("the session would last " + clock_text(core::to_seconds(timeline.total())) +
                    "; at most " + std::to_string(kMaxMinutes / 60) + " hours are rendered");
    }
    std::vector<std::string> problems;
    const audio::VoiceBank voices = audio::VoiceBank::load(assets / "audio", &problems);
    if (options.sound.voice_gain() > 0) {
      std::vector<std::string> missing = audio::missing_voices(voices);
      missing.insert(missing.end(), problems.begin(), problems.end());
      for (const std::string& name : missing) {
        err << "warning: voice clip " << core::terminal_safe(name) << " not loaded from "
            << core::terminal_safe((assets / "audio").string()) << "; rendering without it\n";
      }
    }
    const std::vector<audio::NamedClip> sounds =
        audio::prepare_sounds(voices, options.rate_hz, options.sound.sound_set);
    const AudioFormat format = options.format.value_or(format_for_path(options.out));
    const std::unique_ptr<FileSink> file = make_sink(format, options.out, tags);
    const audio::RenderedSession session =
        audio::render_session_to(timeline, options.sound, sounds, options.rate_hz, *file);
    file->commit();
    out << "Wrote " << core::terminal_safe(options.out.string()) << ": " << format_name(format)
        << ", " << clock_text(static_cast<double>(file->frames()) / session.rate_hz) << " at "
        << session.rate_hz << " Hz, " << session.cues.size() << " cues\n";
    if (!options.cues.empty()) {
      write_cue_list(options.cues, session, file->frames(), timeline, options.sound.vibration);
      out << "Wrote " << core::terminal_safe(options.cues.string()) << "\n";
    }
    return 0;
  } catch (const Failure& failure) {
    if (!parse_failed)
      err << "unknot render-audio: " << core::terminal_safe(failure.what()) << '\n';
  } catch (const std::exception& error) {
    err << "unknot render-audio: " << core::terminal_safe(error.what()) << '\n';
  }
  return 1;
}

CLI::App* add_render_audio_command(CLI::App& app, RenderAudioOptions& options) {
  CLI::App* sub = app.add_subcommand(
      "render-audio",
      "Write a guided session as a WAV, FLAC or Ogg Vorbis file (and optionally its cue list)");
  auto* routine = sub->add_option("--routine", options.routine,
                                  "A routine file (JSON) or a built-in routine id")
                      ->type_name("FILE_OR_ID");
  auto* pattern = sub->add_option("--pattern", options.pattern,
                                  "A breathing session with this built-in pattern instead")
                      ->type_name("ID");
  routine->excludes(pattern);
  auto* minutes =
      sub->add_option("--minutes", options.minutes,
                      "Length of a breathing session (default: the pattern's suggested length)");
  auto* breaths =
      sub->add_option("--breaths", options.breaths, "Length of a breathing session in breaths");
  minutes->excludes(breaths);
  sub->add_option("--out", options.out, "The audio file to write")->required()->type_name("FILE");
  // A plain list, not a map to the enum, so that a wrong value is told "mp3 not in
  // {wav,flac,ogg}".
  sub->add_option_function<std::string>(
         "--format",
         [&options](const std::string& name) {
           options.format = name == "flac"  ? AudioFormat::Flac
                            : name == "ogg" ? AudioFormat::Ogg
                                            : AudioFormat::Wav;
         },
         "wav (16-bit PCM), flac (lossless, about half the size) or ogg (Ogg Vorbis, about a "
         "tenth). Default: from the --out name: .flac is flac, .ogg or .oga ogg, anything else "
         "wav. A --format given is used whatever the name ends with")
      ->check(CLI::IsMember({"wav", "flac", "ogg"}, CLI::ignore_case).description(""))
      ->type_name("wav|flac|ogg");
  sub->add_option("--cues", options.cues, "Also write the cue onsets (seconds and frames) as JSON")
      ->type_name("FILE.json");
  sub->add_option("--rate", options.rate_hz, "Sample rate in Hz (default 48000)")
      ->check(CLI::Range(kMinRate, kMaxRate));
  sub->add_flag("--no-voice", options.sound.voice_muted, "Leave out the spoken cues");
  sub->add_flag("--no-tones", options.sound.tones_muted, "Leave out the chimes, ticks and bell");
  sub->add_flag("--vibration", options.sound.vibration,
                "With --cues, also list the vibration pulses felt with each cue (\"haptics\")");
  sub->add_flag("--breath-tone", options.sound.breath_tone,
                "Add a soft tone that swells on the in-breath and falls on the out-breath");
  const std::map<std::string, core::AmbientKind> ambient = {
      {"off", core::AmbientKind::Off},
      {"brown", core::AmbientKind::BrownNoise},
      {"ocean", core::AmbientKind::Ocean}};
  sub->add_option("--ambient", options.sound.ambient, "Ambient bed under the session")
      ->transform(CLI::CheckedTransformer(ambient, CLI::ignore_case).description(""))
      ->type_name("off|brown|ocean");
  const std::map<std::string, core::SoundSet> sets = {{"chimes", core::SoundSet::Chimes},
                                                      {"bowls", core::SoundSet::Bowls},
                                                      {"pads", core::SoundSet::Pads}};
  sub->add_option("--sounds", options.sound.sound_set,
                  "The tones for the breath: glass chimes, singing bowls or soft pads")
      ->transform(CLI::CheckedTransformer(sets, CLI::ignore_case).description(""))
      ->type_name("chimes|bowls|pads");
  return sub;
}

}  // namespace unknot::cli
