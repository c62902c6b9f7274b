// The app's fonts opened at one size: every style of the type scale at a pixel density and the
// person's text size. Opening parses each font file, which is a good part of start-up, so the
// shell opens them on another thread while SDL opens the window and hands them to the Canvas.
#pragma once

#include <memory>

namespace unknot::ui {

class FontSet {
 public:
  // Opens the installed fonts (font_locator.h) at `px_per_dp` pixels per dp and `text_scale`
  // (1 = 100 %). Uses SDL_ttf only, not SDL's video, so any one thread may call it. Throws
  // std::runtime_error naming the file or the paths tried.
  static FontSet open(float px_per_dp, float text_scale);
  ~FontSet();
  FontSet(FontSet&&) noexcept;
  FontSet& operator=(FontSet&&) noexcept;

  float scale() const;
  float text_scale() const;

  struct Impl;  // font_set_impl.h: for the Canvas
  Impl& impl() { return *impl_; }
  const Impl& impl() const { return *impl_; }

 private:
  explicit FontSet(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace unknot::ui
