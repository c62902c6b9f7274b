// The muscle library and body map from the assets folder, and routines built on the body map
// kept in the data folder: the shell's file I/O around the pure core parsers.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "app/actions.h"
#include "app/model.h"
#include "core/routine.h"

namespace unknot::shell {

struct LibraryFiles {
  app::LibraryLoaded loaded;          // either part empty when its file is missing or bad
  std::vector<std::string> problems;  // "file:line:col: field: message", or an I/O error
};

// Reads <assets>/muscles.json and <assets>/body_map.json.
LibraryFiles load_library(const std::filesystem::path& assets);

// Adds every routine kept in `dir` (*.json, in file-name order) to `catalog`, after what is
// there; one with the id of a routine already in the catalog replaces it. A missing folder is
// no problem; a bad file is skipped and reported.
void add_saved_routines(std::vector<app::CatalogEntry>& catalog, const std::filesystem::path& dir,
                        const core::PatternLookup& lookup, std::vector<std::string>& problems);

// Writes `routine` to <dir>/<id>.json atomically, creating `dir` (0700) when missing. Throws
// std::exception (AtomicFileError, filesystem_error) naming the file on failure.
void save_routine_file(const std::filesystem::path& dir, const core::Routine& routine);

}  // namespace unknot::shell
