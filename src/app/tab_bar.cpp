#include "app/tab_bar.h"

#include <algorithm>
#include <cmath>

#include "app/history_page.h"
#include "app/layout.h"
#include "app/screens.h"
#include "app/trends_page.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

constexpr float kMaxTabs = 640;
constexpr float kPageTop = 8;
constexpr float kLabelPad = 16;  // room beside a label in its cell (8 each side), and above+below

// TRANSLATORS: the four tabs at the foot of the main pages; keep each short (a quarter of a
// phone's width). A longer word wraps onto two lines rather than being cut.
constexpr const char* kTabNames[kTabCount] = {core::tr_noop("Home"), core::tr_noop("Progress"),
                                              core::tr_noop("History"), core::tr_noop("Settings")};

float half_dp(float v) { return std::round(v * 2.0f) / 2.0f; }

}  // namespace

TabBarLayout tab_bar_layout(Size window, const TextMeasure& text) {
  TabBarLayout l;
  const std::string labels[kTabCount] = {core::tr(kTabNames[0]), core::tr(kTabNames[1]),
                                         core::tr(kTabNames[2]), core::tr(kTabNames[3])};
  const float w = std::min(window.w - 2 * kSmallGap, kMaxTabs);
  const float x = half_dp(std::max(0.0f, window.w - w) / 2);
  float widths[kTabCount] = {w / 4, w / 4, w / 4, w / 4};
  bool one_line = false;
  for (const Font font : {Font::BodyStrong, Font::Caption}) {
    float needs[kTabCount];
    float sum = 0;
    for (int i = 0; i < kTabCount; ++i) {
      needs[i] = std::ceil(text.width(labels[i], font)) + kLabelPad;
      sum += needs[i];
    }
    l.font = font;
    if (std::all_of(std::begin(needs), std::end(needs), [&](float n) { return n <= w / 4; })) {
      one_line = true;
      break;
    }
    if (sum <= w) {
      for (int i = 0; i < kTabCount; ++i) widths[i] = needs[i] + (w - sum) / kTabCount;
      one_line = true;
      break;
    }
  }
  float line_count = 1;
  if (!one_line) {
    for (const std::string& label : labels) {
      line_count = std::max(
          line_count, static_cast<float>(text.lines(label, l.font, w / 4 - kLabelPad).size()));
    }
  }
  const float line_h = text.line_height(l.font);
  const float h = std::max(kTabBarHeight, std::ceil(line_count * line_h + 2 * kLabelPad));
  l.bar = {0, window.h - h, window.w, h};
  Rect* cells[kTabCount] = {&l.home, &l.progress, &l.history, &l.settings};
  float x0 = x;
  for (int i = 0; i < kTabCount; ++i) {
    const float x1 = i + 1 == kTabCount ? x + w : half_dp(x0 + widths[i]);
    *cells[i] = {x0, l.bar.y, x1 - x0, h};
    const float label_w = cells[i]->w - kLabelPad;
    TextBlock b = text_block(text, labels[i], l.font, cells[i]->x + kLabelPad / 2, 0, label_w);
    b.box.y = half_dp(l.bar.y + (h - b.box.h) / 2);
    l.labels[i] = std::move(b);
    x0 = x1;
  }
  return l;
}

PageFrame tab_page_frame(Size window, const TabBarLayout& tabs) {
  PageFrame f = page_frame(window, false);
  f.top_bar = {f.column.x, f.column.y, f.column.w, 0};
  f.viewport = {f.column.x - 8, kPageTop, f.column.w + 16, std::max(0.0f, tabs.bar.y - kPageTop)};
  return f;
}

void add_tabs(ScreenFrame& f, Size window, const TextMeasure& text) {
  const TabBarLayout t = tab_bar_layout(window, text);
  add_target(f, {ControlKind::TabHome, 0}, t.home, core::tr(kTabNames[0]), Role::Tab);
  add_target(f, {ControlKind::TabProgress, 0}, t.progress, core::tr(kTabNames[1]), Role::Tab);
  add_target(f, {ControlKind::TabHistory, 0}, t.history, core::tr(kTabNames[2]), Role::Tab);
  add_target(f, {ControlKind::Settings, 0}, t.settings, core::tr(kTabNames[3]), Role::Tab);
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
