// Typed reading of JSON object members that records every problem with its file position.
// Private to unknot_core: it exposes nlohmann_json, which other targets must not see.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/json_locator.h"
#include "core/routine_parser.h"

namespace unknot::core {

// Collects the problems of one file, placing each through the locator. After kMaxProblems
// it keeps only a count, so a hostile file cannot fill memory with messages.
class ProblemLog {
 public:
  static constexpr std::size_t kMaxProblems = 200;

  ProblemLog(std::string_view file, const JsonLocator& locator) : file_(file), locator_(locator) {}

  // Member names in `field` longer than kMaxQuotedChars are cut (with "…") in the problem.
  // At the start of the value `field` (or of its nearest existing ancestor).
  void at_value(std::string field, std::string message, std::string hint = {});
  // At the key of the object member `field`: for members that should not be there.
  void at_key(std::string field, std::string message, std::string hint = {});
  // At an explicit position, for places the locator reports itself (repeated keys).
  void at(std::string field, TextPosition where, std::string message, std::string hint = {});

  // Problems found so far, including any beyond kMaxProblems.
  std::size_t count() const { return problems_.size() + dropped_; }
  // The problems kept, sorted into file order (line, then column), followed by a note saying
  // how many more were found when there were too many ("… and 220 more (420 in all)"; its
  // `more` is 220).
  std::vector<ParseProblem> take();

 private:
  std::string file_;
  const JsonLocator& locator_;
  std::vector<ParseProblem> problems_;
  std::size_t dropped_ = 0;
};

enum class Need { Required, Optional };

// Number of Unicode code points in valid UTF-8 (what a reader counts as characters).
std::size_t count_chars(std::string_view utf8);
// A short description of a JSON value for "(got ...)": the number, the quoted string (cut as
// quote_text does), or the type name for containers, booleans and null.
std::string describe(const nlohmann::json& value);
// Levenshtein distance, for suggesting a near name ("titel" -> "title"). Quadratic: for short
// names only.
std::size_t edit_distance(std::string_view a, std::string_view b);
// "a, b or c", joined as the current language does.
std::string join_choices(std::span<const std::string_view> choices);

// Reads the members of one JSON object. Every read that fails logs a problem and returns
// nothing, so a caller can go on and collect the rest.
class FieldReader {
 public:
  FieldReader(const nlohmann::json& object, std::string pointer, ProblemLog& log)
      : object_(object), pointer_(std::move(pointer)), log_(log) {}

  const std::string& pointer() const { return pointer_; }
  std::string field(std::string_view key) const { return pointer_append(pointer_, key); }
  bool has(std::string_view key) const { return object_.contains(key); }
  const nlohmann::json& object() const { return object_; }
  ProblemLog& log() { return log_; }

  // One line of 1..max_chars characters that is not only spaces.
  std::optional<std::string> text(std::string_view key, Need need, std::size_t max_chars);
  // 1-64 characters from a-z, 0-9, '_' and '-'.
  std::optional<std::string> identifier(std::string_view key, Need need);
  // A whole number in [min, max]; `limits` ends the message, e.g. "between 5 and 90 seconds", in
  // the current language (the messages are: core/translate.h).
  std::optional<std::int64_t> whole_number(std::string_view key, Need need, std::int64_t min,
                                           std::int64_t max, std::string_view limits);
  // One of `choices`, exactly as written.
  std::optional<std::string> choice(std::string_view key, Need need,
                                    std::span<const std::string_view> choices);
  // An array of at most max_items texts, each as for text().
  std::optional<std::vector<std::string>> text_list(std::string_view key, Need need,
                                                    std::size_t max_items, std::size_t max_chars);
  // An array of min_items..max_items elements (of any type: the caller checks them).
  const nlohmann::json* array(std::string_view key, Need need, std::size_t min_items,
                              std::size_t max_items);

  // Logs a member this object must not have; `why` completes "... : why".
  void reject(std::string_view key, std::string_view why);
  // Logs every member whose name is not in `known`, suggesting the closest known name. Names
  // starting with '_' are notes for people and always allowed. Call it before reading: a
  // required member suggested here ("titel" -> "title") is then not reported missing as well.
  void reject_unknown(std::span<const std::string_view> known);

 private:
  const nlohmann::json* member(std::string_view key, Need need);
  std::optional<std::string> check_text(const nlohmann::json& value, const std::string& field,
                                        std::size_t max_chars);

  const nlohmann::json& object_;
  std::string pointer_;
  ProblemLog& log_;
  std::vector<std::string_view> suggested_;  // known names offered for a misspelt member
};

}  // namespace unknot::core
