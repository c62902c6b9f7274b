#include "core/homework.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using namespace unknot::core;
using namespace std::chrono;
using namespace std::chrono_literals;

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// tests/data/homework/neck_home.unknot: one member per line. The lines the cases below use:
// 2 format, 3 format_version, 4 id, 5 revision, 9 routine title, 19 breaths of step 0,
// 29 duration_s / 30 reps / 31 rest_s of step 1, 35 muscle of step 2, 45 times_per_day,
// 46 days, 47 start, 48 end, 49 therapist, 50 note.
std::string fixture(std::string_view name = "neck_home.unknot") {
  return read_file(std::filesystem::path(UNKNOT_TEST_DATA_DIR) / "homework" / name);
}

// `text` with its only occurrence of `from` replaced: the line layout stays as documented.
std::string edit(std::string text, std::string_view from, std::string_view to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "not in the text: " << from);
  REQUIRE_MESSAGE(text.find(from, at + 1) == std::string::npos, "more than once: " << from);
  return text.replace(at, from.size(), to);
}

MuscleLibrary small_library() {
  MuscleLibrary library;
  for (const char* id :
       {"upper_trapezius", "middle_trapezius", "levator_scapulae", "suboccipitals", "masseter"}) {
    MuscleInfo info;
    info.id = id;
    info.name = id;
    library.muscles.push_back(info);
  }
  return library;
}

HomeworkParseResult parse(std::string_view text, const MuscleLibrary* library = nullptr) {
  return parse_homework(text, "hw.unknot", builtin_pattern_lookup(), library);
}

std::string listing(const HomeworkParseResult& result) {
  std::string out;
  for (const auto& p : result.problems) out += "\n  " + p.to_string() + " [hint: " + p.hint + "]";
  return out;
}

// The one problem a single mistake should give: its field, line, column and wording. A copy:
// callers pass the parse result as a temporary.
ParseProblem only_problem(const HomeworkParseResult& result, std::string_view field, int line,
                          int column, std::string_view fragment) {
  INFO("problems:" << listing(result));
  REQUIRE(result.problems.size() == 1);
  const ParseProblem& p = result.problems[0];
  CHECK(p.file == "hw.unknot");
  CHECK(p.field == field);
  CHECK(p.line == line);
  CHECK(p.column == column);
  CHECK(p.message.find(fragment) != std::string::npos);
  CHECK_FALSE(result.homework.has_value());
  return p;
}

constexpr Day kMon30Nov{2026y / November / 30};

HomeworkPrescription mon_wed_fri() {
  HomeworkPrescription p;
  p.days = {true, false, true, false, true, false, false};
  p.start = kMon30Nov;
  p.end = sys_days{2026y / December / 27};
  return p;
}

// The lines of an iCalendar text, unfolded (RFC 5545 §3.1).
std::vector<std::string> unfolded_lines(const std::string& ics) {
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (at < ics.size()) {
    const auto end = ics.find("\r\n", at);
    REQUIRE(end != std::string::npos);
    std::string line = ics.substr(at, end - at);
    if (!line.empty() && line[0] == ' ') {
      REQUIRE_FALSE(lines.empty());
      lines.back() += line.substr(1);
    } else {
      lines.push_back(line);
    }
    at = end + 2;
  }
  return lines;
}

std::vector<std::string> lines_starting(const std::vector<std::string>& lines,
                                        std::string_view start) {
  std::vector<std::string> out;
  for (const auto& line : lines) {
    if (line.starts_with(start)) out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("a valid homework file parses into the routine and its prescription") {
  const auto result = parse(fixture());
  INFO("problems:" << listing(result));
  REQUIRE(result.homework.has_value());
  const Homework& hw = *result.homework;
  CHECK(hw.id == "sam-lee-neck-2026-11");
  CHECK(hw.revision == 1);
  CHECK(hw.routine.id == "neck_home");
  REQUIRE(hw.routine.steps.size() == 3);
  CHECK(hw.routine.steps[1].reps == 2);
  CHECK(hw.routine.steps[1].rest == 20s);
  CHECK(hw.routine.steps[2].reps == 1);
  CHECK(hw.routine.steps[2].rest == 0s);
  const HomeworkPrescription& p = hw.prescription;
  CHECK(p.times_per_day == 1);
  CHECK(p.days == std::array<bool, 7>{true, false, true, false, true, false, false});
  CHECK(p.start == kMon30Nov);
  CHECK(p.end == sys_days{2026y / December / 27});
  CHECK(p.therapist == "Sam Lee");
  CHECK(p.note == "Gentle pressure; stop if it tingles.\nCall me, Sam, if it gets worse.");
}

TEST_CASE("homework_json writes a file that parses back to the same homework") {
  const auto first = parse(fixture());
  REQUIRE(first.homework.has_value());
  const std::string text = homework_json(*first.homework);
  const auto again = parse(text);
  INFO("problems:" << listing(again) << "\n" << text);
  REQUIRE(again.homework.has_value());
  CHECK(*again.homework == *first.homework);
  CHECK(homework_json(*again.homework) == text);
  CHECK(is_homework_text(text));
}

TEST_CASE("defaults: every day once a day, and no therapist or note") {
  std::string text = fixture();
  text = edit(text, "\"times_per_day\": 1,", "\"_times\": 1,");
  text = edit(text, "\"days\": [\"mon\", \"wed\", \"fri\"],", "\"_days\": 0,");
  text = edit(text, "\"therapist\": \"Sam Lee\",", "\"_t\": 0,");
  text = edit(
      text, "\"note\": \"Gentle pressure; stop if it tingles.\\nCall me, Sam, if it gets worse.\"",
      "\"_n\": 0");
  const auto result = parse(text);
  INFO("problems:" << listing(result));
  REQUIRE(result.homework.has_value());
  const auto& p = result.homework->prescription;
  CHECK(p.times_per_day == 1);
  CHECK(std::all_of(p.days.begin(), p.days.end(), [](bool b) { return b; }));
  CHECK(p.therapist.empty());
  CHECK(p.note.empty());
}

TEST_CASE("a file whose format is not unknot-homework is refused with that one problem") {
  only_problem(parse(edit(fixture(), "\"format\": \"unknot-homework\"", "\"format\": \"unknot\"")),
               "/format", 2, 13, "not an Unknot homework file");
}

TEST_CASE("a routine file read as homework says so in a hint") {
  const std::string routine =
      "{\n  \"format_version\": 1,\n  \"id\": \"r\",\n  \"title\": \"R\",\n  \"steps\": []\n}\n";
  const auto result = parse(routine);
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].field == "/format");
  CHECK(result.problems[0].message.find("is required but missing") != std::string::npos);
  CHECK(result.problems[0].hint.find("looks like a routine file") != std::string::npos);
  CHECK_FALSE(is_homework_text(routine));
}

TEST_CASE("a file from a newer Unknot is refused with one clear problem and a hint") {
  // The newer file also has a member this version does not know: not reported.
  const auto& p = only_problem(
      parse(fixture("newer_format.unknot")), "/format_version", 3, 21,
      "made by a newer Unknot (format 2); this version reads format 1 \u2014 update Unknot");
  CHECK_FALSE(p.hint.empty());
}

TEST_CASE("every problem of the homework's own members names its line, column and field") {
  const std::string base = fixture();
  SUBCASE("id syntax") {
    only_problem(parse(edit(base, "\"id\": \"sam-lee-neck-2026-11\"", "\"id\": \"Sam Lee\"")),
                 "/id", 4, 9, "must be 1-64 characters from a-z, 0-9, _ and -");
  }
  SUBCASE("revision below 1") {
    only_problem(parse(edit(base, "\"revision\": 1", "\"revision\": 0")), "/revision", 5, 15,
                 "at least 1");
  }
  SUBCASE("an unknown member gets a suggestion") {
    only_problem(parse(edit(base, "\"revision\": 1", "\"revison\": 1")), "/revison", 5, 3,
                 "did you mean \"revision\"?");
  }
  SUBCASE("times_per_day above 6") {
    only_problem(parse(edit(base, "\"times_per_day\": 1", "\"times_per_day\": 7")),
                 "/prescription/times_per_day", 45, 22, "between 1 and 6 sessions a day");
  }
  SUBCASE("no days") {
    only_problem(parse(edit(base, "[\"mon\", \"wed\", \"fri\"]", "[]")), "/prescription/days", 46,
                 13, "at least one day");
  }
  SUBCASE("a day that is not one") {
    const auto& p = only_problem(parse(edit(base, "[\"mon\", \"wed\"", "[\"Monday\", \"wed\"")),
                                 "/prescription/days/0", 46, 14, "is not a day of the week");
    CHECK(p.hint.find("\"mon\"") != std::string::npos);
  }
  SUBCASE("a day listed twice") {
    only_problem(parse(edit(base, "[\"mon\", \"wed\"", "[\"mon\", \"mon\"")),
                 "/prescription/days/1", 46, 21, "\"mon\" is listed twice");
  }
  SUBCASE("a date in another shape") {
    const auto& p =
        only_problem(parse(edit(base, "\"2026-11-30\"", "\"30/11/2026\"")), "/prescription/start",
                     47, 14, "must be a date written yyyy-mm-dd");
    CHECK(p.hint.find("2026-11-30") != std::string::npos);
  }
  SUBCASE("a date the calendar does not have") {
    only_problem(parse(edit(base, "\"end\": \"2026-12-27\"", "\"end\": \"2027-02-29\"")),
                 "/prescription/end", 48, 12, "2027-02-29 is not a day in the calendar");
  }
  SUBCASE("end before start") {
    const auto& p =
        only_problem(parse(edit(base, "\"end\": \"2026-12-27\"", "\"end\": \"2026-11-01\"")),
                     "/prescription/end", 48, 12,
                     "contradictory dates: end 2026-11-01 is before start 2026-11-30");
    CHECK_FALSE(p.hint.empty());
  }
  SUBCASE("a block longer than a year") {
    only_problem(parse(edit(base, "\"end\": \"2026-12-27\"", "\"end\": \"2027-12-01\"")),
                 "/prescription/end", 48, 12, "at most 1 year");
  }
  SUBCASE("no chosen day within the dates") {
    // Tuesday 1 December only, but the days are Mon, Wed, Fri.
    std::string text = edit(base, "\"start\": \"2026-11-30\"", "\"start\": \"2026-12-01\"");
    text = edit(text, "\"end\": \"2026-12-27\"", "\"end\": \"2026-12-01\"");
    only_problem(parse(text), "/prescription/days", 46, 13, "nothing is prescribed");
  }
  SUBCASE("a therapist name over 80 characters") {
    only_problem(parse(edit(base, "\"Sam Lee\"", "\"" + std::string(81, 'S') + "\"")),
                 "/prescription/therapist", 49, 18, "the limit is 80");
  }
  SUBCASE("a note over 1000 characters") {
    only_problem(parse(edit(base, "\"Gentle pressure;",
                            "\"" + std::string(1000, 'x') + " Gentle pressure;")),
                 "/prescription/note", 50, 13, "the limit is 1000");
  }
  SUBCASE("a note with a tab") {
    only_problem(parse(edit(base, "Gentle pressure;", "Gentle\\tpressure;")), "/prescription/note",
                 50, 13, "no tabs");
  }
  SUBCASE("no prescription") {
    const auto result = parse(edit(base, "\"prescription\": {", "\"_prescription\": {"));
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].field == "/prescription");
    CHECK(result.problems[0].message.find("is required but missing") != std::string::npos);
  }
}

TEST_CASE("the routine is checked as a routine file, its fields under /routine") {
  const std::string base = fixture();
  SUBCASE("a breathing step too short") {
    only_problem(parse(edit(base, "\"breaths\": 6", "\"duration_s\": 2")),
                 "/routine/steps/0/duration_s", 19, 23, "between 5 and 1800 seconds");
  }
  SUBCASE("a hold too long") {
    only_problem(parse(edit(base, "\"duration_s\": 45,\n        \"reps\"",
                            "\"duration_s\": 95,\n        \"reps\"")),
                 "/routine/steps/1/duration_s", 29, 23, "between 20 and 90 seconds");
  }
  SUBCASE("a title too long") {
    only_problem(
        parse(edit(base, "\"Neck and shoulders at home\"", "\"" + std::string(81, 'N') + "\"")),
        "/routine/title", 9, 14, "the limit is 80");
  }
  SUBCASE("more than 3 reps") {
    only_problem(parse(edit(base, "\"reps\": 2", "\"reps\": 4")), "/routine/steps/1/reps", 30, 17,
                 "between 1 and 3 holds per side");
  }
  SUBCASE("a rest over 60 s") {
    only_problem(parse(edit(base, "\"rest_s\": 20", "\"rest_s\": 61")), "/routine/steps/1/rest_s",
                 31, 19, "between 0 and 60 seconds");
  }
  SUBCASE("a routine of a newer format") {
    only_problem(parse(edit(base, "    \"format_version\": 1,", "    \"format_version\": 2,")),
                 "/routine/format_version", 7, 23, "needs a newer version of Unknot");
  }
  SUBCASE("more than 60 steps") {
    auto hw = parse(base).homework.value();
    StepSpec breathe = hw.routine.steps[0];
    hw.routine.steps.assign(61, breathe);
    const auto result = parse(homework_json(hw));
    REQUIRE_FALSE(result.problems.empty());
    CHECK(result.problems[0].field == "/routine/steps");
    CHECK(result.problems[0].message.find("1 to 60 entries") != std::string::npos);
  }
}

TEST_CASE("muscles the library does not know are refused, naming the closest ids") {
  const MuscleLibrary library = small_library();
  const std::string text = edit(fixture(), "\"levator_scapulae\"", "\"levator_scapula\"");
  const auto& p = only_problem(parse(text, &library), "/routine/steps/2/muscle", 35, 19,
                               "unknown muscle \"levator_scapula\"");
  CHECK(p.message.find("did you mean levator_scapulae") != std::string::npos);
  // Without a library any well-formed id is accepted.
  CHECK(parse(text).homework.has_value());
  CHECK(parse(fixture(), &library).homework.has_value());
}

TEST_CASE("prescribed_on counts sessions on chosen days within the block only") {
  HomeworkPrescription p = mon_wed_fri();
  p.times_per_day = 2;
  CHECK(prescribed_on(p, kMon30Nov) == 2);
  CHECK(prescribed_on(p, kMon30Nov + days{1}) == 0);              // Tuesday
  CHECK(prescribed_on(p, kMon30Nov + days{2}) == 2);              // Wednesday
  CHECK(prescribed_on(p, kMon30Nov - days{2}) == 0);              // Saturday before the start
  CHECK(prescribed_on(p, kMon30Nov - days{7}) == 0);              // a Monday before the start
  CHECK(prescribed_on(p, p.end + days{1}) == 0);                  // Monday after the end
  CHECK(prescribed_on(p, sys_days{2026y / December / 25}) == 2);  // Friday, the last one
}

TEST_CASE("prescribed_in_week counts the 7 days from week_start, clipped to the block") {
  const HomeworkPrescription p = mon_wed_fri();
  CHECK(prescribed_in_week(p, kMon30Nov) == 3);
  CHECK(prescribed_in_week(p, kMon30Nov + days{2}) == 3);   // Wed, Fri, Mon
  CHECK(prescribed_in_week(p, kMon30Nov - days{3}) == 2);   // Fri..Thu: Mon and Wed inside
  CHECK(prescribed_in_week(p, kMon30Nov + days{28}) == 0);  // after the end
  CHECK(prescribed_in_block(p) == 12);
  CHECK(first_prescribed_day(p) == kMon30Nov);
  HomeworkPrescription later = p;
  later.start = kMon30Nov + days{1};
  CHECK(first_prescribed_day(later) == kMon30Nov + days{2});
  CHECK(prescribed_in_block(later) == 11);
}

TEST_CASE("schedule_text names the days, times a day, dates and session count") {
  HomeworkPrescription p = mon_wed_fri();
  CHECK(schedule_text(p) ==
        "Mon, Wed, Fri \u00b7 1 a day \u00b7 30 Nov \u2013 27 Dec 2026 (12 sessions)");
  p.days.fill(true);
  p.times_per_day = 2;
  p.end = sys_days{2027y / January / 3};
  CHECK(schedule_text(p) ==
        "Every day \u00b7 2 a day \u00b7 30 Nov 2026 \u2013 3 Jan 2027 (70 sessions)");
  CHECK(homework_routine_id("sam-lee-neck") == "homework:sam-lee-neck");
}

TEST_CASE("homework_ics is an RFC 5545 calendar: CRLF, folded lines, a weekly rule, escaped text") {
  Homework hw = parse(fixture()).homework.value();
  hw.prescription.note = "Easy; slow, then \\ rest.\n" + std::string(120, 'a');
  const std::string ics = homework_ics(hw);
  // Every line ends in CRLF, and none is longer than 75 octets.
  for (std::size_t i = 0; i < ics.size(); ++i) {
    if (ics[i] == '\n') CHECK((i > 0 && ics[i - 1] == '\r'));
  }
  std::size_t line_start = 0;
  for (std::size_t end = ics.find("\r\n"); end != std::string::npos;
       end = ics.find("\r\n", line_start)) {
    CHECK(end - line_start <= 75);
    line_start = end + 2;
  }
  CHECK(ics.find("\r\n ") != std::string::npos);  // the long description was folded

  const auto lines = unfolded_lines(ics);
  CHECK(lines.front() == "BEGIN:VCALENDAR");
  CHECK(lines.back() == "END:VCALENDAR");
  CHECK(lines_starting(lines, "VERSION:") == std::vector<std::string>{"VERSION:2.0"});
  CHECK(lines_starting(lines, "BEGIN:VEVENT").size() == 1);
  CHECK(lines_starting(lines, "UID:") ==
        std::vector<std::string>{"UID:unknot-homework-sam-lee-neck-2026-11-1"});
  CHECK(lines_starting(lines, "DTSTART:") == std::vector<std::string>{"DTSTART:20261130T090000"});
  CHECK(lines_starting(lines, "RRULE:") ==
        std::vector<std::string>{"RRULE:FREQ=WEEKLY;WKST=MO;BYDAY=MO,WE,FR;UNTIL=20261227T235959"});
  CHECK(lines_starting(lines, "SUMMARY:") ==
        std::vector<std::string>{"SUMMARY:Neck and shoulders at home"});
  CHECK(lines_starting(lines, "SEQUENCE:") == std::vector<std::string>{"SEQUENCE:0"});
  const auto description = lines_starting(lines, "DESCRIPTION:Easy");
  REQUIRE(description.size() == 1);
  CHECK(description[0].starts_with("DESCRIPTION:Easy\\; slow\\, then \\\\ rest.\\n" +
                                   std::string(120, 'a') + "\\n\\nFrom Sam Lee."));
}

TEST_CASE("homework_ics adds an event per time of day, each with its own UID") {
  Homework hw = parse(fixture()).homework.value();
  hw.prescription.times_per_day = 3;
  const auto lines = unfolded_lines(homework_ics(hw));
  CHECK(lines_starting(lines, "DTSTART:") == std::vector<std::string>{"DTSTART:20261130T090000",
                                                                      "DTSTART:20261130T130000",
                                                                      "DTSTART:20261130T180000"});
  const auto uids = lines_starting(lines, "UID:");
  REQUIRE(uids.size() == 3);
  CHECK(uids[0] != uids[1]);
  CHECK(uids[1] != uids[2]);
  // The same homework gives the same text: UIDs and stamps are stable.
  CHECK(homework_ics(hw) == homework_ics(hw));
}

TEST_CASE("is_homework_text looks at the format member only") {
  CHECK(is_homework_text("{\"format\": \"unknot-homework\"}"));
  CHECK_FALSE(is_homework_text("{\"format\": \"other\"}"));
  CHECK_FALSE(is_homework_text("[1, 2]"));
  CHECK_FALSE(is_homework_text("{not json"));
}

namespace {
// The fixture with psfs_activities `list` (JSON text) on the therapist's line (49), at column 48.
std::string with_psfs(std::string_view list) {
  return edit(fixture(), "\"therapist\": \"Sam Lee\",",
              "\"therapist\": \"Sam Lee\", \"psfs_activities\": " + std::string(list) + ",");
}
}  // namespace

TEST_CASE("a homework file may name up to three PSFS activities, kept trimmed and written back") {
  const auto result = parse(with_psfs(R"([" Reaching up ", "Carrying shopping", "Driving"])"));
  INFO("problems:" << listing(result));
  REQUIRE(result.homework.has_value());
  const auto& names = result.homework->prescription.psfs_activities;
  CHECK(names == std::vector<std::string>{"Reaching up", "Carrying shopping", "Driving"});
  const auto again = parse(homework_json(*result.homework));
  REQUIRE(again.homework.has_value());
  CHECK(again.homework->prescription.psfs_activities == names);
  // Without the field there are none, and none are written.
  const auto plain = parse(fixture());
  REQUIRE(plain.homework.has_value());
  CHECK(plain.homework->prescription.psfs_activities.empty());
  CHECK(homework_json(*plain.homework).find("psfs_activities") == std::string::npos);
}

TEST_CASE("bad PSFS activities in a homework file are named by field, line and column") {
  SUBCASE("four activities") {
    const auto& p = only_problem(parse(with_psfs(R"(["a", "b", "c", "d"])")),
                                 "/prescription/psfs_activities", 49, 48, "names 4 activities");
    CHECK(p.message.find("3 at most") != std::string::npos);
  }
  SUBCASE("an activity listed twice") {
    only_problem(parse(with_psfs(R"(["Driving", "driving "])")), "/prescription/psfs_activities/1",
                 49, 60, "\"driving\" is listed twice");
  }
  SUBCASE("a name too long") {
    only_problem(parse(with_psfs("[\"" + std::string(61, 'x') + "\"]")),
                 "/prescription/psfs_activities/0", 49, 49, "the limit is 60");
  }
  SUBCASE("a name that is not text") {
    only_problem(parse(with_psfs("[3]")), "/prescription/psfs_activities/0", 49, 49,
                 "must be a string");
  }
  SUBCASE("not a list") {
    only_problem(parse(with_psfs("\"Driving\"")), "/prescription/psfs_activities", 49, 48,
                 "must be an array");
  }
}

TEST_CASE("the PSFS activities come from the first homework in force today that names any") {
  Homework none, old, current;
  none.prescription = mon_wed_fri();
  old.prescription = mon_wed_fri();
  old.prescription.end = kMon30Nov + days{6};
  old.prescription.psfs_activities = {"Driving"};
  current.prescription = mon_wed_fri();
  current.prescription.start = kMon30Nov + days{7};
  current.prescription.psfs_activities = {"Reaching up", "Sleeping on my side"};
  const std::vector<Homework> list{none, old, current};
  CHECK(psfs_activities_on(list, kMon30Nov).front() == "Driving");
  CHECK(psfs_activities_on(list, kMon30Nov + days{7}).size() == 2);
  CHECK(psfs_activities_on(list, kMon30Nov - days{1}).empty());
  CHECK(psfs_activities_on(list, sys_days{2026y / December / 28}).empty());
}
