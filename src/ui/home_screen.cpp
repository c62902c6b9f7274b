// Home: the title and Sound, today's homework, the two shortcuts and the routine cards, drawn
// from app::home_layout (every text wrapped in full), scrolling above the tab bar.
#include <algorithm>

#include "app/home_page.h"
#include "app/screens.h"
#include "core/translate.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace unknot::ui {
namespace {

void chevron(Canvas& c, app::Rect r, const Palette& p) {
  c.text_in("\u203A", r, Font::Title, p.muted, Align::Center);
}

// Today's homework: who set it, today's sessions, the week's adherence, the note, days left.
void draw_homework_card(DrawContext& dc, const app::HomeworkStatus& hw,
                        const app::HomeworkCardLayout& l, int index) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  c.fill_rounded(l.card, kCardRadius, p.surface);
  c.fill_rounded({l.card.x, l.card.y, 6, l.card.h}, 3, hw.active ? p.accent : p.outline);
  c.text_block(l.from, p.muted);
  c.text_block(l.title, p.text);
  c.text_block(l.today, p.text);
  c.text_block(l.week, p.muted, Align::Right);
  c.text_block(l.note, p.text);
  c.text_block(l.days_left, p.muted);
  chevron(c, l.chevron, p);
  if (dc.focused(app::ControlKind::HomeworkCard, index)) focus_ring(dc, l.card, kCardRadius);
}

void shortcut(DrawContext& dc, const app::ShortcutCardLayout& l, app::ControlKind kind) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  c.fill_rounded(l.card, kCardRadius, p.surface);
  const app::Point mark = l.mark;
  if (kind == app::ControlKind::JustBreathe) {
    // A small pacer dot.
    c.fill_circle(mark, 12, p.inhale.with_alpha(90));
    c.stroke_arc(mark, 12, 2, 0, 1, p.inhale);
  } else {
    // A small figure.
    c.fill_circle({mark.x, mark.y - 12}, 5, mix(p.surface, p.exhale, 0.8f));
    c.fill_capsule({mark.x, mark.y + 1}, {mark.x, mark.y + 9}, 7, mix(p.surface, p.exhale, 0.8f));
    c.fill_circle({mark.x + 2.5f, mark.y + 1}, 3, p.inhale);
  }
  c.text_block(l.title, p.text);
  c.text_block(l.detail, p.muted);
  chevron(c, l.chevron, p);
  if (dc.focused(kind)) focus_ring(dc, l.card, kCardRadius);
}

}  // namespace

void draw_home(DrawContext& dc, const app::AppModel& m) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const app::HomeLayout l =
      app::home_layout(m, app::Env{dc.window, app::measure_of(m), m.scroll.offset});
  const app::Rect vp = l.page.viewport;
  {
    Clip clip(c, vp);
    c.text_block(l.title, p.text);
    button(dc, l.sound, core::tr("Sound"), ButtonStyle::Quiet, dc.focused(app::ControlKind::Sound));
    c.text_block(l.subtitle, p.muted);
    for (std::size_t i = 0; i < l.homework.size(); ++i) {
      draw_homework_card(dc, m.homework[i], l.homework[i], static_cast<int>(i));
    }
    shortcut(dc, l.breathe, app::ControlKind::JustBreathe);
    shortcut(dc, l.where, app::ControlKind::WhereItHurts);
    for (const auto& card : l.routines) {
      const app::CatalogEntry& entry = m.catalog[static_cast<std::size_t>(card.routine)];
      c.fill_rounded(card.card, kCardRadius, p.surface);
      c.text_block(card.title, p.text);
      c.text_block(card.summary, p.muted);
      c.text_block(card.meta, p.muted);
      if (!card.last.empty() && entry.last) {
        pain_dot(dc, card.dot, entry.last->pain_after);
        c.text_block(card.last, p.text);
      }
      chevron(c, card.chevron, p);
      if (dc.focused(app::ControlKind::RoutineCard, card.routine))
        focus_ring(dc, card.card, kCardRadius);
    }
  }
  scroll_indicator(dc, vp, l.content_h,
                   std::clamp(m.scroll.offset, 0.0f, std::max(0.0f, l.content_h - vp.h)));
}

}  // namespace unknot::ui
