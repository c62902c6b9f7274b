#include "app/tab_bar.h"

#include <algorithm>
#include <cmath>

#include "app/history_page.h"
#include "app/screens.h"
#include "app/trends_page.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

constexpr float kMaxTabs = 640;
constexpr float kPageTop = 8;

float half_dp(float v) { return std::round(v * 2.0f) / 2.0f; }

}  // namespace

TabBarLayout tab_bar_layout(Size window) {
  TabBarLayout l;
  const Rect col = page_frame(window, false).column;
  const float w = std::min(col.w, kMaxTabs);
  const float x = half_dp(col.x + (col.w - w) / 2);
  l.bar = {0, window.h - kTabBarHeight, window.w, kTabBarHeight};
  const auto cell = [&](int i) {
    const float x0 = half_dp(x + w / 4 * static_cast<float>(i));
    const float x1 = i == 3 ? x + w : half_dp(x + w / 4 * static_cast<float>(i + 1));
    return Rect{x0, l.bar.y, x1 - x0, kTabBarHeight};
  };
  l.home = cell(0);
  l.progress = cell(1);
  l.history = cell(2);
  l.settings = cell(3);
  return l;
}

PageFrame tab_page_frame(Size window) {
  PageFrame f = page_frame(window, false);
  f.top_bar = {f.column.x, f.column.y, f.column.w, 0};
  f.viewport = {f.column.x - 8, kPageTop, f.column.w + 16,
                std::max(0.0f, window.h - kTabBarHeight - kPageTop)};
  return f;
}

void add_tabs(ScreenFrame& f, Size window) {
  const TabBarLayout t = tab_bar_layout(window);
  // TRANSLATORS: the four tabs at the foot of the main pages; keep each short (a quarter of a
  // phone's width, under an icon).
  add_target(f, {ControlKind::TabHome, 0}, t.home, core::tr("Home"), Role::Tab);
  add_target(f, {ControlKind::TabProgress, 0}, t.progress, core::tr("Progress"), Role::Tab);
  add_target(f, {ControlKind::TabHistory, 0}, t.history, core::tr("History"), Role::Tab);
  add_target(f, {ControlKind::Settings, 0}, t.settings, core::tr("Settings"), Role::Tab);
}

bool open_tab(Step& st, Control c) {
  switch (c.kind) {
    case ControlKind::TabHome:
      open_screen(st.m, HomeScreen{});
      return true;
    case ControlKind::TabProgress:
      open_trends(st.m, st.fx);
      return true;
    case ControlKind::TabHistory:
      open_history(st.m, st.fx);
      return true;
    case ControlKind::Settings:
      open_screen(st.m, SettingsScreen{});
      return true;
    default:
      return false;
  }
}

}  // namespace unknot::app
