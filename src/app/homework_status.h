// Today's homework as Home shows it ("Neck routine — 1 of 2 today", the week's adherence, days
// left), worked out from the prescription, the days sessions were completed and today. Pure.
#pragma once

#include <span>

#include "app/care_model.h"
#include "core/homework.h"

namespace unknot::app {

// `completed` holds the local day of each completed session of this homework (any order).
HomeworkStatus homework_status(const core::Homework& homework, int routine,
                               std::span<const core::Day> completed, core::Day today);

// "1 of 2 today", "Done for today", "Not today" (no session prescribed today), "Starts 30 Nov",
// "Ended 27 Dec".
std::string homework_today_text(const HomeworkStatus& status);
// "This week 3 of 6 · 50 %"; empty when nothing is prescribed this week.
std::string homework_week_text(const HomeworkStatus& status);
// "12 days left", "Last day today".
std::string homework_days_left_text(const HomeworkStatus& status);

}  // namespace unknot::app
