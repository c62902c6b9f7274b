// Text half of ui::Canvas: measuring, fitting (ellipsis, wrapping, fixed-width digits) and
// drawing cached lines at whole-pixel positions, recording each in the text log.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "ui/canvas.h"
#include "ui/canvas_impl.h"

namespace unknot::ui {
namespace {

// Box edges in whole pixels, rounded inwards so drawn text never leaks past the box. The small
// slack absorbs float error (e.g. 24.0000019 dp x 1.0).
struct PixelSpan {
  int left, right;
  int width() const { return right - left; }
};

PixelSpan span_of(app::Rect box, float scale) {
  constexpr float kSlack = 1e-3f;
  const int left = static_cast<int>(std::ceil(box.x * scale - kSlack));
  const int right = static_cast<int>(std::floor(box.right() * scale + kSlack));
  return {left, std::max(left, right)};
}

int aligned_x(PixelSpan span, int w, Align align) {
  switch (align) {
    case Align::Left:
      return span.left;
    case Align::Center:
      return span.left + (span.width() - w) / 2;
    case Align::Right:
      return span.right - w;
  }
  return span.left;
}

// Top pixel row of a line whose ink box (font height) is centred on `center_y_dp`.
int centred_top_px(float center_y_dp, float scale, int font_h_px) {
  return static_cast<int>(std::lround(center_y_dp * scale - static_cast<float>(font_h_px) / 2));
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A number laid out as runs: each digit alone in a fixed-width cell, other text in one piece.
struct Run {
  std::string_view text;
  bool digit;
};

std::vector<Run> runs_of(std::string_view text) {
  std::vector<Run> runs;
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_digit(text[i])) {
      runs.push_back({text.substr(i, 1), true});
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && !is_digit(text[j])) ++j;
    runs.push_back({text.substr(i, j - i), false});
    i = j;
  }
  return runs;
}

}  // namespace

void Canvas::Impl::blit(const TextCache::Entry& e, int x_px, int y_px, Color c) {
  if (e.texture == nullptr) return;
  SDL_SetTextureColorMod(e.texture, c.r, c.g, c.b);
  SDL_SetTextureAlphaMod(e.texture, c.a);
  const SDL_Rect dst{x_px, y_px, e.w, e.h};
  SDL_RenderCopy(renderer, e.texture, nullptr, &dst);
}

void Canvas::Impl::record(std::string text, int x_px, int y_px, int w_px, Font f, bool truncated,
                          int h_px) {
  // Nothing was asked for, so nothing can clip or overlap; a zero-width box would still count as
  // intersecting its neighbours in layout tests. Text cut down to nothing is kept: that's a bug.
  if (text.empty() && !truncated) return;
  const float px = 1.0f / scale;
  const app::Rect box{static_cast<float>(x_px) * px, static_cast<float>(y_px) * px,
                      static_cast<float>(w_px) * px,
                      static_cast<float>(h_px > 0 ? h_px : font_height_px(f)) * px};
  bool clipped = false;
  if (clip) {
    if (!box.intersects(*clip)) return;
    clipped = box.x < clip->x || box.y < clip->y || box.right() > clip->right() ||
              box.bottom() > clip->bottom();
  }
  log.push_back({std::move(text), box, truncated, clipped, {}});
}

bool Canvas::Impl::draw_at_base_size(std::string_view text, app::Rect box, Font f, Color c,
                                     Align align) {
  TTF_Font* base = base_font(f);
  if (base == font(f)) return false;
  const PixelSpan span = span_of(box, scale);
  const std::string zstr(text);
  int w = 0, h = 0;
  TTF_SizeUTF8(base, zstr.c_str(), &w, &h);
  if (w > span.width()) return false;
  const int y = centred_top_px(box.y + box.h / 2, scale, TTF_FontHeight(base));
  const TextCache::Entry e = cache.get(text, static_cast<int>(kFontCount + index_of(f)), base);
  const int x = aligned_x(span, e.w, align);
  blit(e, x, y, c);
  record(std::string(text), x, y, e.w, f, false, TTF_FontHeight(base));
  return true;
}

float Canvas::line_height(Font font) const {
  // Whole dp, so stacked lines stay on the pixel grid at integer scales.
  return std::round(line_height_dp(font) * app::font_scale(font, impl_->text_scale));
}

float Canvas::text_width(std::string_view text, Font font) const {
  return impl_->measure_px(text, font) / impl_->scale;
}

float Canvas::text(std::string_view text, app::Point top_left, Font font, Color c) {
  Impl& m = *impl_;
  const float s = m.scale;
  const int x = static_cast<int>(std::lround(top_left.x * s));
  const int y = centred_top_px(top_left.y + line_height(font) / 2, s, m.font_height_px(font));
  const TextCache::Entry e = m.line(text, font);
  m.blit(e, x, y, c);
  m.record(std::string(text), x, y, e.w, font, false);
  return static_cast<float>(e.w) / s;
}

void Canvas::text_in(std::string_view text, app::Rect box, Font font, Color c, Align align) {
  Impl& m = *impl_;
  const PixelSpan span = span_of(box, m.scale);
  const FittedLine line = fit_line(text, static_cast<float>(span.width()), m.measurer(font));
  if (line.truncated && m.draw_at_base_size(text, box, font, c, align)) return;
  const int y = centred_top_px(box.y + box.h / 2, m.scale, m.font_height_px(font));
  const TextCache::Entry e = m.line(line.text, font);
  const int x = aligned_x(span, e.w, align);
  m.blit(e, x, y, c);
  m.record(line.text, x, y, e.w, font, line.truncated);
  if (line.truncated && !m.log.empty()) m.log.back().asked = text;
}

float Canvas::text_wrapped(std::string_view text, app::Rect box, Font font, Color c, Align align,
                           int max_lines) {
  Impl& m = *impl_;
  const PixelSpan span = span_of(box, m.scale);
  const WrappedText wrapped =
      wrap_text(text, static_cast<float>(span.width()), max_lines, m.measurer(font));
  const float line_h = line_height(font);
  for (std::size_t i = 0; i < wrapped.lines.size(); ++i) {
    const std::string& line = wrapped.lines[i];
    const float top = box.y + static_cast<float>(i) * line_h;
    const int y = centred_top_px(top + line_h / 2, m.scale, m.font_height_px(font));
    const TextCache::Entry e = m.line(line, font);
    const int x = aligned_x(span, e.w, align);
    m.blit(e, x, y, c);
    const bool last = i + 1 == wrapped.lines.size();
    m.record(line, x, y, e.w, font, last && wrapped.truncated);
  }
  return static_cast<float>(wrapped.lines.size()) * line_h;
}

std::vector<std::string> Canvas::lines(std::string_view text, Font font, float width) const {
  if (text.empty()) return {};
  const PixelSpan span = span_of({0, 0, width, 0}, impl_->scale);
  std::string key;
  key.reserve(text.size() + 16);
  key += std::to_string(index_of(font));
  key += ':';
  key += std::to_string(span.width());
  key += ':';
  key += text;
  auto& cache = impl_->wrap_cache;
  if (const auto it = cache.find(key); it != cache.end()) return it->second;
  if (cache.size() > 4096) cache.clear();  // a bound, not an LRU: layouts re-ask the same texts
  auto wrapped = wrap_text(text, static_cast<float>(span.width()), 0, impl_->measurer(font)).lines;
  cache.emplace(std::move(key), wrapped);
  return wrapped;
}

void Canvas::text_block(const app::TextBlock& block, Color c, Align align) {
  Impl& m = *impl_;
  const PixelSpan span = span_of(block.box, m.scale);
  const float line_h = line_height(block.font);
  for (std::size_t i = 0; i < block.lines.size(); ++i) {
    const float top = block.box.y + static_cast<float>(i) * line_h;
    if (m.clip && (top > m.clip->bottom() || top + line_h < m.clip->y)) continue;
    const std::string& line = block.lines[i];
    const int y = centred_top_px(top + line_h / 2, m.scale, m.font_height_px(block.font));
    const TextCache::Entry e = m.line(line, block.font);
    const int x = aligned_x(span, e.w, align);
    m.blit(e, x, y, c);
    m.record(line, x, y, e.w, block.font, false);
  }
}

int Canvas::wrapped_line_count(std::string_view text, float width, Font font) const {
  const PixelSpan span = span_of({0, 0, width, 0}, impl_->scale);
  const auto lines = wrap_text(text, static_cast<float>(span.width()), 0, impl_->measurer(font));
  return static_cast<int>(lines.lines.size());
}

void Canvas::number_in(std::string_view text, app::Rect box, Font font, Color c, Align align) {
  Impl& m = *impl_;
  const int cell = m.digit_advance_px(font);
  const auto width_of = [&](std::string_view s) {
    float w = 0;
    for (const Run& run : runs_of(s)) {
      w += run.digit ? static_cast<float>(cell) : m.measure_px(run.text, font);
    }
    return w;
  };
  const PixelSpan span = span_of(box, m.scale);
  // Same ellipsis rule as text_in, but measured with fixed digit cells.
  const FittedLine line = fit_line(text, static_cast<float>(span.width()), width_of);
  // A number too wide for its box at a larger text size keeps its 100 % size, never cut.
  if (line.truncated && m.draw_at_base_size(text, box, font, c, align)) return;
  const int total = static_cast<int>(width_of(line.text));
  const int x0 = aligned_x(span, total, align);
  const int y = centred_top_px(box.y + box.h / 2, m.scale, m.font_height_px(font));
  // Each glyph centred in its cell, as tabular figures sit: narrow digits like "1" mid-cell.
  m.blit(m.cache.get_number(line.text, static_cast<int>(index_of(font)), m.font(font), cell), x0, y,
         c);
  m.record(line.text, x0, y, total, font, line.truncated);
  if (line.truncated && !m.log.empty()) m.log.back().asked = text;
}

}  // namespace unknot::ui
