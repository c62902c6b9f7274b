// What the app reads from disk before its first frame: the data folder's store and the person's
// breathing patterns, the built-in and saved routines, the muscle library and body map. None of
// it touches SDL's video or the model, so the shell reads it on another thread while SDL opens
// the window, and hands it to the model as actions afterwards.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/actions.h"
#include "storage/session_store.h"

namespace unknot::shell {

struct StartFiles {
  std::filesystem::path data_dir;                // empty when no data folder could be made
  std::unique_ptr<storage::SessionStore> store;  // null when the data file cannot be opened
  // Set when the data file failed its integrity check (store is null): what the check found.
  std::optional<std::string> damaged;
  std::optional<app::PatternsLoaded> patterns;  // the person's own, when the store read them
  app::CatalogLoaded catalog;                   // built-in routines, then saved ones
  app::LibraryLoaded library;
  std::filesystem::path assets_dir;  // where the routines, library and voice were looked for
  std::filesystem::path audio_dir;
  std::vector<std::string> problems;  // for the log: each names its file and what was wrong
  // The routines and the library were left for read_start_content (ContentRead::UnlessWelcome).
  bool content_deferred = false;
};

// The content part of the start: the built-in routines, then the ones the person built and
// kept, and the muscle library with its body map.
struct StartContent {
  app::CatalogLoaded catalog;
  app::LibraryLoaded library;
  std::vector<std::string> problems;
};

// When read_start_files reads the content. A new person's first screen is the welcome, which
// shows none of it: where the start has no second thread to read it beside the window (the
// browser), it can wait until that screen is drawn.
enum class ContentRead { Now, UnlessWelcome };

// The person's breathing patterns as the model holds them. Throws storage::StorageError.
app::PatternsLoaded read_patterns(const storage::SessionStore& store);

// Reads everything above. `data_dir` empty: the platform's data folder; `assets_dir` empty: the
// assets folder found beside the program. Never throws: what cannot be read is left empty and
// named in `problems`. Routines may use the person's own patterns, so the store is read first.
// `check` is how thoroughly the database is checked (Full after an unclean exit).
// `store_opened` is called once the store is open (null when it could not be), before any
// content is read: where the shell installs the person's language, which the content's texts are
// then read in. What it returns, if not empty, is added to the problems.
StartFiles read_start_files(
    const std::filesystem::path& data_dir, const std::filesystem::path& assets_dir,
    storage::IntegrityCheck check = storage::IntegrityCheck::Quick,
    ContentRead content = ContentRead::Now,
    const std::function<std::string(const storage::SessionStore*)>& store_opened = {});

// The content alone: routines (which may use the person's own patterns, `custom`; saved ones
// are read from `data_dir`, if not empty) and the library, from `assets_dir` as read_start_files
// found it (StartFiles::assets_dir). Never throws.
StartContent read_start_content(const std::filesystem::path& data_dir,
                                const std::vector<core::BreathPattern>& custom,
                                const std::filesystem::path& assets_dir);

// Whether the person has not met the welcome yet: never onboarded, and no session ever started
// (someone who used Unknot before the welcome existed has seen the app).
bool welcome_due(const storage::SessionStore& store);

// The data folder itself: `data_dir` made private if given, else the platform's. Throws
// std::runtime_error when it cannot be made.
std::filesystem::path resolve_data_dir(const std::filesystem::path& data_dir);

}  // namespace unknot::shell
