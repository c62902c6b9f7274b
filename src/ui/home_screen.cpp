#include <algorithm>

#include "app/homework_status.h"
#include "app/view.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace unknot::ui {
namespace {

// Today's homework: who set it, today's sessions, the week's adherence, the note, days left.
void draw_homework_card(DrawContext& dc, const app::HomeworkStatus& hw, app::Rect card, int index) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  c.fill_rounded(card, kCardRadius, p.surface);
  c.fill_rounded({card.x, card.y, 6, card.h}, 3, hw.active ? p.accent : p.outline);
  const app::Rect inner{card.x + 20, card.y + 14, card.w - 40 - 24, card.h - 28};
  float y = inner.y;
  const std::string from = hw.therapist.empty() ? "Homework" : "Homework from " + hw.therapist;
  c.text_in(from, {inner.x, y, inner.w, app::kCaptionLine}, Font::Caption, p.muted, Align::Left);
  y += app::kCaptionLine + 2;
  c.text_in(hw.title, {inner.x, y, inner.w, app::kHeadingLine}, Font::Heading, p.text, Align::Left);
  y += app::kHeadingLine + 4;
  const std::string today = app::homework_today_text(hw);
  const float today_w = std::min(inner.w, c.text_width(today, Font::BodyStrong) + 2);
  c.text_in(today, {inner.x, y, today_w, app::kBodyLine}, Font::BodyStrong, p.text, Align::Left);
  const std::string week = app::homework_week_text(hw);
  if (!week.empty() && today_w + 16 < inner.w) {
    c.text_in(week, {inner.x + today_w + 12, y, inner.w - today_w - 12, app::kBodyLine}, Font::Caption, p.muted,
              Align::Right);
  }
  y += app::kBodyLine + 4;
  if (!hw.note.empty()) {
    std::string note = hw.note;
    std::replace(note.begin(), note.end(), '\n', ' ');
    c.text_in("\u201C" + note + "\u201D", {inner.x, y, inner.w, app::kCaptionLine}, Font::Caption, p.text, Align::Left);
  }
  y += app::kCaptionLine + 2;
  c.text_in(app::homework_days_left_text(hw), {inner.x, y, inner.w, app::kCaptionLine}, Font::Caption, p.muted,
            Align::Left);
  c.text_in("\u203A", {card.right() - 44, card.y, 32, card.h}, Font::Title, p.muted, Align::Center);
  if (dc.focused(app::ControlKind::HomeworkCard, index)) focus_ring(dc, card, kCardRadius);
}

}  // namespace

void draw_home(DrawContext& dc, const app::AppModel& m) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::home_layout(m, dc.window);
  c.text_in("Unknot", l.title, Font::Display, p.text, Align::Left);
  c.text_wrapped("Pick a routine. Ease into the pressure as you breathe out.", l.subtitle,
                 Font::Body, p.muted, Align::Left, 2);
  button(dc, l.sound, "Sound", ButtonStyle::Quiet, dc.focused(app::ControlKind::Sound));

  // The cards scroll between the header and the tab bar when they don't fit.
  c.set_clip(l.viewport);
  for (std::size_t i = 0; i < l.homework.size(); ++i) draw_homework_card(dc, m.homework[i], l.homework[i], static_cast<int>(i));
  // "Just breathe": a quieter card than the routines, with a small pacer dot as its mark.
  c.fill_rounded(l.breathe, kCardRadius, p.surface);
  c.fill_circle({l.breathe.x + 32, l.breathe.center().y}, 12, p.inhale.with_alpha(90));
  c.stroke_arc({l.breathe.x + 32, l.breathe.center().y}, 12, 2, 0, 1, p.inhale);
  c.text_in("Just breathe", {l.breathe.x + 56, l.breathe.y + 8, l.breathe.w - 96, app::kHeadingLine},
            Font::Heading, p.text, Align::Left);
  c.text_in("Paced breathing on its own", {l.breathe.x + 56, l.breathe.y + 8 + app::kHeadingLine, l.breathe.w - 96, app::kCaptionLine},
            Font::Caption, p.muted, Align::Left);
  c.text_in("\u203A", {l.breathe.right() - 44, l.breathe.y, 32, l.breathe.h}, Font::Title, p.muted, Align::Center);
  if (dc.focused(app::ControlKind::JustBreathe)) focus_ring(dc, l.breathe, kCardRadius);

  // "Where does it hurt?": the body map, with a small figure as its mark.
  {
    const app::Rect w = l.where;
    const float cx = w.x + 32, cy = w.center().y;
    c.fill_rounded(w, kCardRadius, p.surface);
    c.fill_circle({cx, cy - 12}, 5, mix(p.surface, p.exhale, 0.8f));
    c.fill_capsule({cx, cy + 1}, {cx, cy + 9}, 7, mix(p.surface, p.exhale, 0.8f));
    c.fill_circle({cx + 2.5f, cy + 1}, 3, p.inhale);
    c.text_in("Where does it hurt?", {w.x + 56, w.y + 8, w.w - 96, app::kHeadingLine}, Font::Heading, p.text, Align::Left);
    c.text_in("Muscles that may refer pain there", {w.x + 56, w.y + 8 + app::kHeadingLine, w.w - 96, app::kCaptionLine},
              Font::Caption, p.muted, Align::Left);
    c.text_in("\u203A", {w.right() - 44, w.y, 32, w.h}, Font::Title, p.muted, Align::Center);
    if (dc.focused(app::ControlKind::WhereItHurts)) focus_ring(dc, w, kCardRadius);
  }

  for (std::size_t i = 0; i < l.cards.size(); ++i) {
    const app::Rect card = l.cards[i];
    if (card.h <= 0) continue;  // a homework routine: its homework card stands for it
    const app::CatalogEntry& entry = m.catalog[i];
    c.fill_rounded(card, kCardRadius, p.surface);
    const app::Rect inner{card.x + 20, card.y + 16, card.w - 40 - 24, card.h - 32};
    c.text_in(entry.routine.title, {inner.x, inner.y, inner.w, app::kHeadingLine}, Font::Heading,
              p.text, Align::Left);
    float y = inner.y + app::kHeadingLine + 2;
    c.text_in(entry.routine.summary, {inner.x, y, inner.w, app::kCaptionLine}, Font::Caption, p.muted,
              Align::Left);
    y += app::kCaptionLine + 2;
    c.text_in(app::routine_meta(entry), {inner.x, y, inner.w, app::kCaptionLine}, Font::Caption,
              p.muted, Align::Left);
    y += app::kCaptionLine + 6;
    const std::string last = app::last_result_text(entry);
    if (!last.empty() && y + app::kCaptionLine <= card.bottom() - 8) {
      pain_dot(dc, {inner.x + 5, y + app::kCaptionLine / 2}, entry.last->pain_after);
      c.text_in(last, {inner.x + 16, y, inner.w - 16, app::kCaptionLine}, Font::Caption, p.text,
                Align::Left);
    }
    c.text_in("\u203A", {card.right() - 44, card.y, 32, card.h}, Font::Title, p.muted, Align::Center);
    if (dc.focused(app::ControlKind::RoutineCard, static_cast<int>(i))) focus_ring(dc, card, kCardRadius);
  }
  c.clear_clip();
}

}  // namespace unknot::ui
