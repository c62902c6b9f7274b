// The report's safety section: what a clinician checks before reading the figures. The profile
// is the one in force when the report is made (the store keeps no history of it); events,
// reports during holds and dose answers are those of the period. Kept apart from
// report_page.cpp so each section can change alone.
#include <algorithm>
#include <cstdint>
#include <string>

#include "core/translate.h"
#include "report/report_parts.h"

namespace unknot::report {
namespace {

// "<p>text</p>\n", `text` already HTML.
std::string paragraph(const std::string& text) { return "<p>" + text + "</p>\n"; }

std::string profile_part(const ReportData& data) {
  std::string html = "<h3>" + core::tr("Health profile") + "</h3>\n";
  // TRANSLATORS: the health profile's questions were never answered.
  if (!data.profile) return html + paragraph(core::tr("Not answered yet."));
  const auto set = core::flags_in_force(*data.profile);
  if (set.empty()) return html + paragraph(core::tr("None of the listed conditions or medicines."));
  html += "<ul class=\"notes\">\n";
  for (const auto* flag : set) {
    // The profile's words are core's table (core/health_profile.h), translated here.
    html += "<li><strong>" + html_escape(core::tr(flag->summary)) +
            "</strong>: " + html_escape(core::tr(flag->detail)) + "</li>\n";
  }
  return html + "</ul>\n<p class=\"ref\">" +
         core::tr(
             "As answered in the app when this report was made; the app changes routines as "
             "listed.") +
         "</p>\n";
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "; ") + html_escape(part);
  return out;
}

// What happened, as one text: `details` (HTML) are the questions answered yes, or the routine.
std::string event_text(core::SafetyEventKind kind, const std::string& details) {
  const bool with = !details.empty();
  switch (kind) {
    case core::SafetyEventKind::Blocked:
      // TRANSLATORS: a day the safety questions before a session were answered yes; {details}
      // lists the questions in a few words each.
      return with ? core::fill(core::tr("<strong>safety check answered yes</strong> ({details}): "
                                        "no session that day"),
                               {{"details", details}})
                  : core::tr("<strong>safety check answered yes</strong>: no session that day");
    case core::SafetyEventKind::StoppedUnwell:
      // TRANSLATORS: {routine} is the title of the routine that was stopped.
      return with ? core::fill(core::tr("<strong>session stopped, feeling unwell</strong> "
                                        "(dizziness, nausea, chest pain or a change in vision) "
                                        "— {routine}"),
                               {{"routine", details}})
                  : core::tr(
                        "<strong>session stopped, feeling unwell</strong> (dizziness, "
                        "nausea, chest pain or a change in vision)");
    case core::SafetyEventKind::DizzySlowed:
      // TRANSLATORS: “Dizzy?” is the button the person pressed during a breathing exercise;
      // {routine} the routine's title.
      return with ? core::fill(core::tr("“Dizzy?” during breathing: the pace was slowed — "
                                        "{routine}"),
                               {{"routine", details}})
                  : core::tr("“Dizzy?” during breathing: the pace was slowed");
  }
  return details;
}

std::string event_item(const ReportSafetyEvent& e) {
  return "<li>" + report_day(e.day) + ": " + event_text(e.kind, joined(e.details)) + "</li>\n";
}

std::string events_part(const ReportData& data) {
  std::string html = "<h3>" + core::tr("Safety checks, stops and “Dizzy?”") + "</h3>\n";
  if (data.safety.empty()) {
    return html + paragraph(core::tr("None in this period: no day blocked by the safety check, "
                                     "no session stopped for feeling unwell, no “Dizzy?”."));
  }
  html += "<ul class=\"notes\">\n";
  for (const auto& e : data.safety) html += event_item(e);
  return html + "</ul>\n";
}

std::string holds_part(const ReportData& data) {
  std::string html = "<h3>" + core::tr("Reported during holds") + "</h3>\n";
  if (data.feedback.empty()) return html + paragraph(core::tr("Nothing reported in this period."));
  html += "<ul class=\"notes\">\n";
  for (const auto& f : data.feedback) {
    const std::string step = html_escape(f.step);
    html += "<li>" + report_day(f.day) + ": " +
            (f.stopped
                 // TRANSLATORS: {step} is a muscle and its side ("Left upper trapezius"): the
                 // person stopped the hold for a warning sign.
                 ? core::fill(core::tr("{step} — <strong>stopped</strong> (sharp, electric, numb "
                                       "or a pulse); worth asking about"),
                              {{"step", step}})
                 // TRANSLATORS: {step} is a muscle and its side ("Left upper trapezius"): the
                 // pressure was too intense and the app eased it.
                 : core::fill(core::tr("{step} — too intense, eased"), {{"step", step}})) +
            "</li>\n";
  }
  return html + "</ul>\n";
}

std::string dose_item(const ReportDoseCheck& check) {
  std::string marked;
  for (const auto& a : check.answers) {
    if (a.reaction == core::DoseReaction::Fine) continue;
    if (!marked.empty()) marked += ", ";
    const std::string muscle = html_escape(a.muscle);
    marked += a.reaction == core::DoseReaction::Bruised
                  // TRANSLATORS: {muscle} is a muscle's name, bruised after a session.
                  ? core::fill(core::tr("{muscle} <strong>bruised</strong>"), {{"muscle", muscle}})
                  // TRANSLATORS: {muscle} is a muscle's name, sore after a session.
                  : core::fill(core::tr("{muscle} sore"), {{"muscle", muscle}});
  }
  const std::string day = report_day(check.session_day);
  return "<li>" +
         (marked.empty()
              // TRANSLATORS: {date} is the day of the session asked about.
              ? core::fill(core::tr("After the session of {date}: no soreness or bruising"),
                           {{"date", day}})
              // TRANSLATORS: {date} is the day of the session asked about, {muscles} a list of
              // muscles each with "sore" or "bruised".
              : core::fill(core::tr("After the session of {date}: {muscles}"),
                           {{"date", day}, {"muscles", marked}})) +
         "</li>\n";
}

std::string dose_part(const ReportData& data) {
  std::string html = "<h3>" + core::tr("Soreness or bruising afterwards") + "</h3>\n";
  if (data.dose.empty()) {
    html += paragraph(
        core::tr("Not asked in this period (asked before the next session on a later day)."));
  } else {
    html += "<ul class=\"notes\">\n";
    for (const auto& check : data.dose) html += dose_item(check);
    html += "</ul>\n";
  }
  if (!data.eases.empty()) {
    html += paragraph(core::tr("Pressure the app lowers now:")) + "<ul class=\"notes\">\n";
    for (const auto& e : data.eases) {
      const int less = e.ease.less;
      const auto n = static_cast<std::uint64_t>(std::max(0, less));
      const std::string text =
          e.ease.because == core::DoseReaction::Bruised
              // TRANSLATORS: {muscle} is a muscle's name, {n} the points of pressure (0-10 scale)
              // the app takes off its target after bruising.
              ? core::trn("{muscle}: {n} point below the routine's target (after bruising)",
                          "{muscle}: {n} points below the routine's target (after bruising)", n)
              // TRANSLATORS: {muscle} is a muscle's name, {n} the points of pressure (0-10 scale)
              // the app takes off its target after soreness.
              : core::trn("{muscle}: {n} point below the routine's target (after soreness)",
                          "{muscle}: {n} points below the routine's target (after soreness)", n);
      html += "<li>" +
              core::fill(text, {{"muscle", html_escape(e.muscle)}, {"n", std::to_string(less)}}) +
              "</li>\n";
    }
    html += "</ul>\n";
  }
  const std::string rule = core::trn(
      // TRANSLATORS: {sore} and {bruised} are points of pressure on a 0-10 scale.
      "Soreness lowers a muscle's next target by {sore} point and bruising by {bruised}; a "
      "session without either gives 1 point back.",
      "Soreness lowers a muscle's next target by {sore} points and bruising by {bruised}; a "
      "session without either gives 1 point back.",
      static_cast<std::uint64_t>(core::kSoreEase));
  return html + "<p class=\"ref\">" +
         core::fill(rule, {{"sore", std::to_string(core::kSoreEase)},
                           {"bruised", std::to_string(core::kBruisedEase)}}) +
         "</p>\n";
}

}  // namespace

std::string safety_section(const ReportData& data) {
  return "<section class=\"safety\">\n<h2>" + core::tr("Safety") + "</h2>\n" + profile_part(data) +
         events_part(data) + holds_part(data) + dose_part(data) + "</section>\n";
}

}  // namespace unknot::report
