#include "paths.h"

#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

#include "core/language.h"
#include "core/message_catalog.h"
#include "core/translate.h"

namespace unknot::platform {
namespace fs = std::filesystem;

void ensure_private_dir(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) {
    throw std::runtime_error("cannot create the data folder " + dir.string() + ": " +
                             (ec ? ec.message() : std::string("not a folder")));
  }
  // Private: nobody else may look in. Only taken away, never given: a folder the person made
  // read-only stays read-only (Unknot then reads it and says it cannot save).
  const fs::perms others = fs::perms::group_all | fs::perms::others_all;
  if ((fs::status(dir, ec).permissions() & others) != fs::perms::none) {
    fs::permissions(dir, others, fs::perm_options::remove, ec);
    if (ec) throw std::runtime_error("cannot make " + dir.string() + " private: " + ec.message());
  }
}

std::string install_language(std::string_view code, const fs::path& locale_dir) {
  if (code == core::kPseudoLanguage) {
    core::install_pseudo_language();
    return {};
  }
  core::install_catalog(core::MessageCatalog(), "en");
  if (code == "en") return {};
  if (!core::known_language(code)) return "Unknot has no language \"" + std::string(code) + "\"";
  const fs::path file = locale_dir / std::string(code) / "LC_MESSAGES" / "unknot.mo";
  std::ifstream in(file, std::ios::binary);
  if (!in) return "cannot read the " + std::string(code) + " catalog " + file.string();
  std::ostringstream bytes;
  bytes << in.rdbuf();
  try {
    core::install_catalog(core::MessageCatalog::from_mo(bytes.str(), file.string()),
                          std::string(code));
  } catch (const core::CatalogError& e) {
    return e.what();
  }
  return {};
}

fs::path parse_user_dirs_documents(const std::string& text, const fs::path& home) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    const std::string key = "XDG_DOCUMENTS_DIR=";
    const auto start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line.compare(start, key.size(), key) != 0) continue;
    std::string value = line.substr(start + key.size());
    while (!value.empty() && (value.back() == ' ' || value.back() == '\r')) value.pop_back();
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    if (value.rfind("$HOME", 0) == 0) value = home.string() + value.substr(5);
    const fs::path dir(value);
    return dir.is_absolute() ? dir : fs::path{};
  }
  return {};
}

bool on_path(std::string_view name, std::string_view path_list) {
  std::size_t start = 0;
  while (start <= path_list.size()) {
    const std::size_t end = std::min(path_list.find(':', start), path_list.size());
    const std::string_view dir = path_list.substr(start, end - start);
    // An empty entry means the current folder, which is never where an opener should come from.
    if (!dir.empty()) {
      const fs::path candidate = fs::path(std::string(dir)) / std::string(name);
      if (::access(candidate.c_str(), X_OK) == 0 && !fs::is_directory(candidate)) return true;
    }
    start = end + 1;
  }
  return false;
}

}  // namespace unknot::platform
