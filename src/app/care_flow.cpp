// Notes on behaviour the header leaves open:
// - Routines whose every step the profile removes keep no Start; their screen lists why.
#include "app/care_flow.h"

#include <algorithm>

#include "app/progress_flow.h"
#include "app/screens.h"
#include "app/update.h"
#include "core/safety.h"

namespace unknot::app {
namespace {

constexpr std::array<ProfileFlagText, 5> kFlags{{
    {"Blood thinners", "Light pressure only (3/10)"},
    {"Pregnant", "No leg or abdomen work, no breath holds"},
    {"Varicose veins", "No pressure on the lower leg"},
    {"Seizures", "No breath holds"},
    {"Heart disease", "No breath holds"},
}};

bool& flag_ref(HealthProfile& p, int index) {
  switch (index) {
    case 0:
      return p.anticoagulants;
    case 1:
      return p.pregnant;
    case 2:
      return p.varicose_veins;
    case 3:
      return p.seizures;
    default:
      return p.heart_disease;
  }
}

}  // namespace

const std::array<ProfileFlagText, 5>& profile_flag_texts() { return kFlags; }

const HomeworkStatus* homework_of(const AppModel& m, int routine) {
  for (const auto& h : m.homework) {
    if (h.routine == routine) return &h;
  }
  return nullptr;
}

bool profile_flag(const HealthProfile& p, int index) {
  HealthProfile copy = p;
  return flag_ref(copy, index);
}

void set_profile_flag(HealthProfile& p, int index, bool on) { flag_ref(p, index) = on; }

std::string profile_summary(const HealthProfile& p) {
  std::string out;
  for (int i = 0; i < 5; ++i) {
    if (!profile_flag(p, i)) continue;
    if (!out.empty()) out += " · ";
    out += kFlags[static_cast<std::size_t>(i)].label;
  }
  return out.empty() ? "Nothing noted" : out;
}

void start_routine(AppModel& m, int routine) {
  if (core::screen_due(m.screened_at, m.wall_now)) {
    SafetyScreen s;
    s.pending_routine = routine;
    open_screen(m, s);
    return;
  }
  open_screen(m, RatingScreen::ask(RatingMoment::Before, routine));
}

void apply_profile_to_catalog(AppModel& m) {
  const core::PatternLookup lookup = [&m](std::string_view id) { return find_pattern(m, id); };
  const core::MuscleLibrary empty;
  const core::MuscleLibrary& library = m.library ? *m.library : empty;
  for (auto& entry : m.catalog) {
    core::SafeRoutine safe = core::apply_profile(entry.original, m.profile, library, lookup);
    entry.changes = std::move(safe.changes);
    entry.routine = std::move(safe.routine);
    if (entry.routine.steps.empty()) continue;  // nothing to play: the screen says why
    try {
      entry.timeline =
          std::make_shared<const core::Timeline>(core::expand(entry.routine, lookup), lookup);
    } catch (const std::exception&) {
      // A softened routine is always playable when its original was; keep the last timeline.
    }
  }
}

void on_care_loaded(AppModel& m, const CareLoaded& loaded) {
  m.utc_offset_min = loaded.utc_offset_min;
  m.profile = loaded.profile;
  m.therapist_mode = loaded.therapist_mode;
  m.screened_at = loaded.screened_at;
  m.checkin_reminder_minute = loaded.checkin_reminder_minute;
  apply_profile_to_catalog(m);
}

void on_homework_loaded(AppModel& m, const HomeworkLoaded& loaded) {
  const core::PatternLookup lookup = [&m](std::string_view id) { return find_pattern(m, id); };
  m.homework.clear();
  for (std::size_t i = 0; i < loaded.routines.size() && i < loaded.status.size(); ++i) {
    const core::Routine& routine = loaded.routines[i];
    int index = find_routine(m, routine.id);
    try {
      CatalogEntry entry = make_catalog_entry(routine, lookup);
      if (index >= 0) {
        entry.last = m.catalog[static_cast<std::size_t>(index)].last;
        m.catalog[static_cast<std::size_t>(index)] = std::move(entry);
      } else {
        m.catalog.push_back(std::move(entry));
        index = static_cast<int>(m.catalog.size()) - 1;
      }
    } catch (const std::exception&) {
      continue;  // validated on import; a routine that cannot play is not offered
    }
    HomeworkStatus status = loaded.status[i];
    status.routine = index;
    m.homework.push_back(std::move(status));
  }
  std::stable_sort(
      m.homework.begin(), m.homework.end(),
      [](const HomeworkStatus& a, const HomeworkStatus& b) { return a.active && !b.active; });
  apply_profile_to_catalog(m);
}

void on_routine_file_opened(AppModel& m, const RoutineFileOpened& opened) {
  if (m.session) return;  // never over a running session
  open_routine(m, opened.routine);
}

void open_routine(AppModel& m, const core::Routine& routine) {
  const core::PatternLookup lookup = [&m](std::string_view id) { return find_pattern(m, id); };
  try {
    CatalogEntry entry = make_catalog_entry(routine, lookup);
    int index = find_routine(m, routine.id);
    if (index >= 0) {
      m.catalog[static_cast<std::size_t>(index)] = std::move(entry);
    } else {
      m.catalog.push_back(std::move(entry));
      index = static_cast<int>(m.catalog.size()) - 1;
    }
    apply_profile_to_catalog(m);
    open_screen(m, RoutineScreen{index, {}});
  } catch (const std::exception& e) {
    open_screen(m, ErrorScreen{"This routine can't be played", e.what()});
  }
}

}  // namespace unknot::app
