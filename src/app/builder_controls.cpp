#include "app/builder_controls.h"

#include <algorithm>
#include <cmath>

#include "core/breath.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

constexpr float kTargetSize = 48;
constexpr float kSpacing = 8;
constexpr float kFieldPad = 12;
constexpr float kChipPad = 16;  // room around a chip's label

float snap_half(float v) { return std::round(v * 2.0f) / 2.0f; }

std::string joined(const TextBlock& b) {
  std::string out;
  for (const auto& line : b.lines) out += (out.empty() ? "" : " ") + line;
  return out;
}

}  // namespace

PageFrame form_frame(Size window, bool bottom_button) {
  constexpr float kFormWidth = 480;
  PageFrame f = page_frame(window, bottom_button);
  const float w = std::min(f.column.w, kFormWidth);
  f.column.w = w;
  f.top_bar.w = w;
  f.viewport.w = w + 2 * kSpacing;
  f.bottom.w = std::min(f.bottom.w, w);
  return f;
}

BuilderStepperLayout stepper_layout(Flow& f, BuilderValue v, std::string_view label,
                                    std::string text, std::string_view widest, bool down_enabled,
                                    bool up_enabled, float gap) {
  BuilderStepperLayout s;
  s.value = v;
  s.down_enabled = down_enabled;
  s.up_enabled = up_enabled;
  const float value_w = std::ceil(std::max(f.text.width(widest, Font::BodyStrong),
                                           f.text.width(text, Font::BodyStrong))) +
                        2 * kSpacing;
  s.text = std::move(text);
  const float controls_w = 2 * kTargetSize + value_w;
  const float label_w = f.w - controls_w - kSpacing;
  // A label with no room beside the buttons goes above them.
  const bool beside = label_w >= 64;
  s.label = text_block(f.text, label, Font::Body, f.x, f.y, beside ? label_w : f.w);
  if (!beside) f.y = s.label.box.bottom() + 4;
  const float h = std::max(kTargetSize, beside ? s.label.box.h : 0.0f);
  s.row = f.take(h, gap);
  if (beside) s.label.box.y = snap_half(s.row.y + (h - s.label.box.h) / 2);
  const float y = snap_half(s.row.y + (h - kTargetSize) / 2);
  s.up = {s.row.right() - kTargetSize, y, kTargetSize, kTargetSize};
  s.value_box = {s.up.x - value_w, y, value_w, kTargetSize};
  s.down = {s.value_box.x - kTargetSize, y, kTargetSize, kTargetSize};
  return s;
}

BuilderChooserLayout chooser_layout(Flow& f, BuilderValue v, std::string_view name, float gap) {
  BuilderChooserLayout c;
  c.value = v;
  const float inner = std::max(kTargetSize, f.w - 2 * kTargetSize - 2 * kSpacing);
  c.name = text_block(f.text, name, Font::Body, f.x + kTargetSize + kSpacing, f.y, inner);
  const float h = std::max(kTargetSize, c.name.box.h + kSpacing);
  c.row = f.take(h, gap);
  c.name.box.y = snap_half(c.row.y + (h - c.name.box.h) / 2);
  const float y = snap_half(c.row.y + (h - kTargetSize) / 2);
  c.previous = {c.row.x, y, kTargetSize, kTargetSize};
  c.next = {c.row.right() - kTargetSize, y, kTargetSize, kTargetSize};
  return c;
}

std::string pattern_name(const std::string& id) {
  const auto* p = core::find_builtin_pattern(id);
  return p ? core::pattern_name(*p) : id;
}

BuilderField builder_field(Flow& f, BuilderText which, const TextEdit& edit, std::string_view hint,
                           int min_lines, float gap) {
  BuilderField l;
  l.which = which;
  l.place = {{f.x, f.y, f.w, 0}, Font::Body, kFieldPad, !edit.multi_line()};
  const float w = std::max(kTargetSize, f.w - 2 * kFieldPad);
  l.hint = text_block(f.text, hint, Font::Body, f.x + kFieldPad, f.y + kFieldPad, w);
  const float line = f.text.line_height(Font::Body);
  const bool empty = edit.text().empty() && !edit.composing();
  const auto hint_lines = static_cast<int>(l.hint.lines.size());
  float h = 0;
  if (edit.multi_line()) {
    h = field_height(edit, f.w, f.text, std::max(min_lines, empty ? hint_lines : 0), Font::Body,
                     kFieldPad);
  } else {
    const auto lines = static_cast<int>(field_layout(edit, l.place, f.text).lines.size());
    const int shown = std::max({min_lines, 1, lines, empty ? hint_lines : 0});
    h = static_cast<float>(shown) * line + 2 * kFieldPad;
  }
  l.place.box = f.take(std::max(kTargetSize, h), gap);
  return l;
}

BuilderCardLayout card_layout(Flow& f, std::string_view title, std::string_view detail,
                              Font detail_font, float min_h, float gap) {
  constexpr float kPad = 16, kAccessoryRoom = 44, kTextPad = 12;
  BuilderCardLayout c;
  const float top = f.y;
  Flow in{f.text, f.x + kPad, f.w - kPad - kAccessoryRoom, top + kTextPad};
  c.title = in.add(title, Font::BodyStrong, 2);
  c.detail = in.add(detail, detail_font, 0);
  const float text_h = in.y - (top + kTextPad);
  const float h = std::max(min_h, text_h + 2 * kTextPad);
  const float dy = snap_half((h - text_h - 2 * kTextPad) / 2);  // short text sits in the middle
  c.title.box.y += dy;
  c.detail.box.y += dy;
  c.card = f.take(h, gap);
  c.accessory = {c.card.right() - kAccessoryRoom + 4, c.card.y, 28, h};
  return c;
}

std::vector<Rect> chip_rows(Flow& f, std::span<const std::string> labels, Font font, float gap) {
  std::vector<Rect> out;
  const std::size_t n = labels.size();
  if (n == 0) return out;
  float widest = 0;
  for (const auto& label : labels) widest = std::max(widest, f.text.width(label, font));
  const float need = std::max(kTargetSize, std::ceil(widest) + kChipPad);
  const auto width_for = [&](std::size_t k) {
    return (f.w - static_cast<float>(k - 1) * kSpacing) / static_cast<float>(k);
  };
  std::size_t per_row = 1;
  for (const std::size_t k : {n, (n + 1) / 2, std::size_t{2}}) {
    if (k >= 1 && k <= n && width_for(k) >= need) {
      per_row = k;
      break;
    }
  }
  const float w = width_for(per_row);
  Rect row;
  for (std::size_t i = 0; i < n; ++i) {
    if (i % per_row == 0) row = f.take(kTargetSize, i + per_row >= n ? gap : kSpacing);
    const float x = snap_half(row.x + static_cast<float>(i % per_row) * (w + kSpacing));
    out.push_back({x, row.y,
                   snap_half(row.x + static_cast<float>(i % per_row) * (w + kSpacing) + w) - x,
                   kTargetSize});
  }
  return out;
}

void add_stepper(ScreenFrame& f, const BuilderStepperLayout& s) {
  const std::string name = joined(s.label);
  const int i = value_index(s.value);
  // TRANSLATORS: the spoken name of a stepper's − button; {control} is the value's label
  // ("Each hold", "Repetitions").
  const std::string lower = core::tr("{control} lower");
  // TRANSLATORS: the spoken name of a stepper's + button; {control} is the value's label.
  const std::string higher = core::tr("{control} higher");
  add_scrolling(f, {ControlKind::BuilderDown, i}, s.down, core::fill(lower, {{"control", name}}),
                Role::Stepper, s.down_enabled);
  add_scrolling(f, {ControlKind::BuilderUp, i}, s.up, core::fill(higher, {{"control", name}}),
                Role::Stepper, s.up_enabled);
}

void add_chooser(ScreenFrame& f, const BuilderChooserLayout& c, std::string previous,
                 std::string next) {
  const int i = value_index(c.value);
  add_scrolling(f, {ControlKind::BuilderDown, i}, c.previous, std::move(previous), Role::Stepper);
  add_scrolling(f, {ControlKind::BuilderUp, i}, c.next, std::move(next), Role::Stepper);
}

}  // namespace unknot::app
