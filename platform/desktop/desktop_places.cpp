// Where Unknot keeps its files on a desktop OS and the desktop services it uses: the data folder
// (SDL_GetPrefPath), the assets beside the program, the documents folder, xdg-open, the screen
// saver. The browser build has its own (platform/web/web_places.cpp) behind the same paths.h.
#include <SDL.h>
#include <stdlib.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

#include "paths.h"

namespace unknot::platform {
namespace fs = std::filesystem;

fs::path default_data_dir() {
  // The XDG spec says an empty or relative XDG_DATA_HOME is to be ignored; SDL would instead
  // build a path from it ("/unknot/" at the file system root for an empty one).
  if (const char* xdg = std::getenv("XDG_DATA_HOME");
      xdg != nullptr && !fs::path(xdg).is_absolute()) {
    ::unsetenv("XDG_DATA_HOME");
  }
  char* raw = SDL_GetPrefPath("", "unknot");
  if (raw == nullptr)
    throw std::runtime_error(std::string("no user data folder: ") + SDL_GetError());
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
    for (const fs::path& candidate :
         {base / "assets", base / ".." / "share" / "unknot" / "assets"}) {
      if (usable(candidate)) return candidate.lexically_normal();
    }
  }
#ifdef UNKNOT_SOURCE_ASSETS_DIR
  if (usable(UNKNOT_SOURCE_ASSETS_DIR)) return fs::path(UNKNOT_SOURCE_ASSETS_DIR);
#endif
  return {};
}

fs::path find_locale_dir() {
  std::error_code ec;
  const auto usable = [&ec](const fs::path& p) { return fs::is_directory(p, ec); };
  if (const char* env = std::getenv("UNKNOT_LOCALE_DIR"); env != nullptr && *env != '\0')
    return fs::path(env);
  if (char* base_raw = SDL_GetBasePath(); base_raw != nullptr) {
    const fs::path base(base_raw);
    SDL_free(base_raw);
    for (const fs::path& candidate : {base / "locale", base / ".." / "share" / "locale"}) {
      if (usable(candidate / "es" / "LC_MESSAGES")) return candidate.lexically_normal();
    }
  }
#ifdef UNKNOT_BUILD_LOCALE_DIR
  if (usable(UNKNOT_BUILD_LOCALE_DIR)) return fs::path(UNKNOT_BUILD_LOCALE_DIR);
#endif
  return {};
}

fs::path documents_dir() {
  std::error_code ec;
  if (const char* env = std::getenv("UNKNOT_DOCUMENTS_DIR"); env != nullptr && *env != '\0')
    return fs::path(env);
  const char* home_raw = std::getenv("HOME");
  const fs::path home =
      home_raw != nullptr && *home_raw != '\0' ? fs::path(home_raw) : fs::current_path(ec);
  const char* config_raw = std::getenv("XDG_CONFIG_HOME");
  const fs::path config = config_raw != nullptr && fs::path(config_raw).is_absolute()
                              ? fs::path(config_raw)
                              : home / ".config";
  if (std::ifstream in(config / "user-dirs.dirs"); in) {
    std::stringstream text;
    text << in.rdbuf();
    const fs::path dir = parse_user_dirs_documents(text.str(), home);
    if (!dir.empty() && fs::is_directory(dir, ec)) return dir;
  }
  if (fs::is_directory(home / "Documents", ec)) return home / "Documents";
  return home;
}

bool show_in_folder(const fs::path& file) {
  return open_with_desktop(fs::absolute(file).parent_path());
}

bool open_with_desktop(const fs::path& file) {
  // SDL hands the URL to xdg-open without waiting to see whether it started, so look first.
  const char* path = std::getenv("PATH");
  if (!on_path("xdg-open", path != nullptr ? path : "")) return false;
  // Percent-encode everything outside the unreserved set and '/', so spaces and non-ASCII
  // names make a valid URL.
  std::string url = "file://";
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (const char ch : fs::absolute(file).string()) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0 || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      url += static_cast<char>(c);
    } else {
      url += '%';
      url += kHex[c >> 4];
      url += kHex[c & 15];
    }
  }
  return SDL_OpenURL(url.c_str()) == 0;
}

void keep_awake(bool on) {
  if (on) {
    SDL_DisableScreenSaver();
  } else {
    SDL_EnableScreenSaver();
  }
}

bool saves_as_downloads() { return false; }

bool keeps_record_in_browser() { return false; }

bool can_pick_files() { return false; }

void pick_file() {}

bool download(const fs::path&) { return false; }

void data_written() {}  // SQLite's commit is already on disk

void mark_start_step(const char*) {}

void language_changed(std::string_view) {}

}  // namespace unknot::platform
