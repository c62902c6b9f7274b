#include "ui/canvas.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "ui/canvas_impl.h"

namespace unknot::ui {
namespace {

// Evicting after ~2 s at 60 fps keeps labels that blink in and out (a pause overlay) warm while
// a session's stream of countdown strings doesn't pile up.
constexpr std::uint64_t kEvictAfterFrames = 120;

SDL_Color to_sdl(Color c) { return {c.r, c.g, c.b, c.a}; }

FontFace face_for(Font font) {
  if (font == Font::Display) return FontFace::DisplayStrong;
  if (font == Font::Timer) return FontFace::Display;
  return is_strong(font) ? FontFace::TextStrong : FontFace::Text;
}

std::filesystem::path bundled_font_dir() {
  char* base = SDL_GetBasePath();
  if (base == nullptr) return {};
  std::filesystem::path dir = std::filesystem::path(base) / "fonts";
  SDL_free(base);
  return dir;
}

}  // namespace

TtfLibrary::TtfLibrary() {
  if (TTF_Init() != 0) throw std::runtime_error(std::string("TTF_Init failed: ") + TTF_GetError());
}
TtfLibrary::~TtfLibrary() { TTF_Quit(); }

Canvas::Impl::Impl(SDL_Renderer* r)
    : renderer(r), files(locate_fonts(default_font_dirs(bundled_font_dir()))), cache(r) {
  open_fonts();
}

void Canvas::Impl::open_fonts() {
  cache.clear();        // textures were rasterised at the old size
  width_cache.clear();  // widths were measured at the old size
  const auto open = [this](Font f, float text_size) {
    const auto& path = files.paths[index_of(face_for(f))];
    const float size_px = font_size_dp(f) * app::font_scale(f, text_size) * scale;
    const int px = std::max(1, static_cast<int>(std::lround(size_px)));
    std::unique_ptr<TTF_Font, FontDeleter> font(TTF_OpenFont(path.c_str(), px));
    if (!font) {
      throw std::runtime_error("Cannot open font " + path.string() + ": " + TTF_GetError());
    }
    // Light hinting keeps Inter's shapes (full hinting distorts them) while snapping vertically.
    TTF_SetFontHinting(font.get(), TTF_HINTING_LIGHT);
    return font;
  };
  for (std::size_t i = 0; i < kFontCount; ++i) {
    const auto f = static_cast<Font>(i);
    fonts[i] = open(f, text_scale);
    base_fonts[i].reset();
    if (app::font_scale(f, text_scale) != 1.0f) base_fonts[i] = open(f, 1.0f);
    int widest = 0;
    for (char d = '0'; d <= '9'; ++d) {
      const char digit[2] = {d, '\0'};
      int w = 0, h = 0;
      TTF_SizeUTF8(fonts[i].get(), digit, &w, &h);
      widest = std::max(widest, w);
    }
    digit_advance_px[i] = widest;
  }
}

float Canvas::Impl::measure_px(std::string_view text, Font f) const {
  if (text.empty()) return 0;
  // Shaping is the costly part of measuring, and a text field measures the same prefixes of
  // its lines many times a keystroke (wrapping, the caret, hit tests, every layout of the page).
  std::string key;
  key.reserve(text.size() + 2);
  key += static_cast<char>('A' + index_of(f));
  key += ':';
  key += text;
  if (const auto it = width_cache.find(key); it != width_cache.end()) return it->second;
  if (width_cache.size() > 16384) width_cache.clear();  // a bound, not an LRU
  int w = 0, h = 0;
  TTF_SizeUTF8(font(f), key.c_str() + 2, &w, &h);
  return width_cache.emplace(std::move(key), static_cast<float>(w)).first->second;
}

Measure Canvas::Impl::measurer(Font f) const {
  return [this, f](std::string_view text) { return measure_px(text, f); };
}

void Canvas::Impl::draw_mesh() {
  if (mesh.indices.empty()) return;
  SDL_RenderGeometry(renderer, nullptr, mesh.vertices.data(),
                     static_cast<int>(mesh.vertices.size()), mesh.indices.data(),
                     static_cast<int>(mesh.indices.size()));
  mesh.clear();
}

Canvas::Canvas(SDL_Renderer* renderer) : impl_(std::make_unique<Impl>(renderer)) {}
Canvas::~Canvas() = default;

void Canvas::set_scale(float px_per_dp) {
  if (!(px_per_dp > 0) || px_per_dp == impl_->scale) return;
  impl_->scale = px_per_dp;
  impl_->open_fonts();
  impl_->wrap_cache.clear();
}

float Canvas::scale() const { return impl_->scale; }

void Canvas::set_text_scale(float text_scale) {
  if (!(text_scale > 0) || text_scale == impl_->text_scale) return;
  impl_->text_scale = text_scale;
  impl_->open_fonts();
  impl_->wrap_cache.clear();
}

float Canvas::text_scale() const { return impl_->text_scale; }

void Canvas::begin_frame(Color background) {
  impl_->log.clear();
  clear_clip();
  impl_->cache.next_frame();
  SDL_SetRenderDrawBlendMode(impl_->renderer, SDL_BLENDMODE_BLEND);
  SDL_SetRenderDrawColor(impl_->renderer, background.r, background.g, background.b, 255);
  SDL_RenderClear(impl_->renderer);
}

void Canvas::end_frame() {
  SDL_RenderPresent(impl_->renderer);
  impl_->cache.evict_unused(kEvictAfterFrames);
}

void Canvas::fill_rect(app::Rect r, Color c) {
  // Snapped to whole pixels so panels and bars have crisp edges and abut without seams.
  const float s = impl_->scale;
  const int x0 = static_cast<int>(std::lround(r.x * s));
  const int y0 = static_cast<int>(std::lround(r.y * s));
  const int x1 = static_cast<int>(std::lround(r.right() * s));
  const int y1 = static_cast<int>(std::lround(r.bottom() * s));
  if (x1 <= x0 || y1 <= y0) return;
  const SDL_Rect px{x0, y0, x1 - x0, y1 - y0};
  SDL_SetRenderDrawBlendMode(impl_->renderer, SDL_BLENDMODE_BLEND);
  SDL_SetRenderDrawColor(impl_->renderer, c.r, c.g, c.b, c.a);
  SDL_RenderFillRect(impl_->renderer, &px);
}

void Canvas::fill_rounded(app::Rect r, float radius, Color c) {
  const float s = impl_->scale;
  add_rounded_rect(impl_->mesh, {r.x * s, r.y * s, r.w * s, r.h * s}, radius * s, to_sdl(c));
  impl_->draw_mesh();
}

void Canvas::stroke_rounded(app::Rect r, float radius, float width, Color c) {
  const float s = impl_->scale;
  add_rounded_rect_stroke(impl_->mesh, {r.x * s, r.y * s, r.w * s, r.h * s}, radius * s, width * s,
                          to_sdl(c));
  impl_->draw_mesh();
}

void Canvas::fill_circle(app::Point center, float radius, Color c) {
  const float s = impl_->scale;
  add_circle(impl_->mesh, {center.x * s, center.y * s}, radius * s, to_sdl(c));
  impl_->draw_mesh();
}

void Canvas::stroke_arc(app::Point center, float radius, float width, float from_turns,
                        float to_turns, Color c) {
  const float s = impl_->scale;
  add_arc(impl_->mesh, {center.x * s, center.y * s}, radius * s, width * s, from_turns, to_turns,
          to_sdl(c));
  impl_->draw_mesh();
}

void Canvas::stroke_line(app::Point a, app::Point b, float width, Color c) {
  const float s = impl_->scale;
  const SDL_FPoint pts[2] = {{a.x * s, a.y * s}, {b.x * s, b.y * s}};
  add_polyline(impl_->mesh, pts, 2, width * s, to_sdl(c));
  impl_->draw_mesh();
}

void Canvas::stroke_polyline(const std::vector<app::Point>& points, float width, Color c) {
  const float s = impl_->scale;
  std::vector<SDL_FPoint> pts;
  pts.reserve(points.size());
  for (const auto& p : points) pts.push_back({p.x * s, p.y * s});
  add_polyline(impl_->mesh, pts.data(), static_cast<int>(pts.size()), width * s, to_sdl(c));
  impl_->draw_mesh();
}

void Canvas::stroke_dashed(app::Point a, app::Point b, float width, float dash, float gap,
                           Color c) {
  const float s = impl_->scale;
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float len = std::hypot(dx, dy);
  if (len <= 0 || dash <= 0) return;
  const float ux = dx / len, uy = dy / len;
  // All dashes in one mesh, one draw call.
  for (float t = 0; t < len; t += dash + std::max(gap, 0.0f)) {
    const float e = std::min(len, t + dash);
    const SDL_FPoint pts[2] = {{(a.x + ux * t) * s, (a.y + uy * t) * s},
                               {(a.x + ux * e) * s, (a.y + uy * e) * s}};
    add_polyline(impl_->mesh, pts, 2, width * s, to_sdl(c));
  }
  impl_->draw_mesh();
}

void Canvas::fill_ellipse(app::Point center, float rx, float ry, Color c) {
  const float s = impl_->scale;
  add_ellipse(impl_->mesh, {center.x * s, center.y * s}, rx * s, ry * s, to_sdl(c));
  impl_->draw_mesh();
}

void Canvas::fill_capsule(app::Point a, app::Point b, float radius, Color c) {
  const float s = impl_->scale;
  add_capsule(impl_->mesh, {a.x * s, a.y * s}, {b.x * s, b.y * s}, radius * s, to_sdl(c));
  impl_->draw_mesh();
}

void Canvas::stroke_ellipse(app::Point center, float rx, float ry, float width, Color c) {
  const float s = impl_->scale;
  add_ellipse_stroke(impl_->mesh, {center.x * s, center.y * s}, rx * s, ry * s, 0, width * s,
                     to_sdl(c));
  impl_->draw_mesh();
}

void Canvas::stroke_capsule(app::Point a, app::Point b, float radius, float width, Color c) {
  const float s = impl_->scale;
  add_capsule_stroke(impl_->mesh, {a.x * s, a.y * s}, {b.x * s, b.y * s}, radius * s, 0, width * s,
                     to_sdl(c));
  impl_->draw_mesh();
}

void Canvas::fill_glow(app::Point center, float radius, Color c) {
  const float s = impl_->scale;
  add_glow(impl_->mesh, {center.x * s, center.y * s}, radius * s, to_sdl(c));
  impl_->draw_mesh();
}

void Canvas::set_clip(app::Rect r) {
  impl_->clip = r;
  const float px = impl_->scale;
  const SDL_Rect clip{static_cast<int>(std::floor(r.x * px)),
                      static_cast<int>(std::floor(r.y * px)), static_cast<int>(std::ceil(r.w * px)),
                      static_cast<int>(std::ceil(r.h * px))};
  SDL_RenderSetClipRect(impl_->renderer, &clip);
}

void Canvas::clear_clip() {
  impl_->clip.reset();
  SDL_RenderSetClipRect(impl_->renderer, nullptr);
}

const std::vector<TextRecord>& Canvas::text_log() const { return impl_->log; }
SDL_Renderer* Canvas::renderer() const { return impl_->renderer; }

}  // namespace unknot::ui
