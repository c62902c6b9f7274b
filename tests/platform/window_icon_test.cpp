#include "desktop/window_icon.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace unknot::platform {
namespace fs = std::filesystem;

namespace {

// Where the build puts the program (src/), whose ../share/icons the build renders.
const fs::path kProgramDir = UNKNOT_PROGRAM_DIR;

SDL_Color pixel_at(SDL_Surface* surface, int x, int y) {
  const auto* row = static_cast<const Uint8*>(surface->pixels) + y * surface->pitch;
  const Uint32 value = *reinterpret_cast<const Uint32*>(row + x * 4);
  SDL_Color c{};
  SDL_GetRGBA(value, surface->format, &c.r, &c.g, &c.b, &c.a);
  return c;
}

}  // namespace

TEST_CASE("the app icon is found beside the program at each size the window asks for") {
  for (const int size : {16, 32, 48, 64, 128, 256}) {
    const fs::path file = find_app_icon(size, kProgramDir);
    REQUIRE_MESSAGE(!file.empty(), "no " << size << " px icon");
    CHECK(file.filename() == "io.github.unknot.Unknot.png");
    CHECK(file.parent_path().parent_path().filename() ==
          std::to_string(size) + "x" + std::to_string(size));
  }
  CHECK(find_app_icon(17, kProgramDir).empty());  // not a size the theme has
}

TEST_CASE("the icon decodes to the drawn picture: a clear corner, the ball in the middle") {
  const SurfacePtr icon = load_png(find_app_icon(64, kProgramDir));
  REQUIRE(icon);
  CHECK(icon->w == 64);
  CHECK(icon->h == 64);
  // The rounded square leaves the corners transparent.
  CHECK(pixel_at(icon.get(), 0, 0).a == 0);
  // The ball (warm sand, #E0B07A) sits a little below the centre.
  const SDL_Color ball = pixel_at(icon.get(), 32, 35);
  CHECK(ball.a == 255);
  CHECK(ball.r == doctest::Approx(0xE0).epsilon(0.03));
  CHECK(ball.g == doctest::Approx(0xB0).epsilon(0.03));
  CHECK(ball.b == doctest::Approx(0x7A).epsilon(0.03));
}

TEST_CASE("a missing or damaged icon file is refused with a reason, never a crash") {
  const fs::path dir = fs::temp_directory_path() / ("unknot-icon-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  CHECK_FALSE(load_png(dir / "none.png"));
  CHECK(std::string(SDL_GetError()).find("cannot open") != std::string::npos);
  {
    std::ofstream bad(dir / "bad.png", std::ios::binary);
    bad << "\x89PNG\r\n\x1a\n this is not the rest of a PNG";
  }
  CHECK_FALSE(load_png(dir / "bad.png"));
  CHECK(std::string(SDL_GetError()).find("bad.png") != std::string::npos);
  fs::remove_all(dir);
}

}  // namespace unknot::platform
