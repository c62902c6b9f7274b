// What a FontSet holds, for canvas*.cpp and font_set.cpp only.
#pragma once

#include <SDL_ttf.h>

#include <array>
#include <memory>

#include "app/type_scale.h"
#include "ui/font_locator.h"
#include "ui/font_set.h"

namespace unknot::ui {

// Keeps SDL_ttf initialised while fonts are open (TTF_Init is reference counted).
struct TtfLibrary {
  TtfLibrary();
  ~TtfLibrary();
  TtfLibrary(const TtfLibrary&) = delete;
  TtfLibrary& operator=(const TtfLibrary&) = delete;
};

struct FontDeleter {
  void operator()(TTF_Font* f) const { TTF_CloseFont(f); }
};

inline std::size_t index_of(app::Font font) { return static_cast<std::size_t>(font); }

struct FontSet::Impl {
  TtfLibrary ttf;  // first: outlives the fonts below
  FontFiles files;
  float scale = 1.0f;
  float text_scale = 1.0f;
  std::array<std::unique_ptr<TTF_Font, FontDeleter>, app::kFontCount> fonts;
  std::array<std::unique_ptr<TTF_Font, FontDeleter>, app::kFontCount> base_fonts;  // none at 100 %
  std::array<int, app::kFontCount> digit_advance_px{};  // widest of "0".."9" per font

  TTF_Font* font(app::Font f) const { return fonts[index_of(f)].get(); }
  // The font at 100 % text size; the same as font() at 100 %.
  TTF_Font* base_font(app::Font f) const {
    return base_fonts[index_of(f)] ? base_fonts[index_of(f)].get() : font(f);
  }
};

}  // namespace unknot::ui
