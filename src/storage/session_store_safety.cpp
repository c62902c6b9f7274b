// The store's dose checks and safety events (schema 8; core/dose.h). Part of SessionStore
// (session_store.h); SQLite only through storage/database.h.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/translate.h"
#include "storage/database.h"
#include "storage/session_store.h"
#include "storage/store_codec.h"

namespace unknot::storage {
namespace {

using codec::parse_time;
using codec::timestamp_text;

constexpr int kMaxOffset = 840;

std::string_view event_kind_text(core::SafetyEventKind kind) {
  switch (kind) {
    case core::SafetyEventKind::Blocked:
      return "blocked";
    case core::SafetyEventKind::StoppedUnwell:
      return "stopped_unwell";
    case core::SafetyEventKind::DizzySlowed:
      return "dizzy_slowed";
  }
  return "blocked";
}

core::SafetyEventKind parse_event_kind(const Database& db, const std::string& doing,
                                       const std::string& text) {
  for (core::SafetyEventKind k :
       {core::SafetyEventKind::Blocked, core::SafetyEventKind::StoppedUnwell,
        core::SafetyEventKind::DizzySlowed}) {
    if (event_kind_text(k) == text) return k;
  }
  throw StorageError(
      db.name() + ": " + doing + ": " +
      // TRANSLATORS: a storage error about a damaged record: {kind} is the value as stored.
      core::fill(core::tr("unknown safety event kind '{kind}'"), {{"kind", text}}));
}

void check_offset(const Database& db, const std::string& doing, int offset) {
  if (offset < -kMaxOffset || offset > kMaxOffset) {
    throw StorageError(db.name() + ": " + doing + ": " +
                       // TRANSLATORS: a storage error: {offset} is the offset from UTC in minutes.
                       core::fill(core::tr("UTC offset {offset} min is outside -840..840"),
                                  {{"offset", std::to_string(offset)}}));
  }
}

}  // namespace

std::optional<core::DoseDue> SessionStore::dose_due(int fallback_min) const {
  const std::string doing = core::tr("reading the last session with pressure work");
  // The newest ended session with a pressed muscle; only it can be due (one question, about
  // the last session), so an older unanswered one is never asked about.
  Statement last(*db_,
                 "SELECT s.id, coalesce(s.ended_at, s.started_at), s.utc_offset_min, "
                 "EXISTS (SELECT 1 FROM dose_checks d WHERE d.session_id = s.id) "
                 "FROM sessions s WHERE s.status <> 'in_progress' AND EXISTS (SELECT 1 FROM "
                 "session_steps t WHERE t.session_id = s.id AND t.muscle <> '' AND "
                 "t.actual_ms > 0) ORDER BY s.started_at DESC, s.id DESC LIMIT 1",
                 doing);
  if (!last.step() || last.column_int(3) != 0) return std::nullopt;
  core::DoseDue due;
  due.session_id = last.column_int64(0);
  due.ended_at = parse_time(*db_, doing, last.column_text(1));
  due.utc_offset_min = last.column_optional_int(2).value_or(fallback_min);
  Statement muscles(*db_,
                    "SELECT muscle FROM session_steps WHERE session_id = ?1 AND muscle <> '' AND "
                    "actual_ms > 0 ORDER BY step_index",
                    doing);
  muscles.bind(1, due.session_id);
  while (muscles.step()) {
    std::string muscle = muscles.column_text(0);
    if (std::find(due.muscles.begin(), due.muscles.end(), muscle) == due.muscles.end())
      due.muscles.push_back(std::move(muscle));
  }
  return due;
}

void SessionStore::save_dose_check(const DoseCheckRow& check) {
  const std::string doing =
      core::fill(core::tr("saving the soreness and bruising answer for session {session}"),
                 {{"session", std::to_string(check.session_id)}});
  check_offset(*db_, doing, check.utc_offset_min);
  std::set<std::string, std::less<>> seen;
  for (const core::DoseAnswer& a : check.answers) {
    if (a.muscle.empty())
      throw StorageError(db_->name() + ": " + doing + ": " + core::tr("a muscle is empty"));
    if (!seen.insert(a.muscle).second) {
      throw StorageError(
          db_->name() + ": " + doing + ": " +
          // TRANSLATORS: {muscle} is a muscle's id, as "upper_trapezius".
          core::fill(core::tr("muscle '{muscle}' is answered twice"), {{"muscle", a.muscle}}));
    }
  }
  Transaction transaction(*db_, doing);
  Statement drop(*db_, "DELETE FROM dose_checks WHERE session_id = ?1", doing);
  drop.bind(1, check.session_id);
  drop.run();
  Statement insert(*db_,
                   "INSERT INTO dose_checks (session_id, answered_at, utc_offset_min) "
                   "VALUES (?1, ?2, ?3)",
                   doing);
  insert.bind(1, check.session_id);
  insert.bind(2, timestamp_text(*db_, check.answered_at, doing));
  insert.bind(3, check.utc_offset_min);
  insert.run();
  Statement answer(
      *db_, "INSERT INTO dose_reactions (session_id, muscle, reaction) VALUES (?1, ?2, ?3)", doing);
  for (const core::DoseAnswer& a : check.answers) {
    answer.reset();
    answer.bind(1, check.session_id);
    answer.bind(2, std::string_view(a.muscle));
    answer.bind(3, core::dose_reaction_id(a.reaction));
    answer.run();
  }
  transaction.commit();
}

std::vector<DoseCheckRow> SessionStore::dose_checks() const {
  const std::string doing = core::tr("reading the soreness and bruising answers");
  // One snapshot for both queries, so a check is never read without its answers.
  Transaction snapshot(*db_, doing);
  std::vector<DoseCheckRow> rows;
  std::map<std::int64_t, std::size_t> index;
  Statement checks(*db_,
                   "SELECT session_id, answered_at, utc_offset_min FROM dose_checks "
                   "ORDER BY answered_at, session_id",
                   doing);
  while (checks.step()) {
    DoseCheckRow row;
    row.session_id = checks.column_int64(0);
    row.answered_at = parse_time(*db_, doing, checks.column_text(1));
    row.utc_offset_min = checks.column_int(2);
    index[row.session_id] = rows.size();
    rows.push_back(std::move(row));
  }
  Statement answers(*db_,
                    "SELECT session_id, muscle, reaction FROM dose_reactions ORDER BY session_id, "
                    "muscle",
                    doing);
  while (answers.step()) {
    const auto found = index.find(answers.column_int64(0));
    if (found == index.end()) continue;  // the foreign key keeps this from happening
    const std::string text = answers.column_text(2);
    const auto reaction = core::parse_dose_reaction(text);
    if (!reaction) {
      throw StorageError(
          db_->name() + ": " + doing + ": " +
          // TRANSLATORS: a storage error about a damaged record: {reaction} is the value as stored.
          core::fill(core::tr("unknown reaction '{reaction}'"), {{"reaction", text}}));
    }
    rows[found->second].answers.push_back({answers.column_text(1), *reaction});
  }
  snapshot.commit();
  return rows;
}

std::int64_t SessionStore::add_safety_event(const SafetyEventRow& event) {
  const std::string doing = core::tr("saving a safety event");
  check_offset(*db_, doing, event.utc_offset_min);
  Statement insert(*db_,
                   "INSERT INTO safety_events (kind, at, utc_offset_min, detail) VALUES (?1, ?2, "
                   "?3, ?4)",
                   doing);
  insert.bind(1, event_kind_text(event.kind));
  insert.bind(2, timestamp_text(*db_, event.at, doing));
  insert.bind(3, event.utc_offset_min);
  insert.bind(4, std::string_view(event.detail));
  insert.run();
  return db_->last_insert_rowid();
}

std::vector<SafetyEventRow> SessionStore::safety_events(
    std::optional<core::UnixSeconds> from) const {
  const std::string doing = core::tr("reading the safety events");
  const bool all = !from || *from < core::UnixSeconds{};
  Statement query(*db_,
                  std::string("SELECT id, kind, at, utc_offset_min, detail FROM safety_events ") +
                      (all ? "" : "WHERE at >= ?1 ") + "ORDER BY at, id",
                  doing);
  if (!all) query.bind(1, timestamp_text(*db_, *from, doing));
  std::vector<SafetyEventRow> rows;
  while (query.step()) {
    SafetyEventRow row;
    row.id = query.column_int64(0);
    row.kind = parse_event_kind(*db_, doing, query.column_text(1));
    row.at = parse_time(*db_, doing, query.column_text(2));
    row.utc_offset_min = query.column_int(3);
    row.detail = query.column_text(4);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace unknot::storage
