// The whole app state as one value (Elm style): catalog, current screen, focus, active session.
// Pure std + core; no SDL, no SQLite, no clock.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/actions.h"
#include "app/backup_model.h"
#include "app/care_model.h"
#include "app/catalog_entry.h"
#include "app/controls.h"
#include "app/effects.h"
#include "app/progress_model.h"
#include "app/scrolling.h"
#include "app/text_edit.h"
#include "app/text_measure.h"
#include "core/breathing_session.h"
#include "core/comfort_settings.h"
#include "core/custom_pattern.h"
#include "core/routine.h"
#include "core/session_run.h"
#include "core/sound_settings.h"
#include "core/timeline.h"

namespace unknot::app {

enum class RatingMoment { Before, After };

struct HomeScreen {};
struct RoutineScreen {
  int routine = 0;
  std::optional<BodyMapScreen> map;  // built on the body map: Back returns to it, picks kept
};
struct RatingScreen {
  RatingMoment moment = RatingMoment::Before;
  int routine = 0;
  std::optional<int> pain;
  std::optional<int> region;      // index into the routine's regions
  bool needs_value_hint = false;  // Confirm was pressed with no rating chosen
  bool ended_early = false;       // after: the session was ended before its end
  bool confirming_skip = false;   // after: "Skip the rating?" is open

  static RatingScreen ask(RatingMoment moment, int routine_index) {
    RatingScreen r;
    r.moment = moment;
    r.routine = routine_index;
    return r;
  }
};
struct PlayerScreen {
  bool confirming_end = false;
  bool asking_dizzy = false;      // the "dizzy or tingling?" question is open
  bool asking_intensity = false;  // the "too intense?" question is open (pressure holds)
  bool was_playing = false;  // resume on "keep going" only if it was playing before the question
};
struct SummaryScreen {};
inline constexpr int kBreathingResume = -1;
struct ResumeScreen {
  InterruptedFound found;
  int routine = 0;  // the catalog's routine, or kBreathingResume for a Just breathe session
};
struct ErrorScreen {
  std::string title;
  std::string message;    // the technical problems, one per line (file, line, column, field)
  bool details = false;   // the problems are shown (folded away at first)
  bool homework = false;  // the file was a therapist's homework
};
struct BreatheListScreen {};
struct PatternScreen {
  std::string pattern_id;
  core::BreathingLength length;
};
struct EditorScreen {
  std::optional<std::int64_t> saved_id;      // empty for a new pattern
  core::PatternDraft draft;                  // its name is always name.text()
  TextEdit name;                             // the name field (editor_page.h: editor_screen)
  std::vector<core::DraftProblem> problems;  // shown after Save is pressed
  bool confirming_delete = false;
  bool by_rate = false;    // set by breaths a minute and the in-breath's share
  int rate_tenths = 60;    // breaths a minute × 10, in 0.5 steps (2.0 .. 12.0)
  int share_percent = 40;  // the in-breath's share of the breath (20 .. 80 %)
};
// The Patient-Specific Functional Scale (psfs_page.h): name up to three activities (when none
// are known yet, or the person asks to change them), then rate each 0-10 in turn.
struct PsfsScreen {
  std::vector<std::string> activities;  // the ones being rated
  bool from_homework = false;           // the therapist's homework named them
  bool naming = false;                  // the naming step is showing
  std::array<TextEdit, 3> names;        // the naming step's fields
  bool needs_name = false;              // Continue was pressed with no name given
  int index = 0;                        // the activity being rated
  std::vector<int> values;              // ratings given so far, in order
  std::optional<int> value;             // the current activity's rating
};

// Where Sound was opened from: Back returns there.
enum class SoundFrom { Home, Settings };
struct SoundScreen {
  SoundFrom from = SoundFrom::Home;
};
// The daily check-in (the day's average pain, about yesterday before noon), then the PGIC when it
// is due, then the PSFS when it is due (PsfsScreen).
struct CheckinScreen {
  bool pgic_step = false;  // showing the Patient Global Impression of Change
  bool pgic_due = false;
  std::optional<int> value;
  core::CheckinTarget target;      // the day the daily rating is about
  std::optional<PsfsScreen> psfs;  // the PSFS to ask next, when it is due
};

using Screen = std::variant<HomeScreen, RoutineScreen, RatingScreen, PlayerScreen, SummaryScreen,
                            ResumeScreen, ErrorScreen, BreatheListScreen, PatternScreen,
                            EditorScreen, SoundScreen, CheckinScreen, TrendsScreen, HistoryScreen,
                            EntryScreen, BodyMapScreen, MuscleScreen, SafetyScreen, ProfileScreen,
                            SettingsScreen, SourcesScreen, BuilderScreen, BuilderStepScreen,
                            BuilderPickScreen, BuilderPlanScreen, OnboardingScreen, PsfsScreen,
                            DoseScreen, ShareScreen, DamagedScreen, BackupsScreen>;

struct Caption {
  std::string text;
  core::Instant until{};
};

struct ActiveSession {
  ActiveSession(int routine_index, std::shared_ptr<const core::Timeline> steps, int offset,
                int step_total, core::SessionRun run_state)
      : routine(routine_index),
        timeline(std::move(steps)),
        step_offset(offset),
        routine_steps(step_total),
        run(run_state) {}

  int routine = 0;                                 // -1 for a breathing session
  std::shared_ptr<const core::Timeline> timeline;  // the steps still to play
  int step_offset = 0;    // routine index of timeline step 0 (non-zero after a resume)
  int routine_steps = 0;  // authored steps in the routine, for "step 3 of 8"
  core::SessionRun run;
  std::int64_t session_id = 0;  // 0 until storage answers
  std::optional<int> pain_before;
  std::string region;
  std::optional<int> pain_after;
  core::Duration done{};  // time the steps actually played
  bool ended_early = false;
  bool stopped_unwell = false;  // stopped for dizziness, nausea, chest pain or vision change
  bool finished = false;
  Caption caption;
  std::vector<RecordStep> pending;  // steps that finished before storage gave the session id
  std::string pattern_id;  // breathing session: the pattern playing (slowed: its slower copy)
  int breaths = 0;         // breathing session: breaths planned in all
  int breaths_before = 0;  // breathing session: breaths done before the current timeline
  bool slowed = false;     // the person asked for a slower pace
  // "Too intense": the step (timeline index) that was eased, and when it ends early.
  int eased_step = -1;
  core::Instant eased_until{};
  // "Stop": muscles stopped for the rest of this session (their later steps are skipped).
  std::vector<std::string> stopped_muscles;
  std::vector<RecordFeedback> pending_feedback;  // reports made before storage gave the id

  bool breathing() const { return routine < 0; }
};

// A file just saved for sharing (app/saved_file.h shows it).
struct SavedFile {
  SavedKind kind = SavedKind::Report;
  std::string path;    // the whole path
  std::string beside;  // homework: the calendar file saved next to it
  std::string lead;    // a record replaced: what happened, said before the path
  OpenOutcome opened = OpenOutcome::NotTried;
  bool folder_failed = false;  // "Show in folder" found nothing to show the folder with
  ScrollState under;           // the screen's scroll and focus, given back when the sheet closes
  int under_focus = 0;
};

struct AppModel {
  std::vector<CatalogEntry> catalog;
  Screen screen = HomeScreen{};
  int focus = 0;  // index into controls(model)
  std::optional<ActiveSession> session;
  core::Instant session_now{};
  core::UnixSeconds wall_now{};
  core::Instant ui_now{};  // the interface's monotonic clock (Tick), for coasting
  std::string notice;      // a problem to show in a banner (e.g. the data could not be saved)
  float window_w = 390, window_h = 844;  // dp, for scrolling and keeping focus in view
  ScrollState scroll;  // the open screen's scroll (screens.h); restarts when another screen opens
  std::shared_ptr<const TextMeasure> text;  // the font's measure; empty: estimated (screens.h)
  // Text fields (app/text_field.h): a mouse press in one is held (moving it selects), when the
  // caret last moved (it blinks for a while after), where the IME was last told the caret is.
  bool field_dragging = false;
  core::Instant caret_moved_at{};
  std::optional<Rect> text_input_rect;
  std::vector<core::BreathPattern> custom_patterns;  // ids "custom_<n>", from storage
  core::SoundSettings sound;
  core::ComfortSettings comfort;  // theme, text size, reduced motion, high contrast
  // When each breathing pattern was first used, for limits that apply in the first month.
  std::vector<std::pair<std::string, core::UnixSeconds>> first_use;
  // Progress and History (loaded on demand, dropped whenever the data changes).
  std::optional<ProgressData> progress;
  bool progress_loading = false;
  HistoryList history;
  int weekly_target = kDefaultWeeklyTarget;
  std::optional<PendingUndo> undo;
  // The muscle library and body map (assets), shared, read-only; empty until loaded.
  std::shared_ptr<const core::MuscleLibrary> library;
  std::shared_ptr<const core::BodyMap> body_map;
  std::vector<HomeworkStatus> homework;  // active homework first, then by title
  HealthProfile profile;
  bool therapist_mode = false;
  bool can_pick_files = false;      // PlatformFound: Settings offers to open a homework file
  bool saves_as_downloads = false;  // PlatformFound: saved files are downloads (the browser)
  bool record_in_browser = false;   // PlatformFound: the record is in the browser's storage
  int utc_offset_min = 0;           // the machine's offset from UTC at start-up, for local dates
  HomeworkDraft homework_draft;     // the therapist's homework builder (builder_flow.h)
  // When the red-flag screen was last passed; empty: never (it is shown before the first
  // session and again every kScreenEveryDays).
  std::optional<core::UnixSeconds> screened_at;
  // The latest "yes" on the safety check: sessions wait until the next local day.
  std::optional<core::SafetyBlock> safety_block;
  // Whether the health profile was answered once; until it is, it comes before a session.
  bool profile_answered = false;
  std::optional<int> checkin_reminder_minute;  // Settings: offer the check-in from then; empty: off
  // The last session with pressure work, when its soreness-and-bruising question is still to
  // ask (core::dose_question_due decides when), and every answer given so far: they lower the
  // targets of muscles that were sore or bruised (core::pressure_eases).
  std::optional<core::DoseDue> dose_due;
  std::vector<core::DoseCheck> dose_checks;
  std::string report_name;  // the name last put on a shared report, offered again (not stored)
  std::optional<SavedFile> saved_file;  // the sheet naming a file just saved, over the screen
  std::string
      toast;  // a short confirmation ("Report saved in Documents: …") shown until toast_until
  core::UnixSeconds toast_until{};
  BackupList backups;  // loaded for the damaged record's screen and Settings › Backups
};

// Built-in and custom patterns, in list order.
std::vector<const core::BreathPattern*> all_patterns(const AppModel& model);
const core::BreathPattern* find_pattern(const AppModel& model, std::string_view id);
// The same lookup over a list of the person's own patterns (built-ins first).
const core::BreathPattern* find_pattern(const std::vector<core::BreathPattern>& custom,
                                        std::string_view id);
// True while the pattern's first month of use runs (or it was never used).
bool in_first_month(const AppModel& model, std::string_view pattern_id);

// True when the health profile rules out breath holds (pregnancy, seizures, heart disease) and
// the pattern holds the breath: it is shown, with the reason, but cannot be started.
bool holds_barred(const AppModel& model, const core::BreathPattern& pattern);

// The pattern of an interrupted Just breathe session ("breathe:<pattern id>"), if it exists.
const core::BreathPattern* interrupted_pattern(const AppModel& model,
                                               const InterruptedFound& found);

// Index of the routine with that id, or -1.
int find_routine(const AppModel& model, std::string_view id);

}  // namespace unknot::app
