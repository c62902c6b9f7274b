// The rating is laid out first, at its measured width, and the title wraps in what is left, so
// "4 → 1" is never cut by a long title.
#include "app/history_page.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "app/entry_page.h"
#include "app/progress_flow.h"
#include "app/screens.h"
#include "app/view.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

// TRANSLATORS: the History page's heading (also its tab).
constexpr const char* kTitle = core::tr_noop("History");

constexpr float kPad = 12;
constexpr float kRowGap = 8;
constexpr float kUndoW = 80;

HistoryRowLayout row_layout(const TextMeasure& t, const HistoryRowView& v, bool rated, float x,
                            float y, float w) {
  HistoryRowLayout r;
  const float in_x = x + 16, in_w = w - 32;
  float top = y + kPad;
  const float status_w = std::min(in_w / 2, t.width(v.status, Font::Caption) + 1);
  r.status = text_block(t, v.status, Font::Caption, in_x + in_w - status_w, top, status_w);
  r.date = text_block(t, v.date, Font::Caption, in_x, top, in_w - status_w - 8);
  top = std::max(r.date.box.bottom(), r.status.box.bottom()) + 2;
  const Font ratings_font = rated ? Font::Heading : Font::Caption;
  const float ratings_w = std::min(in_w / 2, t.width(v.ratings, ratings_font) + 1);
  r.ratings = text_block(t, v.ratings, ratings_font, in_x + in_w - ratings_w, top, ratings_w);
  r.title = text_block(t, v.title, Font::BodyStrong, in_x, top, in_w - ratings_w - 12);
  top = std::max(r.title.box.bottom(), r.ratings.box.bottom()) + 2;
  const float minutes_w = std::min(in_w, t.width(v.minutes, Font::Caption) + 1);
  r.minutes = text_block(t, v.minutes, Font::Caption, in_x, top, minutes_w);
  const float line = t.line_height(Font::Caption);
  if (!v.note.empty()) {
    // " · note" beside the minutes, or on a line of its own when little room is left.
    const float left = in_w - minutes_w;
    r.note = left >= 96 ? Rect{in_x + minutes_w, top, left, line}
                        : Rect{in_x, r.minutes.box.bottom(), in_w, line};
  }
  const float bottom =
      r.note.h > 0 ? std::max(r.minutes.box.bottom(), r.note.bottom()) : r.minutes.box.bottom();
  r.row = {x, y, w, bottom + kPad - y};
  return r;
}

HistoryLayout lay_out(const AppModel& m, const Env& env, float dy) {
  HistoryLayout l;
  const TextMeasure& t = env.text;
  l.tabs = tab_bar_layout(env.window, env.text);
  l.page = tab_page_frame(env.window, l.tabs);
  const Rect col = l.page.column;
  const Rect vp = l.page.viewport;
  l.list = vp;
  if (undo_showing(m)) {
    const float label_w = col.w - 16 - kUndoW - 4 - 8;
    l.undo_label = text_block(t, m.undo->label, Font::Body, col.x + 16, 0, label_w);
    const float h = std::max(56.0f, l.undo_label.box.h + 16);
    l.undo_bar = {col.x, vp.bottom() - 8 - h, col.w, h};
    l.undo_label.box.y = l.undo_bar.y + (h - l.undo_label.box.h) / 2;
    l.undo = {l.undo_bar.right() - 4 - kUndoW, l.undo_bar.y + (h - 48) / 2, kUndoW, 48};
    l.list.h = std::max(0.0f, l.undo_bar.y - 4 - vp.y);
  }
  // Up to 960 wide, a row's lines would be hard to follow: rows stay within 720 dp.
  const float w = std::min(col.w, 720.0f);
  Flow f{t, col.x, w, col.y + 8 - dy};
  l.title = f.add(core::tr(kTitle), Font::Title, 16);
  const auto& entries = m.history.entries;
  for (const auto& e : entries) {
    const HistoryRowView v = history_row_view(m, e);
    l.rows.push_back(row_layout(t, v, e.before || e.after, col.x, f.y, w));
    f.y = l.rows.back().row.bottom() + kRowGap;
  }
  if (entries.empty()) {
    f.y += 16;
    if (m.history.loaded) {
      l.empty_title = f.add(core::tr("No sessions yet"), Font::Heading, 8);
      l.empty_body = f.add(core::tr("Sessions you do appear here, newest first. Open one to change "
                                    "its ratings or note."),
                           Font::Body, 0);
    } else {
      l.empty_body = f.add(core::tr("Loading…"), Font::Body, 0);
    }
  } else {
    f.y += 4;
    l.footer = f.add(m.history.more || m.history.loading ? core::tr("Loading older sessions…")
                                                         : core::tr("That is everything so far"),
                     Font::Caption, 0);
  }
  l.content_h = f.y + 24 + dy - vp.y;
  return l;
}

void load_more_history(AppModel& m, std::vector<Effect>& fx) {
  if (!m.history.loaded || !m.history.more || m.history.loading || m.history.entries.empty())
    return;
  const HistoryEntry& last = m.history.entries.back();
  m.history.loading = true;
  fx.push_back(LoadHistory{HistoryCursor{last.started_at, last.id}, kHistoryPage});
}

void open_entry(AppModel& m, int index) {
  if (index < 0 || index >= static_cast<int>(m.history.entries.size())) return;
  const HistoryEntry& entry = m.history.entries[static_cast<std::size_t>(index)];
  open_screen(m, entry_screen(entry));
}

}  // namespace

HistoryLayout history_layout(const AppModel& m, const Env& env) {
  HistoryLayout l = lay_out(m, env, 0);
  const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.list.h));
  return dy > 0 ? lay_out(m, env, dy) : l;
}

void open_history(AppModel& m, std::vector<Effect>& fx) {
  open_screen(m, HistoryScreen{});
  if (!m.history.loaded && !m.history.loading) {
    m.history.loading = true;
    fx.push_back(LoadHistory{std::nullopt, kHistoryPage});
  }
}

ScreenFrame frame(const AppModel& m, const HistoryScreen&, const Env& env) {
  const HistoryLayout l = history_layout(m, env);
  ScreenFrame f;
  f.title = core::tr(kTitle);
  f.viewport = l.list;
  f.content_h = l.content_h;
  for (std::size_t i = 0; i < l.rows.size(); ++i) {
    add_scrolling(f, {ControlKind::HistoryRow, static_cast<int>(i)}, l.rows[i].row,
                  history_row_view(m, m.history.entries[i]).title, Role::Row);
  }
  // TRANSLATORS: a button that brings a deleted session back.
  if (l.undo.h > 0) add_target(f, {ControlKind::Undo, 0}, l.undo, core::tr("Undo"));
  add_tabs(f, env.window, env.text);
  return f;
}

Control primary(const AppModel& m, const HistoryScreen&) {
  if (!m.history.entries.empty()) return {ControlKind::HistoryRow, 0};
  return {ControlKind::TabHistory, 0};
}

void activate(Step& st, HistoryScreen&, Control c) {
  AppModel& m = st.m;
  if (open_tab(st, c)) return;
  if (c.kind == ControlKind::HistoryRow) {
    open_entry(m, c.index);
  } else if (c.kind == ControlKind::Undo && undo_showing(m)) {
    st.fx.push_back(RestoreEntry{m.undo->id});
    m.undo.reset();
    m.progress.reset();
    // The restored entry comes back in its place with the first page.
    m.history = HistoryList{};
    m.history.loading = true;
    st.fx.push_back(LoadHistory{std::nullopt, kHistoryPage});
    open_screen(m, HistoryScreen{});
  }
}

void back(Step& st, HistoryScreen&) { open_screen(st.m, HomeScreen{}); }

void scroll(Step& st, HistoryScreen&, float dy) {
  scroll_content(st.m, dy);
  // Within two screens of the end, the next page is asked for.
  if (screen_frame(st.m).max_scroll() - st.m.scroll.offset < 2 * st.m.window_h)
    load_more_history(st.m, st.fx);
}

void text_input(Step&, HistoryScreen&, const TextInput&) {}

}  // namespace unknot::app
