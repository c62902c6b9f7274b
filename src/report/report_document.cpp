// Notes on behaviour the header leaves open:
// - Days are local days as in `unknot history`: each row's own offset from UTC, else the
//   fallback (the machine's offset now).
// - The rolling mean is computed over every rating up to the period's end, then cut to the
//   period, so the line starts at its true value on the first day shown.
#include "report/report_document.h"

#include <algorithm>
#include <cctype>
#include <chrono>

#include "core/homework.h"

#include "report/progress_reader.h"
#include "report/report_parts.h"

namespace unknot::report {
namespace {

using namespace std::chrono;
using core::HistoryInput;
using core::HistorySession;

struct Gathered {
  HistoryInput input;
  std::vector<ReportSession> sessions;  // every session, in the store's order
  std::vector<ReportNote> notes;        // every note
  std::vector<std::pair<std::string, core::Day>> completed;  // routine id, day
  std::vector<ReportFeedback> feedback;
  std::vector<core::Homework> homework;
};

// "upper_trapezius" on the left → "Left upper trapezius".
std::string step_text(const std::string& muscle, core::Side side) {
  std::string name = muscle;
  std::replace(name.begin(), name.end(), '_', ' ');
  const std::string_view word = core::side_word(side);
  if (word.empty()) {
    if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    return name;
  }
  return std::string(word) + " " + name;
}

Gathered gather(const storage::SessionStore& store, int fallback_min) {
  Gathered g;
  for (const auto& summary : store.sessions_with_steps()) {
    const storage::SessionRow& row = summary.row;
    HistorySession session = history_session(row, summary.steps, fallback_min);
    const core::SessionSample& sample = session.sample;
    g.sessions.push_back({sample.day, row.routine_id, row.pain_before, row.pain_after, row.region,
                          static_cast<double>(sample.done.count()) / 60e6,
                          std::string(storage::session_status_text(row.status))});
    if (!row.note.empty()) g.notes.push_back({sample.day, row.note});
    if (session.completed_status && core::counts_as_completed(sample)) g.completed.emplace_back(row.routine_id, sample.day);
    g.input.sessions.push_back(std::move(session));
  }
  for (const auto& row : store.checkins(core::UnixSeconds::min(), core::UnixSeconds::max())) {
    add_checkin(g.input, row);
    if (!row.note.empty()) {
      g.notes.push_back({core::local_day(row.recorded_at, minutes{row.utc_offset_min}), row.note});
    }
  }
  for (const auto& row : store.psfs_ratings()) g.input.psfs.push_back(psfs_rating(row));
  for (const auto& f : store.step_feedback(core::UnixSeconds{}, core::UnixSeconds{sys_days{year{9999} / 1 / 1}})) {
    const int offset = fallback_min;
    g.feedback.push_back({core::local_day(f.at, minutes{offset}), step_text(f.muscle, f.side),
                          f.kind == storage::FeedbackKind::Stopped});
  }
  for (const auto& stored : store.homework()) {
    auto parsed = core::parse_homework(stored.file_json, "homework " + stored.id, core::builtin_pattern_lookup(), nullptr);
    if (parsed.homework) g.homework.push_back(std::move(*parsed.homework));
  }
  return g;
}

ReportData report_data(const Gathered& g, core::Day today, int weeks, int target) {
  ReportData data;
  data.generated = today;
  data.history = build_history_report(g.input, today, weeks, target);
  const core::Day from = data.history.from;
  const core::Day to = data.history.to;
  const auto inside = [&](core::Day day) { return day >= from && day <= to; };
  std::vector<core::DailyRating> ratings;
  for (const auto& rating : g.input.ratings)
    if (rating.day <= to) ratings.push_back(rating);
  const auto means = core::daily_means(ratings);
  for (const auto& day : means)
    if (inside(day.day)) data.days.push_back(day);
  for (const auto& day : core::rolling_mean_7(means))
    if (inside(day.day)) data.rolling.push_back(day);
  for (const auto& s : g.sessions)
    if (inside(s.day)) data.sessions.push_back(s);
  for (const auto& note : g.notes)
    if (inside(note.day)) data.notes.push_back(note);
  for (const auto& f : g.feedback)
    if (inside(f.day)) data.feedback.push_back(f);
  for (const auto& hw : g.homework) {
    const core::HomeworkPrescription& p = hw.prescription;
    if (p.end < from || p.start > to) continue;
    ReportHomework row{hw.routine.title, p.therapist, core::schedule_text(p), 0, 0};
    for (core::Day day = std::max(from, p.start); day <= std::min({to, p.end, today}); day += days{1}) {
      row.prescribed += core::prescribed_on(p, day);
    }
    const std::string id = core::homework_routine_id(hw.id);
    for (const auto& [routine, day] : g.completed) {
      if (routine == id && inside(day)) ++row.completed;
    }
    data.homework.push_back(std::move(row));
  }
  const auto by_day = [](const auto& a, const auto& b) { return a.day < b.day; };
  std::stable_sort(data.sessions.begin(), data.sessions.end(), by_day);
  std::stable_sort(data.notes.begin(), data.notes.end(), by_day);
  return data;
}

}  // namespace

std::string clinician_report(const storage::SessionStore& store, core::Day today, int weeks,
                             int target, int fallback_min) {
  return report_page(report_data(gather(store, fallback_min), today, weeks, target));
}

}  // namespace unknot::report
