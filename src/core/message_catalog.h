// One language's translations, read from a GNU gettext catalog compiled by msgfmt (a .mo file):
// the same files libintl reads, with a reader of its own so the browser build (which has no
// libintl) reads them too. Messages are looked up by their English text, with an optional
// context ("msgctxt") for words that translate differently in different places, and plural
// messages pick their form with the catalog's own rule (Plural-Forms). Pure std.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/plural_rule.h"

namespace unknot::core {

// A catalog that cannot be used: what is wrong, with the catalog's name and the byte offset.
class CatalogError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class MessageCatalog {
 public:
  // No translations: every lookup gives back the English text (English, and a missing catalog).
  MessageCatalog() = default;

  // Reads a .mo file's bytes; `name` (the file) is used in errors. Both byte orders and format
  // revisions 0 and 1 are read. Throws CatalogError when the bytes are not a whole catalog: a
  // wrong magic number, a table or string past the end, a string without its terminating zero,
  // or a Plural-Forms header that does not parse.
  static MessageCatalog from_mo(std::string bytes, std::string_view name);

  // The translation of `message` in `context` ("" for none), or `message` itself when there is
  // none. The view stays valid as long as the catalog (or a copy of it) and `message` do.
  std::string_view text(std::string_view context, std::string_view message) const;

  // The form of a plural message for a count of `n`: the catalog's form by its rule, or, without
  // a translation, `singular` for 1 and `plural` otherwise (English).
  std::string_view plural(std::string_view context, std::string_view singular,
                          std::string_view plural, std::uint64_t n) const;

  // The catalog's "Language:" header ("es"), empty without one.
  const std::string& language() const { return language_; }
  const PluralRule& plural_rule() const { return rule_; }
  // How many translated messages it holds (the header not counted).
  std::size_t size() const { return entries_.size(); }

 private:
  // The stored translation of `message` in `context` (a plural message's forms, '\0'-separated).
  std::optional<std::string_view> translation(std::string_view context,
                                              std::string_view message) const;

  // The file's bytes, shared by copies, so the views in entries_ stay put.
  std::shared_ptr<const std::string> bytes_;
  // Key: "context\x04message" or "message" (for a plural message, its singular); value: the
  // translation, a plural message's forms separated by '\0'.
  std::unordered_map<std::string_view, std::string_view> entries_;
  PluralRule rule_;
  std::string language_;
};

}  // namespace unknot::core
