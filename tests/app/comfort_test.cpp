// Display and comfort settings on the Settings screen: what each control changes, that the
// change is applied (the shell re-measures) and kept, and where the focus goes.
#include <doctest/doctest.h>

#include <algorithm>

#include "app/app_builders.h"
#include "app/screens.h"
#include "app/settings_page.h"

namespace unknot::app {
namespace {

using K = ControlKind;

struct Result {
  AppModel model;
  std::vector<Effect> effects;
};

Result act(AppModel m, const Action& a) {
  auto t = update(std::move(m), a);
  return {std::move(t.model), std::move(t.effects)};
}

AppModel settings() {
  AppModel m = test::catalog_model();
  m = act(std::move(m), Resized{390, 844}).model;
  return act(std::move(m), Activated{{K::Settings, 0}}).model;
}

template <class E>
std::vector<E> all_of(const std::vector<Effect>& fx) {
  std::vector<E> out;
  for (const auto& e : fx) {
    if (const auto* x = std::get_if<E>(&e)) out.push_back(*x);
  }
  return out;
}

// The comfort the press applied and kept: both effects carry the same, new settings.
core::ComfortSettings applied(const Result& r) {
  const auto apply = all_of<ApplyComfort>(r.effects);
  const auto save = all_of<SaveComfortSettings>(r.effects);
  REQUIRE(apply.size() == 1);
  REQUIRE(save.size() == 1);
  CHECK(apply[0].settings == save[0].settings);
  CHECK(apply[0].settings == r.model.comfort);
  return apply[0].settings;
}

}  // namespace

TEST_CASE("Settings lists the display controls in reading order after Sound") {
  const AppModel m = settings();
  const auto list = controls(m);
  const auto at = [&](Control c) { return std::find(list.begin(), list.end(), c) - list.begin(); };
  CHECK(at({K::Sound, 0}) < at({K::ThemeOption, 0}));
  CHECK(at({K::ThemeOption, 0}) < at({K::ThemeOption, 1}));
  CHECK(at({K::ThemeOption, 2}) < at({K::TextLarger, 0}));
  CHECK(at({K::TextLarger, 0}) < at({K::ReduceMotion, 0}));
  CHECK(at({K::ReduceMotion, 0}) < at({K::HighContrast, 0}));
  CHECK(at({K::HighContrast, 0}) < at({K::TherapistMode, 0}));
  // At 100 % text cannot get smaller: its button is skipped by the focus.
  CHECK(std::find(list.begin(), list.end(), Control{K::TextSmaller, 0}) == list.end());
}

TEST_CASE("choosing a theme applies it and keeps it") {
  const Result r =
      act(settings(), Activated{{K::ThemeOption, static_cast<int>(core::ThemeChoice::Dark)}});
  CHECK(applied(r).theme == core::ThemeChoice::Dark);
  const Result back = act(r.model, Activated{{K::ThemeOption, 0}});
  CHECK(applied(back).theme == core::ThemeChoice::Automatic);
}

TEST_CASE("text size steps up to 200 percent and down to 100, and the focus stays on a button") {
  AppModel m = settings();
  REQUIRE(focus_control(m, {K::TextLarger, 0}));
  for (const int expected : {125, 150, 175, 200}) {
    const Result r = act(m, Activated{{K::TextLarger, 0}});
    CHECK(applied(r).text_percent == expected);
    m = r.model;
  }
  // At 200 % + is disabled: the focus moves to −, which is what can be pressed next.
  CHECK(focused_control(m) == Control{K::TextSmaller, 0});
  const Result past = act(m, Activated{{K::TextLarger, 0}});
  CHECK(past.model.comfort.text_percent == 200);
  for (const int expected : {175, 150, 125, 100}) {
    const Result r = act(m, Activated{{K::TextSmaller, 0}});
    CHECK(applied(r).text_percent == expected);
    m = r.model;
  }
  CHECK(focused_control(m) == Control{K::TextLarger, 0});
}

TEST_CASE("reduce motion and high contrast are switches that apply and keep their state") {
  Result r = act(settings(), Activated{{K::ReduceMotion, 0}});
  CHECK(applied(r).reduce_motion);
  CHECK(focused_control(r.model) == Control{K::ReduceMotion, 0});
  r = act(r.model, Activated{{K::HighContrast, 0}});
  CHECK(applied(r).high_contrast);
  CHECK(r.model.comfort.reduce_motion);
  r = act(r.model, Activated{{K::ReduceMotion, 0}});
  CHECK_FALSE(applied(r).reduce_motion);
  const ScreenFrame f = screen_frame(r.model, {390, 844});
  const auto toggle = std::find_if(f.targets.begin(), f.targets.end(), [](const Target& t) {
    return t.control == Control{K::HighContrast, 0};
  });
  REQUIRE(toggle != f.targets.end());
  CHECK(toggle->role == Role::Toggle);
}

TEST_CASE("comfort settings loaded at start-up are applied, a stray text size on the grid") {
  core::ComfortSettings stored;
  stored.theme = core::ThemeChoice::Light;
  stored.text_percent = 160;
  stored.high_contrast = true;
  const Result r = act(test::catalog_model(), ComfortLoaded{stored});
  const auto apply = all_of<ApplyComfort>(r.effects);
  REQUIRE(apply.size() == 1);
  CHECK(apply[0].settings.text_percent == 150);
  CHECK(apply[0].settings.theme == core::ThemeChoice::Light);
  CHECK(apply[0].settings.high_contrast);
  CHECK(all_of<SaveComfortSettings>(r.effects).empty());  // nothing new to keep
}

}  // namespace unknot::app

namespace unknot::app {

TEST_CASE("switches and chosen options tell an accessibility layer their state") {
  Result r = act(settings(), Activated{{K::HighContrast, 0}});
  const auto state = [](const AppModel& m, Control c) {
    const ScreenFrame f = screen_frame(m, {390, 844});
    const auto t = std::find_if(f.targets.begin(), f.targets.end(),
                                [&](const Target& x) { return x.control == c; });
    REQUIRE(t != f.targets.end());
    return t->checked;
  };
  CHECK(state(r.model, {K::HighContrast, 0}) == std::optional<bool>(true));
  CHECK(state(r.model, {K::ReduceMotion, 0}) == std::optional<bool>(false));
  // One theme is chosen; the others are not; a plain row has no state.
  const int chosen = static_cast<int>(r.model.comfort.theme);
  for (int i = 0; i < 3; ++i)
    CHECK(state(r.model, {K::ThemeOption, i}) == std::optional<bool>(i == chosen));
  CHECK_FALSE(state(r.model, {K::Sound, 0}).has_value());
  r = act(r.model, Activated{{K::HighContrast, 0}});
  CHECK(state(r.model, {K::HighContrast, 0}) == std::optional<bool>(false));
}

TEST_CASE("where there is a file picker, Settings offers to open a homework file with it") {
  // A desktop: files come by drag and drop or "Open with"; no row.
  const AppModel desktop = settings();
  const auto list = controls(desktop);
  CHECK(std::find(list.begin(), list.end(), Control{K::OpenFile, 0}) == list.end());
  // The browser says it has one: the row is there, after Backups, and opens the picker.
  AppModel m = act(test::catalog_model(), PlatformFound{true, true}).model;
  m = act(std::move(m), Resized{390, 844}).model;
  m = act(std::move(m), Activated{{K::Settings, 0}}).model;
  const auto web = controls(m);
  const auto at = [&](Control c) { return std::find(web.begin(), web.end(), c) - web.begin(); };
  REQUIRE(at({K::OpenFile, 0}) < static_cast<std::ptrdiff_t>(web.size()));
  CHECK(at({K::Backups, 0}) + 1 == at({K::OpenFile, 0}));
  const Result picked = act(m, Activated{{K::OpenFile, 0}});
  CHECK(all_of<PickFile>(picked.effects).size() == 1);
  CHECK(std::holds_alternative<SettingsScreen>(picked.model.screen));
}

}  // namespace unknot::app
