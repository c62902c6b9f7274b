// The report's PSFS section (core/psfs.h): each activity from its first rating to its latest
// with the change against the minimal detectable change, then every rating in the period by
// day, one column per activity. Kept apart from report_page.cpp so each section can change alone.
#include <cstdint>
#include <string>
#include <vector>

#include "core/translate.h"
#include "report/report_parts.h"

namespace unknot::report {
namespace {

// "+5", "-2", "0"
std::string signed_points(int change) { return (change > 0 ? "+" : "") + std::to_string(change); }

std::string change_cell(const core::PsfsTrend& t) {
  // TRANSLATORS: a PSFS activity with a single rating, so no change to show.
  if (t.ratings < 2) return core::tr("rated once");
  const std::string text = signed_points(t.change());
  // TRANSLATORS: {change} is a signed number of points ("+1", "-1"); the MDC is the minimal
  // detectable change.
  if (!t.passes_mdc()) return core::fill(core::tr("{change} (within the MDC)"), {{"change", text}});
  // TRANSLATORS: {change} is a signed number of points ("+3"); the MDC is the minimal detectable
  // change.
  std::string sentence = core::tr("{change} (<strong>more able</strong>, beyond the MDC)");
  if (t.change() <= 0) {
    // TRANSLATORS: {change} is a signed number of points ("-3"); the MDC is the minimal
    // detectable change.
    sentence = core::tr("{change} (<strong>less able</strong>, beyond the MDC)");
  }
  return core::fill(sentence, {{"change", text}});
}

std::string summary_table(const std::vector<core::PsfsTrend>& trends) {
  const std::string first = core::trc("report column", "First");
  const std::string latest = core::trc("report column", "Latest");
  const std::string change = core::trc("report column", "Change");
  std::string html = "<table>\n<thead><tr><th>" +
                     html_escape(core::trc("report column", "Activity")) + "</th><th>" +
                     html_escape(first) + "</th><th>" + html_escape(latest) + "</th><th>" +
                     html_escape(change) + "</th></tr></thead>\n<tbody>\n";
  for (const auto& t : trends) {
    html +=
        "<tr><td>" + html_escape(t.activity) + "</td>" +
        labelled_cell(first, std::to_string(t.first) + " (" + report_day(t.first_day) + ")") +
        labelled_cell(latest, std::to_string(t.latest) + " (" + report_day(t.latest_day) + ")") +
        labelled_cell(change, change_cell(t)) + "</tr>\n";
  }
  return html + "</tbody>\n</table>\n";
}

// One row per day with a rating in the period, one column per activity; "–" where that
// activity was not rated that day (the latest rating of the day when there are several).
std::string history_table(const core::HistoryReport& r) {
  std::string html =
      "<table>\n<thead><tr><th>" + html_escape(core::trc("report column", "Date")) + "</th>";
  for (const auto& t : r.psfs_trends) html += "<th>" + html_escape(t.activity) + "</th>";
  html += "</tr></thead>\n<tbody>\n";
  std::vector<core::Day> days;
  for (const auto& p : r.psfs) {
    if (days.empty() || days.back() != p.day) days.push_back(p.day);
  }
  for (const core::Day day : days) {
    html += "<tr><td>" + report_day(day) + "</td>";
    for (const auto& t : r.psfs_trends) {
      std::string cell = "–";
      for (const auto& p : r.psfs) {
        if (p.day == day && core::same_psfs_activity(p.activity, t.activity)) {
          cell = std::to_string(p.value);
        }
      }
      html += labelled_cell(t.activity, cell, true);
    }
    html += "</tr>\n";
  }
  return html + "</tbody>\n</table>\n";
}

}  // namespace

std::string psfs_section(const ReportData& data) {
  const core::HistoryReport& r = data.history;
  if (r.psfs_trends.empty()) return {};
  // Sources, as cited (not translated).
  constexpr std::string_view kMoseng = "Moseng et al. 2013 (Fysioterapeuten 80(2):20–26)";
  constexpr std::string_view kAbbott = "Abbott &amp; Schmitt 2014 (JOSPT 44(8):560–564)";
  const auto mdc = static_cast<std::uint64_t>(core::kPsfsMdcPoints);
  return "<section>\n<h2>" + core::tr("Function: Patient-Specific Functional Scale (PSFS)") +
         "</h2>\n<p class=\"ref\">" +
         core::tr(
             "Activities the client (or the homework) named, each rated 0 (unable to do it) "
             "to 10 (able to do it as before the problem), asked at the start and every 2 "
             "weeks.") +
         " " +
         // TRANSLATORS: {n} is the PSFS's minimal detectable change in points; {moseng} and
         // {abbott} are the studies' citations, left as they are.
         core::fill(core::trn("A change of {n} point or more is read as beyond measurement error: "
                              "{moseng} found the smallest detectable change and the minimal "
                              "important change both about 2 points; {abbott} report minimal "
                              "important differences of 1.3 to 2.7 points.",
                              "A change of {n} points or more is read as beyond measurement "
                              "error: {moseng} found the smallest detectable change and the "
                              "minimal important change both about 2 points; {abbott} report "
                              "minimal important differences of 1.3 to 2.7 points.",
                              mdc),
                    {{"n", std::to_string(mdc)}, {"moseng", kMoseng}, {"abbott", kAbbott}}) +
         "</p>\n" + summary_table(r.psfs_trends) + "<h3>" + core::tr("PSFS history") + "</h3>\n" +
         history_table(r) + "</section>\n";
}

}  // namespace unknot::report
