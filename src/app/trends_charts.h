// The Progress screen's two charts as data (trends_view.h's PainChartView and
// SessionsChartView): the pain chart from every rating, the sessions chart from the sessions the
// filters keep, each with its time-axis labels, legend and words. Pure std + core; part of
// trends_view, split out by what it makes.
#pragma once

#include <vector>

#include "app/trends_view.h"
#include "core/history_report.h"

namespace unknot::app {

// Daily ratings (one dot a week, or a group of weeks, over long periods), their 7-day rolling
// mean, the weekly means and the weekly target's line.
PainChartView pain_chart(const AppModel& m, const core::HistoryReport& r, int target);

// The filtered sessions of the period (`samples`): one mark a session, or groups of weeks when
// there are many; the drop in pain across sessions, week by week. `filtering` says a region or
// side filter is on.
SessionsChartView sessions_chart(const core::HistoryReport& r,
                                 const std::vector<core::SessionSample>& samples, bool filtering);

}  // namespace unknot::app
