// The safety check, the health profile and settings.
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

// A settings row: a label, a line under it, and a chevron or a switch on the right.
void settings_row(DrawContext& dc, app::Rect r, std::string_view label, std::string_view detail,
                  std::optional<bool> switch_on, app::ControlKind kind) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  c.fill_rounded(r, kCardRadius, p.surface);
  const float text_w = r.w - 32 - 72;
  c.text_in(label, {r.x + 20, r.center().y - app::kBodyLine + 2, text_w, app::kBodyLine}, Font::BodyStrong, p.text, Align::Left);
  c.text_in(detail, {r.x + 20, r.center().y + 2, text_w, app::kCaptionLine}, Font::Caption, p.muted, Align::Left);
  if (switch_on) {
    switch_track(dc, {r.right() - 20 - 52, r.center().y - 14, 52, 28}, *switch_on);
  } else {
    c.text_in("\u203A", {r.right() - 44, r.y, 32, r.h}, Font::Title, p.muted, Align::Center);
  }
  if (dc.focused(kind)) focus_ring(dc, r, kCardRadius);
}

std::string day_text(core::UnixSeconds t) {
  using namespace std::chrono;
  const year_month_day ymd{floor<days>(t)};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " +
         kMonths[static_cast<unsigned>(ymd.month()) - 1] + " " + std::to_string(static_cast<int>(ymd.year()));
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

void draw_settings(DrawContext& dc, const app::AppModel& m) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::settings_layout(dc.window, m.therapist_mode);
  c.text_in("Settings", l.title, Font::Title, p.text, Align::Left);
  settings_row(dc, l.profile, "Health profile", app::profile_summary(m.profile), std::nullopt,
               app::ControlKind::HealthProfile);
  settings_row(dc, l.sound, "Sound", "Voice, tones and ambient sound", std::nullopt, app::ControlKind::Sound);
  settings_row(dc, l.therapist, "Therapist mode", m.therapist_mode ? "On" : "Off", m.therapist_mode,
               app::ControlKind::TherapistMode);
  if (m.therapist_mode) {
    settings_row(dc, l.homework, "Build homework", "Routine and schedule, as a file", std::nullopt,
                 app::ControlKind::BuildHomework);
  }
  c.text_wrapped("For therapists preparing homework: unlocks the muscles kept for supervised use "
                 "(sternocleidomastoid, iliopsoas) and the homework builder.",
                 l.therapist_detail, Font::Caption, p.muted, Align::Left, 4);
  const std::string safety =
      m.screened_at ? "Safety check last answered " + day_text(*m.screened_at) + "; asked again every four weeks."
                    : "A short safety check comes before your first session, then every four weeks.";
  if (l.safety.h > 0) c.text_wrapped(safety, l.safety, Font::Caption, p.muted, Align::Left, 2);
  draw_tab_bar(dc, app::ControlKind::Settings);
}

}  // namespace unknot::ui
