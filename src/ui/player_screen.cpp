#include <algorithm>
#include <cmath>

#include "app/bodymap_flow.h"
#include "app/bodymap_layout.h"
#include "app/session_flow.h"
#include "app/view.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace unknot::ui {
namespace {

Color phase_color(const Palette& p, core::BreathPhase phase) {
  switch (phase) {
    case core::BreathPhase::Inhale:
    case core::BreathPhase::TopUp: return p.inhale;
    case core::BreathPhase::Exhale: return p.exhale;
    case core::BreathPhase::HoldFull:
    case core::BreathPhase::HoldEmpty: return p.hold;
  }
  return p.inhale;
}

// The disc is 55 % of the track at empty lungs and nearly fills it at full.
float pacer_radius(const app::PlayerLayout& l, const app::PlayerView& v) {
  // Full lungs stop just inside the track so the two rings never touch.
  const float r_max = l.pacer_radius - 10;
  const float r_min = l.pacer_radius * 0.55f;
  return r_min + (r_max - r_min) * static_cast<float>(v.volume);
}

void draw_pacer(DrawContext& dc, const app::PlayerLayout& l, const app::PlayerView& v) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const Color col = v.counting_down || v.paused ? p.hold : phase_color(p, v.phase);
  // The track (drawn with the static layer) shows the full-breath size; the disc grows on the
  // inhale and shrinks on the exhale.
  const float r = pacer_radius(l, v);
  // A soft halo ring rather than a full radial glow: it reads the same and costs a fraction of
  // the pixels, which matters with the software renderer.
  c.stroke_arc(l.pacer_center, r + 7, 12, 0, 1, col.with_alpha(36));
  c.fill_circle(l.pacer_center, r, col.with_alpha(60));
  c.stroke_arc(l.pacer_center, r, 3, 0, 1, col);
  if (v.counting_down) {
    c.text_in("Get ready", l.phase_word, Font::Heading, p.text, Align::Center);
    c.number_in(v.countdown, l.phase_seconds, Font::Title, p.text, Align::Center);
  } else if (v.paused) {
    c.text_in("Paused", l.phase_word, Font::Heading, p.text, Align::Center);
  } else {
    c.text_in(v.phase_word, l.phase_word, Font::Heading, p.text, Align::Center);
    c.number_in(v.phase_seconds, l.phase_seconds, Font::Title, p.text, Align::Center);
  }
}

}  // namespace

std::string player_static_key(const DrawContext& dc, const app::AppModel& m) {
  const app::PlayerView v = app::player_view(m);
  std::string key = v.step_label + '\n' + v.heading + '\n' + v.tool_line + '\n' + v.instruction +
                    '\n' + v.referral + '\n' + v.pressure + '\n' + v.pause_label;
  if (m.session && m.session->breathing()) key += "\nbreathing";
  if (app::on_pressure_step(m)) key += v.eased ? "\neased" : "\nhold";
  if (const auto* muscle = app::session_muscle(m); muscle && m.body_map) key += "\nmuscle:" + muscle->id;
  if (dc.focus) {
    key += '\n' + std::to_string(static_cast<int>(dc.focus->kind)) + ':' +
           std::to_string(dc.focus->index);
  }
  return key;
}

std::string player_dynamic_key(const DrawContext& dc, const app::AppModel& m, const app::PlayerScreen& s) {
  const auto l = app::player_layout(dc.window);
  const app::PlayerView v = app::player_view(m);
  const float px = dc.canvas.scale();
  // Half-pixel steps of the disc and whole pixels of the progress bar: finer changes are
  // invisible, so a frame that would look the same is not drawn again.
  const long disc = std::lround(pacer_radius(l, v) * px * 2);
  const long bar = std::lround(std::clamp(v.progress, 0.0, 1.0) * l.progress.w * px);
  return std::to_string(disc) + '|' + std::to_string(bar) + '|' + std::to_string(static_cast<int>(v.phase)) +
         '|' + v.phase_word + '|' + v.phase_seconds + '|' + v.countdown + '|' + v.step_left + '|' +
         v.caption + '|' + (v.paused ? "p" : "") + (s.confirming_end ? "e" : "") + (s.asking_dizzy ? "d" : "") +
         (s.asking_intensity ? "i" : "");
}

void draw_player_static(DrawContext& dc, const app::AppModel& m) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::player_layout(dc.window);
  const app::PlayerView v = app::player_view(m);

  c.text_in(v.step_label, l.step_label, Font::Caption, p.muted, Align::Left);
  c.text_in(v.heading, l.heading, Font::Title, p.text, Align::Left);
  c.text_wrapped(v.tool_line, l.tool_line, Font::Caption, p.muted, Align::Left, 2);
  c.text_wrapped(v.instruction, l.instruction, Font::Body, p.text, Align::Left, 2);
  c.text_wrapped(v.referral, l.referral, Font::Caption, p.muted, Align::Left, 2);
  if (!v.pressure.empty()) c.text_in(v.pressure, l.pressure, Font::Caption, p.caution_text, Align::Left);
  // The pacer's track is still; only the breathing disc moves.
  c.stroke_arc(l.pacer_center, l.pacer_radius, 2, 0, 1, p.outline);
  // Where the muscle lies and where its pain commonly spreads, on a small figure beside it.
  if (const auto* muscle = app::session_muscle(m); muscle && m.body_map) {
    const app::Rect figure = app::player_figure(dc.window);
    if (figure.h > 0) {
      // The step's side only: "Left masseter" lights the left cheek.
      draw_body_figure(dc, *m.body_map, app::muscle_view(*m.body_map, *muscle), figure,
                       app::session_shading(m));
    }
  }
  button(dc, l.pause, v.pause_label, ButtonStyle::Secondary, dc.focused(app::ControlKind::Pause));
  if (m.session && m.session->breathing()) {
    button(dc, l.skip, "Dizzy?", ButtonStyle::Secondary, dc.focused(app::ControlKind::Dizzy));
  } else if (app::on_pressure_step(m)) {
    // Pain-aware control during a hold: ease it, stop this point, or skip it.
    button(dc, l.skip, "Ease off?", ButtonStyle::Secondary, dc.focused(app::ControlKind::TooIntense), !v.eased);
  } else {
    button(dc, l.skip, "Skip", ButtonStyle::Secondary, dc.focused(app::ControlKind::Skip));
  }
  button(dc, l.end, "End", ButtonStyle::Quiet, dc.focused(app::ControlKind::End));
}

void draw_player_dynamic(DrawContext& dc, const app::AppModel& m, const app::PlayerScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::player_layout(dc.window);
  const app::PlayerView v = app::player_view(m);
  progress_bar(dc, l.progress, v.progress, p.accent);
  draw_pacer(dc, l, v);
  if (!v.caption.empty()) {
    // The pill hugs one line of words, or takes both lines for a long cue.
    const float inner_w = l.caption.w - 32;
    const int lines = std::min(2, c.wrapped_line_count(v.caption, inner_w, Font::BodyStrong));
    const float text_w = lines == 1 ? c.text_width(v.caption, Font::BodyStrong) : inner_w;
    const float pill_h = lines == 1 ? 40.0f : l.caption.h;
    const app::Rect pill{l.caption.center().x - text_w / 2 - 16, l.caption.bottom() - pill_h, text_w + 32, pill_h};
    c.fill_rounded(pill, std::min(pill.h / 2, 20.0f), p.surface_raised);
    const float text_h = static_cast<float>(lines) * c.line_height(Font::BodyStrong);
    // Wrap in the full inner width (the pill's own width could round one line into two).
    c.text_wrapped(v.caption, {l.caption.x + 16, pill.center().y - text_h / 2, inner_w, text_h},
                   Font::BodyStrong, p.text, Align::Center, 2);
  }
  c.number_in(v.step_left, l.step_left, Font::Heading, p.text, Align::Center);
  if (s.confirming_end) {
    dialog(dc, l.dialog, {"End this session?", "It is saved as ended early, with your rating from before.",
                          "Keep going", "End", {app::ControlKind::EndCancel, 0}, {app::ControlKind::EndConfirm, 0}});
  }
  if (s.asking_intensity) {
    const app::IntensityDialog& d = l.intensity;
    c.fill_rect({0, 0, dc.window.w, dc.window.h}, Color{0, 0, 0, 110});
    c.fill_rounded(d.box, kCardRadius, p.surface);
    c.text_in("Too intense?", d.title, Font::Title, p.text, Align::Left);
    c.text_wrapped("Ease off and breathe out slowly. If it is sharp, electric or numb, or you feel a "
                   "pulse, stop this point.",
                   d.body, Font::Body, p.muted, Align::Left, 3);
    button(dc, d.ease, "Ease off", ButtonStyle::Primary, dc.focused(app::ControlKind::TooIntense, 1));
    button(dc, d.stop, "Stop this point", ButtonStyle::Secondary, dc.focused(app::ControlKind::StopPoint));
    button(dc, d.skip, "Skip this hold", ButtonStyle::Quiet, dc.focused(app::ControlKind::Skip));
    button(dc, d.keep, "Keep going", ButtonStyle::Quiet, dc.focused(app::ControlKind::EndCancel));
  }
  if (s.asking_dizzy) {
    dialog(dc, l.dialog, {"Dizzy or tingling?", "Take smaller, gentler breaths. Slow down, or stop here.",
                          "Stop", "Slow down", {app::ControlKind::StopSession, 0}, {app::ControlKind::SlowDown, 0}});
  }
}

void draw_player(DrawContext& dc, const app::AppModel& m, const app::PlayerScreen& s) {
  draw_player_static(dc, m);
  draw_player_dynamic(dc, m, s);
}

}  // namespace unknot::ui
