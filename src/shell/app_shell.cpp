#include "shell/app_shell.h"
#include "shell/deleted_entries.h"

#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <string>
#include <iostream>

#include "app/update.h"
#include "audio/audio_engine.h"
#include "desktop/local_time.h"
#include "desktop/paths.h"
#include "shell/library_files.h"
#include "shell/routine_files.h"
#include "storage/session_store.h"
#include "ui/canvas.h"
#include "ui/intent.h"
#include "ui/screens.h"

namespace unknot::shell {
namespace {

constexpr int kFrameMs = 16;  // ~60 fps while something animates
constexpr float kTapSlopDp = 10;  // how far a finger may move and still tap
// Reference phone (design.md): 390 × 844 dp.
constexpr int kDefaultWidth = 390, kDefaultHeight = 844;
constexpr int kMinWidth = 360, kMinHeight = 640;

ui::ThemeKind theme_for_now() {
  const std::time_t t = std::time(nullptr);
  std::tm local{};
  localtime_r(&t, &local);
  return local.tm_hour >= 7 && local.tm_hour < 19 ? ui::ThemeKind::Light : ui::ThemeKind::Dark;
}


}  // namespace

AppShell::AppShell(const ShellOptions& options)
    : deleted_(std::make_unique<DeletedEntries>()),
      open_shared_files_(options.open_shared_files),
      documents_dir_(options.documents_dir),
      theme_(options.theme.value_or(theme_for_now())) {
  // SDL2 disables the screen saver by default; Unknot holds it off only while a session runs.
  SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "1");
  // With the software renderer, present through the plain window framebuffer: SDL would
  // otherwise route it through an OpenGL texture, which costs ~40 ms at start and tens of MB.
  SDL_SetHintWithPriority(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0", SDL_HINT_DEFAULT);
  if (SDL_InitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    throw std::runtime_error(std::string("cannot start SDL video: ") + SDL_GetError());
  }
  int w = options.width > 0 ? options.width : kDefaultWidth;
  int h = options.height > 0 ? options.height : kDefaultHeight;
  if (options.width <= 0 && !options.hidden) {
    SDL_Rect usable{};
    if (SDL_GetDisplayUsableBounds(0, &usable) == 0 && usable.h > 0 && usable.h < h + 64) {
      h = std::max(kMinHeight, usable.h - 64);
      w = std::max(kMinWidth, h * kDefaultWidth / kDefaultHeight);
    }
  }
  scale_ = options.scale > 0 ? options.scale : 1;
  const Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI |
                       (options.hidden ? SDL_WINDOW_HIDDEN : SDL_WINDOW_SHOWN);
  window_ = SDL_CreateWindow("Unknot", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                             static_cast<int>(static_cast<float>(w) * scale_),
                             static_cast<int>(static_cast<float>(h) * scale_), flags);
  if (window_ == nullptr) throw std::runtime_error(std::string("cannot open a window: ") + SDL_GetError());
  SDL_SetWindowMinimumSize(window_, static_cast<int>(kMinWidth * scale_), static_cast<int>(kMinHeight * scale_));
  renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_ACCELERATED);
  if (renderer_ == nullptr) renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_SOFTWARE);
  if (renderer_ == nullptr) throw std::runtime_error(std::string("cannot create a renderer: ") + SDL_GetError());
  canvas_ = std::make_unique<ui::Canvas>(renderer_);
  // Layouts measure text with the font it is drawn in. The canvas outlives every frame.
  dispatch(app::TextMeasureReady{std::shared_ptr<const app::TextMeasure>(canvas_.get(), [](const app::TextMeasure*) {})});


  try {
    std::filesystem::path dir = options.data_dir;
    if (dir.empty()) {
      dir = platform::default_data_dir();
    } else {
      platform::ensure_private_dir(dir);
    }
    data_dir_ = dir;
    store_ = std::make_unique<storage::SessionStore>(storage::SessionStore::open(dir / "unknot.db"));
  } catch (const std::exception& e) {
    report(e.what());
    model_.notice = "Sessions can't be saved: the data file could not be opened. Nothing was changed.";
  }

  // The person's own breathing patterns can be used by routine files too.
  app::PatternsLoaded customs;
  if (store_) {
    try {
      customs = load_patterns();
    } catch (const storage::StorageError& e) {
      report(e.what());
    }
  }
  model_.custom_patterns = customs.custom;
  const core::PatternLookup lookup = [this](std::string_view id) { return app::find_pattern(model_, id); };
  const std::filesystem::path assets = options.assets_dir.empty() ? platform::find_assets_dir() : options.assets_dir;
  if (assets.empty()) report("the assets folder (routines, sounds) was not found");
  Catalog catalog = load_catalog(assets / "routines", lookup);
  for (const auto& p : catalog.problems) report(p);
  model_.catalog = std::move(catalog.entries);
  // Routines built on the body map and kept, after the built-ins.
  if (!data_dir_.empty()) {
    std::vector<std::string> saved_problems;
    add_saved_routines(model_.catalog, data_dir_ / "routines", lookup, saved_problems);
    for (const auto& p : saved_problems) report(p);
  }
  LibraryFiles library = load_library(assets);
  for (const auto& p : library.problems) report(p);
  dispatch(library.loaded);

  audio_dir_ = assets / "audio";

  model_.session_now = session_now();
  model_.wall_now = wall_now();
  if (!options.routine.empty()) {
    const int index = app::find_routine(model_, options.routine);
    if (index >= 0) {
      model_.screen = app::RoutineScreen{index};
    } else if (std::filesystem::exists(options.routine)) {
      RoutineFile file = read_routine_file(options.routine, lookup);
      for (const auto& p : file.problems) report(p);
      if (file.routine) {
        try {
          const int existing = app::find_routine(model_, file.routine->id);
          auto entry = app::make_catalog_entry(std::move(*file.routine), lookup);
          if (existing >= 0) {
            model_.catalog[static_cast<std::size_t>(existing)] = std::move(entry);
            model_.screen = app::RoutineScreen{existing};
          } else {
            model_.catalog.push_back(std::move(entry));
            model_.screen = app::RoutineScreen{static_cast<int>(model_.catalog.size()) - 1};
          }
        } catch (const std::exception& e) {
          model_.screen = app::ErrorScreen{"This routine can't be played", e.what()};
        }
      } else {
        std::string message;
        for (const auto& p : file.problems) message += (message.empty() ? "" : "\n") + p;
        model_.screen = app::ErrorScreen{"This routine file has problems", message};
      }
    } else {
      std::string known;
      for (const auto& e : model_.catalog) known += (known.empty() ? "" : ", ") + e.routine.id;
      const std::string message = "\"" + options.routine + "\" is neither a routine file nor a built-in routine id (" + known + ").";
      report(message);
      model_.screen = app::ErrorScreen{"Routine not found", message};
    }
    if (std::holds_alternative<app::RoutineScreen>(model_.screen)) {
      // Start has the focus, so Enter alone begins (as when the routine is opened from Home).
      const auto list = app::controls(model_);
      const auto it = std::find(list.begin(), list.end(), app::primary_control(model_));
      model_.focus = it == list.end() ? 0 : static_cast<int>(it - list.begin());
    }
  }
  perform(app::LoadLastResults{});
  queue_.push_back(app::Resized{window_size().w, window_size().h});
  load_homework();
  if (!options.open_file.empty()) import_file(options.open_file);
  if (store_) {
    try {
      queue_.push_back(app::SoundSettingsLoaded{store_->sound_settings()});
      queue_.push_back(load_care());
      if (const auto target = store_->setting("weekly_target")) {
        // A damaged value is ignored: the default target stands.
        try {
          queue_.push_back(app::WeeklyTargetLoaded{std::stoi(*target)});
        } catch (const std::exception&) {
        }
      }
    } catch (const storage::StorageError& e) {
      report(e.what());
    }
  }
  if (store_) {
    try {
      if (auto row = store_->find_interrupted()) {
        queue_.push_back(app::InterruptedFound{row->id, row->routine_id, row->resume_step,
                                               row->pain_before, row->region});
      }
    } catch (const storage::StorageError& e) {
      report(e.what());
    }
  }
  dispatch(app::Tick{model_.session_now, model_.wall_now, ui_now()});
  if (options.offer_checkin) offer_checkin_if_due();
}

void AppShell::offer_checkin_if_due() {
  if (!store_) return;
  try {
    const core::UnixSeconds now = wall_now();
    const std::int64_t now_s = now.time_since_epoch().count();
    const std::string today = platform::local_date_text(now_s);
    if (store_->setting("checkin_offered_day") == today) return;  // once a day, never nagging
    const core::UnixSeconds day_start{std::chrono::seconds(platform::local_midnight(now_s))};
    for (const auto& c : store_->checkins(day_start, now + std::chrono::seconds(1))) {
      if (c.kind == storage::CheckinKind::DailyPain) return;  // already rated today
    }
    // The PGIC every 3 weeks (domain.md: every 2-4), once there are two weeks of practice.
    bool pgic = false;
    const auto first = store_->first_session_started_any();
    if (first && now - *first >= std::chrono::days(14)) {
      pgic = true;
      for (const auto& c : store_->checkins(now - std::chrono::days(21), now + std::chrono::seconds(1))) {
        if (c.kind == storage::CheckinKind::Pgic) pgic = false;
      }
    }
    dispatch(app::CheckinDue{pgic});
  } catch (const storage::StorageError& e) {
    report(e.what());
  }
}

AppShell::~AppShell() {
  if (haptic_ != nullptr) SDL_HapticClose(haptic_);
  audio_.reset();
  if (static_layer_ != nullptr) SDL_DestroyTexture(static_layer_);
  canvas_.reset();
  if (renderer_ != nullptr) SDL_DestroyRenderer(renderer_);
  if (window_ != nullptr) SDL_DestroyWindow(window_);
  SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS);
}

core::UnixSeconds AppShell::wall_now() {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

void AppShell::report(const std::string& problem) { std::cerr << "unknot: " << problem << '\n'; }

void AppShell::trace_frame() {
  // For bench/sync_bench.py: when each session frame was presented, the audio frame counter at
  // that moment, and the session time the frame showed.
  if (!frame_trace_tried_) {
    frame_trace_tried_ = true;
    if (const char* path = std::getenv("UNKNOT_TRACE_FRAMES"); path != nullptr && *path != '\0') {
      frame_trace_.open(path, std::ios::trunc);
    }
  }
  if (!frame_trace_.is_open() || !audio_ || !model_.session || model_.session->run.paused()) return;
  // Both times on SDL's performance counter, so the bench can line them up exactly.
  const auto counter = static_cast<std::int64_t>(SDL_GetPerformanceCounter());
  const auto hz = static_cast<std::int64_t>(SDL_GetPerformanceFrequency());
  const std::int64_t present_ns = counter / hz * 1'000'000'000 + counter % hz * 1'000'000'000 / hz;
  std::int64_t anchor_frames = 0, anchor_ns = 0;
  audio_->clock_anchor(anchor_frames, anchor_ns);
  frame_trace_ << present_ns << ' ' << anchor_ns << ' ' << anchor_frames << ' ' << audio_->rate() << ' '
               << model_.session_now.time_since_epoch().count() << '\n';
}

void AppShell::ensure_audio() {
  if (audio_tried_) return;
  audio_tried_ = true;
  std::string warning;
  audio_ = audio::AudioEngine::open(audio_dir_, &warning);
  if (!warning.empty()) report(warning);
#ifdef __GLIBC__
  // Decoding and resampling the voice leave freed scratch memory in the heap; hand it back.
  malloc_trim(0);
#endif
  if (audio_) audio_->set_settings(model_.sound);
}

core::Instant AppShell::ui_now() {
  return core::Instant{std::chrono::milliseconds(SDL_GetTicks64())};
}

core::Instant AppShell::session_now() const {
  if (audio_) return audio_->now();
  return core::Instant{std::chrono::milliseconds(SDL_GetTicks64())};
}

app::Size AppShell::window_size() const {
  int w = 0, h = 0;
  SDL_GetWindowSize(window_, &w, &h);
  return {static_cast<float>(w) / scale_, static_cast<float>(h) / scale_};
}

void AppShell::dispatch(const app::Action& action) {
  queue_.push_back(action);
  if (dispatching_) return;  // effects' results are queued and handled by the outer call
  dispatching_ = true;
  while (!queue_.empty()) {
    const app::Action next = std::move(queue_.front());
    queue_.pop_front();
    const std::size_t screen_before = model_.screen.index();
    const bool offers_before = model_.undo.has_value() || !model_.toast.empty();
    auto transition = app::update(std::move(model_), next);
    model_ = std::move(transition.model);
    const bool offers_after = model_.undo.has_value() || !model_.toast.empty();
    if (!std::holds_alternative<app::Tick>(next) || !transition.effects.empty() ||
        model_.screen.index() != screen_before || offers_before != offers_after) {
      dirty_ = true;
    }
    for (const auto& effect : transition.effects) perform(effect);
  }
  dispatching_ = false;
  // Text input (and an on-screen keyboard where there is one) only while a text field has focus.
  const bool want_text = app::editing_text(model_);
  if (want_text != text_input_) {
    text_input_ = want_text;
    if (want_text) {
      SDL_StartTextInput();
    } else {
      SDL_StopTextInput();
    }
  }
}

void AppShell::handle_event(const SDL_Event& e) {
  switch (e.type) {
    case SDL_QUIT: quit_ = true; return;
    case SDL_WINDOWEVENT:
      dirty_ = true;
      if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
        dispatch(app::Resized{window_size().w, window_size().h});
      }
      return;
    case SDL_DROPFILE:
      // A homework or routine file dropped on the window.
      if (e.drop.file != nullptr) {
        const std::filesystem::path file(e.drop.file);
        SDL_free(e.drop.file);
        import_file(file);
        dispatch(app::Tick{session_now(), wall_now(), ui_now()});
      }
      dirty_ = true;
      return;
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET: dirty_ = true; return;
    case SDL_KEYDOWN: keyboard_focus_ = true; break;
    case SDL_MOUSEBUTTONDOWN: keyboard_focus_ = false; dirty_ = true; break;
    case SDL_FINGERDOWN:
      keyboard_focus_ = false;
      dirty_ = true;
      finger_travel_dp_ = 0;
      break;
    case SDL_FINGERMOTION:
      finger_travel_dp_ += std::hypot(e.tfinger.dx * window_size().w, e.tfinger.dy * window_size().h);
      break;
    case SDL_FINGERUP:
      // A finger that moved more than a small slop was scrolling, not tapping.
      if (finger_travel_dp_ > kTapSlopDp) return;
      break;
    default: break;
  }
  // Input is judged against the state at this moment of the session clock.
  dispatch(app::Tick{session_now(), wall_now(), ui_now()});
  if (auto action = ui::intent(e, model_, window_size(), scale_)) dispatch(*action);
}

void AppShell::iterate() {
  dispatch(app::Tick{session_now(), wall_now(), ui_now()});
  const bool animating = app::animating(model_);
  if (dirty_ || (animating && frame_would_change())) draw();
  // The frame clock advances whether or not the frame was drawn, so an unchanged frame waits
  // for the next frame slot instead of spinning.
  if (animating) last_frame_ticks_ = SDL_GetTicks64();
  // Opening the audio device and decoding the voice takes ~80 ms: do it after the first frame
  // is on screen. No session can have started before then.
  if (frames_drawn_ > 0) ensure_audio();
  if (audio_stop_pending_ && (!audio_ || !audio_->audible())) {
    audio_stop_pending_ = false;
    if (audio_) audio_->set_running(false);
  }
}

int AppShell::wait_timeout_ms() const {
  if (dirty_) return 0;
  if (audio_stop_pending_) return 100;  // look again soon whether the sound has died away
  // An undo offer or a confirmation is on screen: wake to take it away when its time is up.
  if (model_.undo || !model_.toast.empty()) return 250;
  if (!app::animating(model_)) return -1;
  const auto since = SDL_GetTicks64() - last_frame_ticks_;
  return since >= kFrameMs ? 0 : static_cast<int>(kFrameMs - since);
}

int AppShell::run() {
  while (!quit_) {
    SDL_Event e;
    if (SDL_WaitEventTimeout(&e, wait_timeout_ms()) != 0) {
      handle_event(e);
      while (!quit_ && SDL_PollEvent(&e) != 0) handle_event(e);
    }
    iterate();
  }
  return 0;
}

}  // namespace unknot::shell
