// Homework: a therapist's routine and its prescription (how often, which days, from when until
// when, who set it, a note), travelling as a `.unknot` file (JSON with a format version; see
// README "Homework files"). Pure: takes text, does no I/O.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/muscle_library.h"
#include "core/pain_stats.h"
#include "core/routine.h"
#include "core/routine_parser.h"

namespace unknot::core {

inline constexpr int kHomeworkFormatVersion = 1;
// The "format" member that marks a homework file.
inline constexpr std::string_view kHomeworkFormat = "unknot-homework";
// Sessions played from homework `id` are stored under the routine_id "homework:<id>".
inline constexpr std::string_view kHomeworkRoutinePrefix = "homework:";

// (Named apart from pain_stats.h's Prescription, the sessions-per-week figure adherence uses:
// prescribed_in_week gives that figure for one week of this.)
struct HomeworkPrescription {
  int times_per_day = 1;                                               // 1..6
  std::array<bool, 7> days{true, true, true, true, true, true, true};  // Monday .. Sunday
  Day start{};            // first day, local calendar, inclusive
  Day end{};              // last day, inclusive; never before start
  std::string therapist;  // name shown to the client, may be empty
  std::string note;       // the therapist's note to the client, may be empty;
                          // the only text that may hold line breaks ('\n')
  // Up to three activities for the PSFS (core/psfs.h), trimmed, each named once; may be empty.
  std::vector<std::string> psfs_activities;

  friend bool operator==(const HomeworkPrescription&, const HomeworkPrescription&) = default;
};

struct Homework {
  int format_version = kHomeworkFormatVersion;
  std::string id;    // stable across edits of the same assignment; importing again updates it
  int revision = 1;  // raised by each edit; an import never replaces a newer revision
  Routine routine;
  HomeworkPrescription prescription;

  friend bool operator==(const Homework&, const Homework&) = default;
};

// Sessions prescribed on one local day: times_per_day on a chosen weekday within start..end.
int prescribed_on(const HomeworkPrescription& p, Day day);
// Sessions prescribed in the 7 days from week_start.
int prescribed_in_week(const HomeworkPrescription& p, Day week_start);
// Sessions prescribed over the whole block, start to end.
int prescribed_in_block(const HomeworkPrescription& p);
// The first day in start..end that has sessions; empty when none has.
std::optional<Day> first_prescribed_day(const HomeworkPrescription& p);

// The PSFS activities of the first homework in `list` whose block holds `today` and that names
// any; empty when none does. (The shell lists the most recently updated first.)
std::vector<std::string> psfs_activities_on(const std::vector<Homework>& list, Day today);

// "Mon, Wed, Fri · 1 a day · 30 Nov – 27 Dec 2026 (12 sessions)"; "Every day" when all seven
// days are chosen; both years when the block crosses a new year.
std::string schedule_text(const HomeworkPrescription& p);
// "homework:<id>": the routine_id of sessions played from this homework.
std::string homework_routine_id(std::string_view homework_id);

// True when `text` is a JSON object whose "format" member is "unknot-homework": how a file is
// told from a routine file whatever its name. Never throws.
bool is_homework_text(std::string_view text);

struct HomeworkParseResult {
  std::optional<Homework> homework;  // set only when problems is empty
  std::vector<ParseProblem> problems;
};

// Parses and validates a homework file; unknown muscles are checked against `library` when
// given. Never throws.
HomeworkParseResult parse_homework(std::string_view text, std::string_view file,
                                   const PatternLookup& lookup, const MuscleLibrary* library);
// The file's text for a homework (parse_homework reads it back equal).
std::string homework_json(const Homework& homework);

// The schedule as an iCalendar file (RFC 5545): one VEVENT per time of day (09:00, then 13:00,
// then 18:00; 4 a day at 09, 12, 15, 18; 5 or 6 every two hours from 09:00), each repeating
// weekly on the chosen days from the first prescribed day until the end date, in floating local
// time, lasting the routine's length rounded up to whole minutes, with a reminder at its start.
// UIDs are "unknot-homework-<id>-<n>" and SEQUENCE is revision - 1, so a calendar that imports
// a new revision updates the events instead of adding copies. DTSTAMP is the start date at
// 00:00 UTC (the function reads no clock). CRLF line ends, lines folded at 75 octets, text
// escaped. Uses the built-in breathing patterns for the length.
std::string homework_ics(const Homework& homework);  // homework_ics.cpp

// "2026-11-30": a day as homework files and calendar files write it.
std::string iso_date(Day day);

}  // namespace unknot::core
