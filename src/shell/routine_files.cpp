#include "shell/routine_files.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "app/update.h"

namespace unknot::shell {
namespace fs = std::filesystem;

namespace {
// Routine files are small; a huge file is a mistake, not a routine.
constexpr std::uintmax_t kMaxRoutineBytes = 1u << 20;
}  // namespace

RoutineFile read_routine_file(const fs::path& file, const core::PatternLookup& lookup) {
  RoutineFile out;
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  if (ec) {
    out.problems.push_back(file.string() + ": cannot read the file: " + ec.message());
    return out;
  }
  if (size > kMaxRoutineBytes) {
    out.problems.push_back(file.string() + ": the file is " + std::to_string(size) +
                           " bytes; a routine file may be at most 1 MiB");
    return out;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    out.problems.push_back(file.string() + ": cannot open the file for reading");
    return out;
  }
  std::ostringstream text;
  text << in.rdbuf();
  auto parsed = core::parse_routine(text.str(), file.string(), lookup);
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
