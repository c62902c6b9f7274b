// Notes on behaviour the header leaves open:
// - Every figure is cut toward zero, never rounded up across a threshold: means and points to
//   one decimal (a change of 1.96 reads 1.9 beside "under 2 points"), percentages to whole
//   numbers in text ("29%" beside "minimal improvement") and to one decimal in JSON.
// - The text report fits 80 columns; muscle ids read with spaces ("upper trapezius").
#include "cli/history_format.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace unknot::cli {
namespace {

using namespace std::chrono;
using Json = nlohmann::ordered_json;

constexpr std::string_view kDash = "–";  // en dash: a figure that is not there
constexpr double kTolerance = 1e-9;      // as core's bands, so 30 - 1e-12 reads as 30

std::string two_digits(unsigned value) {
  return std::string{static_cast<char>('0' + value / 10 % 10), static_cast<char>('0' + value % 10)};
}

std::string day_text(core::Day day) {
  const year_month_day date{day};
  const int y = static_cast<int>(date.year());
  return two_digits(static_cast<unsigned>(y / 100)) + two_digits(static_cast<unsigned>(y % 100)) +
         '-' + two_digits(static_cast<unsigned>(date.month())) + '-' +
         two_digits(static_cast<unsigned>(date.day()));
}

// One decimal, cut toward zero as the text shows it.
double cut1(double value) { return static_cast<double>(core::tenths_toward_zero(value)) / 10; }

// The percentage cut toward zero to `decimals` (0 or 1) places.
double cut_percent(double percent, int decimals) {
  const double scale = decimals > 0 ? 10.0 : 1.0;
  const double size = std::floor((std::abs(percent) + kTolerance) * scale) / scale;
  return percent < 0 ? -size : size;
}

// "4.5", "-0.5", "12.0"; cut toward zero.
std::string one_decimal(double value) {
  const long long tenths = std::abs(core::tenths_toward_zero(value));
  std::string text = value < 0 && tenths != 0 ? "-" : "";
  text += std::to_string(tenths / 10) + '.' + static_cast<char>('0' + tenths % 10);
  return text;
}

std::string minutes_text(core::Duration pressed) {
  return one_decimal(static_cast<double>(pressed.count()) / 60e6);
}

std::string muscle_text(const core::MuscleDose& dose) {
  std::string text = dose.muscle;
  for (char& c : text) {
    if (c == '_') c = ' ';
  }
  if (dose.side == core::Side::Left) text += ", left";
  if (dose.side == core::Side::Right) text += ", right";
  return text;
}

std::string_view pgic_label(int value) {
  static constexpr std::string_view kLabels[] = {
      "very much improved", "much improved", "minimally improved", "no change",
      "minimally worse",    "much worse",    "very much worse"};
  return value >= 1 && value <= 7 ? kLabels[value - 1] : "";
}

// Code points, not bytes, so the en dash pads like one column.
std::size_t columns(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

std::string right(std::string_view text, std::size_t width) {
  const std::size_t used = columns(text);
  return std::string(used < width ? width - used : 0, ' ') + std::string(text);
}

std::string left(std::string_view text, std::size_t width) {
  const std::size_t used = columns(text);
  return std::string(text) + std::string(used < width ? width - used : 0, ' ');
}

std::string pain_lines(const HistoryReport& r) {
  std::string text = "Pain (daily ratings, 0-10)\n  Baseline      ";
  const auto& base = r.baseline;
  if (!base) {
    text += "not enough data (no daily ratings yet)\n";
  } else if (base->days_with_data < core::kMinDaysForWeeklyMean) {
    text += "not enough data (" + std::to_string(base->days_with_data) +
            " of the first 7 days rated; 4 needed)\n";
  } else {
    text += one_decimal(base->mean) + "  (" + std::to_string(base->days_with_data) +
            " days rated from " + day_text(base->first_day);
    if (r.baseline_before_assignment)
      text += ", before the homework of " + day_text(*r.assigned_on);
    text += ")\n";
  }
  text += "  Latest week   ";
  text += r.current
              ? one_decimal(*r.current->mean) + "  (week of " + day_text(r.current->start) + ")\n"
              : "not enough data (no week with 4 rated days)\n";
  text += "  Change        ";
  if (r.current_overlaps_baseline) return text + "not yet: the latest week overlaps the baseline\n";
  if (!r.change) return text + "not enough data\n";
  const core::Change& c = *r.change;
  const std::string size = one_decimal(std::abs(c.raw_points));
  text += size == "0.0"      ? "0.0 points"
          : c.raw_points > 0 ? size + " points less pain"
                             : size + " points more pain";
  text += " (2 points is a clear change)\n                ";
  if (!c.percent || !c.band) return text + "percent not shown: the baseline is below 3\n";
  const double percent = cut_percent(*c.percent, 0);
  text += std::to_string(static_cast<long long>(std::abs(percent))) + "% ";
  text += percent < 0 ? "more" : "less";
  return text + ": " + std::string(core::band_label(*c.band)) + "\n";
}

std::string adherence_lines(const HistoryReport& r) {
  const core::Adherence& a = r.adherence;
  std::string text = "Adherence     ";
  const std::string figure = core::adherence_figure(a.completed, a.prescribed);
  if (figure.empty()) {
    text += a.from_homework ? "nothing prescribed yet\n"
            : r.target > 0  ? "not yet (counted from the first session)\n"
                            : "no weekly target\n";
  } else {
    text += figure + (a.from_homework ? " homework sessions" : " sessions") + " since " +
            day_text(*a.counted_from) + "\n";
    text += a.from_homework ? "              prescribed by the homework below\n"
                            : "              of a target of " + std::to_string(r.target) +
                                  " a week (part weeks prorated)\n";
  }
  for (const auto& h : r.homework) {
    text += "  " + h.plan.title;
    if (!h.plan.therapist.empty()) text += " (" + h.plan.therapist + ")";
    text +=
        ": " + std::to_string(h.completed) + " of " + std::to_string(h.prescribed) + " prescribed";
    if (h.percent) text += " (" + std::to_string(core::whole_toward_zero(*h.percent)) + " %)";
    text += "\n";
  }
  return text;
}

std::string escalation_lines(const HistoryReport& r) {
  if (!r.escalation) return {};
  return "\nCheck with your clinician\n  " + core::escalation_text(*r.escalation) + "\n  (" +
         core::escalation_rule(*r.escalation) + ")\n";
}

std::string week_table(const HistoryReport& r) {
  std::string text = "Week of     Days rated  Mean  Worst  Done  Due  Adherence  Drop\n";
  for (const auto& w : r.week_rows) {
    text += left(day_text(w.start), 12) + right(std::to_string(w.days_rated), 10) +
            right(w.mean ? one_decimal(*w.mean) : std::string(kDash), 6) +
            right(w.worst ? std::to_string(*w.worst) : std::string(kDash), 7) +
            right(std::to_string(w.sessions_completed), 6) +
            right(w.prescribed > 0 ? std::to_string(w.prescribed) : std::string(kDash), 5) +
            right(w.adherence_percent
                      ? std::to_string(core::whole_toward_zero(*w.adherence_percent)) + "%"
                      : std::string(kDash),
                  11) +
            right(w.mean_drop ? one_decimal(*w.mean_drop) : std::string(kDash), 6) + "\n";
  }
  text += "Mean: shown with at least 4 rated days. Done: sessions completed (80% of\n";
  text += "the planned time or more). Due: sessions prescribed in the days counted.\n";
  text += "Drop: mean pain before minus after a session (positive is relief).\n";
  return text;
}

// "+5", "-2", "0".
std::string signed_points(int change) { return (change > 0 ? "+" : "") + std::to_string(change); }

// Each activity on its own line, then its first and latest rating and the change.
std::string psfs_lines(const HistoryReport& r) {
  std::string text = "\nPSFS: how able you are (0 unable .. 10 as before the problem)\n";
  for (const auto& t : r.psfs_trends) {
    text += "  " + t.activity + "\n    " + std::to_string(t.first) + " on " + day_text(t.first_day);
    if (t.ratings < 2) {
      text += ", rated once\n";
      continue;
    }
    text += " -> " + std::to_string(t.latest) + " on " + day_text(t.latest_day) + ": " +
            signed_points(t.change()) +
            (t.passes_mdc() ? ", more than the MDC\n" : ", within the MDC\n");
  }
  return text + "MDC: a change of " + std::to_string(core::kPsfsMdcPoints) +
         " points or more is taken as more than measurement\nerror (Moseng et al. 2013).\n";
}

}  // namespace

std::string history_text(const HistoryReport& r) {
  std::string text = "Unknot history, " + day_text(r.from) + " to " + day_text(r.to) + " (";
  const std::size_t shown = r.week_rows.size();
  text += (r.weeks > 0 ? "last " : "all ") + std::to_string(shown) +
          (shown == 1 ? " week)" : " weeks)");
  text += "\n\n" + pain_lines(r) + escalation_lines(r) + "\n" + adherence_lines(r) + "\n" +
          week_table(r) + "\n";
  text += "Streak        " + std::to_string(r.streak.days) + " days, " +
          std::to_string(r.streak.days_practised) + " of them practised\n";
  if (r.latest_pgic) {
    text += "Latest PGIC   " + std::to_string(r.latest_pgic->value) + ", " +
            std::string(pgic_label(r.latest_pgic->value)) + " (" + day_text(r.latest_pgic->day) +
            ")\n";
  }
  if (!r.psfs_trends.empty()) text += psfs_lines(r);
  text += "\nMinutes of pressure per muscle\n";
  if (r.muscles.empty()) text += "  none in this period\n";
  for (const auto& dose : r.muscles) {
    text += "  " + left(muscle_text(dose), 40) + right(minutes_text(dose.pressed), 8) + "\n";
  }
  return text;
}

std::string history_json(const HistoryReport& r) {
  Json root;
  root["period"] = {{"from", day_text(r.from)}, {"to", day_text(r.to)}, {"weeks", r.weeks}};
  root["target_sessions_per_week"] = r.target;
  const bool base_ok = r.baseline && r.baseline->days_with_data >= core::kMinDaysForWeeklyMean;
  root["baseline"] = {{"first_day", r.baseline ? Json(day_text(r.baseline->first_day)) : Json()},
                      {"days_rated", r.baseline ? r.baseline->days_with_data : 0},
                      {"mean", base_ok ? Json(cut1(r.baseline->mean)) : Json()},
                      {"before_assignment", r.baseline_before_assignment},
                      {"assigned_on", r.assigned_on ? Json(day_text(*r.assigned_on)) : Json()}};
  root["current"] = {{"week_start", r.current ? Json(day_text(r.current->start)) : Json()},
                     {"mean", r.current ? Json(cut1(*r.current->mean)) : Json()},
                     {"overlaps_baseline", r.current_overlaps_baseline}};
  const auto& c = r.change;
  root["change"] = {
      {"raw_points", c ? Json(cut1(c->raw_points)) : Json()},
      {"percent", c && c->percent ? Json(cut_percent(*c->percent, 1)) : Json()},
      {"label", c && c->band ? Json(std::string(core::band_label(*c->band))) : Json()},
      {"reaches_one_point", c ? Json(c->reaches_one_point) : Json()},
      {"reaches_two_points", c ? Json(c->reaches_two_points) : Json()}};
  root["escalation"] =
      r.escalation ? Json{{"reason", r.escalation->reason == core::EscalationReason::Worsening
                                         ? "worsening"
                                         : "not_improving"},
                          {"weeks_of_practice", r.escalation->weeks_of_practice},
                          {"message", core::escalation_text(*r.escalation)},
                          {"rule", core::escalation_rule(*r.escalation)}}
                   : Json();
  const core::Adherence& a = r.adherence;
  Json homework = Json::array();
  for (const auto& h : r.homework) {
    homework.push_back({{"routine_id", h.plan.routine_id},
                        {"title", h.plan.title},
                        {"therapist", h.plan.therapist},
                        {"start", day_text(h.plan.prescription.start)},
                        {"end", day_text(h.plan.prescription.end)},
                        {"prescribed", h.prescribed},
                        {"completed", h.completed},
                        {"percent", h.percent ? Json(cut_percent(*h.percent, 1)) : Json()}});
  }
  root["adherence"] = {{"source", a.from_homework ? "homework" : "weekly_target"},
                       {"counted_from", a.counted_from ? Json(day_text(*a.counted_from)) : Json()},
                       {"prescribed", a.prescribed},
                       {"completed", a.completed},
                       {"percent", a.percent ? Json(cut_percent(*a.percent, 1)) : Json()},
                       {"homework", homework}};
  Json weeks = Json::array();
  for (const auto& w : r.week_rows) {
    weeks.push_back({{"week_start", day_text(w.start)},
                     {"days_rated", w.days_rated},
                     {"mean", w.mean ? Json(cut1(*w.mean)) : Json()},
                     {"worst", w.worst ? Json(*w.worst) : Json()},
                     {"sessions_logged", w.sessions_logged},
                     {"sessions_completed", w.sessions_completed},
                     {"prescribed", w.prescribed},
                     {"counted", w.counted},
                     {"adherence_percent",
                      w.adherence_percent ? Json(cut_percent(*w.adherence_percent, 1)) : Json()},
                     {"rated_sessions", w.rated_sessions},
                     {"mean_drop", w.mean_drop ? Json(cut1(*w.mean_drop)) : Json()}});
  }
  root["weeks"] = weeks;
  root["streak"] = {{"days", r.streak.days}, {"days_practised", r.streak.days_practised}};
  Json muscles = Json::array();
  for (const auto& dose : r.muscles) {
    const Json side = dose.side == core::Side::Left    ? Json("left")
                      : dose.side == core::Side::Right ? Json("right")
                                                       : Json();
    muscles.push_back({{"muscle", dose.muscle},
                       {"side", side},
                       {"minutes", cut1(static_cast<double>(dose.pressed.count()) / 60e6)}});
  }
  root["muscles"] = muscles;
  Json pgic = Json::array();
  for (const auto& p : r.pgic) {
    pgic.push_back({{"day", day_text(p.day)},
                    {"value", p.value},
                    {"label", std::string(pgic_label(p.value))}});
  }
  root["pgic"] = pgic;
  root["latest_pgic"] = r.latest_pgic
                            ? Json{{"day", day_text(r.latest_pgic->day)},
                                   {"value", r.latest_pgic->value},
                                   {"label", std::string(pgic_label(r.latest_pgic->value))}}
                            : Json();
  Json activities = Json::array();
  for (const auto& t : r.psfs_trends) {
    activities.push_back({{"activity", t.activity},
                          {"first_day", day_text(t.first_day)},
                          {"first", t.first},
                          {"latest_day", day_text(t.latest_day)},
                          {"latest", t.latest},
                          {"ratings", t.ratings},
                          {"change", t.change()},
                          {"passes_mdc", t.passes_mdc()}});
  }
  Json ratings = Json::array();
  for (const auto& p : r.psfs) {
    ratings.push_back(
        {{"day", day_text(p.day)}, {"slot", p.slot}, {"activity", p.activity}, {"value", p.value}});
  }
  root["psfs"] = {{"mdc_points", core::kPsfsMdcPoints},
                  {"mdc_source", "Moseng et al. 2013, Fysioterapeuten 80(2):20-26"},
                  {"activities", activities},
                  {"ratings", ratings}};
  return root.dump(2) + "\n";
}

}  // namespace unknot::cli
