// What Progress and History share with the rest of the state machine: the data loaded on
// demand, the regions and target the screens show, and forgetting it when the record changes.
// The screens themselves are modules (trends_page.h, history_page.h, entry_page.h). Pure.
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

void on_progress_loaded(AppModel& m, ProgressLoaded loaded);
void on_history_loaded(AppModel& m, HistoryLoaded loaded);
// Drops what was loaded after anything that changes the record (a session saved, a rating
// edited, an entry deleted), so the screens load it afresh when opened.
void forget_progress(AppModel& m);

inline constexpr std::size_t kMaxNoteLength = 500;  // characters (UTF-8 code points)

}  // namespace unknot::app
