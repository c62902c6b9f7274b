// Notes on behaviour the header leaves open:
// - The ease is counted from the routine's target after the health profile's caps, so a
//   bruise on a profile-capped 3/10 step still lowers it (to 1/10 at most).
// - "Fine" is only heard about a muscle the person pressed, so it gives back one point per
//   session that went well; a muscle never asked about keeps its ease.
#include "core/dose.h"

#include <algorithm>
#include <map>

#include "core/translate.h"

namespace unknot::core {

std::string_view dose_reaction_id(DoseReaction r) {
  switch (r) {
    case DoseReaction::Fine:
      return "fine";
    case DoseReaction::Sore:
      return "sore";
    case DoseReaction::Bruised:
      return "bruised";
  }
  return "fine";
}

std::optional<DoseReaction> parse_dose_reaction(std::string_view id) {
  for (DoseReaction r : {DoseReaction::Fine, DoseReaction::Sore, DoseReaction::Bruised}) {
    if (dose_reaction_id(r) == id) return r;
  }
  return std::nullopt;
}

std::vector<PressureEase> pressure_eases(std::span<const DoseCheck> checks) {
  std::vector<const DoseCheck*> order;
  for (const DoseCheck& c : checks) order.push_back(&c);
  std::stable_sort(order.begin(), order.end(), [](const DoseCheck* a, const DoseCheck* b) {
    return a->answered_at < b->answered_at;
  });
  // The largest ease that still matters: a 7/10 target (the highest allowed) down to 1/10.
  constexpr int kMostLess = 6;
  std::map<std::string, PressureEase, std::less<>> by_muscle;
  for (const DoseCheck* c : order) {
    for (const DoseAnswer& a : c->answers) {
      if (a.muscle.empty()) continue;
      PressureEase& e = by_muscle[a.muscle];
      e.muscle = a.muscle;
      switch (a.reaction) {
        case DoseReaction::Fine:
          e.less = std::max(0, e.less - 1);
          break;
        case DoseReaction::Sore:
          e.less = std::min(kMostLess, e.less + kSoreEase);
          e.because = DoseReaction::Sore;
          break;
        case DoseReaction::Bruised:
          e.less = std::min(kMostLess, e.less + kBruisedEase);
          e.because = DoseReaction::Bruised;
          break;
      }
    }
  }
  std::vector<PressureEase> out;
  for (auto& [muscle, ease] : by_muscle) {
    if (ease.less > 0) out.push_back(std::move(ease));
  }
  return out;
}

const PressureEase* find_ease(std::span<const PressureEase> eases, std::string_view muscle) {
  for (const PressureEase& e : eases) {
    if (e.muscle == muscle) return &e;
  }
  return nullptr;
}

int eased_target(int target, const PressureEase& ease) {
  return std::min(target, std::max(kLowestTarget, target - ease.less));
}

std::string ease_reason(const PressureEase& ease, int was, int now) {
  const std::string now_text = std::to_string(now);
  const std::string was_text = std::to_string(was);
  return fill(ease.because == DoseReaction::Bruised
                  // TRANSLATORS: why a step's pressure is lighter than the routine asks: {now} and
                  // {was} are targets out of 10.
                  ? tr("Lighter pressure ({now}/10, was {was}/10): it bruised after a session "
                       "here, a sign the pressure was far too deep")
                  : tr("Lighter pressure ({now}/10, was {was}/10): it was still sore after a "
                       "session here, a sign the pressure was too deep"),
              {{"now", now_text}, {"was", was_text}});
}

bool dose_question_due(const DoseDue& due, UnixSeconds now, std::chrono::seconds utc_offset) {
  if (due.session_id <= 0 || due.muscles.empty()) return false;
  const Day ended = local_day(due.ended_at, std::chrono::minutes{due.utc_offset_min});
  return ended < local_day(now, utc_offset);
}

}  // namespace unknot::core
