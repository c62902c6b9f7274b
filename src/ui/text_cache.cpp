#include "ui/text_cache.h"

#include <algorithm>

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

void TextCache::evict_unused(std::uint64_t max_age) {
  // Nothing can have gone stale before the least recently used entry has: until then the
  // sweep (a walk of every entry, each frame) is skipped.
  if (frame_ - oldest_use_ <= max_age) return;
  std::erase_if(entries_, [&](const auto& kv) { return frame_ - kv.second.last_used > max_age; });
  oldest_use_ = frame_;
  for (const auto& [key, slot] : entries_) oldest_use_ = std::min(oldest_use_, slot.last_used);
}

}  // namespace unknot::ui
