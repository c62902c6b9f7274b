// Triangle meshes for anti-aliased shapes, in pixels, for SDL_RenderGeometry. Each shape is
// solid inside and fades to alpha 0 over ~1 px at its edges. No text, no renderer calls.
#pragma once

#include <SDL.h>

#include <vector>

namespace unknot::ui {

struct Mesh {
  std::vector<SDL_Vertex> vertices;
  std::vector<int> indices;
  void clear() {
    vertices.clear();
    indices.clear();
  }
};

// Segments for a full circle of this radius (px) so no chord strays more than ~0.2 px from the
// true curve: 12 for a dot, ~50 for a 100 px ring.
int segments_for_radius(float radius_px);

// All functions append to `mesh`. Angles in turns run clockwise from 12 o'clock.
void add_circle(Mesh& mesh, SDL_FPoint center, float radius, SDL_Color color);
// Rounded rectangle; the radius is clamped to half the shorter side.
void add_rounded_rect(Mesh& mesh, SDL_FRect rect, float radius, SDL_Color color);
// Outline lying inside `rect` (its outer edge on the rectangle's edge).
void add_rounded_rect_stroke(Mesh& mesh, SDL_FRect rect, float radius, float width,
                             SDL_Color color);
// Ring segment with round caps; a sweep of a full turn or more is a closed ring.
void add_arc(Mesh& mesh, SDL_FPoint center, float radius, float width, float from_turns,
             float to_turns, SDL_Color color);
// Open polyline of `count` points with mitred joins (bevelled past a 2x miter) and butt ends,
// solid `width` wide plus a 1 px feather on each side. Fewer than 2 points draw nothing.
void add_polyline(Mesh& mesh, const SDL_FPoint* points, int count, float width, SDL_Color color);
// Axis-aligned ellipse, and a capsule (a rounded segment from a to b, `radius` half-wide).
void add_ellipse(Mesh& mesh, SDL_FPoint center, float rx, float ry, SDL_Color color);
void add_capsule(Mesh& mesh, SDL_FPoint a, SDL_FPoint b, float radius, SDL_Color color);
// Their outlines: a band `width` wide whose inner edge lies `grow` outside the shape's edge
// (0: the band hugs the shape from outside; -width: it lies just inside).
void add_ellipse_stroke(Mesh& mesh, SDL_FPoint center, float rx, float ry, float grow, float width,
                        SDL_Color color);
void add_capsule_stroke(Mesh& mesh, SDL_FPoint a, SDL_FPoint b, float radius, float grow,
                        float width, SDL_Color color);
// Radial glow: `color` at the centre easing (smoothstep) to transparent at `radius`.
void add_glow(Mesh& mesh, SDL_FPoint center, float radius, SDL_Color color);

}  // namespace unknot::ui
