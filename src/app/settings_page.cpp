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
#include "core/language.h"
#include "core/local_text.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

constexpr const char* kTitle = core::tr_noop("Settings");  // the page's heading

constexpr float kRowGap = 8;
constexpr float kAccessoryW = 72;  // room at a row's right for the switch or the chevron

std::string day_text(core::UnixSeconds t) {
  using namespace std::chrono;
  return core::day_month_year_text(year_month_day{floor<days>(t)});
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

std::string theme_label(core::ThemeChoice choice) {
  switch (choice) {
    case core::ThemeChoice::Automatic:
      // TRANSLATORS: a theme choice: light by day, dark in the evening. Keep it short.
      return core::trc("theme", "Automatic");
    case core::ThemeChoice::Light:
      // TRANSLATORS: a theme choice. Keep it short.
      return core::trc("theme", "Light");
    case core::ThemeChoice::Dark:
      // TRANSLATORS: a theme choice. Keep it short.
      return core::trc("theme", "Dark");
  }
  return core::trc("theme", "Automatic");
}

// A choice button's height: a touch target, and taller when large text needs it.
float choice_height(const TextMeasure& t) {
  return std::max(kStepButton, t.line_height(Font::Button) + 16);
}

struct Choice {
  Control control;
  std::string label;
  bool chosen = false;
};

// A card of choices: its label and note, then the choices side by side, or one under another
// when a label would not fit beside the others. Returns the card's rect.
Rect choice_card(const TextMeasure& t, Flow& f, const std::string& label, const std::string& detail,
                 const std::vector<Choice>& choices, TextBlock& label_block,
                 TextBlock& detail_block, std::vector<ChoiceLayout>& out) {
  const float top = f.y;
  Flow in{t, f.x + kCardPad, f.w - 2 * kCardPad, top + 16};
  label_block = in.add(label, Font::BodyStrong, 2);
  detail_block = in.add(detail, Font::Caption, 12);
  const float h = choice_height(t);
  const float n = static_cast<float>(choices.size());
  const float side_w = (in.w - (n - 1) * kControlGap) / n;
  bool side_by_side = true;
  for (const auto& choice : choices) {
    if (t.width(choice.label, Font::Button) + 16 > side_w) side_by_side = false;
  }
  for (std::size_t i = 0; i < choices.size(); ++i) {
    ChoiceLayout c;
    c.control = choices[i].control;
    c.chosen = choices[i].chosen;
    if (side_by_side) {
      c.rect = {in.x + static_cast<float>(i) * (side_w + kControlGap), in.y, side_w, h};
    } else {
      c.rect = in.take(h, kControlGap);
    }
    c.label = text_block(t, choices[i].label, Font::Button, c.rect.x + 8, 0, c.rect.w - 16);
    c.label.box.y = c.rect.y + (c.rect.h - c.label.box.h) / 2;
    out.push_back(std::move(c));
  }
  if (side_by_side)
    in.y += h;
  else
    in.y -= kControlGap;
  return f.take(in.y + 16 - top, kRowGap);
}

// The theme card: Automatic, Light and Dark.
void lay_out_themes(const AppModel& m, const TextMeasure& t, Flow& f, SettingsLayout& l) {
  std::vector<Choice> choices;
  for (const auto choice : kThemeChoices) {
    choices.push_back({{ControlKind::ThemeOption, static_cast<int>(choice)},
                       theme_label(choice),
                       m.comfort.theme == choice});
  }
  l.theme_card = choice_card(t, f, core::tr("Theme"),
                             core::tr("Automatic is light by day and dark in the evening."),
                             choices, l.theme_label, l.theme_detail, l.themes);
}

// The language card: the device's language, then each language by its own name ("Español"),
// so a person who cannot read the one shown still finds theirs.
void lay_out_languages(const AppModel& m, const TextMeasure& t, Flow& f, SettingsLayout& l) {
  // TRANSLATORS: a language choice: the language the phone or computer is set to. Keep it short.
  std::vector<Choice> choices{{{ControlKind::LanguageOption, 0},
                               core::trc("language", "Device"),
                               m.comfort.language.empty()}};
  int index = 1;
  for (const core::LanguageName& language : core::languages()) {
    choices.push_back({{ControlKind::LanguageOption, index++},
                       std::string(language.name),
                       m.comfort.language == language.code});
  }
  l.language_card =
      choice_card(t, f, core::tr("Language"),
                  core::tr("Unknot speaks your device's language unless you choose another."),
                  choices, l.language_label, l.language_detail, l.languages);
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
  const std::string number = std::to_string(m.comfort.text_percent);
  // TRANSLATORS: the text size as a percentage, e.g. "120 %".
  const std::string percent = core::fill(core::tr("{percent} %"), {{"percent", number}});
  l.text_size = stepper_card(t, f, core::tr("Text size"), percent,
                             core::tr("Every screen reflows; long pages scroll."));
  l.text_size.can_smaller = m.comfort.text_percent > core::kTextPercentMin;
  l.text_size.can_larger = m.comfort.text_percent < core::kTextPercentMax;
}

// The daily check-in's reminder: a switch, and while it is on the time in half-hour steps. Unknot
// has no system notifications: the reminder is the check-in offered in the app from that time.
void lay_out_reminder(const AppModel& m, const TextMeasure& t, Flow& f, SettingsLayout& l) {
  l.checkin_heading = f.add(core::tr("Daily check-in"), Font::Heading, 12);
  const auto& minute = m.checkin_reminder_minute;
  l.reminder.push_back(
      row(t, f, {ControlKind::CheckinReminder, 0}, core::tr("Reminder time"),
          // TRANSLATORS: {time} is a time of day, as "18:00".
          minute ? core::fill(core::tr("The check-in is offered from {time} each day"),
                              {{"time", core::reminder_text(*minute)}})
                 : core::tr("Off: the check-in is offered when Unknot opens"),
          minute.has_value()));
  if (!minute) return;
  TextSizeLayout time = stepper_card(
      // TRANSLATORS: the label over the reminder's time of day ("From 18:00").
      t, f, core::trc("time of day", "From"), core::reminder_text(*minute),
      core::tr("Unknot shows the check-in on Home from this time, while it is open or the next "
               "time you open it. It sends no notifications when it is closed."));
  time.can_smaller = time.can_larger = true;
  time.smaller_kind = ControlKind::ReminderEarlier;
  time.larger_kind = ControlKind::ReminderLater;
  l.reminder_time = time;
}

SettingsLayout lay_out(const AppModel& m, const Env& env, float dy) {
  SettingsLayout l;
  const TextMeasure& t = env.text;
  l.tabs = tab_bar_layout(env.window, env.text);
  l.page = tab_page_frame(env.window, l.tabs);
  const Rect col = l.page.column;
  Flow f{t, col.x, std::min(col.w, 640.0f), col.y + 8 - dy};
  l.title = f.add(core::tr(kTitle), Font::Title, 16);
  l.rows.push_back(row(t, f, {ControlKind::HealthProfile, 0}, core::tr("Health profile"),
                       profile_summary(m.profile), std::nullopt));
  l.rows.push_back(row(t, f, {ControlKind::Sound, 0}, core::tr("Sound"),
                       core::tr("Voice, tones, sounds and vibration"), std::nullopt));
  l.rows.push_back(row(t, f, {ControlKind::Backups, 0}, core::tr("Backups"),
                       core::tr("Daily copies of your record, to put one back"), std::nullopt));
  if (m.can_pick_files) {
    l.rows.push_back(row(t, f, {ControlKind::OpenFile, 0}, core::tr("Open a homework file"),
                         // TRANSLATORS: keep ".unknot" (the file's extension) as it is.
                         core::tr("A .unknot file from your therapist, or a routine file"),
                         std::nullopt));
  }
  l.rows.push_back(
      row(t, f, {ControlKind::Welcome, 0}, core::tr("About Unknot and pressing safely"),
          core::tr("What it is and is not, and how to use a ball or fingertips"), std::nullopt));
  f.y += 16;
  // TRANSLATORS: the heading of the settings for theme, text size and motion.
  l.display_heading = f.add(core::tr("Display"), Font::Heading, 12);
  lay_out_languages(m, t, f, l);
  lay_out_themes(m, t, f, l);
  lay_out_text_size(m, t, f, l);
  l.comfort.push_back(row(t, f, {ControlKind::ReduceMotion, 0}, core::tr("Reduce motion"),
                          core::tr("The breathing guide keeps its size and shows each breath by "
                                   "colour, count and a slow fill."),
                          m.comfort.reduce_motion));
  l.comfort.push_back(row(t, f, {ControlKind::HighContrast, 0}, core::tr("High contrast"),
                          core::tr("Stronger text, outlines and focus ring."),
                          m.comfort.high_contrast));
  f.y += 16;
  lay_out_reminder(m, t, f, l);
  f.y += 16;
  // TRANSLATORS: a switch's state, under the switch's name ("Therapist mode: On").
  const std::string on = core::trc("switch", "On");
  // TRANSLATORS: a switch's state, under the switch's name ("Therapist mode: Off").
  const std::string off = core::trc("switch", "Off");
  l.care.push_back(row(t, f, {ControlKind::TherapistMode, 0}, core::tr("Therapist mode"),
                       m.therapist_mode ? on : off, m.therapist_mode));
  if (m.therapist_mode) {
    l.care.push_back(row(t, f, {ControlKind::BuildHomework, 0}, core::tr("Build homework"),
                         core::tr("Routine and schedule, as a file"), std::nullopt));
  }
  f.y += 4;
  l.therapist_detail = f.add(
      core::tr("For therapists preparing homework: opens the homework builder, where the muscles "
               "kept for supervised use (sternocleidomastoid, iliopsoas) can be prescribed. They "
               "play only from a homework file, never in your own routines."),
      Font::Caption, 12);
  l.safety = f.add(m.screened_at
                       // TRANSLATORS: {day} is a date, as "2 Dec 2026".
                       ? core::fill(core::tr("Safety check last answered {day}; asked again every "
                                             "four weeks."),
                                    {{"day", day_text(*m.screened_at)}})
                       : core::tr("A short safety check comes before your first session, then "
                                  "every four weeks."),
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
  f.title = core::tr(kTitle);
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
  for (const auto& c : l.languages) {
    add_scrolling(f, c.control, c.rect,
                  // TRANSLATORS: what a screen reader says for a language choice; {language} is
                  // "Device", "English" or "Español".
                  core::fill(core::tr("Language: {language}"),
                             {{"language", c.label.lines.empty() ? "" : c.label.lines.front()}}),
                  Role::Option);
    set_checked(f, c.chosen);
  }
  for (const auto& c : l.themes) {
    add_scrolling(f, c.control, c.rect,
                  // TRANSLATORS: what a screen reader says for a theme choice; {theme} is
                  // "Automatic", "Light" or "Dark".
                  core::fill(core::tr("Theme: {theme}"), {{"theme", c.label.lines.front()}}),
                  Role::Option);
    set_checked(f, c.chosen);
  }
  add_scrolling(f, {ControlKind::TextSmaller, 0}, l.text_size.smaller, core::tr("Smaller text"),
                Role::Stepper, l.text_size.can_smaller);
  add_scrolling(f, {ControlKind::TextLarger, 0}, l.text_size.larger, core::tr("Larger text"),
                Role::Stepper, l.text_size.can_larger);
  add_rows(l.comfort);
  add_rows(l.reminder);
  if (l.reminder_time) {
    add_scrolling(f, {ControlKind::ReminderEarlier, 0}, l.reminder_time->smaller,
                  core::tr("Reminder half an hour earlier"), Role::Stepper);
    add_scrolling(f, {ControlKind::ReminderLater, 0}, l.reminder_time->larger,
                  core::tr("Reminder half an hour later"), Role::Stepper);
  }
  add_rows(l.care);
  add_tabs(f, env.window, env.text);
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
    case ControlKind::LanguageOption: {
      const auto languages = core::languages();
      const int i = std::clamp(c.index, 0, static_cast<int>(languages.size()));
      m.comfort.language =
          i == 0 ? std::string() : std::string(languages[static_cast<std::size_t>(i - 1)].code);
      comfort_changed(st, c);
      return;
    }
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
