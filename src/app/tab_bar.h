// The bar at the bottom of Home, Progress, History and Settings, and the page above it: a
// scrolling viewport from the top of the window down to the bar, with nothing fixed on top (a
// page's title and small buttons scroll with it). Pure std + core.
#pragma once

#include "app/page_layout.h"
#include "app/screen_frame.h"

namespace unknot::app {

// The bar's height when its labels take one line; it grows when they must wrap.
inline constexpr float kTabBarHeight = 64;

// The four tabs, in order: Home, Progress, History, Settings.
inline constexpr int kTabCount = 4;

struct TabBarLayout {
  Rect bar, home, progress, history, settings;
  // Each tab's label in its cell, in the order above: centred lines of `font`. In the body
  // style the active tab is drawn semibold (the widths are measured semibold).
  TextBlock labels[kTabCount];
  Font font = Font::BodyStrong;
};
// Across the window, 8 dp in from its sides (at most 640 dp for the four, centred). The labels keep
// the body style on one line when they fit: in equal cells, or else in cells sized to their words
// with the spare room shared. When they do not fit, the caption style is tried the same way, and
// then the labels wrap in equal cells and the bar grows to hold their lines (a long word in a
// language with long words, at a large text size, on a small phone). No label is ever cut.
TabBarLayout tab_bar_layout(Size window, const TextMeasure& text);

// The page above the bar `tabs` (as tab_bar_layout made it): page_frame's column, no top bar,
// the viewport ending at the bar.
PageFrame tab_page_frame(Size window, const TabBarLayout& tabs);

// The four tabs as fixed targets, after the page's own (they come last in reading order).
void add_tabs(ScreenFrame& f, Size window, const TextMeasure& text);

// Opens the tab's screen, asking for its data when needed; false when `c` is not a tab.
bool open_tab(Step& st, Control c);

}  // namespace unknot::app
