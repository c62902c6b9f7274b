#include "app/routine_page.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "app/care_flow.h"
#include "app/screens.h"
#include "app/view.h"
#include "core/content_language.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

constexpr float kGap = 16;
constexpr float kSmallGap = 8;
constexpr float kCardPad = 16;
constexpr float kRowGap = 10;

const CatalogEntry* entry_of(const AppModel& m, const RoutineScreen& s) {
  if (s.routine < 0 || s.routine >= static_cast<int>(m.catalog.size())) return nullptr;
  return &m.catalog[static_cast<std::size_t>(s.routine)];
}

// A card of paragraphs: a heading and one block per item, padded; returns the card's rect.
Rect card(Flow& f, const std::string& heading, const std::vector<std::string>& items,
          Font item_font, TextBlock& heading_out, std::vector<TextBlock>& items_out) {
  const float top = f.y;
  Flow inner{f.text, f.x + kCardPad, f.w - 2 * kCardPad, top + 12};
  heading_out = inner.add(heading, Font::BodyStrong, 6);
  for (const auto& item : items) items_out.push_back(inner.add(item, item_font, 6));
  const Rect r{f.x, top, f.w, inner.y - 6 + 12 - top};
  f.y = r.bottom() + kGap;
  return r;
}

void move_block(TextBlock& b, float dy) { b.box.y -= dy; }

}  // namespace

RoutinePageLayout routine_page_layout(const AppModel& m, const RoutineScreen& s, const Env& env) {
  RoutinePageLayout l;
  const CatalogEntry* entry = entry_of(m, s);
  const bool can_start = entry != nullptr && !entry->routine.steps.empty();
  l.page = page_frame(env.window, can_start);
  const Rect col = l.page.column;
  const Rect bar = l.page.top_bar;
  l.back = {bar.x - 12, bar.y, 48, 48};
  if (entry == nullptr) return l;
  const core::Routine& r = entry->routine;
  const bool homework = homework_of(m, s.routine) != nullptr;
  float right = bar.right();
  const float bar_left = l.back.right() + kSmallGap;
  if (entry->built || homework) {
    // As wide as the longer of its words, so it does not change size once saved.
    const std::string save = core::tr("Save"), saved = core::tr("Saved");
    const std::string label =
        homework ? core::tr("Calendar")
        : env.text.width(save, Font::Button) > env.text.width(saved, Font::Button) ? save
                                                                                   : saved;
    l.save = top_bar_button(env.text, bar, bar_left, right, label);
    right = l.save.x - kSmallGap;
  }
  if (!r.sources.empty())
    l.sources = top_bar_button(env.text, bar, bar_left, right, core::tr("Sources"));
  if (can_start) l.start = l.page.bottom;

  // Narrow: one column. Wide: details on the left, steps on the right.
  const float top = l.page.viewport.y + kSmallGap;
  const float left_w = l.page.wide ? std::floor((col.w - 2 * kGap) * 0.45f) : col.w;
  Flow left{env.text, col.x, left_w, top};
  l.title = left.add(r.title, Font::Title, kSmallGap);
  std::string meta = format_minutes(entry->timeline->total());
  if (!r.tool.empty()) meta += " · " + core::tool_text(r.tool);
  l.meta = left.add(meta, Font::Body, kGap);
  l.summary = left.add(r.summary, Font::Body, kGap);
  if (!entry->changes.empty()) {
    std::vector<std::string> items;
    for (const auto& c : entry->changes) {
      // TRANSLATORS: a change made to a routine for the person's safety: the step's title, then
      // why it was changed.
      const std::string item = core::tr("{title}: {reason}");
      items.push_back(core::fill(item, {{"title", c.title}, {"reason", c.reason}}));
    }
    l.changes_card = card(left, core::tr("Changed for your safety"), items, Font::Body,
                          l.changes_heading, l.changes);
  }
  if (!can_start) {
    l.nothing_left = left.add(
        core::tr("Nothing in this routine can be played for you (the reasons are above), so there "
                 "is nothing to start. Ask your therapist for one that fits."),
        Font::Body, kGap);
  }
  Flow steps = l.page.wide
                   ? Flow{env.text, col.x + left_w + 2 * kGap, col.w - left_w - 2 * kGap, top}
                   : Flow{env.text, col.x, col.w, left.y};
  if (can_start) {
    l.steps_heading = steps.add(core::tr("Steps"), Font::Heading, kSmallGap);
    const auto lines = step_lines(r, [&m](std::string_view id) { return find_pattern(m, id); });
    const float number_w = 32;
    const float detail_w = std::min(160.0f, std::floor(steps.w * 0.4f));
    const float title_w = steps.w - number_w - detail_w - kSmallGap;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      StepRowLayout row;
      row.number =
          text_block(env.text, std::to_string(i + 1), Font::Body, steps.x, steps.y, number_w);
      row.title =
          text_block(env.text, lines[i].title, Font::Body, steps.x + number_w, steps.y, title_w);
      row.detail = text_block(env.text, lines[i].detail, Font::Body, steps.x + steps.w - detail_w,
                              steps.y, detail_w);
      steps.y += std::max({row.number.box.h, row.title.box.h, row.detail.box.h}) + kRowGap;
      l.steps.push_back(std::move(row));
    }
    steps.y += kGap - kRowGap;
  }
  // Cautions follow the steps on a phone (read before Start), and the details on a desktop.
  Flow& after = l.page.wide ? left : steps;
  if (!r.cautions.empty()) {
    l.cautions_card = card(after, core::tr("Before you start"), r.cautions, Font::Body,
                           l.cautions_heading, l.cautions);
  }
  l.content_h = std::max(left.y, steps.y) - l.page.viewport.y;

  // Scrolling moves everything inside the viewport.
  const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.page.viewport.h));
  for (TextBlock* b : {&l.title, &l.meta, &l.summary, &l.changes_heading, &l.nothing_left,
                       &l.steps_heading, &l.cautions_heading}) {
    move_block(*b, dy);
  }
  for (auto& b : l.changes) move_block(b, dy);
  for (auto& b : l.cautions) move_block(b, dy);
  for (auto& row : l.steps) {
    move_block(row.number, dy);
    move_block(row.title, dy);
    move_block(row.detail, dy);
  }
  l.changes_card = scrolled(l.changes_card, dy);
  l.cautions_card = scrolled(l.cautions_card, dy);
  return l;
}

ScreenFrame frame(const AppModel& m, const RoutineScreen& s, const Env& env) {
  const auto l = routine_page_layout(m, s, env);
  ScreenFrame f;
  if (const CatalogEntry* entry = entry_of(m, s)) f.title = entry->routine.title;
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  add_target(f, {ControlKind::Back, 0}, l.back, core::trc("button", "Back"));
  const CatalogEntry* entry = entry_of(m, s);
  if (entry == nullptr) return f;
  if (l.sources.w > 0)
    add_target(f, {ControlKind::RoutineSources, 0}, l.sources, core::tr("Sources"));
  if (l.save.w > 0) {
    if (homework_of(m, s.routine) != nullptr) {
      // TRANSLATORS: a small button: adds the homework's sessions to the person's calendar.
      add_target(f, {ControlKind::AddToCalendar, 0}, l.save, core::tr("Calendar"));
    } else {
      // TRANSLATORS: a small button that saves a routine, and what it says once saved.
      const std::string label = entry->saved ? core::tr("Saved") : core::tr("Save");
      add_target(f, {ControlKind::SaveRoutine, 0}, l.save, label, Role::Button, !entry->saved);
    }
  }
  if (l.start.w > 0) add_target(f, {ControlKind::Start, 0}, l.start, core::tr("Start"));
  return f;
}

Control primary(const AppModel& m, const RoutineScreen& s) {
  const CatalogEntry* entry = entry_of(m, s);
  if (entry != nullptr && !entry->routine.steps.empty()) return {ControlKind::Start, 0};
  return {ControlKind::Back, 0};
}

void activate(Step& st, RoutineScreen& s, Control c) {
  AppModel& m = st.m;
  CatalogEntry* entry = s.routine >= 0 && s.routine < static_cast<int>(m.catalog.size())
                            ? &m.catalog[static_cast<std::size_t>(s.routine)]
                            : nullptr;
  switch (c.kind) {
    case ControlKind::Back:
      back(st, s);
      return;
    case ControlKind::Start:
      if (entry != nullptr && !entry->routine.steps.empty()) start_routine(m, s.routine);
      return;
    case ControlKind::RoutineSources:
      open_screen(m, SourcesScreen{s.routine});
      return;
    case ControlKind::AddToCalendar:
      if (const auto* hw = homework_of(m, s.routine)) st.fx.push_back(ExportCalendar{hw->id});
      return;
    case ControlKind::SaveRoutine:
      if (entry == nullptr || !entry->built || entry->saved) return;
      st.fx.push_back(
          SaveBuiltRoutine{entry->original.id.empty() ? entry->routine : entry->original});
      entry->saved = true;
      return;
    default:
      return;
  }
}

void back(Step& st, RoutineScreen& s) {
  if (s.map) {
    BodyMapScreen map = *s.map;
    open_screen(st.m, std::move(map));
    return;
  }
  open_screen(st.m, HomeScreen{});
}

void scroll(Step& st, RoutineScreen&, float dy) { scroll_content(st.m, dy); }

void text_input(Step&, RoutineScreen&, const TextInput&) {}

}  // namespace unknot::app
