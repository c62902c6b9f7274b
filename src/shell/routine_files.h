// Reading routine files from disk into the catalog: the built-in folder and a file named on the
// command line. The shell's file I/O around the pure core parser.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "app/model.h"
#include "core/routine_parser.h"

namespace unknot::shell {

struct RoutineFile {
  std::optional<core::Routine> routine;
  std::vector<std::string> problems;  // "file:line:col: field: message", or an I/O error
};

// Reads and parses one file (at most 1 MiB); never throws. Breathing patterns resolve through
// `lookup` (built-in and the person's own patterns).
RoutineFile read_routine_file(const std::filesystem::path& file, const core::PatternLookup& lookup);

struct Catalog {
  std::vector<app::CatalogEntry> entries;  // sorted by file name
  std::vector<std::string> problems;       // files that were skipped, and why
};

// Every *.json in `dir`, in file-name order; a bad file is skipped and reported.
Catalog load_catalog(const std::filesystem::path& dir, const core::PatternLookup& lookup);

}  // namespace unknot::shell
