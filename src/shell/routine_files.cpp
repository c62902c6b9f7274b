#include "shell/routine_files.h"

#include <algorithm>

#include "app/update.h"
#include "core/input_text.h"
#include "desktop/input_file.h"

namespace unknot::shell {
namespace fs = std::filesystem;

RoutineFile read_routine_file(const fs::path& file, const core::PatternLookup& lookup) {
  RoutineFile out;
  // Routine files are small; a huge file is a mistake, not a routine.
  const auto input = platform::read_input_file(file, core::kMaxRoutineFileBytes, "a routine file");
  if (!input.text) {
    out.problems.push_back(file.string() + ": " + input.problem);
    return out;
  }
  auto parsed = core::parse_routine(*input.text, file.string(), lookup);
  for (const auto& p : parsed.problems) out.problems.push_back(p.to_string());
  out.routine = std::move(parsed.routine);
  return out;
}

Catalog load_catalog(const fs::path& dir, const core::PatternLookup& lookup) {
  Catalog catalog;
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  if (ec) catalog.problems.push_back(dir.string() + ": cannot list routines: " + ec.message());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    RoutineFile r = read_routine_file(file, lookup);
    if (!r.routine) {
      catalog.problems.insert(catalog.problems.end(), r.problems.begin(), r.problems.end());
      continue;
    }
    try {
      catalog.entries.push_back(app::make_catalog_entry(std::move(*r.routine), lookup));
    } catch (const std::exception& e) {
      catalog.problems.push_back(file.string() + ": " + e.what());
    }
  }
  return catalog;
}

}  // namespace unknot::shell
