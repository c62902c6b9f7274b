// The shell's files for "where does it hurt?": the muscle library and body map from assets, and
// a routine built on the body map written to the data folder and read back at start-up.
#include "shell/library_files.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "app/bodymap_builders.h"
#include "app/update.h"
#include "core/routine_builder.h"

namespace unknot::shell {
namespace {

namespace fs = std::filesystem;

fs::path temp_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() /
                       ("unknot-library-files-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  return dir;
}

TEST_CASE("the library and the body map load from the assets folder") {
  const auto files = load_library(fs::path(UNKNOT_SOURCE_DIR) / "assets");
  CHECK(files.problems.empty());
  REQUIRE(files.loaded.library);
  REQUIRE(files.loaded.map);
  CHECK(files.loaded.library->find("upper_trapezius") != nullptr);
  CHECK(files.loaded.map->find("temple_left") != nullptr);
}

TEST_CASE("a missing assets folder is reported, not fatal") {
  const auto files = load_library(temp_dir("missing"));
  CHECK_FALSE(files.loaded.library);
  CHECK_FALSE(files.loaded.map);
  CHECK(files.problems.size() == 2);
}

TEST_CASE("a built routine is saved as a routine file and comes back into the catalog") {
  const auto lookup = core::builtin_pattern_lookup();
  core::BuildRequest request;
  request.muscle_ids = {"temporalis", "upper_trapezius"};
  const auto built = core::build_routine(request, *test::asset_library(), lookup);
  REQUIRE(built.routine);
  const fs::path dir = temp_dir("save") / "routines";
  save_routine_file(dir, *built.routine);
  CHECK(fs::exists(dir / (built.routine->id + ".json")));
  CHECK((fs::status(dir).permissions() & fs::perms::others_all) == fs::perms::none);

  std::vector<app::CatalogEntry> catalog;
  catalog.push_back(app::make_catalog_entry(*built.routine, lookup));  // same id: replaced
  std::vector<std::string> problems;
  add_saved_routines(catalog, dir, lookup, problems);
  CHECK(problems.empty());
  REQUIRE(catalog.size() == 1);
  CHECK(catalog[0].routine.id == built.routine->id);
  CHECK(catalog[0].routine.steps.size() == built.routine->steps.size());
  CHECK(catalog[0].saved);
  // Saving again overwrites in place.
  save_routine_file(dir, *built.routine);
  add_saved_routines(catalog, dir, lookup, problems);
  CHECK(catalog.size() == 1);
  // A folder that does not exist adds nothing and reports nothing.
  add_saved_routines(catalog, temp_dir("none"), lookup, problems);
  CHECK(problems.empty());
  fs::remove_all(dir.parent_path());
}

}  // namespace
}  // namespace unknot::shell
