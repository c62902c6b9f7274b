// Notes on behaviour the header leaves open:
// - The check is answered question by question; Continue needs every answer. One yes blocks:
//   the advice replaces the questions and only "Back to Home" is offered. The outcome is kept
//   (not the answers), and a blocked check is asked again the next time Start is pressed.
// - Routines whose every step the profile removes keep no Start; their screen lists why.
#include "app/care_flow.h"

#include <algorithm>

#include "app/breathe_flow.h"
#include "app/care_layout.h"
#include "app/progress_flow.h"
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
    case 0: return p.anticoagulants;
    case 1: return p.pregnant;
    case 2: return p.varicose_veins;
    case 3: return p.seizures;
    default: return p.heart_disease;
  }
}

void on_safety(AppModel& m, SafetyScreen& s, const Activated& a, std::vector<Effect>& fx) {
  const int i = a.control.index;
  switch (a.control.kind) {
    case ControlKind::RedFlagYes:
    case ControlKind::RedFlagNo:
      if (i >= 0 && i < kRedFlagCount) s.answers[static_cast<std::size_t>(i)] = a.control.kind == ControlKind::RedFlagYes;
      break;
    case ControlKind::Confirm: {
      if (s.blocked) {
        open_screen(m, HomeScreen{});
        return;
      }
      const bool answered = std::all_of(s.answers.begin(), s.answers.end(), [](const auto& x) { return x.has_value(); });
      if (!answered) break;
      const bool any_yes = std::any_of(s.answers.begin(), s.answers.end(), [](const auto& x) { return *x; });
      fx.push_back(SaveScreenResult{!any_yes, m.wall_now});
      if (any_yes) {
        SafetyScreen blocked;
        blocked.blocked = true;
        open_screen(m, blocked);
        return;
      }
      m.screened_at = m.wall_now;
      if (s.pending_routine >= 0 && s.pending_routine < static_cast<int>(m.catalog.size())) {
        open_screen(m, RatingScreen::ask(RatingMoment::Before, s.pending_routine));
      } else {
        open_screen(m, HomeScreen{});
      }
      return;
    }
    case ControlKind::Back:
      if (s.pending_routine >= 0) {
        open_screen(m, RoutineScreen{s.pending_routine});
      } else {
        open_screen(m, HomeScreen{});
      }
      return;
    default: break;
  }
  if (auto* still = std::get_if<SafetyScreen>(&m.screen)) *still = s;
}

void on_profile(AppModel& m, ProfileScreen& s, const Activated& a, std::vector<Effect>& fx) {
  switch (a.control.kind) {
    case ControlKind::ProfileFlag:
      if (a.control.index >= 0 && a.control.index < 5) {
        bool& flag = flag_ref(s.draft, a.control.index);
        flag = !flag;
      }
      break;
    case ControlKind::Save:
      if (s.draft != m.profile) {
        m.profile = s.draft;
        fx.push_back(SaveProfile{m.profile});
        apply_profile_to_catalog(m);
      }
      open_screen(m, SettingsScreen{});
      return;
    case ControlKind::Back: open_screen(m, SettingsScreen{}); return;
    default: break;
  }
  if (auto* still = std::get_if<ProfileScreen>(&m.screen)) *still = s;
}

}  // namespace

const std::array<ProfileFlagText, 5>& profile_flag_texts() { return kFlags; }

const HomeworkStatus* homework_of(const AppModel& m, int routine) {
  for (const auto& h : m.homework) {
    if (h.routine == routine) return &h;
  }
  return nullptr;
}

bool holds_barred(const AppModel& m, const core::BreathPattern& pattern) {
  return (m.profile.pregnant || m.profile.seizures || m.profile.heart_disease) && pattern.has_hold();
}

bool profile_flag(const HealthProfile& p, int index) {
  HealthProfile copy = p;
  return flag_ref(copy, index);
}

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
      entry.timeline = std::make_shared<const core::Timeline>(core::expand(entry.routine, lookup), lookup);
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
  std::stable_sort(m.homework.begin(), m.homework.end(),
                   [](const HomeworkStatus& a, const HomeworkStatus& b) { return a.active && !b.active; });
  apply_profile_to_catalog(m);
}

void on_routine_file_opened(AppModel& m, const RoutineFileOpened& opened) {
  if (m.session) return;  // never over a running session
  const core::PatternLookup lookup = [&m](std::string_view id) { return find_pattern(m, id); };
  try {
    CatalogEntry entry = make_catalog_entry(opened.routine, lookup);
    int index = find_routine(m, opened.routine.id);
    if (index >= 0) {
      m.catalog[static_cast<std::size_t>(index)] = std::move(entry);
    } else {
      m.catalog.push_back(std::move(entry));
      index = static_cast<int>(m.catalog.size()) - 1;
    }
    apply_profile_to_catalog(m);
    open_screen(m, RoutineScreen{index});
  } catch (const std::exception& e) {
    open_screen(m, ErrorScreen{"This routine can't be played", e.what()});
  }
}

bool on_care_activated(AppModel& m, const Activated& a, std::vector<Effect>& fx) {
  if (const auto* src = std::get_if<SourcesScreen>(&m.screen)) {
    if (a.control.kind == ControlKind::Back) open_screen(m, RoutineScreen{src->routine});
    return true;
  }
  if (auto* s = std::get_if<SafetyScreen>(&m.screen)) {
    SafetyScreen copy = *s;
    on_safety(m, copy, a, fx);
    return true;
  }
  if (auto* p = std::get_if<ProfileScreen>(&m.screen)) {
    ProfileScreen copy = *p;
    on_profile(m, copy, a, fx);
    return true;
  }
  return false;
}

bool on_care_back(AppModel& m, std::vector<Effect>& fx) {
  if (std::holds_alternative<SourcesScreen>(m.screen)) {
    on_care_activated(m, Activated{{ControlKind::Back, 0}}, fx);
    return true;
  }
  if (std::holds_alternative<SafetyScreen>(m.screen) || std::holds_alternative<ProfileScreen>(m.screen)) {
    on_care_activated(m, Activated{{ControlKind::Back, 0}}, fx);
    return true;
  }
  return false;
}

void on_care_scrolled(AppModel& m, float dy) {
  if (auto* src = std::get_if<SourcesScreen>(&m.screen)) {
    const Size window{m.window_w, m.window_h};
    const auto& sources = m.catalog.at(static_cast<std::size_t>(src->routine)).routine.sources;
    const float limit = std::max(0.0f, sources_content_h(window, sources) - sources_layout(window).viewport.h);
    src->scroll = std::clamp(src->scroll + dy, 0.0f, limit);
  }
  if (auto* s = std::get_if<SafetyScreen>(&m.screen)) {
    s->scroll = std::clamp(s->scroll + dy, 0.0f, safety_max_scroll({m.window_w, m.window_h}, *s));
  }
}

bool care_controls(const AppModel& m, std::vector<Control>& list) {
  const auto add = [&list](ControlKind kind, int index = 0) { list.push_back({kind, index}); };
  if (std::holds_alternative<SourcesScreen>(m.screen)) {
    add(ControlKind::Back);
    return true;
  }
  if (const auto* s = std::get_if<SafetyScreen>(&m.screen)) {
    if (!s->blocked) {
      add(ControlKind::Back);
      for (int i = 0; i < kRedFlagCount; ++i) {
        add(ControlKind::RedFlagYes, i);
        add(ControlKind::RedFlagNo, i);
      }
    }
    add(ControlKind::Confirm);
    return true;
  }
  if (std::holds_alternative<ProfileScreen>(m.screen)) {
    add(ControlKind::Back);
    for (int i = 0; i < 5; ++i) add(ControlKind::ProfileFlag, i);
    add(ControlKind::Save);
    return true;
  }
  return false;
}

std::optional<Control> care_primary(const AppModel& m) {
  if (std::holds_alternative<SourcesScreen>(m.screen)) return Control{ControlKind::Back, 0};
  if (const auto* s = std::get_if<SafetyScreen>(&m.screen)) {
    if (s->blocked) return Control{ControlKind::Confirm, 0};
    return Control{ControlKind::RedFlagNo, 0};
  }
  if (std::holds_alternative<ProfileScreen>(m.screen)) return Control{ControlKind::ProfileFlag, 0};
  return std::nullopt;
}

}  // namespace unknot::app
