// Notes on behaviour the header leaves open:
// - Only "format" and a newer "format_version" stop the check early: a file that is not
//   homework, or was written for a newer Unknot, would otherwise bury the one useful message
//   under problems that follow from it. Everything else is reported together.
// - times_per_day defaults to 1 and days to every day; start and end are required, since a
//   prescription without an end would never stop asking.
// - A note may hold line breaks ("\n"; "\r\n" reads as "\n"); every other text is one line.
#include "core/homework.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <exception>
#include <nlohmann/json.hpp>
#include <utility>

#include "core/json_fields.h"
#include "core/json_locator.h"
#include "core/local_text.h"
#include "core/psfs.h"
#include "core/routine_validation.h"
#include "core/translate.h"

namespace unknot::core {
namespace {

using nlohmann::json;
using namespace std::chrono;

constexpr std::string_view kDayNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr std::string_view kHomeworkFields[] = {"format",   "format_version", "id",
                                                "revision", "routine",        "prescription"};
constexpr std::string_view kPrescriptionFields[] = {
    "times_per_day", "days", "start", "end", "therapist", "note", "psfs_activities"};

// domain.md §2.3: Davies allows 3-6 times a day per point; more is not a home programme.
constexpr std::int64_t kMaxTimesPerDay = 6;
constexpr std::int64_t kMaxRevision = 1'000'000'000;
// One block at a time: a longer programme is sent as new revisions.
constexpr int kMaxBlockDays = 366;
constexpr std::size_t kMaxTherapistChars = 80;
constexpr std::size_t kMaxNoteChars = 1000;
constexpr std::size_t kCloseMuscles = 3;

// Monday = 0 .. Sunday = 6.
unsigned day_index(Day day) { return weekday{day}.iso_encoding() - 1; }

std::string two_digits(unsigned value) {
  return std::string{static_cast<char>('0' + value / 10 % 10), static_cast<char>('0' + value % 10)};
}

std::string four_digits(int value) {
  const auto v = static_cast<unsigned>(std::clamp(value, 0, 9999));
  return two_digits(v / 100) + two_digits(v % 100);
}

// "yyyy-mm-dd" exactly; nullopt for any other shape, `bad_date` set when the shape is right but
// the calendar has no such day (2026-02-30).
std::optional<Day> parse_iso_date(std::string_view text, bool& bad_date) {
  bad_date = false;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto number = [&](std::size_t at, std::size_t length) -> std::optional<int> {
    int value = 0;
    const char* first = text.data() + at;
    const char* last = first + length;
    if (!std::all_of(first, last, [](char c) { return c >= '0' && c <= '9'; })) return {};
    std::from_chars(first, last, value);
    return value;
  };
  const auto y = number(0, 4);
  const auto m = number(5, 2);
  const auto d = number(8, 2);
  if (!y || !m || !d) return std::nullopt;
  const year_month_day ymd{year{*y}, month{static_cast<unsigned>(*m)},
                           std::chrono::day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) {
    bad_date = true;
    return std::nullopt;
  }
  return sys_days{ymd};
}

std::optional<Day> read_date(FieldReader& r, std::string_view key) {
  const auto text = r.text(key, Need::Required, 40);
  if (!text) return std::nullopt;
  bool bad_date = false;
  if (auto day = parse_iso_date(*text, bad_date)) return day;
  if (bad_date) {
    r.log().at_value(
        r.field(key),
        // TRANSLATORS: {date} is a date as the file writes it, as 2026-02-30. yyyy-mm-dd is how a
        // date is written in the file (year, month, day): keep it as it is.
        fill(tr("{date} is not a day in the calendar"), {{"date", *text}}),
        tr("check the month and the day: dates are written yyyy-mm-dd"));
  } else {
    r.log().at_value(
        r.field(key),
        fill(tr("must be a date written yyyy-mm-dd (got \"{date}\")"), {{"date", *text}}),
        tr("for 30 November 2026, write \"2026-11-30\""));
  }
  return std::nullopt;
}

// An optional note: up to kMaxNoteChars characters, line breaks allowed, no other control
// characters. Empty is the same as no note.
std::string read_note(FieldReader& r) {
  if (!r.has("note")) return {};
  const std::string field = r.field("note");
  // FieldReader::text refuses line breaks, which a note may hold; read the member directly.
  const auto& object = r.object();
  const json& value = object.at("note");
  if (!value.is_string()) {
    r.log().at_value(field,
                     fill(tr("must be a string (got {value})"), {{"value", describe(value)}}));
    return {};
  }
  std::string note;
  const auto& raw = value.get_ref<const std::string&>();
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') continue;
    note.push_back(raw[i]);
  }
  if (std::any_of(note.begin(), note.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return (b < 0x20 && c != '\n') || b == 0x7F;
      })) {
    r.log().at_value(field, tr("may hold line breaks but no tabs or other control characters"));
    return {};
  }
  if (const std::size_t n = count_chars(note); n > kMaxNoteChars) {
    r.log().at_value(field,
                     fill(trn("is {n} character long; the limit is {limit}",
                              "is {n} characters long; the limit is {limit}", n),
                          {{"n", std::to_string(n)}, {"limit", std::to_string(kMaxNoteChars)}}),
                     tr("keep the note to what the client needs at home"));
    return {};
  }
  return note;
}

std::optional<std::array<bool, 7>> read_days(FieldReader& r) {
  std::array<bool, 7> chosen{true, true, true, true, true, true, true};
  if (!r.has("days")) return chosen;
  const json* list = r.array("days", Need::Optional, 0, static_cast<std::size_t>(-1));
  if (!list) return std::nullopt;
  const std::string field = r.field("days");
  if (list->empty()) {
    r.log().at_value(field, tr("must name at least one day of the week"),
                     // TRANSLATORS: "days" is a field name of a homework file, and {days} lists
                     // the day names the file uses (mon, tue ...): keep those as they are.
                     fill(tr("leave \"days\" out for every day, or list some of {days}"),
                          {{"days", join_choices(kDayNames)}}));
    return std::nullopt;
  }
  chosen.fill(false);
  bool ok = true;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const json& item = (*list)[i];
    const std::string item_field = pointer_append(field, i);
    const auto found = item.is_string() ? std::find(std::begin(kDayNames), std::end(kDayNames),
                                                    item.get_ref<const std::string&>())
                                        : std::end(kDayNames);
    if (found == std::end(kDayNames)) {
      std::string hint = fill(tr("days are written {days}"), {{"days", join_choices(kDayNames)}});
      if (item.is_string() && item.get_ref<const std::string&>().size() > 3) {
        std::string start = item.get<std::string>().substr(0, 3);
        std::transform(start.begin(), start.end(), start.begin(),
                       [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
        if (std::find(std::begin(kDayNames), std::end(kDayNames), start) != std::end(kDayNames)) {
          hint =
              // TRANSLATORS: {day} is a day as the file should write it, as "mon".
              fill(tr("write the first three letters in lower case: \"{day}\""), {{"day", start}});
        }
      }
      r.log().at_value(
          item_field,
          fill(tr("is not a day of the week (got {value})"), {{"value", describe(item)}}),
          std::move(hint));
      ok = false;
      continue;
    }
    const auto index = static_cast<std::size_t>(found - std::begin(kDayNames));
    if (chosen[index]) {
      r.log().at_value(item_field, fill(tr("\"{name}\" is listed twice"), {{"name", *found}}),
                       tr("name each day once"));
      ok = false;
      continue;
    }
    chosen[index] = true;
  }
  if (!ok) return std::nullopt;
  return chosen;
}

// The PSFS activities the therapist names (core/psfs.h): up to three one-line names, each once.
std::vector<std::string> read_psfs_activities(FieldReader& r) {
  if (!r.has("psfs_activities")) return {};
  const std::string field = r.field("psfs_activities");
  const json& value = r.object().at("psfs_activities");
  if (value.is_array() && value.size() > static_cast<std::size_t>(kPsfsMaxActivities)) {
    r.log().at_value(
        field,
        // TRANSLATORS: {n} activities named; the PSFS (a functional scale) asks about {most}.
        fill(trn("names {n} activity; the PSFS asks about {most} at most",
                 "names {n} activities; the PSFS asks about {most} at most", value.size()),
             {{"n", std::to_string(value.size())}, {"most", std::to_string(kPsfsMaxActivities)}}),
        tr("keep the three that matter most to the client"));
    return {};
  }
  const auto names =
      r.text_list("psfs_activities", Need::Optional, kPsfsMaxActivities, kPsfsMaxActivityChars);
  if (!names) return {};
  std::vector<std::string> out;
  for (std::size_t i = 0; i < names->size(); ++i) {
    const std::string name = psfs_trimmed((*names)[i]);
    const bool twice = std::any_of(out.begin(), out.end(), [&](const std::string& earlier) {
      return same_psfs_activity(earlier, name);
    });
    if (twice) {
      r.log().at_value(pointer_append(field, i),
                       fill(tr("\"{name}\" is listed twice"), {{"name", name}}),
                       tr("name each activity once (case and spaces do not make another one)"));
      return {};
    }
    out.push_back(name);
  }
  return out;
}

std::optional<HomeworkPrescription> read_prescription(FieldReader& r) {
  const std::size_t problems_before = r.log().count();
  r.reject_unknown(kPrescriptionFields);
  HomeworkPrescription p;
  p.times_per_day =
      static_cast<int>(r.whole_number("times_per_day", Need::Optional, 1, kMaxTimesPerDay,
                                      // TRANSLATORS: completing "must be ..."; {max} is a count.
                                      fill(tr("between 1 and {max} sessions a day"),
                                           {{"max", std::to_string(kMaxTimesPerDay)}}))
                           .value_or(1));
  const auto chosen = read_days(r);
  if (chosen) p.days = *chosen;
  const auto start = read_date(r, "start");
  const auto end = read_date(r, "end");
  p.therapist = r.text("therapist", Need::Optional, kMaxTherapistChars).value_or("");
  p.note = read_note(r);
  p.psfs_activities = read_psfs_activities(r);
  if (start && end) {
    p.start = *start;
    p.end = *end;
    const int block_days = static_cast<int>((*end - *start).count()) + 1;
    if (*end < *start) {
      r.log().at_value(
          r.field("end"),
          // TRANSLATORS: {end} and {start} are dates as the file writes them (2026-11-30).
          fill(tr("contradictory dates: end {end} is before start {start}"),
               {{"end", iso_date(*end)}, {"start", iso_date(*start)}}),
          tr("the block runs from start to end, both days included; are they swapped?"));
    } else if (block_days > kMaxBlockDays) {
      r.log().at_value(
          r.field("end"),
          // TRANSLATORS: {n} is the block's length in days, {most} the longest allowed.
          fill(tr("the block runs {n} days; a homework block is at most 1 year ({most} "
                  "days)"),
               {{"n", std::to_string(block_days)}, {"most", std::to_string(kMaxBlockDays)}}),
          tr("send a longer programme as one block at a time, each a new revision"));
    } else if (chosen && prescribed_in_block(p) == 0) {
      r.log().at_value(r.field("days"),
                       fill(tr("none of these days falls between {start} and {end}, so nothing is "
                               "prescribed"),
                            {{"start", iso_date(*start)}, {"end", iso_date(*end)}}),
                       tr("widen the dates or choose other days"));
    }
  }
  if (r.log().count() != problems_before) return std::nullopt;
  return p;
}

// Pressure steps whose muscle is a valid id that the library does not know.
void check_muscles(const json& routine, const std::string& pointer, const MuscleLibrary& library,
                   ProblemLog& log) {
  if (library.muscles.empty() || !routine.is_object()) return;
  const auto steps = routine.find("steps");
  if (steps == routine.end() || !steps->is_array()) return;
  for (std::size_t i = 0; i < steps->size(); ++i) {
    const json& step = (*steps)[i];
    if (!step.is_object() || step.value("type", json()) != "pressure") continue;
    const auto muscle = step.find("muscle");
    if (muscle == step.end() || !muscle->is_string()) continue;
    const auto& id = muscle->get_ref<const std::string&>();
    const bool known = std::any_of(library.muscles.begin(), library.muscles.end(),
                                   [&](const MuscleInfo& m) { return m.id == id; });
    if (known || id.empty() || id.size() > 64) continue;  // bad ids are reported as such
    std::vector<std::pair<std::size_t, const std::string*>> near;
    for (const MuscleInfo& m : library.muscles) near.emplace_back(edit_distance(id, m.id), &m.id);
    std::stable_sort(near.begin(), near.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    // Only ids within about a third of the name's length of edits: a typo, not a different word.
    const std::size_t reach = id.size() / 3 + 1;
    std::vector<std::string_view> closest;
    for (std::size_t k = 0; k < near.size() && k < kCloseMuscles && near[k].first <= reach; ++k) {
      closest.push_back(*near[k].second);
    }
    log.at_value(
        pointer_append(pointer_append(pointer_append(pointer, "steps"), i), "muscle"),
        closest.empty()
            // TRANSLATORS: {id} is the muscle id the file names; {ids} lists known ids spelt nearly
            // the same.
            ? fill(tr("unknown muscle \"{id}\": not in Unknot's muscle library"), {{"id", id}})
            : fill(tr("unknown muscle \"{id}\": not in Unknot's muscle library; did you mean "
                      "{ids}?"),
                   {{"id", id}, {"ids", join_choices(closest)}}),
        // TRANSLATORS: snake_case: names written in lower case with _ between the words.
        fill(tr("muscle ids are snake_case names from the library, e.g. \"{id}\""),
             {{"id", library.muscles.front().id}}));
  }
}

// True when `object` has a member whose name is a near miss for `name` ("rotine"): that member
// is already reported with a suggestion, so `name` is not reported missing as well.
bool misspelt(const json& object, std::string_view name) {
  for (const auto& [key, value] : object.items()) {
    if (key != name && !key.starts_with('_') && edit_distance(key, name) <= 2) return true;
  }
  return false;
}

Homework validate_homework(const json& root, ProblemLog& log, const PatternLookup& lookup,
                           const MuscleLibrary* library) {
  Homework homework;
  if (!root.is_object()) {
    log.at_value("", fill(tr("a homework file must hold one JSON object {{ ... }} (got {value})"),
                          {{"value", describe(root)}}));
    return homework;
  }
  FieldReader r(root, "", log);
  // Not homework at all: saying so beats listing every member it lacks.
  const auto format = root.find("format");
  if (format == root.end()) {
    const bool routine_like = root.contains("steps");
    log.at_value("/format", tr("is required but missing: a homework file says what it is"),
                 routine_like ? tr("this looks like a routine file: check it as a .json file, or "
                                   "put it under \"routine\" in a homework file")
                              : tr("start the file with \"format\": \"unknot-homework\""));
    return homework;
  }
  if (!format->is_string() || *format != kHomeworkFormat) {
    // TRANSLATORS: {format} is the word a homework file starts with; {value} what this one has.
    log.at_value("/format", fill(tr("this is not an Unknot homework file: \"format\" must be "
                                    "\"{format}\" (got {value})"),
                                 {{"format", kHomeworkFormat}, {"value", describe(*format)}}));
    return homework;
  }
  // A newer file may use members this version does not know: one clear problem, not a list.
  if (const auto it = root.find("format_version");
      it != root.end() && it->is_number() && it->get<double>() > kHomeworkFormatVersion &&
      std::floor(it->get<double>()) == it->get<double>()) {
    log.at_value(
        "/format_version",
        // TRANSLATORS: {format} is the file's format number, {version} the one this app reads.
        fill(tr("made by a newer Unknot (format {format}); this version reads format "
                "{version} \u2014 update Unknot"),
             {{"format", describe(*it)}, {"version", std::to_string(kHomeworkFormatVersion)}}),
        tr("ask your therapist for a file your version reads, or install the latest "
           "Unknot"));
    return homework;
  }
  r.reject_unknown(kHomeworkFields);
  homework.format_version = static_cast<int>(
      r.whole_number("format_version", Need::Required, 1, kHomeworkFormatVersion, tr("equal to 1"))
          .value_or(kHomeworkFormatVersion));
  homework.id = r.identifier("id", Need::Required).value_or("");
  homework.revision =
      static_cast<int>(r.whole_number("revision", Need::Required, 1, kMaxRevision,
                                      tr("a whole number of at least 1, raised by each edit"))
                           .value_or(1));
  if (const auto routine = root.find("routine"); routine != root.end()) {
    homework.routine = validate_routine(*routine, log, lookup, "/routine");
    if (library) check_muscles(*routine, "/routine", *library, log);
  } else if (!misspelt(root, "routine")) {
    log.at_value("/routine",
                 tr("is required but missing: the routine to play, as in a routine file"));
  }
  if (const auto prescription = root.find("prescription"); prescription == root.end()) {
    if (!misspelt(root, "prescription"))
      log.at_value("/prescription",
                   tr("is required but missing: how often, on which days, from when until when"));
  } else if (!prescription->is_object()) {
    log.at_value("/prescription", fill(tr("must be an object {{ ... }} (got {value})"),
                                       {{"value", describe(*prescription)}}));
  } else {
    FieldReader p(*prescription, "/prescription", log);
    if (auto read = read_prescription(p)) homework.prescription = std::move(*read);
  }
  return homework;
}

HomeworkParseResult parse_checked(std::string_view text, std::string_view file,
                                  const PatternLookup& lookup, const MuscleLibrary* library) {
  HomeworkParseResult result;
  // TRANSLATORS: the kind of file, in "the most a homework file may be is 1 MiB".
  auto document = read_json_document(text, file, tr_noop("a homework file"), result.problems);
  if (!document) return result;
  const JsonLocator locator(text);
  ProblemLog log(file, locator);
  log_duplicate_keys(locator, log);
  const PatternLookup& patterns = lookup ? lookup : builtin_pattern_lookup();
  Homework homework = validate_homework(*document, log, patterns, library);
  result.problems = log.take();
  if (result.problems.empty()) result.homework = std::move(homework);
  return result;
}

}  // namespace

std::string iso_date(Day day) {
  const year_month_day ymd{day};
  return four_digits(static_cast<int>(ymd.year())) + '-' +
         two_digits(static_cast<unsigned>(ymd.month())) + '-' +
         two_digits(static_cast<unsigned>(ymd.day()));
}

int prescribed_on(const HomeworkPrescription& p, Day day) {
  if (day < p.start || day > p.end) return 0;
  return p.days[day_index(day)] ? p.times_per_day : 0;
}

int prescribed_in_week(const HomeworkPrescription& p, Day week_start) {
  int total = 0;
  for (int i = 0; i < 7; ++i) total += prescribed_on(p, week_start + days{i});
  return total;
}

int prescribed_in_block(const HomeworkPrescription& p) {
  if (p.end < p.start) return 0;
  int total = 0;
  // Whole weeks first, so a long block costs no more than a short one.
  const auto length = (p.end - p.start).count() + 1;
  const auto weeks = length / 7;
  const int per_week =
      static_cast<int>(std::count(p.days.begin(), p.days.end(), true)) * p.times_per_day;
  total += static_cast<int>(weeks) * per_week;
  for (Day d = p.start + days{weeks * 7}; d <= p.end; d += days{1}) total += prescribed_on(p, d);
  return total;
}

std::optional<Day> first_prescribed_day(const HomeworkPrescription& p) {
  for (Day d = p.start; d <= p.end && d < p.start + days{7}; d += days{1}) {
    if (prescribed_on(p, d) > 0) return d;
  }
  return std::nullopt;
}

std::string schedule_text(const HomeworkPrescription& p) {
  std::string days_text;
  if (std::all_of(p.days.begin(), p.days.end(), [](bool b) { return b; })) {
    // TRANSLATORS: a homework's schedule: on all seven days of the week.
    days_text = tr("Every day");
  } else {
    for (std::size_t i = 0; i < 7; ++i) {
      if (!p.days[i]) continue;
      if (!days_text.empty()) days_text += ", ";
      days_text += short_weekday_name(weekday{static_cast<unsigned>(i + 1) % 7});
    }
  }
  const year_month_day start{p.start};
  const year_month_day end{p.end};
  const std::string dates = fill(
      // TRANSLATORS: the first and last days of a homework block, as "30 Nov – 27 Dec 2026".
      tr("{start} \u2013 {end}"),
      {{"start", start.year() != end.year() ? day_month_year_text(start) : day_month_text(start)},
       {"end", day_month_year_text(end)}});
  const int total = prescribed_in_block(p);
  const auto count = [](int n) { return static_cast<std::uint64_t>(std::max(0, n)); };
  // TRANSLATORS: how many sessions a day a homework asks for ("2 a day").
  const std::string per_day = fill(trn("{n} a day", "{n} a day", count(p.times_per_day)),
                                   {{"n", std::to_string(p.times_per_day)}});
  const std::string sessions =
      // TRANSLATORS: how many sessions a homework block holds in all.
      fill(trn("{n} session", "{n} sessions", count(total)), {{"n", std::to_string(total)}});
  return fill(
      // TRANSLATORS: a homework's schedule: {days} as "Mon, Wed, Fri" or "Every day", {per_day} as
      // "1 a day", {dates} as "30 Nov – 27 Dec 2026", {sessions} as "12 sessions".
      tr("{days} \u00b7 {per_day} \u00b7 {dates} ({sessions})"),
      {{"days", days_text}, {"per_day", per_day}, {"dates", dates}, {"sessions", sessions}});
}

std::string homework_routine_id(std::string_view homework_id) {
  return std::string(kHomeworkRoutinePrefix) + std::string(homework_id);
}

bool is_homework_text(std::string_view text) {
  try {
    const json document = json::parse(text.begin(), text.end(), nullptr, false);
    if (!document.is_object()) return false;
    const auto format = document.find("format");
    return format != document.end() && format->is_string() && *format == kHomeworkFormat;
  } catch (...) {
    return false;
  }
}

HomeworkParseResult parse_homework(std::string_view text, std::string_view file,
                                   const PatternLookup& lookup, const MuscleLibrary* library) {
  // "Never throws", as parse_routine: a surprise becomes a problem the caller can show.
  try {
    return parse_checked(text, file, lookup, library);
  } catch (const std::exception& e) {
    HomeworkParseResult result;
    result.problems.push_back(
        {std::string(file), 0, 0, "",
         // TRANSLATORS: {error} is the program's own English description of what failed.
         fill(tr("could not read the homework: {error}"), {{"error", e.what()}})});
    return result;
  } catch (...) {
    HomeworkParseResult result;
    result.problems.push_back({std::string(file), 0, 0, "", tr("could not read the homework")});
    return result;
  }
}

std::vector<std::string> psfs_activities_on(const std::vector<Homework>& list, Day today) {
  for (const Homework& hw : list) {
    const HomeworkPrescription& p = hw.prescription;
    if (p.start <= today && today <= p.end && !p.psfs_activities.empty()) {
      return p.psfs_activities;
    }
  }
  return {};
}

std::string homework_json(const Homework& homework) {
  nlohmann::ordered_json out;
  out["format"] = kHomeworkFormat;
  out["format_version"] = homework.format_version;
  out["id"] = homework.id;
  out["revision"] = homework.revision;
  out["routine"] = routine_document(homework.routine);
  const HomeworkPrescription& p = homework.prescription;
  nlohmann::ordered_json prescription;
  prescription["times_per_day"] = p.times_per_day;
  prescription["days"] = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < 7; ++i) {
    if (p.days[i]) prescription["days"].push_back(kDayNames[i]);
  }
  prescription["start"] = iso_date(p.start);
  prescription["end"] = iso_date(p.end);
  if (!p.therapist.empty()) prescription["therapist"] = p.therapist;
  if (!p.note.empty()) prescription["note"] = p.note;
  if (!p.psfs_activities.empty()) prescription["psfs_activities"] = p.psfs_activities;
  out["prescription"] = std::move(prescription);
  return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace unknot::core
