// The store's check-ins (daily pain and PGIC ratings outside sessions) and session notes
// (schema 3). Part of SessionStore (session_store.h); SQLite only through storage/database.h.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/translate.h"
#include "storage/database.h"
#include "storage/session_store.h"
#include "storage/store_codec.h"

namespace unknot::storage {
namespace {

using namespace std::chrono;
using codec::parse_int;
using codec::parse_time;
using codec::timestamp_text;

// The range to_iso8601 can write; every stored timestamp lies inside it.
constexpr core::UnixSeconds kEarliest{sys_days{year{0} / January / 1}};
constexpr core::UnixSeconds kLatest{sys_days{year{9999} / December / 31} + 23h + 59min + 59s};

CheckinKind parse_kind(const Database& db, const std::string& doing, const std::string& text) {
  if (text == "daily_pain") return CheckinKind::DailyPain;
  if (text == "pgic") return CheckinKind::Pgic;
  // The CHECK makes this impossible in a file we wrote: it was edited or damaged.
  throw StorageError(
      db.name() + ": " + doing + ": " +
      // TRANSLATORS: a storage error about a damaged record: {value} is the value as stored.
      core::fill(core::tr("unexpected stored value: kind {value}"), {{"value", text}}));
}

}  // namespace

namespace codec {
std::string day_text(core::Day day, const std::string& doing) {
  const year_month_day ymd{day};
  const int y = static_cast<int>(ymd.year());
  if (y < 0 || y > 9999) {
    throw StorageError(doing + ": " + core::tr("only years 0000 to 9999 can be stored"));
  }
  std::array<char, 16> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%04d-%02u-%02u", y,
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer.data();
}

std::optional<core::Day> parse_day(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto y = parse_int(text.substr(0, 4));
  const auto m = parse_int(text.substr(5, 2));
  const auto d = parse_int(text.substr(8, 2));
  if (!y || !m || !d || *m < 1 || *d < 1) return std::nullopt;
  const year_month_day ymd{year{*y}, month{static_cast<unsigned>(*m)},
                           day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return std::nullopt;
  return core::Day{ymd};
}
}  // namespace codec

std::string_view checkin_kind_text(CheckinKind kind) {
  switch (kind) {
    case CheckinKind::DailyPain:
      return "daily_pain";
    case CheckinKind::Pgic:
      return "pgic";
  }
  return "daily_pain";
}

void SessionStore::set_session_note(std::int64_t session_id, std::string_view note) {
  const std::string doing = core::fill(core::tr("saving the note of session {session}"),
                                       {{"session", std::to_string(session_id)}});
  Statement update(*db_, "UPDATE sessions SET note = ?2 WHERE id = ?1", doing);
  update.bind(1, session_id);
  update.bind(2, note);
  update.run();
  if (db_->changes() == 0)
    throw StorageError(db_->name() + ": " + doing + ": " + core::tr("no such session"));
}

std::int64_t SessionStore::add_checkin(CheckinKind kind, int value, core::UnixSeconds at,
                                       int utc_offset_min, std::string_view note,
                                       std::optional<core::Day> day) {
  const std::string doing =
      // TRANSLATORS: {kind} is the check-in's kind as stored: daily_pain or pgic.
      core::fill(core::tr("saving a {kind} check-in"), {{"kind", checkin_kind_text(kind)}});
  Statement insert(
      *db_,
      "INSERT INTO checkins (kind, value, recorded_at, utc_offset_min, note, rated_day) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
      doing);
  insert.bind(1, checkin_kind_text(kind));
  insert.bind(2, value);
  insert.bind(3, timestamp_text(*db_, at, doing));
  insert.bind(4, utc_offset_min);
  insert.bind(5, note);
  insert.bind(6, day ? std::optional(codec::day_text(*day, doing)) : std::nullopt);
  insert.run();
  return db_->last_insert_rowid();
}

std::vector<CheckinRow> SessionStore::checkins(core::UnixSeconds from, core::UnixSeconds to) const {
  if (to <= from || to <= kEarliest || from > kLatest) return {};
  const std::string doing = core::tr("reading check-ins");
  // Text order is time order. An upper bound past year 9999 is no bound at all (NULL).
  const std::optional<std::string> upper =
      to > kLatest ? std::nullopt : std::optional(timestamp_text(*db_, to, doing));
  Statement query(
      *db_,
      "SELECT id, kind, value, recorded_at, utc_offset_min, note, rated_day FROM checkins "
      "WHERE recorded_at >= ?1 AND (?2 IS NULL OR recorded_at < ?2) "
      "ORDER BY recorded_at, id",
      doing);
  query.bind(1, timestamp_text(*db_, std::max(from, kEarliest), doing));
  query.bind(2, upper);
  std::vector<CheckinRow> rows;
  while (query.step()) {
    CheckinRow row;
    row.id = query.column_int64(0);
    row.kind = parse_kind(*db_, doing, query.column_text(1));
    row.value = query.column_int(2);
    row.recorded_at = parse_time(*db_, doing, query.column_text(3));
    row.utc_offset_min = query.column_int(4);
    row.note = query.column_text(5);
    if (const auto day = query.column_optional_text(6)) {
      row.day = codec::parse_day(*day);
      // The CHECK makes this impossible in a file we wrote: it was edited or damaged.
      if (!row.day)
        throw StorageError(
            db_->name() + ": " + doing + ": " +
            // TRANSLATORS: a storage error about a damaged record: {day} is the day as stored.
            core::fill(core::tr("unexpected stored day {day}"), {{"day", *day}}));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace unknot::storage
