// Finds the installed font files at run time: Inter (Debian fonts-inter), falling back to
// DejaVu Sans. Fonts are never committed. Pure std (filesystem); no SDL.
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace unknot::ui {

// The four cuts the type scale uses. Display cuts are tuned for large sizes (Display, Timer).
enum class FontFace { Text, TextStrong, Display, DisplayStrong };
inline constexpr std::size_t kFontFaceCount = 4;
constexpr std::size_t index_of(FontFace face) { return static_cast<std::size_t>(face); }

struct FontFiles {
  std::string family;                                       // "Inter" or "DejaVu Sans"
  std::array<std::filesystem::path, kFontFaceCount> paths;  // indexed by FontFace
};

// Searches `dirs` in order; in each, Inter then DejaVu Sans. The first family whose regular cut
// exists wins; its missing cuts fall back (Display -> text cut, strong -> regular).
// Throws std::runtime_error listing every path tried when nothing is found.
FontFiles locate_fonts(const std::vector<std::filesystem::path>& dirs);

// $UNKNOT_FONT_DIR (if set), then `bundled_dir` (if not empty; packaging puts fonts beside the
// binary), then the Debian locations of fonts-inter and fonts-dejavu-core.
std::vector<std::filesystem::path> default_font_dirs(const std::filesystem::path& bundled_dir);

}  // namespace unknot::ui
