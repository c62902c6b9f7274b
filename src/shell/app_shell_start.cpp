// The shell's start-up: video, storage, the catalog and what was stored, each handed to the
// model as actions (the shell never writes the model). Part of AppShell (app_shell.h).
#include <SDL.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <future>

#include "app/update.h"
#include "audio/audio_engine.h"
#include "core/checkin_schedule.h"
#include "core/homework.h"
#include "core/language.h"
#include "core/translate.h"
#include "desktop/instance_lock.h"
#include "desktop/local_time.h"
#include "desktop/paths.h"
#include "shell/app_shell.h"
#include "shell/clocks.h"
#include "shell/deleted_entries.h"
#include "shell/start_files.h"
#include "shell/video.h"
#include "storage/backups.h"
#include "storage/session_store.h"
#include "ui/canvas.h"
#include "ui/font_set.h"

namespace unknot::shell {
namespace {

// Reference phone (design.md): 390 × 844 dp.
constexpr platform::PointSize kDefaultSizeDp{390, 844};

// What the start-up thread hands back.
struct Opened {
  StartFiles files;
  ui::FontSet fonts;
};

// The language to speak: the --lang option, else the person's choice, else the system's.
std::string chosen_language(const std::string& option, const std::string& saved) {
  return core::chosen_language(option, saved, [](const char* name) { return std::getenv(name); });
}

// The person's choice kept in the store; "" without one, or when the store cannot say.
std::string saved_language(const storage::SessionStore* store) {
  if (store == nullptr) return {};
  try {
    return store->comfort_settings().language;
  } catch (const storage::StorageError&) {
    return {};  // load_settings reports it
  }
}

// The text size kept in the store, as the canvas takes it (1 = 100 %); 100 % without a store.
float stored_text_scale(const storage::SessionStore* store) {
  if (store == nullptr) return 1.0f;
  try {
    return static_cast<float>(core::valid_text_percent(store->comfort_settings().text_percent)) /
           100.0f;
  } catch (const storage::StorageError&) {
    return 1.0f;  // load_settings reports it
  }
}

// The theme asks every frame; the C library's local time is worked out once a second.
int local_hour(core::UnixSeconds now) {
  static std::time_t last = -1;
  static int hour = 0;
  const std::time_t t = static_cast<std::time_t>(now.time_since_epoch().count());
  if (t == last) return hour;
  std::tm local{};
  localtime_r(&t, &local);
  last = t;
  hour = local.tm_hour;
  return hour;
}

}  // namespace

ui::ThemeKind AppShell::theme() const {
  if (theme_override_) return *theme_override_;
  return ui::theme_for(comfort_.theme, local_hour(wall_now()));
}

const ui::Palette& AppShell::palette() const {
  return ui::palette(theme(), comfort_.high_contrast);
}

void AppShell::apply_comfort(const core::ComfortSettings& comfort) {
  comfort_ = comfort;
  if (const std::string code = chosen_language(language_override_, comfort.language);
      code != language_) {
    switch_language(code);
  }
  canvas_->set_text_scale(static_cast<float>(comfort.text_percent) / 100.0f);
  static_key_.clear();  // the session's still layer was drawn in the old colours and sizes
  dirty_ = true;
  // Every layout reflows and re-clamps its scrolling at the new text size.
  queue_.push_back(app::Resized{window_size().w, window_size().h});
}

AppShell::AppShell(const ShellOptions& options)
    : clock_(options.clock ? options.clock : std::make_shared<SdlMonotonicClock>()),
      wall_clock_(options.wall_clock ? options.wall_clock : std::make_shared<SystemWallClock>()),
      deleted_(std::make_unique<DeletedEntries>()),
      open_shared_files_(options.open_shared_files),
      documents_dir_(options.documents_dir),
      theme_override_(options.theme),
      scale_(options.scale > 0 ? options.scale : 1) {
  // SDL2 disables the screen saver by default; Unknot holds it off only while a session runs.
  SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "1");
  // One app per data folder, decided before anything is opened: a second one must not offer to
  // resume, or close, the session the first is recording.
  std::filesystem::path data_dir = options.data_dir;
  storage::IntegrityCheck check = storage::IntegrityCheck::Quick;
  try {
    data_dir = resolve_data_dir(options.data_dir);
    auto lock = platform::InstanceLock::try_acquire(data_dir);
    if (!lock) {
      throw AlreadyOpen("Unknot is already open on the data folder " + data_dir.string() +
                        ". Only one Unknot can use a folder at a time: switch to the open window "
                        "(or close it) and try again.");
    }
    // The last run ended without closing the database: check every page, not only the quick way.
    if (lock->previous_run_unclean()) check = storage::IntegrityCheck::Full;
    lock_ = std::make_unique<platform::InstanceLock>(std::move(*lock));
  } catch (const AlreadyOpen&) {
    throw;
  } catch (const std::exception&) {
    // No folder or no lock file: read_start_files meets the same problem and reports it.
  }
  // Reading the store, routines and library and opening the fonts take about as long as SDL
  // needs to reach the display server and open the window: do both at once, so the first frame
  // comes sooner. (The constructor waits for it, so `options` outlives the task.)
#ifdef __EMSCRIPTEN__
  constexpr auto kStartPolicy = std::launch::deferred;  // the browser build has no threads
#else
  constexpr auto kStartPolicy = std::launch::async;
#endif
  // The language is installed on the task, once the store can say the person's choice and before
  // the content is read in it; nothing on this thread reads a text until the task is done.
  language_override_ = options.language;
  std::string chosen = "en";
  std::future<Opened> opened =
      std::async(kStartPolicy, [&options, &chosen, data_dir, check, scale = scale_] {
        // A routine or file to open at once needs the content before the first frame.
        const bool may_wait = options.content_after_first_frame && options.routine.empty() &&
                              options.open_file.empty();
        const auto install_language = [&options, &chosen](const storage::SessionStore* store) {
          chosen = chosen_language(options.language, saved_language(store));
          return platform::install_language(chosen, platform::find_locale_dir());
        };
        StartFiles files = read_start_files(
            data_dir, options.assets_dir, check,
            may_wait ? ContentRead::UnlessWelcome : ContentRead::Now, install_language);
        // At the pixel density of a plain display and the person's text size, so the canvas need
        // not open them again before the first frame.
        ui::FontSet fonts = ui::FontSet::open(scale, stored_text_scale(files.store.get()));
        platform::mark_start_step("fonts");
        return Opened{std::move(files), std::move(fonts)};
      });
  if (SDL_InitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    throw std::runtime_error(std::string("cannot start SDL video: ") + SDL_GetError());
  }
  // With no display SDL falls back to drawing off screen: a window nobody could see, running
  // until killed. Unless that was asked for (tests, benchmarks), say so and stop.
  const std::string_view driver = SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "";
  const char* asked = SDL_getenv("SDL_VIDEODRIVER");
  if (!options.hidden && (driver == "offscreen" || driver == "dummy") &&
      (asked == nullptr || *asked == '\0')) {
    throw NoDisplay(
        "There is no display to open Unknot's window on (neither DISPLAY nor WAYLAND_DISPLAY is "
        "set). Start it from your desktop; the commands in `unknot --help` work without one.");
  }
  const platform::PointSize size_dp{options.width > 0 ? options.width : kDefaultSizeDp.w,
                                    options.height > 0 ? options.height : kDefaultSizeDp.h};
  platform::mark_start_step("sdl");
  Video video = open_video({size_dp, scale_, options.hidden});
  platform::mark_start_step("window");
  window_ = std::move(video.window);
  renderer_ = std::move(video.renderer);
  renderer_name_ = std::move(video.renderer_name);
  Opened start = opened.get();
  language_ = chosen;  // what was asked for, even if its catalog could not be read (reported)
  platform::language_changed(language_);
  canvas_ = std::make_unique<ui::Canvas>(renderer_.get(), std::move(start.fonts));
  dispatch(app::PlatformFound{platform::can_pick_files(), platform::saves_as_downloads(),
                              platform::keeps_record_in_browser()});
  // Layouts measure text with the font it is drawn in. The canvas outlives every frame.
  dispatch(app::TextMeasureReady{
      std::shared_ptr<const app::TextMeasure>(canvas_.get(), [](const app::TextMeasure*) {})});

  dispatch(app::Tick{session_now(), wall_now(), ui_now()});
  take_start_files(std::move(start.files));
  platform::mark_start_step("model");
  if (!options.routine.empty()) open_start_routine(options.routine);
  perform(app::LoadLastResults{});
  queue_.push_back(app::Resized{window_size().w, window_size().h});
  if (!content_pending_) load_homework();
  platform::mark_start_step("homework");
  if (!options.open_file.empty()) import_file(options.open_file);
  load_settings();
  platform::mark_start_step("settings");
  dispatch(app::Tick{session_now(), wall_now(), ui_now()});
  if (options.offer_checkin) {
    offer_checkin_if_due();
    schedule_checkin_check();
  }
  offer_checkin_ = options.offer_checkin;
  // Last, so a constructor that throws leaves no watch pointing at it.
  SDL_AddEventWatch(&AppShell::watch_event, this);
}

void AppShell::switch_language(const std::string& code) {
  if (std::string problem = platform::install_language(code, platform::find_locale_dir());
      !problem.empty()) {
    report(problem);
  }
  language_ = code;
  platform::language_changed(code);
  reopen_audio();
  static_key_.clear();
  dirty_ = true;
  // The built-in routines and library are read again in the new language (the person's own
  // routines and a therapist's homework stay in their words).
  if (!content_pending_ && !assets_dir_.empty()) {
    StartContent content = read_start_content(data_dir_, model_.custom_patterns, assets_dir_);
    for (const std::string& problem : content.problems) report(problem);
    queue_.push_back(std::move(content.catalog));
    dispatch(std::move(content.library));
    load_homework();
  }
}

void AppShell::take_start_files(StartFiles files) {
  for (const std::string& problem : files.problems) report(problem);
  data_dir_ = std::move(files.data_dir);
  store_ = std::move(files.store);
  audio_dir_ = std::move(files.audio_dir);
  assets_dir_ = std::move(files.assets_dir);
  content_pending_ = files.content_deferred;
  // Queued and handled together: the screen is laid out once for all of them.
  if (files.damaged) {
    // The person restores a backup or starts a new record there and then (record_pages.h).
    queue_.push_back(
        app::RecordDamaged{*files.damaged, (data_dir_ / storage::kDatabaseFileName).string()});
  } else if (!store_) {
    queue_.push_back(app::StorageFailed{
        core::tr("the data file could not be opened, so sessions won't be kept.")});
  }
  if (files.patterns) queue_.push_back(std::move(*files.patterns));
  if (content_pending_) return;  // the constructor's next dispatch handles what is queued
  queue_.push_back(std::move(files.catalog));
  dispatch(std::move(files.library));
}

void AppShell::ensure_content() {
  if (!content_pending_) return;
  content_pending_ = false;
  StartContent content = read_start_content(data_dir_, model_.custom_patterns, assets_dir_);
  for (const std::string& problem : content.problems) report(problem);
  queue_.push_back(std::move(content.catalog));
  dispatch(std::move(content.library));
  perform(app::LoadLastResults{});
  load_homework();
}

void AppShell::open_start_routine(const std::string& routine) {
  if (const int index = app::find_routine(model_, routine); index >= 0) {
    // As if its card were tapped on Home: the routine opens with Start focused.
    dispatch(app::Activated{{app::ControlKind::RoutineCard, index}});
  } else if (std::filesystem::exists(routine)) {
    dispatch(routine_file_action(routine));
  } else {
    std::string known;
    for (const auto& e : model_.catalog) known += (known.empty() ? "" : ", ") + e.routine.id;
    const std::string message = core::fill(
        core::tr("\"{routine}\" is neither a routine file nor a built-in routine id ({known})."),
        {{"routine", routine}, {"known", known}});
    report(message);
    dispatch(app::FileOpenFailed{core::tr("Routine not found"), message});
  }
}

void AppShell::load_settings(bool offer_resume) {
  if (!store_) return;
  try {
    queue_.push_back(app::SoundSettingsLoaded{store_->sound_settings()});
    queue_.push_back(app::ComfortLoaded{store_->comfort_settings()});
    queue_.push_back(load_care());
    // A damaged or missing target reads as none: the default target stands.
    if (const auto target = store_->weekly_target()) {
      queue_.push_back(app::WeeklyTargetLoaded{*target});
    }
    if (auto row = offer_resume ? store_->find_interrupted() : std::nullopt) {
      queue_.push_back(app::InterruptedFound{row->id, row->routine_id, row->resume_step,
                                             row->pain_before, row->region, row->planned_total});
    }
  } catch (const storage::StorageError& e) {
    report(e.what());
  }
}

void AppShell::offer_checkin_if_due() {
  if (!store_) return;
  try {
    const core::UnixSeconds now = wall_now();
    const std::chrono::minutes offset{platform::utc_offset_minutes(now.time_since_epoch().count())};
    core::CheckinRecord record;
    record.offered_on = store_->checkin_offered_on();
    record.first_session = store_->first_session_started_any();
    record.reminder_minute = store_->checkin_reminder_minute();
    // The PGIC's interval is longer than a day, so this window also holds the ratings filed on
    // yesterday and today.
    for (const auto& c :
         store_->checkins(now - core::kPgicInterval, now + std::chrono::seconds(1))) {
      if (c.kind == storage::CheckinKind::Pgic) {
        if (!record.last_pgic || c.recorded_at > *record.last_pgic)
          record.last_pgic = c.recorded_at;
        continue;
      }
      record.daily_days.push_back(
          c.day.value_or(core::local_day(c.recorded_at, std::chrono::minutes{c.utc_offset_min})));
    }
    const auto latest_psfs = store_->latest_psfs();
    if (!latest_psfs.empty()) record.last_psfs = latest_psfs.front().recorded_at;
    const auto offer = core::checkin_due(record, now, offset);
    if (!offer) return;
    app::CheckinDue due{offer->pgic, offer->target, offer->psfs, {}, false};
    if (offer->psfs) {
      // The therapist's activities when homework in force names some, else the latest sitting's.
      due.psfs_activities =
          core::psfs_activities_on(stored_homework(), core::local_day(now, offset));
      due.psfs_from_homework = !due.psfs_activities.empty();
      if (due.psfs_activities.empty()) {
        for (const auto& row : latest_psfs) due.psfs_activities.push_back(row.activity);
      }
    }
    dispatch(std::move(due));
  } catch (const storage::StorageError& e) {
    report(e.what());
  }
}

std::vector<core::Homework> AppShell::stored_homework() const {
  std::vector<core::Homework> list;
  for (const auto& stored : store_->homework()) {
    auto parsed = core::parse_homework(stored.file_json, "homework " + stored.id,
                                       core::builtin_pattern_lookup(), nullptr);
    if (parsed.homework) list.push_back(std::move(*parsed.homework));
  }
  return list;
}

void AppShell::schedule_checkin_check() {
  next_checkin_check_.reset();
  if (!store_) return;
  try {
    const auto minute = store_->checkin_reminder_minute();
    if (!minute) return;
    const core::UnixSeconds now = wall_now();
    const std::chrono::minutes offset{platform::utc_offset_minutes(now.time_since_epoch().count())};
    next_checkin_check_ = core::next_reminder_at(*minute, now, offset);
  } catch (const storage::StorageError& e) {
    report(e.what());
  }
}

}  // namespace unknot::shell
