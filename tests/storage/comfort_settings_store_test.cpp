#include <doctest/doctest.h>

#include "storage/session_store.h"
#include "storage/temp_dir.h"

namespace unknot::storage {

TEST_CASE("comfort settings never saved are the defaults") {
  SessionStore store = SessionStore::open_in_memory();
  CHECK(store.comfort_settings() == core::ComfortSettings{});
}

TEST_CASE("comfort settings come back as saved after reopening the file") {
  testing::TempDir dir;
  const auto file = dir.file("unknot.db");
  core::ComfortSettings chosen;
  chosen.theme = core::ThemeChoice::Dark;
  chosen.text_percent = 175;
  chosen.reduce_motion = true;
  chosen.high_contrast = true;
  {
    SessionStore store = SessionStore::open(file);
    store.save_comfort_settings(core::ComfortSettings{});
    store.save_comfort_settings(chosen);
  }
  CHECK(SessionStore::open(file).comfort_settings() == chosen);
}

TEST_CASE("damaged comfort settings read as the defaults, a stray text size as the nearest step") {
  SessionStore store = SessionStore::open_in_memory();
  store.set_setting("theme", "purple");
  store.set_setting("text_percent", "160");
  store.set_setting("reduce_motion", "yes");
  store.set_setting("high_contrast", "1");
  const core::ComfortSettings read = store.comfort_settings();
  CHECK(read.theme == core::ThemeChoice::Automatic);
  CHECK(read.text_percent == 150);
  CHECK_FALSE(read.reduce_motion);
  CHECK(read.high_contrast);
  store.set_setting("text_percent", "big");
  CHECK(store.comfort_settings().text_percent == 100);
}

}  // namespace unknot::storage
