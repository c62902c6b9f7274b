// Notes on behaviour the header leaves open:
// - Weeks run Monday to Sunday, as everywhere in Unknot. Adherence is done ÷ prescribed
//   (domain.md §5.1), capped at 100 %.
// - Sessions beyond what was prescribed today still count for the week.
#include "app/homework_status.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace unknot::app {
namespace {

std::string day_month(core::Day day) {
  static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::chrono::year_month_day ymd{day};
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " +
         kMonths[static_cast<unsigned>(ymd.month()) - 1];
}

}  // namespace

HomeworkStatus homework_status(const core::Homework& homework, int routine,
                               std::span<const core::Day> completed, core::Day today) {
  const core::HomeworkPrescription& p = homework.prescription;
  HomeworkStatus s;
  s.id = homework.id;
  s.routine = routine;
  s.title = homework.routine.title;
  s.therapist = p.therapist;
  s.note = p.note;
  s.start = p.start;
  s.end = p.end;
  const core::Day week = core::week_start_of(today);
  for (const core::Day day : completed) {
    if (day == today) ++s.done_today;
    if (day >= week && day < week + std::chrono::days{7}) ++s.done_week;
  }
  s.prescribed_today = core::prescribed_on(p, today);
  s.prescribed_week = core::prescribed_in_week(p, week);
  s.active = today >= p.start && today <= p.end;
  s.days_left =
      today > p.end ? 0 : static_cast<int>((p.end - std::max(today, p.start)).count()) + 1;
  return s;
}

std::string homework_today_text(const HomeworkStatus& s) {
  if (!s.active) {
    return s.days_left > 0 ? "Starts " + day_month(s.start) : "Ended " + day_month(s.end);
  }
  if (s.prescribed_today == 0) return "Not today: a rest day";
  if (s.done_today >= s.prescribed_today) return "Done for today";
  return std::to_string(s.done_today) + " of " + std::to_string(s.prescribed_today) + " today";
}

std::string homework_week_text(const HomeworkStatus& s) {
  if (s.prescribed_week <= 0) return {};
  const double percent = std::min(100.0, 100.0 * s.done_week / s.prescribed_week);
  return "This week " + std::to_string(s.done_week) + " of " + std::to_string(s.prescribed_week) +
         " · " + std::to_string(static_cast<int>(std::floor(percent))) + " %";
}

std::string homework_days_left_text(const HomeworkStatus& s) {
  if (s.days_left <= 0) return "Finished";
  if (s.days_left == 1) return "Last day today";
  return std::to_string(s.days_left) + " days left";
}

}  // namespace unknot::app
