#include "core/safety.h"

#include <algorithm>

#include "core/pain_stats.h"

namespace unknot::core {
namespace {

// Advice from domain.md §2.5: the back and neck red flags [36a][36b][36c] (cauda equina is an
// emergency), new chest pain needs cardiac evaluation first [42a][42c], a swollen, red or warm
// calf may be a clot [34b], and a recent injury or surgery site is a local contraindication.
constexpr std::array<RedFlagQuestion, kRedFlagQuestions> kQuestions{{
    {"fever", "Do you have a fever, or feel generally unwell?", "A fever, or feeling unwell",
     "Rest today. If the fever lasts or you feel worse, see your doctor. Massage can wait until "
     "you are well.",
     CareUrgency::Clinician},
    {"calf", "Is a calf swollen, red or warm?", "A swollen, red or warm calf",
     "A swollen, red or warm calf can be a blood clot. Get medical care today, and do no leg "
     "work until a clinician has checked it.",
     CareUrgency::SameDay},
    {"chest", "Do you have new chest pain or breathlessness?", "New chest pain or breathlessness",
     "New chest pain or breathlessness needs an urgent medical assessment. If it is severe or "
     "comes with sweating or sickness, call your emergency number now.",
     CareUrgency::Urgent},
    {"bladder",
     "New trouble with your bladder or bowel, or numbness in the saddle area (between the legs, "
     "inner thighs, buttocks)?",
     "New bladder or bowel trouble, or saddle numbness",
     "This can mean pressure on the nerves at the base of the spine, which is an emergency. Go "
     "to an emergency department now.",
     CareUrgency::Emergency},
    {"weakness", "Is weakness or numbness in an arm or leg getting worse?",
     "Weakness or numbness getting worse",
     "See your doctor promptly, within a day or two, before more self-massage.",
     CareUrgency::Clinician},
    {"injury", "Have you had an injury or surgery where you would press, recently?",
     "A recent injury or surgery where you would press",
     "Leave that area alone until it has healed or a clinician has checked it.",
     CareUrgency::Clinician},
    {"weight", "Unexplained weight loss, or a past cancer and this pain is new?",
     "Weight loss you can't explain, or new pain after cancer",
     "See your doctor before going on: these can have causes that need checking.",
     CareUrgency::Clinician},
}};

}  // namespace

const std::array<RedFlagQuestion, kRedFlagQuestions>& red_flag_questions() { return kQuestions; }

std::string_view red_flag_advice() {
  return "Please don't start a session today. What you answered can have causes that need a "
         "clinician's attention, so check with your doctor or therapist before your next "
         "session.";
}

const RedFlagQuestion* find_red_flag(std::string_view id) {
  for (const auto& q : kQuestions) {
    if (q.id == id) return &q;
  }
  return nullptr;
}

bool screen_due(std::optional<UnixSeconds> last_passed, UnixSeconds now) {
  if (!last_passed) return true;
  return now < *last_passed || now - *last_passed >= kScreenInterval;
}

bool blocks_now(const SafetyBlock& block, UnixSeconds now, int utc_offset_min) {
  return local_day(block.at, std::chrono::minutes{block.utc_offset_min}) ==
         local_day(now, std::chrono::minutes{utc_offset_min});
}

ScreenKind screen_kind(std::optional<UnixSeconds> last_full_pass,
                       const std::optional<SafetyBlock>& last_block, UnixSeconds now) {
  if (screen_due(last_full_pass, now)) return ScreenKind::Full;
  // A "yes" since the last full pass: the whole check again before the next session.
  if (last_block && last_block->at >= *last_full_pass) return ScreenKind::Full;
  return ScreenKind::Brief;
}

}  // namespace unknot::core
