#include "app/summary_page.h"

#include <algorithm>

#include "app/screens.h"
#include "app/session_flow.h"
#include "app/view.h"
#include "core/translate.h"

namespace unknot::app {

SummaryPageLayout summary_page_layout(const AppModel& m, const Env& env) {
  SummaryPageLayout l;
  l.page = page_frame(env.window, true);
  Rect col = l.page.column;
  if (col.w > 480) col = {col.x + (col.w - 480) / 2, col.y, 480, col.h};
  l.page.bottom = {col.x, l.page.bottom.y, col.w, l.page.bottom.h};
  l.done = l.page.bottom;
  const SummaryView v = summary_view(m);
  Flow f{env.text, col.x, col.w, l.page.viewport.y + 4};
  l.title = f.add(v.title, Font::Title, 16);
  const float card_top = f.y;
  f.y += 16;
  Flow inside{env.text, col.x + 16, col.w - 32, f.y};
  l.before_after = inside.add(v.before_after, Font::Display, 0);
  l.card = {col.x, card_top, col.w, inside.y + 16 - card_top};
  f.y = l.card.bottom() + 8;
  l.change = f.add(v.change, Font::Heading, 8);
  l.time_done = f.add(v.time_done, Font::Body, 16);
  l.message = f.add(v.message, Font::Body, 16);
  l.content_h = f.y - l.page.viewport.y;
  const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.page.viewport.h));
  for (TextBlock* b : {&l.title, &l.before_after, &l.change, &l.time_done, &l.message})
    b->box.y -= dy;
  l.card.y -= dy;
  return l;
}

ScreenFrame frame(const AppModel& m, const SummaryScreen&, const Env& env) {
  const auto l = summary_page_layout(m, env);
  ScreenFrame f;
  f.title = summary_view(m).title;  // the heading summary_page_layout draws
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  add_target(f, {ControlKind::Done, 0}, l.done, core::tr("Done"));
  return f;
}

Control primary(const AppModel&, const SummaryScreen&) { return {ControlKind::Done, 0}; }

void activate(Step& st, SummaryScreen& s, Control c) {
  if (c.kind == ControlKind::Done) back(st, s);
}

void back(Step& st, SummaryScreen&) {
  // After Just breathe, Done returns to the breathing list it came from; after a routine, Home.
  const bool breathing = st.m.session && st.m.session->breathing();
  leave_session(st.m, st.fx);
  if (breathing) {
    open_screen(st.m, BreatheListScreen{});
  } else {
    open_screen(st.m, HomeScreen{});
  }
}

void scroll(Step& st, SummaryScreen&, float dy) { scroll_content(st.m, dy); }

void text_input(Step&, SummaryScreen&, const TextInput&) {}

}  // namespace unknot::app
