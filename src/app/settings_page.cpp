#include "app/settings_page.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>

#include "app/builder_flow.h"
#include "app/care_flow.h"
#include "app/screens.h"

namespace unknot::app {
namespace {

constexpr float kRowGap = 8;
constexpr float kAccessoryW = 72;  // room at a row's right for the switch or the chevron

std::string day_text(core::UnixSeconds t) {
  using namespace std::chrono;
  const year_month_day ymd{floor<days>(t)};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " +
         kMonths[static_cast<unsigned>(ymd.month()) - 1] + " " +
         std::to_string(static_cast<int>(ymd.year()));
}

SettingsRowLayout row(const TextMeasure& t, Flow& f, Control control, std::string_view label,
                      std::string_view detail, std::optional<bool> switch_on) {
  SettingsRowLayout r;
  r.control = control;
  const float top = f.y;
  Flow in{t, f.x + 20, f.w - 20 - kAccessoryW, top + 14};
  r.label = in.add(label, Font::BodyStrong, 2);
  r.detail = in.add(detail, Font::Caption, 0);
  const float text_h = in.y - (top + 14);
  const float h = std::max(72.0f, text_h + 28);
  const float dy = (h - text_h - 28) / 2;  // short text sits in the middle
  r.label.box.y += dy;
  r.detail.box.y += dy;
  r.row = f.take(h, kRowGap);
  r.is_switch = switch_on.has_value();
  r.on = switch_on.value_or(false);
  r.accessory = r.is_switch ? Rect{r.row.right() - 20 - 52, r.row.y + h / 2 - 14, 52, 28}
                            : Rect{r.row.right() - 44, r.row.y, 32, h};
  return r;
}

SettingsLayout lay_out(const AppModel& m, const Env& env, float dy) {
  SettingsLayout l;
  const TextMeasure& t = env.text;
  l.page = tab_page_frame(env.window);
  l.tabs = tab_bar_layout(env.window);
  const Rect col = l.page.column;
  Flow f{t, col.x, std::min(col.w, 640.0f), col.y + 8 - dy};
  l.title = f.add("Settings", Font::Title, 16);
  l.rows.push_back(row(t, f, {ControlKind::HealthProfile, 0}, "Health profile",
                       profile_summary(m.profile), std::nullopt));
  l.rows.push_back(
      row(t, f, {ControlKind::Sound, 0}, "Sound", "Voice, tones and ambient sound", std::nullopt));
  l.rows.push_back(row(t, f, {ControlKind::TherapistMode, 0}, "Therapist mode",
                       m.therapist_mode ? "On" : "Off", m.therapist_mode));
  if (m.therapist_mode) {
    l.rows.push_back(row(t, f, {ControlKind::BuildHomework, 0}, "Build homework",
                         "Routine and schedule, as a file", std::nullopt));
  }
  f.y += 4;
  l.therapist_detail = f.add(
      "For therapists preparing homework: unlocks the muscles kept for supervised use "
      "(sternocleidomastoid, iliopsoas) and the homework builder.",
      Font::Caption, 12);
  l.safety = f.add(m.screened_at ? "Safety check last answered " + day_text(*m.screened_at) +
                                       "; asked again every four weeks."
                                 : "A short safety check comes before your first session, then "
                                   "every four weeks.",
                   Font::Caption, 0);
  l.content_h = f.y + 24 + dy - l.page.viewport.y;
  return l;
}

}  // namespace

SettingsLayout settings_layout(const AppModel& m, const Env& env) {
  SettingsLayout l = lay_out(m, env, 0);
  const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.page.viewport.h));
  return dy > 0 ? lay_out(m, env, dy) : l;
}

ScreenFrame frame(const AppModel& m, const SettingsScreen&, const Env& env) {
  const SettingsLayout l = settings_layout(m, env);
  ScreenFrame f;
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  for (const auto& r : l.rows) {
    add_scrolling(f, r.control, r.row, r.label.lines.empty() ? std::string{} : r.label.lines[0],
                  r.is_switch ? Role::Toggle : Role::Button);
  }
  add_tabs(f, env.window);
  return f;
}

Control primary(const AppModel&, const SettingsScreen&) { return {ControlKind::HealthProfile, 0}; }

void activate(Step& st, SettingsScreen&, Control c) {
  AppModel& m = st.m;
  if (open_tab(st, c)) return;
  switch (c.kind) {
    case ControlKind::HealthProfile:
      open_screen(m, ProfileScreen{m.profile});
      return;
    case ControlKind::Sound:
      open_screen(m, SoundScreen{SoundFrom::Settings});
      return;
    case ControlKind::TherapistMode:
      m.therapist_mode = !m.therapist_mode;
      st.fx.push_back(SaveTherapistMode{m.therapist_mode});
      clamp_scroll(m.scroll, screen_frame(m));
      return;
    case ControlKind::BuildHomework:
      if (m.therapist_mode) open_builder(m);
      return;
    default:
      return;
  }
}

void back(Step& st, SettingsScreen&) { open_screen(st.m, HomeScreen{}); }

void scroll(Step& st, SettingsScreen&, float dy) { scroll_content(st.m, dy); }

void text_input(Step&, SettingsScreen&, const TextInput&) {}

}  // namespace unknot::app
