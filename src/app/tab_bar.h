// The bar at the bottom of Home, Progress, History and Settings, and the page above it: a
// scrolling viewport from the top of the window down to the bar, with nothing fixed on top (a
// page's title and small buttons scroll with it). Pure std + core.
#pragma once

#include "app/page_layout.h"
#include "app/screen_frame.h"

namespace unknot::app {

inline constexpr float kTabBarHeight = 64;

struct TabBarLayout {
  Rect bar, home, progress, history, settings;
};
// Four equal cells, centred under the content column (at most 640 dp for the four).
TabBarLayout tab_bar_layout(Size window);

// The page above the bar: page_frame's column, no top bar, the viewport ending at the bar.
PageFrame tab_page_frame(Size window);

// The four tabs as fixed targets, after the page's own (they come last in reading order).
void add_tabs(ScreenFrame& f, Size window);

// Opens the tab's screen, asking for its data when needed; false when `c` is not a tab.
bool open_tab(Step& st, Control c);

}  // namespace unknot::app
