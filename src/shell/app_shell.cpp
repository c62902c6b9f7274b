// The shell's loop: events in, update(), effects out, frames when something changed. Part of
// AppShell (app_shell.h); start-up is in app_shell_start.cpp.
#include "shell/app_shell.h"

#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include "app/update.h"
#include "audio/audio_engine.h"
#include "core/input_text.h"
#include "core/language.h"
#include "core/translate.h"
#include "desktop/instance_lock.h"
#include "shell/deleted_entries.h"
#include "storage/session_store.h"
#include "ui/canvas.h"
#include "ui/intent.h"

namespace unknot::shell {
namespace {

constexpr core::Duration kFrame = std::chrono::milliseconds(16);  // ~60 fps while animating
constexpr float kTapSlopDp = 10;  // how far a finger may move and still tap

}  // namespace

AppShell::~AppShell() {
  SDL_DelEventWatch(&AppShell::watch_event, this);
  // A last try for what a full disk held back; what still cannot be written waits in a file
  // for the next start, and is named, never lost silently.
  if (!keep_unsaved_for_next_start()) {
    report("the disk is still full: " + std::to_string(unsaved_.size()) +
           " changes to the last session could not be saved");
  }
  // Everything drawn with the renderer goes before it, and the window last.
  haptic_.reset();
  audio_.reset();
  static_layer_.reset();
  canvas_.reset();
  renderer_.reset();
  window_.reset();
  SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS);
}

// Problems quote file names and file text: escaped, so a hostile name cannot drive the terminal.
void AppShell::report(const std::string& problem) {
  std::cerr << "unknot: " << core::terminal_safe(problem) << '\n';
}

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
  frame_trace_ << present_ns << ' ' << anchor_ns << ' ' << anchor_frames << ' ' << audio_->rate()
               << ' ' << model_.session_now.time_since_epoch().count() << '\n';
}

void AppShell::ensure_audio() {
  if (audio_tried_) return;
  audio_tried_ = true;
  std::string warning;
  audio_ = audio::AudioEngine::open(voice_dir(), &warning);
  if (!warning.empty()) report(warning);
#ifdef __GLIBC__
  // Decoding and resampling the voice leave freed scratch memory in the heap; hand it back.
  malloc_trim(0);
#endif
  if (audio_) audio_->set_settings(model_.sound);
}

std::filesystem::path AppShell::voice_dir() {
  std::error_code ec;
  const bool own_voice = core::known_language(language_) && language_ != "en";
  const std::filesystem::path own = audio_dir_ / language_;
  voice_awaited_ = own_voice && !std::filesystem::is_directory(own, ec);
  return own_voice && !voice_awaited_ ? own : audio_dir_;
}

void AppShell::reopen_audio() {
  if (!audio_tried_ || model_.session) return;
  if (audio_ && audio_->running()) return;  // a preview still sounding out
  audio_.reset();
  audio_tried_ = false;  // opened again on the next turn (iterate)
}

core::Instant AppShell::ui_now() const { return clock_->now(); }

core::Instant AppShell::session_now() const {
  if (audio_) return audio_->now();
  return clock_->now();
}

app::Size AppShell::window_size() const {
  int w = 0, h = 0;
  SDL_GetWindowSize(window_.get(), &w, &h);
  return {static_cast<float>(w) / scale_, static_cast<float>(h) / scale_};
}

void AppShell::dispatch(app::Action action) {
  queue_.push_back(std::move(action));
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
  // A plain tick moves no focus: skip laying the screen out again 60 times a second.
  if (!dirty_) return;
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

int SDLCALL AppShell::watch_event(void* shell, SDL_Event* event) {
  if (event->type != SDL_APP_WILLENTERBACKGROUND) return 1;
  auto* self = static_cast<AppShell*>(shell);
  if (SDL_ThreadID() == self->main_thread_) {
    self->dispatch(app::Tick{self->session_now(), self->wall_now(), self->ui_now()});
    self->dispatch(app::AppBackgrounded{});
  } else {
    self->background_pending_ = true;  // the loop pauses on its next turn
  }
  return 1;
}

void AppShell::handle_event(const SDL_Event& e) {
  switch (e.type) {
    case SDL_QUIT:
      quit_ = true;
      return;
    case SDL_WINDOWEVENT:
      dirty_ = true;
      if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
        dispatch(app::Resized{window_size().w, window_size().h});
      }
      // Out of sight mid-session: pause, as on a phone going to the background; playing again
      // waits for the person.
      if (e.window.event == SDL_WINDOWEVENT_MINIMIZED || e.window.event == SDL_WINDOWEVENT_HIDDEN) {
        dispatch(app::AppBackgrounded{});
      }
      return;
    case SDL_DROPFILE:
      // A homework or routine file dropped on the window.
      if (e.drop.file != nullptr) {
        const std::filesystem::path file(e.drop.file);
        SDL_free(e.drop.file);
        open_file(file);
      }
      dirty_ = true;
      return;
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
      dirty_ = true;
      return;
    case SDL_KEYDOWN:
      keyboard_focus_ = true;
      break;
    case SDL_MOUSEBUTTONDOWN:
      keyboard_focus_ = false;
      dirty_ = true;
      break;
    case SDL_FINGERDOWN:
      keyboard_focus_ = false;
      dirty_ = true;
      finger_travel_dp_ = 0;
      finger_velocity_ = 0;
      finger_at_ms_ = e.tfinger.timestamp;
      break;
    case SDL_FINGERMOTION: {
      finger_travel_dp_ +=
          std::hypot(e.tfinger.dx * window_size().w, e.tfinger.dy * window_size().h);
      // The drag's speed, smoothed over the last few moves: what a fling coasts on.
      const float dt_s = static_cast<float>(e.tfinger.timestamp - finger_at_ms_) / 1000.0f;
      finger_at_ms_ = e.tfinger.timestamp;
      if (dt_s > 0)
        finger_velocity_ =
            0.6f * (-e.tfinger.dy * window_size().h / dt_s) + 0.4f * finger_velocity_;
      break;
    }
    case SDL_FINGERUP:
      // A finger that moved more than a small slop was scrolling, not tapping; let go while
      // moving, the content coasts on.
      if (finger_travel_dp_ > kTapSlopDp) {
        const bool still = e.tfinger.timestamp - finger_at_ms_ > 100;
        dispatch(app::Tick{session_now(), wall_now(), ui_now()});
        dispatch(app::Flung{still ? 0.0f : finger_velocity_});
        return;
      }
      break;
    default:
      break;
  }
  // Input is judged against the state at this moment of the session clock, with every routine
  // it might lead to already read. (SDL numbers its keyboard, mouse, controller and touch
  // events from SDL_KEYDOWN up to the clipboard's.)
  if (e.type >= SDL_KEYDOWN && e.type < SDL_CLIPBOARDUPDATE) ensure_content();
  dispatch(app::Tick{session_now(), wall_now(), ui_now()});
  if (auto action = ui::intent(e, model_, window_size(), scale_)) dispatch(*action);
}

void AppShell::open_file(const std::filesystem::path& file) {
  ensure_content();  // homework names routines' patterns and the library's muscles
  import_file(file);
  dispatch(app::Tick{session_now(), wall_now(), ui_now()});
  dirty_ = true;
}

void AppShell::press(app::Control control) {
  ensure_content();
  dispatch(app::Tick{session_now(), wall_now(), ui_now()});
  dispatch(app::Activated{control});
  dirty_ = true;
}

void AppShell::storage_failed(const std::string& message) {
  report(message);
  dispatch(app::StorageFailed{message});
  dirty_ = true;
}

void AppShell::check_reminder() {
  if (!offer_checkin_) return;
  if (next_checkin_check_ && wall_now() >= *next_checkin_check_) {
    checkin_waiting_ = true;
    schedule_checkin_check();
  }
  if (checkin_waiting_ && std::holds_alternative<app::HomeScreen>(model_.screen) &&
      !model_.session) {
    checkin_waiting_ = false;
    offer_checkin_if_due();
  }
}

void AppShell::iterate() {
  // A frame drawn in an earlier turn is on the screen by now; one drawn in this turn may not be
  // until the turn ends (a browser shows the canvas when the frame callback returns).
  const bool first_frame_shown = frames_drawn_ > 0;
  dispatch(app::Tick{session_now(), wall_now(), ui_now()});
  play_haptics();
  if (background_pending_.exchange(false)) dispatch(app::AppBackgrounded{});
  check_reminder();
  // A text field's caret blinks for a while after it moves: a frame only when it flips.
  if (text_input_ && app::caret_visible(model_, model_.ui_now) != caret_drawn_) dirty_ = true;
  const bool animating = app::animating(model_);
  if (dirty_) {
    draw();
  } else if (animating && frame_would_change()) {
    draw(true);
  }
  // The frame clock advances whether or not the frame was drawn, so an unchanged frame waits
  // for the next frame slot instead of spinning.
  if (animating) last_frame_at_ = clock_->now();
  // Reading content the start left, opening the audio device and decoding the voice: after
  // the first frame is on screen. No session can have started before then.
  if (first_frame_shown) {
    ensure_content();
    // The language's own voice has arrived since the sound opened with the English one.
    if (voice_awaited_ && !model_.session) {
      std::error_code ec;
      if (std::filesystem::is_directory(audio_dir_ / language_, ec)) reopen_audio();
    }
    ensure_audio();
  }
  if (audio_stop_pending_ && (!audio_ || !audio_->audible())) {
    audio_stop_pending_ = false;
    if (audio_) audio_->set_running(false);
  }
}

int AppShell::wait_timeout_ms() const {
  // A vibration pulse due before the next frame wakes the loop for it.
  const int frame_ms = frame_timeout_ms();
  const int pulse_ms = haptic_timeout_ms();
  if (pulse_ms < 0) return frame_ms;
  return frame_ms < 0 ? pulse_ms : std::min(frame_ms, pulse_ms);
}

int AppShell::frame_timeout_ms() const {
  if (dirty_) return 0;
  // The first frame is up: what the start left (the content, the sound) comes next.
  if (frames_drawn_ > 0 && (content_pending_ || !audio_tried_)) return 0;
  if (audio_stop_pending_) return 100;  // look again soon whether the sound has died away
  // An undo offer or a confirmation is on screen: wake to take it away when its time is up.
  if (model_.undo || !model_.toast.empty()) return 250;
  if (!app::animating(model_)) {
    // With a reminder set, wake when its time comes (at most an hour at a time, so a changed
    // wall clock is noticed).
    int reminder_ms = -1;
    if (next_checkin_check_ && offer_checkin_) {
      const auto until =
          std::chrono::duration_cast<std::chrono::milliseconds>(*next_checkin_check_ - wall_now());
      reminder_ms = static_cast<int>(std::clamp<std::int64_t>(until.count(), 0, 3'600'000));
    }
    const auto flip = app::caret_changes_in(model_, clock_->now());
    if (!flip) return reminder_ms;
    const int flip_ms =
        static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(*flip).count());
    return reminder_ms < 0 ? flip_ms : std::min(flip_ms, reminder_ms);
  }
  const core::Duration since = clock_->now() - last_frame_at_;
  if (since >= kFrame) return 0;
  return static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(kFrame - since).count());
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
  // Closing with a session the full disk still holds back: it is kept for the next start, and
  // the person is told where, in a window they cannot miss.
  if (!unsaved_.empty() && keep_unsaved_for_next_start() && !unsaved_file_.empty()) {
    const std::string said =
        core::fill(core::tr("The disk is full, so your last session could not be saved in your "
                            "record yet. It is kept in {file} and will be added the next time "
                            "Unknot opens."),
                   {{"file", unsaved_file_.string()}});
    report(said);
    if ((SDL_GetWindowFlags(window_.get()) & SDL_WINDOW_HIDDEN) == 0)
      SDL_ShowSimpleMessageBox(SDL_MESSAGEBOX_WARNING,
                               core::tr("Your session is kept for later").c_str(), said.c_str(),
                               window_.get());
  }
  return 0;
}

}  // namespace unknot::shell
