#include "app/layout.h"

#include <algorithm>
#include <cmath>

#include "app/bodymap_layout.h"
#include "app/builder_layout.h"
#include "app/care_flow.h"
#include "app/care_layout.h"
#include "app/legacy_screens.h"
#include "app/progress_flow.h"
#include "app/session_flow.h"

namespace unknot::app {
namespace {

// Snap to the 8-dp grid's half step so edges land on whole pixels at common scales.

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
  const float cell_w =
      (col.w - kSmallGap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
  const float cell_h = kButtonHeight;
  for (int v = 0; v <= 10; ++v) {
    const int row = v / cols, c = v % cols;
    l.values.push_back({snap(col.x + static_cast<float>(c) * (cell_w + kSmallGap)),
                        snap(s.y + static_cast<float>(row) * (cell_h + kSmallGap)), cell_w,
                        cell_h});
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

DialogLayout dialog_layout(Size window) {
  DialogLayout d;
  const Rect col = column(window);
  const float h = 232;
  d.box = {col.x, snap(window.h / 2 - h / 2), col.w, h};
  const Rect inside = d.box.inset(kMargin);
  d.title = {inside.x, inside.y, inside.w, kTitleLine};
  d.body = {inside.x, inside.y + kTitleLine + kSmallGap, inside.w, kBodyLine * 2};
  const float bw = (inside.w - kSmallGap) / 2;
  d.cancel = {inside.x, inside.bottom() - kButtonHeight, bw, kButtonHeight};
  d.confirm = {snap(inside.x + bw + kSmallGap), inside.bottom() - kButtonHeight, bw, kButtonHeight};
  return d;
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

std::vector<Hit> legacy_hits(const AppModel& m, Size window) {
  std::vector<Hit> out;
  if (builder_hits(m, window, out)) return out;
  if (const auto* sf = std::get_if<SafetyScreen>(&m.screen)) {
  } else if (const auto* r = std::get_if<RatingScreen>(&m.screen)) {
    const int regions =
        static_cast<int>(m.catalog.at(static_cast<std::size_t>(r->routine)).routine.regions.size());
    const auto l = rating_layout(window, r->moment, regions);
    if (r->moment == RatingMoment::Before) out.push_back({{ControlKind::Back, 0}, l.back});
    for (int v = 0; v <= 10; ++v)
      out.push_back({{ControlKind::PainValue, v}, l.values[static_cast<std::size_t>(v)]});
    for (std::size_t i = 0; i < l.regions.size(); ++i) {
      out.push_back({{ControlKind::Region, static_cast<int>(i)}, l.regions[i]});
    }
    out.push_back({{ControlKind::Confirm, 0}, l.confirm});
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

}  // namespace unknot::app
