// The Progress, History and entry screens as part of the state machine: tab bar navigation,
// loading on demand, filters, the weekly target, editing and deleting entries with undo, and
// sharing the report. Pure.
#pragma once

#include <string>
#include <vector>

#include "app/actions.h"
#include "app/effects.h"
#include "app/model.h"

namespace unknot::app {

// The regions the person has rated sessions for, sorted, for the Progress filter chips.
std::vector<std::string> trends_regions(const AppModel& m);
// Calendar weeks a period covers: 4, 12, or 0 for all the history.
int period_weeks(TrendsPeriod period);
// Whether any session has a step on the left or the right (the side filter is offered then).
bool has_sided_dose(const ProgressData& data);
// The therapist's prescription sets the week's target when active homework prescribes any
// sessions this week (the sum over all of it); otherwise the person's own weekly target.
bool target_prescribed(const AppModel& m);
int effective_weekly_target(const AppModel& m);
// Whether the undo offer is showing at the model's wall time.
bool undo_showing(const AppModel& m);

// Handles the tab bar and the controls of these screens; false when not one of theirs.
bool on_progress_activated(AppModel& m, const Activated& a, std::vector<Effect>& fx);
// Escape on these screens; false when not one of theirs.
bool on_progress_back(AppModel& m, std::vector<Effect>& fx);
void on_progress_loaded(AppModel& m, ProgressLoaded loaded);
void on_history_loaded(AppModel& m, HistoryLoaded loaded);
// Scrolling: clamps the scroll and asks for the next History page near the end of the list.
void on_progress_scrolled(AppModel& m, float dy, std::vector<Effect>& fx);
void progress_focus_into_view(AppModel& m);
// Typing in the entry screen's note.
bool on_progress_text(AppModel& m, const TextTyped& t);
bool on_progress_erase(AppModel& m);
// Drops what was loaded after anything that changes the record (a session saved, a rating
// edited, an entry deleted), so the screens load it afresh when opened.
void forget_progress(AppModel& m);
// The bottom bar's four tabs, in focus order (Home, Progress, History and Settings share it).
void add_tab_controls(std::vector<Control>& list);
// Adds the controls of these screens in focus order; false when not one of theirs.
bool progress_controls(const AppModel& m, std::vector<Control>& list);
std::optional<Control> progress_primary(const AppModel& m);

inline constexpr std::size_t kMaxNoteLength = 500;  // characters (UTF-8 code points)

}  // namespace unknot::app
