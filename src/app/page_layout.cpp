#include "app/page_layout.h"

#include <algorithm>
#include <cmath>

#include "app/layout.h"

namespace unknot::app {
namespace {

// The shared spacing (app/layout.h) under the names this file uses.
constexpr float kNarrowColumn = kMaxColumn;
constexpr float kTop = kTarget;
constexpr float kButton = kButtonHeight;
constexpr float kPairGap = kSmallGap;

float snap_half(float v) { return std::round(v * 2.0f) / 2.0f; }

}  // namespace

TextBlock text_block(const TextMeasure& measure, std::string_view text, Font font, float x, float y,
                     float w) {
  TextBlock b;
  b.font = font;
  b.lines = measure.lines(text, font, w);
  b.box = {x, snap_half(y), w, static_cast<float>(b.lines.size()) * measure.line_height(font)};
  return b;
}

TextBlock Flow::add(std::string_view s, Font font, float gap) {
  TextBlock b = text_block(text, s, font, x, y, w);
  if (!b.empty()) y = b.box.bottom() + gap;
  return b;
}

Rect Flow::take(float h, float gap) {
  const Rect r{x, snap_half(y), w, h};
  y += h + gap;
  return r;
}

float button_width(const TextMeasure& measure, std::string_view label, float min_w) {
  return std::max(min_w, std::ceil(measure.width(label, Font::Button)) + 32);
}

float button_height(const TextMeasure& measure, std::string_view label, float w, float min_h) {
  if (measure.width(label, Font::Button) <= w - 16) return min_h;
  const auto lines = measure.lines(label, Font::Button, std::max(0.0f, w - 32));
  return std::max(min_h, static_cast<float>(lines.size()) * measure.line_height(Font::Button) + 16);
}

Rect top_bar_button(const TextMeasure& measure, Rect top_bar, float left, float right,
                    std::string_view label, float min_w) {
  const float w = std::min(std::max(0.0f, right - left), button_width(measure, label, min_w));
  return {snap_half(right - w), top_bar.y, w, kTop};
}

NoticeBanner notice_banner(const TextMeasure& measure, Size window, std::string_view notice) {
  constexpr float kSide = 12, kPad = 5;
  NoticeBanner n;
  const float w = std::max(0.0f, window.w - 2 * kSide);
  n.text = text_block(measure, notice, Font::Caption, kSide, kPad, w);
  n.bar = {0, 0, window.w, std::min(window.h, n.text.box.h + 2 * kPad)};
  return n;
}

PageFrame page_frame(Size window, bool bottom_button) {
  PageFrame f;
  f.wide = window.w >= kWideWindow;
  const float w = std::min(window.w - 2 * kMargin, f.wide ? kMaxWideColumn : kNarrowColumn);
  f.column = {snap_half((window.w - w) / 2), kMargin, w, std::max(0.0f, window.h - 2 * kMargin)};
  f.top_bar = {f.column.x, f.column.y - 12, f.column.w, kTop};
  const float top = f.top_bar.bottom() + 4;
  float bottom = window.h;
  if (bottom_button) {
    const float bw = f.wide ? std::min(f.column.w, kNarrowColumn) : f.column.w;
    f.bottom = {f.column.x, window.h - kMargin - kButton, bw, kButton};
    bottom = f.bottom.y - kGap / 2;
  }
  f.viewport = {f.column.x - 8, top, f.column.w + 16, std::max(0.0f, bottom - top)};
  return f;
}

PageFrame page_frame(Size window, const TextMeasure& measure, std::string_view bottom_label) {
  PageFrame f = page_frame(window, true);
  const float h = button_height(measure, bottom_label, f.bottom.w, kButton);
  if (h > f.bottom.h) {
    const float grow = std::min(h - f.bottom.h, f.viewport.h);
    f.bottom.y -= grow;
    f.bottom.h += grow;
    f.viewport.h -= grow;
  }
  return f;
}

ButtonPair button_pair(const TextMeasure& measure, Rect bottom, std::string_view first,
                       std::string_view main, float first_share) {
  ButtonPair p;
  const float pad = 32;  // 16 each side of a label
  const float first_need = std::ceil(measure.width(first, Font::Button)) + pad;
  const float main_need = std::ceil(measure.width(main, Font::Button)) + pad;
  const float first_w =
      snap_half(std::max(std::min(176.0f, (bottom.w - kPairGap) * first_share), first_need));
  if (first_w + kPairGap + main_need <= bottom.w) {
    p.first = {bottom.x, bottom.y, first_w, bottom.h};
    p.main = {bottom.x + first_w + kPairGap, bottom.y, bottom.w - first_w - kPairGap, bottom.h};
    p.box = bottom;
    return p;
  }
  p.stacked = true;
  p.main = bottom;
  p.first = {bottom.x, bottom.y - kPairGap - bottom.h, bottom.w, bottom.h};
  p.box = {bottom.x, p.first.y, bottom.w, bottom.bottom() - p.first.y};
  return p;
}

DialogBox dialog_box(const TextMeasure& measure, Size window, Rect column, std::string_view title,
                     std::string_view body, std::string_view cancel, std::string_view confirm) {
  DialogBox d;
  const float w = std::min(column.w, kNarrowColumn);
  const float x = snap_half(column.x + (column.w - w) / 2);
  const float pad = kMargin;
  const float inner = w - 2 * pad;
  const float half_w = (inner - kPairGap) / 2;
  d.stacked = button_width(measure, cancel) > half_w || button_width(measure, confirm) > half_w;
  const float cancel_h = d.stacked ? button_height(measure, cancel, inner, kButton) : kButton;
  const float confirm_h = d.stacked ? button_height(measure, confirm, inner, kButton) : kButton;
  const float answers_h = d.stacked ? cancel_h + kPairGap + confirm_h : kButton;
  float h = 0;
  for (const auto& [title_font, body_font] :
       {std::pair{Font::Title, Font::Body}, std::pair{Font::Heading, Font::Caption},
        std::pair{Font::BodyStrong, Font::Caption}}) {
    Flow in{measure, x + pad, inner, 0};
    d.title = in.add(title, title_font, 8);
    d.body = in.add(body, body_font, kGap);
    h = in.y + answers_h + 2 * pad;
    if (h <= window.h - 16) break;
  }
  const float y = std::max(8.0f, snap_half((window.h - h) / 2));
  d.box = {x, y, w, h};
  d.title.box.y += y + pad;
  d.body.box.y += y + pad;
  const float foot = d.box.bottom() - pad;
  if (d.stacked) {
    d.confirm = {x + pad, foot - confirm_h, inner, confirm_h};
    d.cancel = {x + pad, d.confirm.y - kPairGap - cancel_h, inner, cancel_h};
  } else {
    d.cancel = {x + pad, foot - kButton, half_w, kButton};
    d.confirm = {snap_half(x + pad + half_w + kPairGap), d.cancel.y, half_w, kButton};
  }
  return d;
}

}  // namespace unknot::app
