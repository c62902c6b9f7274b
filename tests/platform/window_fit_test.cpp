#include "desktop/window_fit.h"

#include <doctest/doctest.h>

namespace unknot::platform {

TEST_CASE("a 1.5 scaled phone-sized window fits a 1280x1024 display by getting shorter") {
  const WindowFit fit = fit_window({390, 844}, 1.5f, PointSize{1280, 1024});
  CHECK(fit.size == PointSize{585, 1024 - kDecorationPt.h});
  // The app then lays out 390 x 640 dp and scrolls what does not fit.
  CHECK(fit.size.h / 1.5f == doctest::Approx(640));
  CHECK(fit.minimum == PointSize{480, 720});
}

TEST_CASE("a window that fits the display keeps the size asked for") {
  CHECK(fit_window({360, 640}, 1, PointSize{1280, 1024}).size == PointSize{360, 640});
  CHECK(fit_window({390, 844}, 1, PointSize{1920, 1080}).size == PointSize{390, 844});
  CHECK(fit_window({390, 844}, 2, PointSize{3840, 2160}).size == PointSize{780, 1688});
}

TEST_CASE("a window is never wider or taller than the usable area less its decorations") {
  const WindowFit fit = fit_window({390, 844}, 4, PointSize{1366, 768});
  CHECK(fit.size == PointSize{1366 - kDecorationPt.w, 768 - kDecorationPt.h});
  CHECK(fit.minimum.w <= fit.size.w);
  CHECK(fit.minimum.h <= fit.size.h);
}

TEST_CASE("the minimum size is 320 x 480 dp, but never more than the window itself") {
  CHECK(fit_window({390, 844}, 1, PointSize{1280, 1024}).minimum == PointSize{320, 480});
  CHECK(fit_window({300, 400}, 1, PointSize{1280, 1024}).minimum == PointSize{300, 400});
  CHECK(fit_window({390, 844}, 2, PointSize{800, 600}).minimum == PointSize{640, 536});
}

TEST_CASE("with no usable bounds known, or a nonsense scale, the window is not shrunk") {
  CHECK(fit_window({390, 844}, 1.5f, std::nullopt).size == PointSize{585, 1266});
  CHECK(fit_window({390, 844}, 0, PointSize{1280, 1024}).size == PointSize{390, 844});
  CHECK(fit_window({390, 844}, -2, std::nullopt).size == PointSize{390, 844});
  CHECK(fit_window({390, 844}, 1, PointSize{0, 0}).size == PointSize{390, 844});
}

TEST_CASE("a display smaller than the decorations still gets a window of at least one point") {
  const WindowFit fit = fit_window({390, 844}, 1, PointSize{20, 40});
  CHECK(fit.size == PointSize{1, 1});
  CHECK(fit.minimum == PointSize{1, 1});
}

}  // namespace unknot::platform
