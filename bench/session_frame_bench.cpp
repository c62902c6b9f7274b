// Times the session screen's frames on SDL's software renderer (what the default launch uses
// under Xvfb): a minute of a routine's session at 60 frames a second, each frame timed as the
// shell draws it (the whole window from the still layer, or only the moving parts' rects), plus
// the per-wake-up cost of deciding whether a frame is needed. Prints microseconds per frame and
// how many frames of the minute would be drawn. No window: presenting to the screen is not in
// these figures (bench/app_bench.py measures the whole app).
#include <SDL.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "app/update.h"
#include "shell/routine_files.h"
#include "ui/canvas.h"
#include "ui/screens.h"

namespace {

using namespace unknot;
using Clock = std::chrono::steady_clock;
using K = app::ControlKind;

app::AppModel act(app::AppModel m, const app::Action& a) {
  return app::update(std::move(m), a).model;
}
app::AppModel press(app::AppModel m, K k, int i = 0) {
  return act(std::move(m), app::Activated{{k, i}});
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const int w = argc > 2 ? std::atoi(argv[1]) : 390;
  const int h = argc > 2 ? std::atoi(argv[2]) : 844;
  if (SDL_Init(0) != 0) return 1;
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
  SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
  if (surface == nullptr || renderer == nullptr) return 1;
  {
    auto canvas = std::make_shared<ui::Canvas>(renderer);
    const std::shared_ptr<const app::TextMeasure> measure(canvas, canvas.get());
    app::AppModel m;
    auto loaded =
        shell::load_catalog(std::filesystem::path(UNKNOT_SOURCE_DIR) / "assets" / "routines",
                            core::builtin_pattern_lookup());
    m.catalog = std::move(loaded.entries);
    m.wall_now = core::UnixSeconds{std::chrono::seconds(1'790'000'000)};
    m.screened_at = m.wall_now;
    m.profile_answered = true;
    m = act(m, app::TextMeasureReady{measure});
    m = act(m, app::Resized{static_cast<float>(w), static_cast<float>(h)});
    m = press(press(m, K::RoutineCard, 0), K::Start);
    // A short reminder of the cautions before each session, when the screen was answered.
    if (std::holds_alternative<app::SafetyScreen>(m.screen)) m = press(m, K::Confirm);
    m = press(press(m, K::PainValue, 5), K::Confirm);
    if (!std::holds_alternative<app::PlayerScreen>(m.screen)) {
      std::fprintf(stderr, "session_frame_bench: the routine did not start a session\n");
      return 1;
    }
    const auto& p = ui::palette(ui::ThemeKind::Dark);
    SDL_Texture* still =
        SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h);
    SDL_SetTextureBlendMode(still, SDL_BLENDMODE_NONE);
    std::vector<double> full_us, part_us, key_us;
    int drawn = 0;
    const auto start = m.session_now + std::chrono::seconds(6);  // past the countdown
    const app::AppModel at_start = m;
    // The same minute twice: drawing the whole window each frame, then only the moving parts.
    for (const bool part : {false, true}) {
      app::AppModel run = at_start;
      std::string last_key;
      std::vector<SDL_Rect> last_rects;
      drawn = 0;
      for (int f = 0; f < 3600; ++f) {
        auto t0 = Clock::now();
        run = act(std::move(run),
                  app::Tick{start + std::chrono::microseconds(f * 16'667), run.wall_now, {}});
        const auto* s = std::get_if<app::PlayerScreen>(&run.screen);
        if (s == nullptr) break;
        ui::DrawContext dc{*canvas, p, {static_cast<float>(w), static_cast<float>(h)}, {}};
        const ui::PlayerFrame frame = ui::player_frame(dc, run, *s);
        const std::string key = ui::player_dynamic_key(dc, run, *s, frame);
        if (!part)
          key_us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
        if (key == last_key) continue;
        last_key = key;
        if (++drawn == 1) {
          SDL_SetRenderTarget(renderer, still);
          canvas->begin_frame(p.background);
          ui::draw_player_static(dc, run, frame);
          SDL_SetRenderTarget(renderer, nullptr);
        }
        t0 = Clock::now();
        if (!part) {
          // The whole window: the still layer copied, the moving one drawn over it.
          canvas->begin_frame(p.background);
          SDL_RenderCopy(renderer, still, nullptr, nullptr);
          ui::draw_player_dynamic(dc, run, *s, frame);
          SDL_RenderFlush(renderer);
          full_us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
          continue;
        }
        // Only the moving parts' rects (last frame's and this one's).
        const std::vector<SDL_Rect> rects = ui::player_dynamic_pixels(dc, run, *s, frame, w, h);
        const std::vector<SDL_Rect> shown = ui::moving_parts_shown(rects, last_rects);
        canvas->begin_partial_frame();
        for (const auto& r : shown) SDL_RenderCopy(renderer, still, &r, &r);
        ui::draw_player_dynamic(dc, run, *s, frame);
        SDL_RenderFlush(renderer);
        part_us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
        last_rects = rects;
      }
    }
    std::printf("session frames at %dx%d, software renderer, 60 s of a routine at 60 Hz\n", w, h);
    std::printf("  wake-ups %zu, frames drawn %d (%.1f a second)\n", key_us.size(), drawn,
                drawn / (static_cast<double>(key_us.size()) / 60.0));
    std::printf("  tick + deciding (key)    median %7.1f us\n", median(key_us));
    std::printf("  whole-window frame       median %7.1f us\n", median(full_us));
    std::printf("  moving-parts-only frame  median %7.1f us\n", median(part_us));
    const double per_s =
        (median(key_us) * static_cast<double>(key_us.size()) + median(part_us) * drawn) /
        (static_cast<double>(key_us.size()) / 60.0) / 1e6 * 100;
    std::printf("  estimated CPU (moving parts only, before presenting) %.2f %% of a core\n",
                per_s);
    SDL_DestroyTexture(still);
  }
  SDL_DestroyRenderer(renderer);
  SDL_FreeSurface(surface);
  SDL_Quit();
  return 0;
}
