// Safety and settings as part of the state machine: the red-flag check before the first
// session and every four weeks, the health profile applied to every routine with its reasons,
// settings (therapist mode). Pure.
#pragma once

#include <optional>
#include <vector>

#include "app/actions.h"
#include "app/effects.h"
#include "app/model.h"

namespace unknot::app {

// Start pressed on a routine: the safety check (in full when due, else the brief one), or its
// advice when a "yes" was given today; the pain rating follows a passed check.
void start_routine(AppModel& m, int routine);
// The advice screen for a "yes" given earlier (Start again on the same day, or after a restart).
SafetyScreen blocked_screen(const core::SafetyBlock& block);
// Re-applies the health profile to every catalog entry (after the profile, the library or the
// catalog changed).
void apply_profile_to_catalog(AppModel& m);
// Back from a question asked before `routine`: its page, or Home when there is none.
void open_pending_routine(AppModel& m, int routine);
// The pain rating before `routine`, or Home when there is none.
void ask_rating_before(AppModel& m, int routine);
// The safety check passed for `routine`: the soreness-and-bruising question when it is due and
// the routine presses, else straight to the pain rating before.
void after_safety_check(AppModel& m, int routine);

void on_care_loaded(AppModel& m, const CareLoaded& loaded);
// Puts the homework routines in the catalog (replacing older copies) and keeps their status,
// active ones first.
void on_homework_loaded(AppModel& m, const HomeworkLoaded& loaded);
void on_routine_file_opened(AppModel& m, const RoutineFileOpened& opened);
// Puts `routine` in the catalog (in place of one with the same id), applies the health profile
// and opens its page; a routine that cannot be played opens an error saying why instead.
void open_routine(AppModel& m, const core::Routine& routine);

// The homework whose routine is catalog entry `routine`, if any.
const HomeworkStatus* homework_of(const AppModel& m, int routine);

// "Blood thinners · Pregnant", or "Nothing noted".
std::string profile_summary(const HealthProfile& profile);
// The profile flags in ProfileFlag index order: the row's label, what it changes, and the few
// words the summary uses (core::profile_flags).
using core::kProfileFlagCount;
inline const auto& profile_flag_texts() { return core::profile_flags(); }
// Flag `index` (0 .. kProfileFlagCount - 1); out of range reads false and sets nothing.
bool profile_flag(const HealthProfile& p, int index);
void set_profile_flag(HealthProfile& p, int index, bool on);
// True when no flag is set: the profile page's primary action reads "None of these".
bool profile_empty(const HealthProfile& p);

}  // namespace unknot::app
