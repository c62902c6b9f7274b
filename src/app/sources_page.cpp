#include "app/sources_page.h"

#include <algorithm>

#include "app/screens.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

// TRANSLATORS: the heading of the page listing a routine's scientific sources.
constexpr const char* kTitle = core::tr_noop("Sources");  // the page's heading

constexpr float kGap = 16;
constexpr float kSmallGap = 8;

SourcesPageLayout layout_at(const AppModel& m, const SourcesScreen& s, const Env& env, float dy) {
  SourcesPageLayout l;
  l.page = page_frame(env.window, false);
  l.back = {l.page.top_bar.x - 12, l.page.top_bar.y, 48, 48};
  const Rect col = l.page.column;
  // Citations read best at about 70 characters a line, even on a desktop.
  Flow f{env.text, col.x, std::min(col.w, 640.0f), l.page.viewport.y + kSmallGap - dy};
  l.title = f.add(core::tr(kTitle), Font::Title, 4);
  if (s.routine >= 0 && s.routine < static_cast<int>(m.catalog.size())) {
    const core::Routine& r = m.catalog[static_cast<std::size_t>(s.routine)].routine;
    l.subtitle = f.add(r.title, Font::Body, kGap);
    for (const auto& source : r.sources)
      l.sources.push_back(f.add(source, Font::Caption, kSmallGap + 4));
  }
  l.content_h = f.y + kGap + dy - l.page.viewport.y;
  return l;
}

}  // namespace

SourcesPageLayout sources_page_layout(const AppModel& m, const SourcesScreen& s, const Env& env) {
  SourcesPageLayout l = layout_at(m, s, env, 0);
  const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.page.viewport.h));
  return dy > 0 ? layout_at(m, s, env, dy) : l;
}

ScreenFrame frame(const AppModel& m, const SourcesScreen& s, const Env& env) {
  const auto l = sources_page_layout(m, s, env);
  ScreenFrame f;
  f.title = core::tr(kTitle);
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  add_target(f, {ControlKind::Back, 0}, l.back, core::trc("button", "Back"));
  return f;
}

Control primary(const AppModel&, const SourcesScreen&) { return {ControlKind::Back, 0}; }

void activate(Step& st, SourcesScreen& s, Control c) {
  if (c.kind == ControlKind::Back) back(st, s);
}

void back(Step& st, SourcesScreen& s) { open_screen(st.m, RoutineScreen{s.routine, std::nullopt}); }

void scroll(Step& st, SourcesScreen&, float dy) { scroll_content(st.m, dy); }

void text_input(Step&, SourcesScreen&, const TextInput&) {}

}  // namespace unknot::app
