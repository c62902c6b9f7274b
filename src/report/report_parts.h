// The pieces behind the clinician report (`unknot report`, the app's Share report), built from plain values so they can be rendered and tested
// without a database. Internal to the report library.
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
  std::string routine;  // the routine id, as stored
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

// A therapist's homework, as far as it falls in the period.
struct ReportHomework {
  std::string title;
  std::string therapist;
  std::string schedule;  // "Mon, Wed, Fri · 1 a day · 30 Nov – 27 Dec 2026 (12 sessions)"
  int prescribed = 0;    // sessions prescribed in the period, up to today
  int completed = 0;     // of its sessions, completed in the period
};

// Something reported during a step.
struct ReportFeedback {
  core::Day day;
  std::string step;  // "Left upper trapezius"
  bool stopped = false;  // false: "too intense" (eased)
};

struct ReportData {
  HistoryReport history;                // the period's figures, as `unknot history` shows them
  std::vector<core::DayValue> days;     // daily mean pain within the period
  std::vector<core::DayValue> rolling;  // the 7-day rolling mean within the period
  std::vector<ReportSession> sessions;  // within the period, oldest first
  std::vector<ReportNote> notes;        // within the period, oldest first
  core::Day generated;                  // the day the report was made
  std::vector<ReportHomework> homework;  // every homework overlapping the period
  std::vector<ReportFeedback> feedback;  // within the period, oldest first
};

// Text with & < > " ' replaced by entities, safe in HTML content and quoted attributes.
std::string html_escape(std::string_view text);

std::string report_day(core::Day day);         // "2026-11-23"
std::string report_one_decimal(double value);  // "4.5", "-0.5"

// The charts, one <svg> each, drawn on the same time axis (the period's days).
std::string pain_chart_svg(const ReportData& data);
std::string adherence_chart_svg(const ReportData& data);

// The PSFS section (report_psfs.cpp); empty when no activity was rated in the period.
std::string psfs_section(const ReportData& data);

// The whole page.
std::string report_page(const ReportData& data);

}  // namespace unknot::report
