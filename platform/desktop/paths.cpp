#include "paths.h"

#include <SDL.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>
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
  // Private: nobody else may look in. Only taken away, never given: a folder the person made
  // read-only stays read-only (Unknot then reads it and says it cannot save).
  const fs::perms others = fs::perms::group_all | fs::perms::others_all;
  if ((fs::status(dir, ec).permissions() & others) != fs::perms::none) {
    fs::permissions(dir, others, fs::perm_options::remove, ec);
    if (ec) throw std::runtime_error("cannot make " + dir.string() + " private: " + ec.message());
  }
}

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

fs::path parse_user_dirs_documents(const std::string& text, const fs::path& home) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    const std::string key = "XDG_DOCUMENTS_DIR=";
    const auto start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line.compare(start, key.size(), key) != 0) continue;
    std::string value = line.substr(start + key.size());
    while (!value.empty() && (value.back() == ' ' || value.back() == '\r')) value.pop_back();
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    if (value.rfind("$HOME", 0) == 0) value = home.string() + value.substr(5);
    const fs::path dir(value);
    return dir.is_absolute() ? dir : fs::path{};
  }
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

bool on_path(std::string_view name, std::string_view path_list) {
  std::size_t start = 0;
  while (start <= path_list.size()) {
    const std::size_t end = std::min(path_list.find(':', start), path_list.size());
    const std::string_view dir = path_list.substr(start, end - start);
    // An empty entry means the current folder, which is never where an opener should come from.
    if (!dir.empty()) {
      const fs::path candidate = fs::path(std::string(dir)) / std::string(name);
      if (::access(candidate.c_str(), X_OK) == 0 && !fs::is_directory(candidate)) return true;
    }
    start = end + 1;
  }
  return false;
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

}  // namespace unknot::platform
