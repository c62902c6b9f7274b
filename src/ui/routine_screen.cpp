#include <algorithm>

#include "app/bodymap_layout.h"
#include "app/bodymap_layout.h"
#include "app/care_flow.h"
#include "app/care_layout.h"
#include "app/view.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace unknot::ui {

void draw_routine(DrawContext& dc, const app::AppModel& m, const app::RoutineScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::routine_layout(dc.window);
  const app::CatalogEntry& entry = m.catalog.at(static_cast<std::size_t>(s.routine));
  const core::Routine& r = entry.routine;

  back_button(dc, l.back, dc.focused(app::ControlKind::Back));
  if (entry.built) {
    // A routine built on the body map can be kept; once kept, the button says so.
    button(dc, app::routine_save_rect(dc.window), entry.saved ? "Saved" : "Save", ButtonStyle::Quiet,
           dc.focused(app::ControlKind::SaveRoutine), !entry.saved);
  }
  const bool homework = app::homework_of(m, s.routine) != nullptr;
  if (!r.sources.empty()) {
    button(dc, app::routine_sources_rect(dc.window, entry.built || homework), "Sources", ButtonStyle::Quiet,
           dc.focused(app::ControlKind::RoutineSources));
  }
  if (homework) {
    // The homework's schedule, for any calendar app.
    button(dc, app::routine_save_rect(dc.window), "Calendar", ButtonStyle::Quiet,
           dc.focused(app::ControlKind::AddToCalendar));
  }
  float y = l.body.y;
  // What is left of the body below y: each block flows under the one before.
  const auto rest = [&] { return app::Rect{l.body.x, y, l.body.w, std::max(0.0f, l.body.bottom() - y)}; };
  y += c.text_wrapped(r.title, rest(), Font::Title, p.text, Align::Left, 2) + app::kSmallGap;
  std::string meta = app::format_minutes(entry.timeline->total());
  if (!r.tool.empty()) meta += " · " + r.tool;
  y += c.text_wrapped(meta, rest(), Font::Body, p.muted, Align::Left, 2) + app::kGap;
  y += c.text_wrapped(r.summary, rest(), Font::Body, p.text, Align::Left, 3) + app::kGap;
  if (!entry.changes.empty()) {
    // What the health profile changed, each with its reason (domain.md §6.2).
    const int listed = std::min<int>(3, static_cast<int>(entry.changes.size()));
    const int more = static_cast<int>(entry.changes.size()) - listed;
    const float h = 16 + app::kBodyLine + app::kCaptionLine * static_cast<float>(listed + (more > 0 ? 1 : 0)) + 12;
    const app::Rect card{l.body.x, y, l.body.w, std::min(h, std::max(0.0f, l.body.bottom() - y))};
    c.fill_rounded(card, 16, p.caution.with_alpha(40));
    float cy = card.y + 10;
    c.text_in("Changed for your health profile", {card.x + 16, cy, card.w - 32, app::kBodyLine}, Font::BodyStrong,
              p.text, Align::Left);
    cy += app::kBodyLine + 2;
    for (int i = 0; i < listed; ++i) {
      const auto& change = entry.changes[static_cast<std::size_t>(i)];
      c.text_in(change.title + ": " + change.reason, {card.x + 16, cy, card.w - 32, app::kCaptionLine}, Font::Caption,
                p.text, Align::Left);
      cy += app::kCaptionLine;
    }
    if (more > 0) {
      c.text_in("+ " + std::to_string(more) + " more", {card.x + 16, cy, card.w - 32, app::kCaptionLine},
                Font::Caption, p.muted, Align::Left);
    }
    y += card.h + app::kGap;
  }
  if (r.steps.empty()) {
    c.text_wrapped("Nothing in this routine suits your health profile, so there is nothing to start. "
                   "Ask your therapist for one that fits.",
                   rest(), Font::Body, p.text, Align::Left, 3);
    return;
  }
  c.text_in("Steps", {l.body.x, y, l.body.w, app::kHeadingLine}, Font::Heading, p.text, Align::Left);
  y += app::kHeadingLine + app::kSmallGap;

  const auto lines = app::step_lines(r, [&m](std::string_view id) { return app::find_pattern(m, id); });
  const float row = app::kBodyLine + 10;
  const int fit = static_cast<int>((l.body.bottom() - y) / row);
  const int count = static_cast<int>(lines.size());
  const int shown = count <= fit ? count : std::max(0, fit - 1);
  const float number_w = 28, detail_w = std::min(150.0f, l.body.w * 0.42f);
  for (int i = 0; i < shown; ++i) {
    const auto& line = lines[static_cast<std::size_t>(i)];
    const float ly = y + static_cast<float>(i) * row;
    c.number_in(std::to_string(i + 1), {l.body.x, ly, number_w - 4, app::kBodyLine}, Font::Body,
                p.muted, Align::Left);
    c.text_in(line.title, {l.body.x + number_w, ly, l.body.w - number_w - detail_w - 8, app::kBodyLine},
              Font::Body, p.text, Align::Left);
    c.text_in(line.detail, {l.body.right() - detail_w, ly, detail_w, app::kBodyLine}, Font::Body,
              p.muted, Align::Right);
  }
  if (shown < count) {
    c.text_in("+ " + std::to_string(count - shown) + " more",
              {l.body.x + number_w, y + static_cast<float>(shown) * row, l.body.w - number_w, app::kBodyLine},
              Font::Body, p.muted, Align::Left);
  }
  if (!r.cautions.empty()) {
    c.text_wrapped("Caution: " + r.cautions.front(), l.cautions, Font::Caption, p.caution_text,
                   Align::Left, 2);
  }
  button(dc, l.start, "Start", ButtonStyle::Primary, dc.focused(app::ControlKind::Start));
}

}  // namespace unknot::ui
