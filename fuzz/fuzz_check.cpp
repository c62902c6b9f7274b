#include "fuzz/fuzz_check.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

namespace unknot::fuzz {
namespace {

std::string read_asset(const char* name) {
  const std::string path = std::string(UNKNOT_ASSETS_DIR) + "/" + name;
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("cannot read " + path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

void fail(std::string_view what) {
  std::fprintf(stderr, "fuzz check failed: %.*s\n", static_cast<int>(what.size()), what.data());
  std::abort();
}

void check_problems(const std::vector<core::ParseProblem>& problems, bool parsed) {
  require(parsed == problems.empty(), "a value was given with problems, or none without");
  for (const auto& p : problems) {
    require(!p.message.empty(), "a problem without a message");
    const std::string text = p.to_string();
    require(
        text.size() <= p.file.size() + kMaxProblemText,
        "a problem's text is " + std::to_string(text.size()) + " bytes: " + text.substr(0, 200));
  }
}

const core::MuscleLibrary& shipped_library() {
  static const core::MuscleLibrary library = [] {
    auto result = core::parse_muscle_library(read_asset("muscles.json"), "muscles.json");
    if (!result.library) fail("the shipped muscle library does not parse");
    return *result.library;
  }();
  return library;
}

const core::BodyMap& shipped_map() {
  static const core::BodyMap map = [] {
    auto result = core::parse_body_map(read_asset("body_map.json"), "body_map.json");
    if (!result.map) fail("the shipped body map does not parse");
    return *result.map;
  }();
  return map;
}

}  // namespace unknot::fuzz
