#include "core/message_catalog.h"

#include <algorithm>
#include <cstring>

namespace unknot::core {
namespace {

constexpr std::uint32_t kMagic = 0x950412deU;
constexpr std::uint32_t kMagicSwapped = 0xde120495U;
constexpr char kContextSeparator = '\x04';

std::uint32_t swapped(std::uint32_t v) {
  return (v >> 24) | ((v >> 8) & 0xff00U) | ((v << 8) & 0xff0000U) | (v << 24);
}

// Reads the catalog's 32-bit words in its own byte order, refusing any past the end.
class Words {
 public:
  Words(std::string_view bytes, std::string_view name) : bytes_(bytes), name_(name) {}

  std::uint32_t at(std::size_t offset) const {
    if (offset > bytes_.size() || bytes_.size() - offset < 4) fail("ends early", offset);
    std::uint32_t v = 0;
    std::memcpy(&v, bytes_.data() + offset, 4);
    return swap_ ? swapped(v) : v;
  }
  void set_swapped(bool swap) { swap_ = swap; }

  // The string a table entry at `entry` points to, checked to lie inside the file and end with
  // its terminating zero.
  std::string_view string_at(std::size_t entry) const {
    const std::uint32_t length = at(entry);
    const std::uint32_t offset = at(entry + 4);
    if (offset > bytes_.size() || bytes_.size() - offset <= length)
      fail("a string runs past the end of the file", entry);
    if (bytes_[offset + length] != '\0') fail("a string lacks its terminating zero", offset);
    return bytes_.substr(offset, length);
  }

  [[noreturn]] void fail(const std::string& what, std::size_t offset) const {
    throw CatalogError(std::string(name_) + ": not a usable message catalog: " + what +
                       " (at byte " + std::to_string(offset) + ")");
  }

 private:
  std::string_view bytes_;
  std::string_view name_;
  bool swap_ = false;
};

// The value of `field` ("Plural-Forms") in a catalog header's "Field: value" lines.
std::string_view header_field(std::string_view header, std::string_view field) {
  std::size_t line = 0;
  while (line < header.size()) {
    const std::size_t end = std::min(header.find('\n', line), header.size());
    const std::string_view text = header.substr(line, end - line);
    if (text.size() > field.size() && text.substr(0, field.size()) == field &&
        text[field.size()] == ':') {
      std::string_view value = text.substr(field.size() + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      return value;
    }
    line = end + 1;
  }
  return {};
}

}  // namespace

MessageCatalog MessageCatalog::from_mo(std::string bytes, std::string_view name) {
  MessageCatalog catalog;
  catalog.bytes_ = std::make_shared<const std::string>(std::move(bytes));
  const std::string_view all(*catalog.bytes_);
  Words words(all, name);
  const std::uint32_t magic = words.at(0);
  if (magic == kMagicSwapped) {
    words.set_swapped(true);
  } else if (magic != kMagic) {
    words.fail("it does not start with the .mo magic number", 0);
  }
  if ((words.at(4) >> 16) > 1) words.fail("a newer format revision", 4);
  const std::uint32_t count = words.at(8);
  const std::uint32_t originals = words.at(12);
  const std::uint32_t translations = words.at(16);
  if (count > all.size() / 16) words.fail("more messages than the file could hold", 8);
  for (std::uint32_t i = 0; i < count; ++i) {
    const std::string_view key = words.string_at(std::size_t{originals} + std::size_t{i} * 8);
    const std::string_view value = words.string_at(std::size_t{translations} + std::size_t{i} * 8);
    if (key.empty()) {
      const std::string_view forms = header_field(value, "Plural-Forms");
      if (!forms.empty()) {
        std::string problem;
        auto rule = PluralRule::from_header_value(forms, &problem);
        if (!rule) {
          throw CatalogError(std::string(name) + ": the header's Plural-Forms (" +
                             std::string(forms) + ") does not parse: " + problem);
        }
        catalog.rule_ = std::move(*rule);
      }
      catalog.language_ = std::string(header_field(value, "Language"));
      continue;
    }
    if (value.empty()) continue;  // untranslated: the English text is used
    // A plural message's key is "singular\0plural": it is found by its singular.
    catalog.entries_.emplace(key.substr(0, key.find('\0')), value);
  }
  return catalog;
}

std::optional<std::string_view> MessageCatalog::translation(std::string_view context,
                                                            std::string_view message) const {
  if (entries_.empty()) return std::nullopt;
  // A message in a context is stored as "context\x04message", as msgfmt writes it.
  const auto found =
      context.empty()
          ? entries_.find(message)
          : entries_.find(std::string(context) + kContextSeparator + std::string(message));
  if (found == entries_.end()) return std::nullopt;
  return found->second;
}

std::string_view MessageCatalog::text(std::string_view context, std::string_view message) const {
  const auto found = translation(context, message);
  if (!found) return message;
  // A plural message asked for without a count reads as its first form.
  return found->substr(0, found->find('\0'));
}

std::string_view MessageCatalog::plural(std::string_view context, std::string_view singular,
                                        std::string_view plural, std::uint64_t n) const {
  const std::string_view english = n == 1 ? singular : plural;
  const auto found = translation(context, singular);
  if (!found) return english;
  std::string_view forms = *found;
  for (int form = rule_.form_for(n); form > 0; --form) {
    const std::size_t next = forms.find('\0');
    if (next == std::string_view::npos) return english;  // fewer forms than the rule names
    forms.remove_prefix(next + 1);
  }
  return forms.substr(0, forms.find('\0'));
}

}  // namespace unknot::core
