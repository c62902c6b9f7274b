// The language Unknot speaks now, for every layer that makes text a person reads or hears: the
// shell installs one catalog when it starts (and again when the person picks another language),
// and tr, trc and trn look each message up in it by its English text. These three names are
// also how xgettext finds the messages in the sources. Pure std. The installed catalog is read
// and replaced on the UI thread only (the audio thread gets its captions as finished text).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "core/message_catalog.h"

namespace unknot::core {

// Makes `catalog` the one tr/trc/trn read; an empty MessageCatalog is English. `language` is
// what current_language() then says ("es", "en").
void install_catalog(MessageCatalog catalog, std::string language);
// The pseudo-language: every message as pseudo_translate makes it (tests, translators).
void install_pseudo_language();
// "en" until a catalog is installed.
const std::string& current_language();

// `message` in the current language.
std::string tr(std::string_view message);
// `message` in `context`, for an English text that translates differently in two places
// ("Back" on a button, "Back" the body region).
std::string trc(std::string_view context, std::string_view message);
// The form of a counted message for `n`, by the language's plural rule ("1 session",
// "2 sessions"; "1 sesión", "2 sesiones"). The number itself goes in with fill().
std::string trn(std::string_view singular, std::string_view plural, std::uint64_t n);

// Marks an English text for the catalogs without translating it, for a table of texts that
// are translated where they are shown (tr(kTitle)): xgettext finds it here.
constexpr const char* tr_noop(const char* message) { return message; }

// `text` with each {name} replaced by its value, so a translation may put the parts in its own
// order ("{done} of {total}"). "{{" and "}}" stand for braces; a name without a value is kept
// as written, so a missing value shows instead of vanishing.
std::string fill(std::string_view text,
                 std::initializer_list<std::pair<std::string_view, std::string_view>> values);

}  // namespace unknot::core
