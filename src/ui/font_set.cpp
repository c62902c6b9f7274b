#include "ui/font_set.h"

#include <SDL.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "ui/font_set_impl.h"

namespace unknot::ui {
namespace {

std::filesystem::path bundled_font_dir() {
  char* base = SDL_GetBasePath();
  if (base == nullptr) return {};
  std::filesystem::path dir = std::filesystem::path(base) / "fonts";
  SDL_free(base);
  return dir;
}

FontFace face_for(app::Font font) {
  if (font == app::Font::Display) return FontFace::DisplayStrong;
  if (font == app::Font::Timer) return FontFace::Display;
  return app::is_strong(font) ? FontFace::TextStrong : FontFace::Text;
}

}  // namespace

TtfLibrary::TtfLibrary() {
  if (TTF_Init() != 0) throw std::runtime_error(std::string("TTF_Init failed: ") + TTF_GetError());
}
TtfLibrary::~TtfLibrary() { TTF_Quit(); }

FontSet FontSet::open(float px_per_dp, float text_scale) {
  auto impl = std::make_unique<Impl>();
  impl->files = locate_fonts(default_font_dirs(bundled_font_dir()));
  impl->scale = px_per_dp;
  impl->text_scale = text_scale;
  const auto open = [&](app::Font f, float size) {
    const auto& path = impl->files.paths[index_of(face_for(f))];
    const float size_px = app::font_size_dp(f) * app::font_scale(f, size) * px_per_dp;
    const int px = std::max(1, static_cast<int>(std::lround(size_px)));
    std::unique_ptr<TTF_Font, FontDeleter> font(TTF_OpenFont(path.c_str(), px));
    if (!font) {
      throw std::runtime_error("Cannot open font " + path.string() + ": " + TTF_GetError());
    }
    // Light hinting keeps Inter's shapes (full hinting distorts them) while snapping vertically.
    TTF_SetFontHinting(font.get(), TTF_HINTING_LIGHT);
    return font;
  };
  for (std::size_t i = 0; i < app::kFontCount; ++i) {
    const auto f = static_cast<app::Font>(i);
    impl->fonts[i] = open(f, text_scale);
    if (app::font_scale(f, text_scale) != 1.0f) impl->base_fonts[i] = open(f, 1.0f);
    int widest = 0;
    for (char d = '0'; d <= '9'; ++d) {
      const char digit[2] = {d, '\0'};
      int w = 0, h = 0;
      TTF_SizeUTF8(impl->fonts[i].get(), digit, &w, &h);
      widest = std::max(widest, w);
    }
    impl->digit_advance_px[i] = widest;
  }
  return FontSet(std::move(impl));
}

FontSet::FontSet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FontSet::~FontSet() = default;
FontSet::FontSet(FontSet&&) noexcept = default;
FontSet& FontSet::operator=(FontSet&&) noexcept = default;

float FontSet::scale() const { return impl_->scale; }
float FontSet::text_scale() const { return impl_->text_scale; }

}  // namespace unknot::ui
