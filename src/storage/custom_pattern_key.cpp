// custom_pattern_key and parse_custom_pattern_key, declared in storage/session_store.h: the
// "custom_<id>" keys that name saved patterns outside storage. Pure std, no SQLite.
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

#include "storage/session_store.h"

namespace unknot::storage {
namespace {

constexpr std::string_view kPrefix = "custom_";

}  // namespace

std::string custom_pattern_key(std::int64_t id) {
  return std::string(kPrefix) + std::to_string(id);
}

std::optional<std::int64_t> parse_custom_pattern_key(std::string_view key) {
  if (!key.starts_with(kPrefix)) return std::nullopt;
  const std::string_view digits = key.substr(kPrefix.size());
  // from_chars would accept a '-' and stop quietly at the first non-digit; the first-character
  // test and the end check together admit only the canonical form custom_pattern_key writes.
  if (digits.empty() || digits.front() < '1' || digits.front() > '9') return std::nullopt;
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (error != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
  return id;
}

}  // namespace unknot::storage
