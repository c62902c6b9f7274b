#include "ui/canvas.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <thread>

namespace {

using unknot::app::Point;
using unknot::app::Rect;
using unknot::ui::Align;
using unknot::ui::Canvas;
using unknot::ui::Color;
using unknot::ui::Font;

constexpr Color kBackground{0, 0, 0, 255};
constexpr Color kInk{255, 255, 255, 255};
constexpr Color kRed{255, 0, 0, 255};

// A Canvas on a software renderer drawing into a plain surface: no window and no video driver,
// and the same pixels on every run.
class Target {
 public:
  Target(int w, int h, float scale = 1.0f) {
    surface_ = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    renderer_ = SDL_CreateSoftwareRenderer(surface_);
    REQUIRE(renderer_ != nullptr);
    canvas_ = std::make_unique<Canvas>(renderer_);
    canvas_->set_scale(scale);
    canvas_->begin_frame(kBackground);
  }
  ~Target() {
    canvas_.reset();
    SDL_DestroyRenderer(renderer_);
    SDL_FreeSurface(surface_);
  }
  Target(const Target&) = delete;
  Target& operator=(const Target&) = delete;

  Canvas& canvas() { return *canvas_; }

  Color pixel(int x, int y) {
    SDL_RenderFlush(renderer_);
    const auto* row = static_cast<const Uint8*>(surface_->pixels) + y * surface_->pitch;
    Uint32 value = 0;
    std::memcpy(&value, row + x * 4, sizeof value);
    Color c;
    SDL_GetRGBA(value, surface_->format, &c.r, &c.g, &c.b, &c.a);
    return c;
  }
  // Brightness 0..255 of the red channel, enough for white or red ink on black.
  int ink(int x, int y) { return pixel(x, y).r; }

  // Rows [first, last] containing any inked pixel, or {-1, -1}.
  std::pair<int, int> inked_rows() {
    int first = -1, last = -1;
    for (int y = 0; y < surface_->h; ++y) {
      for (int x = 0; x < surface_->w; ++x) {
        if (ink(x, y) > 0) {
          if (first < 0) first = y;
          last = y;
          break;
        }
      }
    }
    return {first, last};
  }

 private:
  SDL_Surface* surface_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  std::unique_ptr<Canvas> canvas_;
};

bool inside(const Rect& inner, const Rect& outer) {
  return inner.x >= outer.x && inner.y >= outer.y && inner.right() <= outer.right() &&
         inner.bottom() <= outer.bottom();
}

}  // namespace

TEST_CASE("a filled circle covers its centre, not outside its radius, with soft edge pixels") {
  Target t(100, 100);
  t.canvas().fill_circle({50, 50}, 30, kInk);
  CHECK(t.ink(50, 50) == 255);
  CHECK(t.ink(50, 25) == 255);  // well inside, on the vertical axis
  CHECK(t.ink(50, 82) == 0);    // 2 px outside
  CHECK(t.ink(95, 95) == 0);
  CHECK(t.ink(50 + 23, 50 + 23) == 0);  // outside along the diagonal (radius 32.5)
  int partial = 0;
  for (int x = 0; x < 100; ++x) {
    const int v = t.ink(x, 50);
    if (v > 0 && v < 255) ++partial;
  }
  CHECK(partial >= 2);  // one soft pixel at each end of the row through the centre
}

TEST_CASE("an arc from 0 to 0.25 turns colours the upper-right quadrant and not the lower-left") {
  Target t(100, 100);
  t.canvas().stroke_arc({50, 50}, 30, 8, 0.0f, 0.25f, kInk);
  const float d = 30 / std::sqrt(2.0f);  // the 1:30 position on the ring
  CHECK(t.ink(50 + static_cast<int>(d), 50 - static_cast<int>(d)) == 255);
  CHECK(t.ink(50 - static_cast<int>(d), 50 + static_cast<int>(d)) == 0);
  CHECK(t.ink(50 - 30, 50 + 5) == 0);  // 9 o'clock: not swept
  CHECK(t.ink(50, 50) == 0);           // a ring, not a wedge
}

TEST_CASE("an arc of a full turn is a closed ring with its middle left empty") {
  Target t(100, 100);
  t.canvas().stroke_arc({50, 50}, 30, 6, 0.0f, 1.0f, kInk);
  for (Point p : {Point{50, 20}, Point{80, 50}, Point{50, 80}, Point{20, 50}}) {
    CHECK(t.ink(static_cast<int>(p.x), static_cast<int>(p.y)) == 255);
  }
  CHECK(t.ink(50, 50) == 0);
}

TEST_CASE("an arc's round caps join its body without a seam wherever the arc ends") {
  constexpr float kTau = 6.2831853f;
  const float radius = 100, width = 12;
  for (int step = 1; step < 40; ++step) {
    const float to = static_cast<float>(step) / 40;
    CAPTURE(to);
    Target t(240, 240);
    t.canvas().stroke_arc({120, 120}, radius, width, 0.0f, to, kInk);
    // Pixel centres well inside the stroke, near the radial line where the cap meets the body.
    int gaps = 0;
    for (float along = -4; along <= 4; along += 0.5f) {
      for (float back = 0; back <= 2; back += 0.5f) {
        const float angle = kTau * to - kTau / 4 - back / radius;
        const float x = 120 + (radius + along) * std::cos(angle);
        const float y = 120 + (radius + along) * std::sin(angle);
        if (t.ink(static_cast<int>(x), static_cast<int>(y)) != 255) ++gaps;
      }
    }
    CHECK(gaps == 0);
  }
}

TEST_CASE("a stroked rounded rectangle has no gaps along its straight edges") {
  Target t(400, 300);
  t.canvas().stroke_rounded({200, 160, 180, 120}, 40, 10, kInk);
  for (int x = 240; x <= 345; ++x) {
    CAPTURE(x);
    CHECK(t.ink(x, 275) == 255);  // the middle of the bottom border
  }
  for (int y = 200; y <= 245; ++y) {
    CAPTURE(y);
    CHECK(t.ink(375, y) == 255);  // the middle of the right border
  }
}

TEST_CASE("a rounded rectangle fills its middle but not outside its rounded corners") {
  Target t(100, 100);
  t.canvas().fill_rounded({10, 10, 80, 60}, 20, kInk);
  CHECK(t.ink(50, 40) == 255);
  CHECK(t.ink(50, 11) == 255);  // top edge away from corners
  CHECK(t.ink(11, 11) == 0);    // the corner square outside the arc
  CHECK(t.ink(88, 68) == 0);
  CHECK(t.ink(50, 75) == 0);
}

TEST_CASE("stroke_rounded draws its border inside the rectangle and leaves the middle empty") {
  Target t(100, 100);
  t.canvas().stroke_rounded({10, 10, 80, 60}, 12, 4, kInk);
  CHECK(t.ink(50, 12) == 255);  // inside the 4 px border
  CHECK(t.ink(50, 40) == 0);
  CHECK(t.ink(50, 8) == 0);  // nothing outside the rect beyond the feather
}

TEST_CASE("a glow is brightest at its centre and fades to nothing at its radius") {
  Target t(100, 100);
  t.canvas().fill_glow({50, 50}, 40, kInk);
  const int centre = t.ink(50, 50), mid = t.ink(70, 50), edge = t.ink(89, 50);
  CHECK(centre > 240);
  CHECK(mid < centre);
  CHECK(mid > 0);
  CHECK(edge < mid);
  CHECK(t.ink(92, 50) == 0);
}

TEST_CASE("a translucent circle blends over what is beneath it") {
  Target t(100, 100);
  t.canvas().fill_rect({0, 0, 100, 100}, kRed);
  t.canvas().fill_circle({50, 50}, 30, Color{0, 0, 255, 128});
  const Color c = t.pixel(50, 50);
  CHECK(c.r > 100);
  CHECK(c.r < 160);
  CHECK(c.b > 100);
}

TEST_CASE("begin_frame clears to the background colour and empties the text log") {
  Target t(60, 40);
  t.canvas().fill_rect({0, 0, 60, 40}, kInk);
  t.canvas().text("Hi", {0, 0}, Font::Body, kInk);
  REQUIRE(t.canvas().text_log().size() == 1);
  t.canvas().begin_frame(Color{10, 20, 30, 255});
  const Color c = t.pixel(30, 20);
  CHECK(c.r == 10);
  CHECK(c.g == 20);
  CHECK(c.b == 30);
  CHECK(t.canvas().text_log().empty());
}

TEST_CASE("text that fits is drawn whole, not truncated, and inked inside its record box") {
  Target t(300, 60);
  const Rect box{10, 10, 280, 40};
  t.canvas().text_in("Breathe in", box, Font::Body, kInk, Align::Left);
  REQUIRE(t.canvas().text_log().size() == 1);
  const auto& rec = t.canvas().text_log()[0];
  CHECK(rec.text == "Breathe in");
  CHECK_FALSE(rec.truncated);
  CHECK(inside(rec.box, box));
  CHECK(rec.box.w == doctest::Approx(t.canvas().text_width("Breathe in", Font::Body)));
  CHECK(t.inked_rows().first >= static_cast<int>(rec.box.y));
  CHECK(t.inked_rows().second < static_cast<int>(rec.box.bottom()));
}

TEST_CASE("text_in truncates a long string in a narrow box and its record stays inside the box") {
  Target t(200, 60);
  const Rect box{10, 10, 90, 30};
  t.canvas().text_in("Upper trapezius, left side", box, Font::Body, kInk, Align::Center);
  REQUIRE(t.canvas().text_log().size() == 1);
  const auto& rec = t.canvas().text_log()[0];
  CHECK(rec.truncated);
  CHECK(rec.text.ends_with("\xE2\x80\xA6"));
  CHECK(inside(rec.box, box));
  for (int y = 0; y < 60; ++y)
    CHECK(t.ink(static_cast<int>(box.right()) + 1, y) == 0);  // nothing drawn past it
}

TEST_CASE("empty text draws nothing and adds no record, but text cut to nothing is recorded") {
  Target t(100, 60);
  t.canvas().text_in("", {0, 0, 100, 30}, Font::Body, kInk, Align::Left);
  CHECK(t.canvas().text_log().empty());
  t.canvas().text_in("Pause", {0, 30, 3, 30}, Font::Body, kInk, Align::Left);
  REQUIRE(t.canvas().text_log().size() == 1);
  CHECK(t.canvas().text_log()[0].truncated);
  CHECK(t.canvas().text_log()[0].text.empty());
  CHECK(t.inked_rows().first == -1);
}

TEST_CASE("right- and centre-aligned text sit against the right edge and in the middle") {
  Target t(300, 100);
  t.canvas().text_in("End", {0, 0, 300, 40}, Font::Button, kInk, Align::Right);
  t.canvas().text_in("End", {0, 50, 300, 40}, Font::Button, kInk, Align::Center);
  const auto& log = t.canvas().text_log();
  REQUIRE(log.size() == 2);
  CHECK(log[0].box.right() == doctest::Approx(300));
  CHECK(log[1].box.center().x == doctest::Approx(150).epsilon(0.01));
}

TEST_CASE("wrapped text respects max_lines, marks its last line truncated and never overlaps") {
  Target t(200, 200);
  const Rect box{10, 10, 150, 180};
  const std::string long_text =
      "Lie on your back with the ball under your shoulder blade and let your weight sink into it "
      "slowly, breathing out as you roll.";
  const float height = t.canvas().text_wrapped(long_text, box, Font::Body, kInk, Align::Left, 2);
  const auto& log = t.canvas().text_log();
  REQUIRE(log.size() == 2);
  CHECK(height == doctest::Approx(2 * t.canvas().line_height(Font::Body)));
  CHECK_FALSE(log[0].truncated);
  CHECK(log[1].truncated);
  CHECK(log[1].text.ends_with("\xE2\x80\xA6"));
  CHECK_FALSE(log[0].box.intersects(log[1].box));
  for (const auto& rec : log) CHECK(inside(rec.box, box));
  CHECK(t.canvas().wrapped_line_count(long_text, box.w, Font::Body) > 2);
}

TEST_CASE("wrapped_line_count matches the lines text_wrapped draws when nothing is cut") {
  Target t(400, 300);
  const std::string text = "Press gently into the tender spot and hold";
  for (float width : {80.0f, 150.0f, 390.0f}) {
    CAPTURE(width);
    t.canvas().begin_frame(kBackground);
    t.canvas().text_wrapped(text, {0, 0, width, 300}, Font::Body, kInk, Align::Left, 0);
    CHECK(static_cast<int>(t.canvas().text_log().size()) ==
          t.canvas().wrapped_line_count(text, width, Font::Body));
  }
}

TEST_CASE("number_in gives 11:11 and 00:00 the same width so a countdown doesn't jiggle") {
  Target t(400, 100);
  const Rect box{0, 0, 400, 80};
  t.canvas().number_in("11:11", box, Font::Timer, kInk, Align::Center);
  t.canvas().number_in("00:00", box, Font::Timer, kInk, Align::Center);
  const auto& log = t.canvas().text_log();
  REQUIRE(log.size() == 2);
  CHECK(log[0].box.w == log[1].box.w);
  CHECK(log[0].box.x == log[1].box.x);
  CHECK(log[0].box.w > 0);
}

TEST_CASE("number_in ellipsises a number that cannot fit its box") {
  Target t(200, 100);
  const Rect box{0, 0, 60, 80};
  t.canvas().number_in("12:34:56", box, Font::Timer, kInk, Align::Left);
  const auto& rec = t.canvas().text_log().at(0);
  CHECK(rec.truncated);
  CHECK(inside(rec.box, box));
}

TEST_CASE("doubling the scale roughly doubles the pixel height of drawn text") {
  const auto ink_height = [](float scale) {
    Target t(static_cast<int>(200 * scale), static_cast<int>(60 * scale), scale);
    t.canvas().text("Hold 8", {4, 4}, Font::Heading, kInk);
    const auto [first, last] = t.inked_rows();
    REQUIRE(first >= 0);
    return last - first + 1;
  };
  const int one = ink_height(1.0f), two = ink_height(2.0f);
  CHECK(two >= 2 * one - 2);
  CHECK(two <= 2 * one + 2);
}

TEST_CASE("changing the scale mid-run re-rasterises text at the new size") {
  Target t(400, 120);
  t.canvas().text_in("Exhale", {0, 0, 400, 60}, Font::Title, kInk, Align::Left);
  const float dp_width_1x = t.canvas().text_log().at(0).box.w;
  t.canvas().set_scale(2.0f);
  t.canvas().begin_frame(kBackground);
  t.canvas().text_in("Exhale", {0, 0, 200, 60}, Font::Title, kInk, Align::Left);
  const auto& rec = t.canvas().text_log().at(0);
  CHECK(rec.box.w == doctest::Approx(dp_width_1x).epsilon(0.08));
  CHECK(t.canvas().scale() == 2.0f);
}

TEST_CASE("text is tinted with the requested colour and placed on whole pixels") {
  Target t(200, 80, 1.5f);
  t.canvas().text("Inhale", {3.3f, 5.1f}, Font::Title, kRed);
  const auto& rec = t.canvas().text_log().at(0);
  const float s = t.canvas().scale();
  CHECK(rec.box.x * s == doctest::Approx(std::round(rec.box.x * s)));
  CHECK(rec.box.y * s == doctest::Approx(std::round(rec.box.y * s)));
  int red = 0, other = 0;
  for (int y = 0; y < 80; ++y) {
    for (int x = 0; x < 200; ++x) {
      const Color c = t.pixel(x, y);
      if (c.r > 200) ++red;
      if (c.g > 0 || c.b > 0) ++other;
    }
  }
  CHECK(red > 20);
  CHECK(other == 0);
}

TEST_CASE("a measured width is kept, and measured again once the scale changes the fonts") {
  Target t(400, 120);
  Canvas& c = t.canvas();
  const float at_1x = c.text_width("Breathe out slowly", Font::Body);
  CHECK(at_1x > 0);
  CHECK(c.text_width("Breathe out slowly", Font::Body) == at_1x);
  CHECK(c.text_width("Breathe out slowly", Font::Heading) > at_1x);  // kept per font
  c.set_scale(2.0f);
  // In dp the width stays about the same; a width kept from 1x would read as half.
  CHECK(c.text_width("Breathe out slowly", Font::Body) == doctest::Approx(at_1x).epsilon(0.08));
}

TEST_CASE("fonts opened on another thread draw at their own scale and text size") {
  // As the shell opens them while the window opens: at 1.5 px per dp and 150 % text.
  std::optional<unknot::ui::FontSet> opened;
  std::thread([&opened] { opened = unknot::ui::FontSet::open(1.5f, 1.5f); }).join();
  REQUIRE(opened);
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_ARGB8888);
  SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
  REQUIRE(renderer != nullptr);
  {
    Canvas given(renderer, std::move(*opened));
    Canvas reopened(renderer);  // opened at 1 px per dp and 100 %, then set as the shell does
    reopened.set_scale(1.5f);
    reopened.set_text_scale(1.5f);
    CHECK(given.scale() == 1.5f);
    CHECK(given.text_scale() == 1.5f);
    const std::string text = "Left upper trapezius, ball against the wall";
    for (const Font f : {Font::Body, Font::Title, Font::Timer}) {
      CHECK(given.width(text, f) == reopened.width(text, f));
      CHECK(given.line_height(f) == reopened.line_height(f));
    }
    Canvas plain(renderer);
    CHECK(given.width(text, Font::Body) > plain.width(text, Font::Body));
  }
  SDL_DestroyRenderer(renderer);
  SDL_FreeSurface(surface);
}
