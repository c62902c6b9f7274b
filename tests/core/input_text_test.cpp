// Bounded messages for hostile input: long names cut, real sizes and counts, encodings named,
// and text made safe for a terminal.
#include "core/input_text.h"

#include <doctest/doctest.h>

#include <string>

#include "core/homework.h"
#include "core/routine_parser.h"

using namespace unknot::core;

namespace {

constexpr std::string_view kRoutineStart =
    "{\"format_version\": 1, \"id\": \"r\", \"title\": \"T\", \"steps\": [{\"type\": "
    "\"breathing\", "
    "\"title\": \"B\", \"pattern\": \"extended_exhale_4_6\", \"duration_s\": 60";

// A routine whose only step has one extra member named `name`.
std::string routine_with_member(const std::string& name) {
  return std::string(kRoutineStart) + ", \"" + name + "\": 1}]}";
}

}  // namespace

TEST_CASE("a megabyte-long unknown field name is cut in the problem, with its real length") {
  const std::string name(1000 * 1000, 'x');
  const auto result = parse_routine(routine_with_member(name), "long.json", {});
  REQUIRE(result.problems.size() == 1);
  const ParseProblem& p = result.problems[0];
  const std::string text = p.to_string();
  CHECK(text.size() < 400);
  CHECK(p.field == "/steps/0/" + std::string(kMaxQuotedChars, 'x') + "\u2026");
  CHECK(p.message.starts_with("unknown field \"" + std::string(kMaxQuotedChars, 'x') +
                              "\u2026\" (1000000 characters)"));
}

TEST_CASE("a short unknown name is quoted whole") {
  const auto result = parse_routine(routine_with_member("titel_x"), "short.json", {});
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].field == "/steps/0/titel_x");
  CHECK(result.problems[0].message.starts_with("unknown field \"titel_x\";"));
}

TEST_CASE("a long unknown name in a homework file is cut in its problem too") {
  const std::string name(70000, 'n');
  const std::string text = "{\"format\": \"unknot-homework\", \"" + name + "\": 1}";
  const auto result = parse_homework(text, "hw.unknot", {}, nullptr);
  REQUIRE_FALSE(result.problems.empty());
  for (const auto& p : result.problems) CHECK(p.to_string().size() < 600);
}

TEST_CASE("past 200 problems the last line counts the rest and the real total") {
  std::string members;
  for (int i = 0; i < 420; ++i) members += ", \"unknown_" + std::to_string(i) + "\": 1";
  const std::string text = std::string(kRoutineStart) + "}]" + members + "}";
  const auto result = parse_routine(text, "many.json", {});
  REQUIRE(result.problems.size() == 201);
  CHECK(result.problems.back().message ==
        "\u2026 and 220 more (420 in all); fix these and check the file again");
  CHECK(problem_count(result.problems) == 420);
}

TEST_CASE("a text over 1 MiB is refused with its real size, in words a person reads") {
  const std::string text(4'404'019, ' ');
  const auto result = parse_routine(text, "big.json", {});
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].message ==
        "the file is 4.4 MB (4404019 bytes); the most a routine file may be is 1 MiB");
}

TEST_CASE("sizes read as decimal units with the exact bytes") {
  CHECK(byte_size_text(0) == "0 bytes");
  CHECK(byte_size_text(1) == "1 byte");
  CHECK(byte_size_text(999) == "999 bytes");
  CHECK(byte_size_text(1'048'577) == "1.0 MB (1048577 bytes)");
  CHECK(byte_size_text(4'200'000) == "4.2 MB (4200000 bytes)");
  CHECK(byte_size_text(104'857'600) == "104.9 MB (104857600 bytes)");
  CHECK(byte_size_text(12'345) == "12.3 kB (12345 bytes)");
  CHECK(byte_size_text(3'000'000'000) == "3.0 GB (3000000000 bytes)");
  CHECK(limit_text(1024 * 1024) == "1 MiB");
  CHECK(limit_text(4 * 1024 * 1024) == "4 MiB");
  CHECK(limit_text(1000) == "1000 bytes");
}

TEST_CASE("a file saved as UTF-16 is named as such, not as an invalid literal") {
  // "{}" in UTF-16 LE with its byte-order mark, and in UTF-16 BE without one.
  const std::string le("\xFF\xFE{\0}\0", 6);
  const std::string be("\0{\0}", 4);
  for (const std::string& text : {le, be}) {
    const auto result = parse_routine(text, "utf16.json", {});
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].message.find("UTF-16") != std::string::npos);
    CHECK(result.problems[0].message.find("save it as UTF-8") != std::string::npos);
    CHECK(result.problems[0].message.find("literal") == std::string::npos);
  }
  const std::string homework("\xFE\xFF\0{\0}", 6);
  const auto hw = parse_homework(homework, "utf16.unknot", {}, nullptr);
  REQUIRE(hw.problems.size() == 1);
  CHECK(hw.problems[0].message == "the file is saved as UTF-16; save it as UTF-8");
  CHECK_FALSE(encoding_problem("{\"a\": \"\xC3\xA9\"}").has_value());
}

TEST_CASE("terminal_safe shows control characters as escapes and keeps other text") {
  CHECK(terminal_safe("plain \xC3\xA9paule") == "plain \xC3\xA9paule");
  CHECK(terminal_safe("a\x1b[31mred") == "a\\x1b[31mred");
  CHECK(terminal_safe("cr\rbel\x07nl\ntab\tdel\x7f") == "cr\\x0dbel\\x07nl\\x0atab\\x09del\\x7f");
  CHECK(terminal_safe("c1 \xC2\x9B"
                      "2J") == "c1 \\u009b2J");
  CHECK(terminal_safe("bad \x9B byte \xFF") == "bad \\x9b byte \\xff");
  CHECK(terminal_safe(std::string("nul\0x", 5)) == "nul\\x00x");
  CHECK(terminal_safe_lines("one\x1b\ntwo\n") == "one\\x1b\ntwo\n");
}

TEST_CASE("cut_text keeps whole code points and marks a cut with an ellipsis") {
  CHECK(cut_text("short", 10) == "short");
  CHECK(cut_text("\xC3\xA9\xC3\xA9\xC3\xA9", 2) == "\xC3\xA9\xC3\xA9\u2026");
  CHECK(quote_text(std::string(61, 'a')) ==
        "\"" + std::string(60, 'a') + "\u2026\" (61 characters)");
  CHECK(quote_text("a\x1b"
                   "b") == "\"a?b\"");
}
