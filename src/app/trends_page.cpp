// Notes on behaviour the header leaves open:
// - Progress data loads when the Progress tab opens and stays until something changes the
//   record; the weekly target saves on every step so leaving the screen never loses it.
// - Chips stand in equal columns when every label fits its cell, fewer columns when not; a label
//   wider than the whole column wraps inside its chip.
#include "app/trends_page.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "app/progress_flow.h"
#include "app/screens.h"
#include "app/share_page.h"
#include "core/content_language.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

// TRANSLATORS: the Progress page's heading (also its tab).
constexpr const char* kTitle = core::tr_noop("Progress");

// Charts grow with the text size so their labels and messages keep their room (1 at 100 %).
float chart_growth(const TextMeasure& t) {
  return std::max(1.0f, t.line_height(Font::Caption) / line_height_dp(Font::Caption));
}

constexpr float kPad = 16;  // inside a card
constexpr float kCardGap = 16;
constexpr float kChipGap = 8;
constexpr float kChipH = 48;
constexpr float kTargetH = 48;
constexpr float kValueW = 112;  // the weekly target's value between its steppers

std::vector<LegendEntry> legend(const TextMeasure& t, Flow& f, const std::vector<LegendItem>& items,
                                int cols) {
  std::vector<LegendEntry> out;
  const float w = (f.w - 8 * static_cast<float>(cols - 1)) / static_cast<float>(cols);
  const float line = t.line_height(Font::Caption);
  for (std::size_t first = 0; first < items.size(); first += static_cast<std::size_t>(cols)) {
    const std::size_t last = std::min(items.size(), first + static_cast<std::size_t>(cols));
    float h = 0;
    for (std::size_t i = first; i < last; ++i) {
      const float x = std::round(f.x + static_cast<float>(i - first) * (w + 8));
      LegendEntry e;
      e.mark = items[i].mark;
      e.swatch = {x, f.y, 20, line};
      e.text = text_block(t, items[i].text, Font::Caption, x + 28, f.y, w - 28);
      h = std::max(h, e.text.box.h);
      out.push_back(std::move(e));
    }
    f.y += h + 4;
  }
  return out;
}

// A card's inner flow starts kPad below `top`; the card ends kPad below the flow.
Rect close_card(Flow& outer, float top, float inner_bottom) {
  const Rect r{outer.x, top, outer.w, inner_bottom + kPad - top};
  outer.y = r.bottom() + kCardGap;
  return r;
}

void change_card(const TextMeasure& t, Flow& f, const TrendsView& v, ChangeCardLayout& c) {
  const float top = f.y;
  Flow in{t, f.x + kPad, f.w - 2 * kPad, top + kPad};
  const ChangeView& cv = v.change;
  c.title = in.add(core::tr("Pain vs your baseline"), Font::Heading, 8);
  const float half = (in.w - 16) / 2;
  Flow left{t, in.x, half, in.y}, right{t, in.x + half + 16, half, in.y};
  // TRANSLATORS: the mean pain of the first days, that later weeks are compared with.
  c.baseline_label = left.add(core::tr("Baseline"), Font::Caption, 0);
  c.baseline_value = left.add(v.loaded ? cv.baseline_value : "–", Font::Title, 0);
  c.baseline_caption = left.add(cv.baseline_caption, Font::Caption, 0);
  c.current_label = right.add(core::tr("Latest weekly mean"), Font::Caption, 0);
  c.current_value = right.add(v.loaded ? cv.current_value : "–", Font::Title, 0);
  c.current_caption = right.add(cv.current_caption, Font::Caption, 0);
  in.y = std::max(left.y, right.y) + 12;
  c.change = in.add(v.loaded ? cv.change : core::tr("Loading…"), Font::BodyStrong, 0);
  c.band = in.add(cv.band, Font::Body, 0);
  in.y += 4;
  c.reference = in.add(cv.reference, Font::Caption, 4);
  c.note = in.add(cv.note, Font::Caption, 0);
  c.card = close_card(f, top, in.y);
}

void target_row(const TextMeasure& t, Flow& in, const TrendsView& v, TargetRowLayout& r) {
  r.rule = {in.x - kPad, in.y - 8, in.w + 2 * kPad, 1};
  const float line = t.line_height(Font::BodyStrong);
  const float value_w = t.width(v.target_value, Font::BodyStrong) + 1;
  // Between − and + the value has kValueW, or its words' width when longer (wrapping in what
  // the row leaves when even that is too little).
  const float between = std::min(std::max(kValueW, value_w + 8), in.w - 2 * kTargetH);
  const float controls_w = v.target_prescribed ? value_w : 2 * kTargetH + between;
  const float label_w = t.width(v.target_label, Font::Body) + 1;
  float y = in.y;
  if (label_w + 8 + controls_w <= in.w) {
    r.label = text_block(t, v.target_label, Font::Body, in.x, y, in.w - controls_w - 8);
    r.label.box.y = y + (kTargetH - r.label.box.h) / 2;
  } else {
    r.label = text_block(t, v.target_label, Font::Body, in.x, y, in.w);
    y = r.label.box.bottom() + 4;
  }
  const float right = in.x + in.w;
  if (v.target_prescribed) {
    r.value = text_block(t, v.target_value, Font::BodyStrong, right - value_w,
                         y + (kTargetH - line) / 2, value_w);
  } else {
    r.value =
        text_block(t, v.target_value, Font::BodyStrong, right - kTargetH - between, 0, between);
    const float h = std::max(kTargetH, r.value.box.h);
    r.value.box.y = y + (h - r.value.box.h) / 2;
    r.up = {right - kTargetH, y + (h - kTargetH) / 2, kTargetH, kTargetH};
    r.down = {r.value.box.x - kTargetH, r.up.y, kTargetH, kTargetH};
    in.y = y + h;
    return;
  }
  in.y = y + kTargetH;
}

TrendsLayout lay_out(const AppModel& m, const TrendsScreen& s, const TrendsView& v, const Env& env,
                     float dy) {
  TrendsLayout l;
  const TextMeasure& t = env.text;
  l.tabs = tab_bar_layout(env.window, env.text);
  l.page = tab_page_frame(env.window, l.tabs);
  const Rect col = l.page.column, vp = l.page.viewport;
  l.list = vp;
  if (!m.toast.empty()) {
    l.toast_text = text_block(t, m.toast, Font::Caption, col.x + 12, 0, col.w - 24);
    const float h = l.toast_text.box.h + 20;
    l.toast = {col.x, vp.bottom() - 8 - h, col.w, h};
    l.toast_text.box.y = l.toast.y + 10;
    l.list.h = std::max(0.0f, l.toast.y - 4 - vp.y);
  }
  const float top = col.y + 8 - dy;
  const float share_w = std::max(120.0f, t.width(core::tr("Share report"), Font::Button) + 32);
  if (share_w <= col.w * 0.6f) {
    l.title = text_block(t, core::tr(kTitle), Font::Title, col.x, top, col.w - share_w - 8);
    l.share = {col.right() - share_w, top + (t.line_height(Font::Title) - kTargetH) / 2, share_w,
               kTargetH};
  } else {
    // Long words at a large text size: the button goes under the title, as wide as the column.
    l.title = text_block(t, core::tr(kTitle), Font::Title, col.x, top, col.w);
    l.share = {col.x, l.title.box.bottom() + 8, col.w, kTargetH};
  }
  Flow f{t, col.x, col.w, std::max(l.title.box.bottom(), l.share.bottom()) + 12};

  // TRANSLATORS: the periods Progress shows: short chip labels.
  const std::string periods[] = {core::tr("4 weeks"), core::tr("12 weeks"),
                                 core::trc("period", "All")};
  std::vector<ChipItem> items;
  for (int i = 0; i < 3; ++i)
    items.push_back({periods[i], {ControlKind::Period, i}, static_cast<int>(s.period) == i});
  chip_group(t, f, items, 3, l.chips);
  if (v.regions.size() >= 2) {
    items.clear();
    items.push_back({core::tr("All regions"), {ControlKind::RegionFilter, 0}, s.region.empty()});
    for (std::size_t i = 0; i < v.regions.size(); ++i) {
      items.push_back({core::region_text(v.regions[i]),
                       {ControlKind::RegionFilter, static_cast<int>(i + 1)},
                       s.region == v.regions[i]});
    }
    chip_group(t, f, items, l.page.wide ? 6 : 3, l.chips);
  }
  if (v.has_sides) {
    // TRANSLATORS: the side filter's chips: sessions on both sides of the body, the left, the
    // right.
    const std::string sides[] = {core::tr("Both sides"), core::trc("side", "Left"),
                                 core::trc("side", "Right")};
    items.clear();
    for (int i = 0; i < 3; ++i)
      items.push_back({sides[i], {ControlKind::SideFilter, i}, static_cast<int>(s.side) == i});
    chip_group(t, f, items, 3, l.chips);
  }
  l.filter_note = f.add(v.filter_note, Font::Caption, kChipGap);
  f.y += kChipGap;

  if (!v.change.escalation.empty()) {  // above the figures, so it is not missed
    const float top_e = f.y;
    Flow in{t, f.x + kPad, f.w - 2 * kPad, top_e + kPad};
    l.escalation_title = in.add(core::tr("Worth a word with your clinician"), Font::BodyStrong, 4);
    l.escalation = in.add(v.change.escalation, Font::Body, 0);
    l.escalation_card = close_card(f, top_e, in.y);
  }
  change_card(t, f, v, l.change);
  if (v.loaded) {
    const float top_s = f.y;
    Flow in{t, f.x + kPad, f.w - 2 * kPad, top_s + kPad - 2};
    l.adherence = in.add(v.adherence, Font::BodyStrong, 6);
    l.streak = in.add(v.streak, Font::Body, 0);
    l.streak_card = close_card(f, top_s, in.y - 2);
  }

  {  // Pain and practice, with the weekly target at its foot.
    ChartCardLayout& c = l.pain;
    const float top_c = f.y;
    Flow in{t, f.x + kPad, f.w - 2 * kPad, top_c + kPad};
    c.title = in.add(core::tr("Pain and practice"), Font::Heading, 8);
    c.plot = in.take((l.page.wide ? 280.0f : 216.0f) * chart_growth(t), 12);
    c.geometry = pain_plot(t, v.pain, v.loaded, c.plot);
    c.legend = legend(t, in, v.pain.legend, in.w >= 2 * 240 + 8 ? 2 : 1);
    in.y += 20;
    target_row(t, in, v, l.target);
    c.card = close_card(f, top_c, in.y - 4);
  }
  {  // Sessions: before vs after.
    ChartCardLayout& c = l.sessions;
    const float top_c = f.y;
    Flow in{t, f.x + kPad, f.w - 2 * kPad, top_c + kPad};
    c.title = in.add(core::tr("Before and after sessions"), Font::Heading, 8);
    c.plot = in.take((l.page.wide ? 240.0f : 184.0f) * chart_growth(t), 12);
    c.geometry = sessions_plot(t, v.sessions, v.loaded, c.plot);
    const int cols = in.w >= 4 * 136 + 24 ? 4 : in.w >= 3 * 136 + 16 ? 3 : 2;
    c.legend = legend(t, in, v.sessions.legend, cols);
    in.y += 8;
    const std::string& first = v.sessions.empty.empty() ? v.sessions.summary : v.sessions.empty;
    if (v.loaded) l.sessions_text.push_back(in.add(first, Font::Caption, 4));
    for (const auto& w : v.sessions.weekly) l.sessions_text.push_back(in.add(w, Font::Caption, 0));
    in.y += 4;
    l.sessions_text.push_back(in.add(v.sessions.caveat, Font::Caption, 0));
    c.card = close_card(f, top_c, in.y);
  }
  if (!v.left_right.empty()) {  // only when some region was rated on both sides
    LeftRightLayout& c = l.left_right;
    const float top_c = f.y;
    Flow in{t, f.x + kPad, f.w - 2 * kPad, top_c + kPad};
    c.title = in.add(core::tr("Left vs right"), Font::Heading, 8);
    const float half = in.w / 2;
    c.left_head = text_block(t, core::trc("side", "Left"), Font::Caption, in.x, in.y, half - 8);
    c.right_head =
        text_block(t, core::trc("side", "Right"), Font::Caption, in.x + half, in.y, half);
    in.y = c.left_head.box.bottom() + 4;
    for (const auto& row : v.left_right) {
      LeftRightLayout::Row r;
      r.region = in.add(core::region_text(row.region), Font::BodyStrong, 0);
      r.left = text_block(t, row.left, Font::Body, in.x, in.y, half - 8);
      r.right = text_block(t, row.right, Font::Body, in.x + half, in.y, half);
      in.y = std::max(r.left.box.bottom(), r.right.box.bottom()) + 8;
      c.rows.push_back(std::move(r));
    }
    c.note = in.add(v.left_right_note, Font::Caption, 0);
    c.card = close_card(f, top_c, in.y);
  }
  if (!v.psfs.empty()) {  // only once an activity was rated in the period
    PsfsCardLayout& c = l.psfs;
    const float top_c = f.y;
    Flow in{t, f.x + kPad, f.w - 2 * kPad, top_c + kPad};
    c.title = in.add(core::tr("What is hard to do (PSFS)"), Font::Heading, 8);
    for (const auto& row : v.psfs) {
      PsfsCardLayout::Row r;
      r.activity = in.add(row.activity, Font::BodyStrong, 0);
      r.value = in.add(row.value, Font::Body, 0);
      r.verdict = in.add(row.verdict, Font::Caption, 0);
      r.beyond_mdc = row.beyond_mdc;
      in.y += 8;
      c.rows.push_back(std::move(r));
    }
    c.note = in.add(v.psfs_note, Font::Caption, 0);
    c.card = close_card(f, top_c, in.y);
  }
  {  // Pressure by muscle.
    DoseLayout& c = l.dose;
    const float top_c = f.y;
    Flow in{t, f.x + kPad, f.w - 2 * kPad, top_c + kPad};
    c.title = in.add(core::tr("Pressure by muscle"), Font::Heading, 8);
    if (v.dose.empty())
      c.empty = in.add(v.loaded ? v.dose_empty : core::tr("Loading…"), Font::Caption, 8);
    for (const auto& row : v.dose) {
      DoseLayout::Row r;
      const float value_w = std::min(in.w / 2, t.width(row.value, Font::Caption) + 1);
      r.value = text_block(t, row.value, Font::Caption, in.x + in.w - value_w, in.y, value_w);
      r.label = text_block(t, row.label, Font::Caption, in.x, in.y, in.w - value_w - 8);
      r.track = {in.x, std::max(r.value.box.bottom(), r.label.box.bottom()) + 4, in.w, 8};
      r.fraction = v.dose_max > 0 ? static_cast<float>(row.minutes / v.dose_max) : 0.0f;
      in.y = r.track.bottom() + 12;
      c.rows.push_back(std::move(r));
    }
    if (!v.dose.empty()) c.note = in.add(v.dose_note, Font::Caption, 0);
    c.card = close_card(f, top_c, in.y);
  }
  l.content_h = f.y - kCardGap + 24 + dy - vp.y;
  return l;
}

}  // namespace

void chip_group(const TextMeasure& t, Flow& f, const std::vector<ChipItem>& items, int max_cols,
                std::vector<ChipLayout>& out) {
  if (items.empty()) return;
  const auto cell_w = [&](int cols) {
    return (f.w - kChipGap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
  };
  int cols = std::min(max_cols, static_cast<int>(items.size()));
  for (; cols > 1; --cols) {
    const float w = cell_w(cols);
    const bool fits = std::all_of(items.begin(), items.end(), [&](const ChipItem& i) {
      return t.width(i.label, Font::Caption) + 24 <= w;
    });
    if (fits) break;
  }
  // On a desktop the chips keep a chip's size rather than stretching across 960 dp.
  const float w = std::min(cell_w(cols), std::max(200.0f, cell_w(static_cast<int>(items.size()))));
  for (std::size_t first = 0; first < items.size(); first += static_cast<std::size_t>(cols)) {
    const std::size_t last = std::min(items.size(), first + static_cast<std::size_t>(cols));
    const std::size_t row_start = out.size();
    float h = kChipH;
    for (std::size_t i = first; i < last; ++i) {
      const float x = std::round(f.x + static_cast<float>(i - first) * (w + kChipGap));
      ChipLayout c;
      c.control = items[i].control;
      c.on = items[i].on;
      c.label = text_block(t, items[i].label, Font::Caption, x + 12, f.y, w - 24);
      c.rect = {x, f.y, w, 0};
      h = std::max(h, c.label.box.h + 12);
      out.push_back(std::move(c));
    }
    for (std::size_t i = row_start; i < out.size(); ++i) {
      out[i].rect.h = h;
      out[i].label.box.y = f.y + (h - out[i].label.box.h) / 2;
    }
    f.y += h + kChipGap;
  }
}

TrendsLayout trends_layout(const AppModel& m, const TrendsScreen& s, const TrendsView& v,
                           const Env& env) {
  TrendsLayout l = lay_out(m, s, v, env, 0);
  const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.list.h));
  return dy > 0 ? lay_out(m, s, v, env, dy) : l;
}

TrendsLayout trends_layout(const AppModel& m, const TrendsScreen& s, const Env& env) {
  return trends_layout(m, s, trends_view(m, s), env);
}

void open_trends(AppModel& m, std::vector<Effect>& fx) {
  TrendsScreen screen;
  if (const auto* t = std::get_if<TrendsScreen>(&m.screen)) screen = *t;
  open_screen(m, screen);
  if (!m.progress && !m.progress_loading) {
    m.progress_loading = true;
    fx.push_back(LoadProgress{});
  }
}

ScreenFrame frame(const AppModel& m, const TrendsScreen& s, const Env& env) {
  const TrendsLayout l = trends_layout(m, s, env);
  ScreenFrame f;
  f.title = core::tr(kTitle);
  f.viewport = l.list;
  f.content_h = l.content_h;
  add_scrolling(f, {ControlKind::ShareReport, 0}, l.share, core::tr("Share report"));
  for (const auto& c : l.chips) {
    add_scrolling(f, c.control, c.rect, c.label.lines.empty() ? std::string{} : c.label.lines[0],
                  Role::Option);
  }
  if (l.target.down.w > 0) {
    // TRANSLATORS: spoken names of the buttons that lower or raise the weekly target.
    add_scrolling(f, {ControlKind::TargetDown, 0}, l.target.down, core::tr("Fewer sessions"),
                  Role::Stepper, m.weekly_target > 1);
    add_scrolling(f, {ControlKind::TargetUp, 0}, l.target.up, core::tr("More sessions"),
                  Role::Stepper, m.weekly_target < kMaxWeeklyTarget);
  }
  add_tabs(f, env.window, env.text);
  return f;
}

Control primary(const AppModel&, const TrendsScreen&) { return {ControlKind::TabProgress, 0}; }

void activate(Step& st, TrendsScreen& s, Control c) {
  AppModel& m = st.m;
  if (open_tab(st, c)) return;
  const int i = c.index;
  switch (c.kind) {
    case ControlKind::Period:
      if (i >= 0 && i <= 2) s.period = static_cast<TrendsPeriod>(i);
      break;
    case ControlKind::RegionFilter: {
      const auto regions = trends_regions(m);
      s.region = i >= 1 && i <= static_cast<int>(regions.size())
                     ? regions[static_cast<std::size_t>(i - 1)]
                     : std::string{};
      break;
    }
    case ControlKind::SideFilter:
      s.side = i == 1 ? core::Side::Left : i == 2 ? core::Side::Right : core::Side::None;
      break;
    case ControlKind::TargetDown:
    case ControlKind::TargetUp: {
      if (target_prescribed(m)) break;  // the therapist's schedule sets it
      const int step = c.kind == ControlKind::TargetUp ? 1 : -1;
      const int next = std::clamp(m.weekly_target + step, 1, kMaxWeeklyTarget);
      if (next != m.weekly_target) {
        m.weekly_target = next;
        st.fx.push_back(SaveWeeklyTarget{next});
      }
      break;
    }
    case ControlKind::ShareReport:
      open_screen(m, share_screen(m, s));
      return;
    default:
      break;
  }
  clamp_scroll(m.scroll, screen_frame(m));  // a shorter period or filter may need less room
}

void back(Step& st, TrendsScreen&) { open_screen(st.m, HomeScreen{}); }

void scroll(Step& st, TrendsScreen&, float dy) { scroll_content(st.m, dy); }

void text_input(Step&, TrendsScreen&, const TextInput&) {}

}  // namespace unknot::app
