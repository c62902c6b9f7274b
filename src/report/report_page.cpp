// Notes on behaviour the header leaves open:
// - Figures read as in `unknot history`: every figure cut toward zero, one decimal for means
//   and points (1.96 reads 1.9 beside "under 2 points"), percentages whole, so 29.6 % reads
//   "29%" beside its "minimal improvement" band.
// - Adherence is core's (history_report.h): the homework's prescribed days, else the person's
//   weekly target from their first session; the headline and the homework table agree.
// - The page holds no script, no link and no reference to another file; fonts are the system's.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <string>

#include "report/report_parts.h"

namespace unknot::report {
namespace {

using namespace std::chrono;

constexpr std::string_view kNoData = "not enough data yet";

constexpr std::string_view kStyle = R"(
:root { --teal: #3FB8AF; --sand: #E0B07A; --ink: #1E2A30; --soft: #5B6B73; }
* { box-sizing: border-box; }
body { margin: 24px auto; max-width: 760px; padding: 0 16px; color: var(--ink); background: #fff;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; }
h1 { font-size: 20px; margin: 0; } h2 { font-size: 15px; margin: 18px 0 4px; }
h3 { font-size: 13px; margin: 10px 0 4px; }
.period, .ref, .legend, footer, .tick, .count { color: var(--soft); }
.period { margin: 2px 0 10px; } .client { margin: 4px 0 0; font-size: 15px; }
.flag { border: 2px solid var(--sand); border-radius: 6px; padding: 8px 12px; margin: 10px 0; }
.flag p { margin: 2px 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; }
dt { font-weight: 600; } dd { margin: 0; }
.ref, .legend { font-size: 12px; margin: 4px 0; }
.key { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 10px; }
svg.chart { display: block; width: 100%; height: auto; font-size: 10px; }
svg .empty { font-size: 13px; fill: var(--soft); } svg .tick, svg .count { fill: var(--soft); }
table { border-collapse: collapse; width: 100%; font-size: 12px; }
th, td { text-align: left; padding: 2px 6px; border-bottom: 1px solid #E3E8EA; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
ul.notes { margin: 0; padding-left: 18px; font-size: 12px; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 0 20px; }
.pair > section { min-width: 0; }
footer { margin-top: 18px; padding-top: 6px; border-top: 1px solid #E3E8EA; font-size: 11px; }
@media screen and (max-width: 600px) {
  .pair { grid-template-columns: 1fr; }
  /* A phone: each row a card that reads down, its first cell the card's name and every other
     value after its column's name (data-label), instead of a table scrolling sideways. */
  table, tbody, tr, td { display: block; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  tr { border: 1px solid #E3E8EA; border-radius: 8px; padding: 6px 12px; margin: 0 0 8px; }
  td, td.n { border: 0; padding: 1px 0; text-align: left; }
  td:first-child { font-weight: 600; }
  td[data-label] { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 12px; }
  td[data-label]::before { content: attr(data-label); color: var(--soft); }
}
@media print {
  @page { margin: 12mm; }
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  h1 { font-size: 14pt; } h2 { font-size: 11pt; margin-top: 10px; }
  table, ul.notes { font-size: 7.5pt; } th, td { padding: 0 3px; line-height: 1.25; }
  .ref, .legend { font-size: 7.5pt; margin: 2px 0; } footer { margin-top: 8px; }
  section.chart-block { break-inside: avoid; } tr { break-inside: avoid; }
  thead { display: table-header-group; }
}
)";

std::string two_digits(unsigned value) {
  return std::string{static_cast<char>('0' + value / 10 % 10), static_cast<char>('0' + value % 10)};
}

std::string_view pgic_label(int value) {
  static constexpr std::string_view kLabels[] = {
      "very much improved", "much improved", "minimally improved", "no change",
      "minimally worse",    "much worse",    "very much worse"};
  return value >= 1 && value <= 7 ? kLabels[value - 1] : "";
}

std::string figure(std::string_view term, const std::string& value) {
  return "<dt>" + std::string(term) + "</dt><dd>" + value + "</dd>\n";
}

std::string change_text(const core::Change& c) {
  const std::string size = report_one_decimal(std::abs(c.raw_points));
  std::string text = size == "0.0"      ? "0.0 points"
                     : c.raw_points > 0 ? size + " points less pain"
                                        : size + " points more pain";
  if (!c.percent || !c.band) return text + " (baseline below 3: percent not shown)";
  const auto cut = core::whole_toward_zero(std::abs(*c.percent));
  text += " (" + std::to_string(cut) + "% " + (*c.percent < 0 ? "higher" : "lower") +
          "): " + "<strong class=\"label\">" + std::string(core::band_label(*c.band)) + "</strong>";
  return text;
}

std::string adherence_text(const HistoryReport& r) {
  const core::Adherence& a = r.adherence;
  const std::string figure = core::adherence_figure(a.completed, a.prescribed);
  if (figure.empty()) {
    if (a.from_homework) return std::string(kNoData) + " (nothing prescribed yet)";
    if (r.target <= 0) return "no weekly target set";
    return std::string(kNoData) + " (no sessions in this period)";
  }
  return figure + (a.from_homework ? " prescribed homework sessions completed since " +
                                         report_day(*a.counted_from) + " (see Homework)"
                                   : " sessions completed of a target of " +
                                         std::to_string(r.target) + " a week since " +
                                         report_day(*a.counted_from) + " (part weeks prorated)");
}

std::string figures(const ReportData& data) {
  const HistoryReport& r = data.history;
  std::string html = "<dl>\n";
  const auto& base = r.baseline;
  const std::string window = r.baseline_before_assignment
                                 ? "7 days before the homework of " + report_day(*r.assigned_on)
                                 : "first 7 days";
  if (base && base->days_with_data >= core::kMinDaysForWeeklyMean) {
    html += figure("Baseline", report_one_decimal(base->mean) + " / 10 (" + window + ", from " +
                                   report_day(base->first_day) + ", " +
                                   std::to_string(base->days_with_data) + " days rated)");
  } else {
    html +=
        figure("Baseline", std::string(kNoData) + " (4 rated days needed in the " + window + ")");
  }
  html += figure("Current weekly mean",
                 r.current ? report_one_decimal(*r.current->mean) + " / 10 (week of " +
                                 report_day(r.current->start) + ")"
                           : std::string(kNoData) + " (no week with 4 rated days)");
  std::string change = r.change ? change_text(*r.change) : std::string(kNoData);
  if (r.current_overlaps_baseline) change += " (the latest week overlaps the baseline)";
  html += figure("Change", change);
  html += figure("Adherence", adherence_text(r));
  if (r.latest_pgic) {
    html += figure("Latest PGIC", std::to_string(r.latest_pgic->value) + ", " +
                                      std::string(pgic_label(r.latest_pgic->value)) + " (" +
                                      report_day(r.latest_pgic->day) + ")");
  }
  html +=
      "</dl>\n<p class=\"ref\">Pain is rated 0 (no pain) to 10. For a change in weekly mean "
      "pain, 2 points is the reference for a clear change and 1 point a minimal one; the "
      "label follows the IMMPACT percentage bands and is left out when the baseline is "
      "below 3. Weekly means need at least 4 rated days. Figures are cut toward zero, never "
      "rounded up past a threshold. A session counts as completed at 80% of its planned "
      "time.</p>\n";
  return html;
}

std::string escalation_section(const HistoryReport& r) {
  if (!r.escalation) return {};
  return "<section class=\"flag\">\n<p><strong>Check with your clinician.</strong> " +
         html_escape(core::escalation_text(*r.escalation)) + "</p>\n<p class=\"ref\">" +
         html_escape(core::escalation_rule(*r.escalation)) + "</p>\n</section>\n";
}

std::string percent_cell(const std::optional<double>& percent) {
  return percent ? std::to_string(core::whole_toward_zero(*percent)) + "%" : "–";
}

std::string weekly_table(const HistoryReport& r) {
  std::string html =
      "<section>\n<h2>Week by week</h2>\n<table class=\"weeks\">\n<thead><tr><th>Week of</th>"
      "<th>Days rated</th><th>Mean</th><th>Worst</th><th>Completed</th><th>Prescribed</th>"
      "<th>Adherence</th><th>Drop in session (n)</th></tr></thead>\n<tbody>\n";
  for (const auto& w : r.week_rows) {
    const auto cell = [](std::string_view label, const std::string& text) {
      return labelled_cell(label, text, true);
    };
    html += "<tr><td>" + report_day(w.start) + "</td>" +
            cell("Days rated", std::to_string(w.days_rated)) +
            cell("Mean", w.mean ? report_one_decimal(*w.mean) : "–") +
            cell("Worst", w.worst ? std::to_string(*w.worst) : "–") +
            cell("Completed", std::to_string(w.sessions_completed)) +
            cell("Prescribed", w.prescribed > 0 ? std::to_string(w.prescribed) : "–") +
            cell("Adherence", percent_cell(w.adherence_percent)) +
            cell("Drop in session (n)", w.mean_drop ? report_one_decimal(*w.mean_drop) + " (" +
                                                          std::to_string(w.rated_sessions) + ")"
                                                    : "–") +
            "</tr>\n";
  }
  return html +
         "</tbody>\n</table>\n<p class=\"ref\">Mean and worst: daily ratings (a mean needs 4 "
         "rated days). Completed: every routine. Prescribed and adherence: the homework's days, "
         "else the weekly target, from the start to today. Drop: mean of before minus after a "
         "session, positive is relief (sessions rated).</p>\n</section>\n";
}

std::string homework_section(const HistoryReport& r) {
  if (r.homework.empty()) return {};
  std::string html =
      "<section>\n<h2>Homework</h2>\n<table>\n<thead><tr><th>Routine</th><th>Set by</th>"
      "<th>Schedule</th><th>Completed in this period</th></tr></thead>\n<tbody>\n";
  for (const auto& h : r.homework) {
    std::string done =
        std::to_string(h.completed) + " of " + std::to_string(h.prescribed) + " prescribed";
    if (h.percent) done += " (" + std::to_string(core::whole_toward_zero(*h.percent)) + "%)";
    const std::string& therapist = h.plan.therapist;
    html += "<tr><td>" + html_escape(h.plan.title) + "</td>" +
            labelled_cell("Set by", html_escape(therapist.empty() ? "–" : therapist)) +
            labelled_cell("Schedule", html_escape(core::schedule_text(h.plan.prescription))) +
            labelled_cell("Completed in this period", done) + "</tr>\n";
  }
  return html + "</tbody>\n</table>\n</section>\n";
}

std::string pgic_section(const HistoryReport& r) {
  std::string html = "<section>\n<h2>Global impression of change (PGIC)</h2>\n";
  if (r.pgic.empty()) return html + "<p>No PGIC answers in this period.</p>\n</section>\n";
  html += "<ul class=\"notes\">\n";
  for (const auto& p : r.pgic) {
    html += "<li>" + report_day(p.day) + ": " + std::to_string(p.value) + ", " +
            std::string(pgic_label(p.value)) + "</li>\n";
  }
  return html +
         "</ul>\n<p class=\"ref\">1 very much improved … 4 no change … 7 very much "
         "worse.</p>\n</section>\n";
}

std::string minutes_cell(core::Duration d) {
  return d > core::Duration::zero() ? report_one_decimal(static_cast<double>(d.count()) / 60e6)
                                    : "–";
}

std::string dose_section(const HistoryReport& r, const MuscleNames& names) {
  std::string html = "<section>\n<h2>Pressure per muscle (minutes)</h2>\n";
  if (r.muscles.empty()) return html + "<p>No pressure logged in this period.</p>\n</section>\n";
  struct Row {
    core::Duration left{}, right{}, unsided{};
  };
  std::map<std::string, Row> rows;  // by muscle id, sorted
  for (const auto& dose : r.muscles) {
    Row& row = rows[dose.muscle];
    (dose.side == core::Side::Left    ? row.left
     : dose.side == core::Side::Right ? row.right
                                      : row.unsided) += dose.pressed;
  }
  html +=
      "<table>\n<thead><tr><th>Muscle</th><th>Left</th><th>Right</th><th>No side</th>"
      "<th>Total</th></tr></thead>\n<tbody>\n";
  for (const auto& [muscle, row] : rows) {
    html += "<tr><td>" + html_escape(muscle_name(names, muscle)) + "</td>" +
            labelled_cell("Left", minutes_cell(row.left), true) +
            labelled_cell("Right", minutes_cell(row.right), true) +
            labelled_cell("No side", minutes_cell(row.unsided), true) +
            labelled_cell("Total", minutes_cell(row.left + row.right + row.unsided), true) +
            "</tr>\n";
  }
  return html + "</tbody>\n</table>\n</section>\n";
}

std::string sessions_table(const ReportData& data) {
  if (data.sessions.empty()) return "<p>No sessions logged in this period.</p>\n";
  std::string html =
      "<table>\n<thead><tr><th>Date</th><th>Routine</th><th>Pain before → after"
      " (region)</th><th>Minutes</th><th>Status</th></tr></thead>\n<tbody>\n";
  for (const auto& s : data.sessions) {
    const auto rating = [](const std::optional<int>& v) {
      return v ? std::to_string(*v) : std::string("–");
    };
    html += "<tr><td>" + report_day(s.day) + "</td>" +
            labelled_cell("Routine", html_escape(s.routine)) +
            labelled_cell("Pain before → after",
                          rating(s.before) + " → " + rating(s.after) +
                              (s.region.empty() ? "" : " (" + html_escape(s.region) + ")")) +
            labelled_cell("Minutes", report_one_decimal(s.minutes), true) +
            labelled_cell("Status", html_escape(s.status)) + "</tr>\n";
  }
  return html + "</tbody>\n</table>\n";
}

}  // namespace

std::string labelled_cell(std::string_view label, std::string_view html, bool number) {
  return std::string(number ? "<td class=\"n\" data-label=\"" : "<td data-label=\"") +
         html_escape(label) + "\">" + std::string(html) + "</td>";
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string report_day(core::Day day) {
  const year_month_day date{day};
  const int y = static_cast<int>(date.year());
  return two_digits(static_cast<unsigned>(y / 100)) + two_digits(static_cast<unsigned>(y % 100)) +
         '-' + two_digits(static_cast<unsigned>(date.month())) + '-' +
         two_digits(static_cast<unsigned>(date.day()));
}

std::string report_one_decimal(double value) {
  const long long tenths = std::abs(core::tenths_toward_zero(value));
  std::string text = value < 0 && tenths != 0 ? "-" : "";
  return text + std::to_string(tenths / 10) + '.' + static_cast<char>('0' + tenths % 10);
}

std::string report_page(const ReportData& data) {
  const HistoryReport& r = data.history;
  const std::size_t weeks = r.week_rows.size();
  const std::string period = report_day(r.from) + " to " + report_day(r.to);
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>Unknot report, " +
      period + "</title>\n<style>" + std::string(kStyle) +
      "</style>\n</head>\n<body>\n<header>\n"
      "<h1>Pain and home practice: summary</h1>\n" +
      (data.client_name.empty() ? std::string()
                                : "<p class=\"client\">Client: <strong>" +
                                      html_escape(data.client_name) + "</strong></p>\n") +
      "<p class=\"period\">" + period + " (" + std::to_string(weeks) +
      (weeks == 1 ? " week" : " weeks") + ")</p>\n</header>\n" + escalation_section(r) +
      "<section class=\"figures\">\n" + figures(data) + "</section>\n";
  html +=
      "<section class=\"chart-block\">\n<h2>Daily pain (0–10)</h2>\n<p class=\"legend\">"
      "<span class=\"key\" style=\"background:#3FB8AF;border-radius:5px\"></span>daily rating"
      "<span class=\"key\" style=\"background:#1F7A74;height:3px\"></span>7-day rolling mean"
      "<span class=\"key\" style=\"background:#E0B07A\"></span>weekly mean (weeks with 4+ "
      "rated days)</p>\n" +
      pain_chart_svg(data) + "</section>\n";
  html +=
      "<section class=\"chart-block\">\n<h2>Sessions per week</h2>\n<p class=\"legend\">"
      "<span class=\"key\" style=\"background:#3FB8AF\"></span>completed (80% of the planned "
      "time or more)<span class=\"key\" style=\"background:#E0B07A\"></span>partial"
      "<span class=\"key\" style=\"border-top:2px dashed #1E2A30;height:0\"></span>prescribed "
      "that week</p>\n" +
      adherence_chart_svg(data) + "</section>\n";
  html += weekly_table(r);
  html += homework_section(r);
  html +=
      "<div class=\"pair\">\n" + pgic_section(r) + dose_section(r, data.muscle_names) + "</div>\n";
  html += safety_section(data);
  html += psfs_section(data);
  html += "<section>\n<h2>Sessions</h2>\n" + sessions_table(data) + "</section>\n";
  html += "<section>\n<h2>Notes</h2>\n";
  if (data.notes.empty())
    html += "<p>No notes in this period.</p>\n";
  else {
    html += "<ul class=\"notes\">\n";
    for (const auto& note : data.notes)
      html += "<li>" + report_day(note.day) + ": " + html_escape(note.text) + "</li>\n";
    html += "</ul>\n";
  }
  html += "</section>\n<footer>Generated by Unknot on " + report_day(data.generated) +
          " from the person's own records; not a diagnosis.</footer>\n</body>\n</html>\n";
  return html;
}

}  // namespace unknot::report
