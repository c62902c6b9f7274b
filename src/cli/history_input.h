// Turns stored sessions and check-ins into the plain values the history and the report work
// from. Private to cli; reads through SessionStore only.
#pragma once

#include <vector>

#include "cli/history_report.h"
#include "storage/session_store.h"

namespace unknot::cli {

// One session with its steps: local day (its own UTC offset, else fallback_min), ratings,
// planned and done time, and the pressure per muscle.
HistorySession history_session(const storage::SessionRow& row,
                               const std::vector<storage::StepRow>& steps, int fallback_min);
// Adds a daily rating or a PGIC answer on its local day.
void add_checkin(HistoryInput& input, const storage::CheckinRow& row);

}  // namespace unknot::cli
