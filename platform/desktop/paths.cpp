#include "paths.h"

#include <SDL.h>

#include <stdlib.h>

#include <cstdlib>
#include <stdexcept>
#include <system_error>

namespace unknot::platform {
namespace fs = std::filesystem;

void ensure_private_dir(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) {
    throw std::runtime_error("cannot create the data folder " + dir.string() + ": " +
                             (ec ? ec.message() : std::string("not a folder")));
  }
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
  if (ec) throw std::runtime_error("cannot make " + dir.string() + " private: " + ec.message());
}

fs::path default_data_dir() {
  // The XDG spec says an empty or relative XDG_DATA_HOME is to be ignored; SDL would instead
  // build a path from it ("/unknot/" at the file system root for an empty one).
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && !fs::path(xdg).is_absolute()) {
    ::unsetenv("XDG_DATA_HOME");
  }
  char* raw = SDL_GetPrefPath("", "unknot");
  if (raw == nullptr) throw std::runtime_error(std::string("no user data folder: ") + SDL_GetError());
  fs::path dir(raw);
  SDL_free(raw);
  ensure_private_dir(dir);
  return dir;
}

fs::path find_assets_dir() {
  std::error_code ec;
  const auto usable = [&ec](const fs::path& p) { return fs::is_directory(p / "routines", ec); };
  if (const char* env = std::getenv("UNKNOT_ASSETS_DIR"); env != nullptr && *env != '\0') {
    return fs::path(env);
  }
  if (char* base_raw = SDL_GetBasePath(); base_raw != nullptr) {
    const fs::path base(base_raw);
    SDL_free(base_raw);
    for (const fs::path& candidate : {base / "assets", base / ".." / "share" / "unknot" / "assets"}) {
      if (usable(candidate)) return candidate.lexically_normal();
    }
  }
#ifdef UNKNOT_SOURCE_ASSETS_DIR
  if (usable(UNKNOT_SOURCE_ASSETS_DIR)) return fs::path(UNKNOT_SOURCE_ASSETS_DIR);
#endif
  return {};
}

void keep_awake(bool on) {
  if (on) {
    SDL_DisableScreenSaver();
  } else {
    SDL_EnableScreenSaver();
  }
}

}  // namespace unknot::platform
