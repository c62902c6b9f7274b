#include "ui/tessellate.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace unknot::ui {
namespace {

constexpr float kPi = std::numbers::pi_v<float>;
constexpr float kTau = 2 * kPi;
// Half the feather: edges ramp from full alpha 0.5 px inside to zero 0.5 px outside, which is
// roughly what exact pixel coverage of a straight edge would give.
constexpr float kHalfFeather = 0.5f;

SDL_Color faded(SDL_Color c, float factor) {
  const float a = std::clamp(static_cast<float>(c.a) * factor, 0.0f, 255.0f);
  return {c.r, c.g, c.b, static_cast<Uint8>(std::lround(a))};
}

SDL_FPoint polar(SDL_FPoint c, float radius, float angle) {
  return {c.x + radius * std::cos(angle), c.y + radius * std::sin(angle)};
}

// Unit vectors at `count` angles angle_at(0..count-1): a circle's contours differ only in
// radius, so they share one set of sines and cosines (a pacer frame needs thousands).
template <typename AngleAt>
std::vector<SDL_FPoint> directions(int count, AngleAt angle_at) {
  std::vector<SDL_FPoint> out(static_cast<std::size_t>(std::max(count, 0)));
  for (int i = 0; i < count; ++i) {
    const float a = angle_at(i);
    out[static_cast<std::size_t>(i)] = {std::cos(a), std::sin(a)};
  }
  return out;
}

// The point at `radius` from `c` along directions[i], as polar() would place it.
auto along(SDL_FPoint c, float radius, const std::vector<SDL_FPoint>& unit) {
  return [c, radius, &unit](int i) {
    const SDL_FPoint u = unit[static_cast<std::size_t>(i)];
    return SDL_FPoint{c.x + radius * u.x, c.y + radius * u.y};
  };
}

// Screen angle (radians, y down) of a position in turns clockwise from 12 o'clock.
float angle_of_turns(float turns) { return kTau * turns - kPi / 2; }

int push(Mesh& mesh, SDL_FPoint p, SDL_Color c) {
  mesh.vertices.push_back(SDL_Vertex{p, c, SDL_FPoint{0, 0}});
  return static_cast<int>(mesh.vertices.size()) - 1;
}

// Appends `count` points point_at(0..count-1), all in one colour; returns the first index.
template <typename PointAt>
int push_contour(Mesh& mesh, int count, SDL_Color c, PointAt point_at) {
  const int first = static_cast<int>(mesh.vertices.size());
  for (int i = 0; i < count; ++i) push(mesh, point_at(i), c);
  return first;
}

void triangle(Mesh& mesh, int a, int b, int c) {
  mesh.indices.insert(mesh.indices.end(), {a, b, c});
}

// Quads between two contours of equal length whose i-th points correspond. The two halves of
// each quad are emitted in separate passes: SDL's software renderer turns two consecutive
// same-coloured triangles forming an axis-aligned rectangle into a rect fill that drops a pixel
// column, which showed as a crack in straight stroke edges.
void strip(Mesh& mesh, int a, int b, int count, bool closed) {
  const int edges = closed ? count : count - 1;
  for (int i = 0; i < edges; ++i) triangle(mesh, a + i, b + i, b + (i + 1) % count);
  for (int i = 0; i < edges; ++i) triangle(mesh, a + i, b + (i + 1) % count, a + (i + 1) % count);
}

void fan(Mesh& mesh, int center, int first, int count, bool closed) {
  const int edges = closed ? count : count - 1;
  for (int i = 0; i < edges; ++i) triangle(mesh, center, first + i, first + (i + 1) % count);
}

// Point i of the outline of `rect` grown by `grow` (negative shrinks). Growing a rounded rect
// keeps its corner centres and adds `grow` to the radius, so contours at different offsets
// built with the same `per_corner` correspond point for point.
SDL_FPoint rounded_point(SDL_FRect rect, float radius, float grow, int per_corner, int i) {
  const float w = std::max(rect.w + 2 * grow, 0.0f);
  const float h = std::max(rect.h + 2 * grow, 0.0f);
  const float x = rect.x - grow;
  const float y = rect.y - grow;
  const float r = std::clamp(radius + grow, 0.0f, std::min(w, h) / 2);
  const int corner = i / (per_corner + 1);
  const int step = i % (per_corner + 1);
  // Corners in clockwise order starting top-left, so the angle only ever increases.
  const SDL_FPoint centers[4] = {
      {x + r, y + r}, {x + w - r, y + r}, {x + w - r, y + h - r}, {x + r, y + h - r}};
  const float angle = kPi + static_cast<float>(corner) * kPi / 2 +
                      static_cast<float>(step) / static_cast<float>(per_corner) * kPi / 2;
  return polar(centers[corner], r, angle);
}

int corner_segments(float radius) { return std::max(1, segments_for_radius(radius) / 4); }

// The two ends of a semicircular cap, as vertex indices already in the mesh (the arc body's end
// points), so the cap shares edges with the body exactly: recomputed points would leave
// hairline cracks in the software rasteriser.
struct CapEnds {
  int solid_first, solid_last, feather_first, feather_last;
};

// Round cap at an open arc end `at`; its half-turn sweep begins at `start_angle`, where the
// points `ends.*_first` lie.
void cap(Mesh& mesh, SDL_FPoint at, float start_angle, float solid_radius, float outer_radius,
         SDL_Color solid, CapEnds ends) {
  const int n = std::max(2, segments_for_radius(outer_radius) / 2);
  std::vector<int> inner(static_cast<std::size_t>(n) + 1), outer(inner.size());
  const auto last = static_cast<std::size_t>(n);
  inner[0] = ends.solid_first;
  inner[last] = ends.solid_last;
  outer[0] = ends.feather_first;
  outer[last] = ends.feather_last;
  for (int i = 1; i < n; ++i) {
    const float angle = start_angle + kPi * static_cast<float>(i) / static_cast<float>(n);
    const auto k = static_cast<std::size_t>(i);
    inner[k] = push(mesh, polar(at, solid_radius, angle), solid);
    outer[k] = push(mesh, polar(at, outer_radius, angle), faded(solid, 0));
  }
  // The solid half-disc is convex, so a fan from one end of its diameter covers it without
  // putting a vertex in the middle of the edge shared with the body (a T-junction).
  for (std::size_t i = 0; i + 2 < inner.size(); ++i) {
    triangle(mesh, inner.back(), inner[i], inner[i + 1]);
  }
  for (std::size_t i = 0; i + 1 < inner.size(); ++i) {
    triangle(mesh, inner[i], outer[i], outer[i + 1]);
    triangle(mesh, inner[i], outer[i + 1], inner[i + 1]);
  }
}

}  // namespace

int segments_for_radius(float radius_px) {
  constexpr float kTolerancePx = 0.2f;
  if (radius_px <= kTolerancePx) return 12;
  const float n = kPi / std::acos(1 - kTolerancePx / radius_px);
  return std::clamp(static_cast<int>(std::ceil(n)), 12, 720);
}

void add_circle(Mesh& mesh, SDL_FPoint center, float radius, SDL_Color color) {
  if (radius <= 0) return;
  const int n = segments_for_radius(radius + kHalfFeather);
  const float inner_radius = std::max(radius - kHalfFeather, 0.0f);
  // A dot smaller than a pixel can't be solid anywhere; dim it by its coverage instead.
  const SDL_Color solid = faded(color, std::min(1.0f, 2 * radius));
  const std::vector<SDL_FPoint> unit =
      directions(n, [n](int i) { return kTau * static_cast<float>(i) / static_cast<float>(n); });
  const auto ring = [&](float r) { return along(center, r, unit); };
  const int c = push(mesh, center, solid);
  const int inner = push_contour(mesh, n, solid, ring(inner_radius));
  const int outer = push_contour(mesh, n, faded(color, 0), ring(radius + kHalfFeather));
  fan(mesh, c, inner, n, true);
  strip(mesh, inner, outer, n, true);
}

void add_rounded_rect(Mesh& mesh, SDL_FRect rect, float radius, SDL_Color color) {
  if (rect.w <= 0 || rect.h <= 0) return;
  radius = std::clamp(radius, 0.0f, std::min(rect.w, rect.h) / 2);
  const int k = corner_segments(radius + kHalfFeather);
  const int count = 4 * (k + 1);
  const auto outline = [&](float grow) {
    return [=](int i) { return rounded_point(rect, radius, grow, k, i); };
  };
  const int c = push(mesh, {rect.x + rect.w / 2, rect.y + rect.h / 2}, color);
  const int inner = push_contour(mesh, count, color, outline(-kHalfFeather));
  const int outer = push_contour(mesh, count, faded(color, 0), outline(kHalfFeather));
  fan(mesh, c, inner, count, true);
  strip(mesh, inner, outer, count, true);
}

void add_rounded_rect_stroke(Mesh& mesh, SDL_FRect rect, float radius, float width,
                             SDL_Color color) {
  if (rect.w <= 0 || rect.h <= 0 || width <= 0) return;
  radius = std::clamp(radius, 0.0f, std::min(rect.w, rect.h) / 2);
  const int k = corner_segments(radius + kHalfFeather);
  const int count = 4 * (k + 1);
  const auto outline = [&](float grow) {
    return [=](int i) { return rounded_point(rect, radius, grow, k, i); };
  };
  const bool thin = width < 2 * kHalfFeather;
  // A hairline has no solid band; its single centre contour carries alpha in proportion.
  const SDL_Color solid = thin ? faded(color, width) : color;
  const float solid_out = thin ? -width / 2 : -kHalfFeather;
  const float solid_in = thin ? -width / 2 : -(width - kHalfFeather);
  const int c0 = push_contour(mesh, count, faded(color, 0), outline(kHalfFeather));
  const int c1 = push_contour(mesh, count, solid, outline(solid_out));
  const int c2 = push_contour(mesh, count, solid, outline(solid_in));
  const int c3 = push_contour(mesh, count, faded(color, 0), outline(-(width + kHalfFeather)));
  strip(mesh, c0, c1, count, true);
  if (!thin) strip(mesh, c1, c2, count, true);
  strip(mesh, c2, c3, count, true);
}

void add_arc(Mesh& mesh, SDL_FPoint center, float radius, float width, float from_turns,
             float to_turns, SDL_Color color) {
  if (!(to_turns > from_turns) || radius <= 0 || width <= 0) return;
  const float half = width / 2;
  const bool thin = width < 2 * kHalfFeather;
  const SDL_Color solid = thin ? faded(color, width) : color;
  const float solid_half = thin ? 0.0f : half - kHalfFeather;
  const float outer_feather = radius + half + kHalfFeather;
  const float inner_feather = std::max(radius - half - kHalfFeather, 0.0f);

  const float sweep = to_turns - from_turns;
  const bool closed = sweep >= 1.0f;
  const int full = segments_for_radius(outer_feather);
  const int segments =
      closed ? full : std::max(1, static_cast<int>(std::ceil(static_cast<float>(full) * sweep)));
  const int count = closed ? segments : segments + 1;
  const float start = angle_of_turns(from_turns);
  const float step = kTau * (closed ? 1.0f : sweep) / static_cast<float>(segments);
  const std::vector<SDL_FPoint> unit =
      directions(count, [=](int i) { return start + step * static_cast<float>(i); });
  const auto ring = [&](float r) { return along(center, r, unit); };
  const int c0 = push_contour(mesh, count, faded(color, 0), ring(outer_feather));
  const int c1 = push_contour(mesh, count, solid, ring(radius + solid_half));
  const int c2 = push_contour(mesh, count, solid, ring(radius - solid_half));
  const int c3 = push_contour(mesh, count, faded(color, 0), ring(inner_feather));
  strip(mesh, c0, c1, count, closed);
  if (!thin) strip(mesh, c1, c2, count, closed);
  strip(mesh, c2, c3, count, closed);
  if (closed) return;

  // Round caps: their rims meet the body's solid and feather edges, so nothing overlaps
  // (overlap would double-blend a translucent colour).
  const int last = count - 1;
  const float end = angle_of_turns(to_turns);
  cap(mesh, polar(center, radius, start), start + kPi, solid_half, half + kHalfFeather, solid,
      {c2, c1, c3, c0});
  cap(mesh, polar(center, radius, end), end, solid_half, half + kHalfFeather, solid,
      {c1 + last, c2 + last, c0 + last, c3 + last});
}

void add_glow(Mesh& mesh, SDL_FPoint center, float radius, SDL_Color color) {
  if (radius <= 0) return;
  // Gouraud shading is linear per triangle, so the smooth falloff is sampled on a few rings.
  constexpr int kRings = 12;
  const int n = segments_for_radius(radius);
  const std::vector<SDL_FPoint> unit =
      directions(n, [n](int i) { return kTau * static_cast<float>(i) / static_cast<float>(n); });
  const int c = push(mesh, center, color);
  int previous = -1;
  for (int ring = 1; ring <= kRings; ++ring) {
    const float t = static_cast<float>(ring) / kRings;
    const float falloff = 1 - t * t * (3 - 2 * t);
    const int current =
        push_contour(mesh, n, faded(color, falloff), along(center, radius * t, unit));
    if (previous < 0) {
      fan(mesh, c, current, n, true);
    } else {
      strip(mesh, previous, current, n, true);
    }
    previous = current;
  }
}

void add_polyline(Mesh& mesh, const SDL_FPoint* points, int count, float width, SDL_Color color) {
  // Drop repeated points: they have no direction.
  std::vector<SDL_FPoint> pts;
  pts.reserve(static_cast<std::size_t>(std::max(count, 0)));
  for (int i = 0; i < count; ++i) {
    const SDL_FPoint p = points[i];
    if (!pts.empty() && std::hypot(p.x - pts.back().x, p.y - pts.back().y) < 1e-3f) continue;
    pts.push_back(p);
  }
  const int n = static_cast<int>(pts.size());
  if (n < 2) return;
  // A hairline keeps its coverage by fading rather than thinning below 1 px.
  const float solid_half = std::max(0.0f, width / 2 - kHalfFeather);
  const float outer_half = std::max(width / 2, 0.5f) + kHalfFeather;
  const SDL_Color solid = width < 1 ? faded(color, std::max(width, 0.25f)) : color;
  const auto normal_of = [&](int a, int b) {
    const float dx = pts[static_cast<std::size_t>(b)].x - pts[static_cast<std::size_t>(a)].x;
    const float dy = pts[static_cast<std::size_t>(b)].y - pts[static_cast<std::size_t>(a)].y;
    const float len = std::hypot(dx, dy);
    return SDL_FPoint{-dy / len, dx / len};
  };
  // Four contours along the line: outer feather, solid edge, solid edge, outer feather.
  std::vector<SDL_FPoint> offsets(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    SDL_FPoint nrm;
    if (i == 0)
      nrm = normal_of(0, 1);
    else if (i == n - 1)
      nrm = normal_of(n - 2, n - 1);
    else {
      const SDL_FPoint a = normal_of(i - 1, i), b = normal_of(i, i + 1);
      SDL_FPoint m{a.x + b.x, a.y + b.y};
      const float len = std::hypot(m.x, m.y);
      if (len < 1e-3f)
        m = a;
      else
        m = {m.x / len, m.y / len};
      const float cos_half = std::max(0.5f, m.x * a.x + m.y * a.y);  // miter at most 2x
      nrm = {m.x / cos_half, m.y / cos_half};
    }
    offsets[static_cast<std::size_t>(i)] = nrm;
  }
  const auto contour = [&](float d, SDL_Color c) {
    return push_contour(mesh, n, c, [&](int i) {
      const auto k = static_cast<std::size_t>(i);
      return SDL_FPoint{pts[k].x + offsets[k].x * d, pts[k].y + offsets[k].y * d};
    });
  };
  const int outer_a = contour(outer_half, faded(solid, 0));
  const int solid_a = contour(solid_half, solid);
  const int solid_b = contour(-solid_half, solid);
  const int outer_b = contour(-outer_half, faded(solid, 0));
  strip(mesh, outer_a, solid_a, n, false);
  strip(mesh, solid_a, solid_b, n, false);
  strip(mesh, solid_b, outer_b, n, false);
}

namespace {

// A convex outline as a function of (i, grow): point i of the outline moved `grow` along its
// outward normal, so contours at different offsets correspond point for point.
template <typename At>
void fill_outline(Mesh& mesh, SDL_FPoint center, int count, SDL_Color color, At at) {
  const int c = push(mesh, center, color);
  const int inner = push_contour(mesh, count, color, [&](int i) { return at(i, -kHalfFeather); });
  const int outer =
      push_contour(mesh, count, faded(color, 0), [&](int i) { return at(i, kHalfFeather); });
  fan(mesh, c, inner, count, true);
  strip(mesh, inner, outer, count, true);
}

template <typename At>
void stroke_outline(Mesh& mesh, int count, float grow, float width, SDL_Color color, At at) {
  if (width <= 0) return;
  const bool thin = width < 2 * kHalfFeather;
  const SDL_Color solid = thin ? faded(color, width) : color;
  const float mid = grow + width / 2;
  const float solid_in = thin ? mid : grow + kHalfFeather;
  const float solid_out = thin ? mid : grow + width - kHalfFeather;
  const int c0 = push_contour(mesh, count, faded(color, 0),
                              [&](int i) { return at(i, solid_in - 2 * kHalfFeather); });
  const int c1 = push_contour(mesh, count, solid, [&](int i) { return at(i, solid_in); });
  const int c2 = push_contour(mesh, count, solid, [&](int i) { return at(i, solid_out); });
  const int c3 = push_contour(mesh, count, faded(color, 0),
                              [&](int i) { return at(i, solid_out + 2 * kHalfFeather); });
  strip(mesh, c0, c1, count, true);
  if (!thin) strip(mesh, c1, c2, count, true);
  strip(mesh, c2, c3, count, true);
}

// Point i of n on an ellipse, moved `grow` along the normal (the exact offset curve).
SDL_FPoint ellipse_point(SDL_FPoint c, float rx, float ry, int n, int i, float grow) {
  const float t = kTau * static_cast<float>(i) / static_cast<float>(n);
  const float ct = std::cos(t), st = std::sin(t);
  float nx = ry * ct, ny = rx * st;
  const float len = std::hypot(nx, ny);
  if (len > 0) {
    nx /= len;
    ny /= len;
  }
  return {c.x + rx * ct + nx * grow, c.y + ry * st + ny * grow};
}

// A capsule's outline: a half circle around b, then one around a; `per_cap` + 1 points each.
SDL_FPoint capsule_point(SDL_FPoint a, SDL_FPoint b, float radius, int per_cap, int i, float grow) {
  const float dir = std::atan2(b.y - a.y, b.x - a.x);
  const bool at_b = i <= per_cap;
  const int k = at_b ? i : i - per_cap - 1;
  const float start = at_b ? dir - kPi / 2 : dir + kPi / 2;
  const float angle = start + kPi * static_cast<float>(k) / static_cast<float>(per_cap);
  return polar(at_b ? b : a, std::max(radius + grow, 0.0f), angle);
}

int ellipse_segments(float rx, float ry) {
  return segments_for_radius(std::max(rx, ry) + kHalfFeather);
}
int cap_segments(float radius) {
  return std::max(4, segments_for_radius(radius + kHalfFeather) / 2);
}

}  // namespace

void add_ellipse(Mesh& mesh, SDL_FPoint center, float rx, float ry, SDL_Color color) {
  if (rx <= 0 || ry <= 0) return;
  const int n = ellipse_segments(rx, ry);
  fill_outline(mesh, center, n, color,
               [&](int i, float grow) { return ellipse_point(center, rx, ry, n, i, grow); });
}

void add_capsule(Mesh& mesh, SDL_FPoint a, SDL_FPoint b, float radius, SDL_Color color) {
  if (radius <= 0) return;
  if (std::hypot(b.x - a.x, b.y - a.y) < 1e-3f) {
    add_circle(mesh, a, radius, color);
    return;
  }
  const int k = cap_segments(radius);
  fill_outline(mesh, {(a.x + b.x) / 2, (a.y + b.y) / 2}, 2 * (k + 1), color,
               [&](int i, float grow) { return capsule_point(a, b, radius, k, i, grow); });
}

void add_ellipse_stroke(Mesh& mesh, SDL_FPoint center, float rx, float ry, float grow, float width,
                        SDL_Color color) {
  if (rx <= 0 || ry <= 0) return;
  const int n = ellipse_segments(rx + grow + width, ry + grow + width);
  stroke_outline(mesh, n, grow, width, color,
                 [&](int i, float g) { return ellipse_point(center, rx, ry, n, i, g); });
}

void add_capsule_stroke(Mesh& mesh, SDL_FPoint a, SDL_FPoint b, float radius, float grow,
                        float width, SDL_Color color) {
  if (radius <= 0) return;
  if (std::hypot(b.x - a.x, b.y - a.y) < 1e-3f) b.x = a.x + 1e-3f;
  const int k = cap_segments(radius + grow + width);
  stroke_outline(mesh, 2 * (k + 1), grow, width, color,
                 [&](int i, float g) { return capsule_point(a, b, radius, k, i, g); });
}

}  // namespace unknot::ui
