// Finds the line and column of every value in a JSON text, by JSON pointer, because
// nlohmann_json keeps no source positions. Pure std: depends on neither nlohmann nor any I/O.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace unknot::core {

struct TextPosition {
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based, counted in Unicode code points (a tab is one column)
};

// Position of byte `offset` in `text`; an offset at or past the end gives the end of the text.
// A UTF-8 byte-order mark at the start takes no column.
TextPosition position_at(std::string_view text, std::size_t offset);

// JSON pointer (RFC 6901) of a member or an element: ("/steps", "a/b") -> "/steps/a~1b".
std::string pointer_append(std::string_view parent, std::string_view key);
std::string pointer_append(std::string_view parent, std::size_t index);

class JsonLocator {
 public:
  // Bounds on what is recorded, so that memory stays small for any input: pointer strings
  // grow with depth and key length. Values nested deeper than kMaxDepth containers, inside a
  // container whose pointer is longer than kMaxPointerBytes, or after the first kMaxEntries
  // values are located at their nearest recorded ancestor. Routine files need depth 3.
  static constexpr std::size_t kMaxDepth = 16;
  static constexpr std::size_t kMaxPointerBytes = 512;
  static constexpr std::size_t kMaxEntries = 10000;

  // Scans `text` once. Never recurses, so any nesting depth is safe; tolerates invalid JSON
  // (positions after a syntax error are best effort). The text need not outlive the locator.
  explicit JsonLocator(std::string_view text);

  // Where the value at `pointer` starts (the root is ""). For a pointer that does not exist,
  // such as a missing member, the position of its nearest existing ancestor; {0, 0} for a text
  // holding no value at all.
  TextPosition value(std::string_view pointer) const;

  // Where the key of the object member at `pointer` starts (its opening quote). For array
  // elements, the root and missing members, the same as value().
  TextPosition key(std::string_view pointer) const;

  // Members whose key already appeared in the same object, in text order, with the position of
  // the repeated key. nlohmann_json keeps the last of such values.
  const std::vector<std::pair<std::string, TextPosition>>& duplicate_keys() const {
    return duplicates_;
  }

 private:
  struct Entry {
    TextPosition value;
    TextPosition key;  // line 0 unless the value is an object member
  };
  const Entry* nearest(std::string_view pointer) const;

  friend class JsonScanner;  // fills entries_ and duplicates_
  std::unordered_map<std::string, Entry> entries_;
  std::vector<std::pair<std::string, TextPosition>> duplicates_;
};

}  // namespace unknot::core
