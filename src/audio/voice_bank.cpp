#include "audio/voice_bank.h"

// Without this the header defines static callback tables we never use (an unused-variable
// warning in every includer).
#define OV_EXCLUDE_STATIC_CALLBACKS
#include <vorbis/vorbisfile.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <numbers>
#include <stdexcept>

#include "audio/limiter.h"
#include "audio/loudness.h"
#include "audio/resample.h"
#include "audio/synth.h"
#include "core/timeline.h"

namespace unknot::audio {
namespace {

namespace fs = std::filesystem;

constexpr std::array kToneKinds = {core::CueKind::ToneInhale,       core::CueKind::ToneExhale,
                                   core::CueKind::ToneHold,         core::CueKind::ChimeNextStep,
                                   core::CueKind::ChimeSwitchSides, core::CueKind::BellEnd};

// Owns an open OggVorbis_File so every early return closes it.
class VorbisFile {
 public:
  explicit VorbisFile(const fs::path& path) { status_ = ov_fopen(path.c_str(), &file_); }
  ~VorbisFile() {
    if (status_ == 0) ov_clear(&file_);
  }
  VorbisFile(const VorbisFile&) = delete;
  VorbisFile& operator=(const VorbisFile&) = delete;

  int status() const { return status_; }
  OggVorbis_File* get() { return &file_; }

 private:
  OggVorbis_File file_{};
  int status_ = -1;
};

std::string describe(int code) {
  switch (code) {
    case OV_EREAD:
      return "cannot read the file";
    case OV_ENOTVORBIS:
      return "not an Ogg Vorbis file";
    case OV_EVERSION:
      return "unsupported Vorbis version";
    case OV_EBADHEADER:
      return "damaged Vorbis header";
    case OV_HOLE:
      return "damaged audio data";
    default:
      return "cannot decode (vorbisfile error " + std::to_string(code) + ")";
  }
}

// Decodes a whole file to mono; returns false with `why` on any error, so a damaged clip is
// reported rather than played with a gap.
bool decode(const fs::path& path, int& rate_hz, std::vector<float>& mono, std::string& why) {
  VorbisFile file(path);
  if (file.status() != 0) {
    why = describe(file.status());
    return false;
  }
  const vorbis_info* info = ov_info(file.get(), -1);
  if (info == nullptr || info->channels < 1 || info->rate <= 0) {
    why = "no audio stream";
    return false;
  }
  rate_hz = static_cast<int>(info->rate);
  const int channels = info->channels;
  mono.clear();
  for (;;) {
    float** pcm = nullptr;
    int section = 0;
    const long got = ov_read_float(file.get(), &pcm, 4096, &section);
    if (got == 0) break;
    if (got < 0) {
      why = describe(static_cast<int>(got));
      return false;
    }
    // A chained file may change its layout between sections; our clips never do.
    const vorbis_info* now = ov_info(file.get(), section);
    if (now == nullptr || now->channels != channels || now->rate != info->rate) {
      why = "the stream changes format part way";
      return false;
    }
    for (long i = 0; i < got; ++i) {
      float sum = 0;
      for (int ch = 0; ch < channels; ++ch) sum += pcm[ch][i];
      mono.push_back(sum / static_cast<float>(channels));
    }
  }
  if (mono.empty()) {
    why = "no samples";
    return false;
  }
  return true;
}

// Target loudness (LUFS, the clip alone, centred, at unity) of each kind of sound before the
// master stage: words on top; the breath tones a step under them; the hold tick, short and
// frequent, lower still; the end bell a little fuller.
constexpr double kVoiceLufs = -18.0;
double tone_lufs(core::CueKind kind) {
  switch (kind) {
    case core::CueKind::ToneHold:
      return -25.0;
    case core::CueKind::BellEnd:
      return -21.0;
    default:
      return -22.5;
  }
}
// Peak ceiling of a levelled clip, so the mix keeps headroom for the master stage.
constexpr float kClipCeiling = 0.7F;
// Edge fades after decoding: Vorbis does not keep a fade that reaches exactly zero, and a
// clip that starts or stops on a step clicks out of silence.
constexpr double kFadeInSeconds = 0.005;
constexpr double kFadeOutSeconds = 0.01;

void fade_edges(std::vector<float>& samples, int channels, int rate_hz) {
  const auto frames = samples.size() / static_cast<std::size_t>(channels);
  if (frames == 0) return;
  auto fade = [&](double seconds, bool in) {
    const auto length = std::min<std::size_t>(
        frames, static_cast<std::size_t>(std::max(1L, std::lround(seconds * rate_hz))));
    for (std::size_t i = 0; i < length; ++i) {
      // Raised cosine from 0 (the outermost frame) to nearly 1.
      const double x = static_cast<double>(i) / static_cast<double>(length);
      const auto g = static_cast<float>(0.5 - 0.5 * std::cos(std::numbers::pi * x));
      const std::size_t frame = in ? i : frames - 1 - i;
      for (int c = 0; c < channels; ++c)
        samples[frame * static_cast<std::size_t>(channels) + static_cast<std::size_t>(c)] *= g;
    }
  };
  fade(kFadeInSeconds, true);
  fade(kFadeOutSeconds, false);
}

std::vector<float> interleaved(const Clip& clip) {
  std::vector<float> out(clip.stored().size());
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = from_clip_sample(clip.stored()[i]);
  return out;
}

}  // namespace

Clip level_clip(const Clip& clip, double target_lufs, float ceiling) {
  if (clip.empty()) return clip;
  const double measured = clip_loudness(clip);
  const int channels = clip.channels();
  std::vector<float> samples = interleaved(clip);
  const double gain =
      std::isfinite(measured) ? std::pow(10.0, (target_lufs - measured) / 20.0) : 1.0;
  for (float& x : samples) x = static_cast<float>(x * gain);
  // Peaks over the ceiling (a plosive, a struck attack) are eased down by the look-ahead
  // limiter rather than lowering the whole clip, which would undo the levelling.
  float top = 0;
  for (const float x : samples) top = std::max(top, std::abs(x));
  if (top > ceiling) {
    PeakLimiter limiter(clip.rate_hz(), ceiling);
    const auto frames = static_cast<std::size_t>(clip.frames());
    const auto latency = static_cast<std::size_t>(limiter.latency());
    std::vector<float> in(2 * (frames + latency), 0.0F);
    for (std::size_t f = 0; f < frames; ++f) {
      in[2 * f] = samples[f * static_cast<std::size_t>(channels)];
      in[2 * f + 1] = samples[f * static_cast<std::size_t>(channels) + (channels == 2 ? 1U : 0U)];
    }
    std::vector<float> out(in.size(), 0.0F);
    limiter.process(in.data(), out.data(), static_cast<int>(frames + latency));
    for (std::size_t f = 0; f < frames; ++f) {
      for (int c = 0; c < channels; ++c) {
        const auto channel = static_cast<std::size_t>(c);
        samples[f * static_cast<std::size_t>(channels) + channel] =
            out[2 * (f + latency) + channel];
      }
    }
  }
  fade_edges(samples, channels, clip.rate_hz());
  return channels == 2 ? Clip::stereo(clip.rate_hz(), samples)
                       : Clip::mono(clip.rate_hz(), samples);
}

std::vector<NamedClip> prepare_tones(int rate_hz, core::SoundSet set) {
  std::vector<NamedClip> out;
  for (const core::CueKind kind : kToneKinds) {
    out.push_back({std::string(core::cue_name(kind)),
                   level_clip(synthesize_tone(kind, rate_hz, set), tone_lufs(kind), kClipCeiling)});
  }
  return out;
}

VoiceBank VoiceBank::load(const fs::path& dir, std::vector<std::string>* problems) {
  VoiceBank bank;
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".ogg") files.push_back(entry.path());
  }
  if (ec && problems) problems->push_back(dir.string() + ": " + ec.message());
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    int rate = 0;
    std::vector<float> mono;
    std::string why;
    if (decode(file, rate, mono, why)) {
      fade_edges(mono, 1, rate);
      bank.add(file.stem().string(), rate, mono);
    } else if (problems) {
      problems->push_back(file.filename().string() + ": " + why);
    }
  }
  return bank;
}

void VoiceBank::add(std::string name, int rate_hz, std::span<const float> mono) {
  if (rate_hz <= 0) throw std::invalid_argument("a sound needs a positive sample rate");
  sounds_[std::move(name)] = Clip::mono(rate_hz, mono);
}

VoiceBank VoiceBank::take_prefixed(std::string_view prefix) {
  VoiceBank taken;
  for (auto it = sounds_.begin(); it != sounds_.end();) {
    if (std::string_view(it->first).substr(0, prefix.size()) == prefix) {
      taken.sounds_.insert(sounds_.extract(it++));
    } else {
      ++it;
    }
  }
  return taken;
}

bool VoiceBank::has(std::string_view name) const { return sounds_.find(name) != sounds_.end(); }

std::vector<std::string> VoiceBank::names() const {
  std::vector<std::string> out;
  for (const auto& entry : sounds_) out.push_back(entry.first);
  return out;
}

std::size_t VoiceBank::bytes() const {
  std::size_t total = 0;
  for (const auto& entry : sounds_) total += entry.second.bytes();
  return total;
}

Clip VoiceBank::clip(std::string_view name, int rate_hz) const {
  const auto it = sounds_.find(name);
  if (it == sounds_.end()) return Clip::mono(rate_hz, {});
  const Clip& sound = it->second;
  if (sound.rate_hz() == rate_hz) return sound;
  std::vector<float> mono(static_cast<std::size_t>(sound.frames()));
  for (std::size_t i = 0; i < mono.size(); ++i)
    mono[i] = sound.sample(static_cast<std::int64_t>(i), 0);
  return Clip::mono(rate_hz, resample(mono, sound.rate_hz(), rate_hz));
}

Clip prepare_voice(const VoiceBank& voices, std::string_view name, int rate_hz) {
  return level_clip(voices.clip(name, rate_hz), kVoiceLufs, kClipCeiling);
}

std::vector<NamedClip> prepare_sounds(const VoiceBank& voices, int rate_hz, core::SoundSet set) {
  std::vector<NamedClip> out = prepare_tones(rate_hz, set);
  for (const std::string& name : voices.names()) {
    out.push_back({name, prepare_voice(voices, name, rate_hz)});
  }
  return out;
}

std::vector<std::string> missing_voices(const VoiceBank& voices) {
  std::vector<std::string> missing;
  for (int k = 0; k < core::kCueKindCount; ++k) {
    const auto kind = static_cast<core::CueKind>(k);
    // A step announcement is made of side and muscle clips, not a clip of its own.
    if (!core::is_spoken(kind) || kind == core::CueKind::SayStepName) continue;
    if (!voices.has(core::cue_name(kind))) missing.emplace_back(core::cue_name(kind));
  }
  for (const bool left : {true, false}) {
    if (!voices.has(side_clip_name(left))) missing.emplace_back(side_clip_name(left));
  }
  return missing;
}

std::map<std::string, std::string, std::less<>> read_voice_words(const std::filesystem::path& dir) {
  std::map<std::string, std::string, std::less<>> words;
  std::ifstream in(dir / "WORDS.txt");
  for (std::string line; std::getline(in, line);) {
    const std::size_t bar = line.find('|');
    if (line.empty() || line[0] == '#' || bar == std::string::npos) continue;
    words[line.substr(0, bar)] = line.substr(bar + 1);
  }
  return words;
}

}  // namespace unknot::audio
