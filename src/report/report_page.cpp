// Notes on behaviour the header leaves open:
// - Figures read as in `unknot history`: one decimal for means and points, percentages cut
//   toward zero, so 29.6 % reads "29%" beside its "minimal improvement" band.
// - Adherence counts the weeks from the first one in the period holding a rating or a session:
//   weeks before the person started are not counted as missed.
// - The page holds no script, no link and no reference to another file; fonts are the system's.
#include <algorithm>
#include <cmath>
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
.period { margin: 2px 0 10px; }
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
footer { margin-top: 18px; padding-top: 6px; border-top: 1px solid #E3E8EA; font-size: 11px; }
@media print {
  @page { margin: 12mm; }
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  h1 { font-size: 14pt; } h2 { font-size: 11pt; margin-top: 10px; }
  table, ul.notes { font-size: 8pt; } th, td { padding: 1px 4px; }
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
  const double cut = std::floor(std::abs(*c.percent) + 1e-9);
  text += " (" + std::to_string(static_cast<long long>(cut)) + "% " +
          (*c.percent < 0 ? "higher" : "lower") + "): " + "<strong class=\"label\">" +
          std::string(core::band_label(*c.band)) + "</strong>";
  return text;
}

std::string adherence_text(const ReportData& data) {
  const HistoryReport& r = data.history;
  if (r.target <= 0) return "no weekly target set";
  std::optional<core::Day> first;
  for (const auto& day : data.days) first = first ? std::min(*first, day.day) : day.day;
  for (const auto& s : data.sessions) first = first ? std::min(*first, s.day) : s.day;
  if (!first) return std::string(kNoData) + " (no sessions or ratings in this period)";
  const core::Day first_week = core::week_start_of(*first);
  int weeks = 0;
  int done = 0;
  for (const auto& week : r.week_rows) {
    if (week.start < first_week) continue;
    weeks += 1;
    done += std::min(week.sessions_completed, r.target);
  }
  const int prescribed = weeks * r.target;
  const long percent = std::lround(100.0 * done / static_cast<double>(std::max(prescribed, 1)));
  return std::to_string(percent) + "% (" + std::to_string(done) + " of " +
         std::to_string(prescribed) + " prescribed sessions completed over " +
         std::to_string(weeks) + (weeks == 1 ? " week" : " weeks") + ", target " +
         std::to_string(r.target) + " a week)";
}

std::string figures(const ReportData& data) {
  const HistoryReport& r = data.history;
  std::string html = "<dl>\n";
  const auto& base = r.baseline;
  if (base && base->days_with_data >= core::kMinDaysForWeeklyMean) {
    html += figure("Baseline", report_one_decimal(base->mean) + " / 10 (first 7 days from " +
                                   report_day(base->first_day) + ", " +
                                   std::to_string(base->days_with_data) + " days rated)");
  } else {
    html += figure("Baseline", std::string(kNoData) + " (4 rated days needed in the first 7)");
  }
  html += figure("Current weekly mean",
                 r.current ? report_one_decimal(*r.current->mean) + " / 10 (week of " +
                                 report_day(r.current->start) + ")"
                           : std::string(kNoData) + " (no week with 4 rated days)");
  html += figure("Change", r.change ? change_text(*r.change) : std::string(kNoData));
  html += figure("Adherence", adherence_text(data));
  if (r.latest_pgic) {
    html += figure("Latest PGIC", std::to_string(r.latest_pgic->value) + ", " +
                                      std::string(pgic_label(r.latest_pgic->value)) + " (" +
                                      report_day(r.latest_pgic->day) + ")");
  }
  html +=
      "</dl>\n<p class=\"ref\">Pain is rated 0 (no pain) to 10. For a change in weekly mean "
      "pain, 2 points is the reference for a clear change and 1 point a minimal one; the "
      "label follows the IMMPACT percentage bands and is left out when the baseline is "
      "below 3. Weekly means need at least 4 rated days.</p>\n";
  return html;
}

std::string homework_section(const ReportData& data) {
  if (data.homework.empty()) return {};
  std::string html = "<section>\n<h2>Homework</h2>\n<table>\n<thead><tr><th>Routine</th><th>Set by</th>"
                     "<th>Schedule</th><th>Completed in this period</th></tr></thead>\n<tbody>\n";
  for (const auto& h : data.homework) {
    std::string done = std::to_string(h.completed) + " of " + std::to_string(h.prescribed) + " prescribed";
    if (h.prescribed > 0) {
      done += " (" + std::to_string(std::min(100, h.completed * 100 / h.prescribed)) + "%)";
    }
    html += "<tr><td>" + html_escape(h.title) + "</td><td>" + html_escape(h.therapist.empty() ? "–" : h.therapist) +
            "</td><td>" + html_escape(h.schedule) + "</td><td>" + done + "</td></tr>\n";
  }
  return html + "</tbody>\n</table>\n</section>\n";
}

std::string feedback_section(const ReportData& data) {
  if (data.feedback.empty()) return {};
  std::string html = "<section>\n<h2>Reported during holds</h2>\n<ul class=\"notes\">\n";
  for (const auto& f : data.feedback) {
    html += "<li>" + report_day(f.day) + ": " + html_escape(f.step) + " — " +
            (f.stopped ? "<strong>stopped</strong> (sharp, electric, numb or a pulse); worth asking about"
                       : "too intense, eased") +
            "</li>\n";
  }
  return html + "</ul>\n</section>\n";
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
    html += "<tr><td>" + report_day(s.day) + "</td><td>" + html_escape(s.routine) + "</td><td>" +
            rating(s.before) + " → " + rating(s.after) +
            (s.region.empty() ? "" : " (" + html_escape(s.region) + ")") + "</td><td class=\"n\">" +
            report_one_decimal(s.minutes) + "</td><td>" + html_escape(s.status) + "</td></tr>\n";
  }
  return html + "</tbody>\n</table>\n";
}

}  // namespace

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
  const long long tenths = std::llround(std::abs(value) * 10);
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
      "<h1>Pain and home practice: summary</h1>\n<p class=\"period\">" +
      period + " (" + std::to_string(weeks) + (weeks == 1 ? " week" : " weeks") +
      ")</p>\n</header>\n<section class=\"figures\">\n" + figures(data) + "</section>\n";
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
      "<span class=\"key\" style=\"border-top:2px dashed #1E2A30;height:0\"></span>target</p>\n" +
      adherence_chart_svg(data) + "</section>\n";
  html += homework_section(data);
  html += feedback_section(data);
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
