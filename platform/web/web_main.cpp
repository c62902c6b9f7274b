// Unknot in the browser: the same AppShell as the desktop, driven by the browser's frame loop
// (emscripten_set_main_loop: one turn per animation frame, nothing blocks), plus the bridge the
// page's script uses (unknot-pre.js): files handed in, controls pressed from the accessible
// layer, text from the on-screen keyboard, storage problems. After each turn the screen's
// targets and the spoken cue's caption are mirrored into the page for screen readers.
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <exception>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "app/model.h"
#include "app/screens.h"
#include "app/text_field.h"
#include "core/translate.h"
#include "desktop/paths.h"
#include "shell/app_shell.h"

namespace {

using unknot::shell::AppShell;

// clang-format off
EM_JS(void, js_mirror_targets, (const char* json), {
  Module.unknotWeb.mirrorTargets(UTF8ToString(json));
});
EM_JS(void, js_announce, (const char* text), { Module.unknotWeb.announce(UTF8ToString(text)); });
EM_JS(void, js_editing, (int on), { Module.unknotWeb.editing(on !== 0); });
EM_JS(void, js_started, (), { Module.unknotWeb.started(); });
EM_JS(void, js_first_frame, (), { Module.unknotWeb.firstFrame(); });
EM_JS(void, js_failed, (const char* text), { Module.unknotWeb.failed(UTF8ToString(text)); });
EM_JS(double, js_now_ms, (), { return performance.now(); });
EM_JS(void, js_resting, (int on), { Module.unknotWeb.resting = on !== 0; });
// Whether the browser holds SDL's audio stopped (an AudioContext suspended or interrupted, as
// phones do for a call or when another app takes the sound).
EM_JS(int, js_audio_held, (), {
  const ctx = Module.SDL2 && Module.SDL2.audioContext;
  return ctx && ctx.state !== 'running' ? 1 : 0;
});
// clang-format on

struct WebApp {
  std::unique_ptr<AppShell> shell;
  std::string targets_sent;  // the last list handed to the page
  std::string caption_sent;
  std::string notice_sent;  // the banner's problem and the toast's confirmation, as last said
  std::string toast_sent;
  std::size_t screen_sent = ~std::size_t{0};
  std::uint64_t look_sent = ~std::uint64_t{0};  // the shell's look_generation when last mirrored
  double mirrored_at_ms = -1e9;
  bool editing_sent = false;
  bool first_frame_told = false;
  bool paused_sent = false;
  // How the browser runs the loop: every frame, after a timeout, or not at all (resting until
  // the person or the page does something).
  enum class Pace { EveryFrame, After, Resting } pace = Pace::EveryFrame;
  int after_ms = 0;
  double audio_held_since_ms = -1;  // when the browser was first seen holding the audio
};

WebApp& web() {
  static WebApp app;
  return app;
}

const char* role_name(unknot::app::Role role) {
  using unknot::app::Role;
  switch (role) {
    case Role::Button:
    case Role::Stepper:
    case Role::Row:
    case Role::Zone:
      return "button";
    case Role::Toggle:
      return "switch";
    case Role::Option:
      return "radio";
    case Role::Field:
      return "textbox";
    case Role::Tab:
      return "tab";
  }
  return "button";
}

// The screen's targets in reading order, in CSS pixels, with the focused one marked: the same
// list keyboard focus moves through (app/screen_frame.h).
std::string targets_json(const AppShell& shell) {
  const auto& model = shell.model();
  const unknot::app::ScreenFrame frame = unknot::app::screen_frame(model);
  const float px = shell.points_per_dp();
  const auto focused = unknot::app::controls(model);
  // Positions to a tenth of a CSS pixel: finer would only make an unchanged list look new.
  const auto css = [px](float dp) { return std::round(static_cast<double>(dp * px) * 10) / 10; };
  nlohmann::json targets = nlohmann::json::array();
  int enabled_index = 0;
  for (const auto& t : frame.targets) {
    nlohmann::json target = {{"kind", static_cast<int>(t.control.kind)},
                             {"index", t.control.index},
                             {"x", css(t.rect.x)},
                             {"y", css(t.rect.y)},
                             {"w", css(t.rect.w)},
                             {"h", css(t.rect.h)},
                             {"label", t.label},
                             {"role", role_name(t.role)},
                             {"enabled", t.enabled}};
    if (t.checked) target["checked"] = *t.checked;
    const bool is_focused = t.enabled && enabled_index == model.focus &&
                            static_cast<std::size_t>(model.focus) < focused.size() &&
                            focused[static_cast<std::size_t>(model.focus)] == t.control;
    if (t.enabled) ++enabled_index;
    if (is_focused) target["focused"] = true;
    targets.push_back(std::move(target));
  }
  const nlohmann::json out = {
      {"screen", model.screen.index()}, {"title", frame.title}, {"targets", std::move(targets)}};
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Says `text` to a screen reader when it differs from what was last said in that place (`sent`).
void announce_change(std::string& sent, const std::string& text) {
  if (text == sent) return;
  sent = text;
  if (!text.empty()) js_announce(text.c_str());
}

// After each turn: the accessible layer follows the screen (at once when the screen changes,
// else at most four times a second, since targets move only with scrolling and layout), the
// caption of a new spoken cue is announced, and the on-screen keyboard follows text fields.
void mirror(WebApp& app, bool now_or_never = false) {
  const AppShell& shell = *app.shell;
  const auto& model = shell.model();
  const double now = js_now_ms();
  // The targets are looked at again when what is drawn changed more than by time's motion: at
  // once, or at most four times a second while it keeps changing (a scroll gliding). A session
  // frame whose pacer alone moved does not lay the page out again for them.
  const bool changed = shell.look_generation() != app.look_sent;
  const bool settled = !unknot::app::animating(model) || now - app.mirrored_at_ms >= 250;
  if (now_or_never || model.screen.index() != app.screen_sent || (changed && settled)) {
    app.mirrored_at_ms = now;
    app.screen_sent = model.screen.index();
    app.look_sent = shell.look_generation();
    std::string json = targets_json(shell);
    if (json != app.targets_sent) {
      app.targets_sent = std::move(json);
      js_mirror_targets(app.targets_sent.c_str());
    }
  }
  const std::string caption = model.session && model.session_now < model.session->caption.until
                                  ? model.session->caption.text
                                  : std::string{};
  announce_change(app.caption_sent, caption);
  // A problem in the banner (storage refused) and a short confirmation are said as well as shown.
  announce_change(app.notice_sent, model.notice);
  announce_change(app.toast_sent, model.toast);
  // A session that stops (the tab hidden, the audio taken away) says so to a listener too.
  const bool paused = model.session && model.session->run.paused();
  if (paused != app.paused_sent) {
    app.paused_sent = paused;
    if (paused) js_announce("Session paused. Press Resume to go on.");
  }
  const bool editing = shell.taking_text();
  if (editing != app.editing_sent) {
    app.editing_sent = editing;
    js_editing(editing ? 1 : 0);
  }
}

// The session clock is the audio's: with the audio held by the browser, the session would stand
// still while looking as if it ran. After a moment's grace (a tap that starts a session also
// resumes the audio, a little later), it is paused as if the app had gone to the background.
void watch_audio(WebApp& app) {
  const auto& model = app.shell->model();
  const bool running = model.session && !model.session->run.paused();
  if (!running || js_audio_held() == 0) {
    app.audio_held_since_ms = -1;
    return;
  }
  const double now = js_now_ms();
  if (app.audio_held_since_ms < 0) app.audio_held_since_ms = now;
  if (now - app.audio_held_since_ms > 1500) {
    app.audio_held_since_ms = -1;
    app.shell->dispatch(unknot::app::AppBackgrounded{});
  }
}

// The browser runs the loop only as often as the app needs it, as the desktop's waits for
// events do (AppShell::wait_timeout_ms): every frame while something moves, once its next timer
// is due (a caret's blink, a confirmation going away, a reminder), and not at all while it waits
// for the person; an app left open on Home then costs a phone nothing. Any input, or a call from
// the page, wakes it (wake()).
constexpr int kFrameMs = 16;

void run_every_frame(WebApp& app) {
  if (app.pace == WebApp::Pace::EveryFrame) return;
  if (app.pace == WebApp::Pace::Resting) {
    js_resting(0);
    emscripten_resume_main_loop();
  }
  emscripten_set_main_loop_timing(EM_TIMING_RAF, 1);
  app.pace = WebApp::Pace::EveryFrame;
}

void wake() { run_every_frame(web()); }

int SDLCALL wake_on_event(void*, SDL_Event*) {
  wake();
  return 1;
}

void pace(WebApp& app) {
  const int wait = app.shell->wait_timeout_ms();
  if (wait >= 0 && wait <= kFrameMs) {
    run_every_frame(app);
  } else if (wait > kFrameMs) {
    if (app.pace != WebApp::Pace::After || app.after_ms != wait) {
      emscripten_set_main_loop_timing(EM_TIMING_SETTIMEOUT, wait);
      app.pace = WebApp::Pace::After;
      app.after_ms = wait;
    }
  } else {
    // The accessible layer is brought up to date before the rest, whatever its throttle.
    mirror(app, true);
    emscripten_pause_main_loop();
    app.pace = WebApp::Pace::Resting;
    js_resting(1);
  }
}

void turn(void*) {
  WebApp& app = web();
  if (!app.shell) return;
  try {
    SDL_Event e;
    while (SDL_PollEvent(&e) != 0) app.shell->handle_event(e);
    app.shell->iterate();
    watch_audio(app);
    if (!app.first_frame_told && app.shell->frames_drawn() > 0) {
      app.first_frame_told = true;
      js_first_frame();
    }
    mirror(app);
    pace(app);
  } catch (const std::exception& e) {
    js_failed(e.what());
    emscripten_cancel_main_loop();
  }
}

// The page's storage problems (unknot-pre.js names them), as the app's banner says them.
std::string storage_problem_text(std::string_view problem, std::string_view detail) {
  namespace core = unknot::core;
  if (problem == "unavailable") {
    // TRANSLATORS: the browser has no storage for web pages; {detail} is its own message.
    return core::fill(core::tr("this browser keeps no data for pages ({detail})"),
                      {{"detail", std::string(detail)}});
  }
  if (problem == "refused") {
    return core::tr(
        "your browser would not open its storage for Unknot (private browsing, or "
        "storage turned off)");
  }
  return core::tr(
      "your browser did not keep the last changes (its storage is full, or turned off "
      "in private browsing). Your session carries on here and is saved as soon as the "
      "browser allows; keep this tab open.");
}

}  // namespace

// The page's script calls these (unknot-pre.js); each acts at once, between frames.
extern "C" {

EMSCRIPTEN_KEEPALIVE void unknot_web_open_file(const char* path) {
  wake();
  if (web().shell) web().shell->open_file(path);
}

EMSCRIPTEN_KEEPALIVE void unknot_web_press(int kind, int index) {
  wake();
  if (web().shell) web().shell->press({static_cast<unknot::app::ControlKind>(kind), index});
}

// `problem` names what the browser refused ("unavailable", "refused", "not kept"); `detail` is
// the browser's own words, if any. The app shows it in the person's language.
EMSCRIPTEN_KEEPALIVE void unknot_web_storage_failed(const char* problem, const char* detail) {
  wake();
  if (web().shell) web().shell->storage_failed(storage_problem_text(problem, detail));
}

// The browser took the record after refusing it: the banner goes.
EMSCRIPTEN_KEEPALIVE void unknot_web_storage_saved() {
  wake();
  if (web().shell) web().shell->dispatch(unknot::app::StorageRecovered{});
}

// Text from the on-screen keyboard's input element, which SDL's key events do not carry. A
// paste or a swiped word can be longer than one SDL text event holds (31 bytes): it goes in as
// several, each cut between whole UTF-8 characters.
EMSCRIPTEN_KEEPALIVE void unknot_web_text(const char* utf8) {
  std::string_view rest(utf8);
  constexpr std::size_t kRoom = sizeof(SDL_TextInputEvent::text) - 1;
  while (!rest.empty()) {
    std::size_t n = std::min(rest.size(), kRoom);
    const auto continues = [&rest](std::size_t at) {
      return (static_cast<unsigned char>(rest[at]) & 0xC0) == 0x80;
    };
    while (n > 0 && n < rest.size() && continues(n)) --n;
    if (n == 0) n = std::min(rest.size(), kRoom);  // not UTF-8: cut where it must
    SDL_Event e{};
    e.type = SDL_TEXTINPUT;
    std::memcpy(e.text.text, rest.data(), n);
    SDL_PushEvent(&e);
    rest.remove_prefix(n);
  }
}

// A key the on-screen keyboard pressed without a key event SDL could read (Backspace, Enter).
EMSCRIPTEN_KEEPALIVE void unknot_web_key(int sdl_keycode) {
  for (const Uint32 type : {SDL_KEYDOWN, SDL_KEYUP}) {
    SDL_Event e{};
    e.type = type;
    e.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
    e.key.keysym.sym = sdl_keycode;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(sdl_keycode);
    SDL_PushEvent(&e);
  }
}

}  // extern "C"

int main() {
  // Sharp text: the canvas is backed at the device pixel ratio (SDL_WINDOW_ALLOW_HIGHDPI).
  SDL_SetHint(SDL_HINT_EMSCRIPTEN_ASYNCIFY, "0");
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");  // a finger is a finger, not also a mouse
  if (SDL_Init(0) != 0) {
    js_failed(SDL_GetError());
    return 1;
  }
  unknot::shell::ShellOptions options;
  options.assets_dir = unknot::platform::find_assets_dir();
  // A first visit's welcome is on the screen before the routines and library are read.
  options.content_after_first_frame = true;
  try {
    options.data_dir = unknot::platform::default_data_dir();
  } catch (const std::exception&) {
    // The shell opens without a record and says why.
  }
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size("#canvas", &css_w, &css_h);
  options.width = css_w > 0 ? static_cast<int>(css_w) : 390;
  options.height = css_h > 0 ? static_cast<int>(css_h) : 844;
  try {
    web().shell = std::make_unique<AppShell>(options);
  } catch (const std::exception& e) {
    js_failed(e.what());
    return 1;
  }
  js_started();
  SDL_AddEventWatch(wake_on_event, nullptr);
  // One turn per animation frame (or fewer, pace()); main returns and the page keeps the app
  // alive.
  emscripten_set_main_loop_arg(turn, nullptr, 0, 0);
  return 0;
}
