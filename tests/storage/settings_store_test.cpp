#include <doctest/doctest.h>

#include <limits>
#include <string>
#include <string_view>

#include "storage/database.h"
#include "storage/session_store.h"
#include "storage/temp_dir.h"

namespace unknot::storage {
namespace {
using testing::TempDir;

// Every field away from its default.
core::SoundSettings changed_settings() {
  core::SoundSettings settings;
  settings.voice_volume = 0.25f;
  settings.tone_volume = 0.4f;
  settings.ambient_volume = 0.85f;
  settings.voice_muted = true;
  settings.tones_muted = true;
  settings.ambient_muted = true;
  settings.vibration = true;
  settings.pan_sides = false;
  settings.breath_tone = true;
  settings.ambient = core::AmbientKind::Ocean;
  settings.breath_volume = 0.3f;
  settings.sound_set = core::SoundSet::Pads;
  return settings;
}

std::string stored_value(Database& db, std::string_view key) {
  Statement query(db, "SELECT value FROM settings WHERE key = ?1", "reading a setting");
  query.bind(1, key);
  REQUIRE(query.step());
  return query.column_text(0);
}

void store_raw(Database& db, std::string_view key, std::string_view value) {
  Statement upsert(db,
                   "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                   "storing a raw setting");
  upsert.bind(1, key);
  upsert.bind(2, value);
  upsert.run();
}

}  // namespace

TEST_CASE("sound settings on a database where none were saved are the defaults") {
  SessionStore store = SessionStore::open_in_memory();
  CHECK(store.sound_settings() == core::SoundSettings{});
}

TEST_CASE("every sound setting comes back as it was saved, also after saving over it") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  {
    SessionStore store = SessionStore::open(file);
    store.save_sound_settings(core::SoundSettings{});
    store.save_sound_settings(changed_settings());
    CHECK(store.sound_settings() == changed_settings());
  }
  SessionStore store = SessionStore::open(file);
  CHECK(store.sound_settings() == changed_settings());

  for (const core::AmbientKind kind :
       {core::AmbientKind::Off, core::AmbientKind::BrownNoise, core::AmbientKind::Ocean}) {
    CAPTURE(core::ambient_name(kind));
    core::SoundSettings settings = changed_settings();
    settings.ambient = kind;
    store.save_sound_settings(settings);
    CHECK(store.sound_settings().ambient == kind);
  }
}

TEST_CASE("vibration is kept under its own key, on or off, and is off where it was never saved") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  SessionStore store = SessionStore::open(file);
  Database db = Database::open_file(file);
  core::SoundSettings settings;
  settings.vibration = true;
  store.save_sound_settings(settings);
  CHECK(stored_value(db, "vibration") == "1");
  CHECK(store.sound_settings() == settings);
  settings.vibration = false;
  store.save_sound_settings(settings);
  CHECK(stored_value(db, "vibration") == "0");
  CHECK_FALSE(store.sound_settings().vibration);
  // A record saved before vibration existed: every other setting reads back, vibration is off.
  store.save_sound_settings(changed_settings());
  db.execute("DELETE FROM settings WHERE key = 'vibration'", "forgetting vibration");
  core::SoundSettings expected = changed_settings();
  expected.vibration = false;
  CHECK(store.sound_settings() == expected);
}

TEST_CASE("settings are stored as text: volumes with two decimals in 0 to 1, flags as 0 and 1") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  SessionStore store = SessionStore::open(file);
  core::SoundSettings settings = changed_settings();
  settings.voice_volume = 0.333f;
  settings.tone_volume = 1.7f;
  settings.ambient_volume = -0.2f;
  store.save_sound_settings(settings);

  Database db = Database::open_file(file);
  CHECK(stored_value(db, "voice_volume") == "0.33");
  CHECK(stored_value(db, "tone_volume") == "1.00");
  CHECK(stored_value(db, "ambient_volume") == "0.00");
  CHECK(stored_value(db, "voice_muted") == "1");
  CHECK(stored_value(db, "pan_sides") == "0");
  CHECK(stored_value(db, "ambient") == "ocean");

  const core::SoundSettings read = store.sound_settings();
  CHECK(read.voice_volume == 0.33f);
  CHECK(read.tone_volume == 1.0f);
  CHECK(read.ambient_volume == 0.0f);

  settings.voice_volume = std::numeric_limits<float>::quiet_NaN();
  store.save_sound_settings(settings);
  CHECK(stored_value(db, "voice_volume") == "0.00");
}

TEST_CASE("a stored value that cannot be read falls back to that setting's default only") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  SessionStore store = SessionStore::open(file);
  store.save_sound_settings(changed_settings());
  Database db = Database::open_file(file);
  core::SoundSettings expected = changed_settings();
  const core::SoundSettings defaults;

  SUBCASE("a word for a volume") {
    store_raw(db, "voice_volume", "loud");
    expected.voice_volume = defaults.voice_volume;
  }
  SUBCASE("a number followed by other text") {
    store_raw(db, "tone_volume", "0.5 dB");
    expected.tone_volume = defaults.tone_volume;
  }
  SUBCASE("a volume that is not a finite number") {
    store_raw(db, "ambient_volume", "nan");
    expected.ambient_volume = defaults.ambient_volume;
  }
  SUBCASE("an empty volume") {
    store_raw(db, "voice_volume", "");
    expected.voice_volume = defaults.voice_volume;
  }
  SUBCASE("a flag other than 0 or 1") {
    store_raw(db, "pan_sides", "yes");
    expected.pan_sides = defaults.pan_sides;
  }
  SUBCASE("an ambient sound this version does not know") {
    store_raw(db, "ambient", "rain");
    expected.ambient = defaults.ambient;
  }
  SUBCASE("a readable volume above 1 is clamped rather than dropped") {
    store_raw(db, "ambient_volume", "2.5");
    expected.ambient_volume = 1.0f;
  }
  SUBCASE("a key this version does not know is ignored") { store_raw(db, "future_setting", "x"); }

  CHECK(store.sound_settings() == expected);
}

TEST_CASE("a malformed voice volume read from an otherwise empty database gives the defaults") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  SessionStore store = SessionStore::open(file);
  {
    Database db = Database::open_file(file);
    db.execute("INSERT INTO settings (key, value) VALUES ('voice_volume', 'loud')",
               "storing a malformed setting");
  }
  CHECK(store.sound_settings() == core::SoundSettings{});
}

}  // namespace unknot::storage

namespace unknot::storage {
TEST_CASE("a small app setting is saved, replaced, and empty until set") {
  auto store = SessionStore::open_in_memory();
  CHECK_FALSE(store.setting("checkin_offered_day").has_value());
  store.set_setting("checkin_offered_day", "2026-11-25");
  CHECK(store.setting("checkin_offered_day") == "2026-11-25");
  store.set_setting("checkin_offered_day", "2026-11-26");
  CHECK(store.setting("checkin_offered_day") == "2026-11-26");
  CHECK(store.sound_settings() == core::SoundSettings{});  // other keys do not disturb sound
}
}  // namespace unknot::storage
