#include "app/screens.h"

#include <algorithm>

#include "app/body_map_page.h"
#include "app/breathe_list_page.h"
#include "app/builder_page.h"
#include "app/builder_pick_page.h"
#include "app/builder_plan_page.h"
#include "app/builder_step_page.h"
#include "app/checkin_page.h"
#include "app/dose_page.h"
#include "app/editor_page.h"
#include "app/entry_page.h"
#include "app/history_page.h"
#include "app/home_page.h"
#include "app/muscle_page.h"
#include "app/onboarding_page.h"
#include "app/pattern_page.h"
#include "app/player_page.h"
#include "app/profile_page.h"
#include "app/prompt_pages.h"
#include "app/psfs_page.h"
#include "app/rating_page.h"
#include "app/record_pages.h"
#include "app/routine_page.h"
#include "app/safety_page.h"
#include "app/saved_file.h"
#include "app/settings_page.h"
#include "app/share_page.h"
#include "app/sound_page.h"
#include "app/sources_page.h"
#include "app/summary_page.h"
#include "app/trends_page.h"

namespace unknot::app {
namespace {

template <class... S>
constexpr bool all_modules(std::variant<S...>*) {
  return (ScreenModule<S> && ...);
}
static_assert(all_modules(static_cast<Screen*>(nullptr)),
              "every screen provides activate, back, scroll, text_input, frame and primary");

}  // namespace

const TextMeasure& measure_of(const AppModel& m) { return m.text ? *m.text : estimated_text(); }

Env env_of(const AppModel& m) {
  return Env{{m.window_w, m.window_h}, measure_of(m), m.scroll.offset};
}

ScreenFrame screen_frame(const AppModel& m, Size window) {
  const Env env{window, measure_of(m), m.scroll.offset};
  // The saved-file sheet is modal: while it is open, its buttons are the only targets.
  if (m.saved_file) return saved_file_frame(m, env);
  return std::visit([&](const auto& s) { return frame(m, s, env); }, m.screen);
}

ScreenFrame screen_frame(const AppModel& m) { return screen_frame(m, {m.window_w, m.window_h}); }

void open_screen(AppModel& m, Screen screen) {
  m.saved_file.reset();  // a sheet belongs to the screen it was opened over
  if (screen.index() != m.screen.index()) m.scroll = {};
  m.screen = std::move(screen);
  const auto list = controls(m);
  const Control first = primary_control(m);
  const auto it = std::find(list.begin(), list.end(), first);
  m.focus = it == list.end() ? 0 : static_cast<int>(it - list.begin());
  m.field_dragging = false;
  clamp_scroll(m.scroll, screen_frame(m));
  if (focused_field(m)) {
    // A field gaining focus only selects its text: it asks for no effects.
    std::vector<Effect> none;
    Step st{m, none};
    screen_text(st, FieldFocused{});
  }
}

void screen_activate(Step& st, Control c) {
  if (st.m.saved_file) return saved_file_activate(st, c);
  std::visit([&](auto& s) { activate(st, s, c); }, st.m.screen);
}
void screen_back(Step& st) {
  if (st.m.saved_file) return close_saved_file(st.m);
  std::visit([&](auto& s) { back(st, s); }, st.m.screen);
}
void screen_scroll(Step& st, float dy) {
  if (st.m.saved_file) return scroll_content(st.m, dy);
  std::visit([&](auto& s) { scroll(st, s, dy); }, st.m.screen);
}
void screen_text(Step& st, const TextInput& t) {
  if (st.m.saved_file) return;
  std::visit([&](auto& s) { text_input(st, s, t); }, st.m.screen);
}
Control screen_primary(const AppModel& m) {
  if (m.saved_file) return {ControlKind::CloseSaved, 0};
  return std::visit([&](const auto& s) { return primary(m, s); }, m.screen);
}

bool focus_control(AppModel& m, Control c) {
  const auto list = controls(m);
  const auto it = std::find(list.begin(), list.end(), c);
  if (it == list.end()) return false;
  m.focus = static_cast<int>(it - list.begin());
  return true;
}

void scroll_content(AppModel& m, float dy) { scroll_by(m.scroll, screen_frame(m), dy); }

void reveal_focus(AppModel& m) {
  const auto focus = focused_control(m);
  if (!focus) return;
  const ScreenFrame f = screen_frame(m);
  for (const auto& t : f.targets) {
    if (t.control == *focus) {
      if (t.scrolls) reveal(m.scroll, f, t.rect);
      return;
    }
  }
}

std::vector<Control> controls(const AppModel& m) {
  std::vector<Control> out;
  for (const auto& t : screen_frame(m).targets) {
    // A control with two pressable areas is focused once.
    if (t.enabled && std::find(out.begin(), out.end(), t.control) == out.end())
      out.push_back(t.control);
  }
  return out;
}

Control primary_control(const AppModel& m) { return screen_primary(m); }

std::optional<Control> focused_control(const AppModel& m) {
  const auto list = controls(m);
  if (list.empty()) return std::nullopt;
  return list[static_cast<std::size_t>(std::clamp(m.focus, 0, static_cast<int>(list.size()) - 1))];
}

bool editing_text(const AppModel& m) {
  if (m.saved_file) return false;
  const auto focus = focused_control(m);
  if (!focus) return false;
  for (const auto& t : screen_frame(m).targets) {
    if (t.control == *focus) return t.role == Role::Field;
  }
  return false;
}

namespace {

// A screen's field for a control, for screens that have text fields (app/text_field.h).
template <class S>
std::optional<FieldRef> field_of(const AppModel& m, const S& s, Control c, const Env& env) {
  if constexpr (requires {
                  { text_field(m, s, c, env) } -> std::same_as<std::optional<FieldRef>>;
                }) {
    return text_field(m, s, c, env);
  } else {
    return std::nullopt;
  }
}

}  // namespace

std::optional<FieldRef> focused_field(const AppModel& m) {
  if (m.saved_file) return std::nullopt;  // the sheet over the page has no fields
  const auto focus = focused_control(m);
  if (!focus) return std::nullopt;
  const Env env = env_of(m);
  return std::visit([&](const auto& s) { return field_of(m, s, *focus, env); }, m.screen);
}

std::optional<Control> field_at(const AppModel& m, Size window, Point p) {
  for (const auto& t : hits(m, window)) {
    if (t.role == Role::Field && t.rect.contains(p)) return t.control;
  }
  return std::nullopt;
}

bool caret_visible(const AppModel& m, core::Instant now) {
  return focused_field(m) && caret_on(m.caret_moved_at, now);
}

std::optional<core::Duration> caret_changes_in(const AppModel& m, core::Instant now) {
  if (!focused_field(m)) return std::nullopt;
  return caret_flips_in(m.caret_moved_at, now);
}

bool animating(const AppModel& m) {
  if (m.scroll.velocity != 0) return true;
  return std::holds_alternative<PlayerScreen>(m.screen) && m.session && !m.session->finished &&
         !m.session->run.paused();
}

std::vector<Target> hits(const AppModel& m, Size window) {
  const ScreenFrame f = screen_frame(m, window);
  std::vector<Target> out;
  for (Target t : f.targets) {
    if (!t.enabled || t.rect.w <= 0 || t.rect.h <= 0) continue;
    if (t.scrolls) {
      const float top = std::max(t.rect.y, f.viewport.y),
                  bottom = std::min(t.rect.bottom(), f.viewport.bottom());
      if (bottom - top < 1) continue;
      t.rect = {t.rect.x, top, t.rect.w, bottom - top};
    }
    out.push_back(std::move(t));
  }
  return out;
}

std::optional<Rect> target_rect(const AppModel& m, Size window, Control control) {
  for (const auto& t : hits(m, window)) {
    if (t.control == control) return t.rect;
  }
  return std::nullopt;
}

std::optional<Control> hit_test(const AppModel& m, Size window, Point p) {
  for (const auto& t : hits(m, window)) {
    if (!t.rect.contains(p)) continue;
    // A figure's places are finer than its box: the one under the finger, or none.
    if (t.role == Role::Zone) return bodymap_figure_hit(m, window, p);
    return t.control;
  }
  return std::nullopt;
}

}  // namespace unknot::app
