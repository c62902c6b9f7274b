// The Progress (trends), History and entry screens and the bottom tab bar, drawn from the
// measured layouts of app/trends_page.h, history_page.h and entry_page.h. Charts are drawn with
// the canvas' anti-aliased shapes in dp, so they stay crisp at any density; every colour comes
// from the palette (or the pain gradient), so both themes work.
#include <algorithm>
#include <cmath>

#include "app/entry_page.h"
#include "app/history_page.h"
#include "app/progress_flow.h"
#include "app/screens.h"
#include "app/share_page.h"
#include "app/trends_page.h"
#include "app/view.h"
#include "core/translate.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace unknot::ui {
namespace {

Color relief_color(const Palette& p) { return p.inhale; }
Color worse_color() { return pain_color(9); }

bool visible(app::Rect r, app::Rect viewport) { return r.h > 0 && r.intersects(viewport); }

float clamped(float scroll, float content_h, app::Rect viewport) {
  return std::clamp(scroll, 0.0f, std::max(0.0f, content_h - viewport.h));
}

app::Env env_for(const DrawContext& dc, const app::AppModel& m) {
  return app::Env{dc.window, app::measure_of(m), m.scroll.offset};
}

void card(DrawContext& dc, app::Rect r) {
  dc.canvas.fill_rounded(r, kCardRadius, dc.palette.surface);
}

void chip(DrawContext& dc, const app::ChipLayout& l) {
  const Palette& p = dc.palette;
  dc.canvas.fill_rounded(l.rect, std::min(l.rect.h / 2, 24.0f), l.on ? p.accent : p.surface);
  if (!l.on)
    dc.canvas.stroke_rounded(l.rect, std::min(l.rect.h / 2, 24.0f), 1, p.outline.with_alpha(90));
  dc.canvas.text_block(l.label, l.on ? p.on_accent : p.text, Align::Center);
  if (dc.focus && *dc.focus == l.control) focus_ring(dc, l.rect, std::min(l.rect.h / 2, 24.0f));
}

// The pain gridlines with their numbers on the left, and the dates below.
void axes(DrawContext& dc, const app::PlotGeometry& g) {
  const Palette& p = dc.palette;
  for (const auto& t : g.grid) {
    dc.canvas.stroke_line({g.area.x, t.y}, {g.area.right(), t.y}, 1,
                          p.outline.with_alpha(t.value == 0 ? 140 : 60));
    dc.canvas.number_in(t.text, t.label, Font::Caption, p.muted, Align::Right);
  }
  for (const auto& d : g.dates) {
    dc.canvas.stroke_line({d.x, g.area.bottom()}, {d.x, g.area.bottom() + 6}, 1,
                          p.outline.with_alpha(140));
    dc.canvas.text_block(d.label, p.muted);
  }
}

void message(DrawContext& dc, const app::PlotGeometry& g) {
  dc.canvas.text_block(g.message, dc.palette.muted, Align::Center);
}

void legend_mark(DrawContext& dc, app::LegendMark mark, app::Rect r) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const app::Point mid = r.center();
  switch (mark) {
    case app::LegendMark::Dot:
      c.fill_circle(mid, 3.5f, p.muted);
      break;
    case app::LegendMark::Line:
      c.stroke_line({r.x, mid.y}, {r.right(), mid.y}, 2, p.accent);
      break;
    case app::LegendMark::Segment:
      c.stroke_line({r.x, mid.y}, {r.right(), mid.y}, 3, p.exhale);
      break;
    case app::LegendMark::Dashed:
      c.stroke_dashed({r.x, mid.y}, {r.right(), mid.y}, 2, 3, 3, p.exhale.with_alpha(170));
      break;
    case app::LegendMark::Bar:
      c.fill_rounded({mid.x - 5, r.y + 3, 10, r.h - 6}, 2, p.hold.with_alpha(110));
      break;
    case app::LegendMark::Target:
      c.stroke_dashed({r.x, mid.y}, {r.right(), mid.y}, 1.5f, 5, 3, p.muted);
      break;
    case app::LegendMark::Relief:
      c.stroke_line({mid.x, r.y + 2}, {mid.x, r.bottom() - 2}, 3, relief_color(p));
      break;
    case app::LegendMark::Worse:
      c.stroke_line({mid.x, r.y + 2}, {mid.x, r.bottom() - 2}, 3, worse_color());
      break;
    case app::LegendMark::Same:
      c.fill_circle(mid, 3.5f, p.hold);
      break;
    case app::LegendMark::BeforeAfter:
      c.stroke_arc({mid.x - 5, mid.y}, 3, 1.5f, 0, 1, p.muted);
      c.fill_circle({mid.x + 5, mid.y}, 3, p.muted);
      break;
  }
}

void legend(DrawContext& dc, const std::vector<app::LegendEntry>& entries) {
  for (const auto& e : entries) {
    legend_mark(dc, e.mark, e.swatch);
    dc.canvas.text_block(e.text, dc.palette.muted);
  }
}

void pain_chart(DrawContext& dc, const app::PainChartView& chart, const app::PlotGeometry& g) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  // Sessions first, so the pain marks sit on top.
  for (const auto& bar : chart.bars) {
    if (bar.completed <= 0) continue;
    const float x0 = g.x(bar.x0), x1 = g.x(bar.x1);
    const float w = std::clamp((x1 - x0) * 0.56f, 2.0f, 18.0f);
    const float top = g.bar_y(bar.completed);
    c.fill_rounded({(x0 + x1) / 2 - w / 2, top, w, g.area.bottom() - top}, std::min(3.0f, w / 2),
                   p.hold.with_alpha(60));
  }
  axes(dc, g);
  // The right-hand scale: sessions a week, from 0 to its top, with its ticks.
  const float axis_x = g.area.right() + 2;
  c.stroke_line({axis_x, g.bars_top}, {axis_x, g.area.bottom()}, 1, p.outline.with_alpha(120));
  for (const auto& t : g.sessions) {
    c.stroke_line({axis_x, t.y}, {axis_x + 3, t.y}, 1, p.outline.with_alpha(160));
    c.number_in(t.text, t.label, Font::Caption, p.muted, Align::Left);
  }
  if (g.target_y >= 0)
    c.stroke_dashed({g.area.x, g.target_y}, {g.area.right(), g.target_y}, 1.5f, 5, 3, p.muted);
  for (const auto& week : chart.weeks) {
    const float x0 = g.x(week.x0) + 3, x1 = g.x(week.x1) - 3;
    if (x1 <= x0) continue;
    if (week.not_enough) {
      c.stroke_dashed({x0, g.sparse_y}, {x1, g.sparse_y}, 2, 3, 3, p.exhale.with_alpha(170));
    } else if (week.mean && !chart.aggregated) {
      c.stroke_line({x0, g.y(*week.mean)}, {x1, g.y(*week.mean)}, 3, p.exhale);
    }
  }
  for (const auto& segment : chart.rolling) {
    std::vector<app::Point> pts;
    for (const auto& pt : segment) pts.push_back({g.x(pt.x), g.y(pt.y)});
    if (pts.size() == 1) c.fill_circle(pts[0], 1.5f, p.accent);
    c.stroke_polyline(pts, 2, p.accent);
  }
  const float radius = chart.points.size() > 60 ? 2.5f : 3.5f;
  for (const auto& pt : chart.points) c.fill_circle({g.x(pt.x), g.y(pt.y)}, radius, p.muted);
  message(dc, g);
}

void sessions_chart(DrawContext& dc, const app::SessionsChartView& chart,
                    const app::PlotGeometry& g) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  axes(dc, g);
  const float per_day = g.area.w / static_cast<float>(std::max(chart.day_count, 1));
  const float width = chart.aggregated ? 3.0f : std::clamp(per_day * 0.45f, 1.5f, 3.0f);
  const float dot = std::clamp(width + 0.5f, 2.0f, 3.5f);
  for (const auto& mark : chart.marks) {
    const float x = g.x(mark.x);
    const float y0 = g.y(mark.before), y1 = g.y(mark.after);
    const double diff = mark.before - mark.after;
    const Color color = diff > 0.05 ? relief_color(p) : diff < -0.05 ? worse_color() : p.hold;
    if (std::abs(y1 - y0) > 0.5f) c.stroke_line({x, y0}, {x, y1}, width, color.with_alpha(200));
    c.stroke_arc({x, y0}, dot, 1.25f, 0, 1, color);
    c.fill_circle({x, y1}, dot, color);
  }
  message(dc, g);
}

void change_card(DrawContext& dc, const app::ChangeCardLayout& k) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  card(dc, k.card);
  c.text_block(k.title, p.text);
  c.text_block(k.baseline_label, p.muted);
  c.text_block(k.current_label, p.muted);
  c.text_block(k.baseline_value, p.text);
  c.text_block(k.current_value, p.text);
  c.text_block(k.baseline_caption, p.muted);
  c.text_block(k.current_caption, p.muted);
  c.text_block(k.change, p.text);
  c.text_block(k.band, p.text);
  c.text_block(k.reference, p.muted);
  c.text_block(k.note, p.muted);
}

// A tab's label, and when active a pill behind it: one line's pill is the cell's height less
// 10 dp above and below and at least 96 wide; wrapped lines get one 4 dp round them.
void tab(DrawContext& dc, app::Rect cell, const app::TextBlock& label, Font font, bool active,
         app::ControlKind kind) {
  const Palette& p = dc.palette;
  const bool one_line = label.lines.size() <= 1;
  const float text_w = one_line
                           ? dc.canvas.text_width(label.lines.empty() ? "" : label.lines[0], font)
                           : label.box.w;
  const float w = std::min(cell.w - 4, std::max(one_line ? 96.0f : 0.0f, text_w + 16));
  const app::Rect pill =
      one_line ? app::Rect{cell.center().x - w / 2, cell.y + 10, w, cell.h - 20}
               : app::Rect{cell.center().x - w / 2, label.box.y - 4, w, label.box.h + 8};
  if (active) dc.canvas.fill_rounded(pill, std::min(pill.h / 2, 16.0f), p.accent.with_alpha(48));
  app::TextBlock shown = label;
  shown.font = font;
  dc.canvas.text_block(shown, active ? p.text : p.muted, Align::Center);
  if (dc.focused(kind)) focus_ring(dc, pill, std::min(pill.h / 2, 16.0f));
}

}  // namespace

void draw_tab_bar(DrawContext& dc, app::ControlKind active) {
  const Palette& p = dc.palette;
  const auto l = app::tab_bar_layout(dc.window, dc.canvas);
  dc.canvas.fill_rect(l.bar, p.surface);
  dc.canvas.fill_rect({l.bar.x, l.bar.y, l.bar.w, 1}, p.outline.with_alpha(70));
  const app::Rect cells[] = {l.home, l.progress, l.history, l.settings};
  const app::ControlKind kinds[] = {app::ControlKind::TabHome, app::ControlKind::TabProgress,
                                    app::ControlKind::TabHistory, app::ControlKind::Settings};
  for (int i = 0; i < app::kTabCount; ++i) {
    const bool on = kinds[i] == active;
    // Measured semibold; in the body style only the active tab is drawn so.
    const Font font = l.font == Font::BodyStrong && !on ? Font::Body : l.font;
    tab(dc, cells[i], l.labels[i], font, on, kinds[i]);
  }
}

void draw_trends(DrawContext& dc, const app::AppModel& m, const app::TrendsScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const app::TrendsView v = app::trends_view(m, s);
  const app::TrendsLayout l = app::trends_layout(m, s, v, env_for(dc, m));
  const app::Rect vp = l.list;
  {
    const Clip clip(c, vp);
    c.text_block(l.title, p.text);
    button(dc, l.share, core::tr("Share report"), ButtonStyle::Quiet,
           dc.focused(app::ControlKind::ShareReport));
    for (const auto& ch : l.chips) {
      if (visible(ch.rect, vp)) chip(dc, ch);
    }
    c.text_block(l.filter_note, p.muted);
    if (l.escalation_card.h > 0 && visible(l.escalation_card, vp)) {
      card(dc, l.escalation_card);
      c.stroke_rounded(l.escalation_card, kCardRadius, 2, p.accent);
      c.text_block(l.escalation_title, p.text);
      c.text_block(l.escalation, p.text);
    }
    if (visible(l.change.card, vp)) change_card(dc, l.change);
    if (visible(l.streak_card, vp)) {
      card(dc, l.streak_card);
      c.text_block(l.adherence, p.text);
      c.text_block(l.streak, p.text);
    }
    if (visible(l.pain.card, vp)) {
      card(dc, l.pain.card);
      c.text_block(l.pain.title, p.text);
      pain_chart(dc, v.pain, l.pain.geometry);
      legend(dc, l.pain.legend);
      const app::TargetRowLayout& t = l.target;
      c.fill_rect(t.rule, p.outline.with_alpha(60));
      c.text_block(t.label, p.text);
      if (t.down.w > 0) {
        button(dc, t.down, "\u2212", ButtonStyle::Secondary,
               dc.focused(app::ControlKind::TargetDown), m.weekly_target > 1);
        c.text_block(t.value, p.text, Align::Center);
        button(dc, t.up, "+", ButtonStyle::Secondary, dc.focused(app::ControlKind::TargetUp),
               m.weekly_target < app::kMaxWeeklyTarget);
      } else {
        c.text_block(t.value, p.text, Align::Right);  // the therapist's schedule sets it
      }
    }
    if (visible(l.sessions.card, vp)) {
      card(dc, l.sessions.card);
      c.text_block(l.sessions.title, p.text);
      sessions_chart(dc, v.sessions, l.sessions.geometry);
      legend(dc, l.sessions.legend);
      for (std::size_t i = 0; i < l.sessions_text.size(); ++i) {
        c.text_block(l.sessions_text[i], i == 0 && v.loaded ? p.text : p.muted);
      }
    }
    if (visible(l.left_right.card, vp)) {
      const app::LeftRightLayout& lr = l.left_right;
      card(dc, lr.card);
      c.text_block(lr.title, p.text);
      c.text_block(lr.left_head, p.muted);
      c.text_block(lr.right_head, p.muted);
      for (const auto& row : lr.rows) {
        c.text_block(row.region, p.text);
        c.text_block(row.left, p.text);
        c.text_block(row.right, p.text);
      }
      c.text_block(lr.note, p.muted);
    }
    if (visible(l.psfs.card, vp)) {
      const app::PsfsCardLayout& ps = l.psfs;
      card(dc, ps.card);
      c.text_block(ps.title, p.text);
      for (const auto& row : ps.rows) {
        c.text_block(row.activity, p.text);
        c.text_block(row.value, p.text);
        c.text_block(row.verdict, row.beyond_mdc ? p.text : p.muted);
      }
      c.text_block(ps.note, p.muted);
    }
    if (visible(l.dose.card, vp)) {
      const app::DoseLayout& d = l.dose;
      card(dc, d.card);
      c.text_block(d.title, p.text);
      c.text_block(d.empty, p.muted);
      for (const auto& row : d.rows) {
        c.text_block(row.label, p.text);
        c.text_block(row.value, p.muted, Align::Right);
        c.fill_rounded(row.track, 4, p.surface_raised);
        const float w = row.fraction * row.track.w;
        if (w >= 1)
          c.fill_rounded({row.track.x, row.track.y, std::max(w, 8.0f), row.track.h}, 4, p.exhale);
      }
      c.text_block(d.note, p.muted);
    }
  }
  scroll_indicator(dc, vp, l.content_h, clamped(m.scroll.offset, l.content_h, vp));
  if (l.toast.h > 0) {
    c.fill_rounded(l.toast, 16, p.text);
    c.text_block(l.toast_text, p.background, Align::Center);
  }
  draw_tab_bar(dc, app::ControlKind::TabProgress);
}

void draw_history(DrawContext& dc, const app::AppModel& m, const app::HistoryScreen&) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto& entries = m.history.entries;
  const app::HistoryLayout l = app::history_layout(m, env_for(dc, m));
  const app::Rect vp = l.list;
  {
    const Clip clip(c, vp);
    c.text_block(l.title, p.text);
    for (std::size_t i = 0; i < l.rows.size(); ++i) {
      const app::HistoryRowLayout& r = l.rows[i];
      if (!visible(r.row, vp)) continue;
      const bool rated = entries[i].before || entries[i].after;
      c.fill_rounded(r.row, 16, p.surface);
      c.text_block(r.date, p.muted);
      c.text_block(r.status, p.muted, Align::Right);
      c.text_block(r.title, p.text);
      c.text_block(r.ratings, rated ? p.text : p.muted, Align::Right);
      c.text_block(r.minutes, p.muted);
      if (r.note.h > 0) {
        // The note's first line: the only text here that may end in "…" (the row opens it).
        const app::HistoryRowView rv = app::history_row_view(m, entries[i]);
        const bool beside = r.note.y == r.minutes.box.y;
        c.text_in(beside ? " · " + rv.note : rv.note, r.note, Font::Caption, p.muted, Align::Left);
      }
      if (dc.focused(app::ControlKind::HistoryRow, static_cast<int>(i))) focus_ring(dc, r.row, 16);
    }
    c.text_block(l.footer, p.muted, Align::Center);
    c.text_block(l.empty_title, p.text);
    c.text_block(l.empty_body, p.muted);
  }
  scroll_indicator(dc, vp, l.content_h, clamped(m.scroll.offset, l.content_h, vp));
  if (l.undo_bar.h > 0) {
    c.fill_rounded(l.undo_bar, 16, p.text);
    c.text_block(l.undo_label, p.background);
    c.stroke_rounded(l.undo, kButtonRadius, 1.5f, p.background);
    c.text_in(core::tr("Undo"), l.undo.inset(8), Font::Button, p.background, Align::Center);
    if (dc.focused(app::ControlKind::Undo)) focus_ring(dc, l.undo, kButtonRadius);
  }
  draw_tab_bar(dc, app::ControlKind::TabHistory);
}

void draw_share(DrawContext& dc, const app::AppModel& m, const app::ShareScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const app::SharePageLayout l = app::share_page_layout(s, env_for(dc, m));
  const app::Rect vp = l.page.viewport;
  back_button(dc, l.back, dc.focused(app::ControlKind::Back));
  {
    const Clip clip(c, vp);
    c.text_block(l.title, p.text);
    c.text_block(l.intro, p.text);
    c.text_block(l.privacy, p.muted);
    c.text_block(l.period_label, p.muted);
    for (const auto& ch : l.chips) chip(dc, ch);
    c.text_block(l.name_label, p.muted);
    draw_field(dc, m, s.name, app::share_name_place(l), {app::ControlKind::NameField, 0});
    c.text_block(l.name_note, p.muted);
  }
  scroll_indicator(dc, vp, l.content_h, clamped(m.scroll.offset, l.content_h, vp));
  // TRANSLATORS: a button: writes the report to a file.
  button(dc, l.save, core::tr("Save report"), ButtonStyle::Primary,
         dc.focused(app::ControlKind::Save));
}

void draw_entry(DrawContext& dc, const app::AppModel& m, const app::EntryScreen& e) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const app::EntryLayout l = app::entry_layout(m, e, env_for(dc, m));
  const app::Rect vp = l.page.viewport;
  back_button(dc, l.back, dc.focused(app::ControlKind::Back));
  button(dc, l.remove, core::trc("button", "Delete"), ButtonStyle::Quiet,
         dc.focused(app::ControlKind::Delete));
  {
    const Clip clip(c, vp);
    c.text_block(l.title, p.text);
    c.text_block(l.meta, p.muted);
    c.text_block(l.status, p.muted);
    const auto stepper = [&](const app::EntryStepperLayout& r, const std::optional<int>& value,
                             int index) {
      c.text_block(r.label, p.text);
      button(dc, r.down, "\u2212", ButtonStyle::Secondary,
             dc.focused(app::ControlKind::RatingDown, index), !value || *value > 0);
      if (value) {
        c.fill_circle({r.value.x + 10, r.value.center().y}, 5, pain_color(*value));
        c.number_in(std::to_string(*value), {r.value.x + 18, r.value.y, r.value.w - 18, r.value.h},
                    Font::Heading, p.text, Align::Center);
      } else {
        c.text_in("–", r.value, Font::Heading, p.muted, Align::Center);
      }
      button(dc, r.up, "+", ButtonStyle::Secondary, dc.focused(app::ControlKind::RatingUp, index),
             !value || *value < 10);
    };
    stepper(l.before, e.before, 0);
    stepper(l.after, e.after, 1);
    c.text_block(l.note_label, p.muted);
    const app::Control note{app::ControlKind::NoteField, 0};
    draw_field(dc, m, e.note, app::entry_note_place(l), note);
    const auto field = app::focused_field(m);
    if (e.note.text().empty() && !e.note.composing() && !(field && field->control == note))
      c.text_block(l.placeholder, p.muted);
  }
  scroll_indicator(dc, vp, l.content_h, clamped(m.scroll.offset, l.content_h, vp));
  button(dc, l.save, core::trc("button", "Save"), ButtonStyle::Primary,
         dc.focused(app::ControlKind::Save), e.dirty());
  if (e.confirming_delete) {
    const std::string keep = core::trc("button", "Keep"), remove = core::trc("button", "Delete");
    dialog(dc, l.dialog,
           {keep, remove, {app::ControlKind::EndCancel, 0}, {app::ControlKind::Delete, 1}, true});
  }
}

}  // namespace unknot::ui
