// The report's safety section: what a clinician checks before reading the figures. The profile
// is the one in force when the report is made (the store keeps no history of it); events,
// reports during holds and dose answers are those of the period. Kept apart from
// report_page.cpp so each section can change alone.
#include <string>

#include "report/report_parts.h"

namespace unknot::report {
namespace {

std::string profile_part(const ReportData& data) {
  std::string html = "<h3>Health profile</h3>\n";
  if (!data.profile) return html + "<p>Not answered yet.</p>\n";
  const auto set = core::flags_in_force(*data.profile);
  if (set.empty()) return html + "<p>None of the listed conditions or medicines.</p>\n";
  html += "<ul class=\"notes\">\n";
  for (const auto* flag : set) {
    html += "<li><strong>" + html_escape(flag->summary) +
            "</strong>: " + html_escape(flag->detail) + "</li>\n";
  }
  return html +
         "</ul>\n<p class=\"ref\">As answered in the app when this report was made; the app "
         "changes routines as listed.</p>\n";
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "; ") + html_escape(part);
  return out;
}

std::string event_item(const ReportSafetyEvent& e) {
  std::string html = "<li>" + report_day(e.day) + ": ";
  switch (e.kind) {
    case core::SafetyEventKind::Blocked:
      html += "<strong>safety check answered yes</strong>";
      if (!e.details.empty()) html += " (" + joined(e.details) + ")";
      return html + ": no session that day</li>\n";
    case core::SafetyEventKind::StoppedUnwell:
      html +=
          "<strong>session stopped, feeling unwell</strong> (dizziness, nausea, chest pain or "
          "a change in vision)";
      break;
    case core::SafetyEventKind::DizzySlowed:
      html += "“Dizzy?” during breathing: the pace was slowed";
      break;
  }
  if (!e.details.empty()) html += " — " + joined(e.details);
  return html + "</li>\n";
}

std::string events_part(const ReportData& data) {
  std::string html = "<h3>Safety checks, stops and “Dizzy?”</h3>\n";
  if (data.safety.empty()) {
    return html +
           "<p>None in this period: no day blocked by the safety check, no session stopped "
           "for feeling unwell, no “Dizzy?”.</p>\n";
  }
  html += "<ul class=\"notes\">\n";
  for (const auto& e : data.safety) html += event_item(e);
  return html + "</ul>\n";
}

std::string holds_part(const ReportData& data) {
  std::string html = "<h3>Reported during holds</h3>\n";
  if (data.feedback.empty()) return html + "<p>Nothing reported in this period.</p>\n";
  html += "<ul class=\"notes\">\n";
  for (const auto& f : data.feedback) {
    html += "<li>" + report_day(f.day) + ": " + html_escape(f.step) + " — " +
            (f.stopped
                 ? "<strong>stopped</strong> (sharp, electric, numb or a pulse); worth asking about"
                 : "too intense, eased") +
            "</li>\n";
  }
  return html + "</ul>\n";
}

std::string dose_item(const ReportDoseCheck& check) {
  std::string marked;
  for (const auto& a : check.answers) {
    if (a.reaction == core::DoseReaction::Fine) continue;
    if (!marked.empty()) marked += ", ";
    marked += html_escape(a.muscle) +
              (a.reaction == core::DoseReaction::Bruised ? " <strong>bruised</strong>" : " sore");
  }
  return "<li>After the session of " + report_day(check.session_day) + ": " +
         (marked.empty() ? std::string("no soreness or bruising") : marked) + "</li>\n";
}

std::string dose_part(const ReportData& data) {
  std::string html = "<h3>Soreness or bruising afterwards</h3>\n";
  if (data.dose.empty()) {
    html += "<p>Not asked in this period (asked before the next session on a later day).</p>\n";
  } else {
    html += "<ul class=\"notes\">\n";
    for (const auto& check : data.dose) html += dose_item(check);
    html += "</ul>\n";
  }
  if (!data.eases.empty()) {
    html += "<p>Pressure the app lowers now:</p>\n<ul class=\"notes\">\n";
    for (const auto& e : data.eases) {
      const int less = e.ease.less;
      html += "<li>" + html_escape(e.muscle) + ": " + std::to_string(less) +
              (less == 1 ? " point" : " points") + " below the routine's target (after " +
              (e.ease.because == core::DoseReaction::Bruised ? "bruising" : "soreness") +
              ")</li>\n";
    }
    html += "</ul>\n";
  }
  return html + "<p class=\"ref\">Soreness lowers a muscle's next target by " +
         std::to_string(core::kSoreEase) + " point and bruising by " +
         std::to_string(core::kBruisedEase) +
         "; a session without either gives 1 point back.</p>\n";
}

}  // namespace

std::string safety_section(const ReportData& data) {
  return "<section class=\"safety\">\n<h2>Safety</h2>\n" + profile_part(data) + events_part(data) +
         holds_part(data) + dose_part(data) + "</section>\n";
}

}  // namespace unknot::report
