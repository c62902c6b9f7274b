// Notes on behaviour the header leaves open:
// - Days are local days as in `unknot history`: each row's own offset from UTC, else the
//   fallback (the machine's offset now).
// - The rolling mean is computed over every rating up to the period's end, then cut to the
//   period, so the line starts at its true value on the first day shown.
// - Something reported during a hold is dated on its session's own offset.
#include "report/report_document.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>

#include "core/breath.h"
#include "core/homework.h"
#include "core/muscle_library.h"
#include "core/safety.h"
#include "core/translate.h"
#include "report/progress_reader.h"
#include "report/report_parts.h"

namespace unknot::report {
namespace {

using namespace std::chrono;
using core::HistoryInput;
using core::HistorySession;

// "upper_trapezius" on the left → "Left upper trapezius".
std::string step_text(const MuscleNames& names, const std::string& muscle, core::Side side) {
  return core::with_side(muscle_name(names, muscle), side);
}

// A session's status as the report's table shows it.
std::string status_text(storage::SessionStatus status) {
  switch (status) {
    case storage::SessionStatus::Completed:
      return core::trc("session status", "completed");
    case storage::SessionStatus::Abandoned:
      return core::trc("session status", "abandoned");
    case storage::SessionStatus::InProgress:
      // TRANSLATORS: a session still under way (or never ended) when the report was made; the
      // English shows the stored word as it is.
      return core::trc("session status", "in_progress");
  }
  return std::string(storage::session_status_text(status));
}

core::Day day_at(core::UnixSeconds at, int offset_min) {
  return core::local_day(at, minutes{offset_min});
}

struct Gathered {
  HistoryInput input;
  std::vector<ReportSession> sessions;  // every session, in the store's order
  std::vector<ReportNote> notes;        // every note
  std::vector<ReportFeedback> feedback;
  std::vector<ReportSafetyEvent> safety;
  std::vector<ReportDoseCheck> dose;
  std::vector<ReportEase> eases;  // in force now
  std::optional<core::HealthProfile> profile;
};

// Blocked: each question's few words ("Fever"), an unknown id as stored; else the routine.
std::vector<std::string> event_details(const storage::SafetyEventRow& row,
                                       const RoutineTitles& titles,
                                       const storage::SessionStore& store) {
  std::vector<std::string> details;
  if (row.kind != core::SafetyEventKind::Blocked) {
    if (!row.detail.empty()) details.push_back(routine_title(row.detail, titles, store));
    return details;
  }
  std::string_view rest = row.detail;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    const std::string_view id = rest.substr(0, comma);
    if (!id.empty()) {
      const core::RedFlagQuestion* q = core::find_red_flag(id);
      // The question's few words are core's table (core/safety.h), translated here.
      details.push_back(q ? core::tr(q->brief) : std::string(id));
    }
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
  }
  return details;
}

// The profile, events, dose answers and eases: what the safety section shows.
void gather_safety(Gathered& g, const storage::SessionStore& store,
                   const std::map<std::int64_t, core::Day>& session_days,
                   const RoutineTitles& titles, const MuscleNames& muscles) {
  if (store.profile_answered()) g.profile = store.health_profile();
  for (const auto& row : store.safety_events()) {
    g.safety.push_back(
        {day_at(row.at, row.utc_offset_min), row.kind, event_details(row, titles, store)});
  }
  std::vector<core::DoseCheck> checks;
  for (const auto& row : store.dose_checks()) {
    checks.push_back({row.answered_at, row.answers});
    const auto session = session_days.find(row.session_id);
    ReportDoseCheck check{session != session_days.end()
                              ? session->second
                              : day_at(row.answered_at, row.utc_offset_min),
                          row.answers};
    for (auto& answer : check.answers) answer.muscle = muscle_name(muscles, answer.muscle);
    std::sort(check.answers.begin(), check.answers.end(),
              [](const auto& a, const auto& b) { return a.muscle < b.muscle; });
    g.dose.push_back(std::move(check));
  }
  for (const auto& ease : core::pressure_eases(checks))
    g.eases.push_back({muscle_name(muscles, ease.muscle), ease});
}

Gathered gather(const storage::SessionStore& store, int fallback_min, const RoutineTitles& titles,
                const MuscleNames& muscles) {
  Gathered g;
  std::map<std::int64_t, int> offsets;             // each session's own offset, for its feedback
  std::map<std::int64_t, core::Day> session_days;  // for the dose answers about it
  std::map<std::string, std::string, std::less<>> named;  // routine id → title, looked up once
  for (const auto& summary : store.sessions_with_steps()) {
    const storage::SessionRow& row = summary.row;
    HistorySession session = history_session(row, summary.steps, fallback_min);
    const core::SessionSample& sample = session.sample;
    offsets[row.id] = row.utc_offset_min.value_or(fallback_min);
    session_days[row.id] = sample.day;
    auto title = named.find(row.routine_id);
    if (title == named.end())
      title = named.emplace(row.routine_id, routine_title(row.routine_id, titles, store)).first;
    g.sessions.push_back({sample.day, title->second, row.pain_before, row.pain_after, row.region,
                          static_cast<double>(sample.done.count()) / 60e6,
                          status_text(row.status)});
    if (!row.note.empty()) g.notes.push_back({sample.day, row.note});
    g.input.sessions.push_back(std::move(session));
  }
  for (const auto& row : store.checkins(core::UnixSeconds::min(), core::UnixSeconds::max())) {
    add_checkin(g.input, row);
    if (!row.note.empty()) {
      g.notes.push_back({core::local_day(row.recorded_at, minutes{row.utc_offset_min}), row.note});
    }
  }
  for (const auto& row : store.psfs_ratings()) g.input.psfs.push_back(psfs_rating(row));
  for (const auto& f :
       store.step_feedback(core::UnixSeconds{}, core::UnixSeconds{sys_days{year{9999} / 1 / 1}})) {
    // The day on the offset its session was recorded with, as every other date in the report.
    const auto own = offsets.find(f.session_id);
    const int offset = own == offsets.end() ? fallback_min : own->second;
    g.feedback.push_back({core::local_day(f.at, minutes{offset}),
                          step_text(muscles, f.muscle, f.side),
                          f.kind == storage::FeedbackKind::Stopped});
  }
  g.input.homework = homework_plans(store, fallback_min);
  gather_safety(g, store, session_days, titles, muscles);
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
  for (const auto& e : g.safety)
    if (inside(e.day)) data.safety.push_back(e);
  for (const auto& d : g.dose)
    if (inside(d.session_day)) data.dose.push_back(d);
  data.profile = g.profile;
  data.eases = g.eases;
  const auto by_day = [](const auto& a, const auto& b) { return a.day < b.day; };
  std::stable_sort(data.sessions.begin(), data.sessions.end(), by_day);
  std::stable_sort(data.notes.begin(), data.notes.end(), by_day);
  std::stable_sort(data.feedback.begin(), data.feedback.end(), by_day);
  std::stable_sort(data.safety.begin(), data.safety.end(), by_day);
  std::stable_sort(data.dose.begin(), data.dose.end(),
                   [](const auto& a, const auto& b) { return a.session_day < b.session_day; });
  return data;
}

std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

}  // namespace

std::string routine_title(std::string_view routine_id, const RoutineTitles& titles,
                          const storage::SessionStore& store) {
  if (routine_id.starts_with(core::kHomeworkRoutinePrefix)) {
    const auto id = routine_id.substr(core::kHomeworkRoutinePrefix.size());
    if (const auto stored = store.homework(std::string(id))) {
      const auto parsed = core::parse_homework(stored->file_json, "homework " + stored->id,
                                               core::builtin_pattern_lookup(), nullptr);
      if (parsed.homework) return parsed.homework->routine.title;
    }
  }
  constexpr std::string_view kBreathe = "breathe:";
  if (routine_id.starts_with(kBreathe)) {
    const auto pattern = routine_id.substr(kBreathe.size());
    const auto breathing = [](std::string_view name) {
      // TRANSLATORS: a breathing session's routine; {pattern} is the breathing pattern's name.
      return core::fill(core::tr("Breathing: {pattern}"), {{"pattern", name}});
    };
    // A built-in pattern's name is core's (core/breath.h), translated here; the person's own
    // patterns keep the name they gave.
    if (const auto* builtin = core::find_builtin_pattern(pattern))
      return breathing(core::tr(builtin->name));
    if (const auto key = storage::parse_custom_pattern_key(pattern)) {
      for (const auto& saved : store.custom_patterns())
        if (saved.id == *key) return breathing(saved.draft.name);
    }
  }
  if (const auto it = titles.find(routine_id); it != titles.end()) return it->second;
  return std::string(routine_id);
}

std::string muscle_name(const MuscleNames& names, std::string_view id) {
  const auto it = names.find(id);
  return it != names.end() ? it->second : core::readable_muscle_id(id);
}

bool client_name_fits(std::string_view name) { return code_points(name) <= kMaxClientName; }

std::string clean_client_name(std::string_view name) {
  if (!client_name_fits(name)) return {};
  std::string out;
  for (const char c : name) out += static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? ' ' : c;
  const auto first = out.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  return out.substr(first, out.find_last_not_of(' ') - first + 1);
}

std::string clinician_report(const storage::SessionStore& store, core::Day today, int weeks,
                             int target, int fallback_min, std::string_view client_name,
                             const RoutineTitles& titles, const MuscleNames& muscles) {
  ReportData data = report_data(gather(store, fallback_min, titles, muscles), today, weeks, target);
  data.client_name = clean_client_name(client_name);
  data.muscle_names = muscles;
  return report_page(data);
}

}  // namespace unknot::report
