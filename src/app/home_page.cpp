#include "app/home_page.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>

#include "app/homework_status.h"
#include "app/screens.h"
#include "app/view.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

// The page's heading: the app's name, never translated.
constexpr std::string_view kTitle = "Unknot";

constexpr float kCardGap = 16;
constexpr float kChevronW = 44;  // the "›" at a card's right, and the room kept for it
constexpr float kSoundW = 88;
constexpr float kTargetH = 48;

const char* const kSubtitle =
    core::tr_noop("Pick a routine. Ease into the pressure as you breathe out.");

bool has_homework_card(const AppModel& m, int routine) {
  return std::any_of(m.homework.begin(), m.homework.end(),
                     [routine](const HomeworkStatus& h) { return h.routine == routine; });
}

Rect chevron_of(Rect card) { return {card.right() - kChevronW, card.y, 32, card.h}; }

HomeworkCardLayout homework_card(const TextMeasure& t, const HomeworkStatus& hw, float x, float y,
                                 float w) {
  HomeworkCardLayout c;
  Flow in{t, x + 20, w - 20 - kChevronW, y + 14};
  // TRANSLATORS: over a homework card: who set it ("Homework", or "Homework from {therapist}"
  // with the therapist's name).
  c.from = in.add(hw.therapist.empty() ? core::tr("Homework")
                                       : core::fill(core::tr("Homework from {therapist}"),
                                                    {{"therapist", hw.therapist}}),
                  Font::Caption, 2);
  c.title = in.add(hw.title, Font::Heading, 4);
  // Today's count, with the week's adherence beside it when both fit on one line, else under.
  const std::string today = homework_today_text(hw), week = homework_week_text(hw);
  const float today_w = t.width(today, Font::BodyStrong) + 1;
  const float week_w = t.width(week, Font::Caption) + 1;
  if (!week.empty() && today_w + 12 + week_w <= in.w) {
    c.today = text_block(t, today, Font::BodyStrong, in.x, in.y, today_w);
    c.week = text_block(t, week, Font::Caption, in.x + in.w - week_w, in.y + 2, week_w);
    in.y = std::max(c.today.box.bottom(), c.week.box.bottom()) + 4;
  } else {
    c.today = in.add(today, Font::BodyStrong, 2);
    c.week = in.add(week, Font::Caption, 4);
  }
  if (!hw.note.empty()) {
    // TRANSLATORS: the therapist's note on a homework card, in the language's quotation marks.
    const std::string quoted = core::tr("\u201C{note}\u201D");
    c.note = in.add(core::fill(quoted, {{"note", hw.note}}), Font::Caption, 2);
  }
  c.days_left = in.add(homework_days_left_text(hw), Font::Caption, 0);
  c.card = {x, y, w, in.y + 14 - y};
  return c;
}

ShortcutCardLayout shortcut_card(const TextMeasure& t, std::string_view title,
                                 std::string_view detail, float x, float y, float w) {
  ShortcutCardLayout c;
  Flow in{t, x + 56, w - 56 - kChevronW, y + 8};
  c.title = in.add(title, Font::Heading, 0);
  c.detail = in.add(detail, Font::Caption, 0);
  const float h = std::max(kTargetH + 16, in.y + 8 - y);
  // Short text sits in the middle of the card.
  const float dy = (h - (in.y + 8 - y)) / 2;
  c.title.box.y += dy;
  c.detail.box.y += dy;
  c.card = {x, y, w, h};
  c.mark = {x + 32, y + h / 2};
  return c;
}

RoutineCardLayout routine_card(const TextMeasure& t, const CatalogEntry& e, int index, float x,
                               float y, float w) {
  RoutineCardLayout c;
  c.routine = index;
  Flow in{t, x + 20, w - 20 - kChevronW, y + 16};
  c.title = in.add(e.routine.title, Font::Heading, 2);
  c.summary = in.add(e.routine.summary, Font::Caption, 2);
  c.meta = in.add(routine_meta(e), Font::Caption, 6);
  const std::string last = last_result_text(e);
  if (!last.empty()) {
    c.last = text_block(t, last, Font::Caption, in.x + 16, in.y, in.w - 16);
    c.dot = {in.x + 5, in.y + t.line_height(Font::Caption) / 2};
    in.y = c.last.box.bottom() + 6;
  }
  c.card = {x, y, w, std::max(88.0f, in.y - 6 + 16 - y)};
  return c;
}

void move(TextBlock& b, float dy) { b.box.y += dy; }

// Lays cards out `columns` to a row; a row is as tall as its tallest card and each card in it
// takes that height. `make(i, x, y, w)` builds card i; `rect(card)` gives its rect to stretch.
template <class Card>
std::vector<Card> grid(float& y, float x, float w, int columns, std::size_t n,
                       const std::function<Card(std::size_t, float, float, float)>& make) {
  std::vector<Card> out;
  const float cell = (w - kCardGap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  for (std::size_t first = 0; first < n; first += static_cast<std::size_t>(columns)) {
    const std::size_t last = std::min(n, first + static_cast<std::size_t>(columns));
    float row_h = 0;
    for (std::size_t i = first; i < last; ++i) {
      const float cx = std::round(x + static_cast<float>(i - first) * (cell + kCardGap));
      out.push_back(make(i, cx, y, cell));
      row_h = std::max(row_h, out.back().card.h);
    }
    for (std::size_t i = first; i < last; ++i) {
      Card& c = out[i];
      const float extra = row_h - c.card.h;
      c.card.h = row_h;
      if constexpr (requires { c.mark; }) {
        c.mark.y += extra / 2;
        move(c.title, extra / 2);
        move(c.detail, extra / 2);
      }
      c.chevron = chevron_of(c.card);
    }
    y += row_h + kCardGap;
  }
  return out;
}

HomeLayout lay_out(const AppModel& m, const Env& env, float dy) {
  HomeLayout l;
  const TextMeasure& t = env.text;
  l.tabs = tab_bar_layout(env.window, env.text);
  l.page = tab_page_frame(env.window, l.tabs);
  const Rect col = l.page.column;
  const float top = col.y - dy;
  // Sound beside the title, as wide as its word; under it when the two do not fit one line.
  const std::string sound = core::tr("Sound");
  const float sound_w = std::min(col.w, button_width(t, sound, kSoundW));
  const float first_line = t.line_height(Font::Display);
  if (t.width(kTitle, Font::Display) + 8 + sound_w <= col.w) {
    l.title = text_block(t, kTitle, Font::Display, col.x, top, col.w - sound_w - 8);
    l.sound = {col.right() - sound_w, top + (first_line - kTargetH) / 2, sound_w, kTargetH};
  } else {
    l.title = text_block(t, kTitle, Font::Display, col.x, top, col.w);
    l.sound = {col.x, l.title.box.bottom() + 4, sound_w,
               button_height(t, sound, sound_w, kTargetH)};
  }
  Flow f{t, col.x, col.w, std::max(l.title.box.bottom(), l.sound.bottom()) + 4};
  l.subtitle = f.add(core::tr(kSubtitle), Font::Body, kCardGap);
  const int columns = l.page.wide ? 2 : 1;
  l.homework = grid<HomeworkCardLayout>(f.y, col.x, col.w, columns, m.homework.size(),
                                        [&](std::size_t i, float x, float y, float w) {
                                          return homework_card(t, m.homework[i], x, y, w);
                                        });
  auto shortcuts = grid<ShortcutCardLayout>(
      f.y, col.x, col.w, columns, 2, [&](std::size_t i, float x, float y, float w) {
        return i == 0 ? shortcut_card(t, core::tr("Just breathe"),
                                      core::tr("Paced breathing on its own"), x, y, w)
                      : shortcut_card(t, core::tr("Where does it hurt?"),
                                      core::tr("Muscles that may refer pain there"), x, y, w);
      });
  l.breathe = shortcuts[0];
  l.where = shortcuts[1];
  std::vector<int> shown;
  for (int i = 0; i < static_cast<int>(m.catalog.size()); ++i) {
    if (!has_homework_card(m, i)) shown.push_back(i);
  }
  l.routines = grid<RoutineCardLayout>(
      f.y, col.x, col.w, columns, shown.size(), [&](std::size_t i, float x, float y, float w) {
        const int index = shown[i];
        return routine_card(t, m.catalog[static_cast<std::size_t>(index)], index, x, y, w);
      });
  l.content_h = f.y - kCardGap + 24 - l.page.viewport.y + dy;
  return l;
}

}  // namespace

HomeLayout home_layout(const AppModel& m, const Env& env) {
  HomeLayout l = lay_out(m, env, 0);
  const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.page.viewport.h));
  return dy > 0 ? lay_out(m, env, dy) : l;
}

ScreenFrame frame(const AppModel& m, const HomeScreen&, const Env& env) {
  const HomeLayout l = home_layout(m, env);
  ScreenFrame f;
  f.title = std::string(kTitle);
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  add_scrolling(f, {ControlKind::Sound, 0}, l.sound, core::tr("Sound"));
  for (std::size_t i = 0; i < l.homework.size(); ++i) {
    add_scrolling(f, {ControlKind::HomeworkCard, static_cast<int>(i)}, l.homework[i].card,
                  m.homework[i].title);
  }
  add_scrolling(f, {ControlKind::JustBreathe, 0}, l.breathe.card, core::tr("Just breathe"));
  add_scrolling(f, {ControlKind::WhereItHurts, 0}, l.where.card, core::tr("Where does it hurt?"));
  for (const auto& r : l.routines) {
    add_scrolling(f, {ControlKind::RoutineCard, r.routine}, r.card,
                  m.catalog[static_cast<std::size_t>(r.routine)].routine.title);
  }
  add_tabs(f, env.window, env.text);
  return f;
}

Control primary(const AppModel& m, const HomeScreen&) {
  if (!m.homework.empty()) return {ControlKind::HomeworkCard, 0};  // today's homework first
  for (int i = 0; i < static_cast<int>(m.catalog.size()); ++i) {
    if (!has_homework_card(m, i)) return {ControlKind::RoutineCard, i};
  }
  return {ControlKind::JustBreathe, 0};
}

void activate(Step& st, HomeScreen&, Control c) {
  AppModel& m = st.m;
  if (open_tab(st, c)) return;
  const int i = c.index;
  switch (c.kind) {
    case ControlKind::RoutineCard:
      if (i >= 0 && i < static_cast<int>(m.catalog.size())) open_screen(m, RoutineScreen{i, {}});
      return;
    case ControlKind::HomeworkCard:
      if (i >= 0 && i < static_cast<int>(m.homework.size())) {
        const int routine = m.homework[static_cast<std::size_t>(i)].routine;
        if (routine >= 0 && routine < static_cast<int>(m.catalog.size()))
          open_screen(m, RoutineScreen{routine, {}});
      }
      return;
    case ControlKind::JustBreathe:
      open_screen(m, BreatheListScreen{});
      return;
    case ControlKind::Sound:
      open_screen(m, SoundScreen{SoundFrom::Home});
      return;
    case ControlKind::WhereItHurts:
      open_screen(m, BodyMapScreen{});
      return;
    default:
      return;
  }
}

void back(Step&, HomeScreen&) {}

void scroll(Step& st, HomeScreen&, float dy) { scroll_content(st.m, dy); }

void text_input(Step&, HomeScreen&, const TextInput&) {}

}  // namespace unknot::app
