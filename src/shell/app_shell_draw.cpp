// The shell's drawing: a frame of the current screen, the session screen in two layers, and
// screenshots. Part of AppShell (app_shell.h).
#include <SDL.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <utility>
#include <vector>

#include "app/update.h"
#include "audio/audio_engine.h"
#include "shell/app_shell.h"
#include "ui/canvas.h"
#include "ui/screens.h"

namespace unknot::shell {
void AppShell::draw(bool only_motion) {
  int out_w = 0, out_h = 0, win_w = 0, win_h = 0;
  SDL_GetRendererOutputSize(renderer_.get(), &out_w, &out_h);
  SDL_GetWindowSize(window_.get(), &win_w, &win_h);
  const float density = win_w > 0 ? static_cast<float>(out_w) / static_cast<float>(win_w) : 1.0f;
  canvas_->set_scale(density * scale_);
  const ui::Palette& palette = this->palette();
  ui::DrawContext dc{*canvas_, palette, window_size(),
                     keyboard_focus_ ? app::focused_control(model_) : std::nullopt};
  const auto* player = std::get_if<app::PlayerScreen>(&model_.screen);
  // The session frame frame_would_change made in this turn, if this is the draw it was for
  // (any other may follow a change to the model).
  std::optional<ui::PlayerFrame> made = std::exchange(motion_frame_, std::nullopt);
  if (!only_motion) {
    made.reset();
    ++look_generation_;
  }
  if (player != nullptr && model_.notice.empty()) {
    if (!draw_player_layers(dc, *player, std::move(made), out_w, out_h, only_motion))
      canvas_->end_frame();
  } else {
    last_dynamic_px_.clear();
    canvas_->begin_frame(palette.background);
    ui::draw(dc, model_);
    canvas_->end_frame();
  }
  dirty_ = false;
  caret_drawn_ = text_input_ && app::caret_visible(model_, model_.ui_now);
  trace_frame();
  if (frames_drawn_++ == 0 && std::getenv("UNKNOT_TRACE_FIRST_FRAME") != nullptr) {
    // For bench/app_bench.py: CLOCK_MONOTONIC when the first frame was presented.
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now().time_since_epoch());
    std::cerr << "unknot: first-frame monotonic_ns=" << ns.count() << " renderer=" << renderer_name_
              << std::endl;
  }
  last_frame_at_ = clock_->now();
}

bool AppShell::frame_would_change() {
  const auto* player = std::get_if<app::PlayerScreen>(&model_.screen);
  if (player == nullptr) return true;
  // The moving layer does not show the focus (a change of focus redraws the whole frame), so
  // this check, made at every wake-up of a session, need not lay the page out to find it.
  const ui::DrawContext dc{*canvas_, palette(), window_size(), std::nullopt};
  motion_frame_ = ui::player_frame(dc, model_, *player);
  motion_key_ = ui::player_dynamic_key(dc, model_, *player, *motion_frame_);
  if (motion_key_ != last_dynamic_key_) return true;
  motion_frame_.reset();
  return false;
}

bool AppShell::draw_player_layers(ui::DrawContext& dc, const app::PlayerScreen& player,
                                  std::optional<ui::PlayerFrame> made, int w, int h,
                                  bool only_motion) {
  // During a session only the pacer, captions and timers move: the rest is drawn once into a
  // texture and copied each frame, which keeps a software-rendered session cheap.
  const bool keyed = made.has_value();
  const ui::PlayerFrame frame = keyed ? std::move(*made) : ui::player_frame(dc, model_, player);
  const std::string key = ui::player_static_key(dc, model_, frame) + '\n' + std::to_string(w) +
                          'x' + std::to_string(h) + '\n' +
                          std::to_string(static_cast<int>(theme())) +
                          (comfort_.high_contrast ? "h" : "");
  const bool kept = static_layer_ && key == static_key_ && static_w_ == w && static_h_ == h;
  // A new still layer, or a question opened or closed over the page by time alone: the
  // screen's targets may differ.
  const int question = (player.confirming_end ? 1 : 0) | (player.asking_dizzy ? 2 : 0) |
                       (player.asking_intensity ? 4 : 0);
  if (!kept || question != last_question_) ++look_generation_;
  last_question_ = question;
  if (!kept) {
    if (!static_layer_ || static_w_ != w || static_h_ != h) {
      // In the window's own pixel format and copied without blending (it is opaque and covers
      // the frame), the software renderer's copy each frame is a plain row copy, not a
      // per-pixel alpha blend of the whole window.
      Uint32 format = SDL_GetWindowPixelFormat(window_.get());
      if (format == SDL_PIXELFORMAT_UNKNOWN) format = SDL_PIXELFORMAT_ARGB8888;
      static_layer_.reset(
          SDL_CreateTexture(renderer_.get(), format, SDL_TEXTUREACCESS_TARGET, w, h));
      if (static_layer_) SDL_SetTextureBlendMode(static_layer_.get(), SDL_BLENDMODE_NONE);
      static_w_ = w;
      static_h_ = h;
    }
    if (static_layer_ && SDL_SetRenderTarget(renderer_.get(), static_layer_.get()) == 0) {
      canvas_->begin_frame(dc.palette.background);
      ui::draw_player_static(dc, model_, frame);
      SDL_SetRenderTarget(renderer_.get(), nullptr);
      static_key_ = key;
    } else {
      static_key_.clear();
    }
  }
  last_dynamic_key_ =
      keyed ? std::move(motion_key_) : ui::player_dynamic_key(dc, model_, player, frame);
  std::vector<SDL_Rect> moving = ui::player_dynamic_pixels(dc, model_, player, frame, w, h);
  // Only time moved, the still layer is as it was and the window keeps the last frame (the
  // software renderer draws into its surface): copy the still layer back over where the moving
  // parts were and are, draw them, and show just those rects. A session frame then costs a
  // few small rects instead of the whole window.
  const bool part = only_motion && kept && !moving.empty() && !static_key_.empty() &&
                    !last_dynamic_px_.empty() && canvas_->can_present_part();
  if (part) {
    const std::vector<SDL_Rect> shown = ui::moving_parts_shown(moving, last_dynamic_px_);
    canvas_->begin_partial_frame();
    for (const SDL_Rect& r : shown) SDL_RenderCopy(renderer_.get(), static_layer_.get(), &r, &r);
    ui::draw_player_dynamic(dc, model_, player, frame);
    canvas_->end_partial_frame(shown);
    last_dynamic_px_ = std::move(moving);
    return true;
  }
  if (!static_key_.empty()) {
    canvas_->begin_covered_frame();
    SDL_RenderCopy(renderer_.get(), static_layer_.get(), nullptr, nullptr);
  } else {
    canvas_->begin_frame(dc.palette.background);
    ui::draw_player_static(dc, model_, frame);
  }
  ui::draw_player_dynamic(dc, model_, player, frame);
  last_dynamic_px_ = std::move(moving);
  return false;
}

bool AppShell::save_screenshot(const std::filesystem::path& bmp) {
  int w = 0, h = 0;
  SDL_GetRendererOutputSize(renderer_.get(), &w, &h);
  draw();  // presents; read back what is now in the back buffer after drawing again
  const ui::Palette& palette = this->palette();
  canvas_->begin_frame(palette.background);
  ui::DrawContext dc{*canvas_, palette, window_size(),
                     keyboard_focus_ ? app::focused_control(model_) : std::nullopt};
  ui::draw(dc, model_);
  const SurfacePtr surface(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888));
  if (!surface) return false;
  const bool ok = SDL_RenderReadPixels(renderer_.get(), nullptr, SDL_PIXELFORMAT_ARGB8888,
                                       surface->pixels, surface->pitch) == 0 &&
                  SDL_SaveBMP(surface.get(), bmp.string().c_str()) == 0;
  canvas_->end_frame();
  return ok;
}

}  // namespace unknot::shell
