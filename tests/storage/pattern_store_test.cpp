#include "storage/session_store.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "storage/temp_dir.h"

namespace unknot::storage {
namespace {
using testing::error_text;
using testing::TempDir;

using namespace std::chrono;
using namespace std::chrono_literals;

constexpr core::UnixSeconds kMorning{sys_days{2026y / November / 25} + 9h};

core::PatternDraft box_draft() {
  core::PatternDraft draft;
  draft.name = "Evening box";
  draft.inhale = 4s;
  draft.hold_full = 4'500ms;
  draft.exhale = 5s;
  draft.hold_empty = 3'500ms;
  return draft;
}

core::PatternDraft plain_draft(std::string name) {
  core::PatternDraft draft;
  draft.name = std::move(name);
  return draft;
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a saved pattern comes back with its draft, a positive id and both timestamps") {
  SessionStore store = SessionStore::open_in_memory();
  CHECK(store.custom_patterns().empty());
  const std::int64_t id = store.save_pattern(std::nullopt, box_draft(), kMorning);
  CHECK(id > 0);

  const auto patterns = store.custom_patterns();
  REQUIRE(patterns.size() == 1);
  CHECK(patterns[0].id == id);
  CHECK(patterns[0].draft == box_draft());
  CHECK(patterns[0].created_at == kMorning);
  CHECK(patterns[0].updated_at == kMorning);
}

TEST_CASE("a pattern survives closing and reopening the file") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  std::int64_t id = 0;
  {
    SessionStore store = SessionStore::open(file);
    id = store.save_pattern(std::nullopt, box_draft(), kMorning);
  }
  const auto patterns = SessionStore::open(file).custom_patterns();
  REQUIRE(patterns.size() == 1);
  CHECK(patterns[0].id == id);
  CHECK(patterns[0].draft == box_draft());
}

TEST_CASE("saving a pattern again by id replaces its draft and updated_at but keeps created_at") {
  SessionStore store = SessionStore::open_in_memory();
  const std::int64_t id = store.save_pattern(std::nullopt, box_draft(), kMorning);
  const std::int64_t other = store.save_pattern(std::nullopt, plain_draft("Other"), kMorning);
  core::PatternDraft edited = box_draft();
  edited.name = "Evening box, longer out-breath";
  edited.exhale = 7'500ms;
  edited.hold_empty = 0s;

  CHECK(store.save_pattern(id, edited, kMorning + 2h) == id);

  const auto patterns = store.custom_patterns();
  REQUIRE(patterns.size() == 2);
  CHECK(patterns[0].id == id);
  CHECK(patterns[0].draft == edited);
  CHECK(patterns[0].created_at == kMorning);
  CHECK(patterns[0].updated_at == kMorning + 2h);
  CHECK(patterns[1].id == other);
  CHECK(patterns[1].draft == plain_draft("Other"));
  CHECK(patterns[1].updated_at == kMorning);
}

TEST_CASE("saving a pattern by an id that does not exist fails with no such pattern") {
  SessionStore store = SessionStore::open_in_memory();
  const std::string message =
      error_text([&] { store.save_pattern(std::int64_t{42}, box_draft(), kMorning); });
  CHECK(contains(message, "saving breathing pattern 42 'Evening box'"));
  CHECK(contains(message, "no such pattern"));
  CHECK(store.custom_patterns().empty());
}

TEST_CASE("an invalid draft is rejected naming the field it breaks and nothing is stored") {
  SessionStore store = SessionStore::open_in_memory();
  core::PatternDraft draft = box_draft();
  std::string field;
  SUBCASE("a blank name") {
    draft.name = " \t ";
    field = "name: ";
  }
  SUBCASE("a name of 41 characters") {
    draft.name = std::string(41, 'a');
    field = "name: ";
  }
  SUBCASE("an in-breath shorter than 1 s") {
    draft.inhale = 500ms;
    field = "inhale: ";
  }
  SUBCASE("an in-breath off the half-second grid") {
    draft.inhale = 4'250ms;
    field = "inhale: ";
  }
  SUBCASE("a full hold longer than 20 s") {
    draft.hold_full = 20'500ms;
    field = "hold_full: ";
  }
  SUBCASE("an out-breath longer than 20 s") {
    draft.exhale = 21s;
    field = "exhale: ";
  }
  SUBCASE("a negative empty hold") {
    draft.hold_empty = -500ms;
    field = "hold_empty: ";
  }
  SUBCASE("a whole breath longer than 60 s") {
    draft.inhale = 15s;
    draft.hold_full = 15s;
    draft.exhale = 20s;
    draft.hold_empty = 10'500ms;
    field = "exhale: ";
  }

  // Straight after the doing text, which ends with the quoted name.
  field = "': " + field;
  CAPTURE(field);
  const std::string new_message =
      error_text([&] { store.save_pattern(std::nullopt, draft, kMorning); });
  CHECK(contains(new_message, field));
  CHECK(store.custom_patterns().empty());

  const std::int64_t id = store.save_pattern(std::nullopt, box_draft(), kMorning);
  const std::string edit_message =
      error_text([&] { store.save_pattern(id, draft, kMorning + 1h); });
  CHECK(contains(edit_message, field));
  const auto patterns = store.custom_patterns();
  REQUIRE(patterns.size() == 1);
  CHECK(patterns[0].draft == box_draft());
  CHECK(patterns[0].updated_at == kMorning);
}

TEST_CASE("a draft breaking several rules is rejected with every field and core's message") {
  SessionStore store = SessionStore::open_in_memory();
  core::PatternDraft draft = box_draft();
  draft.name = "";
  draft.inhale = 0s;
  const std::string message =
      error_text([&] { store.save_pattern(std::nullopt, draft, kMorning); });
  CHECK(contains(message, "name: give the pattern a name"));
  CHECK(contains(message, "inhale: Breathing in must be between 1 s and 15 s (got 0 s)"));
}

TEST_CASE("a name of 40 accented characters fits although it takes 80 bytes") {
  SessionStore store = SessionStore::open_in_memory();
  std::string name;
  for (int i = 0; i < 40; ++i) name += "\xC3\xA9";  // é
  store.save_pattern(std::nullopt, plain_draft(name), kMorning);
  REQUIRE(store.custom_patterns().size() == 1);
  CHECK(store.custom_patterns()[0].draft.name == name);
}

TEST_CASE("patterns are listed oldest first and by id when created in the same second") {
  SessionStore store = SessionStore::open_in_memory();
  const std::int64_t newest = store.save_pattern(std::nullopt, plain_draft("C"), kMorning + 1h);
  const std::int64_t first_tie = store.save_pattern(std::nullopt, plain_draft("A"), kMorning);
  const std::int64_t second_tie = store.save_pattern(std::nullopt, plain_draft("B"), kMorning);
  // Editing the newest does not move it: the order follows created_at.
  store.save_pattern(newest, plain_draft("C2"), kMorning + 2h);

  const auto patterns = store.custom_patterns();
  REQUIRE(patterns.size() == 3);
  CHECK(patterns[0].id == first_tie);
  CHECK(patterns[1].id == second_tie);
  CHECK(patterns[2].id == newest);
}

TEST_CASE("deleting a pattern removes only that one and deleting it again is harmless") {
  SessionStore store = SessionStore::open_in_memory();
  const std::int64_t kept = store.save_pattern(std::nullopt, plain_draft("Kept"), kMorning);
  const std::int64_t gone = store.save_pattern(std::nullopt, plain_draft("Gone"), kMorning);
  store.delete_pattern(gone);
  store.delete_pattern(gone);
  store.delete_pattern(999);

  const auto patterns = store.custom_patterns();
  REQUIRE(patterns.size() == 1);
  CHECK(patterns[0].id == kept);
  CHECK(error_text([&] {
          store.save_pattern(gone, plain_draft("Back"), kMorning);
        }).find("no such pattern") != std::string::npos);
}

TEST_CASE("the id of a deleted pattern is never given to a new one, even after reopening") {
  TempDir dir;
  const auto file = dir.file("unknot.db");
  std::int64_t deleted = 0;
  {
    SessionStore store = SessionStore::open(file);
    store.save_pattern(std::nullopt, plain_draft("First"), kMorning);
    deleted = store.save_pattern(std::nullopt, plain_draft("Second"), kMorning);
    store.delete_pattern(deleted);
  }
  SessionStore store = SessionStore::open(file);
  CHECK(store.save_pattern(std::nullopt, plain_draft("Third"), kMorning) > deleted);
}

TEST_CASE("a pattern key is custom_ and the id, and it parses back to the same id") {
  CHECK(custom_pattern_key(1) == "custom_1");
  CHECK(custom_pattern_key(307) == "custom_307");
  for (const std::int64_t id : {std::int64_t{1}, std::int64_t{10}, std::int64_t{307},
                                std::numeric_limits<std::int64_t>::max()}) {
    CAPTURE(id);
    CHECK(parse_custom_pattern_key(custom_pattern_key(id)) == id);
  }
}

TEST_CASE("text other than custom_ and a positive id without sign or leading zero is no key") {
  for (const std::string_view key :
       {"custom_", "custom_x", "resonance_6", "", "custom", "custom_0", "custom_07", "custom_-1",
        "custom_+1", "custom_1x", "custom_ 1", "Custom_1", " custom_1", "custom_1 ",
        "breathe:custom_1", "custom_9223372036854775808"}) {
    CAPTURE(key);
    CHECK_FALSE(parse_custom_pattern_key(key).has_value());
  }
}

}  // namespace unknot::storage
