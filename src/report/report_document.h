// The one-page clinician report (`unknot report`, the app's Share report): self-contained HTML,
// charts as inline SVG, no scripts or external files, all user text escaped.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "core/pain_stats.h"
#include "storage/session_store.h"

namespace unknot::report {

inline constexpr std::size_t kMaxClientName = 80;  // characters (UTF-8 code points)

// Titles of routines the store cannot name itself: built-in and saved routines, by id.
using RoutineTitles = std::map<std::string, std::string, std::less<>>;
// Muscles' names by library id ("upper_trapezius" → "Upper trapezius"); an id missing here is
// made readable (core::readable_muscle_id).
using MuscleNames = std::map<std::string, std::string, std::less<>>;

// A session's routine as a person reads it: a homework's title from its file ("homework:<id>"),
// "Breathing: <pattern name>" ("breathe:<id>", built-in or the person's own patterns), else
// `titles`, else the id as stored.
std::string routine_title(std::string_view routine_id, const RoutineTitles& titles,
                          const storage::SessionStore& store);

// The client's name as shown: surrounding spaces trimmed, control characters and line breaks
// made spaces. Empty when `name` has more than kMaxClientName characters: callers check
// client_name_fits first and say so.
std::string clean_client_name(std::string_view name);
bool client_name_fits(std::string_view name);

// The page for the `weeks` calendar weeks ending with today's week (0: all the history), with
// adherence against the homework's schedule, else `target` sessions a week (0: none). Rows
// without a UTC offset use fallback_min. `client_name` (cleaned) heads the page when given.
// Throws storage::StorageError when reading fails.
std::string clinician_report(const storage::SessionStore& store, core::Day today, int weeks,
                             int target, int fallback_min, std::string_view client_name = {},
                             const RoutineTitles& titles = {}, const MuscleNames& muscles = {});

}  // namespace unknot::report
