#include "app/text_field.h"

#include <algorithm>
#include <cmath>

#include "app/model.h"
#include "app/screens.h"
#include "app/text_motion.h"

namespace unknot::app {
namespace {

constexpr float kCaretW = 2;

EditMeasure measure_with(const TextMeasure& t, Font font) {
  return [&t, font](std::string_view s) { return s.empty() ? 0.0f : t.width(s, font); };
}

// Where a layout's bytes are drawn: x of a byte on a line, y of a line, rects over a range.
class Geometry {
 public:
  Geometry(const FieldLayout& l, const EditMeasure& m) : l_(l), m_(m) {}
  float x(std::size_t line, std::size_t byte) const {
    const LineSpan s = l_.lines[line];
    const std::size_t at = std::clamp(byte, s.begin, s.end);
    return l_.text_box.x - l_.shift + m_(std::string_view(l_.text).substr(s.begin, at - s.begin));
  }
  float y(std::size_t line) const { return l_.text_box.y + static_cast<float>(line) * l_.line_h; }
  // One rect per line that [begin, end) touches, `h` high from `top` below the line's top; a
  // range running on past a '\n' shows a little of the line break.
  std::vector<Rect> rects(std::size_t begin, std::size_t end, float top, float h,
                          float break_w) const {
    std::vector<Rect> out;
    const float left = l_.box.x + 2, right = l_.box.right() - 2;
    for (std::size_t i = 0; i < l_.lines.size(); ++i) {
      const LineSpan s = l_.lines[i];
      const bool has_break = i + 1 < l_.lines.size() && l_.lines[i + 1].begin > s.end;
      const bool crosses_break = has_break && begin <= s.end && end > s.end;
      if ((end <= s.begin || begin >= s.end) && !crosses_break) continue;
      const float x0 = std::max(left, x(i, std::max(begin, s.begin)));
      const float x1 = std::min(right, x(i, std::min(end, s.end)) + (crosses_break ? break_w : 0));
      if (x1 > x0) out.push_back({x0, y(i) + top, x1 - x0, h});
    }
    return out;
  }

 private:
  const FieldLayout& l_;
  const EditMeasure& m_;
};

// The whole characters of a single line that lie inside [shift, shift + w].
FieldRun visible_run(std::string_view text, float shift, float w, const EditMeasure& m) {
  std::size_t begin = caret_at_x(text, shift, m);
  if (m(text.substr(0, begin)) < shift - 0.5f) begin = next_boundary(text, begin);
  std::size_t end = caret_at_x(text, shift + w, m);
  if (m(text.substr(0, end)) > shift + w + 0.5f) end = prev_boundary(text, end);
  end = std::max(begin, end);
  return {begin, end, {m(text.substr(0, begin)) - shift, 0}};
}

void reveal_caret(AppModel& m, Control control, Rect caret, float line_h) {
  const ScreenFrame f = screen_frame(m);
  for (const auto& t : f.targets) {
    if (t.control != control) continue;
    const Rect line{caret.x, caret.y - (line_h - caret.h) / 2, caret.w, line_h};
    if (t.scrolls) reveal(m.scroll, f, line);
    return;
  }
}

// Up / Down in a multi-line field go by drawn line, keeping the caret's x; from the first / last
// line, to the text's start / end.
void move_by_line(TextEdit& edit, const FieldLayout& l, const EditMeasure& m, bool down,
                  bool extend) {
  const CaretPlace at = caret_place(l.text, l.lines, edit.caret(), m);
  std::size_t to = 0;
  if (down && at.line + 1 >= l.lines.size()) {
    to = l.text.size();
  } else if (down || at.line > 0) {
    to = caret_at(l.text, l.lines, down ? at.line + 1 : at.line - 1, at.x, m);
  }
  edit.move_to(to, extend);
}

// Home / End in a multi-line field go to the ends of the drawn line; where a line wraps, End
// stops before its last character (the space it wraps at) so the caret stays on that line.
void move_in_line(TextEdit& edit, const FieldLayout& l, const EditMeasure& m, bool end,
                  bool extend) {
  const std::size_t line = caret_place(l.text, l.lines, edit.caret(), m).line;
  const LineSpan span = l.lines[line];
  const bool wraps = line + 1 < l.lines.size() && l.lines[line + 1].begin == span.end;
  std::size_t to = span.begin;
  if (end) to = wraps && span.end > span.begin ? prev_boundary(l.text, span.end) : span.end;
  edit.move_to(to, extend);
}

void key_edit(Step& st, TextEdit& edit, const FieldLayout& l, const EditMeasure& m, KeyEdit key,
              FieldOutcome& out) {
  if (key.key == EditKey::Paste) {
    if (!edit.composing()) st.fx.push_back(ReadClipboard{});
    return;
  }
  const bool by_line = edit.multi_line() && !edit.composing();
  if (by_line && (key.key == EditKey::Up || key.key == EditKey::Down)) {
    move_by_line(edit, l, m, key.key == EditKey::Down, key.shift);
    return;
  }
  if (by_line && (key.key == EditKey::Home || key.key == EditKey::End)) {
    move_in_line(edit, l, m, key.key == EditKey::End, key.shift);
    return;
  }
  EditResult r = apply(edit, key);
  if (r.clipboard_out) st.fx.push_back(WriteClipboard{std::move(*r.clipboard_out)});
  out.submit = r.submit;
}

}  // namespace

FieldLayout field_layout(const TextEdit& edit, const FieldPlace& place, const TextMeasure& t) {
  const EditMeasure m = measure_with(t, place.font);
  const CompositionView view = edit.composition_view();
  FieldLayout l;
  l.box = place.box;
  l.font = place.font;
  l.line_h = t.line_height(place.font);
  l.text = view.text;
  const std::string_view text = l.text;
  const bool wraps = edit.multi_line() || place.wrap;
  if (wraps) {
    l.text_box = place.box.inset(place.pad);
    l.lines = edit_lines(text, l.text_box.w, m);
  } else {
    l.text_box = {place.box.x + place.pad, place.box.y + (place.box.h - l.line_h) / 2,
                  place.box.w - 2 * place.pad, l.line_h};
    l.lines = {{0, text.size()}};
    // Slid just enough to show the caret, and never past the text's end.
    const float room = l.text_box.w - kCaretW;
    const float full = m(text);
    const float caret_x = m(text.substr(0, view.caret));
    if (full > room) l.shift = std::clamp(caret_x - room, 0.0f, full - room);
  }
  const Geometry g(l, m);
  if (wraps) {
    for (std::size_t i = 0; i < l.lines.size(); ++i) {
      std::size_t end = l.lines[i].end;
      while (end > l.lines[i].begin && text[end - 1] == ' ') --end;  // spaces hanging at a wrap
      if (end > l.lines[i].begin) l.runs.push_back({l.lines[i].begin, end, {l.text_box.x, g.y(i)}});
    }
  } else {
    FieldRun run = visible_run(text, l.shift, l.text_box.w, m);
    run.at = {l.text_box.x + run.at.x, l.text_box.y};
    if (run.end > run.begin) l.runs.push_back(run);
  }
  const CaretPlace caret = caret_place(text, l.lines, view.caret, m);
  const float cx = std::clamp(g.x(caret.line, view.caret) - kCaretW / 2, l.box.x + 2,
                              l.box.right() - 2 - kCaretW);
  l.caret = {cx, g.y(caret.line) + 2, kCaretW, l.line_h - 4};
  const float break_w = std::max(4.0f, m(" "));
  if (edit.composing()) {
    l.underline = g.rects(view.underline_begin, view.underline_end, l.line_h - 4, 1.5f, 0);
  } else if (edit.has_selection()) {
    l.selection = g.rects(edit.selection_begin(), edit.selection_end(), 0, l.line_h, break_w);
  }
  return l;
}

float field_height(const TextEdit& edit, float w, const TextMeasure& t, int min_lines, Font font,
                   float pad) {
  const auto lines = edit_lines(edit.composition_view().text, w - 2 * pad, measure_with(t, font));
  const auto rows = std::max(static_cast<std::size_t>(std::max(min_lines, 1)), lines.size() + 1);
  return static_cast<float>(rows) * t.line_height(font) + 2 * pad;
}

std::size_t field_offset_at(const FieldLayout& l, Point p, const TextMeasure& t, Font font) {
  if (l.lines.empty()) return 0;
  const float row = std::floor((p.y - l.text_box.y) / l.line_h);
  const auto line =
      static_cast<std::size_t>(std::clamp(row, 0.0f, static_cast<float>(l.lines.size() - 1)));
  return caret_at(l.text, l.lines, line, p.x - l.text_box.x + l.shift, measure_with(t, font));
}

FieldOutcome edit_field(Step& st, TextEdit& edit, Control control, const FieldPlace& place,
                        const TextInput& input) {
  AppModel& m = st.m;
  const bool focused = focused_control(m) == control;
  const auto* press = std::get_if<FieldPressed>(&input);
  if (press != nullptr ? press->control != control : !focused) return {};
  const TextMeasure& t = measure_of(m);
  const EditMeasure measure = measure_with(t, place.font);
  const TextEdit before = edit;
  FieldOutcome out;
  if (press != nullptr) {
    if (!focused) focus_control(m, control);
    edit.clear_composition();
    const std::size_t at = field_offset_at(field_layout(edit, place, t), press->at, t, place.font);
    if (press->clicks >= 3) {
      edit.select_all();
    } else if (press->clicks == 2) {
      edit.select_word_at(at);
    } else {
      edit.move_to(at, press->extend);
    }
    m.field_dragging = press->held;
  } else if (const auto* drag = std::get_if<FieldDragged>(&input)) {
    if (!m.field_dragging) return {};
    edit.move_to(field_offset_at(field_layout(edit, place, t), drag->at, t, place.font), true);
  } else if (const auto* typed = std::get_if<TextTyped>(&input)) {
    edit.insert(typed->text);
  } else if (const auto* key = std::get_if<FieldKeyed>(&input)) {
    key_edit(st, edit, field_layout(edit, place, t), measure, key->key, out);
  } else if (const auto* pasted = std::get_if<ClipboardRead>(&input)) {
    apply(edit, {EditKey::Paste}, pasted->text);
  } else if (const auto* composed = std::get_if<FieldComposed>(&input)) {
    edit.set_composition(composed->text, static_cast<std::size_t>(std::max(0, composed->cursor)));
  } else if (std::holds_alternative<FieldFocused>(input)) {
    edit.focus_gained();
  }
  out.changed = !(edit == before);
  out.text_changed = edit.text() != before.text();
  m.caret_moved_at = m.ui_now;  // any input to the field restarts the blink, shown
  if (out.changed) {
    const FieldLayout after = field_layout(edit, place, t);
    reveal_caret(m, control, after.caret, after.line_h);
  }
  return out;
}

bool caret_on(core::Instant moved_at, core::Instant now) {
  const core::Duration d = now - moved_at;
  if (d < core::Duration::zero() || d >= kCaretBlinkFor) return true;
  return (d / kCaretBlink) % 2 == 0;
}

std::optional<core::Duration> caret_flips_in(core::Instant moved_at, core::Instant now) {
  const core::Duration d = now - moved_at;
  if (d < core::Duration::zero()) return moved_at - now;
  if (d >= kCaretBlinkFor) return std::nullopt;
  return std::min<core::Duration>(kCaretBlink - d % kCaretBlink, kCaretBlinkFor - d);
}

}  // namespace unknot::app
