// A software canvas of a window's size for ui tests, and the check every drawn page must pass:
// each text the canvas logged inside the window, whole, and on no other.
#pragma once

#include <SDL.h>
#include <doctest/doctest.h>

#include <vector>

#include "app/geometry.h"
#include "ui/canvas.h"

namespace unknot::test {

// Runs body(canvas, renderer, surface) on a software renderer of w × h pixels (scale 1).
template <class Body>
void with_canvas(float w, float h, Body body) {
  REQUIRE(SDL_Init(0) == 0);
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, static_cast<int>(w), static_cast<int>(h),
                                                        32, SDL_PIXELFORMAT_ARGB8888);
  REQUIRE(surface != nullptr);
  SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
  REQUIRE(renderer != nullptr);
  {
    ui::Canvas canvas(renderer);
    body(canvas, renderer, surface);
  }
  SDL_DestroyRenderer(renderer);
  SDL_FreeSurface(surface);
}

// Every logged text lies inside the window (one clipped by a scrolling viewport only across
// it), is not shortened unless may_shorten(text) allows it, and, unless `overlaps` (a question
// over the page), lies on no other unclipped text.
template <class MayShorten>
void check_text_log(const std::vector<ui::TextRecord>& log, app::Size window, bool overlaps,
                    MayShorten may_shorten) {
  CHECK_FALSE(log.empty());
  for (std::size_t i = 0; i < log.size(); ++i) {
    const auto& a = log[i];
    CAPTURE(a.text);
    if (a.truncated) CHECK(may_shorten(a.text));
    CHECK(a.box.x >= -0.5f);
    CHECK(a.box.right() <= window.w + 0.5f);
    if (a.clipped) continue;  // the edge of the scrolling part
    CHECK(a.box.y >= -0.5f);
    CHECK(a.box.bottom() <= window.h + 0.5f);
    if (overlaps) continue;
    for (std::size_t j = i + 1; j < log.size(); ++j) {
      if (log[j].clipped) continue;
      CAPTURE(log[j].text);
      CHECK_FALSE(a.box.intersects(log[j].box));
    }
  }
}

}  // namespace unknot::test
