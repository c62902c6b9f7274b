#include "core/language.h"

#include <algorithm>
#include <cctype>

namespace unknot::core {

namespace {

constexpr LanguageName kLanguages[] = {{"en", "English"}, {"es", "Español"}};
constexpr std::string_view kCodes[] = {"en", "es"};

}  // namespace

std::span<const LanguageName> languages() { return kLanguages; }

std::span<const std::string_view> language_codes() { return kCodes; }

bool known_language(std::string_view code) {
  return std::find(std::begin(kCodes), std::end(kCodes), code) != std::end(kCodes);
}

std::string language_of_locale(std::string_view locale) {
  if (locale == "C" || locale == "POSIX" || locale.rfind("C.", 0) == 0) return "en";
  std::string language;
  for (const char c : locale) {
    if (c == '_' || c == '.' || c == '@') break;
    if (std::isalpha(static_cast<unsigned char>(c)) == 0) return {};
    language.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (language.size() < 2 || language.size() > 3) return {};
  return language;
}

std::string system_language(const std::function<const char*(const char*)>& getenv,
                            std::span<const std::string_view> available) {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = getenv(name);
    if (value == nullptr || *value == '\0') continue;
    const std::string language = language_of_locale(value);
    if (std::find(available.begin(), available.end(), language) != available.end()) return language;
    return "en";  // the variable that decides names a language Unknot does not have
  }
  return "en";
}

std::string chosen_language(std::string_view option, std::string_view saved,
                            const std::function<const char*(const char*)>& getenv) {
  if (!option.empty()) return std::string(option);
  if (!saved.empty()) return std::string(saved);
  return system_language(getenv, kCodes);
}

namespace {

// The accented look-alike of an ASCII letter, as UTF-8 (Latin-1 Supplement and Extended-A,
// which every font Unknot draws with has).
std::string_view accented(char c) {
  static constexpr std::string_view lower[26] = {"à", "ƀ", "ç", "ď", "é", "ƒ", "ğ", "ĥ", "í",
                                                 "ĵ", "ķ", "ĺ", "ɱ", "ñ", "ó", "þ", "ǫ", "ŕ",
                                                 "ś", "ţ", "ú", "ṽ", "ŵ", "ẋ", "ý", "ž"};
  static constexpr std::string_view upper[26] = {"Å", "Ɓ", "Ç", "Ď", "É", "Ƒ", "Ğ", "Ĥ", "Í",
                                                 "Ĵ", "Ķ", "Ĺ", "Ṁ", "Ñ", "Ó", "Þ", "Ǫ", "Ŕ",
                                                 "Š", "Ţ", "Û", "Ṽ", "Ŵ", "Ẋ", "Ý", "Ž"};
  if (c >= 'a' && c <= 'z') return lower[c - 'a'];
  if (c >= 'A' && c <= 'Z') return upper[c - 'A'];
  return {};
}

// The length of a placeholder starting at `at`, or 0: "{name}" or a printf conversion.
std::size_t placeholder_length(std::string_view text, std::size_t at) {
  if (text[at] == '{') {
    const std::size_t end = text.find('}', at);
    return end == std::string_view::npos ? 0 : end - at + 1;
  }
  if (text[at] == '%' && at + 1 < text.size()) {
    std::size_t i = at + 1;
    while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) != 0 ||
                               text[i] == '.' || text[i] == '-' || text[i] == 'l'))
      ++i;
    if (i < text.size() && std::string_view("sdufgx%").find(text[i]) != std::string_view::npos)
      return i - at + 1;
  }
  return 0;
}

}  // namespace

std::string pseudo_translate(std::string_view english) {
  std::string out = "[";
  std::size_t word_letters = 0;
  std::string_view last_vowel = "ó";
  // A word ends: it grows by 40 % of its letters, rounded up, repeating its last vowel.
  const auto end_word = [&]() {
    for (std::size_t extra = (word_letters * 2 + 4) / 5; extra > 0; --extra) out += last_vowel;
    word_letters = 0;
  };
  for (std::size_t i = 0; i < english.size();) {
    if (const std::size_t n = placeholder_length(english, i); n > 0) {
      end_word();
      out.append(english.substr(i, n));
      i += n;
      continue;
    }
    const char c = english[i];
    if (const std::string_view look = accented(c); !look.empty()) {
      out += look;
      ++word_letters;
      if (std::string_view("aeiouAEIOU").find(c) != std::string_view::npos) last_vowel = look;
    } else {
      end_word();
      out.push_back(c);
    }
    ++i;
  }
  end_word();
  out += "]";
  return out;
}

}  // namespace unknot::core
