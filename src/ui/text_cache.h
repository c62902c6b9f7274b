// Rendered text lines kept as white textures (tinted when drawn), keyed by (text, font slot), and
// evicted after going unused for a number of frames. Talks to SDL and SDL_ttf only.
#pragma once

#include <SDL.h>
#include <SDL_ttf.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace unknot::ui {

class TextCache {
 public:
  struct Entry {
    SDL_Texture* texture = nullptr;  // owned by the cache; null for empty text
    int w = 0, h = 0;                // pixels
  };

  explicit TextCache(SDL_Renderer* renderer) : renderer_(renderer) {}

  // The texture for `text` in `font` (slot identifies the font in the key), rendering it on a
  // miss. Marks it used this frame. A failed render yields a null texture with the measured
  // size, and is logged once per key.
  Entry get(std::string_view text, int slot, TTF_Font* font);

  // A number set in tabular figures as one texture: each digit centred in a `cell` pixels wide
  // cell, other characters (":", " left") at their own width, as number_in would place them
  // one by one. One copy a frame instead of one per character (a session's "0:45 left").
  Entry get_number(std::string_view text, int slot, TTF_Font* font, int cell);

  void next_frame() { ++frame_; }
  // Drops textures not used during the last `max_age` frames.
  void evict_unused(std::uint64_t max_age);
  void clear() {
    entries_.clear();
    oldest_use_ = frame_;
  }
  std::size_t size() const { return entries_.size(); }

 private:
  struct TextureDeleter {
    void operator()(SDL_Texture* t) const { SDL_DestroyTexture(t); }
  };
  struct Slot {
    std::unique_ptr<SDL_Texture, TextureDeleter> texture;
    int w = 0, h = 0;
    std::uint64_t last_used = 0;
  };

  Slot render_number(std::string_view text, TTF_Font* font, int cell) const;

  SDL_Renderer* renderer_;
  std::unordered_map<std::string, Slot> entries_;
  std::string key_;  // reused so a hit allocates nothing for short keys
  std::uint64_t frame_ = 0;
  // No entry was last used before this frame (entries are only ever used later, or added now).
  std::uint64_t oldest_use_ = 0;
};

}  // namespace unknot::ui
