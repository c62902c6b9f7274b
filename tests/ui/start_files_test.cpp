// What the shell reads before its first frame (read on another thread while SDL opens the
// window): the store, the person's patterns, built-in and saved routines, the library.
#include "shell/start_files.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/custom_pattern.h"

namespace unknot::shell {
namespace {

namespace fs = std::filesystem;

const fs::path kAssets = fs::path(UNKNOT_SOURCE_DIR) / "assets";

fs::path temp_dir(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("unknot-start-files-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  return dir;
}

std::string read_text(const fs::path& file) {
  std::ifstream in(file);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

const app::CatalogEntry* entry_named(const StartFiles& files, const std::string& id) {
  for (const auto& e : files.catalog.entries) {
    if (e.routine.id == id) return &e;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("a saved routine breathing with the person's own pattern loads with that pattern") {
  const fs::path dir = temp_dir("own-pattern");
  fs::create_directories(dir);
  std::string key;
  {
    auto store = storage::SessionStore::open(dir / "unknot.db");
    core::PatternDraft draft;
    draft.name = "Slow five-seven";
    draft.inhale = core::Duration{5'000'000};
    draft.exhale = core::Duration{7'000'000};
    key = storage::custom_pattern_key(store.save_pattern(std::nullopt, draft, core::UnixSeconds{}));
  }
  // A built-in routine kept under another id, breathing with that pattern throughout.
  std::string text = read_text(kAssets / "routines" / "jaw_temple.json");
  replace_all(text, "\"jaw_temple\"", "\"my_jaw\"");
  replace_all(text, "\"extended_exhale_4_6\"", "\"" + key + "\"");
  REQUIRE(text.find(key) != std::string::npos);
  fs::create_directories(dir / "routines");
  std::ofstream(dir / "routines" / "my_jaw.json") << text;

  const StartFiles files = read_start_files(dir, kAssets);
  CHECK(files.problems.empty());
  CHECK(files.data_dir == dir);
  REQUIRE(files.store);
  REQUIRE(files.patterns);
  REQUIRE(files.patterns->custom.size() == 1);
  CHECK(files.patterns->custom[0].id == key);
  const app::CatalogEntry* mine = entry_named(files, "my_jaw");
  REQUIRE(mine);
  CHECK(mine->timeline->pattern(0).id == key);
  CHECK(entry_named(files, "jaw_temple"));  // the built-ins are there too
  CHECK(files.library.library);
  CHECK(files.library.map);
  CHECK(files.audio_dir == kAssets / "audio");
}

TEST_CASE("a data file that cannot be opened is named, and the routines still load") {
  const fs::path dir = temp_dir("bad-store");
  fs::create_directories(dir / "unknot.db");  // a folder where the database file should be
  const StartFiles files = read_start_files(dir, kAssets);
  CHECK_FALSE(files.store);
  CHECK_FALSE(files.patterns);
  REQUIRE_FALSE(files.problems.empty());
  CHECK(files.problems[0].find("unknot.db") != std::string::npos);
  CHECK(entry_named(files, "jaw_temple"));
  CHECK(files.library.library);
}

TEST_CASE("without an assets folder there is nothing to play, and it is said") {
  const fs::path dir = temp_dir("no-assets");
  const StartFiles files = read_start_files(dir, dir / "nowhere");
  CHECK(files.store);
  CHECK(files.catalog.entries.empty());
  CHECK_FALSE(files.library.library);
  CHECK_FALSE(files.problems.empty());
}

}  // namespace unknot::shell

namespace unknot::shell {

TEST_CASE("a new person's start may leave the content for later, anyone else's reads it at once") {
  const fs::path dir = temp_dir("welcome-first");
  {
    const StartFiles files =
        read_start_files(dir, kAssets, storage::IntegrityCheck::Quick, ContentRead::UnlessWelcome);
    REQUIRE(files.store);
    CHECK(welcome_due(*files.store));
    CHECK(files.content_deferred);
    CHECK(files.catalog.entries.empty());
    CHECK_FALSE(files.library.library);
    // What the rest of the start needs is there: the voice's folder, the patterns.
    CHECK(files.assets_dir == kAssets);
    CHECK(files.audio_dir == kAssets / "audio");
    REQUIRE(files.patterns);

    // Read later, the content is what an immediate read gives.
    const StartContent later =
        read_start_content(files.data_dir, files.patterns->custom, files.assets_dir);
    const StartFiles now = read_start_files(dir, kAssets);
    CHECK(later.problems.empty());
    REQUIRE(later.catalog.entries.size() == now.catalog.entries.size());
    for (std::size_t i = 0; i < now.catalog.entries.size(); ++i)
      CHECK(later.catalog.entries[i].routine.id == now.catalog.entries[i].routine.id);
    CHECK(later.library.library);
    CHECK(later.library.map);
  }
  {
    auto store = storage::SessionStore::open(dir / "unknot.db");
    store.save_onboarded_at(core::UnixSeconds{std::chrono::seconds{1'700'000'000}});
  }
  const StartFiles files =
      read_start_files(dir, kAssets, storage::IntegrityCheck::Quick, ContentRead::UnlessWelcome);
  REQUIRE(files.store);
  CHECK_FALSE(welcome_due(*files.store));
  CHECK_FALSE(files.content_deferred);
  CHECK(entry_named(files, "jaw_temple"));
  CHECK(files.library.library);
}

}  // namespace unknot::shell
