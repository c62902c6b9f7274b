// `unknot history`'s two outputs for a built report. Internal to the cli library.
#pragma once

#include <string>

#include "core/history_report.h"

namespace unknot::cli {

// The report's figures are core's, shared with the Progress screen.
using core::build_history_report;
using core::HistoryInput;
using core::HistoryReport;
using core::HistorySession;
using core::HistoryWeek;
using core::PgicRating;

std::string history_text(const core::HistoryReport& report);
std::string history_json(const core::HistoryReport& report);  // one object, ends with a newline

}  // namespace unknot::cli
