#include "ui/text_cache.h"

#include <doctest/doctest.h>

#include <memory>

#include "ui/font_locator.h"

namespace {

// A software renderer drawing into a plain surface: no window, no video driver.
struct CacheFixture {
  CacheFixture() {
    TTF_Init();
    surface = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_ARGB8888);
    renderer = SDL_CreateSoftwareRenderer(surface);
    const auto files = unknot::ui::locate_fonts(unknot::ui::default_font_dirs({}));
    font = TTF_OpenFont(files.paths[0].c_str(), 17);
    cache = std::make_unique<unknot::ui::TextCache>(renderer);
  }
  ~CacheFixture() {
    cache.reset();  // textures go before their renderer
    TTF_CloseFont(font);
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
    TTF_Quit();
  }
  CacheFixture(const CacheFixture&) = delete;
  CacheFixture& operator=(const CacheFixture&) = delete;

  SDL_Surface* surface = nullptr;
  SDL_Renderer* renderer = nullptr;
  TTF_Font* font = nullptr;
  std::unique_ptr<unknot::ui::TextCache> cache;
};

}  // namespace

TEST_CASE("the same text in the same font reuses one texture and another font gets its own") {
  CacheFixture f;
  REQUIRE(f.font != nullptr);
  const auto a = f.cache->get("Exhale", 0, f.font);
  const auto b = f.cache->get("Exhale", 0, f.font);
  const auto c = f.cache->get("Exhale", 1, f.font);
  CHECK(a.texture != nullptr);
  CHECK(a.texture == b.texture);
  CHECK(c.texture != a.texture);
  CHECK(a.w > 0);
  CHECK(a.h > 0);
  CHECK(f.cache->size() == 2);
}

TEST_CASE("text unused for more than 120 frames is evicted while text in use stays") {
  CacheFixture f;
  f.cache->get("0:45 left", 0, f.font);
  for (int frame = 0; frame < 121; ++frame) {
    f.cache->next_frame();
    f.cache->get("Pause", 0, f.font);
    f.cache->evict_unused(120);
  }
  CHECK(f.cache->size() == 1);
  f.cache->get("Pause", 0, f.font);
  CHECK(f.cache->size() == 1);
}

TEST_CASE("text used within the last 120 frames is kept") {
  CacheFixture f;
  f.cache->get("Skip", 0, f.font);
  for (int frame = 0; frame < 120; ++frame) f.cache->next_frame();
  f.cache->evict_unused(120);
  CHECK(f.cache->size() == 1);
}

TEST_CASE("text last used at different frames goes each in the frame its time is up") {
  // The sweep is skipped while nothing can be stale: each entry must still go exactly when
  // its own 120 frames are over, not when the oldest one's were.
  CacheFixture f;
  f.cache->get("Inhale", 0, f.font);  // frame 0
  for (int frame = 1; frame <= 300; ++frame) {
    f.cache->next_frame();
    if (frame <= 50) f.cache->get("Exhale", 0, f.font);  // last used at frame 50
    if (frame <= 100) f.cache->get("Hold", 0, f.font);   // last used at frame 100
    f.cache->get("Pause", 0, f.font);
    f.cache->evict_unused(120);
    CAPTURE(frame);
    const std::size_t expected =
        1 + (frame <= 120 ? 1 : 0) + (frame <= 170 ? 1 : 0) + (frame <= 220 ? 1 : 0);
    REQUIRE(f.cache->size() == expected);
  }
}

TEST_CASE("a number is one texture in tabular cells, its other characters at their width") {
  CacheFixture f;
  REQUIRE(f.font != nullptr);
  constexpr int kCell = 12;
  const auto ones = f.cache->get_number("11", 0, f.font, kCell);
  const auto eights = f.cache->get_number("88", 0, f.font, kCell);
  REQUIRE(ones.texture != nullptr);
  CHECK(ones.texture != eights.texture);
  CHECK(ones.w == 2 * kCell);  // a narrow "1" takes a whole cell, as an "8" does
  CHECK(eights.w == 2 * kCell);
  const auto colon = f.cache->get(":", 0, f.font);
  const auto left = f.cache->get(" left", 0, f.font);
  const auto time = f.cache->get_number("0:45 left", 0, f.font, kCell);
  CHECK(time.w == 3 * kCell + colon.w + left.w);
  CHECK(time.h == colon.h);
  // Asked again: the same texture, not a new one; another cell size is another texture.
  CHECK(f.cache->get_number("0:45 left", 0, f.font, kCell).texture == time.texture);
  CHECK(f.cache->get_number("0:45 left", 0, f.font, kCell + 1).texture != time.texture);
}

TEST_CASE("empty text needs no texture and has zero width") {
  CacheFixture f;
  const auto e = f.cache->get("", 0, f.font);
  CHECK(e.texture == nullptr);
  CHECK(e.w == 0);
}
