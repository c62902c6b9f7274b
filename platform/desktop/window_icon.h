// The window's icon on a desktop: the app icon from the hicolor theme beside the program,
// decoded from PNG. The browser shows its manifest's
// icons instead, so there this is the desktop's only.
#pragma once

#include <SDL.h>

#include <filesystem>
#include <memory>

namespace unknot::platform {

struct SurfaceFree {
  void operator()(SDL_Surface* s) const { SDL_FreeSurface(s); }
};
using SurfacePtr = std::unique_ptr<SDL_Surface, SurfaceFree>;

// The app's id: its desktop file's name, its AppStream id and its icon's name in the theme.
inline constexpr const char* kAppId = "io.github.unknot.Unknot";

// The PNG of the app icon at `size_px` (a hicolor size: 16 ... 512) for the program in
// `program_dir`: ../share/icons/hicolor beside it, where it is installed (/usr/bin ->
// /usr/share/icons) and where the build renders it (build/src -> build/share/icons). Empty when
// it is not there.
std::filesystem::path find_app_icon(int size_px, const std::filesystem::path& program_dir);

// Decodes a PNG into an RGBA surface; null (with the reason in SDL_GetError) when the file is
// missing, not a PNG, or damaged.
SurfacePtr load_png(const std::filesystem::path& file);

// Gives `window` the app icon. False, and the window keeps the system's default, when no icon
// file is found or it cannot be read: an app without its icon still works.
bool set_window_icon(SDL_Window* window);

}  // namespace unknot::platform
