// The soreness-and-bruising question in the state machine (domain.md §2.2): when it is asked, the
// one tap most days need, and how an answer makes the muscle's next target lighter.
#include <doctest/doctest.h>

#include "app/app_builders.h"
#include "app/dose_page.h"
#include "app/screens.h"

namespace unknot::test {
namespace {

using app::ControlKind;
using namespace std::chrono;

// A model whose last session pressed the upper trapezius and ended `ago` before now (UTC).
Driver after_session(core::Duration ago) {
  Driver d;
  d.model.utc_offset_min = 0;
  d.model.dose_due =
      core::DoseDue{42, d.model.wall_now - floor<seconds>(ago), 0, {"upper_trapezius"}};
  return d;
}

const app::DoseScreen& dose(const Driver& d) {
  REQUIRE(std::holds_alternative<app::DoseScreen>(d.model.screen));
  return std::get<app::DoseScreen>(d.model.screen);
}

// The trapezius step's target in routine `i` as the catalog would play it now.
int trapezius_target(const Driver& d, int i = 0) {
  for (const auto& step : d.model.catalog[static_cast<std::size_t>(i)].routine.steps) {
    if (step.muscle == "upper_trapezius") return step.pressure_target;
  }
  FAIL("no trapezius step");
  return 0;
}

TEST_CASE("the question waits for a later day, then comes before the rating, not before") {
  // The wall clock of catalog_model() is 14:13 UTC: an hour ago is the same day.
  Driver same_day = after_session(hours(1));
  same_day.press(ControlKind::RoutineCard, 0).start();
  CHECK(std::holds_alternative<app::RatingScreen>(same_day.model.screen));

  Driver next_day = after_session(hours(20));
  next_day.press(ControlKind::RoutineCard, 0).start();
  const app::DoseScreen& s = dose(next_day);
  CHECK(s.pending_routine == 0);
  CHECK(s.session_id == 42);
  CHECK(s.muscles == std::vector<std::string>{"upper_trapezius"});
  // Nothing marked: the one tap most days need is the primary action.
  CHECK(app::dose_confirm_label(s) == "No soreness or bruising");
  CHECK(app::focused_control(next_day.model) == app::Control{ControlKind::Confirm, 0});
}

TEST_CASE("a routine with no pressure steps does not ask") {
  Driver d = after_session(hours(20));
  core::Routine calm = small_routine("calm");
  calm.steps.erase(calm.steps.begin() + 1);  // only breathing left
  d.model.catalog.push_back(app::make_catalog_entry(calm, core::builtin_pattern_lookup()));
  d.press(ControlKind::RoutineCard, 2).start();
  CHECK(std::holds_alternative<app::RatingScreen>(d.model.screen));
  CHECK(d.model.dose_due.has_value());  // still asked before the next session that presses
}

TEST_CASE("No soreness or bruising is one tap: saved as fine, targets kept, on to the rating") {
  Driver d = after_session(hours(20));
  d.press(ControlKind::RoutineCard, 0).start().press(ControlKind::Confirm);
  REQUIRE(std::holds_alternative<app::RatingScreen>(d.model.screen));
  REQUIRE(d.all<app::SaveDoseCheck>().size() == 1);
  CHECK(d.all<app::SaveDoseCheck>()[0].session_id == 42);
  CHECK(d.all<app::SaveDoseCheck>()[0].answers ==
        std::vector<core::DoseAnswer>{{"upper_trapezius", core::DoseReaction::Fine}});
  CHECK_FALSE(d.model.dose_due.has_value());  // asked once
  CHECK(trapezius_target(d) == 5);
}

TEST_CASE("a mark toggles: Sore, Sore again clears it, Bruised replaces Sore") {
  Driver d = after_session(hours(20));
  d.press(ControlKind::RoutineCard, 0).start();
  d.press(ControlKind::DoseSore, 0);
  CHECK(dose(d).answers[0] == core::DoseReaction::Sore);
  CHECK(app::dose_confirm_label(dose(d)) == "Continue");
  d.press(ControlKind::DoseSore, 0);
  CHECK(dose(d).answers[0] == core::DoseReaction::Fine);
  d.press(ControlKind::DoseSore, 0).press(ControlKind::DoseBruised, 0);
  CHECK(dose(d).answers[0] == core::DoseReaction::Bruised);
  d.press(ControlKind::DoseBruised, 7);  // no such row: nothing happens
  CHECK(dose(d).answers.size() == 1);
}

TEST_CASE("bruising lowers the muscle's target by two in every routine, says so, then rates") {
  Driver d = after_session(hours(20));
  d.press(ControlKind::RoutineCard, 0).start();
  d.press(ControlKind::DoseBruised, 0).press(ControlKind::Confirm);
  // Saved, and the page now says what changed before going on.
  REQUIRE(d.all<app::SaveDoseCheck>().size() == 1);
  CHECK(d.all<app::SaveDoseCheck>()[0].answers ==
        std::vector<core::DoseAnswer>{{"upper_trapezius", core::DoseReaction::Bruised}});
  CHECK(dose(d).showing_changes);
  CHECK(trapezius_target(d, 0) == 5 - core::kBruisedEase);
  CHECK(trapezius_target(d, 1) == 5 - core::kBruisedEase);
  // The routine's list of changes gives the reason, with the old and new targets.
  const auto& changes = d.model.catalog[0].changes;
  REQUIRE(changes.size() == 1);  // one authored step (both its sides)
  CHECK(changes[0].title == "Upper trapezius");
  CHECK(changes[0].reason.find("3/10, was 5/10") != std::string::npos);
  // The timeline played is built from the lighter routine.
  bool found = false;
  const core::Timeline& timeline = *d.model.catalog[0].timeline;
  for (int i = 0; i < timeline.step_count(); ++i) {
    const core::Step& step = timeline.step(i);
    if (step.muscle != "upper_trapezius") continue;
    CHECK(step.pressure_target == 3);
    found = true;
  }
  CHECK(found);
  // No Back once answered (the answer is saved); Continue goes on to pain before.
  for (const auto& c : app::controls(d.model)) CHECK(c.kind != ControlKind::DoseBruised);
  d.press(ControlKind::Confirm);
  REQUIRE(std::holds_alternative<app::RatingScreen>(d.model.screen));
  CHECK(std::get<app::RatingScreen>(d.model.screen).routine == 0);
}

TEST_CASE("soreness after a lighter session lowers it again, fine gives a point back") {
  Driver d = after_session(hours(20));
  d.press(ControlKind::RoutineCard, 0).start().press(ControlKind::DoseSore, 0);
  d.press(ControlKind::Confirm).press(ControlKind::Confirm);
  CHECK(trapezius_target(d) == 5 - core::kSoreEase);
  // A later day, after another session: sore again adds up.
  d.model.screen = app::HomeScreen{};
  d.model.wall_now += days(1);
  d.model.dose_due = core::DoseDue{43, d.model.wall_now - hours(20), 0, {"upper_trapezius"}};
  d.press(ControlKind::RoutineCard, 0).start().press(ControlKind::DoseSore, 0);
  d.press(ControlKind::Confirm).press(ControlKind::Confirm);
  CHECK(trapezius_target(d) == 5 - 2 * core::kSoreEase);
  d.model.screen = app::HomeScreen{};
  d.model.wall_now += days(1);
  d.model.dose_due = core::DoseDue{44, d.model.wall_now - hours(20), 0, {"upper_trapezius"}};
  d.press(ControlKind::RoutineCard, 0).start().press(ControlKind::Confirm);
  CHECK(trapezius_target(d) == 5 - core::kSoreEase);
}

TEST_CASE("Back before answering returns to the routine and saves nothing, it is asked again") {
  Driver d = after_session(hours(20));
  d.press(ControlKind::RoutineCard, 0).start().press(ControlKind::DoseBruised, 0);
  d(app::BackPressed{});
  CHECK(std::holds_alternative<app::RoutineScreen>(d.model.screen));
  CHECK(d.all<app::SaveDoseCheck>().empty());
  CHECK(trapezius_target(d) == 5);
  d.start();
  CHECK(dose(d).answers[0] == core::DoseReaction::Fine);  // a fresh question
}

}  // namespace
}  // namespace unknot::test
