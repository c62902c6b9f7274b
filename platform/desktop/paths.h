// Where Unknot keeps its files, and the OS services the shell needs (keep the screen awake, hand
// over a saved file). The only place that knows folder conventions; used by the shell only.
// Implemented for a desktop OS in desktop_places.cpp and for the browser in
// platform/web/web_places.cpp; paths.cpp holds what both share.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace unknot::platform {

// Creates `dir` and its parents if missing, and makes `dir` readable by the user only (0700).
// Throws std::runtime_error naming the folder on failure.
void ensure_private_dir(const std::filesystem::path& dir);

// The user's data folder for Unknot (SDL_GetPrefPath), created 0700. Throws on failure.
std::filesystem::path default_data_dir();

// The read-only assets folder: $UNKNOT_ASSETS_DIR, else "assets" beside the executable, else
// ../share/unknot/assets, else the source tree's assets (developer builds). Empty if none exists.
std::filesystem::path find_assets_dir();

// The compiled language catalogs, <dir>/<code>/LC_MESSAGES/unknot.mo: $UNKNOT_LOCALE_DIR, else
// "locale" beside the executable, else ../share/locale, else the build tree's (developer
// builds); in the browser, the data package's /locale. Empty if none exists.
std::filesystem::path find_locale_dir();

// Makes `code` the language every layer's text is in (core/translate.h): "en" (no catalog),
// the pseudo-language "qps", or a language of core::languages() read from `locale_dir`. On
// failure (no catalog file, a damaged one) English stays and the return says what was wrong,
// with the file's path; empty on success.
std::string install_language(std::string_view code, const std::filesystem::path& locale_dir);

// The app now speaks `code` (after install_language, or a change in Settings). In the browser
// the page's lang follows it, the choice is remembered for the next start's downloads, and that
// language's spoken cues are fetched if they are a package of their own; elsewhere nothing.
void language_changed(std::string_view code);

// The folder for files the person keeps (the shared report): $UNKNOT_DOCUMENTS_DIR if set, else
// XDG_DOCUMENTS_DIR from $XDG_CONFIG_HOME/user-dirs.dirs (or ~/.config/user-dirs.dirs), else
// ~/Documents when it exists, else the home folder. Never creates anything.
std::filesystem::path documents_dir();

// Reads XDG_DOCUMENTS_DIR's value from the text of a user-dirs.dirs file, with $HOME expanded;
// empty when the line is missing or the value is not an absolute path.
std::filesystem::path parse_user_dirs_documents(const std::string& text,
                                                const std::filesystem::path& home);

// Hands a file to the desktop to open (SDL_OpenURL with a file:// URL). False when nothing can
// open it: there is no opener (xdg-open) on the PATH, or SDL could not start it.
bool open_with_desktop(const std::filesystem::path& file);
// Opens the folder holding `file` in the file manager, the same way; false when nothing can.
bool show_in_folder(const std::filesystem::path& file);
// True when an executable `name` is in one of the PATH's folders (a ':'-separated list).
bool on_path(std::string_view name, std::string_view path_list);

// Holds the screen saver off while `on` (a running session); allows it again otherwise. In the
// browser: a screen Wake Lock.
void keep_awake(bool on);

// True where a file the person saves is handed over as a download (the browser) instead of
// staying in a folder they can open: the app then says "downloaded" and offers no folder.
bool saves_as_downloads();
// True where the record lives in the browser's own storage (IndexedDB), which has no folder a
// person can open: the app then names no folder for a file it kept aside.
bool keeps_record_in_browser();
// Hands a written file to the browser as a download under its own name; false where there are
// no downloads (the desktop) or the browser refused.
bool download(const std::filesystem::path& file);
// Whether there is a file picker the app can open (the browser's); pick_file() opens it, and the
// file chosen arrives later the way a dropped one does. On a desktop, files come by drag and drop
// or "Open with", and there is none.
bool can_pick_files();
void pick_file();
// The data folder was written (a committed transaction, a settings file). Where files need one
// more step to last (the browser: its in-memory files are copied to IndexedDB) it is taken soon
// after; on a desktop the write is already on disk and nothing happens.
void data_written();

// A named moment of the app's start (the store read, the window open, ...), for seeing where a
// cold start's time goes: a mark on the browser's performance timeline, read by
// bench/web/budgets.mjs. Nothing on a desktop, whose start bench/ times from outside.
void mark_start_step(const char* name);

}  // namespace unknot::platform
