#include "app/breathe_list_page.h"

#include <algorithm>

#include "app/editor_page.h"
#include "app/pattern_page.h"
#include "app/screens.h"
#include "app/view.h"
#include "core/breath.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

const char* const kTitle = core::tr_noop("Just breathe");  // the page's heading

constexpr float kPad = 16;
constexpr float kRowGap = 8;
constexpr float kMinRow = 72;

BreatheListPageLayout lay_out(const AppModel& m, const Env& env, float dy) {
  BreatheListPageLayout l;
  l.page = page_frame(env.window, false);
  const Rect col = l.page.column;
  l.back = {l.page.top_bar.x - 12, l.page.top_bar.y, 48, 48};
  const float top = l.page.viewport.y + 8;
  Flow f{env.text, col.x, col.w, top - dy};
  l.title = f.add(core::tr(kTitle), Font::Title, 16);
  for (const core::BreathPattern* p : all_patterns(m)) {
    PatternRowLayout r;
    const float y = f.y;
    Flow in{env.text, col.x + kPad, col.w - 2 * kPad, y + 12};
    r.name = in.add(core::pattern_name(*p), Font::Heading, 2);
    r.timing = in.add(pattern_timing(*p), Font::Caption, 0);
    r.row = f.take(std::max(kMinRow, in.y - y + 12), kRowGap);
    l.rows.push_back(std::move(r));
  }
  l.new_pattern = f.take(56, 0);
  l.content_h = f.y + 16 + dy - l.page.viewport.y;
  return l;
}

}  // namespace

BreatheListPageLayout breathe_list_page_layout(const AppModel& m, const Env& env) {
  BreatheListPageLayout l = lay_out(m, env, 0);
  const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.page.viewport.h));
  return dy > 0 ? lay_out(m, env, dy) : l;
}

ScreenFrame frame(const AppModel& m, const BreatheListScreen&, const Env& env) {
  const auto l = breathe_list_page_layout(m, env);
  ScreenFrame f;
  f.title = core::tr(kTitle);
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  add_target(f, {ControlKind::Back, 0}, l.back, core::trc("button", "Back"));
  const auto patterns = all_patterns(m);
  for (std::size_t i = 0; i < l.rows.size(); ++i) {
    add_scrolling(f, {ControlKind::PatternRow, static_cast<int>(i)}, l.rows[i].row,
                  core::pattern_name(*patterns[i]), Role::Row);
  }
  add_scrolling(f, {ControlKind::NewPattern, static_cast<int>(l.rows.size())}, l.new_pattern,
                core::tr("New pattern"));
  return f;
}

Control primary(const AppModel&, const BreatheListScreen&) { return {ControlKind::PatternRow, 0}; }

void activate(Step& st, BreatheListScreen&, Control c) {
  AppModel& m = st.m;
  const auto patterns = all_patterns(m);
  if (c.kind == ControlKind::Back) {
    open_screen(m, HomeScreen{});
  } else if (c.kind == ControlKind::PatternRow && c.index >= 0 &&
             c.index < static_cast<int>(patterns.size())) {
    open_pattern(st, *patterns[static_cast<std::size_t>(c.index)]);
  } else if (c.kind == ControlKind::NewPattern) {
    core::PatternDraft draft;
    // TRANSLATORS: the name a new breathing pattern starts with, until the person renames it.
    draft.name = core::tr("My pattern");
    open_screen(m, editor_screen(std::move(draft)));
  }
}

void back(Step& st, BreatheListScreen&) { open_screen(st.m, HomeScreen{}); }

void scroll(Step& st, BreatheListScreen&, float dy) { scroll_content(st.m, dy); }

void text_input(Step&, BreatheListScreen&, const TextInput&) {}

}  // namespace unknot::app
