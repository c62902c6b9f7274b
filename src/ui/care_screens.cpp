// The safety check and the health profile.
#include <algorithm>

#include "app/care_flow.h"
#include "app/care_layout.h"
#include "core/safety.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace unknot::ui {
namespace {

// A yes/no answer button: filled when chosen.
void answer(DrawContext& dc, app::Rect r, std::string_view label, bool chosen, bool yes,
            app::Control control) {
  const Palette& p = dc.palette;
  const Color fill = chosen ? (yes ? p.caution : p.accent) : p.surface;
  dc.canvas.fill_rounded(r, r.h / 2, fill);
  dc.canvas.text_in(label, r, Font::BodyStrong, chosen ? p.on_accent : p.text, Align::Center);
  if (dc.focused(control.kind, control.index)) focus_ring(dc, r, r.h / 2);
}

void switch_track(DrawContext& dc, app::Rect track, bool on) {
  const Palette& p = dc.palette;
  dc.canvas.fill_rounded(track, track.h / 2, on ? p.accent : p.surface_raised);
  dc.canvas.fill_circle({on ? track.right() - track.h / 2 : track.x + track.h / 2, track.center().y},
                        track.h / 2 - 4, on ? p.on_accent : p.muted);
}

}  // namespace

void draw_safety(DrawContext& dc, const app::AppModel&, const app::SafetyScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::safety_layout(dc.window, s, s.scroll);
  if (s.blocked) {
    c.text_in("Not today", l.title, Font::Title, p.text, Align::Left);
    c.text_wrapped("Thank you for answering honestly.", l.intro, Font::Body, p.muted, Align::Left, 2);
    c.fill_rounded(l.advice.inset(0), kCardRadius, p.surface);
    c.text_wrapped(core::red_flag_advice(), l.advice.inset(20), Font::Body, p.text, Align::Left, 12);
    button(dc, l.confirm, "Back to Home", ButtonStyle::Primary, dc.focused(app::ControlKind::Confirm));
    return;
  }
  back_button(dc, l.back, dc.focused(app::ControlKind::Back));
  c.text_in("Before you start", l.title, Font::Title, p.text, Align::Left);
  c.text_wrapped("A short safety check, every four weeks. Answer each question.", l.intro, Font::Body,
                 p.muted, Align::Left, 2);
  c.set_clip(l.viewport);
  const auto& questions = core::red_flag_questions();
  for (std::size_t i = 0; i < l.rows.size(); ++i) {
    const auto& row = l.rows[i];
    if (row.text.bottom() < l.viewport.y || row.text.y > l.viewport.bottom()) continue;
    const int lines = std::min(3, c.wrapped_line_count(questions[i].text, row.text.w, Font::Body));
    const float h = static_cast<float>(lines) * app::kBodyLine;
    c.text_wrapped(questions[i].text, {row.text.x, row.text.center().y - h / 2, row.text.w, h}, Font::Body,
                   p.text, Align::Left, 3);
    const auto chosen = s.answers[i];
    const int index = static_cast<int>(i);
    answer(dc, row.yes, "Yes", chosen && *chosen, true, {app::ControlKind::RedFlagYes, index});
    answer(dc, row.no, "No", chosen && !*chosen, false, {app::ControlKind::RedFlagNo, index});
  }
  c.clear_clip();
  const bool ready = std::all_of(s.answers.begin(), s.answers.end(), [](const auto& a) { return a.has_value(); });
  button(dc, l.confirm, "Continue", ButtonStyle::Primary, dc.focused(app::ControlKind::Confirm), ready);
}

void draw_profile(DrawContext& dc, const app::AppModel&, const app::ProfileScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::profile_layout(dc.window);
  back_button(dc, l.back, dc.focused(app::ControlKind::Back));
  c.text_in("Health profile", l.title, Font::Title, p.text, Align::Left);
  c.text_wrapped("Kept on this device only. Routines change to suit what you tick, and say why.",
                 l.intro, Font::Caption, p.muted, Align::Left, 2);
  const auto& texts = app::profile_flag_texts();
  for (std::size_t i = 0; i < l.rows.size(); ++i) {
    const auto& r = l.rows[i];
    c.fill_rounded(r.row, kCardRadius, p.surface);
    c.text_in(texts[i].label, r.label, Font::BodyStrong, p.text, Align::Left);
    c.text_in(texts[i].detail, r.detail, Font::Caption, p.muted, Align::Left);
    switch_track(dc, r.track, app::profile_flag(s.draft, static_cast<int>(i)));
    if (dc.focused(app::ControlKind::ProfileFlag, static_cast<int>(i))) focus_ring(dc, r.row, kCardRadius);
  }
  button(dc, l.save, "Save", ButtonStyle::Primary, dc.focused(app::ControlKind::Save));
}

void draw_sources(DrawContext& dc, const app::AppModel& m, const app::SourcesScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::sources_layout(dc.window);
  const core::Routine& r = m.catalog.at(static_cast<std::size_t>(s.routine)).routine;
  back_button(dc, l.back, dc.focused(app::ControlKind::Back));
  c.text_in("Sources", l.title, Font::Title, p.text, Align::Left);
  c.text_in(r.title, l.subtitle, Font::Body, p.muted, Align::Left);
  c.set_clip(l.viewport);
  float y = l.viewport.y - s.scroll;
  for (const auto& source : r.sources) {
    const int lines = c.wrapped_line_count(source, l.viewport.w, Font::Caption);
    const float h = static_cast<float>(lines) * app::kCaptionLine;
    if (y + h >= l.viewport.y && y <= l.viewport.bottom()) {
      c.text_wrapped(source, {l.viewport.x, y, l.viewport.w, h}, Font::Caption, p.text, Align::Left, lines);
    }
    y += h + app::kSmallGap;
  }
  c.clear_clip();
}

}  // namespace unknot::ui
