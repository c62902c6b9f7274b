// Effects: what the shell must do (storage, audio, OS), as data returned by update().
// Pure std + core; the shell performs them and feeds results back as actions.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/custom_pattern.h"
#include "core/routine.h"
#include "core/sound_settings.h"
#include "core/session_run.h"
#include "core/timeline.h"

namespace unknot::app {

struct BeginSessionRecord {
  std::string routine_id;
  core::UnixSeconds started_at{};
  std::optional<int> pain_before;
  std::string region;
};
struct RecordStep {
  std::int64_t session_id = 0;
  int step_index = 0;   // index in the whole routine
  std::string muscle;
  core::Side side = core::Side::None;
  core::Duration planned{};
  core::Duration actual{};
  bool skipped = false;
};
struct CompleteSessionRecord { std::int64_t session_id = 0; core::UnixSeconds ended_at{}; };
struct AbandonSessionRecord { std::int64_t session_id = 0; core::UnixSeconds ended_at{}; };
struct SavePainAfter { std::int64_t session_id = 0; int pain_after = 0; };
struct LoadLastResults {};

struct AudioLoad { std::shared_ptr<const core::Timeline> timeline; };
struct AudioSync { core::PlaybackClock clock; };
struct AudioRun { bool running = false; };
struct AudioClear {};
struct KeepAwake { bool on = false; };
struct AudioSettings { core::SoundSettings settings; };
struct SaveSoundSettings { core::SoundSettings settings; };
// Saves a custom pattern (insert when id is empty); the shell answers CustomPatternSaved and
// PatternsLoaded.
struct SavePattern { std::optional<std::int64_t> id; core::PatternDraft draft; };
struct DeletePattern { std::int64_t id = 0; };
// Looks up when a pattern was first used (4-7-8's first-month limit); answers FirstUseLoaded.
struct LoadFirstUse { std::string pattern_id; };
struct Haptic { int pulses = 1; };  // one pulse on the in-breath, two on the out-breath
enum class CheckinKind { DailyPain, Pgic };
struct SaveCheckin { CheckinKind kind = CheckinKind::DailyPain; int value = 0; };
// Today's check-in was offered (answered or not): never ask twice in a day.
struct CheckinOffered {};

using Effect = std::variant<BeginSessionRecord, RecordStep, CompleteSessionRecord,
                            AbandonSessionRecord, SavePainAfter, LoadLastResults, AudioLoad,
                            AudioSync, AudioRun, AudioClear, KeepAwake, AudioSettings,
                            SaveSoundSettings, SavePattern, DeletePattern, LoadFirstUse, Haptic, SaveCheckin,
                            CheckinOffered>;

}  // namespace unknot::app
