// Where things go on the body map ("where does it hurt?"), the muscle details and the small
// figure on the session screen, in dp, as pure functions of the window size (same rules as
// layout.h: 8-dp grid, 24-dp margins, 48-dp targets, a column at most 480 wide).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/layout.h"
#include "app/model.h"

namespace unknot::app {

// The body map's figure box is 100 × 220 figure units per view (core/body_map.h).
inline constexpr float kFigureUnitsW = 100;
inline constexpr float kFigureUnitsH = 220;
inline constexpr float kMuscleRow = 64;

// A figure box of height h, as wide as the figure's aspect ratio asks.
inline float figure_width(float h) { return h * kFigureUnitsW / kFigureUnitsH; }

// Body map: a fixed header (back, title), the figure with the view toggle and what was chosen
// beside it, then a scrolling list of muscles, and Build routine at the bottom.
struct BodyMapLayout {
  Rect back, title;
  Rect figure;                   // the figure box (100 × 220 figure units), in dp
  Rect front, back_view;         // the view toggle: Front, Back
  Rect zone_label, status, legend;  // beside the figure
  Rect viewport;                 // the muscle list
  Rect list_title;               // "Muscles that may refer pain here", moved by the scroll
  std::vector<Rect> rows;        // one per muscle, moved by the scroll
  std::vector<Rect> toggles;     // the part of each row that picks it
  std::vector<Rect> infos;       // each row's details button
  Rect empty;                    // the message when there is no row
  Rect toast, build;
  float content_h = 0;
};
BodyMapLayout bodymap_layout(Size window, int rows, float scroll);
float bodymap_max_scroll(Size window, int rows);
// The point in figure units for a point in dp, when it lies in the figure box.
std::optional<Point> figure_point(Rect figure, Point p);

// One block of text on the muscle details screen (a section heading, a paragraph, a source).
struct MuscleText {
  enum class Style { Heading, Body, Caption };
  Style style = Style::Body;
  std::string text;
  Rect box;       // moved by the scroll
  int lines = 1;  // lines it may take (an estimate with room to spare)
};
struct MuscleLayout {
  Rect back, title, viewport;
  Rect front_figure, back_figure;  // moved by the scroll
  Rect front_label, back_label;    // "Front", "Back" under them
  Rect legend;                     // beside the figures
  std::vector<MuscleText> blocks;
  float content_h = 0;
};
MuscleLayout muscle_layout(Size window, const core::MuscleInfo& muscle, float scroll);
float muscle_max_scroll(Size window, const core::MuscleInfo& muscle);


// The controls of the body map and muscle screens with their rectangles; false when the
// screen is not one of them.
bool bodymap_hits(const AppModel& m, Size window, std::vector<Hit>& out);
// A tap on the figure: the zone under the finger (or the nearest one close to it).
std::optional<Control> bodymap_figure_hit(const AppModel& m, Size window, Point p);

}  // namespace unknot::app
