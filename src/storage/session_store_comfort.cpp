// The store's comfort settings (theme, text size, reduced motion, high contrast, language), one
// settings row each. Part of SessionStore (session_store.h).
#include <string>

#include "core/language.h"
#include "core/translate.h"
#include "storage/database.h"
#include "storage/session_store.h"
#include "storage/store_codec.h"

namespace unknot::storage {
namespace {

using codec::parse_int;

constexpr std::string_view kThemeKey = "theme";
constexpr std::string_view kTextPercentKey = "text_percent";
constexpr std::string_view kReduceMotionKey = "reduce_motion";
constexpr std::string_view kHighContrastKey = "high_contrast";
constexpr std::string_view kLanguageKey = "language";

}  // namespace

core::ComfortSettings SessionStore::comfort_settings() const {
  core::ComfortSettings comfort;  // every field starts at its default
  if (const auto theme = setting(kThemeKey)) {
    comfort.theme = core::parse_theme(*theme).value_or(comfort.theme);
  }
  if (const auto text = setting(kTextPercentKey)) {
    if (const auto percent = parse_int(*text))
      comfort.text_percent = core::valid_text_percent(*percent);
  }
  comfort.reduce_motion = setting(kReduceMotionKey) == "1";
  comfort.high_contrast = setting(kHighContrastKey) == "1";
  if (const auto language = setting(kLanguageKey); language && core::known_language(*language))
    comfort.language = *language;
  return comfort;
}

void SessionStore::save_comfort_settings(const core::ComfortSettings& comfort) {
  Transaction transaction(*db_, core::tr("saving the display settings"));
  set_setting(kThemeKey, core::theme_name(comfort.theme));
  set_setting(kTextPercentKey, std::to_string(core::valid_text_percent(comfort.text_percent)));
  set_setting(kReduceMotionKey, comfort.reduce_motion ? "1" : "0");
  set_setting(kHighContrastKey, comfort.high_contrast ? "1" : "0");
  set_setting(kLanguageKey, core::known_language(comfort.language) ? comfort.language : "");
  transaction.commit();
}

}  // namespace unknot::storage
