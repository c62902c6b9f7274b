// Safety as data and rules (domain.md §2.5, §6.1, §6.2): the red-flag questions asked before
// the first session and every four weeks; the health profile that removes or softens steps of a
// routine is in core/health_profile.h. Pure.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/health_profile.h"
#include "core/muscle_library.h"
#include "core/routine.h"
#include "core/time.h"

namespace unknot::core {

// How soon care is needed after a "yes" (domain.md §2.5): the advice names it.
enum class CareUrgency { Emergency, Urgent, SameDay, Clinician };

// The texts are English (marked with tr_noop): show each through core::tr (core/translate.h).
struct RedFlagQuestion {
  std::string_view id;      // stable key, e.g. "fever"
  std::string_view text;    // the question, answered yes or no
  std::string_view brief;   // the same in a few words, for the one-tap check before a session
  std::string_view advice;  // what to do when the answer is yes
  CareUrgency urgency = CareUrgency::Clinician;
};

inline constexpr std::size_t kRedFlagQuestions = 7;
// The pre-session screen of domain.md §6.1, in the order asked.
const std::array<RedFlagQuestion, kRedFlagQuestions>& red_flag_questions();
// The question with this id; nullptr if none.
const RedFlagQuestion* find_red_flag(std::string_view id);
// The advice shown whatever was answered yes: no session today, see a clinician. English, as
// the questions' texts: show it through core::tr.
std::string_view red_flag_advice();

inline constexpr std::chrono::days kScreenInterval{28};
// Whether the full screen is due: never passed, or passed kScreenInterval or longer ago (or the
// clock went back before it).
bool screen_due(std::optional<UnixSeconds> last_passed, UnixSeconds now);

// A "yes" on the screen: sessions stay blocked for the rest of that local day (domain.md §6.1).
struct SafetyBlock {
  UnixSeconds at{};
  int utc_offset_min = 0;        // the person's offset from UTC when they answered
  std::vector<std::string> ids;  // the questions answered yes, in question order
  friend bool operator==(const SafetyBlock&, const SafetyBlock&) = default;
};
// True while `block` holds: `now` falls on the local day it was given (each time read at its
// own offset, so a block given at 23:50 ends at midnight, not a day later).
bool blocks_now(const SafetyBlock& block, UnixSeconds now, int utc_offset_min);

// Which check comes before a session (domain.md §6.1): the full seven questions at first use,
// every kScreenInterval and after a day that was blocked; otherwise the one-tap "Since last time,
// any of these?".
enum class ScreenKind { Full, Brief };
ScreenKind screen_kind(std::optional<UnixSeconds> last_full_pass,
                       const std::optional<SafetyBlock>& last_block, UnixSeconds now);

// What a clinician should see in the report, kept as it happens.
enum class SafetyEventKind {
  Blocked,        // the safety check had a yes: no sessions that day
  StoppedUnwell,  // a session stopped for dizziness, nausea, chest pain or a vision change
  DizzySlowed,    // "Dizzy or tingling?" answered by slowing the breathing down
};

}  // namespace unknot::core
