// Plain geometry in density-independent pixels (dp) for layout and hit testing. Pure std.
#pragma once

namespace unknot::app {

struct Point {
  float x = 0;
  float y = 0;
  bool operator==(const Point&) const = default;
};

struct Size {
  float w = 0;
  float h = 0;
};

struct Rect {
  float x = 0;
  float y = 0;
  float w = 0;
  float h = 0;

  bool contains(Point p) const { return p.x >= x && p.x < x + w && p.y >= y && p.y < y + h; }
  float right() const { return x + w; }
  float bottom() const { return y + h; }
  Point center() const { return {x + w / 2, y + h / 2}; }
  bool intersects(const Rect& o) const {
    return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
  }
  // This rect shrunk by `d` on every side.
  Rect inset(float d) const { return {x + d, y + d, w - 2 * d, h - 2 * d}; }
  bool operator==(const Rect&) const = default;
};

}  // namespace unknot::app
