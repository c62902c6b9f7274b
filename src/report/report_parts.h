// The pieces behind the clinician report (`unknot report`, the app's Share report), built from
// plain values so they can be rendered and tested without a database. Internal to the report
// library.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/history_report.h"
#include "core/pain_stats.h"

namespace unknot::report {

using core::HistoryReport;

// One row of the sessions table.
struct ReportSession {
  core::Day day;
  std::string routine;  // the routine's title (report_document.h: routine_title), else its id
  std::optional<int> before, after;
  std::string region;  // what the ratings are about, in the person's words; may be empty
  double minutes = 0;  // active time done
  std::string status;  // "completed", "abandoned", ...
};

// A note in the person's own words, from a session or a check-in.
struct ReportNote {
  core::Day day;
  std::string text;
};

// Something reported during a step.
struct ReportFeedback {
  core::Day day;         // on its session's own UTC offset
  std::string step;      // "Left upper trapezius"
  bool stopped = false;  // false: "too intense" (eased)
};

struct ReportData {
  std::string client_name;               // as entered when sharing; may be empty
  HistoryReport history;                 // the period's figures, as `unknot history` shows them
  std::vector<core::DayValue> days;      // daily mean pain within the period
  std::vector<core::DayValue> rolling;   // the 7-day rolling mean within the period
  std::vector<ReportSession> sessions;   // within the period, oldest first
  std::vector<ReportNote> notes;         // within the period, oldest first
  core::Day generated;                   // the day the report was made
  std::vector<ReportFeedback> feedback;  // within the period, oldest first
  // Safety events (blocked screens, stops and eases, "Dizzy?") are not gathered yet: the page
  // keeps a place for them (report_page.cpp, safety_section) for when they are stored.
};

// Text with & < > " ' replaced by entities, safe in HTML content and quoted attributes.
std::string html_escape(std::string_view text);

std::string report_day(core::Day day);         // "2026-11-23"
std::string report_one_decimal(double value);  // "4.5", "-0.5"; cut toward zero (1.96 → "1.9")

// The charts, one <svg> each, drawn on the same time axis (the period's days).
std::string pain_chart_svg(const ReportData& data);
std::string adherence_chart_svg(const ReportData& data);

// The PSFS section (report_psfs.cpp); empty when no activity was rated in the period.
std::string psfs_section(const ReportData& data);

// The whole page.
std::string report_page(const ReportData& data);

}  // namespace unknot::report
