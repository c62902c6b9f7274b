// Which language Unknot speaks, and the pseudo-language tests use to find text that is not
// translated or does not fit. Pure std: the environment is read by the caller and handed in.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>

namespace unknot::core {

// "qps": every message pseudo-translated (pseudo_translate), for tests and translators.
inline constexpr std::string_view kPseudoLanguage = "qps";

// A language Unknot speaks: its code and its own name for itself ("Español").
struct LanguageName {
  std::string_view code;
  std::string_view name;
};
// Every language with a catalog, English first ("en", "es"): what Settings offers and --lang
// takes (besides the pseudo-language).
std::span<const LanguageName> languages();
// The codes of languages(), for system_language.
std::span<const std::string_view> language_codes();
// True for a code of languages().
bool known_language(std::string_view code);

// The language part of a POSIX locale name: "es_MX.UTF-8@euro" -> "es"; "C" and "POSIX" -> "en".
// Empty for an empty or malformed name.
std::string language_of_locale(std::string_view locale);

// The language the system asks for, among `available` (which should hold "en"): the first of
// LC_ALL, LC_MESSAGES and LANG that is set and not empty decides, as POSIX has it; its language
// if Unknot has it, else English. `getenv` reads one variable (null when unset).
std::string system_language(const std::function<const char*(const char*)>& getenv,
                            std::span<const std::string_view> available);

// The language to speak: `option` (the command line's --lang) if given, else `saved` (the
// person's choice in Settings) if given, else the system's (system_language over languages()).
std::string chosen_language(std::string_view option, std::string_view saved,
                            const std::function<const char*(const char*)>& getenv);

// `english` made to look translated and 40 % longer: letters accented ("Start" -> "Śţàŕţ"),
// each word lengthened, the whole in [brackets] so a cut end shows; {placeholders} and printf
// conversions (%d, %s, %.1f) are kept as they are, so the text still formats.
std::string pseudo_translate(std::string_view english);

}  // namespace unknot::core
