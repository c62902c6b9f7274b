// Effects: what the shell must do (storage, audio, OS), as data returned by update().
// Pure std + core; the shell performs them and feeds results back as actions.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/backup_model.h"
#include "app/care_model.h"
#include "app/geometry.h"
#include "app/progress_model.h"
#include "core/comfort_settings.h"
#include "core/custom_pattern.h"
#include "core/haptics.h"
#include "core/homework.h"
#include "core/routine.h"
#include "core/session_run.h"
#include "core/sound_settings.h"
#include "core/timeline.h"

namespace unknot::app {

struct BeginSessionRecord {
  std::string routine_id;
  core::UnixSeconds started_at{};
  std::optional<int> pain_before;
  std::string region;
  core::Duration planned{};  // the whole session's planned active time (domain.md §5.1)
};
struct RecordStep {
  std::int64_t session_id = 0;
  int step_index = 0;  // index in the whole routine
  std::string muscle;
  core::Side side = core::Side::None;
  core::Duration planned{};
  core::Duration actual{};
  bool skipped = false;
};
// Something the person reported during a pressure step: eased ("too intense") or stopped
// ("sharp, electric, numb or a pulse").
enum class FeedbackKind { TooIntense, Stopped };
struct RecordFeedback {
  std::int64_t session_id = 0;
  int step_index = 0;  // index in the whole routine
  std::string muscle;
  core::Side side = core::Side::None;
  FeedbackKind kind = FeedbackKind::TooIntense;
  core::UnixSeconds at{};
};
struct CompleteSessionRecord {
  std::int64_t session_id = 0;
  core::UnixSeconds ended_at{};
};
struct AbandonSessionRecord {
  std::int64_t session_id = 0;
  core::UnixSeconds ended_at{};
};
struct SavePainAfter {
  std::int64_t session_id = 0;
  int pain_after = 0;
};
struct LoadLastResults {};

struct AudioLoad {
  std::shared_ptr<const core::Timeline> timeline;
};
struct AudioSync {
  core::PlaybackClock clock;
};
struct AudioRun {
  bool running = false;
};
struct AudioClear {};
struct KeepAwake {
  bool on = false;
};
struct AudioSettings {
  core::SoundSettings settings;
};
// Plays a sound set's in, out and hold (the Sound screen's preview), over whatever plays.
struct PreviewSound {
  core::SoundSet set = core::SoundSet::Chimes;
};
struct SaveSoundSettings {
  core::SoundSettings settings;
};
// The theme, text size and contrast to draw with (the shell re-measures text and answers
// Resized so every layout reflows), and the same settings to keep.
struct ApplyComfort {
  core::ComfortSettings settings;
};
struct SaveComfortSettings {
  core::ComfortSettings settings;
};
// Opens the platform's file picker for a homework or routine file (where there is one: the
// browser). A picked file comes back as a file handed over from outside (AppShell::open_file).
struct PickFile {};
// Opens the folder that holds `path` in the file manager; answers FolderShown.
struct ShowInFolder {
  std::string path;
};
// Saves a custom pattern (insert when id is empty); the shell answers CustomPatternSaved and
// PatternsLoaded.
struct SavePattern {
  std::optional<std::int64_t> id;
  core::PatternDraft draft;
};
struct DeletePattern {
  std::int64_t id = 0;
};
// Looks up when a pattern was first used (4-7-8's first-month limit); answers FirstUseLoaded.
struct LoadFirstUse {
  std::string pattern_id;
};
// Vibration for the cues that just fired (core/haptics.h), in time order on the timeline: the
// shell plays each pulse when the session clock reaches it. Only while SoundSettings::vibration
// is on, whatever is muted.
struct Haptic {
  std::vector<core::HapticPulse> pulses;
};
enum class CheckinKind { DailyPain, Pgic };
struct SaveCheckin {
  CheckinKind kind = CheckinKind::DailyPain;
  int value = 0;
  std::optional<core::Day> day{};  // daily: the day it is about and filed on
};
// One PSFS sitting: each activity's rating, in the order asked (slot 1..3).
struct PsfsAnswer {
  std::string activity;
  int value = 0;
};
struct SavePsfs {
  std::vector<PsfsAnswer> answers;
  bool from_homework = false;
};
// The check-in reminder time (minutes after local midnight); empty: off.
struct SaveCheckinReminder {
  std::optional<int> minute;
};
// Today's check-in was offered (answered or not): never ask twice in a day.
struct CheckinOffered {};
// Progress and History. Loads answer ProgressLoaded / HistoryLoaded.
struct LoadProgress {};
struct LoadHistory {
  std::optional<HistoryCursor> after;  // empty: the newest page
  int limit = kHistoryPage;
};
// Replaces a session's ratings and note.
struct UpdateEntry {
  std::int64_t id = 0;
  std::optional<int> before, after;
  std::string note;
};
// Deletes a session with its steps, keeping a copy so RestoreEntry can put it back.
struct DeleteEntry {
  std::int64_t id = 0;
};
struct RestoreEntry {
  std::int64_t id = 0;
};
struct SaveWeeklyTarget {
  int target = kDefaultWeeklyTarget;
};
// Writes the clinician report for the period to the documents folder and opens it; answers
// ReportShared or StorageFailed.
struct ShareReportFile {
  int weeks = 12;  // 0: all the history
  // The person's own weekly target; the report applies a homework's schedule where one exists.
  int target = kDefaultWeeklyTarget;
  std::string client_name;  // optional, heads the report
  // Routine id → title for every routine in the catalog, so sessions read by title.
  std::vector<std::pair<std::string, std::string>> routine_titles;
  // Muscle id → name for every muscle in the library, so doses and reports read by name.
  std::vector<std::pair<std::string, std::string>> muscle_names;
};

// Writes homework `id`'s schedule as an .ics file to the documents folder and opens it; answers
// ReportShared (the path) or StorageFailed.
struct ExportCalendar {
  std::string homework_id;
};

// Settings and safety answers to keep.
struct SaveProfile {
  HealthProfile profile;
};
struct SaveTherapistMode {
  bool on = false;
};
// The red-flag screen was answered: `passed` when every answer was no. Only the outcome and
// its time are kept, never the answers.
// The full safety check passed (the four-week schedule counts from it).
struct SaveScreenResult {
  bool passed = false;
  core::UnixSeconds at{};
};
// A "yes" on the safety check: kept so sessions stay blocked that day, also after a restart.
// The welcome tour was finished or skipped: it is not shown again.
struct SaveOnboarded {
  core::UnixSeconds at;
};
struct SaveSafetyBlock {
  core::SafetyBlock block;
};
// The answer about a session's aftermath, stored for that session (at the wall time now).
struct SaveDoseCheck {
  std::int64_t session_id = 0;
  std::vector<core::DoseAnswer> answers;
};
// Something the clinician report lists (at the wall time now): a blocked day (detail: the
// question ids), a session stopped unwell or "Dizzy?" slowed down (detail: the routine id).
struct RecordSafetyEvent {
  core::SafetyEventKind kind = core::SafetyEventKind::Blocked;
  std::string detail;
};

// Writes a routine built on the body map to <data_dir>/routines/<id>.json (atomically).
struct SaveBuiltRoutine {
  core::Routine routine;
};
// Writes "<documents>/<title>.unknot" (core::homework_json) and "<title>.ics"
// (core::homework_ics), each atomically and 0600; answers HomeworkExported or StorageFailed.
struct ExportHomework {
  core::Homework homework;
};

// Text fields (app/text_field.h). Copy and Cut put text on the system clipboard; Paste asks for
// it, answered with ClipboardRead. PlaceTextInput tells the IME where the caret is (window dp),
// so its candidate window opens beside it.
struct WriteClipboard {
  std::string text;
};
struct ReadClipboard {};
struct PlaceTextInput {
  Rect caret;
};

// The record's backups (storage/backups.h): LoadBackups answers BackupsLoaded. RestoreBackup puts
// one back in place of the record (kept aside, never deleted) and StartFresh sets the damaged
// record aside and starts an empty one; each answers RecordReplaced or RecordChangeFailed.
// ReloadRecord hands everything kept in the record now to the model again (its patterns,
// routines, settings, care answers and homework).
struct LoadBackups {};
struct RestoreBackup {
  BackupEntry backup;
};
struct StartFresh {};
struct ReloadRecord {};

using Effect =
    std::variant<BeginSessionRecord, RecordStep, RecordFeedback, CompleteSessionRecord,
                 AbandonSessionRecord, SavePainAfter, LoadLastResults, AudioLoad, AudioSync,
                 AudioRun, AudioClear, KeepAwake, AudioSettings, SaveSoundSettings, SavePattern,
                 DeletePattern, LoadFirstUse, Haptic, SaveCheckin, CheckinOffered, LoadProgress,
                 LoadHistory, UpdateEntry, DeleteEntry, RestoreEntry, SaveWeeklyTarget,
                 ShareReportFile, SaveProfile, SaveTherapistMode, SaveScreenResult, SaveSafetyBlock,
                 SaveOnboarded, ExportCalendar, SaveBuiltRoutine, ExportHomework, ApplyComfort,
                 SaveComfortSettings, ShowInFolder, WriteClipboard, ReadClipboard, PlaceTextInput,
                 SavePsfs, SaveCheckinReminder, SaveDoseCheck, RecordSafetyEvent, LoadBackups,
                 RestoreBackup, StartFresh, ReloadRecord, PreviewSound, PickFile>;

}  // namespace unknot::app
