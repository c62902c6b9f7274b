#include "shell/start_files.h"

#include <exception>

#include "app/catalog_entry.h"
#include "app/model.h"
#include "core/content_language.h"
#include "core/custom_pattern.h"
#include "desktop/paths.h"
#include "shell/held_records.h"
#include "shell/library_files.h"
#include "shell/routine_files.h"

namespace unknot::shell {

app::PatternsLoaded read_patterns(const storage::SessionStore& store) {
  app::PatternsLoaded loaded;
  for (const auto& saved : store.custom_patterns()) {
    loaded.custom.push_back(core::to_pattern(saved.draft, storage::custom_pattern_key(saved.id)));
  }
  return loaded;
}

std::filesystem::path resolve_data_dir(const std::filesystem::path& data_dir) {
  if (data_dir.empty()) return platform::default_data_dir();
  platform::ensure_private_dir(data_dir);
  return data_dir;
}

StartFiles read_start_files(
    const std::filesystem::path& data_dir, const std::filesystem::path& assets_dir,
    storage::IntegrityCheck check, ContentRead content,
    const std::function<std::string(const storage::SessionStore*)>& store_opened) {
  StartFiles files;
  try {
    const std::filesystem::path dir = resolve_data_dir(data_dir);
    files.data_dir = dir;
    files.store = std::make_unique<storage::SessionStore>(
        storage::SessionStore::open(dir / "unknot.db", check));
  } catch (const storage::DamagedDatabase& e) {
    // Never written to: the person chooses between a backup and a fresh start.
    files.damaged = e.what();
    files.problems.emplace_back(e.what());
  } catch (const std::exception& e) {
    files.problems.emplace_back(e.what());
  }
  platform::mark_start_step("store");
  if (store_opened) {
    if (std::string problem = store_opened(files.store.get()); !problem.empty())
      files.problems.push_back(std::move(problem));
  }
  if (files.store) {
    // Sessions a full disk still held back when Unknot last closed (held_records.h): kept in
    // the data folder, or the temporary folder when even that had no room.
    std::vector<std::filesystem::path> held = held_record_files(files.data_dir);
    std::error_code ec;
    if (const auto temp = std::filesystem::temp_directory_path(ec); !ec) {
      for (auto& file : held_record_files(temp)) held.push_back(std::move(file));
    }
    for (const auto& file : held) {
      try {
        replay_held_records(*files.store, files.data_dir, file);
      } catch (const std::exception& e) {
        files.problems.push_back(std::string("a session kept while the disk was full is not in "
                                             "the record yet (it stays in its file): ") +
                                 e.what());
      }
    }
    try {
      files.patterns = read_patterns(*files.store);
    } catch (const storage::StorageError& e) {
      files.problems.emplace_back(e.what());
    }
  }

  const std::vector<core::BreathPattern> no_patterns;
  const std::filesystem::path assets =
      assets_dir.empty() ? platform::find_assets_dir() : assets_dir;
  if (assets.empty())
    files.problems.emplace_back("the assets folder (routines, sounds) was not found");
  files.assets_dir = assets;
  files.audio_dir = assets / "audio";
  if (content == ContentRead::UnlessWelcome && files.store && welcome_due(*files.store)) {
    files.content_deferred = true;
    return files;
  }
  StartContent read = read_start_content(
      files.data_dir, files.patterns ? files.patterns->custom : no_patterns, assets);
  files.catalog = std::move(read.catalog);
  files.library = std::move(read.library);
  files.problems.insert(files.problems.end(), read.problems.begin(), read.problems.end());
  return files;
}

StartContent read_start_content(const std::filesystem::path& data_dir,
                                const std::vector<core::BreathPattern>& custom,
                                const std::filesystem::path& assets_dir) {
  StartContent content;
  // The same lookup the model makes (app::find_pattern): built-ins first, then the person's own.
  const core::PatternLookup lookup = [&custom](std::string_view id) {
    return app::find_pattern(custom, id);
  };
  Catalog catalog = load_catalog(assets_dir / "routines", lookup);
  content.problems = std::move(catalog.problems);
  // Unknot's own routines in the current language, as read now (content_language.h); the saved
  // ones below are the person's words and stay as written. Translating changes no step's kind,
  // pattern or length, so the entry is made again as load_catalog made it.
  for (app::CatalogEntry& entry : catalog.entries) {
    core::Routine routine = std::move(entry.original);
    core::translate_builtin_routine(routine);
    entry = app::make_catalog_entry(std::move(routine), lookup);
  }
  // Routines built on the body map and kept, after the built-ins.
  if (!data_dir.empty()) {
    add_saved_routines(catalog.entries, data_dir / "routines", lookup, content.problems);
  }
  content.catalog.entries = std::move(catalog.entries);
  platform::mark_start_step("routines");
  LibraryFiles library = load_library(assets_dir);
  content.problems.insert(content.problems.end(), library.problems.begin(), library.problems.end());
  content.library = std::move(library.loaded);
  platform::mark_start_step("library");
  return content;
}

bool welcome_due(const storage::SessionStore& store) {
  return !store.onboarded_at() && !store.first_session_started_any();
}

}  // namespace unknot::shell
