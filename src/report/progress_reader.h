// Turns stored sessions and check-ins into the plain values the Progress screen, `unknot
// history` and the clinician report work from. Reads through SessionStore only.
#pragma once

#include <vector>

#include "core/history_report.h"
#include "storage/session_store.h"

namespace unknot::report {

// One session with its steps: local day (its own UTC offset, else fallback_min), ratings,
// planned and done time, and the pressure per muscle.
core::HistorySession history_session(const storage::SessionRow& row,
                                     const std::vector<storage::StepRow>& steps, int fallback_min);
// Adds a daily rating on the day it is filed on (its stored day, else its local day), or a PGIC
// answer on its local day.
void add_checkin(core::HistoryInput& input, const storage::CheckinRow& row);
// A PSFS rating on its local day (its own offset).
core::PsfsRating psfs_rating(const storage::PsfsRow& row);

// Every stored homework that parses, with its import day (on the fallback offset).
std::vector<core::HomeworkPlan> homework_plans(const storage::SessionStore& store,
                                               int fallback_min);

// Every session (oldest first), every check-in, every homework and every PSFS rating in the store.
core::HistoryInput read_progress(const storage::SessionStore& store, int fallback_min);

}  // namespace unknot::report
