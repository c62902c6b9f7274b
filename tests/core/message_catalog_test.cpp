#include "core/message_catalog.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "core/language.h"
#include "core/plural_rule.h"
#include "core/translate.h"

namespace unknot::core {
namespace {

// The catalogs msgfmt compiled from tests/data/i18n/*.po for this test (tests/core/CMakeLists).
std::string read_mo(const std::string& name) {
  std::ifstream in(std::string(UNKNOT_TEST_MO_DIR) + "/" + name, std::ios::binary);
  REQUIRE_MESSAGE(in, "missing " << name);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string error_of(std::string bytes) {
  try {
    MessageCatalog::from_mo(std::move(bytes), "x.mo");
  } catch (const CatalogError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("English's rule is the default: one, then many") {
  const PluralRule rule;
  CHECK(rule.forms() == 2);
  CHECK(rule.form_for(0) == 1);
  CHECK(rule.form_for(1) == 0);
  CHECK(rule.form_for(2) == 1);
}

TEST_CASE("plural rules parse with C's precedence and pick the published forms") {
  // Russian (gettext's manual): 1, 21, 101 | 2-4, 22-24 | 0, 5-20, 11-14, 25.
  const auto ru = PluralRule::from_header_value(
      "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
      "(n%100<10 || n%100>=20) ? 1 : 2);");
  REQUIRE(ru);
  CHECK(ru->forms() == 3);
  for (const int n : {1, 21, 101}) CHECK(ru->form_for(static_cast<std::uint64_t>(n)) == 0);
  for (const int n : {2, 4, 22, 24, 102}) CHECK(ru->form_for(static_cast<std::uint64_t>(n)) == 1);
  for (const int n : {0, 5, 11, 12, 14, 20, 25, 111}) {
    CHECK(ru->form_for(static_cast<std::uint64_t>(n)) == 2);
  }
  // French: 0 and 1 are singular.
  const auto fr = PluralRule::parse("n > 1", 2);
  REQUIRE(fr);
  CHECK(fr->form_for(0) == 0);
  CHECK(fr->form_for(1) == 0);
  CHECK(fr->form_for(2) == 1);
  // Spanish as CLDR has it lately: a third form for millions.
  const auto es = PluralRule::parse("n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2", 3);
  REQUIRE(es);
  CHECK(es->form_for(1) == 0);
  CHECK(es->form_for(2000000) == 1);
  CHECK(es->form_for(0) == 2);
  CHECK(es->form_for(7) == 2);
  // Precedence: * before +, + before <, < before ==, && before ||, ! on its operand.
  CHECK(PluralRule::parse("1 + 2 * n == 7", 2)->form_for(3) == 1);
  CHECK(PluralRule::parse("n < 3 == 1", 2)->form_for(2) == 1);
  CHECK(PluralRule::parse("0 || 1 && 0", 2)->form_for(0) == 0);
  CHECK(PluralRule::parse("!n", 2)->form_for(0) == 1);
  CHECK(PluralRule::parse("!n", 2)->form_for(5) == 0);
}

TEST_CASE("a plural rule that cannot be used says where, and a bad result falls to form 0") {
  std::string error;
  CHECK_FALSE(PluralRule::parse("n != ", 2, &error));
  CHECK(error == "unexpected end at column 6");
  CHECK_FALSE(PluralRule::parse("(n != 1", 2, &error));
  CHECK(error == "expected ')' at column 8");
  CHECK_FALSE(PluralRule::parse("n ? 1", 2, &error));
  CHECK(error.find("expected ':'") == 0);
  CHECK_FALSE(PluralRule::parse("n != 1 x", 2, &error));
  CHECK(error == "unexpected 'x' at column 8");
  CHECK_FALSE(PluralRule::parse("n", 0, &error));
  CHECK(error.find("nplurals must be 1 to 6") == 0);
  CHECK_FALSE(PluralRule::from_header_value("plural=n != 1;", &error));
  // Dividing by zero or naming a form the catalog lacks gives the first form, never a crash.
  CHECK(PluralRule::parse("n / 0", 2)->form_for(4) == 0);
  CHECK(PluralRule::parse("n", 2)->form_for(9) == 0);
}

TEST_CASE("a compiled catalog gives translations by message, context and count") {
  const MessageCatalog es = MessageCatalog::from_mo(read_mo("es.mo"), "es.mo");
  CHECK(es.language() == "es");
  CHECK(es.text("", "Start") == "Empezar");
  // The same English word in two places: the context tells them apart.
  CHECK(es.text("button", "Back") == "Atrás");
  CHECK(es.text("", "Back") == "Espalda");
  CHECK(es.text("pain", "Worst imaginable") == "El peor imaginable");
  CHECK(es.plural("", "%d session", "%d sessions", 1) == "%d sesión");
  CHECK(es.plural("", "%d session", "%d sessions", 2) == "%d sesiones");
  CHECK(es.plural("", "%d session", "%d sessions", 0) == "%d sesiones");
  // Untranslated, unknown, or in another context: the English text.
  CHECK(es.text("", "Not translated yet") == "Not translated yet");
  CHECK(es.text("", "Never seen") == "Never seen");
  CHECK(es.text("pain", "Start") == "Start");
  CHECK(es.plural("", "%d day", "%d days", 1) == "%d day");
  CHECK(es.plural("", "%d day", "%d days", 3) == "%d days");
  CHECK(es.size() == 5);
}

TEST_CASE("a catalog with three plural forms and one in the other byte order read the same") {
  const MessageCatalog ru = MessageCatalog::from_mo(read_mo("ru.mo"), "ru.mo");
  CHECK(ru.plural("", "%d minute", "%d minutes", 21) == "%d минута");
  CHECK(ru.plural("", "%d minute", "%d minutes", 3) == "%d минуты");
  CHECK(ru.plural("", "%d minute", "%d minutes", 11) == "%d минут");
  const MessageCatalog big = MessageCatalog::from_mo(read_mo("es-big-endian.mo"), "es.mo");
  CHECK(big.text("button", "Back") == "Atrás");
  CHECK(big.plural("", "%d session", "%d sessions", 5) == "%d sesiones");
}

TEST_CASE("no catalog is English") {
  const MessageCatalog none;
  CHECK(none.text("button", "Back") == "Back");
  CHECK(none.plural("", "%d session", "%d sessions", 1) == "%d session");
  CHECK(none.plural("", "%d session", "%d sessions", 4) == "%d sessions");
}

TEST_CASE("a damaged catalog is refused with its name, what is wrong and where") {
  const std::string good = read_mo("es.mo");
  CHECK(error_of("") == "x.mo: not a usable message catalog: ends early (at byte 0)");
  CHECK(error_of("this is a text file, not a catalog") ==
        "x.mo: not a usable message catalog: it does not start with the .mo magic number (at "
        "byte 0)");
  // Cut short: the string tables point past the end.
  CHECK(error_of(good.substr(0, good.size() / 2)).find("runs past the end") != std::string::npos);
  // A string's terminating zero overwritten.
  std::string unterminated = good;
  unterminated.back() = 'x';
  CHECK(error_of(unterminated).find("lacks its terminating zero") != std::string::npos);
  // A header whose plural rule does not parse.
  std::string bad_rule = good;
  const std::size_t at = bad_rule.find("(n != 1)");
  REQUIRE(at != std::string::npos);
  bad_rule.replace(at, 8, "(n != 1(");
  CHECK(error_of(bad_rule).find("x.mo: the header's Plural-Forms") == 0);
}

TEST_CASE("the system's language: LC_ALL, then LC_MESSAGES, then LANG, English otherwise") {
  const std::string_view available[] = {"en", "es"};
  const auto env = [](std::initializer_list<std::pair<const char*, const char*>> vars) {
    return [vars](const char* name) -> const char* {
      for (const auto& [key, value] : vars)
        if (std::string_view(key) == name) return value;
      return nullptr;
    };
  };
  CHECK(system_language(env({{"LANG", "es_MX.UTF-8"}}), available) == "es");
  CHECK(system_language(env({{"LANG", "es_ES.UTF-8"}, {"LC_MESSAGES", "en_GB.UTF-8"}}),
                        available) == "en");
  CHECK(system_language(env({{"LC_ALL", "es_AR.UTF-8"}, {"LC_MESSAGES", "en_US.UTF-8"}}),
                        available) == "es");
  // Set but empty is not set.
  CHECK(system_language(env({{"LC_ALL", ""}, {"LANG", "es_CL.UTF-8"}}), available) == "es");
  // The deciding variable names a language Unknot lacks: English, not the next variable's.
  CHECK(system_language(env({{"LC_MESSAGES", "de_DE.UTF-8"}, {"LANG", "es_ES.UTF-8"}}),
                        available) == "en");
  CHECK(system_language(env({{"LANG", "C.UTF-8"}}), available) == "en");
  CHECK(system_language(env({}), available) == "en");
  CHECK(language_of_locale("es_MX.UTF-8@euro") == "es");
  CHECK(language_of_locale("POSIX") == "en");
  CHECK(language_of_locale("").empty());
  CHECK(language_of_locale("1x_YY").empty());
}

TEST_CASE("the pseudo-language accents every letter, is 40 % longer and keeps placeholders") {
  const std::string english = "Start the session";
  const std::string pseudo = pseudo_translate(english);
  CHECK(pseudo.front() == '[');
  CHECK(pseudo.back() == ']');
  for (const char c : pseudo) CHECK_FALSE((std::isalpha(static_cast<unsigned char>(c)) != 0));
  // Counted in characters (UTF-8 lead bytes), not bytes.
  std::size_t chars = 0;
  for (const char c : pseudo) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  CHECK(chars >= english.size() * 14 / 10);
  CHECK(pseudo_translate("%d of {total} done, %.1f%%").find("%d") != std::string::npos);
  CHECK(pseudo_translate("%d of {total} done, %.1f%%").find("{total}") != std::string::npos);
  CHECK(pseudo_translate("%d of {total} done, %.1f%%").find("%.1f") != std::string::npos);
  CHECK(pseudo_translate(english) == pseudo);  // the same text every time
  CHECK(pseudo_translate("") == "[]");
}

}  // namespace unknot::core

namespace unknot::core {

TEST_CASE("tr, trc and trn read the installed language, and English is the default") {
  install_catalog(MessageCatalog(), "en");
  CHECK(current_language() == "en");
  CHECK(tr("Start") == "Start");
  CHECK(trn("{n} session", "{n} sessions", 1) == "{n} session");
  CHECK(trn("{n} session", "{n} sessions", 2) == "{n} sessions");

  install_catalog(MessageCatalog::from_mo(read_mo("es.mo"), "es.mo"), "es");
  CHECK(current_language() == "es");
  CHECK(tr("Start") == "Empezar");
  CHECK(trc("button", "Back") == "Atrás");
  CHECK(tr("Back") == "Espalda");
  CHECK(trn("%d session", "%d sessions", 1) == "%d sesión");
  CHECK(trn("%d session", "%d sessions", 12) == "%d sesiones");
  CHECK(tr("Never seen") == "Never seen");

  install_pseudo_language();
  CHECK(current_language() == "qps");
  CHECK(tr("Start") == pseudo_translate("Start"));
  CHECK(trn("{n} day", "{n} days", 3) == pseudo_translate("{n} days"));
  CHECK(trc("button", "Back") == pseudo_translate("Back"));

  install_catalog(MessageCatalog(), "en");  // leaves the process as the other tests expect
  CHECK(tr("Start") == "Start");
}

TEST_CASE("fill puts values in by name, in the translation's own order") {
  CHECK(fill("{done} of {total}", {{"done", "2"}, {"total", "5"}}) == "2 of 5");
  CHECK(fill("{total} en total, {done} hechas", {{"done", "2"}, {"total", "5"}}) ==
        "5 en total, 2 hechas");
  CHECK(fill("{n} and {n}", {{"n", "7"}}) == "7 and 7");
  // A name without a value stays visible; braces written twice are braces.
  CHECK(fill("{missing} left", {{"n", "1"}}) == "{missing} left");
  CHECK(fill("{{literal}} {n}", {{"n", "1"}}) == "{literal} 1");
  CHECK(fill("an unclosed { brace", {}) == "an unclosed { brace");
  // A value is not read again for placeholders.
  CHECK(fill("{a}", {{"a", "{b}"}, {"b", "x"}}) == "{b}");
}

}  // namespace unknot::core
