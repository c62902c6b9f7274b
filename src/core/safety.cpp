#include "core/safety.h"

#include <algorithm>

#include "core/pain_stats.h"
#include "core/translate.h"

namespace unknot::core {
namespace {

// Advice from domain.md §2.5: the back and neck red flags [36a][36b][36c] (cauda equina is an
// emergency), new chest pain needs cardiac evaluation first [42a][42c], a swollen, red or warm
// calf may be a clot [34b], and a recent injury or surgery site is a local contraindication.
// The texts are English, marked for the catalogs: shown through tr() (core/translate.h).
constexpr std::array<RedFlagQuestion, kRedFlagQuestions> kQuestions{{
    {"fever", tr_noop("Do you have a fever, or feel generally unwell?"),
     // TRANSLATORS: a safety check item: the question above in a few words, ticked when it
     // applies.
     tr_noop("A fever, or feeling unwell"),
     tr_noop("Rest today. If the fever lasts or you feel worse, see your doctor. Massage can "
             "wait until you are well."),
     CareUrgency::Clinician},
    {"calf", tr_noop("Is a calf swollen, red or warm?"), tr_noop("A swollen, red or warm calf"),
     tr_noop("A swollen, red or warm calf can be a blood clot. Get medical care today, and do no "
             "leg work until a clinician has checked it."),
     CareUrgency::SameDay},
    {"chest", tr_noop("Do you have new chest pain or breathlessness?"),
     tr_noop("New chest pain or breathlessness"),
     tr_noop("New chest pain or breathlessness needs an urgent medical assessment. If it is "
             "severe or comes with sweating or sickness, call your emergency number now."),
     CareUrgency::Urgent},
    {"bladder",
     tr_noop("New trouble with your bladder or bowel, or numbness in the saddle area (between "
             "the legs, inner thighs, buttocks)?"),
     tr_noop("New bladder or bowel trouble, or saddle numbness"),
     tr_noop("This can mean pressure on the nerves at the base of the spine, which is an "
             "emergency. Go to an emergency department now."),
     CareUrgency::Emergency},
    {"weakness", tr_noop("Is weakness or numbness in an arm or leg getting worse?"),
     tr_noop("Weakness or numbness getting worse"),
     tr_noop("See your doctor promptly, within a day or two, before more self-massage."),
     CareUrgency::Clinician},
    {"injury", tr_noop("Have you had an injury or surgery where you would press, recently?"),
     tr_noop("A recent injury or surgery where you would press"),
     tr_noop("Leave that area alone until it has healed or a clinician has checked it."),
     CareUrgency::Clinician},
    {"weight", tr_noop("Unexplained weight loss, or a past cancer and this pain is new?"),
     tr_noop("Weight loss you can't explain, or new pain after cancer"),
     tr_noop("See your doctor before going on: these can have causes that need checking."),
     CareUrgency::Clinician},
}};

}  // namespace

const std::array<RedFlagQuestion, kRedFlagQuestions>& red_flag_questions() { return kQuestions; }

std::string_view red_flag_advice() {
  return tr_noop(
      "Please don't start a session today. What you answered can have causes that need a "
      "clinician's attention, so check with your doctor or therapist before your next "
      "session.");
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
