#include "window_icon.h"

#include <stb/stb_image.h>

#include <cstdio>
#include <memory>
#include <string>
#include <system_error>

namespace unknot::platform {
namespace fs = std::filesystem;

namespace {

fs::path icon_in(const fs::path& hicolor, int size_px) {
  const std::string size = std::to_string(size_px);
  return hicolor / (size + "x" + size) / "apps" / (std::string(kAppId) + ".png");
}

}  // namespace

fs::path find_app_icon(int size_px, const fs::path& program_dir) {
  std::error_code ec;
  const fs::path file = icon_in(program_dir / ".." / "share" / "icons" / "hicolor", size_px);
  return fs::is_regular_file(file, ec) ? file.lexically_normal() : fs::path();
}

SurfacePtr load_png(const fs::path& file) {
  struct CloseFile {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  const std::unique_ptr<std::FILE, CloseFile> in(std::fopen(file.c_str(), "rb"));
  if (!in) {
    SDL_SetError("cannot open %s", file.c_str());
    return nullptr;
  }
  int width = 0;
  int height = 0;
  int channels = 0;
  struct FreePixels {
    void operator()(stbi_uc* p) const { stbi_image_free(p); }
  };
  const std::unique_ptr<stbi_uc, FreePixels> pixels(
      stbi_load_from_file(in.get(), &width, &height, &channels, 4));
  if (!pixels) {
    SDL_SetError("cannot read %s as an image: %s", file.c_str(), stbi_failure_reason());
    return nullptr;
  }
  // A surface of its own, so the decoder's buffer can go at once.
  SurfacePtr surface(SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGBA32));
  if (!surface) return nullptr;
  const std::size_t row_bytes = static_cast<std::size_t>(width) * 4;
  for (int y = 0; y < height; ++y) {
    SDL_memcpy(
        static_cast<Uint8*>(surface->pixels) + static_cast<std::ptrdiff_t>(y) * surface->pitch,
        pixels.get() + static_cast<std::size_t>(y) * row_bytes, row_bytes);
  }
  return surface;
}

bool set_window_icon(SDL_Window* window) {
  // 64 px: what window managers and task bars show, scaled down sharply for smaller places.
  char* base_raw = SDL_GetBasePath();
  if (base_raw == nullptr) return false;
  const fs::path program_dir(base_raw);
  SDL_free(base_raw);
  const fs::path file = find_app_icon(64, program_dir);
  if (file.empty()) return false;
  const SurfacePtr icon = load_png(file);
  if (!icon) return false;
  SDL_SetWindowIcon(window, icon.get());
  return true;
}

}  // namespace unknot::platform
