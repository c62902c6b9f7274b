#include <doctest/doctest.h>

#include <chrono>
#include <stdexcept>
#include <string>

#include "storage/session_store.h"

namespace unknot::storage {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

constexpr core::UnixSeconds kMorning{sys_days{2026y / November / 25} + 13h + 4min + 5s};

}  // namespace

TEST_CASE("ISO-8601 text and UnixSeconds convert both ways") {
  const auto check = [](core::UnixSeconds t, const std::string& text) {
    CAPTURE(text);
    CHECK(to_iso8601(t) == text);
    CHECK(from_iso8601(text) == t);
  };
  check(core::UnixSeconds{0s}, "1970-01-01T00:00:00Z");
  check(core::UnixSeconds{-1s}, "1969-12-31T23:59:59Z");
  check(kMorning, "2026-11-25T13:04:05Z");
  check(core::UnixSeconds{1'798'761'599s}, "2026-12-31T23:59:59Z");
  check(sys_days{2028y / February / 29} + 23h + 59min + 59s, "2028-02-29T23:59:59Z");
  check(sys_days{0y / January / 1}, "0000-01-01T00:00:00Z");
  check(sys_days{9999y / December / 31} + 23h + 59min + 59s, "9999-12-31T23:59:59Z");
}

TEST_CASE("ISO-8601 text of any other shape or naming an impossible time is rejected") {
  for (const std::string text : {"",
                                 "2026-11-25T13:04:05",
                                 "2026-11-25 13:04:05Z",
                                 "2026-11-25t13:04:05z",
                                 "2026-11-25T13:04:05+00:00",
                                 "2026-11-25T13:04:05.000Z",
                                 " 2026-11-25T13:04:05Z",
                                 "2026-11-25T13:04:05Z ",
                                 "2026-1-25T13:04:05Z",
                                 "+2026-11-25T13:04:05Z",
                                 "2026-11-2xT13:04:05Z",
                                 "2026-11-25T13:-4:05Z",
                                 "2026/11/25T13:04:05Z",
                                 "2026-13-01T00:00:00Z",
                                 "2026-00-10T00:00:00Z",
                                 "2026-11-00T00:00:00Z",
                                 "2026-02-29T00:00:00Z",
                                 "2026-04-31T00:00:00Z",
                                 "2026-11-25T24:00:00Z",
                                 "2026-11-25T13:60:00Z",
                                 "2016-12-31T23:59:60Z"}) {
    CAPTURE(text);
    CHECK_FALSE(from_iso8601(text).has_value());
  }
}

TEST_CASE("a time outside years 0000 to 9999 has no ISO-8601 text") {
  CHECK_THROWS_AS(to_iso8601(sys_days{10000y / January / 1}), std::out_of_range);
  CHECK_THROWS_AS(to_iso8601(sys_days{0y / January / 1} - 1s), std::out_of_range);
  CHECK_THROWS_AS(to_iso8601(core::UnixSeconds{seconds::max()}), std::out_of_range);
}

}  // namespace unknot::storage
