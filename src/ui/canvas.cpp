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

}  // namespace

Canvas::Impl::Impl(SDL_Renderer* r, FontSet opened)
    : renderer(r),
      fonts(std::move(opened)),
      scale(fonts.scale()),
      text_scale(fonts.text_scale()),
      cache(r) {
  SDL_RendererInfo info{};
  rings_as_meshes =
      SDL_GetRendererInfo(r, &info) == 0 && (info.flags & SDL_RENDERER_ACCELERATED) != 0;
}

void Canvas::Impl::open_fonts() {
  cache.clear();        // textures were rasterised at the old size
  width_cache.clear();  // widths were measured at the old size
  wrap_cache.clear();
  fonts = FontSet::open(scale, text_scale);
}

constexpr std::size_t kMaxCachedWidthBytes = 1024;

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
  int w = 0, h = 0;
  TTF_SizeUTF8(font(f), key.c_str() + 2, &w, &h);
  // Only texts a line could hold are kept: a cache of 16384 long texts would be gigabytes.
  if (text.size() > kMaxCachedWidthBytes) return static_cast<float>(w);
  if (width_cache.size() > 16384) width_cache.clear();  // a bound, not an LRU
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

Canvas::Canvas(SDL_Renderer* renderer) : Canvas(renderer, FontSet::open(1.0f, 1.0f)) {}
Canvas::Canvas(SDL_Renderer* renderer, FontSet fonts)
    : impl_(std::make_unique<Impl>(renderer, std::move(fonts))) {}
Canvas::~Canvas() = default;

void Canvas::set_scale(float px_per_dp) {
  if (!(px_per_dp > 0) || px_per_dp == impl_->scale) return;
  impl_->scale = px_per_dp;
  impl_->open_fonts();
}

float Canvas::scale() const { return impl_->scale; }

void Canvas::set_text_scale(float text_scale) {
  if (!(text_scale > 0) || text_scale == impl_->text_scale) return;
  impl_->text_scale = text_scale;
  impl_->open_fonts();
}

float Canvas::text_scale() const { return impl_->text_scale; }

void Canvas::begin_frame(Color background) {
  begin_covered_frame();
  SDL_SetRenderDrawColor(impl_->renderer, background.r, background.g, background.b, 255);
  SDL_RenderClear(impl_->renderer);
}

void Canvas::begin_covered_frame() {
  impl_->log.clear();
  clear_clip();
  impl_->cache.next_frame();
  SDL_SetRenderDrawBlendMode(impl_->renderer, SDL_BLENDMODE_BLEND);
}

void Canvas::end_frame() {
  SDL_RenderPresent(impl_->renderer);
  impl_->cache.evict_unused(kEvictAfterFrames);
}

void Canvas::begin_partial_frame() { begin_covered_frame(); }

void Canvas::end_partial_frame(const std::vector<SDL_Rect>& shown) {
  // The software renderer batches its commands: run them into the window's surface, then copy
  // only the changed rects to the screen.
  SDL_RenderFlush(impl_->renderer);
  if (SDL_Window* window = SDL_RenderGetWindow(impl_->renderer)) {
    SDL_UpdateWindowSurfaceRects(window, shown.data(), static_cast<int>(shown.size()));
  }
  impl_->cache.evict_unused(kEvictAfterFrames);
}

bool Canvas::can_present_part() const {
  SDL_RendererInfo info{};
  if (SDL_GetRendererInfo(impl_->renderer, &info) != 0 || info.name == nullptr) return false;
  return std::string_view(info.name) == "software" && SDL_RenderGetWindow(impl_->renderer) &&
         SDL_GetRenderTarget(impl_->renderer) == nullptr;
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

void Canvas::fill_rings(app::Point center, const std::vector<Ring>& rings, Color ground) {
  Impl& m = *impl_;
  const float s = m.scale;
  float reach = 0;
  for (const Ring& r : rings) reach = std::max(reach, r.outer * s);
  if (reach <= 0) return;
  if (m.rings_as_meshes) {
    // The same layers composited the same way (each over what is under it), by the GPU: the
    // ground disc, then each ring as a closed arc (or a disc when it has no hole).
    const SDL_FPoint c{center.x * s, center.y * s};
    add_circle(m.mesh, c, reach + 1.5f, to_sdl(ground));
    for (const Ring& r : rings) {
      if (r.outer <= r.inner) continue;
      if (r.inner <= 0) {
        add_circle(m.mesh, c, r.outer * s, to_sdl(r.color));
      } else {
        add_arc(m.mesh, c, (r.inner + r.outer) * s / 2, (r.outer - r.inner) * s, 0, 1,
                to_sdl(r.color));
      }
    }
    m.draw_mesh();
    return;
  }
  // The ground disc ends a pixel past the outermost ring's anti-aliased edge, where every ring
  // has faded to nothing: the page's background shows on either side of that edge alike.
  const float bound = reach + 1.5f;
  const float cx = center.x * s, cy = center.y * s;
  const int x0 = static_cast<int>(std::floor(cx - bound - 1));
  const int y0 = static_cast<int>(std::floor(cy - bound - 1));
  const int n = static_cast<int>(std::ceil(cx + bound + 1)) - x0;
  const float ox = cx - static_cast<float>(x0), oy = cy - static_cast<float>(y0);
  // What the texture would hold: redrawn only when it differs (the disc grew, the phase's
  // colour changed); a paused or held pacer is one copy a frame.
  std::vector<float> key{ox, oy, static_cast<float>(n)};
  const auto add_color = [&key](Color c) {  // each channel on its own: exact in a float
    key.insert(key.end(), {static_cast<float>(c.r), static_cast<float>(c.g),
                           static_cast<float>(c.b), static_cast<float>(c.a)});
  };
  add_color(ground);
  for (const Ring& r : rings) {
    key.insert(key.end(), {r.inner * s, r.outer * s});
    add_color(r.color);
  }
  if (!m.rings || m.rings_size < n) {
    const int size = n + 16;  // room to grow a little without a new texture
    m.rings.reset(SDL_CreateTexture(m.renderer, SDL_PIXELFORMAT_ARGB8888,
                                    SDL_TEXTUREACCESS_STREAMING, size, size));
    if (!m.rings) return;
    SDL_SetTextureBlendMode(m.rings.get(), SDL_BLENDMODE_BLEND);
    m.rings_size = size;
    m.rings_drawn.clear();
  }
  if (key != m.rings_drawn) {
    void* pixels = nullptr;
    int pitch = 0;
    const SDL_Rect area{0, 0, n, n};
    if (SDL_LockTexture(m.rings.get(), &area, &pixels, &pitch) != 0) return;
    // The pixel at every sixteenth of a pixel's distance from the centre: each pixel is then a
    // square root and a lookup, not a blend of every ring.
    constexpr float kSteps = 16;
    const auto steps = static_cast<std::size_t>(std::ceil(bound * kSteps)) + 2;
    m.rings_profile.resize(steps);
    for (std::size_t k = 0; k < steps; ++k) {
      const float d = static_cast<float>(k) / kSteps;
      float r = ground.r, g = ground.g, b = ground.b;
      for (const Ring& ring : rings) {
        // The part of the pixel between the ring's edges (a 1-pixel ramp across each edge).
        const float outer = std::clamp(ring.outer * s - d + 0.5f, 0.0f, 1.0f);
        const float inner =
            ring.inner > 0 ? std::clamp(d - ring.inner * s + 0.5f, 0.0f, 1.0f) : 1.0f;
        const float a = outer * inner * static_cast<float>(ring.color.a) / 255.0f;
        r += (static_cast<float>(ring.color.r) - r) * a;
        g += (static_cast<float>(ring.color.g) - g) * a;
        b += (static_cast<float>(ring.color.b) - b) * a;
      }
      const auto byte = [](float v) { return static_cast<std::uint32_t>(v + 0.5f); };
      m.rings_profile[k] = 0xFF000000u | (byte(r) << 16) | (byte(g) << 8) | byte(b);
    }
    // Inside the innermost edge the pixel is the same everywhere (the disc's fill), and past
    // the ground's edge it is clear: each row fills those spans and looks up only the bands
    // across the edges.
    std::size_t solid = 1;
    while (solid < steps && m.rings_profile[solid] == m.rings_profile[0]) ++solid;
    const float inside = static_cast<float>(solid - 1) / kSteps;
    const float last = bound * bound;
    const auto clamp_i = [n](float x) { return std::clamp(static_cast<int>(x), 0, n); };
    for (int j = 0; j < n; ++j) {
      auto* row = reinterpret_cast<std::uint32_t*>(static_cast<std::uint8_t*>(pixels) + j * pitch);
      const float dy = static_cast<float>(j) + 0.5f - oy;
      // Pixel i's centre is at dx = i + 0.5 - ox; the ground covers it when dx² + dy² <= last.
      const float out_w = std::sqrt(std::max(0.0f, last - dy * dy));
      const float in_w = std::sqrt(std::max(0.0f, inside * inside - dy * dy)) - 1;
      const int a = dy * dy > last ? 0 : clamp_i(std::ceil(ox - out_w - 0.5f));
      const int d = dy * dy > last ? 0 : std::max(a, clamp_i(std::floor(ox + out_w - 0.5f) + 1));
      int b = a, e = a;  // the solid span [b, e), empty when the row misses it
      if (in_w > 0) {
        b = std::clamp(clamp_i(std::ceil(ox - in_w)), a, d);
        e = std::clamp(clamp_i(std::floor(ox + in_w)), b, d);
      }
      const auto band = [&](int from, int to) {
        for (int i = from; i < to; ++i) {
          const float dx = static_cast<float>(i) + 0.5f - ox;
          const float q = dx * dx + dy * dy;
          row[i] = q > last
                       ? 0u
                       : m.rings_profile[static_cast<std::size_t>(std::sqrt(q) * kSteps + 0.5f)];
        }
      };
      std::fill(row, row + a, 0u);
      band(a, b);
      std::fill(row + b, row + e, m.rings_profile[0]);
      band(e, d);
      std::fill(row + d, row + n, 0u);
    }
    SDL_UnlockTexture(m.rings.get());
    m.rings_drawn = std::move(key);
  }
  const SDL_Rect from{0, 0, n, n};
  const SDL_Rect to{x0, y0, n, n};
  SDL_RenderCopy(m.renderer, m.rings.get(), &from, &to);
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
