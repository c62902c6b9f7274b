// Choosing the language, installing its catalog (platform::install_language), and the dates and
// numbers core/local_text.h writes in English and in Spanish from the catalog the build made.
#include "core/language.h"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>
#include <utility>

#include "core/local_text.h"
#include "core/translate.h"
#include "desktop/paths.h"

namespace unknot {
namespace {

using namespace std::chrono;

const std::filesystem::path kLocaleDir = UNKNOT_TEST_LOCALE_DIR;

auto env(std::initializer_list<std::pair<const char*, const char*>> vars) {
  return [vars](const char* name) -> const char* {
    for (const auto& [key, value] : vars)
      if (std::string_view(key) == name) return value;
    return nullptr;
  };
}

// Installs `code` for one test and English again after it.
struct Speaking {
  explicit Speaking(std::string_view code) {
    const std::string problem = platform::install_language(code, kLocaleDir);
    REQUIRE_MESSAGE(problem.empty(), problem);
  }
  ~Speaking() { platform::install_language("en", kLocaleDir); }
  Speaking(const Speaking&) = delete;
  Speaking& operator=(const Speaking&) = delete;
};

}  // namespace

TEST_CASE("the language: --lang first, then the person's choice, then the system's") {
  CHECK(core::chosen_language("es", "en", env({{"LANG", "en_US.UTF-8"}})) == "es");
  CHECK(core::chosen_language("", "es", env({{"LANG", "en_US.UTF-8"}})) == "es");
  CHECK(core::chosen_language("", "", env({{"LANG", "es_MX.UTF-8"}})) == "es");
  CHECK(core::chosen_language("", "", env({{"LANG", "de_DE.UTF-8"}})) == "en");
  CHECK(core::chosen_language("qps", "", env({})) == "qps");
  CHECK(core::known_language("es"));
  CHECK_FALSE(core::known_language("qps"));
  CHECK(core::languages().front().code == "en");
}

TEST_CASE("installing a language: its catalog, the pseudo-language, or English with a reason") {
  {
    Speaking spanish("es");
    CHECK(core::current_language() == "es");
    CHECK(core::trc("short month", "Dec") == "dic");
  }
  CHECK(core::current_language() == "en");
  CHECK(core::trc("short month", "Dec") == "Dec");
  {
    Speaking pseudo("qps");
    CHECK(core::current_language() == "qps");
    CHECK(core::tr("Dec").front() == '[');
  }
  // A language Unknot lacks, and a catalog that is missing or damaged: English, and why.
  CHECK(platform::install_language("de", kLocaleDir).find("no language \"de\"") !=
        std::string::npos);
  CHECK(core::current_language() == "en");
  const std::filesystem::path empty_dir =
      std::filesystem::temp_directory_path() / "unknot-language-test-empty";
  std::filesystem::remove_all(empty_dir);
  CHECK(platform::install_language("es", empty_dir)
            .find((empty_dir / "es" / "LC_MESSAGES" / "unknot.mo").string()) != std::string::npos);
  CHECK(core::current_language() == "en");
  std::filesystem::create_directories(empty_dir / "es" / "LC_MESSAGES");
  std::ofstream(empty_dir / "es" / "LC_MESSAGES" / "unknot.mo") << "not a catalog";
  const std::string damaged = platform::install_language("es", empty_dir);
  CHECK(damaged.find("unknot.mo") != std::string::npos);
  CHECK(core::current_language() == "en");
  CHECK(core::trc("short month", "Dec") == "Dec");
  std::filesystem::remove_all(empty_dir);
}

TEST_CASE("dates in English and Spanish: names, order and the year") {
  const sys_days thursday = sys_days{year{2026} / December / 3};
  CHECK(core::weekday_day_month_text(thursday) == "Thu 3 Dec");
  CHECK(core::weekday_day_month_year_text(thursday) == "Thu 3 Dec 2026");
  CHECK(core::day_month_text(year{2026} / January / 31) == "31 Jan");
  CHECK(core::day_month_year_text(year{2026} / September / 9) == "9 Sep 2026");
  CHECK(core::weekday_name(Sunday) == "Sunday");
  CHECK(core::month_name(13).empty());
  Speaking spanish("es");
  CHECK(core::weekday_day_month_text(thursday) == "jue 3 dic");
  CHECK(core::weekday_day_month_year_text(thursday) == "jue 3 dic 2026");
  CHECK(core::day_month_text(year{2026} / January / 31) == "31 ene");
  CHECK(core::day_month_year_text(year{2026} / September / 9) == "9 sept 2026");
  CHECK(core::weekday_name(Wednesday) == "miércoles");
  CHECK(core::month_name(8) == "agosto");
}

TEST_CASE("decimal numbers take the language's separator") {
  CHECK(core::decimal_text(13.5, 1) == "13.5");
  CHECK(core::decimal_text(2, 2) == "2.00");
  CHECK(core::short_decimal_text(13.0, 1) == "13");
  CHECK(core::short_decimal_text(13.26, 1) == "13.3");
  CHECK(core::short_decimal_text(-0.04, 1) == "0");
  Speaking spanish("es");
  CHECK(core::decimal_text(13.5, 1) == "13,5");
  CHECK(core::decimal_text(-0.25, 2) == "-0,25");
  CHECK(core::short_decimal_text(4.50, 2) == "4,5");
  CHECK(core::short_decimal_text(7, 1) == "7");
}

}  // namespace unknot
