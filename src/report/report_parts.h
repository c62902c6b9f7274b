// The pieces behind the clinician report (`unknot report`, the app's Share report), built from
// plain values so they can be rendered and tested without a database. Internal to the report
// library.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dose.h"
#include "core/health_profile.h"
#include "core/history_report.h"
#include "core/pain_stats.h"
#include "core/safety.h"
#include "report/report_document.h"

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

// A safety event (core/safety.h) as the report shows it.
struct ReportSafetyEvent {
  core::Day day;  // on the event's own UTC offset
  core::SafetyEventKind kind = core::SafetyEventKind::Blocked;
  // Blocked: the questions answered yes, in a few words each; else the routine's title.
  std::vector<std::string> details;
};

// The soreness-or-bruising answer about one session (core/dose.h), muscles by name.
struct ReportDoseCheck {
  core::Day session_day;                  // the session asked about, on its own offset
  std::vector<core::DoseAnswer> answers;  // muscle: the library's name, else the id made readable
};

// A muscle worked lighter now because of those answers, by name.
struct ReportEase {
  std::string muscle;
  core::PressureEase ease;
};

// The name of muscle `id`: from `names` (report_document.h), else the id made readable.
std::string muscle_name(const MuscleNames& names, std::string_view id);

struct ReportData {
  std::string client_name;               // as entered when sharing; may be empty
  HistoryReport history;                 // the period's figures, as `unknot history` shows them
  std::vector<core::DayValue> days;      // daily mean pain within the period
  std::vector<core::DayValue> rolling;   // the 7-day rolling mean within the period
  std::vector<ReportSession> sessions;   // within the period, oldest first
  std::vector<ReportNote> notes;         // within the period, oldest first
  core::Day generated;                   // the day the report was made
  std::vector<ReportFeedback> feedback;  // within the period, oldest first
  // The health profile as it stands when the report is made; nullopt when never answered.
  std::optional<core::HealthProfile> profile;
  std::vector<ReportSafetyEvent> safety;  // within the period, oldest first
  std::vector<ReportDoseCheck> dose;      // sessions within the period, oldest first
  std::vector<ReportEase> eases;          // in force now, by muscle name
  MuscleNames muscle_names;               // for the minutes per muscle
};

// Text with & < > " ' replaced by entities, safe in HTML content and quoted attributes.
std::string html_escape(std::string_view text);
// A table cell (its contents already HTML) whose column is `label` (plain text): on a phone's
// narrow page each row becomes a card, and the label stands before the value. A row's first
// cell names the card and needs none. `number`: right-aligned tabular figures in a table.
std::string labelled_cell(std::string_view label, std::string_view html, bool number = false);

// "2026-11-23", in the order the language writes a date ("23/11/2026").
std::string report_day(core::Day day);
// "4.5", "-0.5" with the language's decimal separator ("4,5"); cut toward zero (1.96 → "1.9").
std::string report_one_decimal(double value);

// The charts, one <svg> each, drawn on the same time axis (the period's days).
std::string pain_chart_svg(const ReportData& data);
std::string adherence_chart_svg(const ReportData& data);

// The PSFS section (report_psfs.cpp); empty when no activity was rated in the period.
std::string psfs_section(const ReportData& data);

// The safety section (report_safety.cpp): the profile in force, blocked days, stops and
// "Dizzy?", what was reported during holds, and soreness or bruising after sessions.
std::string safety_section(const ReportData& data);

// The whole page.
std::string report_page(const ReportData& data);

}  // namespace unknot::report
