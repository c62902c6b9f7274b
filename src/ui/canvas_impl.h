// Private state of ui::Canvas, shared by canvas.cpp (frame, fonts, shapes) and canvas_text.cpp
// (text layout and drawing). Include only from those two files.
#pragma once

#include <SDL.h>
#include <SDL_ttf.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ui/canvas.h"
#include "ui/font_set_impl.h"
#include "ui/tessellate.h"
#include "ui/text_cache.h"
#include "ui/text_layout.h"

namespace unknot::ui {

struct RingTextureFree {
  void operator()(SDL_Texture* t) const { SDL_DestroyTexture(t); }
};

struct Canvas::Impl {
  Impl(SDL_Renderer* r, FontSet opened);

  // Opens every font again at `scale` and `text_scale` and forgets what was measured or
  // rasterised at the old size; throws std::runtime_error on failure.
  void open_fonts();
  TTF_Font* font(Font f) const { return fonts.impl().font(f); }
  // The font at 100 % text size: a one-line label in a box too narrow for it at a larger text
  // size (a tab, a button) falls back to it rather than being cut. Same as font() at 100 %.
  TTF_Font* base_font(Font f) const { return fonts.impl().base_font(f); }
  int digit_advance_px(Font f) const { return fonts.impl().digit_advance_px[index_of(f)]; }
  // Ascent-to-descent height of the font in pixels: the ink box height of a line.
  int font_height_px(Font f) const { return TTF_FontHeight(font(f)); }
  float measure_px(std::string_view text, Font f) const;
  Measure measurer(Font f) const;
  void draw_mesh();
  // A label too wide for `box` at the current text size, drawn at 100 % size (base_font) if it
  // fits so; false (nothing drawn) when it would not fit either, or at 100 %.
  bool draw_at_base_size(std::string_view text, app::Rect box, Font f, Color c, Align align);
  // The cached white texture of one line (rendered on first use this size).
  TextCache::Entry line(std::string_view text, Font f) {
    return cache.get(text, static_cast<int>(index_of(f)), font(f));
  }
  // Draws a cached line tinted with `c`, its top-left at whole pixels.
  void blit(const TextCache::Entry& e, int x_px, int y_px, Color c);
  // Logs a drawn line; its box is `h_px` high, or the font's height when h_px is 0.
  void record(std::string text, int x_px, int y_px, int w_px, Font f, bool truncated, int h_px = 0);

  SDL_Renderer* renderer;
  FontSet fonts;            // declared before the cache, whose textures were rasterised from them
  float scale = 1.0f;       // pixels per dp (Canvas::set_scale)
  float text_scale = 1.0f;  // the person's text size (Canvas::set_text_scale)
  TextCache cache;
  Mesh mesh;  // reused so drawing a shape doesn't allocate once warm
  std::vector<TextRecord> log;
  std::optional<app::Rect> clip;  // dp, set by Canvas::set_clip
  // Canvas::fill_rings on a GPU (an accelerated renderer, WebGL in the browser): the rings are
  // meshes, drawn by the GPU, instead of a texture rasterised on the CPU and uploaded each frame.
  bool rings_as_meshes = false;
  // Canvas::fill_rings: its texture (square, grown as needed), what is in it and where.
  std::unique_ptr<SDL_Texture, RingTextureFree> rings;
  int rings_size = 0;
  std::vector<float> rings_drawn;  // pixel offset, radii, opacities and colour last rasterised
  std::vector<std::uint32_t> rings_profile;  // the pixel by squared distance, reused
  // Wrapped lines by font, width in pixels and text; emptied when the scale changes.
  mutable std::unordered_map<std::string, std::vector<std::string>> wrap_cache;
  // Widths in pixels by font and text; emptied whenever the fonts are opened again.
  mutable std::unordered_map<std::string, float> width_cache;
};

}  // namespace unknot::ui
