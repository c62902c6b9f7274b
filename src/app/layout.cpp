#include "app/layout.h"

#include <algorithm>
#include <cmath>

namespace unknot::app {
namespace {

// Snap to the 8-dp grid's half step so edges land on whole pixels at common scales.
float snap(float v) { return std::round(v * 2.0f) / 2.0f; }

// Stacks boxes top-down inside a column.
struct Stack {
  Rect col;
  float y;
  Rect take(float h, float gap_after = kSmallGap) {
    Rect r{col.x, snap(y), col.w, h};
    y += h + gap_after;
    return r;
  }
};

Rect bottom_button(Rect col) { return {col.x, col.bottom() - kButtonHeight, col.w, kButtonHeight}; }

Rect back_button(Rect col) { return {col.x - 12, col.y - 12, kTarget, kTarget}; }

}  // namespace

Rect column(Size window) {
  const float w = std::min(window.w - 2 * kMargin, kMaxColumn);
  return {snap((window.w - w) / 2), kMargin, w, window.h - 2 * kMargin};
}

HomeLayout home_layout(Size window, int routines) {
  HomeLayout l;
  const Rect col = column(window);
  Stack s{col, col.y + kSmallGap};
  l.title = s.take(kDisplayLine, 0);
  l.subtitle = s.take(kBodyLine * 2, kGap);
  l.notice = s.take(0, 0);
  const float top = s.y + kSmallGap;
  const int n = std::max(routines, 1);
  const float available = col.bottom() - top;
  const float card_h = std::clamp((available - kGap * static_cast<float>(n - 1)) / static_cast<float>(n), 88.0f, 128.0f);
  for (int i = 0; i < routines; ++i) {
    l.cards.push_back({col.x, snap(top + static_cast<float>(i) * (card_h + kGap)), col.w, card_h});
  }
  return l;
}

RoutineLayout routine_layout(Size window) {
  RoutineLayout l;
  const Rect col = column(window);
  l.back = back_button(col);
  l.start = bottom_button(col);
  const float cautions_h = kCaptionLine * 2;
  l.cautions = {col.x, l.start.y - kGap - cautions_h, col.w, cautions_h};
  const float top = col.y + kTarget;
  l.body = {col.x, top, col.w, std::max(0.0f, l.cautions.y - kGap - top)};
  return l;
}

RatingLayout rating_layout(Size window, RatingMoment moment, int regions) {
  RatingLayout l;
  const Rect col = column(window);
  if (moment == RatingMoment::Before) l.back = back_button(col);
  l.confirm = bottom_button(col);
  Stack s{col, col.y + kTarget};
  l.title = s.take(kTitleLine, kSmallGap);
  l.anchors = s.take(kBodyLine * 2, kGap);
  // Six columns where each target stays at least 48 dp wide, else four.
  const int cols = col.w >= 6 * kTarget + 5 * kSmallGap + 12 ? 6 : 4;
  const float cell_w = (col.w - kSmallGap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
  const float cell_h = kButtonHeight;
  for (int v = 0; v <= 10; ++v) {
    const int row = v / cols, c = v % cols;
    l.values.push_back({snap(col.x + static_cast<float>(c) * (cell_w + kSmallGap)),
                        snap(s.y + static_cast<float>(row) * (cell_h + kSmallGap)), cell_w, cell_h});
  }
  const int rows = (10 / cols) + 1;
  s.y += static_cast<float>(rows) * (cell_h + kSmallGap) + kSmallGap;
  if (moment == RatingMoment::Before && regions > 0) {
    l.region_label = s.take(kBodyLine, kSmallGap);
    const float chip_w = (col.w - kSmallGap) / 2;
    for (int i = 0; i < regions; ++i) {
      l.regions.push_back({snap(col.x + static_cast<float>(i % 2) * (chip_w + kSmallGap)),
                           snap(s.y + static_cast<float>(i / 2) * (kTarget + kSmallGap)), chip_w,
                           kTarget});
    }
    s.y += static_cast<float>((regions + 1) / 2) * (kTarget + kSmallGap);
  }
  l.hint = {col.x, l.confirm.y - kSmallGap - kCaptionLine, col.w, kCaptionLine};
  return l;
}

PlayerLayout player_layout(Size window) {
  PlayerLayout l;
  const Rect col = column(window);
  Stack s{col, col.y};
  l.step_label = s.take(kCaptionLine, kSmallGap);
  l.progress = s.take(4, kGap);
  l.heading = s.take(kTitleLine, kSmallGap);
  l.tool_line = s.take(kCaptionLine * 2, kSmallGap);
  l.instruction = s.take(kBodyLine * 2, kSmallGap);
  l.referral = s.take(kCaptionLine * 2, 4);
  l.pressure = s.take(kCaptionLine, kGap);

  const float controls_y = col.bottom() - kButtonHeight;
  const float w3 = (col.w - 2 * kSmallGap) / 3;
  l.pause = {col.x, controls_y, w3, kButtonHeight};
  l.skip = {snap(col.x + w3 + kSmallGap), controls_y, w3, kButtonHeight};
  l.end = {snap(col.x + 2 * (w3 + kSmallGap)), controls_y, w3, kButtonHeight};
  l.step_left = {col.x, controls_y - kGap - kHeadingLine, col.w, kHeadingLine};
  l.caption = {col.x + col.w * 0.15f, l.step_left.y - kSmallGap - 40, col.w * 0.7f, 40};

  const float top = s.y, bottom = l.caption.y - kSmallGap;
  const float radius = std::max(40.0f, std::min(col.w * 0.36f, (bottom - top) / 2));
  l.pacer_center = {col.x + col.w / 2, snap((top + bottom) / 2)};
  l.pacer_radius = radius;
  const float inner = radius * 1.4f;
  l.phase_word = {l.pacer_center.x - inner / 2, l.pacer_center.y - kHeadingLine, inner, kHeadingLine};
  l.phase_seconds = {l.pacer_center.x - inner / 2, l.pacer_center.y + 2, inner, kTitleLine};

  const float dw = col.w, dh = 232;
  l.dialog = {col.x, snap(window.h / 2 - dh / 2), dw, dh};
  const Rect inside = l.dialog.inset(kMargin);
  l.dialog_title = {inside.x, inside.y, inside.w, kTitleLine};
  l.dialog_body = {inside.x, inside.y + kTitleLine + kSmallGap, inside.w, kBodyLine * 2};
  const float bw = (inside.w - kSmallGap) / 2;
  l.dialog_cancel = {inside.x, inside.bottom() - kButtonHeight, bw, kButtonHeight};
  l.dialog_confirm = {snap(inside.x + bw + kSmallGap), inside.bottom() - kButtonHeight, bw, kButtonHeight};
  return l;
}

SummaryLayout summary_layout(Size window) {
  SummaryLayout l;
  const Rect col = column(window);
  l.done = bottom_button(col);
  Stack s{col, col.y + kTarget};
  l.title = s.take(kTitleLine, kGap);
  l.before_after = s.take(kDisplayLine * 1.5f, kSmallGap);
  l.change = s.take(kHeadingLine, kSmallGap);
  l.time_done = s.take(kBodyLine, kGap);
  l.message = {col.x, s.y, col.w, std::max(0.0f, l.done.y - kGap - s.y)};
  return l;
}

PromptLayout prompt_layout(Size window) {
  PromptLayout l;
  const Rect col = column(window);
  l.primary = {col.x, col.bottom() - 2 * kButtonHeight - kSmallGap, col.w, kButtonHeight};
  l.secondary = bottom_button(col);
  Stack s{col, col.y + kTarget};
  l.title = s.take(kTitleLine * 2, kGap);
  l.body = {col.x, s.y, col.w, std::max(0.0f, l.primary.y - kGap - s.y)};
  return l;
}

std::vector<Hit> hits(const AppModel& m, Size window) {
  std::vector<Hit> out;
  if (std::holds_alternative<HomeScreen>(m.screen)) {
    const auto l = home_layout(window, static_cast<int>(m.catalog.size()));
    for (std::size_t i = 0; i < l.cards.size(); ++i) {
      out.push_back({{ControlKind::RoutineCard, static_cast<int>(i)}, l.cards[i]});
    }
  } else if (std::holds_alternative<RoutineScreen>(m.screen)) {
    const auto l = routine_layout(window);
    out.push_back({{ControlKind::Back, 0}, l.back});
    out.push_back({{ControlKind::Start, 0}, l.start});
  } else if (const auto* r = std::get_if<RatingScreen>(&m.screen)) {
    const int regions =
        static_cast<int>(m.catalog.at(static_cast<std::size_t>(r->routine)).routine.regions.size());
    const auto l = rating_layout(window, r->moment, regions);
    if (r->moment == RatingMoment::Before) out.push_back({{ControlKind::Back, 0}, l.back});
    for (int v = 0; v <= 10; ++v) out.push_back({{ControlKind::PainValue, v}, l.values[static_cast<std::size_t>(v)]});
    for (std::size_t i = 0; i < l.regions.size(); ++i) {
      out.push_back({{ControlKind::Region, static_cast<int>(i)}, l.regions[i]});
    }
    out.push_back({{ControlKind::Confirm, 0}, l.confirm});
  } else if (const auto* p = std::get_if<PlayerScreen>(&m.screen)) {
    const auto l = player_layout(window);
    if (p->confirming_end) {
      out.push_back({{ControlKind::EndCancel, 0}, l.dialog_cancel});
      out.push_back({{ControlKind::EndConfirm, 0}, l.dialog_confirm});
    } else {
      out.push_back({{ControlKind::Pause, 0}, l.pause});
      out.push_back({{ControlKind::Skip, 0}, l.skip});
      out.push_back({{ControlKind::End, 0}, l.end});
    }
  } else if (std::holds_alternative<SummaryScreen>(m.screen)) {
    out.push_back({{ControlKind::Done, 0}, summary_layout(window).done});
  } else if (std::holds_alternative<ResumeScreen>(m.screen)) {
    const auto l = prompt_layout(window);
    out.push_back({{ControlKind::ResumeSession, 0}, l.primary});
    out.push_back({{ControlKind::CloseSession, 0}, l.secondary});
  } else if (std::holds_alternative<ErrorScreen>(m.screen)) {
    out.push_back({{ControlKind::Dismiss, 0}, prompt_layout(window).secondary});
  }
  return out;
}

std::optional<Control> hit_test(const AppModel& m, Size window, Point p) {
  for (const auto& h : hits(m, window)) {
    if (h.rect.contains(p)) return h.control;
  }
  return std::nullopt;
}

}  // namespace unknot::app
