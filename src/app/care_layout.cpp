#include "app/care_layout.h"

#include <algorithm>
#include <cmath>


namespace unknot::app {
namespace {

Rect back_of(Rect col) { return {col.x - 12, col.y - 12, kTarget, kTarget}; }

// Height a question takes: its text wraps in about 36 characters a line at the narrowest
// column, so three lines are allowed for and the row is never shorter than its buttons.
constexpr float kQuestionRow = 3 * kBodyLine + 8;
constexpr float kAnswerW = 52;

}  // namespace

SafetyLayout safety_layout(Size window, const SafetyScreen& s, float scroll) {
  SafetyLayout l;
  const Rect col = column(window);
  l.back = back_of(col);
  l.confirm = {col.x, col.bottom() - kButtonHeight, col.w, kButtonHeight};
  float y = col.y + kTarget;
  l.title = {col.x, snap(y), col.w, kTitleLine};
  y += kTitleLine + kSmallGap;
  l.intro = {col.x, snap(y), col.w, kBodyLine * 2};
  y += kBodyLine * 2 + kGap;
  l.viewport = {col.x, snap(y), col.w, std::max(0.0f, l.confirm.y - kGap - snap(y))};
  if (s.blocked) {
    l.advice = l.viewport;
    return l;
  }
  float row_y = l.viewport.y - scroll;
  for (int i = 0; i < kRedFlagCount; ++i) {
    SafetyQuestionRow r;
    const float answers_x = col.right() - 2 * kAnswerW - kSmallGap;
    r.text = {col.x, snap(row_y), answers_x - kGap - col.x, kQuestionRow};
    const float by = snap(row_y + (kQuestionRow - kTarget) / 2);
    r.yes = {answers_x, by, kAnswerW, kTarget};
    r.no = {answers_x + kAnswerW + kSmallGap, by, kAnswerW, kTarget};
    l.rows.push_back(r);
    row_y += kQuestionRow + kSmallGap;
  }
  l.content_h = static_cast<float>(kRedFlagCount) * (kQuestionRow + kSmallGap) - kSmallGap;
  return l;
}

float safety_max_scroll(Size window, const SafetyScreen& s) {
  const auto l = safety_layout(window, s, 0);
  return std::max(0.0f, l.content_h - l.viewport.h);
}

ProfileLayout profile_layout(Size window) {
  ProfileLayout l;
  const Rect col = column(window);
  l.back = back_of(col);
  l.save = {col.x, col.bottom() - kButtonHeight, col.w, kButtonHeight};
  float y = col.y + kTarget;
  l.title = {col.x, snap(y), col.w, kTitleLine};
  y += kTitleLine + kSmallGap;
  l.intro = {col.x, snap(y), col.w, kCaptionLine * 2};
  y += kCaptionLine * 2 + kGap;
  // Five rows share what is left, between 64 and 80 dp each.
  const float room = l.save.y - kGap - y;
  const float row_h = std::clamp((room - 4 * kSmallGap) / 5, 64.0f, 80.0f);
  for (int i = 0; i < 5; ++i) {
    ProfileRow r;
    r.row = {col.x, snap(y), col.w, row_h};
    r.track = {r.row.right() - 16 - 52, snap(r.row.center().y - 14), 52, 28};
    const float text_w = r.track.x - kGap - (col.x + 16);
    r.label = {col.x + 16, snap(r.row.center().y - (kBodyLine + kCaptionLine) / 2), text_w, kBodyLine};
    r.detail = {col.x + 16, r.label.bottom(), text_w, kCaptionLine};
    l.rows.push_back(r);
    y += row_h + kSmallGap;
  }
  return l;
}

SourcesLayout sources_layout(Size window) {
  SourcesLayout l;
  const Rect col = column(window);
  l.back = back_of(col);
  float y = col.y + kTarget;
  l.title = {col.x, snap(y), col.w, kTitleLine};
  y += kTitleLine + 4;
  l.subtitle = {col.x, snap(y), col.w, kBodyLine};
  y += kBodyLine + kGap;
  l.viewport = {col.x, snap(y), col.w, std::max(0.0f, col.bottom() - snap(y))};
  return l;
}

float sources_content_h(Size window, const std::vector<std::string>& sources) {
  const float chars_per_line = std::max(20.0f, column(window).w / 7.0f);
  float h = 0;
  for (const auto& s : sources) {
    const float lines = std::max(1.0f, std::ceil(static_cast<float>(s.size()) / chars_per_line) + 1);
    h += lines * kCaptionLine + kSmallGap;
  }
  return h;
}

}  // namespace unknot::app
