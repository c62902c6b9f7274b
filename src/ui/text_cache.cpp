#include "ui/text_cache.h"

#include <algorithm>
#include <string>
#include <vector>

namespace unknot::ui {
namespace {

struct SurfaceDeleter {
  void operator()(SDL_Surface* s) const { SDL_FreeSurface(s); }
};

}  // namespace

TextCache::Entry TextCache::get(std::string_view text, int slot, TTF_Font* font) {
  key_.assign(1, static_cast<char>('A' + slot));
  key_.append(text);
  if (auto it = entries_.find(key_); it != entries_.end()) {
    it->second.last_used = frame_;
    return {it->second.texture.get(), it->second.w, it->second.h};
  }

  Slot made;
  made.last_used = frame_;
  const std::string zstr(text);  // SDL_ttf wants a terminated string
  if (!text.empty() && font != nullptr) {
    // Rendered in white so one texture serves every colour via colour/alpha modulation.
    std::unique_ptr<SDL_Surface, SurfaceDeleter> surface(
        TTF_RenderUTF8_Blended(font, zstr.c_str(), SDL_Color{255, 255, 255, 255}));
    if (surface) {
      made.w = surface->w;
      made.h = surface->h;
      made.texture.reset(SDL_CreateTextureFromSurface(renderer_, surface.get()));
      if (made.texture) SDL_SetTextureBlendMode(made.texture.get(), SDL_BLENDMODE_BLEND);
    }
    if (!made.texture) {
      SDL_LogWarn(SDL_LOG_CATEGORY_RENDER, "text render failed for \"%s\": %s", zstr.c_str(),
                  SDL_GetError());
      TTF_SizeUTF8(font, zstr.c_str(), &made.w, &made.h);
    }
  }
  auto [it, inserted] = entries_.emplace(key_, std::move(made));
  (void)inserted;
  return {it->second.texture.get(), it->second.w, it->second.h};
}

TextCache::Entry TextCache::get_number(std::string_view text, int slot, TTF_Font* font, int cell) {
  // Lower-case slot letters and the cell keep these apart from plain lines.
  key_.assign(1, static_cast<char>('a' + slot));
  key_.append(std::to_string(cell)).push_back('|');
  key_.append(text);
  if (auto it = entries_.find(key_); it != entries_.end()) {
    it->second.last_used = frame_;
    return {it->second.texture.get(), it->second.w, it->second.h};
  }
  Slot made = render_number(text, font, cell);
  made.last_used = frame_;
  auto [it, inserted] = entries_.emplace(key_, std::move(made));
  (void)inserted;
  return {it->second.texture.get(), it->second.w, it->second.h};
}

TextCache::Slot TextCache::render_number(std::string_view text, TTF_Font* font, int cell) const {
  Slot made;
  if (text.empty() || font == nullptr) return made;
  // Each piece rendered white, then laid side by side; where two overlap (a glyph wider than
  // its cell) the stronger coverage wins, so neither edge is cut.
  struct Piece {
    std::unique_ptr<SDL_Surface, SurfaceDeleter> surface;
    int x = 0;
  };
  std::vector<Piece> pieces;
  int x = 0, height = 0;
  for (std::size_t i = 0; i < text.size();) {
    const bool digit = text[i] >= '0' && text[i] <= '9';
    std::size_t j = i + 1;
    while (!digit && j < text.size() && !(text[j] >= '0' && text[j] <= '9')) ++j;
    const std::string piece(text.substr(i, j - i));
    std::unique_ptr<SDL_Surface, SurfaceDeleter> rendered(
        TTF_RenderUTF8_Blended(font, piece.c_str(), SDL_Color{255, 255, 255, 255}));
    if (!rendered) return made;
    std::unique_ptr<SDL_Surface, SurfaceDeleter> argb(
        SDL_ConvertSurfaceFormat(rendered.get(), SDL_PIXELFORMAT_ARGB8888, 0));
    if (!argb) return made;
    const int w = argb->w;
    height = std::max(height, argb->h);
    pieces.push_back({std::move(argb), digit ? x + (cell - w) / 2 : x});
    x += digit ? cell : w;
    i = j;
  }
  const int width = x;
  std::unique_ptr<SDL_Surface, SurfaceDeleter> whole(
      SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888));
  if (!whole) return made;
  SDL_FillRect(whole.get(), nullptr, 0x00FFFFFFu);  // white, fully transparent
  for (const Piece& piece : pieces) {
    const SDL_Surface& from = *piece.surface;
    for (int row = 0; row < std::min(from.h, height); ++row) {
      const auto* src = reinterpret_cast<const Uint32*>(
          static_cast<const Uint8*>(from.pixels) + static_cast<std::ptrdiff_t>(row) * from.pitch);
      auto* dst = reinterpret_cast<Uint32*>(static_cast<Uint8*>(whole->pixels) +
                                            static_cast<std::ptrdiff_t>(row) * whole->pitch);
      for (int col = 0; col < from.w; ++col) {
        const int to = piece.x + col;
        if (to < 0 || to >= width) continue;
        const Uint32 alpha = std::max(src[col] >> 24, dst[to] >> 24);
        dst[to] = (alpha << 24) | 0x00FFFFFFu;
      }
    }
  }
  made.w = width;
  made.h = height;
  made.texture.reset(SDL_CreateTextureFromSurface(renderer_, whole.get()));
  if (made.texture) SDL_SetTextureBlendMode(made.texture.get(), SDL_BLENDMODE_BLEND);
  return made;
}

void TextCache::evict_unused(std::uint64_t max_age) {
  // Nothing can have gone stale before the least recently used entry has: until then the
  // sweep (a walk of every entry, each frame) is skipped.
  if (frame_ - oldest_use_ <= max_age) return;
  std::erase_if(entries_, [&](const auto& kv) { return frame_ - kv.second.last_used > max_age; });
  oldest_use_ = frame_;
  for (const auto& [key, slot] : entries_) oldest_use_ = std::min(oldest_use_, slot.last_used);
}

}  // namespace unknot::ui
