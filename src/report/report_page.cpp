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
#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>

#include "core/content_language.h"
#include "core/local_text.h"
#include "core/translate.h"
#include "report/report_parts.h"

namespace unknot::report {
namespace {

using namespace std::chrono;

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

// The Patient Global Impression of Change answer's words, 1-7; empty outside that.
std::string pgic_label(int value) {
  static constexpr const char* kLabels[] = {
      core::tr_noop("very much improved"), core::tr_noop("much improved"),
      core::tr_noop("minimally improved"), core::tr_noop("no change"),
      core::tr_noop("minimally worse"),    core::tr_noop("much worse"),
      core::tr_noop("very much worse")};
  return value >= 1 && value <= 7 ? core::tr(kLabels[value - 1]) : std::string();
}

std::string figure(std::string_view term, const std::string& value) {
  return "<dt>" + std::string(term) + "</dt><dd>" + value + "</dd>\n";
}

// A whole percentage as the language writes it ("29%").
std::string percent_text(long long percent) {
  // TRANSLATORS: a whole percentage in the clinician report, e.g. "29%".
  return core::fill(core::tr("{percent}%"), {{"percent", std::to_string(percent)}});
}

std::string change_text(const core::Change& c) {
  const bool none = core::tenths_toward_zero(std::abs(c.raw_points)) == 0;
  // TRANSLATORS: no change in weekly mean pain; {points} is "0.0".
  std::string text = core::tr("{points} points");
  if (!none && c.raw_points > 0) {
    // TRANSLATORS: an improvement in weekly mean pain; {points} has one decimal ("1.5").
    text = core::tr("{points} points less pain");
  } else if (!none) {
    // TRANSLATORS: a worsening in weekly mean pain; {points} has one decimal ("1.5").
    text = core::tr("{points} points more pain");
  }
  text = core::fill(text, {{"points", report_one_decimal(std::abs(c.raw_points))}});
  if (!c.percent || !c.band) {
    // TRANSLATORS: {change} is a change in pain such as "1.5 points less pain".
    return core::fill(core::tr("{change} (baseline below 3: percent not shown)"),
                      {{"change", text}});
  }
  // TRANSLATORS: {change} is a change in pain such as "1.5 points less pain", {percent} a
  // percentage ("29%"), {band} the change's label ("minimal improvement").
  std::string sentence = core::tr("{change} ({percent} lower): {band}");
  if (*c.percent < 0) {
    // TRANSLATORS: {change} is a change in pain such as "1.5 points more pain", {percent} a
    // percentage ("29%"), {band} the change's label ("minimal worsening").
    sentence = core::tr("{change} ({percent} higher): {band}");
  }
  const std::string band =
      "<strong class=\"label\">" + html_escape(core::tr(core::band_label(*c.band))) + "</strong>";
  return core::fill(sentence,
                    {{"change", text},
                     {"percent", percent_text(core::whole_toward_zero(std::abs(*c.percent)))},
                     {"band", band}});
}

std::string adherence_text(const HistoryReport& r) {
  const core::Adherence& a = r.adherence;
  const std::string figure = core::adherence_figure(a.completed, a.prescribed);
  if (figure.empty()) {
    if (a.from_homework) return core::tr("not enough data yet (nothing prescribed yet)");
    if (r.target <= 0) return core::tr("no weekly target set");
    return core::tr("not enough data yet (no sessions in this period)");
  }
  const std::string since = report_day(*a.counted_from);
  if (a.from_homework) {
    const std::string text =
        // TRANSLATORS: {figure} is the adherence as a percentage with its counts ("85 % (12 of
        // 14)"), {date} a date.
        core::tr("{figure} prescribed homework sessions completed since {date} (see Homework)");
    return core::fill(text, {{"figure", figure}, {"date", since}});
  }
  const std::string text = core::tr(
      // TRANSLATORS: {figure} is the adherence as a percentage with its counts ("85 % (12 of 14)"),
      // {target} the person's number of sessions a week, {date} a date.
      "{figure} sessions completed of a target of {target} a week since {date} (part weeks "
      "prorated)");
  return core::fill(text,
                    {{"figure", figure}, {"target", std::to_string(r.target)}, {"date", since}});
}

// The baseline's figure: its mean and window, else why there is none.
std::string baseline_text(const HistoryReport& r) {
  const auto& base = r.baseline;
  const bool before_homework = r.baseline_before_assignment;
  const std::string assigned = before_homework ? report_day(*r.assigned_on) : std::string();
  if (!base || base->days_with_data < core::kMinDaysForWeeklyMean) {
    if (before_homework) {
      const std::string text = core::tr(
          // TRANSLATORS: {date} is the day the therapist's homework was assigned.
          "not enough data yet (4 rated days needed in the 7 days before the homework of "
          "{date})");
      return core::fill(text, {{"date", assigned}});
    }
    return core::tr("not enough data yet (4 rated days needed in the first 7 days)");
  }
  const auto days = static_cast<std::uint64_t>(base->days_with_data);
  // TRANSLATORS: the pain baseline: {mean} a number with one decimal, {date} its first day, {n}
  // the number of days with a pain rating.
  std::string text = core::trn("{mean} / 10 (first 7 days, from {date}, {n} day rated)",
                               "{mean} / 10 (first 7 days, from {date}, {n} days rated)", days);
  if (before_homework) {
    text = core::trn(
        // TRANSLATORS: the pain baseline: {mean} a number with one decimal, {assigned} the day the
        // therapist's homework was assigned, {date} the baseline's first day, {n} the number of
        // days with a pain rating.
        "{mean} / 10 (7 days before the homework of {assigned}, from {date}, {n} day rated)",
        "{mean} / 10 (7 days before the homework of {assigned}, from {date}, {n} days rated)",
        days);
  }
  return core::fill(text, {{"mean", report_one_decimal(base->mean)},
                           {"assigned", assigned},
                           {"date", report_day(base->first_day)},
                           {"n", std::to_string(days)}});
}

std::string current_text(const HistoryReport& r) {
  if (!r.current) return core::tr("not enough data yet (no week with 4 rated days)");
  // TRANSLATORS: the latest weekly mean pain: {mean} a number with one decimal, {date} the
  // week's Monday.
  const std::string text = core::tr("{mean} / 10 (week of {date})");
  return core::fill(text, {{"mean", report_one_decimal(*r.current->mean)},
                           {"date", report_day(r.current->start)}});
}

std::string figures(const ReportData& data) {
  const HistoryReport& r = data.history;
  std::string html = "<dl>\n";
  html += figure(core::tr("Baseline"), baseline_text(r));
  html += figure(core::tr("Current weekly mean"), current_text(r));
  std::string change = r.change ? change_text(*r.change) : core::tr("not enough data yet");
  if (r.current_overlaps_baseline) {
    // TRANSLATORS: {change} is a change in pain such as "1.5 points less pain".
    const std::string text = core::tr("{change} (the latest week overlaps the baseline)");
    change = core::fill(text, {{"change", change}});
  }
  html += figure(core::tr("Change"), change);
  html += figure(core::tr("Adherence"), adherence_text(r));
  if (r.latest_pgic) {
    // TRANSLATORS: the latest answer to the PGIC: {value} 1-7, {label} its words ("much
    // improved"), {date} the day it was given.
    const std::string text = core::tr("{value}, {label} ({date})");
    html += figure(core::tr("Latest PGIC"),
                   core::fill(text, {{"value", std::to_string(r.latest_pgic->value)},
                                     {"label", pgic_label(r.latest_pgic->value)},
                                     {"date", report_day(r.latest_pgic->day)}}));
  }
  const std::string note = core::tr(
      // TRANSLATORS: {percent} is a percentage ("80%").
      "Pain is rated 0 (no pain) to 10. For a change in weekly mean pain, 2 points is the "
      "reference for a clear change and 1 point a minimal one; the label follows the IMMPACT "
      "percentage bands and is left out when the baseline is below 3. Weekly means need at "
      "least 4 rated days. Figures are cut toward zero, never rounded up past a threshold. A "
      "session counts as completed at {percent} of its planned time.");
  html += "</dl>\n<p class=\"ref\">" + core::fill(note, {{"percent", percent_text(80)}}) + "</p>\n";
  return html;
}

std::string escalation_section(const HistoryReport& r) {
  if (!r.escalation) return {};
  return "<section class=\"flag\">\n<p><strong>" + core::tr("Check with your clinician.") +
         "</strong> " + html_escape(core::escalation_text(*r.escalation)) +
         "</p>\n<p class=\"ref\">" + html_escape(core::escalation_rule(*r.escalation)) +
         "</p>\n</section>\n";
}

std::string percent_cell(const std::optional<double>& percent) {
  return percent ? percent_text(core::whole_toward_zero(*percent)) : "–";
}

// A table's head row: one column per label (plain text).
std::string head_row(std::initializer_list<std::string> labels) {
  std::string html = "<thead><tr>";
  for (const auto& label : labels) html += "<th>" + html_escape(label) + "</th>";
  return html + "</tr></thead>\n";
}

std::string weekly_table(const HistoryReport& r) {
  const std::string days_rated = core::trc("report column", "Days rated");
  const std::string mean = core::trc("report column", "Mean");
  const std::string worst = core::trc("report column", "Worst");
  const std::string completed = core::trc("report column", "Completed");
  const std::string prescribed = core::trc("report column", "Prescribed");
  const std::string adherence = core::trc("report column", "Adherence");
  // TRANSLATORS: a column: the mean drop in pain over a session, with (n) the sessions rated.
  const std::string drop = core::trc("report column", "Drop in session (n)");
  std::string html = "<section>\n<h2>" + core::tr("Week by week") +
                     "</h2>\n<table class=\"weeks\">\n" +
                     head_row({core::trc("report column", "Week of"), days_rated, mean, worst,
                               completed, prescribed, adherence, drop}) +
                     "<tbody>\n";
  for (const auto& w : r.week_rows) {
    const auto cell = [](std::string_view label, const std::string& text) {
      return labelled_cell(label, text, true);
    };
    html += "<tr><td>" + report_day(w.start) + "</td>" +
            cell(days_rated, std::to_string(w.days_rated)) +
            cell(mean, w.mean ? report_one_decimal(*w.mean) : "–") +
            cell(worst, w.worst ? std::to_string(*w.worst) : "–") +
            cell(completed, std::to_string(w.sessions_completed)) +
            cell(prescribed, w.prescribed > 0 ? std::to_string(w.prescribed) : "–") +
            cell(adherence, percent_cell(w.adherence_percent)) +
            cell(drop, w.mean_drop ? report_one_decimal(*w.mean_drop) + " (" +
                                         std::to_string(w.rated_sessions) + ")"
                                   : "–") +
            "</tr>\n";
  }
  return html + "</tbody>\n</table>\n<p class=\"ref\">" +
         core::tr(
             "Mean and worst: daily ratings (a mean needs 4 rated days). Completed: every "
             "routine. Prescribed and adherence: the homework's days, else the weekly target, "
             "from the start to today. Drop: mean of before minus after a session, positive "
             "is relief (sessions rated).") +
         "</p>\n</section>\n";
}

std::string homework_section(const HistoryReport& r) {
  if (r.homework.empty()) return {};
  const std::string set_by = core::trc("report column", "Set by");
  const std::string schedule = core::trc("report column", "Schedule");
  const std::string completed = core::trc("report column", "Completed in this period");
  std::string html =
      "<section>\n<h2>" + core::tr("Homework") + "</h2>\n<table>\n" +
      head_row({core::trc("report column", "Routine"), set_by, schedule, completed}) + "<tbody>\n";
  for (const auto& h : r.homework) {
    const auto prescribed = static_cast<std::uint64_t>(std::max(0, h.prescribed));
    // TRANSLATORS: homework sessions done in the report's period; {completed} and {prescribed}
    // are counts.
    const std::string text = core::trn("{completed} of {prescribed} prescribed",
                                       "{completed} of {prescribed} prescribed", prescribed);
    std::string done = core::fill(text, {{"completed", std::to_string(h.completed)},
                                         {"prescribed", std::to_string(h.prescribed)}});
    if (h.percent) done += " (" + percent_text(core::whole_toward_zero(*h.percent)) + ")";
    const std::string& therapist = h.plan.therapist;
    html += "<tr><td>" + html_escape(h.plan.title) + "</td>" +
            labelled_cell(set_by, html_escape(therapist.empty() ? "–" : therapist)) +
            labelled_cell(schedule, html_escape(core::schedule_text(h.plan.prescription))) +
            labelled_cell(completed, done) + "</tr>\n";
  }
  return html + "</tbody>\n</table>\n</section>\n";
}

std::string pgic_section(const HistoryReport& r) {
  std::string html = "<section>\n<h2>" + core::tr("Global impression of change (PGIC)") + "</h2>\n";
  if (r.pgic.empty())
    return html + "<p>" + core::tr("No PGIC answers in this period.") + "</p>\n</section>\n";
  html += "<ul class=\"notes\">\n";
  for (const auto& p : r.pgic) {
    html += "<li>" + report_day(p.day) + ": " + std::to_string(p.value) + ", " +
            pgic_label(p.value) + "</li>\n";
  }
  // TRANSLATORS: the PGIC's scale in brief, with its words as in the answers above it.
  const std::string scale = core::tr("1 very much improved … 4 no change … 7 very much worse.");
  return html + "</ul>\n<p class=\"ref\">" + scale + "</p>\n</section>\n";
}

std::string minutes_cell(core::Duration d) {
  return d > core::Duration::zero() ? report_one_decimal(static_cast<double>(d.count()) / 60e6)
                                    : "–";
}

std::string dose_section(const HistoryReport& r, const MuscleNames& names) {
  std::string html = "<section>\n<h2>" + core::tr("Pressure per muscle (minutes)") + "</h2>\n";
  if (r.muscles.empty()) {
    return html + "<p>" + core::tr("No pressure logged in this period.") + "</p>\n</section>\n";
  }
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
  const std::string left = core::trc("report column", "Left");
  const std::string right = core::trc("report column", "Right");
  const std::string no_side = core::trc("report column", "No side");
  const std::string total = core::trc("report column", "Total");
  html += "<table>\n" +
          head_row({core::trc("report column", "Muscle"), left, right, no_side, total}) +
          "<tbody>\n";
  for (const auto& [muscle, row] : rows) {
    html += "<tr><td>" + html_escape(muscle_name(names, muscle)) + "</td>" +
            labelled_cell(left, minutes_cell(row.left), true) +
            labelled_cell(right, minutes_cell(row.right), true) +
            labelled_cell(no_side, minutes_cell(row.unsided), true) +
            labelled_cell(total, minutes_cell(row.left + row.right + row.unsided), true) +
            "</tr>\n";
  }
  return html + "</tbody>\n</table>\n</section>\n";
}

std::string sessions_table(const ReportData& data) {
  if (data.sessions.empty())
    return "<p>" + core::tr("No sessions logged in this period.") + "</p>\n";
  const std::string routine = core::trc("report column", "Routine");
  // TRANSLATORS: a column: the pain rating before a session and after it ("6 → 3").
  const std::string pain = core::trc("report column", "Pain before → after");
  const std::string minutes = core::trc("report column", "Minutes");
  const std::string status = core::trc("report column", "Status");
  std::string html =
      "<table>\n" +
      head_row({core::trc("report column", "Date"), routine,
                // TRANSLATORS: a column: the pain rating before a session and after it ("6 → 3"),
                // with the body region the ratings are about.
                core::trc("report column", "Pain before → after (region)"), minutes, status}) +
      "<tbody>\n";
  for (const auto& s : data.sessions) {
    const auto rating = [](const std::optional<int>& v) {
      return v ? std::to_string(*v) : std::string("–");
    };
    html +=
        "<tr><td>" + report_day(s.day) + "</td>" + labelled_cell(routine, html_escape(s.routine)) +
        labelled_cell(
            pain,
            rating(s.before) + " → " + rating(s.after) +
                (s.region.empty() ? "" : " (" + html_escape(core::region_text(s.region)) + ")")) +
        labelled_cell(minutes, report_one_decimal(s.minutes), true) +
        labelled_cell(status, html_escape(s.status)) + "</tr>\n";
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
  // TRANSLATORS: every date in the clinician report, numbers only: {year} four digits, {month}
  // and {day} two ("2026-11-23"). Write it as a clinician of the language reads a date at a
  // glance ("{day}/{month}/{year}").
  return core::fill(core::trc("report date", "{year}-{month}-{day}"),
                    {{"year", two_digits(static_cast<unsigned>(y / 100)) +
                                  two_digits(static_cast<unsigned>(y % 100))},
                     {"month", two_digits(static_cast<unsigned>(date.month()))},
                     {"day", two_digits(static_cast<unsigned>(date.day()))}});
}

std::string report_one_decimal(double value) {
  // Cut toward zero first, so the language's formatting never rounds 1.96 up to 2.0.
  const long long tenths = core::tenths_toward_zero(value);
  return core::decimal_text(static_cast<double>(tenths) / 10, 1);
}

namespace {

// The page's head and header: language, title, heading, client and period.
std::string page_header(const ReportData& data) {
  const HistoryReport& r = data.history;
  const std::size_t weeks = r.week_rows.size();
  // TRANSLATORS: the report's period: {from} and {to} are dates.
  const std::string period = core::fill(core::tr("{from} to {to}"),
                                        {{"from", report_day(r.from)}, {"to", report_day(r.to)}});
  // TRANSLATORS: the report's title (its file's title in a browser); {period} is "{from} to
  // {to}".
  const std::string title = core::fill(core::tr("Unknot report, {period}"), {{"period", period}});
  std::string client;
  if (!data.client_name.empty()) {
    // TRANSLATORS: {name} is the client's name as the person entered it.
    const std::string text = core::tr("Client: {name}");
    client =
        "<p class=\"client\">" +
        core::fill(text, {{"name", "<strong>" + html_escape(data.client_name) + "</strong>"}}) +
        "</p>\n";
  }
  // TRANSLATORS: {period} is "{from} to {to}", {n} the number of calendar weeks in it.
  const std::string span = core::trn("{period} ({n} week)", "{period} ({n} weeks)", weeks);
  return "<!DOCTYPE html>\n<html lang=\"" + html_escape(core::current_language()) +
         "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         html_escape(title) + "</title>\n<style>" + std::string(kStyle) +
         "</style>\n</head>\n<body>\n<header>\n<h1>" + core::tr("Pain and home practice: summary") +
         "</h1>\n" + client + "<p class=\"period\">" +
         core::fill(span, {{"period", period}, {"n", std::to_string(weeks)}}) + "</p>\n</header>\n";
}

// The two charts, each with its heading and legend.
std::string charts(const ReportData& data) {
  const std::string completed =
      // TRANSLATORS: a chart's legend, after a coloured mark; {percent} is a percentage ("80%").
      core::trc("chart legend", "completed ({percent} of the planned time or more)");
  return "<section class=\"chart-block\">\n<h2>" + core::tr("Daily pain (0–10)") +
         "</h2>\n<p class=\"legend\">"
         "<span class=\"key\" style=\"background:#3FB8AF;border-radius:5px\"></span>" +
         core::trc("chart legend", "daily rating") +
         "<span class=\"key\" style=\"background:#1F7A74;height:3px\"></span>" +
         core::trc("chart legend", "7-day rolling mean") +
         "<span class=\"key\" style=\"background:#E0B07A\"></span>" +
         core::trc("chart legend", "weekly mean (weeks with 4+ rated days)") + "</p>\n" +
         pain_chart_svg(data) + "</section>\n" + "<section class=\"chart-block\">\n<h2>" +
         core::tr("Sessions per week") +
         "</h2>\n<p class=\"legend\">"
         "<span class=\"key\" style=\"background:#3FB8AF\"></span>" +
         core::fill(completed, {{"percent", percent_text(80)}}) +
         "<span class=\"key\" style=\"background:#E0B07A\"></span>" +
         core::trc("chart legend", "partial") +
         "<span class=\"key\" style=\"border-top:2px dashed #1E2A30;height:0\"></span>" +
         core::trc("chart legend", "prescribed that week") + "</p>\n" + adherence_chart_svg(data) +
         "</section>\n";
}

}  // namespace

std::string report_page(const ReportData& data) {
  const HistoryReport& r = data.history;
  std::string html = page_header(data) + escalation_section(r) + "<section class=\"figures\">\n" +
                     figures(data) + "</section>\n";
  html += charts(data);
  html += weekly_table(r);
  html += homework_section(r);
  html +=
      "<div class=\"pair\">\n" + pgic_section(r) + dose_section(r, data.muscle_names) + "</div>\n";
  html += safety_section(data);
  html += psfs_section(data);
  html +=
      "<section>\n<h2>" + core::tr("Sessions") + "</h2>\n" + sessions_table(data) + "</section>\n";
  html += "<section>\n<h2>" + core::tr("Notes") + "</h2>\n";
  if (data.notes.empty())
    html += "<p>" + core::tr("No notes in this period.") + "</p>\n";
  else {
    html += "<ul class=\"notes\">\n";
    for (const auto& note : data.notes)
      html += "<li>" + report_day(note.day) + ": " + html_escape(note.text) + "</li>\n";
    html += "</ul>\n";
  }
  const std::string footer =
      // TRANSLATORS: the report's last line; {date} is the day it was made.
      core::tr("Generated by Unknot on {date} from the person's own records; not a diagnosis.");
  html += "</section>\n<footer>" + core::fill(footer, {{"date", report_day(data.generated)}}) +
          "</footer>\n</body>\n</html>\n";
  return html;
}

}  // namespace unknot::report
