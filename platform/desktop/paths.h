// Where Unknot keeps its files on a desktop OS, and the OS services the shell needs (keep the
// screen awake). The only place that knows folder conventions; used by the shell only.
#pragma once

#include <filesystem>

namespace unknot::platform {

// Creates `dir` and its parents if missing, and makes `dir` readable by the user only (0700).
// Throws std::runtime_error naming the folder on failure.
void ensure_private_dir(const std::filesystem::path& dir);

// The user's data folder for Unknot (SDL_GetPrefPath), created 0700. Throws on failure.
std::filesystem::path default_data_dir();

// The read-only assets folder: $UNKNOT_ASSETS_DIR, else "assets" beside the executable, else
// ../share/unknot/assets, else the source tree's assets (developer builds). Empty if none exists.
std::filesystem::path find_assets_dir();

// Holds the screen saver off while `on` (a running session); allows it again otherwise.
void keep_awake(bool on);

}  // namespace unknot::platform
