#include "ui/font_locator.h"

#include <cstdlib>
#include <stdexcept>
#include <system_error>

namespace unknot::ui {
namespace {

struct FamilySpec {
  const char* name;
  std::array<const char*, kFontFaceCount> files;  // indexed by FontFace
};

constexpr std::array<FamilySpec, 2> kFamilies{{
    {"Inter",
     {"Inter-Regular.otf", "Inter-SemiBold.otf", "InterDisplay-Regular.otf",
      "InterDisplay-SemiBold.otf"}},
    // DejaVu has no semibold or display cut; Bold is the closest strong weight.
    {"DejaVu Sans",
     {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"}},
}};

bool is_file(const std::filesystem::path& p) {
  std::error_code ec;  // an unreadable directory is "not found", not an error
  return std::filesystem::is_regular_file(p, ec);
}

std::filesystem::path face_or(const std::filesystem::path& dir, const char* file,
                              const std::filesystem::path& fallback) {
  const auto p = dir / file;
  return is_file(p) ? p : fallback;
}

}  // namespace

FontFiles locate_fonts(const std::vector<std::filesystem::path>& dirs) {
  std::string tried;
  for (const auto& dir : dirs) {
    for (const FamilySpec& family : kFamilies) {
      const auto regular = dir / family.files[0];
      if (!is_file(regular)) {
        tried += "\n  " + regular.string();
        continue;
      }
      FontFiles found;
      found.family = family.name;
      const auto strong = face_or(dir, family.files[1], regular);
      found.paths[index_of(FontFace::Text)] = regular;
      found.paths[index_of(FontFace::TextStrong)] = strong;
      found.paths[index_of(FontFace::Display)] = face_or(dir, family.files[2], regular);
      found.paths[index_of(FontFace::DisplayStrong)] = face_or(dir, family.files[3], strong);
      return found;
    }
  }
  throw std::runtime_error(
      "No usable font found (install fonts-inter or fonts-dejavu-core, or set UNKNOT_FONT_DIR). "
      "Tried:" +
      tried);
}

std::vector<std::filesystem::path> default_font_dirs(const std::filesystem::path& bundled_dir) {
  std::vector<std::filesystem::path> dirs;
  if (const char* env = std::getenv("UNKNOT_FONT_DIR"); env != nullptr && *env != '\0') {
    dirs.emplace_back(env);
  }
  if (!bundled_dir.empty()) dirs.push_back(bundled_dir);
  dirs.emplace_back("/usr/share/fonts/opentype/inter");
  dirs.emplace_back("/usr/share/fonts/truetype/dejavu");
  return dirs;
}

}  // namespace unknot::ui
