// Notes on behaviour the header leaves open:
// - Routines whose every step the profile removes keep no Start; their screen lists why.
#include "app/care_flow.h"

#include <algorithm>

#include "app/dose_page.h"
#include "app/onboarding_page.h"
#include "app/progress_flow.h"
#include "app/screens.h"
#include "app/update.h"
#include "core/safety.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

bool in_range(int index) { return index >= 0 && index < static_cast<int>(kProfileFlagCount); }

}  // namespace

const HomeworkStatus* homework_of(const AppModel& m, int routine) {
  for (const auto& h : m.homework) {
    if (h.routine == routine) return &h;
  }
  return nullptr;
}

bool profile_flag(const HealthProfile& p, int index) {
  return in_range(index) && p.*core::profile_flags()[static_cast<std::size_t>(index)].field;
}

void set_profile_flag(HealthProfile& p, int index, bool on) {
  if (in_range(index)) p.*core::profile_flags()[static_cast<std::size_t>(index)].field = on;
}

bool profile_empty(const HealthProfile& p) { return p == HealthProfile{}; }

std::string profile_summary(const HealthProfile& p) {
  std::string out;
  for (const auto* flag : core::flags_in_force(p)) {
    if (!out.empty()) out += " · ";
    out += core::tr(flag->summary);
  }
  // TRANSLATORS: the health profile's summary in Settings when no condition is ticked.
  return out.empty() ? core::tr("Nothing noted") : out;
}

SafetyScreen blocked_screen(const core::SafetyBlock& block) {
  SafetyScreen s;
  s.blocked = true;
  s.yes_ids = block.ids;
  return s;
}

void start_routine(AppModel& m, int routine) {
  // A "yes" earlier today: the advice again, not the questions (domain.md §6.1).
  if (m.safety_block && core::blocks_now(*m.safety_block, m.wall_now, m.utc_offset_min)) {
    open_screen(m, blocked_screen(*m.safety_block));
    return;
  }
  // The health profile comes before the first session (domain.md §6.2): it can change it.
  if (!m.profile_answered) {
    ProfileScreen p{m.profile};
    p.pending_routine = routine;
    open_screen(m, p);
    return;
  }
  // Every session is preceded by a check: in full at first use, every four weeks and after a
  // blocked day; otherwise the one-tap "Since last time, any of these?".
  SafetyScreen s;
  s.pending_routine = routine;
  s.brief = core::screen_kind(m.screened_at, m.safety_block, m.wall_now) == core::ScreenKind::Brief;
  open_screen(m, s);
}

namespace {
bool in_catalog(const AppModel& m, int routine) {
  return routine >= 0 && routine < static_cast<int>(m.catalog.size());
}
}  // namespace

void open_pending_routine(AppModel& m, int routine) {
  if (in_catalog(m, routine)) {
    open_screen(m, RoutineScreen{routine, std::nullopt});
  } else {
    open_screen(m, HomeScreen{});
  }
}

void ask_rating_before(AppModel& m, int routine) {
  if (in_catalog(m, routine)) {
    open_screen(m, RatingScreen::ask(RatingMoment::Before, routine));
  } else {
    open_screen(m, HomeScreen{});
  }
}

void after_safety_check(AppModel& m, int routine) {
  if (!in_catalog(m, routine)) {
    open_screen(m, HomeScreen{});
    return;
  }
  // Soreness or bruising since the last session (domain.md §2.2), asked once, before a session
  // that presses: the answer can lighten this very session.
  const auto& steps = m.catalog[static_cast<std::size_t>(routine)].routine.steps;
  const bool presses = std::any_of(steps.begin(), steps.end(), [](const core::StepSpec& s) {
    return s.kind == core::StepKind::Pressure;
  });
  if (presses && m.dose_due &&
      core::dose_question_due(*m.dose_due, m.wall_now, std::chrono::minutes{m.utc_offset_min})) {
    open_screen(m, dose_screen(*m.dose_due, routine));
    return;
  }
  ask_rating_before(m, routine);
}

void apply_profile_to_catalog(AppModel& m) {
  const core::PatternLookup lookup = [&m](std::string_view id) { return find_pattern(m, id); };
  const core::MuscleLibrary empty;
  const core::MuscleLibrary& library = m.library ? *m.library : empty;
  const std::vector<core::PressureEase> eases = core::pressure_eases(m.dose_checks);
  for (auto& entry : m.catalog) {
    const auto source = entry.homework ? core::RoutineSource::Homework : core::RoutineSource::Own;
    core::SafeRoutine safe =
        core::apply_profile(entry.original, m.profile, library, lookup, source, eases);
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
  m.safety_block = loaded.safety_block;
  m.profile_answered = loaded.profile_answered;
  m.checkin_reminder_minute = loaded.checkin_reminder_minute;
  m.dose_due = loaded.dose_due;
  m.dose_checks = loaded.dose_checks;
  apply_profile_to_catalog(m);
  // A new person meets the welcome first, not a question about their pain.
  if (loaded.welcome_due && !m.session &&
      (std::holds_alternative<HomeScreen>(m.screen) ||
       std::holds_alternative<CheckinScreen>(m.screen))) {
    open_onboarding(m, false);
  }
}

void on_homework_loaded(AppModel& m, const HomeworkLoaded& loaded) {
  const core::PatternLookup lookup = [&m](std::string_view id) { return find_pattern(m, id); };
  m.homework.clear();
  for (std::size_t i = 0; i < loaded.routines.size() && i < loaded.status.size(); ++i) {
    const core::Routine& routine = loaded.routines[i];
    int index = find_routine(m, routine.id);
    try {
      CatalogEntry entry = make_catalog_entry(routine, lookup);
      entry.homework = true;
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
    open_screen(m, ErrorScreen{core::tr("This routine can't be played"), e.what()});
  }
}

}  // namespace unknot::app
