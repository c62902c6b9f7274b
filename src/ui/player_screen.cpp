#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "app/bodymap_flow.h"
#include "app/bodymap_layout.h"
#include "app/player_page.h"
#include "app/screens.h"
#include "app/session_flow.h"
#include "app/view.h"
#include "core/translate.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace unknot::ui {
namespace {

Color phase_color(const Palette& p, core::BreathPhase phase) {
  switch (phase) {
    case core::BreathPhase::Inhale:
    case core::BreathPhase::TopUp:
      return p.inhale;
    case core::BreathPhase::Exhale:
      return p.exhale;
    case core::BreathPhase::HoldFull:
    case core::BreathPhase::HoldEmpty:
      return p.hold;
  }
  return p.inhale;
}

// The disc is 55 % of the track at empty lungs and nearly fills it at full. With reduced
// motion it keeps one size, between the two.
float pacer_radius(const app::PlayerPageLayout& l, const app::PlayerView& v, bool reduce_motion) {
  // Full lungs stop just inside the track so the two rings never touch.
  const float r_max = l.pacer_radius - 10;
  const float r_min = l.pacer_radius * 0.55f;
  const float volume = reduce_motion ? 0.6f : static_cast<float>(v.volume);
  return r_min + (r_max - r_min) * volume;
}

// With reduced motion, how far round the track the phase's fill has come (0..1): it fills once
// per phase, slowly, in the phase's colour. Nothing fills while counting down or paused.
float pacer_fill(const app::PlayerView& v) {
  if (v.counting_down || v.paused) return 0;
  return std::clamp(static_cast<float>(v.phase_fraction), 0.0f, 1.0f);
}

void draw_pacer(DrawContext& dc, const app::PlayerPageLayout& l, const app::PlayerView& v,
                bool reduce_motion) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const Color col = v.counting_down || v.paused ? p.hold : phase_color(p, v.phase);
  // The track (also in the still layer, for a frame drawn whole) shows the full-breath size; the
  // disc grows on the inhale and shrinks on the exhale. With reduced motion it stays still and the
  // phase fills the track instead, clockwise from the top.
  const float r = pacer_radius(l, v, reduce_motion);
  // The track, a soft halo ring (it reads as a glow at a fraction of the pixels), the disc and
  // its rim, in one texture copied at once.
  c.fill_rings(l.pacer_center,
               {{l.pacer_radius - 1, l.pacer_radius + 1, p.outline},
                {r + 1, r + 13, col.with_alpha(36)},
                {0, r, col.with_alpha(60)},
                {r - 1.5f, r + 1.5f, col.with_alpha(255)}},
               p.background);
  if (reduce_motion) {
    if (const float fill = pacer_fill(v); fill > 0.002f) {
      c.stroke_arc(l.pacer_center, l.pacer_radius, 6, 0, fill, col);
    }
  }
  if (v.counting_down) {
    // TRANSLATORS: in the pacer during the countdown before a session starts; keep it short.
    c.text_in(core::tr("Get ready"), l.phase_word, Font::Heading, p.text, Align::Center);
    c.number_in(v.countdown, l.phase_seconds, Font::Title, p.text, Align::Center);
  } else if (v.paused) {
    // TRANSLATORS: in the pacer while the session is paused; keep it short.
    c.text_in(core::tr("Paused"), l.phase_word, Font::Heading, p.text, Align::Center);
  } else {
    c.text_in(v.phase_word, l.phase_word, Font::Heading, p.text, Align::Center);
    c.number_in(v.phase_seconds, l.phase_seconds, Font::Title, p.text, Align::Center);
  }
}

// The caption's pill hugs one line of words, or takes the lines a long cue needs, standing on
// the foot of the caption's place.
struct CaptionPill {
  app::Rect box;
  app::TextBlock words;
};
CaptionPill caption_pill(const Canvas& c, const app::PlayerPageLayout& l,
                         const std::string& caption) {
  const float inner_w = l.caption.w - 32;
  auto lines = c.lines(caption, Font::BodyStrong, inner_w);
  const float line_h = c.line_height(Font::BodyStrong);
  const float text_w = lines.size() == 1 ? c.text_width(caption, Font::BodyStrong) : inner_w;
  const float text_h = static_cast<float>(lines.size()) * line_h;
  const float pill_h = std::max(40.0f, text_h + 12);
  CaptionPill pill;
  pill.box = {l.caption.center().x - text_w / 2 - 16, l.caption.bottom() - pill_h, text_w + 32,
              pill_h};
  pill.words = {std::move(lines),
                {l.caption.x + 16, pill.box.center().y - text_h / 2, inner_w, text_h},
                Font::BodyStrong};
  return pill;
}

}  // namespace

PlayerFrame player_frame(const DrawContext& dc, const app::AppModel& m,
                         const app::PlayerScreen& s) {
  PlayerFrame f{app::player_view(m), {}};
  f.layout =
      app::player_page_layout(m, s, {dc.window, app::measure_of(m), m.scroll.offset}, f.view);
  return f;
}

std::string player_static_key(const DrawContext& dc, const app::AppModel& m, const PlayerFrame& f) {
  const app::PlayerView& v = f.view;
  std::string key = v.step_label + '\n' + v.heading + '\n' + v.tool_line + '\n' + v.instruction +
                    '\n' + v.referral + '\n' + v.pressure + '\n' + v.pause_label;
  key += '\n' + core::current_language();  // every word drawn changes with it
  if (m.session && m.session->breathing()) key += "\nbreathing";
  key += "\nscroll:" + std::to_string(std::lround(m.scroll.offset * 4));
  if (app::on_pressure_step(m)) key += v.eased ? "\neased" : "\nhold";
  if (const auto* muscle = app::session_muscle(m); muscle && m.body_map)
    key += "\nmuscle:" + muscle->id;
  if (dc.focus) {
    key += '\n' + std::to_string(static_cast<int>(dc.focus->kind)) + ':' +
           std::to_string(dc.focus->index);
  }
  return key;
}

std::string player_dynamic_key(const DrawContext& dc, const app::AppModel& m,
                               const app::PlayerScreen& s, const PlayerFrame& f) {
  const app::PlayerPageLayout& l = f.layout;
  const app::PlayerView& v = f.view;
  const float px = dc.canvas.scale();
  // Half-pixel steps of the disc and whole pixels of the progress bar: finer changes are
  // invisible, so a frame that would look the same is not drawn again.
  const bool still = m.comfort.reduce_motion;
  const long disc = std::lround(pacer_radius(l, v, still) * px * 2);
  // With reduced motion the fill moves instead: whole pixels along the track.
  const long fill = still ? std::lround(pacer_fill(v) * 2 * 3.14159265f * l.pacer_radius * px) : 0;
  const long bar = std::lround(std::clamp(v.progress, 0.0, 1.0) * l.progress.w * px);
  return std::to_string(disc) + '|' + std::to_string(fill) + '|' + std::to_string(bar) + '|' +
         std::to_string(static_cast<int>(v.phase)) + '|' + v.phase_word + '|' + v.phase_seconds +
         '|' + v.countdown + '|' + v.step_left + '|' + v.caption + '|' + (v.paused ? "p" : "") +
         (s.confirming_end ? "e" : "") + (s.asking_dizzy ? "d" : "") +
         (s.asking_intensity ? "i" : "");
}

void draw_player_static(DrawContext& dc, const app::AppModel& m, const PlayerFrame& f) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const app::PlayerPageLayout& l = f.layout;
  const app::PlayerView& v = f.view;
  std::optional<Clip> clip;  // at large text the words and pacer scroll above the buttons
  if (l.viewport.w > 0) clip.emplace(c, l.viewport);

  c.text_block(l.step_label, p.muted);
  c.text_block(l.heading, p.text);
  c.text_block(l.tool_line, p.muted);
  c.text_block(l.instruction, p.text);
  c.text_block(l.referral, p.muted);
  c.text_block(l.pressure, p.caution_text);
  // The pacer's track is still; only the breathing disc moves.
  c.stroke_arc(l.pacer_center, l.pacer_radius, 2, 0, 1, p.outline);
  // Where the muscle lies and where its pain commonly spreads, on a small figure beside it.
  if (const auto* muscle = app::session_muscle(m); muscle && m.body_map && l.figure.h > 0) {
    // The step's side only: "Left masseter" lights the left cheek.
    draw_body_figure(dc, *m.body_map, app::muscle_view(*m.body_map, *muscle), l.figure,
                     app::session_shading(m));
  }
  clip.reset();
  if (l.viewport.w > 0) scroll_indicator(dc, l.viewport, l.content_h, m.scroll.offset);
  button(dc, l.pause, v.pause_label, ButtonStyle::Secondary, dc.focused(app::ControlKind::Pause));
  if (m.session && m.session->breathing()) {
    button(dc, l.middle, core::tr("Dizzy?"), ButtonStyle::Secondary,
           dc.focused(app::ControlKind::Dizzy));
  } else if (app::on_pressure_step(m)) {
    // During a hold: ease it, stop this point or the session, or skip it.
    button(dc, l.middle, app::player_middle_label(m), ButtonStyle::Secondary,
           dc.focused(app::ControlKind::TooIntense), !v.eased);
  } else {
    button(dc, l.middle, core::tr("Skip"), ButtonStyle::Secondary,
           dc.focused(app::ControlKind::Skip));
  }
  button(dc, l.end, core::trc("button", "End"), ButtonStyle::Quiet,
         dc.focused(app::ControlKind::End));
}

void draw_player_dynamic(DrawContext& dc, const app::AppModel& m, const app::PlayerScreen& s,
                         const PlayerFrame& f) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const app::PlayerPageLayout& l = f.layout;
  const app::PlayerView& v = f.view;
  std::optional<Clip> clip;
  if (l.viewport.w > 0) clip.emplace(c, l.viewport);
  progress_bar(dc, l.progress, v.progress, p.accent);
  draw_pacer(dc, l, v, m.comfort.reduce_motion);
  if (!v.caption.empty()) {
    const CaptionPill pill = caption_pill(c, l, v.caption);
    c.fill_rounded(pill.box, std::min(pill.box.h / 2, 20.0f), p.surface_raised);
    c.text_block(pill.words, p.text, Align::Center);
  }
  c.number_in(v.step_left, l.step_left, Font::Heading, p.text, Align::Center);
  clip.reset();
  if (const auto q = app::player_question(m, s)) {
    const app::QuestionLayout& d = l.question;
    c.fill_rect({0, 0, dc.window.w, dc.window.h}, Color{0, 0, 0, 130});
    c.fill_rounded(d.box, kCardRadius, p.surface);
    c.text_block(d.title, p.text);
    c.text_block(d.body, p.muted);
    for (std::size_t i = 0; i < q->answers.size(); ++i) {
      // The answer that keeps the person safe and going is the primary one.
      const bool primary = q->controls[i] == app::primary(m, s);
      const ButtonStyle style = primary  ? ButtonStyle::Primary
                                : i == 1 ? ButtonStyle::Secondary
                                         : ButtonStyle::Quiet;
      button(dc, d.answers[i], q->answers[i],
             q->answers.size() == 2 && !primary ? ButtonStyle::Secondary : style,
             dc.focus && *dc.focus == q->controls[i]);
    }
  }
}

std::vector<app::Rect> player_dynamic_rects(const DrawContext& dc, const app::AppModel& m,
                                            const app::PlayerScreen& s, const PlayerFrame& f) {
  if (app::player_question(m, s)) return {};  // the dimmed page: all of it
  const app::PlayerPageLayout& l = f.layout;
  const app::PlayerView& v = f.view;
  // The halo's outer edge is at most 3 dp outside the track (full lungs: r = track - 10, plus
  // 7 + 12 / 2), as is the reduced-motion fill; 4 dp more for anti-aliasing and rounding.
  const float reach = l.pacer_radius + 7;
  std::vector<app::Rect> out{
      l.progress,   {l.pacer_center.x - reach, l.pacer_center.y - reach, 2 * reach, 2 * reach},
      l.phase_word, l.phase_seconds,
      l.step_left,
  };
  if (!v.caption.empty()) out.push_back(caption_pill(dc.canvas, l, v.caption).box);
  // Shapes are anti-aliased a little past their boxes.
  for (auto& r : out) r = {r.x - 2, r.y - 2, r.w + 4, r.h + 4};
  // Clipped to the scrolling part at large text, as the drawing is.
  if (l.viewport.w > 0) {
    for (auto& r : out) {
      const float top = std::max(r.y, l.viewport.y);
      const float bottom = std::min(r.bottom(), l.viewport.bottom());
      r = {r.x, top, r.w, std::max(0.0f, bottom - top)};
    }
  }
  std::erase_if(out, [](const app::Rect& r) { return r.w <= 0 || r.h <= 0; });
  return out;
}

std::vector<SDL_Rect> player_dynamic_pixels(const DrawContext& dc, const app::AppModel& m,
                                            const app::PlayerScreen& s, const PlayerFrame& f, int w,
                                            int h) {
  const float px = dc.canvas.scale();
  std::vector<SDL_Rect> out;
  for (const app::Rect& r : player_dynamic_rects(dc, m, s, f)) {
    const int x0 = std::clamp(static_cast<int>(std::floor(r.x * px)), 0, w);
    const int y0 = std::clamp(static_cast<int>(std::floor(r.y * px)), 0, h);
    const int x1 = std::clamp(static_cast<int>(std::ceil(r.right() * px)), 0, w);
    const int y1 = std::clamp(static_cast<int>(std::ceil(r.bottom() * px)), 0, h);
    if (x1 > x0 && y1 > y0) out.push_back({x0, y0, x1 - x0, y1 - y0});
  }
  return out;
}

std::vector<SDL_Rect> moving_parts_shown(const std::vector<SDL_Rect>& now,
                                         const std::vector<SDL_Rect>& last) {
  std::vector<SDL_Rect> shown = now;
  for (const SDL_Rect& r : last) {
    const bool again = std::any_of(shown.begin(), shown.end(), [&](const SDL_Rect& o) {
      return o.x == r.x && o.y == r.y && o.w == r.w && o.h == r.h;
    });
    if (!again) shown.push_back(r);
  }
  return shown;
}

void draw_player(DrawContext& dc, const app::AppModel& m, const app::PlayerScreen& s) {
  const PlayerFrame f = player_frame(dc, m, s);
  draw_player_static(dc, m, f);
  draw_player_dynamic(dc, m, s, f);
}

}  // namespace unknot::ui
