#include "core/translate.h"

#include "core/language.h"

namespace unknot::core {
namespace {

struct Installed {
  MessageCatalog catalog;
  std::string language = "en";
  bool pseudo = false;
};

Installed& installed() {
  static Installed state;
  return state;
}

}  // namespace

void install_catalog(MessageCatalog catalog, std::string language) {
  Installed& state = installed();
  state.catalog = std::move(catalog);
  state.language = std::move(language);
  state.pseudo = false;
}

void install_pseudo_language() {
  Installed& state = installed();
  state.catalog = MessageCatalog();
  state.language = std::string(kPseudoLanguage);
  state.pseudo = true;
}

const std::string& current_language() { return installed().language; }

std::string tr(std::string_view message) { return trc({}, message); }

std::string trc(std::string_view context, std::string_view message) {
  const Installed& state = installed();
  if (state.pseudo) return pseudo_translate(message);
  return std::string(state.catalog.text(context, message));
}

std::string trn(std::string_view singular, std::string_view plural, std::uint64_t n) {
  const Installed& state = installed();
  if (state.pseudo) return pseudo_translate(n == 1 ? singular : plural);
  return std::string(state.catalog.plural({}, singular, plural, n));
}

std::string fill(std::string_view text,
                 std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      out.push_back(c);
      i += 2;
      continue;
    }
    if (c == '{') {
      const std::size_t end = text.find('}', i);
      if (end != std::string_view::npos) {
        const std::string_view name = text.substr(i + 1, end - i - 1);
        const auto* value = [&]() -> const std::pair<std::string_view, std::string_view>* {
          for (const auto& v : values)
            if (v.first == name) return &v;
          return nullptr;
        }();
        if (value != nullptr) {
          out.append(value->second);
          i = end + 1;
          continue;
        }
      }
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

}  // namespace unknot::core
