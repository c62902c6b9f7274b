// Conversions the store's files share: timestamps and durations to and from their SQL form,
// with errors naming the database and what was being done. Private to storage.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/pain_stats.h"
#include "core/routine.h"
#include "core/time.h"
#include "storage/session_store.h"

namespace unknot::storage {

class Database;
class Statement;

namespace codec {
std::string timestamp_text(const Database& db, core::UnixSeconds t, const std::string& doing);
core::UnixSeconds parse_time(const Database& db, const std::string& doing, const std::string& text);
std::int64_t to_ms(core::Duration d);
// A whole decimal number and nothing else (a stored setting); nullopt otherwise.
std::optional<int> parse_int(const std::string& text);
core::Duration from_ms(std::int64_t ms);
std::string_view side_text(core::Side side);
// "YYYY-MM-DD"; a day outside years 0-9999 throws StorageError naming `doing`.
std::string day_text(core::Day day, const std::string& doing);
// "YYYY-MM-DD" naming a real date; nullopt for anything else.
std::optional<core::Day> parse_day(const std::string& text);

// The columns read_session reads, in its order.
inline constexpr std::string_view kSessionColumns =
    "id, routine_id, started_at, ended_at, status, pain_before, pain_after, region, resume_step, "
    "note, utc_offset_min, planned_ms";
// Steps `query` (selecting kSessionColumns first) and reads the row; nullopt when done.
std::optional<SessionRow> read_session(Database& db, Statement& query, const std::string& doing);
// Reads step_index, muscle, side, planned_ms, actual_ms, skipped from columns `first`.. of the
// current row.
StepRow read_step(const Database& db, const Statement& query, int first, const std::string& doing);
}  // namespace codec

}  // namespace unknot::storage
