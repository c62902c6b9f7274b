// The store's preferences: custom breathing patterns and sound settings (schema 2). Part of
// SessionStore (session_store.h); SQLite only through storage/database.h.
#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <string>

#include "core/custom_pattern.h"
#include "core/number_text.h"
#include "core/translate.h"
#include "storage/database.h"
#include "storage/session_store.h"
#include "storage/store_codec.h"

namespace unknot::storage {
namespace {

using namespace std::chrono;
using codec::parse_time;
using codec::timestamp_text;
using codec::to_ms;

constexpr std::string_view kPatternColumns =
    "id, name, inhale_ms, hold_full_ms, exhale_ms, hold_empty_ms, created_at, updated_at";

core::Duration from_ms(std::int64_t ms) { return duration_cast<core::Duration>(milliseconds{ms}); }

std::string pattern_doing(std::optional<std::int64_t> id, const std::string& name) {
  // TRANSLATORS: what the record was doing when it failed: {id} is a number, {name} the
  // pattern's name as the person wrote it.
  return id ? core::fill(core::tr("saving breathing pattern {id} '{name}'"),
                         {{"id", std::to_string(*id)}, {"name", name}})
            : core::fill(core::tr("saving a new breathing pattern '{name}'"), {{"name", name}});
}

// Every problem core::validate found, as "field: message; field: message".
[[noreturn]] void invalid_draft(const Database& db, const std::string& doing,
                                const std::vector<core::DraftProblem>& problems) {
  std::string text = db.name() + ": " + doing + ": ";
  for (std::size_t i = 0; i < problems.size(); ++i) {
    if (i > 0) text += "; ";
    text.append(problems[i].field).append(": ").append(problems[i].message);
  }
  throw StorageError(text);
}

// The settings rows for SoundSettings: each volume and flag under its field name.
struct VolumeSetting {
  std::string_view key;
  float core::SoundSettings::*field;
};
struct FlagSetting {
  std::string_view key;
  bool core::SoundSettings::*field;
};
constexpr std::array kVolumeSettings{
    VolumeSetting{"voice_volume", &core::SoundSettings::voice_volume},
    VolumeSetting{"tone_volume", &core::SoundSettings::tone_volume},
    VolumeSetting{"ambient_volume", &core::SoundSettings::ambient_volume},
    VolumeSetting{"breath_volume", &core::SoundSettings::breath_volume},
};
constexpr std::array kFlagSettings{
    FlagSetting{"voice_muted", &core::SoundSettings::voice_muted},
    FlagSetting{"tones_muted", &core::SoundSettings::tones_muted},
    FlagSetting{"ambient_muted", &core::SoundSettings::ambient_muted},
    FlagSetting{"pan_sides", &core::SoundSettings::pan_sides},
    FlagSetting{"vibration", &core::SoundSettings::vibration},
    FlagSetting{"breath_tone", &core::SoundSettings::breath_tone},
};
constexpr std::string_view kAmbientSetting = "ambient";
constexpr std::string_view kSoundSetSetting = "sound_set";
constexpr std::array kSoundSets{core::SoundSet::Chimes, core::SoundSet::Bowls,
                                core::SoundSet::Pads};
// Every AmbientKind, to find the one whose ambient_name() was stored.
constexpr std::array kAmbientKinds{core::AmbientKind::Off, core::AmbientKind::BrownNoise,
                                   core::AmbientKind::Ocean};

// "0.00" to "1.00". fixed_text, unlike printf, ignores the locale, so the decimal point is a dot
// wherever the app runs. `!(volume > 0)` also catches NaN.
std::string volume_text(float volume) {
  const double clamped = !(volume > 0.0f) ? 0.0 : std::min(double{volume}, 1.0);
  return core::fixed_text(clamped, 2);
}

// A finite decimal number, clamped to 0..1; nullopt for anything else (including "nan", "inf").
std::optional<float> parse_volume(const std::string& text) {
  const std::optional<double> value = core::parse_decimal(text);
  if (!value || !std::isfinite(*value)) return std::nullopt;
  return static_cast<float>(std::clamp(*value, 0.0, 1.0));
}

std::optional<bool> parse_flag(const std::string& text) {
  if (text == "0") return false;
  if (text == "1") return true;
  return std::nullopt;
}

std::optional<core::AmbientKind> parse_ambient(const std::string& text) {
  for (const core::AmbientKind kind : kAmbientKinds) {
    if (core::ambient_name(kind) == text) return kind;
  }
  return std::nullopt;
}

// Sets the field `key` names from `value`; an unknown key or unreadable value changes nothing.
void apply_setting(core::SoundSettings& settings, const std::string& key,
                   const std::string& value) {
  for (const VolumeSetting& setting : kVolumeSettings) {
    if (setting.key != key) continue;
    if (auto volume = parse_volume(value)) settings.*setting.field = *volume;
    return;
  }
  for (const FlagSetting& setting : kFlagSettings) {
    if (setting.key != key) continue;
    if (auto flag = parse_flag(value)) settings.*setting.field = *flag;
    return;
  }
  if (key == kAmbientSetting) {
    if (auto kind = parse_ambient(value)) settings.ambient = *kind;
  }
  if (key == kSoundSetSetting) {
    for (const core::SoundSet set : kSoundSets) {
      if (core::sound_set_name(set) == value) settings.sound_set = set;
    }
  }
}

}  // namespace

std::vector<SavedPattern> SessionStore::custom_patterns() const {
  const std::string doing = core::tr("reading the saved breathing patterns");
  Statement query(
      *db_,
      "SELECT " + std::string(kPatternColumns) + " FROM breath_patterns ORDER BY created_at, id",
      doing);
  std::vector<SavedPattern> patterns;
  while (query.step()) {
    SavedPattern pattern;
    pattern.id = query.column_int64(0);
    pattern.draft.name = query.column_text(1);
    pattern.draft.inhale = from_ms(query.column_int64(2));
    pattern.draft.hold_full = from_ms(query.column_int64(3));
    pattern.draft.exhale = from_ms(query.column_int64(4));
    pattern.draft.hold_empty = from_ms(query.column_int64(5));
    pattern.created_at = parse_time(*db_, doing, query.column_text(6));
    pattern.updated_at = parse_time(*db_, doing, query.column_text(7));
    patterns.push_back(std::move(pattern));
  }
  return patterns;
}

std::int64_t SessionStore::save_pattern(std::optional<std::int64_t> id,
                                        const core::PatternDraft& draft, core::UnixSeconds now) {
  const std::string doing = pattern_doing(id, draft.name);
  // Before any SQL: core's messages say what is allowed, the CHECKs only which rule broke.
  if (const auto problems = core::validate(draft); !problems.empty()) {
    invalid_draft(*db_, doing, problems);
  }
  const std::string timestamp = timestamp_text(*db_, now, doing);
  if (!id) {
    Statement insert(*db_,
                     "INSERT INTO breath_patterns (name, inhale_ms, hold_full_ms, exhale_ms, "
                     "hold_empty_ms, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                     doing);
    insert.bind(1, draft.name);
    insert.bind(2, to_ms(draft.inhale));
    insert.bind(3, to_ms(draft.hold_full));
    insert.bind(4, to_ms(draft.exhale));
    insert.bind(5, to_ms(draft.hold_empty));
    insert.bind(6, timestamp);
    insert.run();
    return db_->last_insert_rowid();
  }
  Statement update(*db_,
                   "UPDATE breath_patterns SET name = ?2, inhale_ms = ?3, hold_full_ms = ?4, "
                   "exhale_ms = ?5, hold_empty_ms = ?6, updated_at = ?7 WHERE id = ?1",
                   doing);
  update.bind(1, *id);
  update.bind(2, draft.name);
  update.bind(3, to_ms(draft.inhale));
  update.bind(4, to_ms(draft.hold_full));
  update.bind(5, to_ms(draft.exhale));
  update.bind(6, to_ms(draft.hold_empty));
  update.bind(7, timestamp);
  update.run();
  if (db_->changes() == 0)
    throw StorageError(db_->name() + ": " + doing + ": " + core::tr("no such pattern"));
  return *id;
}

void SessionStore::delete_pattern(std::int64_t id) {
  const std::string doing =
      core::fill(core::tr("deleting breathing pattern {id}"), {{"id", std::to_string(id)}});
  Statement remove(*db_, "DELETE FROM breath_patterns WHERE id = ?1", doing);
  remove.bind(1, id);
  remove.run();
}

core::SoundSettings SessionStore::sound_settings() const {
  const std::string doing = core::tr("reading the sound settings");
  Statement query(*db_, "SELECT key, value FROM settings", doing);
  core::SoundSettings settings;  // every field starts at its default
  while (query.step()) apply_setting(settings, query.column_text(0), query.column_text(1));
  return settings;
}

void SessionStore::save_sound_settings(const core::SoundSettings& settings) {
  const std::string doing = core::tr("saving the sound settings");
  Transaction transaction(*db_, doing);
  Statement upsert(*db_,
                   "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                   doing);
  const auto save = [&upsert](std::string_view key, std::string_view value) {
    upsert.bind(1, key);
    upsert.bind(2, value);
    upsert.run();
    upsert.reset();
  };
  for (const VolumeSetting& setting : kVolumeSettings) {
    save(setting.key, volume_text(settings.*setting.field));
  }
  for (const FlagSetting& setting : kFlagSettings) {
    save(setting.key, settings.*setting.field ? "1" : "0");
  }
  save(kAmbientSetting, core::ambient_name(settings.ambient));
  save(kSoundSetSetting, core::sound_set_name(settings.sound_set));
  transaction.commit();
}

std::optional<std::string> SessionStore::setting(std::string_view key) const {
  Statement query(*db_, "SELECT value FROM settings WHERE key = ?1",
                  // TRANSLATORS: {key} is a setting's name as stored, as "theme".
                  core::fill(core::tr("reading setting {key}"), {{"key", key}}));
  query.bind(1, key);
  if (!query.step()) return std::nullopt;
  return query.column_text(0);
}

void SessionStore::set_setting(std::string_view key, std::string_view value) {
  Statement upsert(*db_,
                   "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                   core::fill(core::tr("saving setting {key}"), {{"key", key}}));
  upsert.bind(1, key);
  upsert.bind(2, value);
  upsert.run();
}

}  // namespace unknot::storage
