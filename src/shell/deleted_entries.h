// Sessions deleted during this run, kept in memory so "Undo" can put them back exactly as they
// were. Private to the shell. Once the app closes a delete is final.
#pragma once

#include <cstdint>
#include <map>

#include "storage/session_store.h"

namespace unknot::shell {

struct DeletedEntries {
  std::map<std::int64_t, storage::SessionRecord> records;
};

}  // namespace unknot::shell
