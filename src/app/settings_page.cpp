#include "app/settings_page.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <string>

#include "app/builder_flow.h"
#include "app/care_flow.h"
#include "app/onboarding_page.h"
#include "app/record_pages.h"
#include "app/screens.h"
#include "core/checkin_schedule.h"

namespace unknot::app {
namespace {

constexpr std::string_view kTitle = "Settings";  // the page's heading

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

constexpr float kCardPad = 20;
constexpr float kControlGap = 8;
constexpr float kStepButton = 48;  // − and + are square touch targets

constexpr std::array kThemeChoices{core::ThemeChoice::Automatic, core::ThemeChoice::Light,
                                   core::ThemeChoice::Dark};

std::string_view theme_label(core::ThemeChoice choice) {
  switch (choice) {
    case core::ThemeChoice::Automatic:
      return "Automatic";
    case core::ThemeChoice::Light:
      return "Light";
    case core::ThemeChoice::Dark:
      return "Dark";
  }
  return "Automatic";
}

// A choice button's height: a touch target, and taller when large text needs it.
float choice_height(const TextMeasure& t) {
  return std::max(kStepButton, t.line_height(Font::Button) + 16);
}

// The theme card: its label and note, then the three choices side by side, or one under
// another when a label would not fit beside the others.
void lay_out_themes(const AppModel& m, const TextMeasure& t, Flow& f, SettingsLayout& l) {
  const float top = f.y;
  Flow in{t, f.x + kCardPad, f.w - 2 * kCardPad, top + 16};
  l.theme_label = in.add("Theme", Font::BodyStrong, 2);
  l.theme_detail = in.add("Automatic is light by day and dark in the evening.", Font::Caption, 12);
  const float h = choice_height(t);
  const float n = static_cast<float>(kThemeChoices.size());
  const float side_w = (in.w - (n - 1) * kControlGap) / n;
  bool side_by_side = true;
  for (const auto choice : kThemeChoices) {
    if (t.width(theme_label(choice), Font::Button) + 16 > side_w) side_by_side = false;
  }
  for (std::size_t i = 0; i < kThemeChoices.size(); ++i) {
    ChoiceLayout c;
    c.control = {ControlKind::ThemeOption, static_cast<int>(kThemeChoices[i])};
    c.chosen = m.comfort.theme == kThemeChoices[i];
    if (side_by_side) {
      c.rect = {in.x + static_cast<float>(i) * (side_w + kControlGap), in.y, side_w, h};
    } else {
      c.rect = in.take(h, kControlGap);
    }
    c.label =
        text_block(t, theme_label(kThemeChoices[i]), Font::Button, c.rect.x + 8, 0, c.rect.w - 16);
    c.label.box.y = c.rect.y + (c.rect.h - c.label.box.h) / 2;
    l.themes.push_back(std::move(c));
  }
  if (side_by_side)
    in.y += h;
  else
    in.y -= kControlGap;
  l.theme_card = f.take(in.y + 16 - top, kRowGap);
}

// A stepper card: label, value and note at the left, − and + at the right; on a narrow window at
// large text the buttons go under the text instead.
TextSizeLayout stepper_card(const TextMeasure& t, Flow& f, std::string_view label,
                            std::string_view value, std::string_view detail) {
  TextSizeLayout ts;
  const float top = f.y;
  const float inner_w = f.w - 2 * kCardPad;
  const float buttons_w = 2 * kStepButton + kControlGap;
  const bool beside = inner_w - buttons_w - 16 >= t.width(label, Font::BodyStrong);
  Flow in{t, f.x + kCardPad, beside ? inner_w - buttons_w - 16 : inner_w, top + 16};
  ts.label = in.add(label, Font::BodyStrong, 2);
  ts.value = in.add(value, Font::Body, 2);
  ts.detail = in.add(detail, Font::Caption, 0);
  float bottom = in.y;
  const float right = f.x + f.w - kCardPad;
  if (beside) {
    const float text_h = in.y - (top + 16);
    const float y = top + 16 + std::max(0.0f, (text_h - kStepButton) / 2);
    ts.smaller = {right - buttons_w, y, kStepButton, kStepButton};
    bottom = std::max(bottom, y + kStepButton);
  } else {
    ts.smaller = {in.x, in.y + 12, kStepButton, kStepButton};
    bottom = ts.smaller.bottom();
  }
  ts.larger = {ts.smaller.right() + kControlGap, ts.smaller.y, kStepButton, kStepButton};
  ts.card = f.take(bottom + 16 - top, kRowGap);
  return ts;
}

void lay_out_text_size(const AppModel& m, const TextMeasure& t, Flow& f, SettingsLayout& l) {
  l.text_size = stepper_card(t, f, "Text size", std::to_string(m.comfort.text_percent) + " %",
                             "Every screen reflows; long pages scroll.");
  l.text_size.can_smaller = m.comfort.text_percent > core::kTextPercentMin;
  l.text_size.can_larger = m.comfort.text_percent < core::kTextPercentMax;
}

// The daily check-in's reminder: a switch, and while it is on the time in half-hour steps. Unknot
// has no system notifications: the reminder is the check-in offered in the app from that time.
void lay_out_reminder(const AppModel& m, const TextMeasure& t, Flow& f, SettingsLayout& l) {
  l.checkin_heading = f.add("Daily check-in", Font::Heading, 12);
  const auto& minute = m.checkin_reminder_minute;
  l.reminder.push_back(
      row(t, f, {ControlKind::CheckinReminder, 0}, "Reminder time",
          minute ? "The check-in is offered from " + core::reminder_text(*minute) + " each day"
                 : "Off: the check-in is offered when Unknot opens",
          minute.has_value()));
  if (!minute) return;
  TextSizeLayout time = stepper_card(
      t, f, "From", core::reminder_text(*minute),
      "Unknot shows the check-in on Home from this time, while it is open or the next time you "
      "open it. It sends no notifications when it is closed.");
  time.can_smaller = time.can_larger = true;
  time.smaller_kind = ControlKind::ReminderEarlier;
  time.larger_kind = ControlKind::ReminderLater;
  l.reminder_time = time;
}

SettingsLayout lay_out(const AppModel& m, const Env& env, float dy) {
  SettingsLayout l;
  const TextMeasure& t = env.text;
  l.page = tab_page_frame(env.window);
  l.tabs = tab_bar_layout(env.window);
  const Rect col = l.page.column;
  Flow f{t, col.x, std::min(col.w, 640.0f), col.y + 8 - dy};
  l.title = f.add(kTitle, Font::Title, 16);
  l.rows.push_back(row(t, f, {ControlKind::HealthProfile, 0}, "Health profile",
                       profile_summary(m.profile), std::nullopt));
  l.rows.push_back(row(t, f, {ControlKind::Sound, 0}, "Sound", "Voice, tones, sounds and vibration",
                       std::nullopt));
  l.rows.push_back(row(t, f, {ControlKind::Backups, 0}, "Backups",
                       "Daily copies of your record, to put one back", std::nullopt));
  if (m.can_pick_files) {
    l.rows.push_back(row(t, f, {ControlKind::OpenFile, 0}, "Open a homework file",
                         "A .unknot file from your therapist, or a routine file", std::nullopt));
  }
  l.rows.push_back(row(t, f, {ControlKind::Welcome, 0}, "About Unknot and pressing safely",
                       "What it is and is not, and how to use a ball or fingertips", std::nullopt));
  f.y += 16;
  l.display_heading = f.add("Display", Font::Heading, 12);
  lay_out_themes(m, t, f, l);
  lay_out_text_size(m, t, f, l);
  l.comfort.push_back(row(t, f, {ControlKind::ReduceMotion, 0}, "Reduce motion",
                          "The breathing guide keeps its size and shows each breath by colour, "
                          "count and a slow fill.",
                          m.comfort.reduce_motion));
  l.comfort.push_back(row(t, f, {ControlKind::HighContrast, 0}, "High contrast",
                          "Stronger text, outlines and focus ring.", m.comfort.high_contrast));
  f.y += 16;
  lay_out_reminder(m, t, f, l);
  f.y += 16;
  l.care.push_back(row(t, f, {ControlKind::TherapistMode, 0}, "Therapist mode",
                       m.therapist_mode ? "On" : "Off", m.therapist_mode));
  if (m.therapist_mode) {
    l.care.push_back(row(t, f, {ControlKind::BuildHomework, 0}, "Build homework",
                         "Routine and schedule, as a file", std::nullopt));
  }
  f.y += 4;
  l.therapist_detail = f.add(
      "For therapists preparing homework: opens the homework builder, where the muscles kept "
      "for supervised use (sternocleidomastoid, iliopsoas) can be prescribed. They play only "
      "from a homework file, never in your own routines.",
      Font::Caption, 12);
  l.safety = f.add(m.screened_at ? "Safety check last answered " + day_text(*m.screened_at) +
                                       "; asked again every four weeks."
                                 : "A short safety check comes before your first session, then "
                                   "every four weeks.",
                   Font::Caption, 0);
  l.content_h = f.y + 24 + dy - l.page.viewport.y;
  return l;
}

// Applies and keeps the comfort settings. The shell re-measures text and answers Resized; the
// control just used stays focused (it is found again by what it is, not where it was).
void comfort_changed(Step& st, Control used) {
  st.fx.push_back(ApplyComfort{st.m.comfort});
  st.fx.push_back(SaveComfortSettings{st.m.comfort});
  // At the smallest or largest size its button is disabled: the other one takes the focus.
  if (!focus_control(st.m, used)) {
    focus_control(st.m, {used.kind == ControlKind::TextSmaller ? ControlKind::TextLarger
                                                               : ControlKind::TextSmaller,
                         0});
  }
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
  f.title = std::string(kTitle);
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  const auto add_rows = [&f](const std::vector<SettingsRowLayout>& rows) {
    for (const auto& r : rows) {
      add_scrolling(f, r.control, r.row, r.label.lines.empty() ? std::string{} : r.label.lines[0],
                    r.is_switch ? Role::Toggle : Role::Button);
      if (r.is_switch) set_checked(f, r.on);
    }
  };
  add_rows(l.rows);
  for (const auto& c : l.themes) {
    add_scrolling(f, c.control, c.rect, "Theme: " + c.label.lines.front(), Role::Option);
    set_checked(f, c.chosen);
  }
  add_scrolling(f, {ControlKind::TextSmaller, 0}, l.text_size.smaller, "Smaller text",
                Role::Stepper, l.text_size.can_smaller);
  add_scrolling(f, {ControlKind::TextLarger, 0}, l.text_size.larger, "Larger text", Role::Stepper,
                l.text_size.can_larger);
  add_rows(l.comfort);
  add_rows(l.reminder);
  if (l.reminder_time) {
    add_scrolling(f, {ControlKind::ReminderEarlier, 0}, l.reminder_time->smaller,
                  "Reminder half an hour earlier", Role::Stepper);
    add_scrolling(f, {ControlKind::ReminderLater, 0}, l.reminder_time->larger,
                  "Reminder half an hour later", Role::Stepper);
  }
  add_rows(l.care);
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
    case ControlKind::Welcome:
      open_onboarding(m, true);
      return;
    case ControlKind::Backups:
      open_backups(m, st.fx);
      return;
    case ControlKind::OpenFile:
      st.fx.push_back(PickFile{});
      return;
    case ControlKind::TherapistMode:
      m.therapist_mode = !m.therapist_mode;
      st.fx.push_back(SaveTherapistMode{m.therapist_mode});
      clamp_scroll(m.scroll, screen_frame(m));
      return;
    case ControlKind::ThemeOption:
      m.comfort.theme = static_cast<core::ThemeChoice>(std::clamp(c.index, 0, 2));
      comfort_changed(st, c);
      return;
    case ControlKind::TextSmaller:
    case ControlKind::TextLarger:
      m.comfort.text_percent = core::stepped_text_percent(
          m.comfort.text_percent, c.kind == ControlKind::TextLarger ? 1 : -1);
      comfort_changed(st, c);
      return;
    case ControlKind::ReduceMotion:
      m.comfort.reduce_motion = !m.comfort.reduce_motion;
      comfort_changed(st, c);
      return;
    case ControlKind::HighContrast:
      m.comfort.high_contrast = !m.comfort.high_contrast;
      comfort_changed(st, c);
      return;
    case ControlKind::BuildHomework:
      if (m.therapist_mode) open_builder(m);
      return;
    case ControlKind::CheckinReminder:
      m.checkin_reminder_minute = m.checkin_reminder_minute
                                      ? std::nullopt
                                      : std::optional<int>(core::kDefaultReminderMinute);
      st.fx.push_back(SaveCheckinReminder{m.checkin_reminder_minute});
      clamp_scroll(m.scroll, screen_frame(m));
      return;
    case ControlKind::ReminderEarlier:
    case ControlKind::ReminderLater:
      if (!m.checkin_reminder_minute) return;
      m.checkin_reminder_minute = core::stepped_reminder(
          *m.checkin_reminder_minute, c.kind == ControlKind::ReminderLater ? 1 : -1);
      st.fx.push_back(SaveCheckinReminder{m.checkin_reminder_minute});
      return;
    default:
      return;
  }
}

void back(Step& st, SettingsScreen&) { open_screen(st.m, HomeScreen{}); }

void scroll(Step& st, SettingsScreen&, float dy) { scroll_content(st.m, dy); }

void text_input(Step&, SettingsScreen&, const TextInput&) {}

}  // namespace unknot::app
