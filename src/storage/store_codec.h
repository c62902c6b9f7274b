// Conversions the store's files share: timestamps and durations to and from their SQL form,
// with errors naming the database and what was being done. Private to storage.
#pragma once

#include <cstdint>
#include <string>

#include "core/time.h"

namespace unknot::storage {

class Database;

namespace codec {
std::string timestamp_text(const Database& db, core::UnixSeconds t, const std::string& doing);
core::UnixSeconds parse_time(const Database& db, const std::string& doing, const std::string& text);
std::int64_t to_ms(core::Duration d);
}  // namespace codec

}  // namespace unknot::storage
