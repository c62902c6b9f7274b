// The store's care settings: health profile, safety screen, weekly target, therapist mode and
// the day the check-in was last offered, each as a typed value over one row of `settings`.
// Part of SessionStore (session_store.h). The text forms are the ones earlier versions wrote.
#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "core/checkin_schedule.h"
#include "core/translate.h"
#include "storage/session_store.h"
#include "storage/store_codec.h"

namespace unknot::storage {
namespace {

using codec::parse_day;
using codec::parse_int;

constexpr std::string_view kProfileKey = "profile";
constexpr std::string_view kScreenKey = "safety_screen";
constexpr std::string_view kWeeklyTargetKey = "weekly_target";
constexpr std::string_view kTherapistModeKey = "therapist_mode";
constexpr std::string_view kCheckinOfferedKey = "checkin_offered_day";
constexpr std::string_view kSafetyBlockKey = "safety_block";
constexpr std::string_view kOnboardedKey = "onboarded_at";
// Minutes after local midnight, or "off".
constexpr std::string_view kCheckinReminderKey = "checkin_reminder_minute";

// The profile is stored as the ids of the flags that are set: "anticoagulants,pregnant".

constexpr std::string_view kPassed = "passed ";
constexpr std::string_view kBlocked = "blocked ";

}  // namespace

core::HealthProfile SessionStore::health_profile() const {
  const std::string flags = "," + setting(kProfileKey).value_or("") + ",";
  core::HealthProfile profile;
  for (const auto& flag : core::profile_flags()) {
    // An unknown id (from a later version) is ignored.
    profile.*flag.field = flags.find("," + std::string(flag.id) + ",") != std::string::npos;
  }
  return profile;
}

void SessionStore::save_health_profile(const core::HealthProfile& profile) {
  std::string flags;
  for (const auto* flag : core::flags_in_force(profile)) {
    if (!flags.empty()) flags += ',';
    flags += flag->id;
  }
  set_setting(kProfileKey, flags);
}

bool SessionStore::profile_answered() const { return setting(kProfileKey).has_value(); }

std::optional<core::UnixSeconds> SessionStore::onboarded_at() const {
  return from_iso8601(setting(kOnboardedKey).value_or(""));
}

void SessionStore::save_onboarded_at(core::UnixSeconds at) {
  try {
    set_setting(kOnboardedKey, to_iso8601(at));
  } catch (const std::out_of_range& e) {
    // TRANSLATORS: a storage error: what was being saved, then what went wrong ({error}, the
    // program's own English words).
    throw StorageError(core::fill(core::tr("saving when the welcome was finished: {error}"),
                                  {{"error", e.what()}}));
  }
}

std::optional<ScreenOutcome> SessionStore::screen_outcome() const {
  const std::string text = setting(kScreenKey).value_or("");
  for (const bool passed : {true, false}) {
    const std::string_view prefix = passed ? kPassed : kBlocked;
    if (text.rfind(prefix, 0) != 0) continue;
    if (const auto at = from_iso8601(text.substr(prefix.size()))) return ScreenOutcome{passed, *at};
  }
  return std::nullopt;
}

void SessionStore::save_screen_outcome(const ScreenOutcome& outcome) {
  std::string at;
  try {
    at = to_iso8601(outcome.at);
  } catch (const std::out_of_range& e) {
    throw StorageError(
        core::fill(core::tr("saving the safety screen: {error}"), {{"error", e.what()}}));
  }
  set_setting(kScreenKey, std::string(outcome.passed ? kPassed : kBlocked) + at);
}

// "<ISO 8601 time> <offset minutes> <id>,<id>": the time and offset fix the local day it holds.
std::optional<core::SafetyBlock> SessionStore::safety_block() const {
  const std::string text = setting(kSafetyBlockKey).value_or("");
  const auto first = text.find(' ');
  const auto second = first == std::string::npos ? first : text.find(' ', first + 1);
  if (second == std::string::npos) return std::nullopt;
  const auto at = from_iso8601(text.substr(0, first));
  const auto offset = parse_int(text.substr(first + 1, second - first - 1));
  if (!at || !offset || *offset < -840 || *offset > 840) return std::nullopt;
  core::SafetyBlock block{*at, *offset, {}};
  const std::string ids = text.substr(second + 1);
  for (std::size_t from = 0; from < ids.size();) {
    const auto comma = std::min(ids.find(',', from), ids.size());
    // An id a later version asks about is kept: it still blocks, with the general advice.
    if (comma > from) block.ids.push_back(ids.substr(from, comma - from));
    from = comma + 1;
  }
  return block;
}

void SessionStore::save_safety_block(const core::SafetyBlock& block) {
  std::string at;
  try {
    at = to_iso8601(block.at);
  } catch (const std::out_of_range& e) {
    throw StorageError(
        core::fill(core::tr("saving the safety check: {error}"), {{"error", e.what()}}));
  }
  std::string ids;
  for (const std::string& id : block.ids) ids += (ids.empty() ? "" : ",") + id;
  set_setting(kSafetyBlockKey, at + ' ' + std::to_string(block.utc_offset_min) + ' ' + ids);
}

std::optional<int> SessionStore::weekly_target() const {
  const auto text = setting(kWeeklyTargetKey);
  return text ? parse_int(*text) : std::nullopt;
}

void SessionStore::save_weekly_target(int target) {
  set_setting(kWeeklyTargetKey, std::to_string(target));
}

bool SessionStore::therapist_mode() const { return setting(kTherapistModeKey) == "on"; }

void SessionStore::save_therapist_mode(bool on) {
  set_setting(kTherapistModeKey, on ? "on" : "off");
}

std::optional<core::Day> SessionStore::checkin_offered_on() const {
  const auto text = setting(kCheckinOfferedKey);
  return text ? parse_day(*text) : std::nullopt;
}

void SessionStore::save_checkin_offered_on(core::Day day) {
  set_setting(kCheckinOfferedKey, codec::day_text(day, core::tr("saving the check-in day")));
}

std::optional<int> SessionStore::checkin_reminder_minute() const {
  const auto text = setting(kCheckinReminderKey);
  if (!text) return std::nullopt;
  const auto minute = parse_int(*text);
  if (!minute || *minute < 0 || *minute >= core::kMinutesPerDay) return std::nullopt;
  return minute;
}

void SessionStore::save_checkin_reminder_minute(std::optional<int> minute) {
  if (minute && (*minute < 0 || *minute >= core::kMinutesPerDay)) {
    throw StorageError(core::fill(
        // TRANSLATORS: a storage error: {minute} counts minutes from midnight.
        core::tr("saving the check-in reminder: {minute} is not a minute of the day (0 to 1439)"),
        {{"minute", std::to_string(*minute)}}));
  }
  set_setting(kCheckinReminderKey, minute ? std::to_string(*minute) : std::string("off"));
}

}  // namespace unknot::storage
