#include "app/pattern_page.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>

#include "app/editor_page.h"
#include "app/screens.h"
#include "app/session_flow.h"
#include "app/view.h"
#include "core/breath.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

constexpr int kMaxMinutes = 60;
constexpr int kMaxBreaths = 200;

std::optional<std::int64_t> custom_id(std::string_view pattern_id) {
  constexpr std::string_view kPrefix = "custom_";
  if (pattern_id.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  std::int64_t id = 0;
  for (char c : pattern_id.substr(kPrefix.size())) {
    if (c < '0' || c > '9') return std::nullopt;
    id = id * 10 + (c - '0');
  }
  return id;
}

PatternPageLayout lay_out(const AppModel& m, const PatternScreen& s, const Env& env, float dy) {
  PatternPageLayout l;
  l.page = page_frame(env.window, true);
  const Rect col = l.page.column;
  const Rect bar = l.page.top_bar;
  l.back = {bar.x - 12, bar.y, 48, 48};
  l.start = l.page.bottom;
  const core::BreathPattern* found = find_pattern(m, s.pattern_id);
  if (found == nullptr) return l;
  // Its texts as the person reads them (a built-in's translated).
  const core::BreathPattern shown = core::translated_pattern(*found);
  const core::BreathPattern* p = &shown;
  if (p->custom) l.edit = {bar.right() - 88, bar.y, 88, 48};
  Flow f{env.text, col.x, col.w, l.page.viewport.y + 8 - dy};
  l.name = f.add(p->name, Font::Title, 8);
  l.timing = f.add(pattern_timing(*p), Font::Body, 16);
  l.summary = f.add(p->summary, Font::Body, 8);
  if (!p->suits.empty()) {
    // TRANSLATORS: on a breathing pattern's page: what it suits ({suits}, the pattern's words).
    const std::string suits = core::tr("Suits: {suits}");
    l.suits = f.add(core::fill(suits, {{"suits", p->suits}}), Font::Body, 8);
  }
  for (const auto& cue : p->cues) l.cues.push_back(f.add(cue, Font::Body, 4));
  f.y += 4;
  for (const auto& caution : p->cautions) l.cautions.push_back(f.add(caution, Font::Caption, 4));
  if (!p->source.empty()) {
    // TRANSLATORS: on a breathing pattern's page: where it comes from ({source}, a citation).
    const std::string source = core::tr("Source: {source}");
    l.source = f.add(core::fill(source, {{"source", p->source}}), Font::Caption, 0);
  }
  f.y += 16;
  const Rect units = f.take(48, 8);
  const float chip_w = std::min(128.0f, (col.w - 8) / 2);
  l.unit_minutes = {units.x, units.y, chip_w, 48};
  l.unit_breaths = {units.x + chip_w + 8, units.y, chip_w, 48};
  const Rect stepper = f.take(48, 8);
  l.length_down = {stepper.x, stepper.y, 48, 48};
  l.length_value = {l.length_down.right(), stepper.y, 64, 48};
  l.length_up = {l.length_value.right(), stepper.y, 48, 48};
  l.length_note = f.add(length_note(m, s), Font::Caption, 0);
  l.content_h = f.y + 16 + dy - l.page.viewport.y;
  return l;
}

}  // namespace

PatternPageLayout pattern_page_layout(const AppModel& m, const PatternScreen& s, const Env& env) {
  PatternPageLayout l = lay_out(m, s, env, 0);
  const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.page.viewport.h));
  return dy > 0 ? lay_out(m, s, env, dy) : l;
}

int planned_breaths(const AppModel& m, const PatternScreen& s) {
  const core::BreathPattern* p = find_pattern(m, s.pattern_id);
  if (p == nullptr) return 1;
  return core::breaths_for(*p, s.length, in_first_month(m, s.pattern_id));
}

core::BreathingLength default_length(const core::BreathPattern& p) {
  if (p.max_breaths > 0) return {core::BreathingLength::Unit::Breaths, p.max_breaths};
  const auto minutes = std::chrono::ceil<std::chrono::minutes>(p.default_length).count();
  return {core::BreathingLength::Unit::Minutes,
          static_cast<int>(std::max<std::int64_t>(1, minutes))};
}

void open_pattern(Step& st, const core::BreathPattern& p) {
  PatternScreen screen{p.id, default_length(p)};
  if (screen.length.unit == core::BreathingLength::Unit::Breaths) {
    screen.length.value = planned_breaths(st.m, screen);
  }
  open_screen(st.m, screen);
  if (p.max_breaths_first_month > 0) st.fx.push_back(LoadFirstUse{p.id});
}

ScreenFrame frame(const AppModel& m, const PatternScreen& s, const Env& env) {
  const auto l = pattern_page_layout(m, s, env);
  ScreenFrame f;
  // The pattern's name, its page's heading (none when the pattern is gone).
  if (const core::BreathPattern* p = find_pattern(m, s.pattern_id))
    f.title = core::pattern_name(*p);
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  add_target(f, {ControlKind::Back, 0}, l.back, core::trc("button", "Back"));
  const core::BreathPattern* p = find_pattern(m, s.pattern_id);
  if (p == nullptr) return f;
  if (l.edit.w > 0) add_target(f, {ControlKind::Edit, 0}, l.edit, core::tr("Edit"));
  // TRANSLATORS: the unit a breathing session's length is chosen in: minutes or breaths.
  add_scrolling(f, {ControlKind::UnitMinutes, 0}, l.unit_minutes, core::tr("Minutes"),
                Role::Option);
  add_scrolling(f, {ControlKind::UnitBreaths, 0}, l.unit_breaths, core::tr("Breaths"),
                Role::Option);
  // TRANSLATORS: a screen reader's names for the − and + beside a breathing session's length.
  add_scrolling(f, {ControlKind::LengthDown, 0}, l.length_down, core::tr("Shorter"), Role::Stepper);
  add_scrolling(f, {ControlKind::LengthUp, 0}, l.length_up, core::tr("Longer"), Role::Stepper);
  add_target(f, {ControlKind::Start, 0}, l.start, core::tr("Start"), Role::Button,
             !holds_barred(m, *p));
  return f;
}

Control primary(const AppModel&, const PatternScreen&) { return {ControlKind::Start, 0}; }

void activate(Step& st, PatternScreen& screen, Control c) {
  AppModel& m = st.m;
  const core::BreathPattern* p = find_pattern(m, screen.pattern_id);
  if (p == nullptr) {
    open_screen(m, BreatheListScreen{});
    return;
  }
  PatternScreen s = screen;
  auto& len = s.length;
  const bool minutes = len.unit == core::BreathingLength::Unit::Minutes;
  switch (c.kind) {
    case ControlKind::Back:
      open_screen(m, BreatheListScreen{});
      return;
    case ControlKind::UnitMinutes:
      if (!minutes) {
        const double cycle_s = core::to_seconds(p->cycle());
        len = {core::BreathingLength::Unit::Minutes,
               std::max(1, static_cast<int>(std::lround(len.value * cycle_s / 60.0)))};
      }
      break;
    case ControlKind::UnitBreaths:
      if (minutes) len = {core::BreathingLength::Unit::Breaths, planned_breaths(m, s)};
      break;
    case ControlKind::LengthDown:
      len.value = std::max(1, len.value - 1);
      break;
    case ControlKind::LengthUp:
      len.value = std::min(minutes ? kMaxMinutes : kMaxBreaths, len.value + 1);
      break;
    case ControlKind::Edit:
      if (auto id = custom_id(p->id)) {
        open_screen(m, editor_screen(core::to_draft(*p), id));
      }
      return;
    case ControlKind::Start:
      if (holds_barred(m, *p)) return;  // the page says why
      start_breathing(m, st.fx, *p, planned_breaths(m, s));
      open_screen(m, PlayerScreen{});
      return;
    default:
      return;
  }
  // Breaths never go past the pattern's limit, so the number shown is the number played.
  if (len.unit == core::BreathingLength::Unit::Breaths) len.value = planned_breaths(m, s);
  screen = s;
  clamp_scroll(m.scroll, screen_frame(m));  // the note under the length may have changed
}

void back(Step& st, PatternScreen&) { open_screen(st.m, BreatheListScreen{}); }

void scroll(Step& st, PatternScreen&, float dy) { scroll_content(st.m, dy); }

void text_input(Step&, PatternScreen&, const TextInput&) {}

}  // namespace unknot::app
