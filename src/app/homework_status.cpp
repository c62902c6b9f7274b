// Notes on behaviour the header leaves open:
// - Weeks run Monday to Sunday, as everywhere in Unknot. Adherence is done ÷ prescribed
//   (domain.md §5.1), capped at 100 %.
// - Sessions beyond what was prescribed today still count for the week.
#include "app/homework_status.h"

#include <algorithm>
#include <cmath>

#include "core/local_text.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

std::string day_month(core::Day day) {
  return core::day_month_text(std::chrono::year_month_day{day});
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
    // TRANSLATORS: when the homework starts or ended: {date} is a short date, "30 Nov".
    return s.days_left > 0 ? core::fill(core::tr("Starts {date}"), {{"date", day_month(s.start)}})
                           : core::fill(core::tr("Ended {date}"), {{"date", day_month(s.end)}});
  }
  if (s.prescribed_today == 0) return core::tr("Not today: a rest day");
  if (s.done_today >= s.prescribed_today) return core::tr("Done for today");
  // TRANSLATORS: the homework's sessions done today of those prescribed today.
  const std::string today = core::tr("{done} of {total} today");
  return core::fill(today, {{"done", std::to_string(s.done_today)},
                            {"total", std::to_string(s.prescribed_today)}});
}

std::string homework_week_text(const HomeworkStatus& s) {
  if (s.prescribed_week <= 0) return {};
  const double percent = std::min(100.0, 100.0 * s.done_week / s.prescribed_week);
  // TRANSLATORS: the homework's sessions done this week of those prescribed, and the percent.
  return core::fill(core::tr("This week {done} of {total} · {percent} %"),
                    {{"done", std::to_string(s.done_week)},
                     {"total", std::to_string(s.prescribed_week)},
                     {"percent", std::to_string(static_cast<int>(std::floor(percent)))}});
}

std::string homework_days_left_text(const HomeworkStatus& s) {
  // TRANSLATORS: the homework is over.
  if (s.days_left <= 0) return core::tr("Finished");
  if (s.days_left == 1) return core::tr("Last day today");
  return core::fill(
      core::trn("{n} day left", "{n} days left", static_cast<std::uint64_t>(s.days_left)),
      {{"n", std::to_string(s.days_left)}});
}

}  // namespace unknot::app
