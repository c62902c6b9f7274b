// Notes on behaviour the header leaves open:
// - Text boxes for prose get as many lines as an estimate of the text's width needs (0.55 of the
//   font size per character, generous for Inter and DejaVu), so nothing wraps into the next box.
// - The tabs share the content column's width, so on a desktop window they sit under the column.
#include "app/progress_layout.h"
#include "app/text_util.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "app/progress_flow.h"

namespace unknot::app {
namespace {


constexpr float kCardPad = 16;
constexpr float kChipHeight = kTarget;
constexpr float kPainPlot = 216;
constexpr float kSessionsPlot = 184;
constexpr float kLegendGap = 4;
constexpr float kCaptionPx = 14;
constexpr float kBodyPx = 17;


struct Flow {
  float x, w, y;
  Rect take(float h, float gap_after) {
    Rect r{x, snap(y), w, h};
    y += h + gap_after;
    return r;
  }
};

float legend_height(std::size_t items, int columns) {
  if (items == 0) return 0;
  const auto rows = static_cast<float>((items + static_cast<std::size_t>(columns) - 1) / static_cast<std::size_t>(columns));
  return rows * kCaptionLine + (rows - 1) * kLegendGap;
}

}  // namespace

TabBarLayout tab_bar_layout(Size window) {
  TabBarLayout l;
  const Rect col = column(window);
  l.bar = {0, window.h - kTabBarHeight, window.w, kTabBarHeight};
  const float w = col.w / 4;
  const auto cell = [&](int i) {
    const float x0 = snap(col.x + w * static_cast<float>(i));
    const float x1 = i == 3 ? col.right() : snap(col.x + w * static_cast<float>(i + 1));
    return Rect{x0, l.bar.y, x1 - x0, kTabBarHeight};
  };
  l.home = cell(0);
  l.progress = cell(1);
  l.history = cell(2);
  l.settings = cell(3);
  return l;
}

TrendsLayout trends_layout(Size window, const TrendsView& v, float scroll) {
  TrendsLayout l;
  const Rect col = column(window);
  l.title = {col.x, col.y, col.w - 152, kTitleLine};
  l.share = {col.right() - 144, col.y - 6, 144, kTarget};
  const float top = col.y + kTarget + kSmallGap;
  l.viewport = {col.x - 8, top, col.w + 16, std::max(0.0f, window.h - kTabBarHeight - top)};
  Flow f{col.x, col.w, top + 4 - scroll};

  // Period chips.
  {
    const Rect row = f.take(kChipHeight, kSmallGap);
    const float w = (row.w - 2 * kSmallGap) / 3;
    for (int i = 0; i < 3; ++i) l.periods.push_back({snap(row.x + static_cast<float>(i) * (w + kSmallGap)), row.y, w, row.h});
  }
  // Region chips: three to a row where each stays 96 wide, else two.
  if (v.regions.size() >= 2) {
    const int cols = col.w >= 3 * 96 + 2 * kSmallGap ? 3 : 2;
    const float w = (col.w - kSmallGap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    const int n = static_cast<int>(v.regions.size()) + 1;
    for (int i = 0; i < n; ++i) {
      l.regions.push_back({snap(col.x + static_cast<float>(i % cols) * (w + kSmallGap)),
                           snap(f.y + static_cast<float>(i / cols) * (kChipHeight + kSmallGap)), w, kChipHeight});
    }
    f.y += static_cast<float>((n + cols - 1) / cols) * (kChipHeight + kSmallGap);
  }
  if (v.has_sides) {
    const Rect row = f.take(kChipHeight, kSmallGap);
    const float w = (row.w - 2 * kSmallGap) / 3;
    for (int i = 0; i < 3; ++i) l.sides.push_back({snap(row.x + static_cast<float>(i) * (w + kSmallGap)), row.y, w, row.h});
  }
  if (!v.filter_note.empty()) {
    l.filter_note = f.take(kCaptionLine * static_cast<float>(estimated_lines(v.filter_note, col.w, kCaptionPx)), kSmallGap);
  }
  f.y += kSmallGap;

  const float inner_x = col.x + kCardPad, inner_w = col.w - 2 * kCardPad;

  // Change vs baseline.
  {
    ChangeCardLayout& c = l.change_parts;
    const float card_y = f.y;
    Flow in{inner_x, inner_w, card_y + kCardPad};
    c.title = in.take(kHeadingLine, kSmallGap);
    const float half = (inner_w - kGap) / 2;
    const Rect labels = in.take(kCaptionLine, 0);
    const Rect values = in.take(kTitleLine, 0);
    const Rect captions = in.take(kCaptionLine * 2, kSmallGap + 4);
    c.baseline_label = {labels.x, labels.y, half, labels.h};
    c.baseline_value = {values.x, values.y, half, values.h};
    c.baseline_caption = {captions.x, captions.y, half, captions.h};
    const float right_x = snap(inner_x + half + kGap);
    c.current_label = {right_x, labels.y, half, labels.h};
    c.current_value = {right_x, values.y, half, values.h};
    c.current_caption = {right_x, captions.y, half, captions.h};
    c.change = in.take(kBodyLine * static_cast<float>(estimated_lines(v.change.change, inner_w, kBodyPx)), 0);
    if (!v.change.band.empty()) c.band = in.take(kBodyLine, 0);
    in.y += 4;
    c.reference_lines = estimated_lines(v.change.reference, inner_w, kCaptionPx);
    if (c.reference_lines > 0) c.reference = in.take(kCaptionLine * static_cast<float>(c.reference_lines), 4);
    c.note_lines = estimated_lines(v.change.note, inner_w, kCaptionPx);
    if (c.note_lines > 0) c.note = in.take(kCaptionLine * static_cast<float>(c.note_lines), 0);
    const float bottom = std::max(in.y, c.current_caption.bottom()) + kCardPad;
    l.change = {col.x, snap(card_y), col.w, snap(bottom - card_y)};
    f.y = bottom + kGap;
  }

  // Streak.
  {
    l.streak_lines = std::max(1, estimated_lines(v.streak, inner_w, kBodyPx));
    const float h = kCardPad * 2 - 4 + kBodyLine * static_cast<float>(l.streak_lines);
    l.streak = f.take(h, kGap);
  }

  // Pain and practice, with the weekly target at its foot.
  {
    ChartCard& c = l.pain;
    const float card_y = f.y;
    Flow in{inner_x, inner_w, card_y + kCardPad};
    c.title = in.take(kHeadingLine, kSmallGap);
    c.plot = in.take(kPainPlot, 12);
    c.legend_columns = 1;
    c.legend = in.take(legend_height(v.pain.legend.size(), 1), kGap);
    l.target_row = {col.x, snap(in.y - 8), col.w, 0};
    const float stepper_w = kTarget + 112 + kTarget;
    if (inner_w - stepper_w - kSmallGap >= 120) {
      const Rect row = in.take(kTarget, 0);
      l.target_label = {row.x, row.y, row.w - stepper_w - kSmallGap, row.h};
      l.target_down = {row.right() - stepper_w, row.y, kTarget, kTarget};
    } else {
      l.target_label = in.take(kBodyLine, 4);
      const Rect row = in.take(kTarget, 0);
      l.target_down = {row.x, row.y, kTarget, kTarget};
    }
    l.target_value = {l.target_down.right(), l.target_down.y, 112, kTarget};
    l.target_up = {l.target_value.right(), l.target_down.y, kTarget, kTarget};
    const float bottom = in.y + kCardPad - 4;
    l.target_row.h = snap(bottom - l.target_row.y);
    c.card = {col.x, snap(card_y), col.w, snap(bottom - card_y)};
    f.y = bottom + kGap;
  }

  // Sessions: before vs after.
  {
    ChartCard& c = l.sessions;
    const float card_y = f.y;
    Flow in{inner_x, inner_w, card_y + kCardPad};
    c.title = in.take(kHeadingLine, kSmallGap);
    c.plot = in.take(kSessionsPlot, 12);
    c.legend_columns = inner_w >= 3 * 136 ? 3 : 2;
    c.legend = in.take(legend_height(v.sessions.legend.size(), c.legend_columns), kSmallGap + 4);
    const float note_y = in.y;
    const std::string& first = v.sessions.empty.empty() ? v.sessions.summary : v.sessions.empty;
    if (!first.empty()) l.sessions_summary = in.take(kCaptionLine * static_cast<float>(estimated_lines(first, inner_w, kCaptionPx)), 4);
    for (std::size_t i = 0; i < v.sessions.weekly.size(); ++i) l.sessions_weekly.push_back(in.take(kCaptionLine, 0));
    if (!v.sessions.weekly.empty()) in.y += 4;
    if (!v.sessions.caveat.empty()) {
      l.sessions_caveat = in.take(kCaptionLine * static_cast<float>(estimated_lines(v.sessions.caveat, inner_w, kCaptionPx)), 0);
    }
    c.note = {inner_x, snap(note_y), inner_w, snap(in.y - note_y)};
    const float bottom = in.y + kCardPad;
    c.card = {col.x, snap(card_y), col.w, snap(bottom - card_y)};
    f.y = bottom + kGap;
  }

  // Left vs right: only when some region was rated on both sides.
  if (!v.left_right.empty()) {
    ChartCard& c = l.left_right;
    const float card_y = f.y;
    Flow in{inner_x, inner_w, card_y + kCardPad};
    c.title = in.take(kHeadingLine, kSmallGap);
    const float plot_y = in.y;
    c.legend = in.take(kCaptionLine, 4);  // the column heads: Left, Right
    for (std::size_t i = 0; i < v.left_right.size(); ++i) l.left_right_rows.push_back(in.take(kBodyLine * 2, kSmallGap));
    c.plot = {inner_x, snap(plot_y), inner_w, snap(in.y - plot_y)};
    c.note = in.take(kCaptionLine * static_cast<float>(estimated_lines(v.left_right_note, inner_w, kCaptionPx)), 0);
    const float bottom = in.y + kCardPad;
    c.card = {col.x, snap(card_y), col.w, snap(bottom - card_y)};
    f.y = bottom + kGap;
  }

  // Dose: minutes of pressure per muscle.
  {
    ChartCard& c = l.dose;
    const float card_y = f.y;
    Flow in{inner_x, inner_w, card_y + kCardPad};
    c.title = in.take(kHeadingLine, kSmallGap);
    const float plot_y = in.y;
    if (v.dose.empty()) {
      const std::string& text = v.loaded ? v.dose_empty : std::string("Loading…");
      in.take(kCaptionLine * static_cast<float>(std::max(1, estimated_lines(text, inner_w, kCaptionPx))), kSmallGap);
    }
    for (std::size_t i = 0; i < v.dose.size(); ++i) l.dose_rows.push_back(in.take(kCaptionLine + 4 + 8, 12));
    c.plot = {inner_x, snap(plot_y), inner_w, snap(in.y - plot_y)};
    if (!v.dose.empty()) c.note = in.take(kCaptionLine * static_cast<float>(estimated_lines(v.dose_note, inner_w, kCaptionPx)), 0);
    const float bottom = in.y + kCardPad;
    c.card = {col.x, snap(card_y), col.w, snap(bottom - card_y)};
    f.y = bottom + kMargin;
  }

  l.content_h = f.y + scroll - top;
  // Two lines, so a saved report's whole path can be read.
  const float toast_h = 2 * kCaptionLine + 20;
  l.toast = {col.x, snap(l.viewport.bottom() - kSmallGap - toast_h), col.w, toast_h};
  return l;
}

TrendsLayout trends_layout(Size window, const AppModel& m, const TrendsScreen& s) {
  return trends_layout(window, trends_view(m, s), s.scroll);
}

float trends_max_scroll(Size window, const AppModel& m, const TrendsScreen& s) {
  const auto l = trends_layout(window, m, TrendsScreen{s.period, s.region, s.side, 0});
  return std::max(0.0f, l.content_h - l.viewport.h);
}

HistoryLayout history_layout(Size window, int rows, float scroll) {
  HistoryLayout l;
  const Rect col = column(window);
  l.title = {col.x, col.y, col.w, kTitleLine};
  const float top = col.y + kTarget + kSmallGap;
  l.viewport = {col.x - 8, top, col.w + 16, std::max(0.0f, window.h - kTabBarHeight - top)};
  const float pitch = kHistoryRow + kSmallGap;
  for (int i = 0; i < rows; ++i) {
    l.rows.push_back({col.x, snap(top + 4 + static_cast<float>(i) * pitch - scroll), col.w, kHistoryRow});
  }
  l.footer = {col.x, snap(top + 4 + static_cast<float>(rows) * pitch - scroll), col.w, kTarget};
  // Room under the footer for the undo bar, so the last row can always be read.
  l.content_h = 4 + static_cast<float>(rows) * pitch + kTarget + kButtonHeight + kGap;
  l.empty = {col.x, top + kMargin, col.w, kBodyLine * 4};
  l.undo_bar = {col.x, snap(l.viewport.bottom() - kSmallGap - kButtonHeight), col.w, kButtonHeight};
  l.undo = {l.undo_bar.right() - 4 - 80, l.undo_bar.y + 4, 80, kTarget};
  l.undo_label = {l.undo_bar.x + kGap, l.undo_bar.y, l.undo.x - kSmallGap - l.undo_bar.x - kGap, l.undo_bar.h};
  return l;
}

float history_max_scroll(Size window, int rows) {
  const auto l = history_layout(window, rows, 0);
  return std::max(0.0f, l.content_h - l.viewport.h);
}

EntryLayout entry_layout(Size window) {
  EntryLayout l;
  const Rect col = column(window);
  l.back = {col.x - 12, col.y - 12, kTarget, kTarget};
  l.remove = {col.right() - 96, col.y - 12, 96, kTarget};
  l.save = {col.x, col.bottom() - kButtonHeight, col.w, kButtonHeight};
  Flow f{col.x, col.w, col.y + kTarget};
  l.title = f.take(kTitleLine, 4);
  l.meta = f.take(kBodyLine, 0);
  l.status = f.take(kCaptionLine, kGap);
  const auto stepper = [&](StepperRow& r) {
    const Rect row = f.take(kTarget, kSmallGap);
    r.up = {row.right() - kTarget, row.y, kTarget, kTarget};
    r.value = {r.up.x - 64, row.y, 64, kTarget};
    r.down = {r.value.x - kTarget, row.y, kTarget, kTarget};
    r.label = {row.x, row.y, std::max(0.0f, r.down.x - kSmallGap - row.x), kTarget};
  };
  stepper(l.before);
  stepper(l.after);
  f.y += kSmallGap;
  l.note_label = f.take(kCaptionLine, 4);
  // Room for about seven lines of note; a longer note keeps its end in view as it grows.
  const float field_bottom = std::min(l.save.y - kGap, f.y + 168);
  l.note_field = {col.x, snap(f.y), col.w, std::max(kTarget, snap(field_bottom - f.y))};
  l.dialog = dialog_layout(window);
  return l;
}

}  // namespace unknot::app
