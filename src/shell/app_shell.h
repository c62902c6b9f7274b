// The imperative shell: owns the window, renderer, audio engine and database; turns SDL events
// into actions, runs update(), performs the effects it returns, and draws when something changed.
// The loop has SDL3's shape (handle_event, iterate) so other platforms can drive it.
#pragma once

#include <SDL.h>

#include <atomic>
#include <deque>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>

#include "app/layout.h"
#include "app/model.h"
#include "core/haptics.h"
#include "core/homework.h"
#include "core/session_run.h"
#include "core/time.h"
#include "shell/held_records.h"
#include "shell/sdl_ptr.h"
#include "ui/screens.h"
#include "ui/theme.h"

namespace unknot::audio {
class AudioEngine;
}
namespace unknot::platform {
class InstanceLock;
}
namespace unknot::storage {
class SessionStore;
}
namespace unknot::ui {
class Canvas;
struct DrawContext;
}  // namespace unknot::ui

namespace unknot::shell {

struct DeletedEntries;  // sessions deleted this run, kept so Undo can restore them
struct StartFiles;      // start_files.h

struct ShellOptions {
  std::filesystem::path data_dir;      // empty: the user's data folder
  std::filesystem::path assets_dir;    // empty: found at run time
  std::string routine;                 // a routine file or id to open at, or empty
  std::filesystem::path open_file;     // a homework (.unknot) or routine file to open, or empty
  int width = 0, height = 0;           // window size in dp; 0 picks a phone-like portrait size
  bool hidden = false;                 // no visible window (tests, benchmarks)
  std::optional<ui::ThemeKind> theme;  // empty: light by day, dark at night
  float scale = 1;                     // extra dp scale on top of the display's pixel density
  // The language to speak ("en", "es", or the pseudo-language "qps"), over the person's choice in
  // Settings and the system's; empty: theirs, else the system's (LC_ALL, LC_MESSAGES, LANG).
  std::string language;
  bool offer_checkin = true;  // ask for today's pain check-in when opening on Home
  // A new person's welcome is drawn before the routines and the library are read (they are
  // read at the start of the next turn): for a start with no second thread to read them on
  // while the window opens (the browser).
  bool content_after_first_frame = false;
  bool open_shared_files = true;        // hand a shared report to the desktop to open
  std::filesystem::path documents_dir;  // empty: the user's documents folder
  // The clocks the shell reads; empty: SDL's performance counter and the system clock. The
  // session clock is the audio device's once it is open (architecture.md, Time).
  std::shared_ptr<const core::MonotonicClock> clock;
  std::shared_ptr<const core::WallClock> wall_clock;
};

// Another Unknot holds the data folder's lock (desktop/instance_lock.h); what() says so plainly.
class AlreadyOpen : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// No display to show a window on (SDL found only its off-screen drivers).
class NoDisplay : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class AppShell {
 public:
  // Throws AlreadyOpen, before opening anything, when another Unknot is open on the same data
  // folder. Throws std::runtime_error if SDL video, the window or the fonts cannot be set up.
  // Storage or audio problems are not fatal: they show as a notice and the app carries on.
  explicit AppShell(const ShellOptions& options);
  ~AppShell();
  AppShell(const AppShell&) = delete;
  AppShell& operator=(const AppShell&) = delete;

  void handle_event(const SDL_Event& e);
  // A homework or routine file handed over from outside (dropped, picked, shared, opened with
  // the app): homework is imported, a routine opened, and the screen shows the outcome.
  void open_file(const std::filesystem::path& file);
  // A control pressed from outside the canvas (the browser's accessible layer): what a tap on
  // it does, judged at this moment of the session clock.
  void press(app::Control control);
  // The platform could not keep what was written (the browser's storage refused it): shown as
  // a storage problem; what the session records stays in memory and is written again later.
  void storage_failed(const std::string& message);
  // Advances time and draws if something changed or animates.
  void iterate();
  // Runs until the window closes; returns the process exit code.
  int run();

  // Milliseconds the loop may sleep waiting for events: until the next frame while animating,
  // otherwise -1 (wait for input, using no CPU).
  int wait_timeout_ms() const;
  bool quit_requested() const { return quit_; }
  const app::AppModel& model() const { return model_; }
  app::Size window_size() const;
  float points_per_dp() const { return scale_; }
  // Whether a text field has the focus (text input, and the on-screen keyboard where there is
  // one, are on): kept up to date after each change, without laying the screen out again.
  bool taking_text() const { return text_input_; }
  std::uint64_t frames_drawn() const { return frames_drawn_; }
  // Changes whenever a frame drew more than time's motion (a new screen, a scroll, a label,
  // focus, a question over the session): what the screen's targets look like may then have
  // changed, so a mirror of them (the web's accessible layer) needs looking at again.
  std::uint64_t look_generation() const { return look_generation_; }
  // SDL's name for the renderer in use ("software", "opengl", …).
  const std::string& renderer_name() const { return renderer_name_; }
  // The theme and palette drawn now: the --theme override, else the person's choice (Automatic
  // follows the local hour), in its high-contrast variant when that is on.
  ui::ThemeKind theme() const;
  const ui::Palette& palette() const;
  // Draws the current screen and saves it as a BMP; false on failure.
  bool save_screenshot(const std::filesystem::path& bmp);
  void dispatch(app::Action action);

 private:
  // Runs an effect; a storage failure becomes StorageFailed. On a full disk the session's
  // record effects are kept in unsaved_ and retried before the next one and at exit.
  void perform(const app::Effect& effect);
  void perform_now(const app::Effect& effect);  // throws storage::StorageError
  bool retry_unsaved();                         // false while the disk is still full
  void hold(const app::Effect& effect);         // a session record the disk had no room for
  // At the end: what the disk still holds back goes to a file that the next start adds to the
  // record (held_records.h). False if even that could not be written.
  bool keep_unsaved_for_next_start();
  // Draws a frame. `only_motion`: nothing but time changed since the last one, so a session
  // frame may redraw just its moving parts.
  void draw(bool only_motion = false);
  core::Instant session_now() const;
  core::Instant ui_now() const;  // the interface's clock (scroll momentum), runs without audio
  core::UnixSeconds wall_now() const { return wall_clock_->now(); }  // for timestamps only
  void report(const std::string& problem);
  // After a completed session: today's backup, if there is none yet (storage/backups.h).
  void backup_after_session();
  // Start-up (app_shell_start.cpp): each queues or dispatches actions, never writes model_.
  // What read_start_files read while the window opened: the store, catalog and library.
  void take_start_files(StartFiles files);
  void open_start_routine(const std::string& routine);
  // Queues what the record keeps; `offer_resume`: an interrupted session is offered too.
  void load_settings(bool offer_resume = true);
  // The record's backups (record_files.cpp): BackupsLoaded; `backup` put back in place of the
  // record, or (null) the damaged record set aside for a new one, answered with RecordReplaced or
  // RecordChangeFailed; and everything the record keeps handed to the model again.
  void load_backups();
  void change_record(const app::BackupEntry* backup);
  void reload_record();
  void offer_checkin_if_due();
  // When the reminder time comes round next (next_checkin_check_), or none without a reminder.
  void schedule_checkin_check();
  // At the reminder time: the check-in is offered on Home, at once or when Home is next shown.
  void check_reminder();
  std::vector<core::Homework> stored_homework() const;  // requires store_; unreadable ones left out
  void share_report(const app::ShareReportFile& share);
  void export_homework(const core::Homework& homework);
  app::CareLoaded load_care() const;  // requires store_
  void apply_comfort(const core::ComfortSettings& comfort);
  // Installs `code`'s catalog and reads the built-in content again in it; every text after is in
  // that language (the text caches key by the words, so nothing old is drawn).
  void switch_language(const std::string& code);
  // Hands a saved file to the desktop when sharing opens files (not in tests), and says how it
  // went.
  app::OpenOutcome open_shared(const std::filesystem::path& file);
  // A saved file the person asked for: downloaded where files are downloads (the browser),
  // else handed to the desktop as open_shared does.
  app::OpenOutcome hand_over(const std::filesystem::path& file);
  // Stored homework → the catalog and Home's status (queues HomeworkLoaded).
  void load_homework();
  void export_calendar(const std::string& homework_id);  // requires store_
  // A file opened with the app or dropped on it: homework is imported, a routine file opened.
  void import_file(const std::filesystem::path& file);
  void open_routine_file(const std::filesystem::path& file);
  // RoutineFileOpened for a readable routine file, else FileOpenFailed with every problem.
  app::Action routine_file_action(const std::filesystem::path& file);
  void ensure_audio();
  // Where the spoken cues of the language spoken now are: assets/audio/<code> when it has its
  // own, else the English ones in assets/audio. Sets voice_awaited_ when the language should
  // have its own but they are not there (yet: the browser fetches them as a package).
  std::filesystem::path voice_dir();
  // Closes the sound so it opens again with the language's voice (not during a session).
  void reopen_audio();
  // Reads the routines and the library if the start left them (content_after_first_frame),
  // before anything could need them: the turn after the first frame, or the first input.
  void ensure_content();
  app::PatternsLoaded load_patterns() const;  // requires store_
  // Vibration (app_shell_effects.cpp): opens the first device SDL can rumble with, once; false
  // where there is none, and then pulses are not even queued.
  bool open_haptic();
  // Plays the queued pulses that are due on the session clock; called every turn of the loop.
  void play_haptics();
  // Milliseconds until the next queued pulse is due, or -1 when none is waiting to play.
  int haptic_timeout_ms() const;
  int frame_timeout_ms() const;  // wait_timeout_ms without the vibration
  void trace_frame();
  // While animating: whether the next frame would differ from the last one drawn. On the
  // session screen the frame it worked out is kept for the draw(true) that follows.
  bool frame_would_change();
  // Draws the session screen from its two layers, from `made` when frame_would_change made it
  // for this frame; true when it showed only the moving parts (and so has presented the frame
  // itself).
  bool draw_player_layers(ui::DrawContext& dc, const app::PlayerScreen& player,
                          std::optional<ui::PlayerFrame> made, int w, int h, bool only_motion);

  std::shared_ptr<const core::MonotonicClock> clock_;
  std::shared_ptr<const core::WallClock> wall_clock_;
  app::AppModel model_;
  std::deque<app::Action> queue_;
  WindowPtr window_;
  RendererPtr renderer_;
  std::string renderer_name_;
  std::unique_ptr<ui::Canvas> canvas_;  // draws with renderer_: declared after it, freed first
  std::unique_ptr<audio::AudioEngine> audio_;
  std::filesystem::path audio_dir_;
  std::filesystem::path assets_dir_;
  bool content_pending_ = false;
  std::filesystem::path data_dir_;  // empty when the data folder could not be opened
  bool audio_tried_ = false;
  bool voice_awaited_ = false;       // see voice_dir()
  bool audio_stop_pending_ = false;  // pause the device once nothing sounds any more
  HapticPtr haptic_;
  bool haptic_tried_ = false;
  core::HapticQueue haptic_queue_;    // pulses waiting for their time on the timeline
  core::PlaybackClock haptic_clock_;  // the session clock as last synced (AudioSync)
  bool text_input_ = false;
  std::ofstream frame_trace_;
  bool frame_trace_tried_ = false;
  // Held for the app's lifetime; declared before store_ so the database closes first.
  std::unique_ptr<platform::InstanceLock> lock_;
  std::unique_ptr<storage::SessionStore> store_;
  std::deque<HeldRecord> unsaved_;  // session records waiting for disk space, oldest first
  StoredIds stored_ids_;            // provisional session ids → stored ones
  std::int64_t next_provisional_id_ = -1;
  std::filesystem::path unsaved_file_;  // where keep_unsaved_for_next_start put them
  std::unique_ptr<DeletedEntries> deleted_;
  bool open_shared_files_ = true;
  std::filesystem::path documents_dir_;
  std::optional<ui::ThemeKind> theme_override_;  // --theme: wins over the person's choice
  core::ComfortSettings comfort_;                // as last applied (ApplyComfort)
  std::string language_override_;                // ShellOptions::language
  std::string language_ = "en";                  // the language installed (core/translate.h)
  float scale_ = 1;
  bool offer_checkin_ = true;                            // ShellOptions::offer_checkin
  std::optional<core::UnixSeconds> next_checkin_check_;  // the reminder time, next
  bool checkin_waiting_ = false;                         // the reminder time passed away from Home
  bool dirty_ = true;
  bool quit_ = false;
  bool keyboard_focus_ = false;  // draw focus rings only after the keyboard is used
  bool caret_drawn_ = false;     // whether the last frame showed a text field's caret
  float finger_travel_dp_ = 0;   // since the finger went down: a drag is not a tap
  float finger_velocity_ = 0;    // dp/s of the current drag (positive: content moves up)
  Uint32 finger_at_ms_ = 0;      // SDL timestamp of the drag's last move
  bool dispatching_ = false;
  // SDL_APP_WILLENTERBACKGROUND must be acted on before the event is polled (the OS may suspend
  // the process first): the event watch pauses at once on the main thread, or sets this flag
  // for the loop when SDL reports it from another thread.
  static int SDLCALL watch_event(void* shell, SDL_Event* event);
  SDL_threadID main_thread_ = SDL_ThreadID();
  std::atomic<bool> background_pending_ = false;
  std::uint64_t frames_drawn_ = 0;
  std::uint64_t look_generation_ = 0;
  int last_question_ = 0;          // the session's open question when last drawn (look_generation)
  core::Instant last_frame_at_{};  // on clock_, for pacing animation frames
  TexturePtr static_layer_;        // the still part of the session screen
  std::string static_key_;
  std::string last_dynamic_key_;
  // The session frame frame_would_change worked out, and its moving layer's key: the draw in
  // the same turn uses them (nothing changes in between) instead of laying the page out again.
  std::optional<ui::PlayerFrame> motion_frame_;
  std::string motion_key_;
  std::vector<SDL_Rect> last_dynamic_px_;  // where the moving layer was drawn last, in pixels
  int static_w_ = 0, static_h_ = 0;
};

}  // namespace unknot::shell
