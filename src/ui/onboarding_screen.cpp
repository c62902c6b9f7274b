// The welcome tour (app/onboarding_page.h), with its two pictures drawn from shapes: someone
// leaning back against a ball on a wall, and fingertips pressing into a muscle. Flat, in the
// palette's colours, so they follow the light and dark themes.
#include <algorithm>

#include "app/onboarding_page.h"
#include "app/screens.h"
#include "core/translate.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace unknot::ui {
namespace {

// A standing person seen from the side, back against a ball held on a wall at shoulder height.
void draw_ball_on_wall(Canvas& c, const Palette& p, app::Rect box) {
  const float s = box.h / 148.0f;
  const float top = box.y;
  const float floor_y = top + 134 * s;
  const float wall_x = box.x + box.w * 0.72f;
  const Color figure = mix(p.muted, p.surface, 0.25f);
  c.fill_rect({wall_x, top + 10 * s, 10 * s, floor_y - top - 10 * s},
              mix(p.outline, p.surface, 0.2f));
  c.fill_rect({box.x + 12 * s, floor_y, box.w - 24 * s, 3 * s}, mix(p.outline, p.surface, 0.2f));
  const float ball_r = 10 * s;
  const app::Point ball{wall_x - ball_r, top + 50 * s};
  const float torso_r = 13 * s;
  const float back_x = ball.x - ball_r;  // the back touches the ball
  const app::Point shoulder{back_x - torso_r, top + 46 * s};
  const app::Point hip{back_x - torso_r + 3 * s, top + 90 * s};
  const app::Point foot{hip.x - 16 * s, floor_y - 4 * s};
  c.fill_capsule({hip.x, hip.y}, foot, 7 * s, figure);
  c.fill_capsule({hip.x - 4 * s, hip.y}, {foot.x - 6 * s, foot.y}, 7 * s, figure);
  c.fill_capsule(shoulder, hip, torso_r, figure);
  c.fill_capsule({shoulder.x - 2 * s, shoulder.y + 4 * s}, {shoulder.x - 10 * s, top + 86 * s},
                 5.5f * s, mix(figure, p.text, 0.15f));
  c.fill_circle({shoulder.x + 1 * s, top + 24 * s}, 11 * s, figure);
  c.fill_circle(ball, ball_r, p.exhale);
  // The breath going out as the person leans in: two soft arcs ahead of the face.
  const app::Point mouth{shoulder.x - 12 * s, top + 27 * s};
  c.stroke_arc(mouth, 7 * s, 2 * s, 0.62f, 0.88f, mix(p.exhale, p.surface, 0.3f));
  c.stroke_arc(mouth, 13 * s, 2 * s, 0.64f, 0.86f, mix(p.exhale, p.surface, 0.55f));
}

// Fingertips pressing straight into a muscle, with the pressure spreading under them.
void draw_fingertips(Canvas& c, const Palette& p, app::Rect box) {
  const float s = box.h / 148.0f;
  const float top = box.y;
  const float skin_y = top + 100 * s;
  const float cx = box.x + box.w * 0.5f;
  const Color skin = mix(p.surface, p.inhale, 0.35f);
  c.fill_rounded({box.x + 12 * s, skin_y, box.w - 24 * s, box.bottom() - skin_y - 12 * s}, 14 * s,
                 skin);
  // Pressure spreading in the muscle under the fingertips.
  const app::Point contact{cx - 2 * s, skin_y + 4 * s};
  c.stroke_arc(contact, 12 * s, 2 * s, 0.30f, 0.70f, mix(p.exhale, skin, 0.1f));
  c.stroke_arc(contact, 21 * s, 2 * s, 0.32f, 0.68f, mix(p.exhale, skin, 0.45f));
  const Color hand = mix(p.muted, p.surface, 0.25f);
  // Three fingers reach down from the palm; the palm comes in from the upper right.
  const app::Point palm_a{cx + 44 * s, top + 22 * s};
  const app::Point palm_b{cx + 10 * s, top + 58 * s};
  for (int i = -1; i <= 1; ++i) {
    const float dx = static_cast<float>(i) * 11 * s;
    c.fill_capsule({palm_b.x + dx + 2 * s, palm_b.y}, {cx + dx - 2 * s, skin_y - 2 * s}, 5.5f * s,
                   hand);
  }
  c.fill_capsule(palm_a, palm_b, 17 * s, hand);
  // The thumb, resting along the side.
  c.fill_capsule({palm_b.x + 18 * s, palm_b.y + 6 * s}, {palm_b.x + 30 * s, palm_b.y + 30 * s},
                 5.5f * s, mix(hand, p.text, 0.12f));
}

}  // namespace

void draw_onboarding(DrawContext& dc, const app::AppModel& m, const app::OnboardingScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const app::Env env{dc.window, app::measure_of(m), m.scroll.offset};
  const auto l = app::onboarding_layout(s, env);
  if (l.back.w > 0) back_button(dc, l.back, dc.focused(app::ControlKind::Back));
  if (l.skip.w > 0) {
    button(dc, l.skip, core::tr("Skip"), ButtonStyle::Quiet, dc.focused(app::ControlKind::Skip));
  }
  {
    Clip clip(c, l.page.viewport);
    c.text_block(l.step_label, p.muted);
    c.text_block(l.title, p.text);
    for (const auto& fig : l.figures) {
      c.fill_rounded(fig.box, 16, p.surface);
      if (fig.art == app::OnboardingArt::BallOnWall) {
        draw_ball_on_wall(c, p, fig.box);
      } else {
        draw_fingertips(c, p, fig.box);
      }
      c.text_block(fig.caption, p.muted);
    }
    for (const auto& para : l.paras) {
      using Style = app::OnboardingPara::Style;
      if (para.style == Style::Bullet) c.fill_circle(para.dot, 3, p.accent);
      c.text_block(para.text, para.style == Style::Note ? p.muted : p.text);
    }
    for (int v = 0; v < static_cast<int>(l.values.size()); ++v) {
      const app::Rect cell = l.values[static_cast<std::size_t>(v)];
      const bool selected = s.pain == v;
      c.fill_rounded(cell, 14, selected ? pain_color(v) : p.surface);
      c.number_in(std::to_string(v), cell, Font::Heading,
                  selected ? Color{0x14, 0x1E, 0x24, 255} : p.text, Align::Center);
      if (dc.focused(app::ControlKind::PainValue, v)) focus_ring(dc, cell, 14);
    }
  }
  scroll_indicator(dc, l.page.viewport, l.content_h, m.scroll.offset);
  button(dc, l.next, app::onboarding_next_label(s), ButtonStyle::Primary,
         dc.focused(app::ControlKind::Confirm),
         s.step != app::OnboardingStep::Rating || s.pain.has_value());
}

}  // namespace unknot::ui
