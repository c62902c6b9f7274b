// A model with a small two-routine catalog, for app tests.
#pragma once

#include "app/update.h"
#include "support/builders.h"

namespace unknot::test {

inline core::Routine small_routine(std::string id = "neck") {
  core::Routine r;
  r.id = std::move(id);
  r.title = "Neck and tension headache";
  r.regions = {"Neck", "Upper back", "Head"};
  core::StepSpec open;
  open.kind = core::StepKind::Breathing;
  open.title = "Settle in";
  open.pattern_id = "extended_exhale_4_6";
  open.breaths = 2;
  core::StepSpec trap;
  trap.kind = core::StepKind::Pressure;
  trap.muscle = "upper_trapezius";
  trap.title = "Upper trapezius";
  trap.sides = core::Sides::Both;
  trap.pattern_id = "extended_exhale_4_6";
  trap.duration = std::chrono::seconds(30);
  trap.pressure_target = 5;
  core::StepSpec close = open;
  close.title = "Let it go";
  r.steps = {open, trap, close};
  return r;
}

inline app::AppModel catalog_model() {
  app::AppModel m;
  m.catalog.push_back(
      app::make_catalog_entry(small_routine("neck"), core::builtin_pattern_lookup()));
  m.catalog.push_back(
      app::make_catalog_entry(small_routine("jaw"), core::builtin_pattern_lookup()));
  m.wall_now = core::UnixSeconds{std::chrono::seconds(1'790'000'000)};
  m.screened_at = m.wall_now - std::chrono::days(1);  // the safety check was passed yesterday
  m.profile_answered = true;
  return m;
}

// History holding one rated session with `note`, opened on its entry page.
inline app::AppModel entry_with_note(app::AppModel m, std::string note) {
  app::HistoryEntry e;
  e.id = 7;
  e.routine_id = "neck";
  e.started_at = m.wall_now - std::chrono::days(1);
  e.before = 6;
  e.after = 3;
  e.note = std::move(note);
  e.planned = e.done = std::chrono::minutes(12);
  app::HistoryLoaded loaded;
  loaded.entries.push_back(std::move(e));
  m = app::update(std::move(m), app::Activated{{app::ControlKind::TabHistory, 0}}).model;
  m = app::update(std::move(m), loaded).model;
  return app::update(std::move(m), app::Activated{{app::ControlKind::HistoryRow, 0}}).model;
}

// Applies actions in order, collecting every effect.
struct Driver {
  app::AppModel model = catalog_model();
  std::vector<app::Effect> effects;

  Driver& operator()(const app::Action& a) {
    auto t = app::update(std::move(model), a);
    model = std::move(t.model);
    effects.insert(effects.end(), t.effects.begin(), t.effects.end());
    return *this;
  }
  Driver& press(app::ControlKind kind, int index = 0) {
    return (*this)(app::Activated{{kind, index}});
  }
  // Start on the routine page, then "None of these" on the one-tap check that comes before
  // every session (domain.md §6.1): the way a person with nothing new to report starts.
  Driver& start() {
    press(app::ControlKind::Start);
    if (const auto* s = std::get_if<app::SafetyScreen>(&model.screen); s && s->brief) {
      press(app::ControlKind::Confirm);
    }
    return *this;
  }
  Driver& tick(core::Duration session_now) {
    return (*this)(app::Tick{core::Instant{session_now}, model.wall_now});
  }
  template <class E>
  std::vector<E> all() const {
    std::vector<E> out;
    for (const auto& e : effects) {
      if (const auto* p = std::get_if<E>(&e)) out.push_back(*p);
    }
    return out;
  }
};

}  // namespace unknot::test
