// The one-page clinician report (`unknot report`, the app's Share report): self-contained HTML,
// charts as inline SVG, no scripts or external files, all user text escaped.
#pragma once

#include <string>

#include "core/pain_stats.h"
#include "storage/session_store.h"

namespace unknot::report {

// The page for the `weeks` calendar weeks ending with today's week (0: all the history), with
// adherence against `target` sessions a week (0: none). Rows without a UTC offset use
// fallback_min. Throws storage::StorageError when reading fails.
std::string clinician_report(const storage::SessionStore& store, core::Day today, int weeks,
                             int target, int fallback_min);

}  // namespace unknot::report
