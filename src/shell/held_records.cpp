#include "shell/held_records.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <type_traits>

#include "core/routine.h"
#include "desktop/input_file.h"
#include "desktop/local_time.h"
#include "storage/session_store.h"

namespace unknot::shell {
namespace {

using nlohmann::json;

constexpr std::string_view kFormat = "unknot-held-records";
constexpr std::string_view kFilePrefix = "unsaved-session-";
constexpr std::uintmax_t kMaxFileBytes = 4 * 1024 * 1024;

template <class... Handlers>
struct Overloaded : Handlers... {
  using Handlers::operator()...;
};
template <class... Handlers>
Overloaded(Handlers...) -> Overloaded<Handlers...>;  // clang 14 does not deduce it by itself

std::int64_t stored_id(std::int64_t id, const StoredIds& ids) {
  if (id >= 0) return id;
  const auto found = ids.find(id);
  if (found == ids.end())
    throw storage::StorageError("the session of a held record was never stored");
  return found->second;
}

// Sides as the routine files and captions word them ("Left", "Right", "" for none).
std::string side_text(core::Side side) { return std::string(core::side_word(side)); }

core::Side side_of(const std::string& text) {
  for (const core::Side side : {core::Side::None, core::Side::Left, core::Side::Right})
    if (core::side_word(side) == text) return side;
  throw std::runtime_error("side \"" + text.substr(0, 20) + "\" is not Left, Right or empty");
}

std::int64_t seconds(core::UnixSeconds at) { return at.time_since_epoch().count(); }
core::UnixSeconds at_seconds(std::int64_t s) { return core::UnixSeconds{std::chrono::seconds{s}}; }

json record_json(const HeldRecord& held, const StoredIds& ids) {
  // A session stored since it was held is written under its stored id.
  const auto id = [&](std::int64_t session_id) {
    const auto found = ids.find(session_id);
    return found == ids.end() ? session_id : found->second;
  };
  return std::visit(
      Overloaded{
          [&](const app::BeginSessionRecord& e) -> json {
            return {{"record", "begin"},
                    {"provisional_id", held.provisional_id},
                    {"routine_id", e.routine_id},
                    {"started_at", seconds(e.started_at)},
                    {"pain_before", e.pain_before ? json(*e.pain_before) : json(nullptr)},
                    {"region", e.region},
                    {"planned_us", e.planned.count()}};
          },
          [&](const app::RecordStep& e) -> json {
            return {{"record", "step"},
                    {"session_id", id(e.session_id)},
                    {"step_index", e.step_index},
                    {"muscle", e.muscle},
                    {"side", side_text(e.side)},
                    {"planned_us", e.planned.count()},
                    {"actual_us", e.actual.count()},
                    {"skipped", e.skipped}};
          },
          [&](const app::RecordFeedback& e) -> json {
            return {{"record", "feedback"},
                    {"session_id", id(e.session_id)},
                    {"step_index", e.step_index},
                    {"muscle", e.muscle},
                    {"side", side_text(e.side)},
                    {"kind", e.kind == app::FeedbackKind::Stopped ? "stopped" : "too_intense"},
                    {"at", seconds(e.at)}};
          },
          [&](const app::CompleteSessionRecord& e) -> json {
            return {{"record", "complete"},
                    {"session_id", id(e.session_id)},
                    {"ended_at", seconds(e.ended_at)}};
          },
          [&](const app::AbandonSessionRecord& e) -> json {
            return {{"record", "abandon"},
                    {"session_id", id(e.session_id)},
                    {"ended_at", seconds(e.ended_at)}};
          },
          [&](const app::SavePainAfter& e) -> json {
            return {{"record", "pain_after"},
                    {"session_id", id(e.session_id)},
                    {"pain_after", e.pain_after}};
          },
          [](const auto&) -> json { throw std::logic_error("not a session record"); },
      },
      held.effect);
}

HeldRecord record_of(const json& j) {
  const std::string kind = j.at("record").get<std::string>();
  const auto session = [&] { return j.at("session_id").get<std::int64_t>(); };
  if (kind == "begin") {
    app::BeginSessionRecord e;
    e.routine_id = j.at("routine_id").get<std::string>();
    e.started_at = at_seconds(j.at("started_at").get<std::int64_t>());
    if (!j.at("pain_before").is_null()) e.pain_before = j.at("pain_before").get<int>();
    e.region = j.at("region").get<std::string>();
    e.planned = core::Duration{j.at("planned_us").get<std::int64_t>()};
    return {e, j.at("provisional_id").get<std::int64_t>()};
  }
  if (kind == "step") {
    return {app::RecordStep{
        session(), j.at("step_index").get<int>(), j.at("muscle").get<std::string>(),
        side_of(j.at("side").get<std::string>()),
        core::Duration{j.at("planned_us").get<std::int64_t>()},
        core::Duration{j.at("actual_us").get<std::int64_t>()}, j.at("skipped").get<bool>()}};
  }
  if (kind == "feedback") {
    const std::string feedback = j.at("kind").get<std::string>();
    if (feedback != "stopped" && feedback != "too_intense")
      throw std::runtime_error("feedback kind \"" + feedback.substr(0, 20) + "\" is unknown");
    return {app::RecordFeedback{
        session(), j.at("step_index").get<int>(), j.at("muscle").get<std::string>(),
        side_of(j.at("side").get<std::string>()),
        feedback == "stopped" ? app::FeedbackKind::Stopped : app::FeedbackKind::TooIntense,
        at_seconds(j.at("at").get<std::int64_t>())}};
  }
  if (kind == "complete")
    return {
        app::CompleteSessionRecord{session(), at_seconds(j.at("ended_at").get<std::int64_t>())}};
  if (kind == "abandon")
    return {app::AbandonSessionRecord{session(), at_seconds(j.at("ended_at").get<std::int64_t>())}};
  if (kind == "pain_after") return {app::SavePainAfter{session(), j.at("pain_after").get<int>()}};
  throw std::runtime_error("record kind \"" + kind.substr(0, 20) + "\" is unknown");
}

// The id of a stored session with this routine and start, or 0.
std::int64_t stored_session(const storage::SessionStore& store, const app::BeginSessionRecord& e) {
  for (const auto& row : store.recent_sessions(200))
    if (row.routine_id == e.routine_id && row.started_at == e.started_at) return row.id;
  return 0;
}

}  // namespace

bool is_session_record(const app::Effect& effect) {
  return std::holds_alternative<app::BeginSessionRecord>(effect) ||
         std::holds_alternative<app::RecordStep>(effect) ||
         std::holds_alternative<app::RecordFeedback>(effect) ||
         std::holds_alternative<app::CompleteSessionRecord>(effect) ||
         std::holds_alternative<app::AbandonSessionRecord>(effect) ||
         std::holds_alternative<app::SavePainAfter>(effect);
}

std::int64_t store_record(storage::SessionStore& store, const app::Effect& record,
                          const StoredIds& ids, int offset_min) {
  return std::visit(
      Overloaded{
          [&](const app::BeginSessionRecord& e) -> std::int64_t {
            return store.begin_session(
                {e.routine_id, e.started_at, e.pain_before, e.region, e.planned}, offset_min);
          },
          [&](const app::RecordStep& e) -> std::int64_t {
            store.record_step(stored_id(e.session_id, ids),
                              {e.step_index, e.muscle, e.side, e.planned, e.actual, e.skipped});
            return 0;
          },
          [&](const app::RecordFeedback& e) -> std::int64_t {
            const auto kind = e.kind == app::FeedbackKind::Stopped
                                  ? storage::FeedbackKind::Stopped
                                  : storage::FeedbackKind::TooIntense;
            store.add_step_feedback(
                {stored_id(e.session_id, ids), e.step_index, e.muscle, e.side, kind, e.at});
            return 0;
          },
          [&](const app::CompleteSessionRecord& e) -> std::int64_t {
            store.complete_session(stored_id(e.session_id, ids), e.ended_at);
            return 0;
          },
          [&](const app::AbandonSessionRecord& e) -> std::int64_t {
            store.abandon_session(stored_id(e.session_id, ids), e.ended_at);
            return 0;
          },
          [&](const app::SavePainAfter& e) -> std::int64_t {
            store.set_pain_after(stored_id(e.session_id, ids), e.pain_after);
            return 0;
          },
          [](const auto&) -> std::int64_t { throw std::logic_error("not a session record"); },
      },
      record);
}

std::string held_records_json(std::span<const HeldRecord> records, const StoredIds& ids,
                              const std::filesystem::path& data_dir) {
  json list = json::array();
  for (const HeldRecord& held : records) list.push_back(record_json(held, ids));
  return json{{"format", kFormat},
              {"version", 1},
              {"data_dir", data_dir.string()},
              {"records", std::move(list)}}
             .dump(1, ' ', false, json::error_handler_t::replace) +
         "\n";
}

HeldFile parse_held_records(std::string_view text) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::exception&) {
    throw std::runtime_error("not valid JSON");
  }
  if (!j.is_object() || j.value("format", "") != kFormat)
    throw std::runtime_error("not a file of held session records");
  if (j.value("version", 0) != 1) throw std::runtime_error("a version this Unknot cannot read");
  HeldFile file;
  if (!j.contains("data_dir") || !j.at("data_dir").is_string())
    throw std::runtime_error("the data folder is not named");
  file.data_dir = j.at("data_dir").get<std::string>();
  std::vector<HeldRecord>& records = file.records;
  const json& list = j.at("records");
  for (std::size_t i = 0; i < list.size(); ++i) {
    try {
      records.push_back(record_of(list.at(i)));
    } catch (const json::exception&) {
      throw std::runtime_error("record " + std::to_string(i + 1) +
                               ": a field is missing or of "
                               "the wrong type");
    } catch (const std::runtime_error& e) {
      throw std::runtime_error("record " + std::to_string(i + 1) + ": " + e.what());
    }
  }
  return file;
}

std::vector<std::filesystem::path> held_record_files(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with(kFilePrefix) && name.ends_with(".json")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());  // the stamp in the name sorts by time
  return files;
}

int replay_held_records(storage::SessionStore& store, const std::filesystem::path& data_dir,
                        const std::filesystem::path& file) {
  const platform::InputFile input =
      platform::read_input_file(file, kMaxFileBytes, "a file of held session records");
  if (!input.text) throw std::runtime_error(file.string() + ": " + input.problem);
  HeldFile held_file;
  try {
    held_file = parse_held_records(*input.text);
  } catch (const std::exception& e) {
    throw std::runtime_error(file.string() + ": " + e.what());
  }
  std::error_code ec;
  if (!std::filesystem::equivalent(held_file.data_dir, data_dir, ec)) return 0;
  const std::vector<HeldRecord>& records = held_file.records;
  StoredIds ids;
  for (const HeldRecord& held : records) {
    if (const auto* begin = std::get_if<app::BeginSessionRecord>(&held.effect)) {
      std::int64_t id = stored_session(store, *begin);
      if (id == 0)
        id = store_record(store, held.effect, ids,
                          platform::utc_offset_minutes(seconds(begin->started_at)));
      ids[held.provisional_id] = id;
      continue;
    }
    if (const auto* e = std::get_if<app::RecordFeedback>(&held.effect)) {
      // Reports are added, not replaced: one stored by an earlier reading is not stored again.
      const std::int64_t id = stored_id(e->session_id, ids);
      if (const auto session = store.session(id)) {
        const auto stored =
            store.step_feedback(session->started_at, session->started_at + std::chrono::seconds(1));
        const auto kind = e->kind == app::FeedbackKind::Stopped ? storage::FeedbackKind::Stopped
                                                                : storage::FeedbackKind::TooIntense;
        if (std::any_of(stored.begin(), stored.end(), [&](const storage::StepFeedback& f) {
              return f.session_id == id && f.step_index == e->step_index && f.at == e->at &&
                     f.kind == kind;
            }))
          continue;
      }
    }
    if (std::holds_alternative<app::CompleteSessionRecord>(held.effect) ||
        std::holds_alternative<app::AbandonSessionRecord>(held.effect)) {
      // Ended by an earlier reading: ended once.
      const std::int64_t id = std::visit(
          [&](const auto& e) -> std::int64_t {
            if constexpr (requires { e.session_id; }) return stored_id(e.session_id, ids);
            return 0;
          },
          held.effect);
      if (const auto session = store.session(id);
          session && session->status != storage::SessionStatus::InProgress)
        continue;
    }
    store_record(store, held.effect, ids, 0);
  }
  std::filesystem::remove(file);
  return static_cast<int>(records.size());
}

}  // namespace unknot::shell
