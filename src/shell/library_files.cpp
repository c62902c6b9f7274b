#include "shell/library_files.h"

#include <algorithm>

#include "app/update.h"
#include "core/content_language.h"
#include "core/routine_parser.h"
#include "desktop/atomic_file.h"
#include "desktop/input_file.h"
#include "desktop/paths.h"
#include "shell/routine_files.h"

namespace unknot::shell {
namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kMaxAssetBytes = 4u << 20;

std::optional<std::string> read_text(const fs::path& file, std::vector<std::string>& problems) {
  auto input = platform::read_input_file(file, kMaxAssetBytes, "an asset file");
  if (!input.text) problems.push_back(file.string() + ": " + input.problem);
  return std::move(input.text);
}

}  // namespace

LibraryFiles load_library(const fs::path& assets) {
  LibraryFiles out;
  const fs::path muscles = assets / "muscles.json", map = assets / "body_map.json";
  if (const auto text = read_text(muscles, out.problems)) {
    auto parsed = core::parse_muscle_library(*text, muscles.string());
    for (const auto& p : parsed.problems) out.problems.push_back(p.to_string());
    if (parsed.library) {
      // Built-in content: in the current language, as read now (content_language.h).
      core::translate_muscle_library(*parsed.library);
      out.loaded.library = std::make_shared<const core::MuscleLibrary>(std::move(*parsed.library));
    }
  }
  if (const auto text = read_text(map, out.problems)) {
    auto parsed = core::parse_body_map(*text, map.string());
    for (const auto& p : parsed.problems) out.problems.push_back(p.to_string());
    if (parsed.map) {
      core::translate_body_map(*parsed.map);
      out.loaded.map = std::make_shared<const core::BodyMap>(std::move(*parsed.map));
    }
  }
  return out;
}

void add_saved_routines(std::vector<app::CatalogEntry>& catalog, const fs::path& dir,
                        const core::PatternLookup& lookup, std::vector<std::string>& problems) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  Catalog saved = load_catalog(dir, lookup);
  problems.insert(problems.end(), saved.problems.begin(), saved.problems.end());
  for (auto& entry : saved.entries) {
    entry.built = true;
    entry.saved = true;
    const auto it = std::find_if(catalog.begin(), catalog.end(), [&](const app::CatalogEntry& e) {
      return e.routine.id == entry.routine.id;
    });
    if (it != catalog.end()) {
      *it = std::move(entry);
    } else {
      catalog.push_back(std::move(entry));
    }
  }
}

void save_routine_file(const fs::path& dir, const core::Routine& routine) {
  platform::ensure_private_dir(dir);
  platform::AtomicFile file(dir / (routine.id + ".json"));
  file.write(core::routine_json(routine));
  file.commit();
}

}  // namespace unknot::shell
