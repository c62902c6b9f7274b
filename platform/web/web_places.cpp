// Where Unknot keeps its files in the browser, and the browser services behind paths.h: the
// data folder is an IndexedDB-backed file system (mounted and loaded by unknot-pre.js before
// main), the assets are the preloaded package, saved files become downloads, and the screen is
// kept awake with a Wake Lock. Each service is a call into Module.unknotWeb (unknot-pre.js).
#include <emscripten.h>

#include <filesystem>
#include <string>

#include "desktop/paths.h"

namespace unknot::platform {
namespace fs = std::filesystem;
namespace {

// clang-format off
EM_JS(int, js_download, (const char* path), {
  return Module.unknotWeb.download(UTF8ToString(path)) ? 1 : 0;
});
EM_JS(void, js_keep_awake, (int on), { Module.unknotWeb.keepAwake(on !== 0); });
EM_JS(void, js_data_written, (), { Module.unknotWeb.dataWritten(); });
EM_JS(void, js_pick_file, (), { Module.unknotWeb.pickFile(); });
EM_JS(void, js_language, (const char* code), { Module.unknotWeb.language(UTF8ToString(code)); });
EM_JS(void, js_mark, (const char* name), { performance.mark('unknot-' + UTF8ToString(name)); });
// clang-format on

// unknot-pre.js mounts IndexedDB here; files under it outlive the tab.
constexpr const char* kDataRoot = "/data";
// The files a person saves wait here for the browser to download them; not kept.
constexpr const char* kDownloads = "/downloads";

}  // namespace

fs::path default_data_dir() {
  const fs::path dir = fs::path(kDataRoot) / "unknot";
  ensure_private_dir(dir);
  return dir;
}

fs::path find_assets_dir() {
  std::error_code ec;
  return fs::is_directory("/assets/routines", ec) ? fs::path("/assets") : fs::path{};
}

fs::path find_locale_dir() {
  std::error_code ec;
  return fs::is_directory("/locale", ec) ? fs::path("/locale") : fs::path{};
}

fs::path documents_dir() {
  std::error_code ec;
  fs::create_directories(kDownloads, ec);
  return kDownloads;
}

bool show_in_folder(const fs::path&) { return false; }  // downloads have no folder to show

bool open_with_desktop(const fs::path& file) { return download(file); }

void keep_awake(bool on) { js_keep_awake(on ? 1 : 0); }

bool saves_as_downloads() { return true; }

bool keeps_record_in_browser() { return true; }

bool download(const fs::path& file) { return js_download(file.c_str()) != 0; }

bool can_pick_files() { return true; }

void pick_file() { js_pick_file(); }

void data_written() { js_data_written(); }

void mark_start_step(const char* name) { js_mark(name); }

void language_changed(std::string_view code) { js_language(std::string(code).c_str()); }

}  // namespace unknot::platform
