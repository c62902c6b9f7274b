// Drawing in dp on an SDL_Renderer: anti-aliased shapes via SDL_RenderGeometry and cached text
// via SDL_ttf (Inter, falling back to DejaVu Sans, found at run time). The only ui file that
// talks to SDL_ttf. Never calls storage or audio.
#pragma once

#include <SDL.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/geometry.h"
#include "app/page_layout.h"
#include "app/text_measure.h"
#include "ui/font_set.h"
#include "ui/theme.h"

namespace unknot::ui {

enum class Align { Left, Center, Right };

// One line of text as drawn, for layout tests (no overlap, nothing outside the window).
struct TextRecord {
  std::string text;  // the text actually drawn (after any ellipsis)
  app::Rect box;     // ink box in dp
  bool truncated = false;
  bool clipped = false;  // drawn partly outside the clip set by set_clip (a scrolled list's edge)
  std::string asked;     // when truncated: the whole text that was asked for
};

// Also the app's text measure: layouts wrap text with the same font and line breaks it is drawn
// with.
class Canvas final : public app::TextMeasure {
 public:
  // Opens the fonts at 1 px per dp and 100 % text; throws std::runtime_error naming the paths
  // tried if none is found.
  explicit Canvas(SDL_Renderer* renderer);
  // Draws with fonts already opened (FontSet::open), at their scale and text size.
  Canvas(SDL_Renderer* renderer, FontSet fonts);
  ~Canvas() override;
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;

  // Pixels per dp; fonts are re-rasterised when it changes so text stays crisp on HiDPI.
  void set_scale(float px_per_dp);
  float scale() const;
  // Text size (1 = 100 %, up to 2): fonts are re-opened at the larger size and every measure,
  // line height and wrap follows, so layouts reflow (app::font_scale says how much each grows).
  void set_text_scale(float text_scale);
  float text_scale() const;

  // Starts a frame: clears the text log, ages the text cache, fills the background.
  void begin_frame(Color background);
  // The same for a frame whose first drawing is an opaque copy over the whole window (the
  // session's still layer): the fill would be drawn over at once, so there is none.
  void begin_covered_frame();
  void end_frame();  // presents; evicts text textures unused for a while
  // A frame that redraws only part of the window (the software renderer, which draws straight
  // into the window's own surface): nothing is cleared, the caller draws over what it changes,
  // and end_partial_frame shows just those pixel rects. Only for a renderer that keeps the last
  // frame (see can_present_part).
  void begin_partial_frame();
  void end_partial_frame(const std::vector<SDL_Rect>& shown);
  // True when the renderer draws into the window's surface, which keeps the last frame.
  bool can_present_part() const;

  void fill_rect(app::Rect r, Color c);
  void fill_rounded(app::Rect r, float radius, Color c);
  // The outline lies inside r (its outer edge on r's edge).
  void stroke_rounded(app::Rect r, float radius, float width, Color c);
  void fill_circle(app::Point center, float radius, Color c);
  // Ring segment of the given centre-line radius and width; turns run clockwise from 12 o'clock,
  // from_turns < to_turns, 0..1 is a full circle. Open arcs have round caps (they reach width/2
  // past each end); a sweep of a full turn or more is a closed ring.
  void stroke_arc(app::Point center, float radius, float width, float from_turns, float to_turns,
                  Color c);
  // A straight line `width` dp wide with butt ends.
  void stroke_line(app::Point a, app::Point b, float width, Color c);
  // An open polyline with mitred joins (a chart line); fewer than 2 points draw nothing.
  void stroke_polyline(const std::vector<app::Point>& points, float width, Color c);
  // A dashed straight line: `dash` dp drawn, `gap` dp skipped, from a.
  void stroke_dashed(app::Point a, app::Point b, float width, float dash, float gap, Color c);
  // An axis-aligned ellipse, and a capsule (a segment from a to b with round ends, `radius`
  // half-wide); their outlines lie outside the shape (the band's inner edge on its edge).
  void fill_ellipse(app::Point center, float rx, float ry, Color c);
  void fill_capsule(app::Point a, app::Point b, float radius, Color c);
  void stroke_ellipse(app::Point center, float rx, float ry, float width, Color c);
  void stroke_capsule(app::Point a, app::Point b, float radius, float width, Color c);
  // Filled radial glow: colour at the centre fading to transparent at `radius`.
  void fill_glow(app::Point center, float radius, Color c);
  // Concentric rings (a disc when inner is 0), each in its own colour and opacity, laid over
  // one another in order on a disc of the opaque `ground` colour that reaches just past the
  // outermost: the breathing pacer and its track, drawn over the page's background. Rasterised
  // here with exact anti-aliased coverage into one texture, opaque inside that disc and clear
  // outside it, so the software renderer copies it instead of blending it; far cheaper there
  // than the triangles of the same shapes. The texture is redrawn only when a ring moves.
  struct Ring {
    float inner = 0, outer = 0;  // dp from the centre
    Color color;                 // its alpha is the ring's opacity
  };
  void fill_rings(app::Point center, const std::vector<Ring>& rings, Color ground);

  float line_height(Font font) const override;
  float text_width(std::string_view text, Font font) const;
  float width(std::string_view text, Font font) const override { return text_width(text, font); }
  // Wrapped as text_wrapped wraps at this width, with no line limit (cached per text and width).
  std::vector<std::string> lines(std::string_view text, Font font, float width) const override;

  // One line, left-aligned at top_left (the top of a line_height(font) box, glyphs centred in it).
  // Returns its width.
  float text(std::string_view text, app::Point top_left, Font font, Color c);
  // One line aligned in box (vertically centred); ellipsised if wider than the box.
  void text_in(std::string_view text, app::Rect box, Font font, Color c, Align align);
  // Word-wrapped to box.w, at most max_lines (the last ellipsised), from box.y. Returns height.
  float text_wrapped(std::string_view text, app::Rect box, Font font, Color c, Align align,
                     int max_lines);
  // A block laid out by app::text_block: its lines, one under another, aligned in its box.
  void text_block(const app::TextBlock& block, Color c, Align align = Align::Left);
  // Lines text_wrapped would use at this width with no max_lines limit, without drawing.
  int wrapped_line_count(std::string_view text, float width, Font font) const;
  // Like text_in, but every digit gets the same advance so changing numbers don't jiggle.
  void number_in(std::string_view text, app::Rect box, Font font, Color c, Align align);

  // Clips drawing to r (dp) until clear_clip: text wholly outside it is neither drawn nor logged,
  // text partly outside is logged as clipped.
  void set_clip(app::Rect r);
  void clear_clip();

  const std::vector<TextRecord>& text_log() const;
  SDL_Renderer* renderer() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace unknot::ui
