#include "ui/font_locator.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace {

namespace fs = std::filesystem;
using unknot::ui::FontFace;
using unknot::ui::index_of;

// A scratch directory of empty stand-in font files, removed afterwards.
class FontDir {
 public:
  explicit FontDir(const std::string& name)
      : dir_(fs::temp_directory_path() / ("unknot_font_test_" + name)) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  ~FontDir() { fs::remove_all(dir_); }
  FontDir(const FontDir&) = delete;
  FontDir& operator=(const FontDir&) = delete;

  void add(const char* file) const { std::ofstream(dir_ / file) << "stub"; }
  const fs::path& path() const { return dir_; }

 private:
  fs::path dir_;
};

}  // namespace

TEST_CASE("Inter's four cuts are used when all are installed") {
  FontDir d("inter");
  for (const char* f : {"Inter-Regular.otf", "Inter-SemiBold.otf", "InterDisplay-Regular.otf",
                        "InterDisplay-SemiBold.otf"}) {
    d.add(f);
  }
  const auto found = unknot::ui::locate_fonts({d.path()});
  CHECK(found.family == "Inter");
  CHECK(found.paths[index_of(FontFace::TextStrong)] == d.path() / "Inter-SemiBold.otf");
  CHECK(found.paths[index_of(FontFace::DisplayStrong)] == d.path() / "InterDisplay-SemiBold.otf");
}

TEST_CASE("missing cuts fall back: display to the text cut, strong to regular") {
  FontDir d("partial");
  d.add("Inter-Regular.otf");
  d.add("Inter-SemiBold.otf");
  const auto found = unknot::ui::locate_fonts({d.path()});
  CHECK(found.paths[index_of(FontFace::Display)] == d.path() / "Inter-Regular.otf");
  CHECK(found.paths[index_of(FontFace::DisplayStrong)] == d.path() / "Inter-SemiBold.otf");
}

TEST_CASE("DejaVu Sans is used when Inter is absent, and earlier directories win") {
  FontDir empty("empty");
  FontDir dejavu("dejavu");
  dejavu.add("DejaVuSans.ttf");
  dejavu.add("DejaVuSans-Bold.ttf");
  FontDir inter("later_inter");
  inter.add("Inter-Regular.otf");
  const auto found = unknot::ui::locate_fonts({empty.path(), dejavu.path(), inter.path()});
  CHECK(found.family == "DejaVu Sans");
  CHECK(found.paths[index_of(FontFace::TextStrong)] == dejavu.path() / "DejaVuSans-Bold.ttf");
}

TEST_CASE("when no font is found the error names every path tried") {
  FontDir empty("none");
  try {
    unknot::ui::locate_fonts({empty.path()});
    FAIL("expected std::runtime_error");
  } catch (const std::runtime_error& e) {
    const std::string what = e.what();
    CHECK(what.find((empty.path() / "Inter-Regular.otf").string()) != std::string::npos);
    CHECK(what.find((empty.path() / "DejaVuSans.ttf").string()) != std::string::npos);
  }
}

TEST_CASE("UNKNOT_FONT_DIR is searched before the bundled and system directories") {
  ::setenv("UNKNOT_FONT_DIR", "/opt/fonts-override", 1);
  const auto dirs = unknot::ui::default_font_dirs("/app/fonts");
  ::unsetenv("UNKNOT_FONT_DIR");
  REQUIRE(dirs.size() >= 3);
  CHECK(dirs[0] == fs::path("/opt/fonts-override"));
  CHECK(dirs[1] == fs::path("/app/fonts"));
  CHECK(dirs.back() == fs::path("/usr/share/fonts/truetype/dejavu"));
}
