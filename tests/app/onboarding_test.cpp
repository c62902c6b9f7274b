// The welcome tour and the health profile before the first session: a new person meets what
// Unknot is (and is not) first, then pressing safely, the profile and a first rating.
#include <doctest/doctest.h>

#include "app/app_builders.h"
#include "app/care_flow.h"
#include "app/onboarding_page.h"
#include "app/screens.h"

namespace unknot::test {
namespace {

using app::ControlKind;
using app::OnboardingStep;

// A person opening Unknot for the first time: nothing answered, nothing passed.
Driver newcomer() {
  Driver d;
  d.model.screened_at.reset();
  d.model.profile_answered = false;
  app::CareLoaded loaded;
  loaded.welcome_due = true;
  d(loaded);
  return d;
}

OnboardingStep step_of(const Driver& d) {
  REQUIRE(std::holds_alternative<app::OnboardingScreen>(d.model.screen));
  return std::get<app::OnboardingScreen>(d.model.screen).step;
}

}  // namespace

TEST_CASE("a new person sees the welcome first, then pressing safely, the profile, a rating") {
  Driver d = newcomer();
  CHECK(step_of(d) == OnboardingStep::Welcome);
  // The welcome says what Unknot is not before anything is asked.
  const auto l =
      app::onboarding_layout(std::get<app::OnboardingScreen>(d.model.screen), app::env_of(d.model));
  std::string all;
  for (const auto& p : l.paras) {
    for (const auto& line : p.text.lines) all += line + " ";
  }
  CHECK(all.find("not medical advice") != std::string::npos);
  CHECK(app::controls(d.model) ==
        std::vector<app::Control>{{ControlKind::Skip, 0}, {ControlKind::Confirm, 0}});

  d.press(ControlKind::Confirm);
  CHECK(step_of(d) == OnboardingStep::Pressing);
  const auto pressing =
      app::onboarding_layout(std::get<app::OnboardingScreen>(d.model.screen), app::env_of(d.model));
  REQUIRE(pressing.figures.size() == 2);  // the ball on a wall and the fingertips
  CHECK(pressing.figures[0].art == app::OnboardingArt::BallOnWall);
  CHECK(pressing.figures[1].art == app::OnboardingArt::Fingertips);

  d.press(ControlKind::Confirm);
  REQUIRE(std::holds_alternative<app::ProfileScreen>(d.model.screen));
  CHECK(std::get<app::ProfileScreen>(d.model.screen).onboarding);
  // Nothing ticked: Save is the one-tap "none of these", and it counts as answered.
  d.press(ControlKind::Save);
  CHECK(d.model.profile_answered);
  REQUIRE(d.all<app::SaveProfile>().size() == 1);
  CHECK(d.all<app::SaveProfile>()[0].profile == app::HealthProfile{});
  CHECK(step_of(d) == OnboardingStep::Rating);

  CHECK(d.all<app::SaveOnboarded>().empty());
  d.press(ControlKind::Confirm);  // no value yet: nothing happens
  CHECK(step_of(d) == OnboardingStep::Rating);
  d.press(ControlKind::PainValue, 6).press(ControlKind::Confirm);
  CHECK(std::holds_alternative<app::HomeScreen>(d.model.screen));
  REQUIRE(d.all<app::SaveCheckin>().size() == 1);
  CHECK(d.all<app::SaveCheckin>()[0].value == 6);
  CHECK(d.all<app::SaveCheckin>()[0].kind == app::CheckinKind::DailyPain);
  CHECK(d.all<app::CheckinOffered>().size() == 1);  // not asked again today
  REQUIRE(d.all<app::SaveOnboarded>().size() == 1);
  CHECK(d.all<app::SaveOnboarded>()[0].at == d.model.wall_now);
}

TEST_CASE("Back walks the tour back a step, the welcome has nothing behind it") {
  Driver d = newcomer();
  d(app::BackPressed{});
  CHECK(step_of(d) == OnboardingStep::Welcome);
  d.press(ControlKind::Confirm).press(ControlKind::Confirm);
  REQUIRE(std::holds_alternative<app::ProfileScreen>(d.model.screen));
  d(app::BackPressed{});
  CHECK(step_of(d) == OnboardingStep::Pressing);
  d(app::BackPressed{});
  CHECK(step_of(d) == OnboardingStep::Welcome);
}

TEST_CASE("skipping the profile in the tour asks it before the first session instead") {
  Driver d = newcomer();
  d.press(ControlKind::Skip);  // the welcome: on to the profile
  REQUIRE(std::holds_alternative<app::ProfileScreen>(d.model.screen));
  d.press(ControlKind::Skip);  // "Not now"
  CHECK(step_of(d) == OnboardingStep::Rating);
  CHECK_FALSE(d.model.profile_answered);
  CHECK(d.all<app::SaveProfile>().empty());
  d.press(ControlKind::Skip);  // no first rating either
  CHECK(std::holds_alternative<app::HomeScreen>(d.model.screen));
  CHECK(d.all<app::SaveCheckin>().empty());
  CHECK(d.all<app::SaveOnboarded>().size() == 1);

  // Start: the profile first, then the full safety check, then the rating.
  d.press(ControlKind::RoutineCard, 0).press(ControlKind::Start);
  REQUIRE(std::holds_alternative<app::ProfileScreen>(d.model.screen));
  CHECK(std::get<app::ProfileScreen>(d.model.screen).pending_routine == 0);
  CHECK(app::target_rect(d.model, {360, 640}, {ControlKind::Skip, 0}) == std::nullopt);
  d(app::BackPressed{});  // leaving does not skip it
  CHECK(std::holds_alternative<app::RoutineScreen>(d.model.screen));
  d.press(ControlKind::Start);
  REQUIRE(std::holds_alternative<app::ProfileScreen>(d.model.screen));
  d.press(ControlKind::ProfileFlag, 0).press(ControlKind::Save);
  CHECK(d.model.profile.anticoagulants);
  REQUIRE(std::holds_alternative<app::SafetyScreen>(d.model.screen));
  CHECK_FALSE(std::get<app::SafetyScreen>(d.model.screen).brief);
  CHECK(std::get<app::SafetyScreen>(d.model.screen).pending_routine == 0);
  for (int i = 0; i < app::kRedFlagCount; ++i) d.press(ControlKind::RedFlagNo, i);
  d.press(ControlKind::Confirm);
  CHECK(std::holds_alternative<app::RatingScreen>(d.model.screen));
}

TEST_CASE("someone who has used Unknot is not shown the tour, Settings opens it to read again") {
  Driver d;
  d.model.profile_answered = true;
  app::CareLoaded loaded;
  loaded.profile_answered = true;
  loaded.welcome_due = false;
  d(loaded);
  CHECK(std::holds_alternative<app::HomeScreen>(d.model.screen));
  d.press(ControlKind::Settings).press(ControlKind::Welcome);
  CHECK(step_of(d) == OnboardingStep::Welcome);
  CHECK(std::get<app::OnboardingScreen>(d.model.screen).review);
  CHECK(app::target_rect(d.model, {360, 640}, {ControlKind::Skip, 0}) == std::nullopt);
  d.press(ControlKind::Confirm);
  CHECK(step_of(d) == OnboardingStep::Pressing);
  d.press(ControlKind::Confirm);  // Done
  CHECK(std::holds_alternative<app::SettingsScreen>(d.model.screen));
  CHECK(d.all<app::SaveOnboarded>().empty());
}

TEST_CASE("the welcome is not pushed over a session or a routine the person opened") {
  Driver d;
  d.press(ControlKind::RoutineCard, 0);
  app::CareLoaded loaded;
  loaded.profile_answered = true;
  loaded.welcome_due = true;
  d(loaded);
  CHECK(std::holds_alternative<app::RoutineScreen>(d.model.screen));
}

TEST_CASE("every tour page fits a small phone: text wraps and the page scrolls to its end") {
  for (const app::Size window : {app::Size{320, 568}, app::Size{360, 640}, app::Size{1280, 800}}) {
    CAPTURE(window.w);
    for (const auto step :
         {OnboardingStep::Welcome, OnboardingStep::Pressing, OnboardingStep::Rating}) {
      app::OnboardingScreen s;
      s.step = step;
      app::AppModel m;
      const app::Env env{window, app::measure_of(m), 0};
      const auto l = app::onboarding_layout(s, env);
      for (const auto& p : l.paras) {
        CHECK(p.text.box.x >= l.page.column.x);
        CHECK(p.text.box.right() <= l.page.column.right() + 0.5f);
      }
      for (const auto& f : l.figures) {
        CHECK(f.box.right() <= l.page.column.right() + 0.5f);
        CHECK(f.caption.box.y >= f.box.bottom());
      }
      // Scrolled to its end, the last line is in view above the bottom button.
      const app::Env end{window, app::measure_of(m), 100000};
      const auto at_end = app::onboarding_layout(s, end);
      const float last = at_end.paras.empty() ? 0 : at_end.paras.back().text.box.bottom();
      CAPTURE(static_cast<int>(step));
      CHECK(last <= at_end.page.viewport.bottom() + 0.5f);
      CHECK(last >= at_end.page.viewport.y);
    }
  }
}

}  // namespace unknot::test
