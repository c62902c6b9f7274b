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

// The language part of a POSIX locale name: "es_MX.UTF-8@euro" -> "es"; "C" and "POSIX" -> "en".
// Empty for an empty or malformed name.
std::string language_of_locale(std::string_view locale);

// The language the system asks for, among `available` (which should hold "en"): the first of
// LC_ALL, LC_MESSAGES and LANG that is set and not empty decides, as POSIX has it; its language
// if Unknot has it, else English. `getenv` reads one variable (null when unset).
std::string system_language(const std::function<const char*(const char*)>& getenv,
                            std::span<const std::string_view> available);

// `english` made to look translated and 40 % longer: letters accented ("Start" -> "Śţàŕţ"),
// each word lengthened, the whole in [brackets] so a cut end shows; {placeholders} and printf
// conversions (%d, %s, %.1f) are kept as they are, so the text still formats.
std::string pseudo_translate(std::string_view english);

}  // namespace unknot::core
