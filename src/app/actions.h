// Actions: what happened (input, time passing, results of effects), as one variant.
// Pure std + core; produced by ui intent functions and by the shell.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/backup_model.h"
#include "app/care_model.h"
#include "app/catalog_entry.h"
#include "app/controls.h"
#include "app/geometry.h"
#include "app/progress_model.h"
#include "app/text_edit.h"
#include "app/text_measure.h"
#include "core/body_map.h"
#include "core/breath.h"
#include "core/checkin_schedule.h"
#include "core/comfort_settings.h"
#include "core/muscle_library.h"
#include "core/sound_settings.h"
#include "core/time.h"

namespace unknot::app {

// Time passed. session_now is the audio clock; wall_now stamps records.
struct Tick {
  core::Instant session_now{};
  core::UnixSeconds wall_now{};
  core::Instant ui_now{};  // a monotonic clock that runs even with no audio, for scrolling
};
struct Activated {
  Control control;
};  // tap, click, or Enter/Space on the focused control
struct FocusMoved {
  int delta = 1;
};                       // Tab / arrows
struct BackPressed {};   // Escape, Android back
struct PauseToggled {};  // Space during a session
struct PainTyped {
  int value = 0;
};  // digit keys
struct PainNudged {
  int delta = 0;
};                          // Left / Right on the rating
struct AppBackgrounded {};  // the OS is about to suspend us
// What the platform offers besides a desktop's folders (the shell says so once, at start):
// a file picker (Settings then offers "Open a homework file"), saved files that become
// downloads (the browser: the screens then say "downloaded", not "saved in Documents"), and a
// record kept in the browser's own storage (no folder to name where a file was kept aside).
struct PlatformFound {
  bool file_picker = false;
  bool downloads = false;
  bool record_in_browser = false;
};
// Storage that had refused a write took it after all (the browser's): the banner goes.
struct StorageRecovered {};

// Results fed back by the shell.
struct SessionRecordStarted {
  std::int64_t session_id = 0;
};
struct StorageFailed {
  std::string message;
};
struct LastResultsLoaded {
  std::vector<LastResult> results;
};
struct InterruptedFound {
  std::int64_t session_id = 0;
  std::string routine_id;
  int resume_step = 0;
  std::optional<int> pain_before;
  std::string region;
  std::optional<core::Duration> planned;  // the whole session's planned time, when known
};

struct Scrolled {
  float dy = 0;
};  // wheel or drag, in dp (positive: content moves up)
struct Flung {
  float velocity = 0;
};  // a drag let go, in dp a second: the content coasts
struct ScrolledToEnd {
  bool end = true;
};  // End (true) or Home (false) outside a text field
struct Paged {
  int pages = 1;
};  // Page Down (+1) or Page Up (-1)
// The font's measure arrived (the shell opened its fonts): layouts measure text with it.
struct TextMeasureReady {
  std::shared_ptr<const TextMeasure> text;
};
struct Resized {
  float w = 0, h = 0;
};  // window size in dp
struct TextTyped {
  std::string text;
};  // UTF-8 from the keyboard or an IME
// Text fields (app/text_field.h). A key's edit for the focused field (ui/text_keys).
struct FieldKeyed {
  KeyEdit key;
};
// A press in the field `control` at `at` (window dp): the caret goes there. `clicks` 2 selects
// the word there, 3 everything; `extend` (Shift held) moves the caret keeping the anchor; `held`
// (a mouse button, not a tap) makes FieldDragged extend the selection until FieldReleased.
struct FieldPressed {
  Control control;
  Point at;
  int clicks = 1;
  bool extend = false;
  bool held = false;
};
// The held pointer moved to `at` (window dp), then was let go.
struct FieldDragged {
  Point at;
};
struct FieldReleased {};
// The IME's pre-edit text (SDL_TEXTEDITING) and its cursor in code points; empty text ends it.
struct FieldComposed {
  std::string text;
  int cursor = 0;
};
// Answers ReadClipboard: the clipboard's text.
struct ClipboardRead {
  std::string text;
};
struct CustomPatternSaved {
  std::int64_t id = 0;
};
struct PatternsLoaded {
  std::vector<core::BreathPattern> custom;
};
struct SoundSettingsLoaded {
  core::SoundSettings settings;
};
struct ComfortLoaded {
  core::ComfortSettings settings;
};
struct FirstUseLoaded {
  std::string pattern_id;
  std::optional<core::UnixSeconds> first;
};
// The shell found today's check-in not yet offered: the daily rating about `target`'s day, the
// PGIC when due, and the PSFS when due with the activities to rate (the latest sitting's, or
// the homework's; none: the person names them first).
struct CheckinDue {
  bool pgic = false;
  core::CheckinTarget target{};
  bool psfs = false;
  std::vector<std::string> psfs_activities{};
  bool psfs_from_homework = false;  // the therapist's homework named them
};
// Answers LoadProgress: every session and check-in, and the local day today.
struct ProgressLoaded {
  ProgressData data;
};
// Answers LoadHistory: the next page, newest first; `more` when older entries remain.
struct HistoryLoaded {
  std::vector<HistoryEntry> entries;
  bool append = false;  // false: the first page, replacing what was shown
  bool more = false;
};
struct WeeklyTargetLoaded {
  int target = kDefaultWeeklyTarget;
};
// Settings and safety answers kept in storage, handed over at start-up.
struct CareLoaded {
  int utc_offset_min = 0;  // the machine's offset from UTC now, for local dates
  HealthProfile profile;
  bool therapist_mode = false;
  std::optional<core::UnixSeconds> screened_at;  // the last full safety check passed
  std::optional<core::SafetyBlock> safety_block;
  bool profile_answered = false;               // the health profile was saved at least once
  bool welcome_due = false;                    // a new person: open the welcome tour
  std::optional<int> checkin_reminder_minute;  // empty: off
  std::optional<core::DoseDue> dose_due;       // the last pressure session, not yet asked about
  std::vector<core::DoseCheck> dose_checks;    // every soreness-and-bruising answer
};
// After a session is closed: the session whose soreness-and-bruising question is due, if any.
struct DoseDueLoaded {
  std::optional<core::DoseDue> due;
};
// The therapist's homework in storage: each one's routine (its id "homework:<id>") and today's
// status. Replaces what was loaded before.
struct HomeworkLoaded {
  std::vector<core::Routine> routines;
  std::vector<HomeworkStatus> status;  // same order; `routine` is filled in by update()
};
// A file opened with the app (command line, drag and drop) could not be used.
struct FileOpenFailed {
  std::string title;
  std::string message;    // every problem, one per line, with file, line, column and field
  bool homework = false;  // a therapist's homework file: the page says to ask them again
};
// A homework file was imported; `message` says what happened ("Homework from Sam Lee added").
struct FileImported {
  std::string message;
};
// A routine file was opened: it joins the catalog (replacing one with the same id) and opens.
struct RoutineFileOpened {
  core::Routine routine;
};
// What the sheet after a file operation names: a file saved for sharing, or the record a backup
// or a new record replaced (kept aside).
enum class SavedKind { Report, Homework, Calendar, RecordRestored, RecordStarted };
// What became of a saved file: handed to the desktop to open, or (the browser) downloaded.
enum class OpenOutcome { NotTried, Opened, NothingCouldOpen, Downloaded };
// The report (or a calendar file) was written, and perhaps handed to the system to open.
struct ReportShared {
  std::string path;
  OpenOutcome opened = OpenOutcome::NotTried;
};
// Homework was exported: the .unknot file's path and the .ics beside it.
struct HomeworkExported {
  std::string path;
  std::string calendar;
  bool downloaded = false;  // both files went to the browser's downloads
};
// "Show in folder" was tried: false when nothing could show the folder.
struct FolderShown {
  bool shown = true;
};
// The routines read at start-up (the built-in ones, then those built on the body map and kept),
// as the catalog; replaces what was there.
struct CatalogLoaded {
  std::vector<CatalogEntry> entries;
};
// The muscle library and the body map, read from assets at start-up (either may be missing).
struct LibraryLoaded {
  std::shared_ptr<const core::MuscleLibrary> library;
  std::shared_ptr<const core::BodyMap> map;
};

// The record failed its integrity check as the app opened; nothing was written to it.
struct RecordDamaged {
  std::string problem;   // what the check found, with the file's path
  std::string database;  // the damaged file's whole path
};
// Answers LoadBackups: the backups, newest first.
struct BackupsLoaded {
  std::vector<BackupEntry> entries;
  std::string folder;
};
// Answers RestoreBackup (`backup` put back) or StartFresh (`fresh`: a new, empty record): the
// store is open on the new record, and the one it replaced is kept as `aside` (empty: there was
// none).
struct RecordReplaced {
  bool fresh = false;
  BackupEntry backup;
  std::string aside;
};
// RestoreBackup or StartFresh did not happen; the record is as it was.
struct RecordChangeFailed {
  RecordFailure failure = RecordFailure::Other;
  std::string detail;  // the technical reason, for the log and Details
};

using Action =
    std::variant<Tick, Activated, FocusMoved, BackPressed, PauseToggled, PainTyped, PainNudged,
                 AppBackgrounded, SessionRecordStarted, StorageFailed, LastResultsLoaded,
                 InterruptedFound, Scrolled, Resized, TextTyped, CustomPatternSaved, PatternsLoaded,
                 SoundSettingsLoaded, FirstUseLoaded, CheckinDue, ProgressLoaded, HistoryLoaded,
                 WeeklyTargetLoaded, ReportShared, CareLoaded, HomeworkLoaded, FileOpenFailed,
                 FileImported, RoutineFileOpened, LibraryLoaded, HomeworkExported, Flung,
                 ScrolledToEnd, Paged, TextMeasureReady, ComfortLoaded, FolderShown, CatalogLoaded,
                 FieldKeyed, FieldPressed, FieldDragged, FieldReleased, FieldComposed,
                 ClipboardRead, DoseDueLoaded, RecordDamaged, BackupsLoaded, RecordReplaced,
                 RecordChangeFailed, PlatformFound, StorageRecovered>;

}  // namespace unknot::app
