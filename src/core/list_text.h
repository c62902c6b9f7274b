// Lists of names in a sentence, as the current language joins them (core/translate.h): "a",
// "a and b", "a, b and c"; "a, b o c" in Spanish. Header only. Pure std + core.
#pragma once

#include <iterator>
#include <string>
#include <string_view>

#include "core/translate.h"

namespace unknot::core {
namespace list_detail {

// Every item but the last joined with ", ", then `last_two` ("{first} and {last}") joining
// those with the last.
template <typename Range>
std::string joined(const Range& items, const std::string& last_two) {
  const auto n = static_cast<std::size_t>(std::size(items));
  if (n == 0) return {};
  auto it = std::begin(items);
  if (n == 1) return std::string(std::string_view(*it));
  std::string head;
  for (std::size_t i = 0; i + 1 < n; ++i, ++it) {
    if (i > 0) head += ", ";
    head += std::string_view(*it);
  }
  return fill(last_two, {{"first", head}, {"last", std::string_view(*it)}});
}

}  // namespace list_detail

// "a", "a and b", "a, b and c": the items (strings or views) as one phrase.
template <typename Range>
std::string and_list(const Range& items) {
  // TRANSLATORS: the end of a list of names: "a and b", "a, b and c" ({first} holds every
  // name but the last, already joined with commas).
  return list_detail::joined(items, trc("list", "{first} and {last}"));
}

// "a", "a or b", "a, b or c".
template <typename Range>
std::string or_list(const Range& items) {
  // TRANSLATORS: the end of a list of choices: "a or b", "a, b or c" ({first} holds every
  // choice but the last, already joined with commas).
  return list_detail::joined(items, trc("list", "{first} or {last}"));
}

}  // namespace unknot::core
