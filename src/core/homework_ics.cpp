// The homework's calendar file (RFC 5545): one weekly event per daily session, with a reminder.
// Kept apart from homework.cpp, which reads and writes the homework file itself.
#include <algorithm>
#include <string>
#include <vector>

#include "core/homework.h"
#include "core/translate.h"

namespace unknot::core {
namespace {

using namespace std::chrono;

constexpr std::string_view kIcsDays[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

// RFC 5545 §3.3.11: backslash, semicolon and comma are escaped; a line break becomes "\n".
std::string ics_text(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      default:
        out += c;
    }
  }
  return out;
}

// RFC 5545 §3.1: lines of at most 75 octets, continued after CRLF and one space. A UTF-8
// character is never split across lines.
std::string ics_line(std::string_view line) {
  std::string out;
  std::size_t limit = 75;
  std::size_t used = 0;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t length = 1;
    const auto lead = static_cast<unsigned char>(line[i]);
    if (lead >= 0xF0) {
      length = 4;
    } else if (lead >= 0xE0) {
      length = 3;
    } else if (lead >= 0xC0) {
      length = 2;
    }
    length = std::min(length, line.size() - i);
    if (used + length > limit) {
      out += "\r\n ";
      used = 1;
    }
    out.append(line.substr(i, length));
    used += length;
    i += length;
  }
  return out + "\r\n";
}

// "20261130"
std::string ics_date(Day day) {
  std::string text = iso_date(day);
  std::erase(text, '-');
  return text;
}

// "09", "13"
std::string hour_text(int hour) { return (hour < 10 ? "0" : "") + std::to_string(hour); }

std::vector<int> session_hours(int times_per_day) {
  switch (times_per_day) {
    case 1:
      return {9};
    case 2:
      return {9, 13};
    case 3:
      return {9, 13, 18};
    case 4:
      return {9, 12, 15, 18};
    case 5:
      return {9, 11, 13, 15, 17};
    default:
      return {9, 11, 13, 15, 17, 19};
  }
}

}  // namespace

std::string homework_ics(const Homework& homework) {
  const HomeworkPrescription& p = homework.prescription;
  const Routine& routine = homework.routine;
  const Duration length = total_duration(expand(routine, builtin_pattern_lookup()));
  const auto minutes_long = std::max<std::int64_t>(1, ceil<minutes>(length).count());

  std::string days_rule;
  for (std::size_t i = 0; i < 7; ++i) {
    if (!p.days[i]) continue;
    if (!days_rule.empty()) days_rule += ',';
    days_rule += kIcsDays[i];
  }
  // The event's texts are in the language of the person who adds it to their calendar; the
  // therapist's note and the routine's title stay as written.
  std::string description = p.note;
  if (!p.therapist.empty()) {
    if (!description.empty()) description += "\n\n";
    // TRANSLATORS: a calendar event's description: who set the homework ({therapist} is their
    // name as they wrote it).
    description += fill(tr("From {therapist}."), {{"therapist", p.therapist}});
  }
  if (!description.empty()) description += "\n";
  // TRANSLATORS: a calendar event's description: {title} is the routine's title, {minutes} its
  // length in whole minutes.
  description += fill(tr("Open Unknot to play “{title}” ({minutes} min)."),
                      {{"title", routine.title}, {"minutes", std::to_string(minutes_long)}});

  std::string out;
  out += ics_line("BEGIN:VCALENDAR");
  out += ics_line("VERSION:2.0");
  out += ics_line("PRODID:-//Unknot//Unknot homework//EN");
  out += ics_line("CALSCALE:GREGORIAN");
  out += ics_line("METHOD:PUBLISH");
  // TRANSLATORS: the calendar's name in a calendar app; {title} is the routine's title.
  const std::string calendar_name = fill(tr("Unknot: {title}"), {{"title", routine.title}});
  out += ics_line("X-WR-CALNAME:" + ics_text(calendar_name));
  const std::optional<Day> first = first_prescribed_day(p);
  if (first && !days_rule.empty()) {
    const std::vector<int> hours = session_hours(p.times_per_day);
    for (std::size_t n = 0; n < hours.size(); ++n) {
      const std::string at = hour_text(hours[n]) + "0000";
      out += ics_line("BEGIN:VEVENT");
      out += ics_line("UID:unknot-homework-" + homework.id + "-" + std::to_string(n + 1));
      out += ics_line("DTSTAMP:" + ics_date(p.start) + "T000000Z");
      out += ics_line("SEQUENCE:" + std::to_string(homework.revision - 1));
      out += ics_line("DTSTART:" + ics_date(*first) + "T" + at);
      out += ics_line("DURATION:PT" + std::to_string(minutes_long) + "M");
      // UNTIL in floating time like DTSTART (RFC 5545 §3.3.10), at the end of the last day.
      out += ics_line("RRULE:FREQ=WEEKLY;WKST=MO;BYDAY=" + days_rule + ";UNTIL=" + ics_date(p.end) +
                      "T235959");
      out += ics_line("SUMMARY:" + ics_text(routine.title));
      out += ics_line("DESCRIPTION:" + ics_text(description));
      out += ics_line("CATEGORIES:Unknot");
      out += ics_line("TRANSP:TRANSPARENT");
      out += ics_line("BEGIN:VALARM");
      out += ics_line("ACTION:DISPLAY");
      out += ics_line("DESCRIPTION:" + ics_text(routine.title));
      out += ics_line("TRIGGER:PT0M");
      out += ics_line("END:VALARM");
      out += ics_line("END:VEVENT");
    }
  }
  out += ics_line("END:VCALENDAR");
  return out;
}

}  // namespace unknot::core
