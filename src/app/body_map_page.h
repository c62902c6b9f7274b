// "Where does it hurt?": the body map (front, back and a close-up of the head, whose small places
// get larger targets), the chosen place named in full, the muscles that commonly refer pain
// there (up to four picked), and Build routine. Everything under the top bar scrolls; the
// figure's shading shows the chosen side only. One screen module (app/screen_frame.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"
#include "core/routine.h"

namespace unknot::app {

inline constexpr int kMaxPicks = 4;  // muscles in one built routine (core::build_routine)

// The part of a view a figure box shows, in figure units (core/body_map.h): from (x, y), `w`
// units wide; the box's aspect ratio gives the height.
struct FigureWindow {
  float x = 0, y = 0, w = 100;
};
inline constexpr FigureWindow kWholeFigure{};
inline constexpr FigureWindow kHeadWindow{30, 0, 40};  // head and neck, 40 × 44 units
inline constexpr float kHeadWindowH = 44;

// What a figure shades: where a muscle lies (strong), where its pain spreads (soft), the place
// chosen as hurting (outlined), each a list of zone ids.
struct FigureShading {
  std::vector<std::string> location, referral;
  std::string chosen;
  bool zone_outlines = true;  // the map's zones, faintly
};

// The side a zone id names ("jaw_left": Left); None for a midline zone.
core::Side zone_side(std::string_view zone_id);
// A muscle's zones on one side (and the midline ones); both sides for Side::None.
FigureShading muscle_shading(const core::MuscleInfo& muscle, core::Side side);
// The session's figure: the muscle of the step playing, on the step's side only.
FigureShading session_shading(const AppModel& m);

struct MuscleRowLayout {
  Rect row, toggle, info;  // toggle: the part that picks; info: the details button
  TextBlock name, detail;
};
struct FigureLegendItem {
  Point dot;
  TextBlock text;
  bool spread = false;  // the referral colour; else the muscle's
};

struct BodyMapPageLayout {
  PageFrame page;
  Rect back;
  TextBlock title;
  Rect front, back_view, head;  // the view toggle; w == 0 without a map
  Rect figure;                  // h == 0 without a map
  FigureWindow window;          // the part of the view the figure shows
  TextBlock place;              // the chosen place, or "Tap where it hurts"
  TextBlock shown_on;           // "Shown on the front" when the view shown lacks the place
  TextBlock status;             // what to do next, how many picked
  std::vector<FigureLegendItem> legend;
  TextBlock list_title, empty;
  std::vector<MuscleRowLayout> rows;
  Rect toast_card;  // h == 0 without a toast
  TextBlock toast;
  Rect build;  // w == 0 without a map
  float content_h = 0;
};
// Laid out at env's window, text measure and scroll (content moved up by env.scroll).
BodyMapPageLayout body_map_layout(const AppModel& m, const BodyMapScreen& s, const Env& env);
// The map's shading: the chosen place, and the picked and focused muscles on its side.
FigureShading map_shading(const AppModel& m, const BodyMapScreen& s, std::optional<Control> focus);

// Indices into map.zones of the zones the screen shows (the view, or the head's close-up), in
// map order (the keyboard's order).
std::vector<int> shown_zones(const core::BodyMap& map, const BodyMapScreen& s);
// The muscles listed for the chosen zone, in library order; therapist-only ones only in
// therapist mode. Empty before a zone is chosen or without a library.
std::vector<const core::MuscleInfo*> bodymap_rows(const AppModel& m, const BodyMapScreen& s);
// The zone the keyboard moves to from the chosen one (delta +1 / -1, wrapping within the zones
// shown); the first (or last) shown zone when none of them is chosen yet.
std::optional<int> zone_step(const AppModel& m, int delta);
// The zone the figure's focus stands for: the chosen zone when it is shown, else the first
// shown zone; -1 without a map.
int focus_zone(const AppModel& m, const BodyMapScreen& s);
// A tap on the figure: the zone under the finger (or the nearest one within a fingertip).
std::optional<Control> bodymap_figure_hit(const AppModel& m, Size window, Point p);

void activate(Step& st, BodyMapScreen& s, Control c);
void back(Step& st, BodyMapScreen& s);
void scroll(Step& st, BodyMapScreen& s, float dy);
void text_input(Step& st, BodyMapScreen& s, const TextInput& t);
ScreenFrame frame(const AppModel& m, const BodyMapScreen& s, const Env& env);
Control primary(const AppModel& m, const BodyMapScreen& s);

}  // namespace unknot::app
