#include "core/json_locator.h"

#include <doctest/doctest.h>

#include <string>

using namespace unknot::core;

namespace {

bool at(TextPosition p, int line, int column) { return p.line == line && p.column == column; }

// Line numbers in comments; columns count from 1.
constexpr std::string_view kDocument =
    "{\n"                                  // 1
    "  \"id\": \"neck\",\n"                // 2: key at 3, value at 9
    "  \"steps\": [\n"                     // 3: key at 3, value at 12
    "    {\"type\": \"breathing\"},\n"     // 4: element at 5, key at 6, value at 14
    "    {\"breaths\": 6, \"x\": null}\n"  // 5: breaths value at 17, x key at 20
    "  ]\n"
    "}\n";

}  // namespace

TEST_CASE("the locator finds where each value starts by its JSON pointer") {
  const JsonLocator locator(kDocument);
  CHECK(at(locator.value(""), 1, 1));
  CHECK(at(locator.value("/id"), 2, 9));
  CHECK(at(locator.value("/steps"), 3, 12));
  CHECK(at(locator.value("/steps/0"), 4, 5));
  CHECK(at(locator.value("/steps/0/type"), 4, 14));
  CHECK(at(locator.value("/steps/1/breaths"), 5, 17));
  CHECK(at(locator.value("/steps/1/x"), 5, 25));
}

TEST_CASE(
    "the locator finds the key of an object member and falls back to the value for array "
    "elements") {
  const JsonLocator locator(kDocument);
  CHECK(at(locator.key("/id"), 2, 3));
  CHECK(at(locator.key("/steps/0/type"), 4, 6));
  CHECK(at(locator.key("/steps/1/x"), 5, 20));
  CHECK(at(locator.key("/steps/1"), 5, 5));
  CHECK(at(locator.key(""), 1, 1));
}

TEST_CASE("a pointer that does not exist is placed at its nearest existing ancestor") {
  const JsonLocator locator(kDocument);
  CHECK(at(locator.value("/steps/1/pressure"), 5, 5));
  CHECK(at(locator.key("/steps/1/pressure"), 5, 5));
  CHECK(at(locator.value("/steps/7/title"), 3, 12));
  CHECK(at(locator.value("/nothing/at/all"), 1, 1));
  CHECK(at(locator.value("not a pointer"), 1, 1));
}

TEST_CASE("a text holding no value has no positions") {
  const JsonLocator locator("   \n  ");
  CHECK(at(locator.value(""), 0, 0));
  CHECK(at(locator.key("/a"), 0, 0));
}

TEST_CASE("member names are unescaped and written as RFC 6901 pointers") {
  const JsonLocator locator(R"({"a/b": 1, "c~d": 2, "\u0041\"": 3, "\ud83d\ude00": 4})");
  CHECK(pointer_append("/x", "a/b") == "/x/a~1b");
  CHECK(pointer_append("", "c~d") == "/c~0d");
  CHECK(pointer_append("/steps", std::size_t{3}) == "/steps/3");
  CHECK(at(locator.value("/a~1b"), 1, 9));
  CHECK(at(locator.value("/c~0d"), 1, 19));
  CHECK(at(locator.value("/A\""), 1, 34));
  CHECK(at(locator.value("/\xF0\x9F\x98\x80"), 1, 53));
}

TEST_CASE("brackets, commas and colons inside strings do not disturb the scan") {
  const JsonLocator locator(R"({"a": "[{,:}]", "b": ["]", "\"["], "c": 1})");
  CHECK(at(locator.value("/b/1"), 1, 28));
  CHECK(at(locator.value("/c"), 1, 41));
}

TEST_CASE("columns count characters, not bytes") {
  const JsonLocator locator("{\"title\": \"Épaule\", \"n\": 1}");
  CHECK(at(locator.value("/n"), 1, 26));
  CHECK(at(position_at("é\nxé!", 6), 2, 3));
}

TEST_CASE("position_at maps a byte offset to a line and column, clamped to the end") {
  constexpr std::string_view text = "ab\ncd\n";
  CHECK(at(position_at(text, 0), 1, 1));
  CHECK(at(position_at(text, 2), 1, 3));
  CHECK(at(position_at(text, 3), 2, 1));
  CHECK(at(position_at(text, 6), 3, 1));
  CHECK(at(position_at(text, 600), 3, 1));
  CHECK(at(position_at("", 0), 1, 1));
}

TEST_CASE("a UTF-8 byte-order mark takes no column") {
  const std::string text = "\xEF\xBB\xBF{\"a\": 1}";
  CHECK(at(position_at(text, 3), 1, 1));
  CHECK(at(JsonLocator(text).value("/a"), 1, 7));
}

TEST_CASE("a repeated key is listed with the position of the repeat, and the last value wins") {
  const JsonLocator locator("{\"a\": 1,\n \"b\": {\"a\": 2},\n \"a\": 3}");
  REQUIRE(locator.duplicate_keys().size() == 1);
  CHECK(locator.duplicate_keys()[0].first == "/a");
  CHECK(at(locator.duplicate_keys()[0].second, 3, 2));
  CHECK(at(locator.value("/a"), 3, 7));
}

TEST_CASE("deep nesting is scanned without recursion and placed at the deepest recorded level") {
  constexpr std::size_t kDepth = 200000;
  const std::string text =
      "{\"a\":" + std::string(kDepth, '[') + "1" + std::string(kDepth, ']') + ",\n\"b\": 2}";
  const JsonLocator locator(text);
  CHECK(at(locator.value("/b"), 2, 6));
  std::string deep = "/a";
  for (std::size_t i = 0; i < 100; ++i) deep += "/0";
  const TextPosition p = locator.value(deep);
  CHECK(p.line == 1);
  // /a sits inside 1 container, /a/0/0... inside one more per level: the last recorded
  // level is inside kMaxDepth containers, at the kMaxDepth-th bracket.
  CHECK(p.column == static_cast<int>(5 + JsonLocator::kMaxDepth));
}

TEST_CASE("invalid or truncated JSON is scanned without failing") {
  for (std::string_view text : {"{", "[", "\"abc", "{\"a\":", "{\"a\" 1 2 ]]] }}}", "\\u12",
                                "{\"\\ud800\": [1,", "\xff\xfe\x00"}) {
    const JsonLocator locator(text);
    CHECK(locator.value("/a/b/c").line >= 0);
  }
}

TEST_CASE("values under a very long name or past the first entries fall back to an ancestor") {
  const std::string long_key(2000, 'k');
  const JsonLocator locator("{\"" + long_key + "\": [1, 2], \"b\": 3}");
  CHECK(at(locator.value("/" + long_key), 1, 2006));
  CHECK(at(locator.value("/" + long_key + "/1"), 1, 2006));
  CHECK(at(locator.value("/b"), 1, 2019));

  std::string many = "[";
  for (std::size_t i = 0; i < 2 * JsonLocator::kMaxEntries; ++i) many += "1,\n";
  const JsonLocator big(many + "1]");
  CHECK(at(big.value("/5"), 6, 1));
  CHECK(at(big.value("/" + std::to_string(JsonLocator::kMaxEntries + 5)), 1, 1));
}
