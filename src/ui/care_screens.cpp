// The safety check and the health profile.
#include <algorithm>

#include "app/care_flow.h"
#include "app/care_layout.h"
#include "app/dose_page.h"
#include "app/profile_page.h"
#include "app/safety_page.h"
#include "app/screens.h"
#include "app/sources_page.h"
#include "core/safety.h"
#include "core/translate.h"
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
  // An open answer is outlined, as a chip is, so it reads as a button on a card as well.
  if (!chosen) dc.canvas.stroke_rounded(r, r.h / 2, 1, p.outline.with_alpha(90));
  const Color ink = !chosen ? p.text : yes ? p.on_caution : p.on_accent;
  dc.canvas.text_in(label, r, Font::BodyStrong, ink, Align::Center);
  if (dc.focused(control.kind, control.index)) focus_ring(dc, r, r.h / 2);
}

void switch_track(DrawContext& dc, app::Rect track, bool on) {
  const Palette& p = dc.palette;
  dc.canvas.fill_rounded(track, track.h / 2, on ? p.accent : p.surface_raised);
  dc.canvas.fill_circle(
      {on ? track.right() - track.h / 2 : track.x + track.h / 2, track.center().y}, track.h / 2 - 4,
      on ? p.on_accent : p.muted);
}

app::Env env_at(const DrawContext& dc, const app::AppModel& m) {
  return {dc.window, app::measure_of(m), m.scroll.offset};
}

void page_scroll_indicator(DrawContext& dc, app::Rect viewport, float content_h,
                           const app::AppModel& m) {
  scroll_indicator(dc, viewport, content_h,
                   std::clamp(m.scroll.offset, 0.0f, std::max(0.0f, content_h - viewport.h)));
}

}  // namespace

void draw_safety(DrawContext& dc, const app::AppModel& m, const app::SafetyScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::safety_page_layout(s, env_at(dc, m));
  if (l.back.w > 0) back_button(dc, l.back, dc.focused(app::ControlKind::Back));
  {
    Clip clip(c, l.page.viewport);
    c.text_block(l.title, p.text);
    c.text_block(l.intro, p.muted);
    if (s.blocked) {
      for (const auto& a : l.advices) {
        c.fill_rounded(a.card, kCardRadius, p.surface);
        c.text_block(a.heading, p.caution_text);
        c.text_block(a.text, p.text);
      }
      c.fill_rounded(l.advice_card, kCardRadius, p.surface);
      c.text_block(l.advice, p.text);
    }
    for (std::size_t i = 0; i < l.items.size(); ++i) {
      const auto& item = l.items[i];
      const bool ticked = s.answers[i].value_or(false);
      const int index = static_cast<int>(i);
      c.fill_rounded(item.row, kCardRadius, p.surface);
      // The tick box: an outline, filled with the caution colour and a check mark when ticked.
      if (ticked) {
        c.fill_rounded(item.box, 6, p.caution);
        const app::Rect b = item.box;
        c.stroke_line({b.x + 6, b.y + 12.5f}, {b.x + 10.5f, b.y + 17}, 2.5f, p.on_caution);
        c.stroke_line({b.x + 10.5f, b.y + 17}, {b.x + 18, b.y + 7.5f}, 2.5f, p.on_caution);
      } else {
        c.stroke_rounded(item.box, 6, 2, p.outline);
      }
      c.text_block(item.text, p.text);
      if (dc.focused(app::ControlKind::RedFlagYes, index)) focus_ring(dc, item.row, kCardRadius);
    }
    for (std::size_t i = 0; i < l.questions.size(); ++i) {
      const auto& q = l.questions[i];
      c.text_block(q.text, p.text);
      const auto chosen = s.answers[i];
      const int index = static_cast<int>(i);
      answer(dc, q.yes, core::tr("Yes"), chosen && *chosen, true,
             {app::ControlKind::RedFlagYes, index});
      answer(dc, q.no, core::tr("No"), chosen && !*chosen, false,
             {app::ControlKind::RedFlagNo, index});
    }
  }
  page_scroll_indicator(dc, l.page.viewport, l.content_h, m);
  button(dc, l.confirm, app::safety_confirm_label(s), ButtonStyle::Primary,
         dc.focused(app::ControlKind::Confirm), app::safety_answered(s));
}

void draw_dose(DrawContext& dc, const app::AppModel& m, const app::DoseScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::dose_page_layout(m, s, env_at(dc, m));
  if (l.back.w > 0) back_button(dc, l.back, dc.focused(app::ControlKind::Back));
  {
    Clip clip(c, l.page.viewport);
    c.text_block(l.title, p.text);
    c.text_block(l.intro, p.muted);
    for (std::size_t i = 0; i < l.rows.size() && i < s.answers.size(); ++i) {
      const auto& r = l.rows[i];
      const int index = static_cast<int>(i);
      c.fill_rounded(r.card, kCardRadius, p.surface);
      c.text_block(r.name, p.text);
      // Marked answers take the caution colour, as a yes on the safety check does.
      answer(dc, r.sore, core::tr("Sore"), s.answers[i] == core::DoseReaction::Sore, true,
             {app::ControlKind::DoseSore, index});
      answer(dc, r.bruised, core::tr("Bruised"), s.answers[i] == core::DoseReaction::Bruised, true,
             {app::ControlKind::DoseBruised, index});
    }
    for (const auto& change : l.changes) {
      c.fill_rounded(change.card, kCardRadius, p.surface);
      c.text_block(change.heading, p.text);
      c.text_block(change.text, p.text);
    }
    c.text_block(l.advice, p.muted);
  }
  page_scroll_indicator(dc, l.page.viewport, l.content_h, m);
  button(dc, l.confirm, app::dose_confirm_label(s), ButtonStyle::Primary,
         dc.focused(app::ControlKind::Confirm));
}

void draw_profile(DrawContext& dc, const app::AppModel& m, const app::ProfileScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::profile_page_layout(env_at(dc, m));
  back_button(dc, l.back, dc.focused(app::ControlKind::Back));
  if (s.onboarding) {
    button(dc, l.skip, core::tr("Not now"), ButtonStyle::Quiet, dc.focused(app::ControlKind::Skip));
  }
  {
    Clip clip(c, l.page.viewport);
    c.text_block(l.title, p.text);
    c.text_block(l.intro, p.muted);
    for (std::size_t i = 0; i < l.rows.size(); ++i) {
      const auto& r = l.rows[i];
      c.fill_rounded(r.row, kCardRadius, p.surface);
      c.text_block(r.label, p.text);
      c.text_block(r.detail, p.muted);
      switch_track(dc, r.track, app::profile_flag(s.draft, static_cast<int>(i)));
      if (dc.focused(app::ControlKind::ProfileFlag, static_cast<int>(i))) {
        focus_ring(dc, r.row, kCardRadius);
      }
    }
  }
  page_scroll_indicator(dc, l.page.viewport, l.content_h, m);
  button(dc, l.save, app::profile_save_label(s), ButtonStyle::Primary,
         dc.focused(app::ControlKind::Save));
}

void draw_sources(DrawContext& dc, const app::AppModel& m, const app::SourcesScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::sources_page_layout(m, s, env_at(dc, m));
  back_button(dc, l.back, dc.focused(app::ControlKind::Back));
  {
    Clip clip(c, l.page.viewport);
    c.text_block(l.title, p.text);
    c.text_block(l.subtitle, p.muted);
    for (const auto& source : l.sources) c.text_block(source, p.text);
  }
  page_scroll_indicator(dc, l.page.viewport, l.content_h, m);
}

}  // namespace unknot::ui
